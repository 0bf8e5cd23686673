"""Events: one per reported occurrence, with all its evidence and its arguments.

1. Triggers (data/triggers/events.yaml) are found clitic-aware over the tokens,
   outside boilerplate, sub-headings and entity names; a few verbs count only with
   their object a few words on ("gapped": "أطلقت طائرة … صواريخ").
2. Each trigger owns a *scope*: the part of its sentence between the previous and
   the next trigger. Modality, actors, place, date, casualties and quantities are
   read from the scope first, then from the sentence.
   Each mention's role (a report, a reference, a kind of act) comes from cue words;
   nouns inside their clause that the cues let through are then weighed by the report
   model (`reportedness.py`), and the ones it finds named only in passing become
   references.
3. Mentions of the same occurrence are merged: a definite reference ("الاجتماع")
   joins the latest compatible event of its type, and so do mentions in the same
   sentence, the headline with the lead, and mentions sharing an actor or a place;
   two mentions whose dates or places contradict never merge.
4. Dates not stated next to a trigger come from the narrative: an event mentioned
   in the same sentence, then the latest dated event before it, then the
   publication window. Background clauses ("وكان …") and non-factual events get
   no inherited date: a date the text does not support is never invented.
"""
from __future__ import annotations

import bisect
import datetime as dt
import math
from dataclasses import dataclass, field, replace
from functools import cached_property
from itertools import islice
from typing import Container, Iterable, Iterator, KeysView

from marsad.arabic.normalize import normalize
from marsad.arabic.tokenize import LINE_BREAKS, has_line_break
from marsad.config import Options, load_data_yaml
from marsad.extract.entities import QUOTE
from marsad.extract.lexicon import PhraseMatcher, entry_key, token_keys
from marsad.extract.reportedness import MODEL_FILE as REPORT_MODEL_FILE
from marsad.extract.reportedness import ReportModel, judged, report_features
from marsad.model import (FACTUAL_MODALITIES, Casualties, DateValue, Document, Event, Mention, PlaceRef, Quantity,
                          SideCasualties, Span)
from marsad.resolve.places import distance_km

ACTOR_TYPES = ("ARMED_GROUP", "STATE", "ORGANIZATION", "PERSON")
SOURCE_TYPES = ("ORGANIZATION", "MEDIA", "PERSON")          # who may be cited for what is said after them
SPEAKER_TYPES = SOURCE_TYPES + ("ARMED_GROUP", "STATE")    # the same, when "إن"/"أن" follows their name
# words from a violent act to its means ("ب…"), past its agent and a victim named in full: 'اغتال
# مسلحون مجهولون، مساء أمس، القيادي في ميليشيا "الدفاع الوطني" المدعومة من النظام، المدعو حيدر الجاسم،
# بإطلاق النار عليه'
MEANS_REACH = 16
BLAST_MEANS_REACH = 4    # tokens from blasts to the bombs named as their means ("تفجيرات بسيارات ودراجات مفخخة")
RELATIVE_REACH = 6       # tokens from an act to the relative clause that tells its own time ('اتفاق "…" الذي')
THEN_WORDS = 3           # words after an act to "حينها" (at that time) that dates it by the last day told
BOTH_SIDES_REACH = 6     # tokens from a toll to "من الطرفين" that counts it on both sides
PRIOR_ACT_WORDS = 5      # from "بعد"/"عقب" to the act it names ("بعد ساعات من اعتقال")
GOVERNOR_WORDS = 10      # words back to the verb a purpose-looking "لـ" noun depends on ("تعرضت … لهجوم")
TALLY_DAYS = 7           # dead counted "منذ" a date longer ago than this: a tally over a period
GUESS_WORDS = 5          # "مسلحون يعتقد أنهم من": the words of a guess at unnamed attackers
CLAIM_REACH = 3          # sentences between an act and the claim of "the attack"
APPOSITION_WORDS = 4     # a name between two commas, read as part of its clause
STATEMENT_ASIDE_WORDS = 9   # and where a statement was made: "، في بيان تناقلته معرّفات مقربة منها أمس الجمعة،"
CLAUSE_PUNCTUATION = ("،", ",", "؛", ";", ":")
ASSASSINATED_WORDS = 12  # from an assassination to the last of its victims: "القيادي السابق محمد الزعبي ومرافقه"
RISEN_TO_WORDS = 12      # from a toll's dead to what it rose to: "حصيلة القتلى جراء الهجوم على حافلة في بادية تدمر إلى"
SOURCE_WORDS = 4         # words from a verb of saying to the source it names: "بحسب ما أفاد به الدفاع المدني"
SPEAKER_WORDS = 8        # and to the group whose office spoke: "قال مدير المكتب الإعلامي في قسد"
DENIAL_WORDS = 12        # words from a denial verb to what it denies: "نفى المكتب الإعلامي لقيادة العمليات المشتركة … تعرض"
DENIAL_REACH = 12        # words from a denial verb to its "أن", and from there to the act
LEAD_SENTENCES = 3       # headline, dateline and lead
HEADLINE_SEARCH = 6      # sentences in which to look for the headline past furniture and bylines
HEADLINE_JOINERS = ("..", "…")   # what joins a headline's items on its line
DATELINE_WORDS = 3       # a dateline's place: "بيروت", "دير الزور", "مدينة الحسكة"
LEAD_DATE_REACH = dt.timedelta(days=7)   # the news of a lead is this recent
# between a toll and the group it belongs to: "من صفوف ميليشيا …", 'قيادي في تنظيم "الدولة"'
SIDE_NOUNS = frozenset(normalize(w) for w in ("صفوف", "ميليشيا", "مليشيا", "تنظيم", "فصيل", "حركة", "جماعة"))
TOLD_LAG = dt.timedelta(days=3)   # how long before it was told an act may have happened
STATEMENT_DATE_WORDS = 3   # words from "أعلنت" to the day it was announced, its subject's name aside
SPEECH_DATE_REACH = 8   # tokens between what was said and its date
SPEECH_TYPES = ("THREATEN", "ACCUSE", "REJECT")      # their own future/conditional words are the content
ANAPHOR_SENTENCES = 3   # "الميليشيا" with no group of that name refers to the last group named this near
REFERENCE_REACH = 60   # sentences: "الاجتماع" refers back within an article, not across a whole archive
VIOLENT = ("ARMED_CLASH", "ATTACK", "ASSASSINATION", "AIRSTRIKE", "SHELLING", "EXPLOSION")
STRIKES = ("ATTACK", "SHELLING", "AIRSTRIKE")
SEIZURES = ("ARREST", "ABDUCTION", "ASSASSINATION")   # acts on a person, told by a noun with its agent after it
SPEECH_WINDOW = 8   # words after a figurative trigger in which a speech participle makes it words
GOVERNING_PERIOD_WORDS = frozenset({"خلال", "وخلال", "منذ", "ومنذ"})
CHARGE_OPENERS = ("بال", "بت", "با", "بم")   # "بالوقوف وراء", "بتسليح", "بإثارة", "بمهاجمة"
BOTH_SIDES_TYPES = frozenset({"ARMED_CLASH", "AGREE", "MEETING", "THREATEN"})   # what "الطرفان" may take part in
ACCUSATION_WORDS = 12   # words from an accusation to the act it charges: "اتهمت "قسد"، في بيان، النظام بقصف"
CLAIM_WORDS = 8   # words from "أعلن" to the act it claims, the claimant's name aside
NEAR_KM = 25   # how far "قرب X" / "في محيط X" may lie from X
SUBHEADING_WORDS = 5    # at most, in a line that ends in no stop, for a subheading
SENTENCE_STOPS = (".", "!", "؟", "?", ":", "…")
FIGHT_BEGAN_WORDS = 6   # the words between fire opened and the clash it set off ("باتجاه الحاجز، لتندلع")
OLD_NEWS = dt.timedelta(days=30)   # an act dated this long before publication is not the day's undated news
MEASURED_NEAR_KM = 50   # "(30 كلم شمال الموصل)": a town this close still places the act (geo-precision 2)
PATROL_REACH = 6   # tokens from a patrol to its act: "دورية تابعة لـ"قسد" حاولت اعتقال"
PATROL_TRIED_REACH = 16   # and from the patrol an attempt verb opens with to what it tried
TARGETING_REACH = 8   # tokens from a strike to the verb that says what it hit
TRANSFER_REACH = 8   # tokens from "نقلوا" to the town of the hospital
SOURCE_ENDS = ("ان", "إن", "أن", "،", ":", "الي", "إلى")   # what a source said begins after these ("أشار المصدر إلى أن")
THAT_WORDS = ("ان", "إن", "أن", "بان", "بأن")
BY_PHRASE_REACH = 10   # tokens from the trigger to the group after "من قبل"/"على يد" that did the act
RANGE_JOINERS = frozenset(normalize(w) for w in ("و", "إلى", "الى"))   # "بين خمسة وسبعة", "من 5 إلى 7"
REMOTE_VIOLENCE = ("AIRSTRIKE", "SHELLING", "EXPLOSION")
STRIKES_FROM_AFAR = ("AIRSTRIKE", "SHELLING")
DOER_PRONOUNS = ("ها", "ه", "هم", "هما")   # suffixed to a verbal noun: whose act it was
FIGHTS = frozenset({"ATTACK", "ARMED_CLASH"})
KILLINGS = frozenset({"ASSASSINATION", "ATTACK", "EXPLOSION"})
SYMMETRIC = ("ARMED_CLASH", "MEETING", "AGREE")   # types whose sides have no direction
ONE_SIDED = ("ATTACK", "ASSASSINATION", "AIRSTRIKE", "SHELLING", "EXPLOSION", "ARREST", "ABDUCTION")
FORCE_AND_MOVEMENT = (*ONE_SIDED, "ARMED_CLASH", "MOBILIZE", "BASE_CHANGE")
TOLL_TYPES = (*VIOLENT, "ARREST", "ABDUCTION", "PROTEST", "OTHER")
JOINING_WORDS = frozenset(normalize(w) for w in ("فيما", "كما"))   # a verb after these may share the subject before
SINCE = frozenset(normalize(w) for w in ("منذ", "ومنذ"))   # a date after it starts a period
PURPOSE_REACH = 15  # tokens from an act to "بهدف" + a noun of its kind that says what it was for
FOILED_WORDS = 14   # words from "أحبطت" to what it foiled, past the foiler's description and a time
SETTLEMENT_NOUNS = frozenset(entry_key(w) for w in ("مدينة", "بلدة", "قرية"))
# (normalised forms, clitics included: "في البلدة", "بالمدينة")
SETTLEMENT_ANAPHORS = frozenset(normalize(p + w) for w in ("البلدة", "المدينة", "القرية") for p in ("", "و", "ب", "وب"))
TURN_REACH = 16         # words from an attack to the clash it turned into: "هجوماً على مقرات … تحول إلى اشتباكات"
GUNS_REACH = 4          # words from a targeting verb to the guns it was made with: "استهدفت قوات النظام بالهاون"
ROAD_JOINERS = frozenset("-–—/")   # "طريق الرقة – دير الزور"
PLACE_RANK = {"site": 0, "neighbourhood": 0, "base": 0, "crossing": 0, "oilfield": 0, "village": 1, "town": 1,
              "desert": 1, "area": 1, "road": 1, "river": 1, "bridge": 0, "subdistrict": 2, "district": 2, "region": 2,
              "governorate": 3, "country": 4}


@dataclass(frozen=True, slots=True)
class TriggerSpec:
    type: str
    form: str          # "noun", "verb", "phrase"
    not_after: frozenset[str] = frozenset()
    not_before: frozenset[str] = frozenset()
    figurative: bool = False   # also names words or politics: needs a sign of force in its sentence
    not_forms: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class GappedTrigger:
    spec: TriggerSpec
    verbs: frozenset[str]
    objects: frozenset[str]      # one of these within `within` words after the verb makes it the act
    within: int
    # the object may not follow the verb at once: "أسر المقاتلون 27 عنصراً" captures, "أسر العناصر" are families
    apart: bool = False


@dataclass(slots=True)
class Hit:
    """One trigger occurrence and what its scope says."""

    start: int                       # token range of the trigger
    end: int
    spec: TriggerSpec
    type: str
    sentence: int
    scope: tuple[int, int]           # token range
    definite: bool
    modality: str = "asserted"
    place: str | None = None         # entity id
    place_in_scope: bool = False
    place_near: bool = False         # named as what the act was near ("قرب بلدة الكسرة")
    scope_places: frozenset[str] = frozenset()   # every place named after it ("في مدينة الباب وقرى ريف عفرين")
    place_bearing: bool = False      # named by a bearing from it ("شرقي دير الزور")
    date: DateValue | None = None
    date_unresolved: bool = False    # the text dates it, but nothing anchors the expression
    date_told: bool = False          # its date is the day a statement told it
    side_a: list[str] = field(default_factory=list)
    side_b: list[str] = field(default_factory=list)
    associated: list[str] = field(default_factory=list)
    casualties: Casualties = field(default_factory=Casualties)
    quantities: list[Quantity] = field(default_factory=list)
    attribution: tuple[str, Span] | None = None
    background: bool = False
    prior_lag: int | None = None     # "ويأتي ذلك بعد يومين من …": days before the news it was told with
    prior_from: int = 0              # the token of that "بعد": what comes before it is the later news's
    foiled: bool = False             # "أحبطت القوات محاولة تسلل": who foiled it is no party to the attempt
    # an occurrence of its own, never the same event as one told before: an answer ("ردت الفصائل
    # بقصف …"), what the news came after ("ويأتي ذلك بعد …"), another of a kind ("هجوماً مماثلاً")
    distinct: bool = False
    answer: bool = False             # the answer to another act: the headline may announce it, nothing else
    claimed: bool = False            # a definite noun someone claims ("تبنت الجماعة الهجوم"): it names who did it
    bounded: bool = False            # its scope ends with its clause: its parties are named there or not at all
    told_again: bool = False         # told again as what came after another act: "ويأتي الاجتماع بعد …"
    protested: bool = False          # the known act a protest is against: "رفضاً للغارات الأردنية"
    # a noun trigger told by the targeting verb before it ("استهدفت قوات النظام بقذائف"): its
    # subject comes right after that verb
    told_by_verb: bool = False
    # "نفت الهيئة أي علاقة لها بعملية الخطف": a party to the act is denied, not the act
    link_denied: bool = False
    confidence: float = 1.0          # probability that it reports an occurrence (reportedness.py)
    # a verb told apart from its noun ("ألقت قوات الأمن، فجر اليوم، القبض") or an attack with its
    # means ("مجزرة …، بغارة روسية"): the token after them, where the scope of the act named next begins
    object_end: int = 0
    # "report": tells the occurrence; "reference": names it as the topic of a condemnation, a trial, a
    # point in time ("أدان الهجوم", "منذ اغتيال …"); "generic": a kind of act, no occurrence
    role: str = "report"

    @property
    def actors(self) -> set[str]:
        return {*self.side_a, *self.side_b, *self.associated}


class EventExtractor:
    name = "events"
    requires = ("tokens", "sentences", "mentions", "entities", "relations", "boilerplate", "date_mentions")
    provides = ("events",)

    def __init__(self, options: Options):
        self.options = options

    # --- resources --------------------------------------------------------------------------
    @cached_property
    def cues(self) -> dict:
        raw = load_data_yaml("event_cues.yaml", self.options)

        def keyset(words):
            return frozenset(entry_key(w) for w in words)

        out = {"modality": {k: keyset(v) for k, v in raw["modality"].items()},
               "attempted_type": raw["attempted_type"], "air": keyset(raw["air_cues"]),
               "breaks": keyset(raw["clause_breaks"]), "side_a_after": keyset(raw["side_a_after"]),
               "side_b_after": keyset(raw["side_b_after"]), "between": keyset(raw["between"]),
               "between_pronouns": keyset(raw["between_pronouns"]), "relatives": keyset(raw["relative_pronouns"]),
               "role_before_place": keyset(raw["role_before_place"]),
               "group_nouns": keyset(raw["group_nouns"]),
               "casualties": {k: keyset(v) for k, v in raw["casualties"].items()},
               "quantities": {k: keyset(v) for k, v in raw["quantities"].items()},
               "attribution": {k: keyset(v) for k, v in raw["attribution"].items()}}
        # multi-word cues ("في حال", "دون التمكن") are checked on the first word and the next
        out["phrases"] = {k: _Phrases.of(p for p in v if " " in p) for k, v in raw["modality"].items()}
        out["side_a_phrases"] = _Phrases.of(p for p in raw["side_a_after"] if " " in p)
        # a cue read across commas stops at a contrast or a "but"
        out["sentence_breaks"] = out["modality"]["contrast_breaks"] | out["modality"]["but_words"]
        out["backing"] = _Phrases.of(raw["backing"])
        out["backing_construct"] = keyset(raw["backing_construct"])
        out["accusation"] = keyset(raw["accusation_openers"])
        out["titles"] = keyset(raw["title_nouns"])
        out["plot_words"] = keyset(raw["plot_words"])
        out["return_verbs"] = keyset(raw["return_verbs"])
        out["statement_asides"] = _Phrases.of(raw["statement_asides"])
        out["prior_openers"] = keyset(raw["prior_openers"])
        out["prior_words"] = keyset(raw["prior_words"])
        out["onset_nouns"] = keyset(raw["onset_nouns"])
        out["air_forces"] = frozenset(raw["air_forces"])
        out["tolls"] = out["casualties"]["killed"] | out["casualties"]["injured"]   # "وأكد مصدر طبي مقتله"
        out["cause_words"] = keyset(raw["cause_words"])
        out["usage_words"] = keyset(raw["usage_words"])
        out["premises"] = keyset(raw["premises"])
        out["premises_locatives"] = keyset(raw["premises_locatives"])
        out["ground_fire"] = keyset(raw["ground_fire"])
        out["artillery"] = keyset(raw["artillery"])
        out["turned_into"] = keyset(raw["turned_into"])
        out["pulled_out"] = keyset(raw["withdrawals"]) | keyset(raw["pulled_out"])
        out["targeting"] = keyset(raw["targeting"])
        out["reciprocal"] = keyset(raw["reciprocal_verbs"])
        out["prepositional_nouns"] = keyset(raw["prepositional_nouns"])
        out["victims"] = keyset(raw["victim_nouns"])
        out["response_verbs"] = keyset(raw["response_verbs"])
        out["after_act"] = keyset(raw["after_act"])
        out["charge"] = keyset(raw["charge_words"])
        out["prompt"] = keyset(raw["prompt_verbs"])
        out["bearing_before_from"] = keyset(raw["bearing_before_from"])
        out["statement_openers"] = keyset(raw["statement_openers"])
        out["transfer_verbs"] = keyset(raw["transfer_verbs"])
        out["another_of_kind"] = keyset(raw["another_of_kind"])
        out["during"] = keyset(raw["during_pronouns"])
        out["participants"] = keyset(raw["participant_nouns"])
        out["both_sides"] = keyset(raw["both_sides"])
        out["at_the_meeting"] = keyset(raw["at_the_meeting"])
        out["at_the_meeting_before"] = keyset(raw["at_the_meeting_before"])
        out["phone_words"] = keyset(raw["phone_words"])
        out["vows"] = keyset(raw["vow_words"])
        out["vow_goals"] = keyset(raw["vow_goals"])
        out["ambush"] = keyset(raw["ambush_words"])
        out["posts"] = keyset(raw["post_nouns"])
        out["fire_posts"] = keyset(raw["fire_posts"])
        out["undergo"] = keyset(raw["undergo_verbs"])
        out["force_adjectives"] = keyset(raw["force_adjectives"])
        out["speaker_nouns"] = keyset(raw["speaker_nouns"])
        out["speaker_modifiers"] = keyset(raw["speaker_modifiers"])
        out["spokesman_nouns"] = keyset(raw["spokesman_nouns"])
        out["agreement_terms"] = keyset(raw["agreement_terms"])
        out["discussed"] = keyset(raw["discussed"])
        out["participle_heads"] = keyset(raw["participle_heads"])
        out["setting"] = keyset(raw["setting_prepositions"])
        out["near_place"] = keyset(raw["near_place"])
        out["border_nouns"] = keyset(raw["border_nouns"])
        out["solidarity"] = keyset(raw["solidarity_words"])
        out["passive_openers"] = keyset(raw["passive_openers"])
        out["passive_verbs"] = keyset(raw["passive_verbs"])
        out["drones"] = keyset(raw["drones"])
        out["service_nouns"] = keyset(raw["service_nouns"])
        out["case_nouns"] = keyset(raw["case_nouns"])
        out["backers_before"] = keyset(raw["backers_before"])
        out["before_that"] = keyset(raw["before_that"])
        out["retaliation"] = keyset(raw["retaliation_nouns"])
        out["period_words"] = keyset(raw["period_words"])
        out["protest_reasons"] = keyset(raw["protest_reasons"])
        out["community"] = keyset(raw["community_nouns"])
        out["hometown"] = keyset(raw["hometown_verbs"])
        out["belonging"] = keyset(raw["belonging_words"])
        out["others"] = keyset(raw["other_victims"])
        out["act_anaphors"] = keyset(raw["act_anaphors"])
        out["toward"] = keyset(raw["toward_words"])
        out["coming"] = keyset(raw["coming_from"])
        out["fired_from"] = {k: keyset(v) for k, v in raw["fired_from"].items()}
        out["held_by"] = {k: keyset(v) for k, v in raw["held_by"].items()}
        out["violence"] = keyset(raw["violence_signs"]) | out["casualties"]["killed"] | out["casualties"]["injured"] \
            | out["quantities"]["weapons"] | out["quantities"]["fighters"]
        out["reference"] = keyset(raw["reference_before"])
        out["reference_right"] = keyset(raw["reference_right_before"])
        out["claim_verbs"] = keyset(raw["claim_verbs"])
        out["statement_verbs"] = out["attribution"]["speech_verbs"] | out["claim_verbs"]   # say or announce
        out["adopt_verbs"] = keyset(raw["adopt_verbs"])
        shared = load_data_yaml("entity_cues.yaml", self.options)   # read by entities and relations too
        out["group_anaphors"] = frozenset(normalize(w) for w in shared["group_anaphors"])
        out["bearings"] = keyset(shared["bearings"])
        out["media_heads"] = keyset(shared["media_heads"])
        out["road_nouns"] = keyset(shared["road_nouns"])
        out["unit_words"] = keyset(shared["units"])
        out["ranks"] = keyset(shared["ranks"])
        out["own_forces"] = frozenset(normalize(w) for w in raw["own_forces"])
        # (as written, not a reading of another word: "حيث", not "بحيث", so that)
        out["where_words"] = frozenset(normalize(w) for w in raw["where_words"])
        out["until_words"] = frozenset(normalize(w) for w in raw["until_words"])
        out["responsibility"] = keyset(raw["responsibility"])
        out["occurrence_verbs"] = keyset(raw["occurrence_verbs"])
        out["blast_verbs"] = keyset(raw["blast_verbs"])
        for name in ("verb_phrase_heads", "fired", "hedges", "unnamed_agents", "other_than", "purpose_words", "distance_units",
                     "road_links", "connectives", "counts_before_since", "execution_verbs", "judicial_words", "doing_verbs",
                     "delegations", "arrival_words", "fear_words", "withdrawals", "left_places",
                     "office_units", "security_committee", "committee_formed", "about_words", "committed_verbs",
                     "then_words", "strike_nouns", "commit_verbs", "talks_named_by_place"):
            out[name] = keyset(raw[name])
        out["reason_openers"] = _Phrases.of(raw["reason_openers"])
        out["statement_turns"] = _Phrases.of(raw["statement_turns"])
        out["fight_began"] = keyset(raw["fight_began"])
        out["protest_breakers"] = keyset(raw["protest_breakers"])
        # a clause opening with these has its act as their object or subject ("شن مسلحون هجوماً")
        out["act_openers"] = (out["occurrence_verbs"] | out["blast_verbs"] | out["modality"]["attempted_before"]
                              | out["casualties"]["killed"] | out["casualties"]["injured"] | out["protest_breakers"])
        out["generic"] = keyset(raw["generic_before"])
        out["speech_after"] = keyset(raw["speech_after"])
        # after a denial, what opens a later "أن" of its own ("نفى المصدر ذلك، مؤكداً أن …")
        out["said_after_denial"] = (out["attribution"]["speech_verbs"] | out["speech_after"]
                                    | keyset(raw["affirm_words"]))
        return out

    @cached_property
    def matcher(self) -> PhraseMatcher[TriggerSpec]:
        raw = load_data_yaml("triggers/events.yaml", self.options)
        m: PhraseMatcher[TriggerSpec] = PhraseMatcher()
        for etype, spec in raw.items():
            not_after = frozenset(entry_key(w) for w in spec.get("not_after") or ())
            not_before = frozenset(entry_key(w) for w in spec.get("not_before") or ())
            not_forms = frozenset(entry_key(w) for w in spec.get("not_forms") or ())
            figurative = set(spec.get("figurative") or ())
            # a phrase that opens with one of the type's verbs is a clause: "فجرا نفسيهما", "خرج المتظاهرون"
            verbs = set(spec.get("verbs") or ()).union(*(g["verbs"] for g in spec.get("gapped") or ()))
            for form_name, words in (("noun", spec.get("nouns")), ("verb", spec.get("verbs")),
                                     ("phrase", spec.get("phrases"))):
                for word in words or ():
                    form = "verb" if form_name == "phrase" and word.split()[0] in verbs else form_name
                    payload = TriggerSpec(etype, form, not_after, not_before, word in figurative, not_forms)
                    forms = {"noun": _noun_forms, "verb": _verb_forms}.get(form_name)
                    for written in (forms(word) if forms else [word]):
                        m.add(written, payload)
        return m

    @cached_property
    def gapped(self) -> list[GappedTrigger]:
        raw = load_data_yaml("triggers/events.yaml", self.options)
        out = []
        for etype, spec in raw.items():
            # (the type's blocking words hold for its gapped verbs too: "أطلقوا النار في الهواء")
            not_after = frozenset(entry_key(w) for w in spec.get("not_after") or ())
            not_before = frozenset(entry_key(w) for w in spec.get("not_before") or ())
            for g in spec.get("gapped") or ():
                objects = frozenset(entry_key(f) for w in g["objects"] for f in _noun_forms(w))
                out.append(GappedTrigger(TriggerSpec(etype, "verb", not_after, not_before),
                                         frozenset(entry_key(f) for w in g["verbs"] for f in _verb_forms(w)), objects,
                                         int(g.get("within", 5)),
                                         bool(g.get("apart", False))))
        return out

    @cached_property
    def gapped_verbs(self) -> frozenset[str]:
        return frozenset().union(*(g.verbs for g in self.gapped))

    @cached_property
    def gazetteer(self):
        from marsad.resolve.places import Gazetteer
        return Gazetteer.load(self.options)

    @cached_property
    def report_model(self) -> ReportModel:
        from marsad.extract.ner_crf import models_dir
        return ReportModel.read(models_dir(self.options) / REPORT_MODEL_FILE)

    @cached_property
    def actors_kb(self):
        from marsad.resolve.kb import ActorBase
        return ActorBase.load(self.options)

    # --- the stage -------------------------------------------------------------------------------
    def __call__(self, doc: Document) -> None:
        ctx, hits = self.mentions(doc)
        self._weigh(ctx, hits)
        # a group no mention of which reports an occurrence is talk about one, or about a kind of act
        events = [g for g in self._merge(ctx, hits) if any(x.role == "report" for x in g.hits)]
        self._tolls_told_next(ctx, hits, events)
        self._tolls_of_both_sides(ctx, events)
        self._inherit_dates(ctx, events)
        self._default_places(ctx, events)
        doc.events = [self._to_event(ctx, n, group) for n, group in enumerate(events, 1)]

    def mentions(self, doc: Document) -> tuple[_Context, list[Hit]]:
        """Every trigger with what its scope says, before mentions are weighed and merged."""
        ctx = _Context(doc, self)
        hits = self._find_triggers(ctx)
        ctx.trigger_types = {h.start: h.type for h in hits}
        ctx.violent_ends = {h.end for h in hits if h.type in VIOLENT}
        ctx.violent_starts = sorted(h.start for h in hits if h.type in VIOLENT)
        ctx.protest_sentences = {h.sentence for h in hits if h.type == "PROTEST"}
        for h in hits:
            self._read_scope(ctx, h)
        self._shared_subjects(ctx, hits)
        self._speakers(ctx, hits)
        self._both_sides(ctx, hits)
        self._reached_at_meetings(ctx, hits)
        self._threatened_parties(hits)
        for h in hits:
            if h.link_denied:
                # "نفت الحركة مسؤوليتها عن اختطاف …": a party to the act is denied, not the act, which
                # took place; it is reported here unless the text told it elsewhere
                told = any(o.type == h.type and o.modality == "asserted" for o in hits if o is not h)
                h.modality, h.role = "asserted", "reference" if told else "report"
                self._drop_speakers(ctx, h)
            elif h.role == "reference" and self._told_in_passing(ctx, h, hits):
                h.role = "report"
        return ctx, hits

    def _told_in_passing(self, ctx: _Context, h: Hit, hits: list[Hit]) -> bool:
        """An act named as the topic of another that is told nowhere else, with its own recent day
        and toll: "القبض على ثلاثة من المتورطين في الكمين الذي نصبته مجموعة … مساء أمس، ما أدى إلى
        ارتقاء أربعة من عناصر الأمن العام" (not "سيحاكمون … حول اعتداءات الدار البيضاء التي أوقعت 45
        قتيلاً … في 16 مايو 2003")."""
        cut = ctx.old_news_before
        return (cut is not None and h.date is not None and h.date.min is not None and h.date.min >= cut
                and bool(h.casualties.killed or h.casualties.injured)
                and self._topic_cue(ctx, ctx.words_before(h))
                and not any(o.type == h.type and o.role == "report" for o in hits if o is not h))

    def _shared_subjects(self, ctx: _Context, hits: list[Hit]) -> None:
        """"زار وفد روسي القامشلي والتقى قياديين في قسد", "استقدمت الميليشيا تعزيزات وشنت حملة":
        a verb joined by و to the act before it, with no subject of its own, shares that one's;
        and so does a speech verb joined to a statement ("وأدانت الإدارة الذاتية الهجوم، واتهمت
        الدولة التركية بـ…"), whose party named first is then its object."""
        for n, h in enumerate(hits):
            # (or by "فيما"/"كما", an act of force to one or a movement before it: "ودفعت قسد بتعزيزات …،
            # فيما قصفت بالمدفعية منازل في ذيبان")
            by_word = ctx.word_before(h.start) in JOINING_WORDS and h.type in ONE_SIDED
            if h.spec.form != "verb" or not (ctx.tokens[h.start].norm.startswith("و") or by_word):
                continue
            if not h.side_a:
                prev = next((p for p in reversed(hits[:n]) if p.sentence == h.sentence and p.side_a), None)
                if prev is not None and (not by_word or prev.type in FORCE_AND_MOVEMENT):
                    h.side_a = [e for e in prev.side_a if e not in h.side_b]
            elif h.type in SPEECH_TYPES and len(h.side_a) == 1:
                # "نفى مسؤول في فاطميون …، واتهم الفيلق الخامس بنشر …": the one who denied accuses
                prev = next((p for p in reversed(hits[:n]) if p.sentence == h.sentence
                             and p.type in SPEECH_TYPES and p.spec.form == "verb"), None)
                said = prev is not None and prev.side_a and self._charged(ctx, h)
                speaker = prev.side_a[0] if said else self._statement_subject(ctx, h)
                if speaker is not None and speaker not in h.side_a:
                    h.side_a, h.side_b = [speaker], h.side_a + [e for e in h.side_b if e != speaker]

    @staticmethod
    def _speakers(ctx: _Context, hits: list[Hit]) -> None:
        """'وقال قائد المجلس، شيروان كلو، إنه "حذّر مراراً من أي هجوم"': a threat, charge or denial a
        verb tells in someone's words, with no subject of its own, is the speaker's (not a noun's:
        "تهديدات أنقرة" are Ankara's)."""
        for h in hits:
            if h.type not in SPEECH_TYPES or h.spec.form != "verb" or h.side_a or not h.attribution:
                continue
            said = h.attribution[1]
            if said.end > ctx.tokens[h.start].span.start:
                continue   # (the words after the speaker, not the speaker's own title)
            lo, hi = ctx.tok(said.start), ctx.tok_end(said.end)
            h.side_a = list(dict.fromkeys(m.entity_id for _, m in ctx.mentions_in((lo, hi), ACTOR_TYPES)
                                          if m.entity_id not in h.side_b))

    @staticmethod
    def _threatened_parties(hits: list[Hit]) -> None:
        """'هدد القيادي … بـ"اقتحام" مقرات الفيلق الخامس': whom the act a threat names would strike is
        threatened too."""
        for n, threat in enumerate(hits):
            if threat.type != "THREATEN":
                continue
            act = next((x for x in hits[n + 1:] if x.sentence == threat.sentence and x.modality == "threatened"), None)
            if act is not None:
                threat.side_b += [e for e in act.side_b if e not in threat.actors]

    def _both_sides(self, ctx: _Context, hits: list[Hit]) -> None:
        """"توصل الطرفان إلى هدنة", "حذروا الطرفين", "قادة الفصيلين": the two sides are those of the
        last clash told before, when the act names no more than one party of its own."""
        for n, h in enumerate(hits):
            if h.type not in BOTH_SIDES_TYPES or len({*h.side_a, *h.side_b}) > 1 or not any(
                    ctx.keys[k] & self.cues["both_sides"] for k in range(ctx.clause_start(h), ctx.clause_end_at(h.end))):
                continue
            clash = next((p for p in reversed(hits[:n]) if p.type == "ARMED_CLASH" and p.side_a and p.side_b), None)
            if h.type == "AGREE":
                # "التقى عبدي الشيباني … مشيراً إلى أن الطرفين اتفقا على …": the sides of the talks just told
                talks = next((p for p in reversed(hits[:n]) if p.type == "MEETING" and len(p.actors) >= 2
                              and h.sentence - p.sentence <= ANAPHOR_SENTENCES), None)
                if talks is not None:
                    parties = dict.fromkeys((*talks.side_a, *talks.side_b, *talks.associated))
                    h.side_a = [e for e in parties if e not in h.side_b]
                    if talks.place is not None and not h.place_in_scope:
                        h.place = talks.place   # where they talked, rather than a place their words name
                    continue
            if clash is None:
                continue
            if h.type == "ARMED_CLASH" and not h.side_a:
                h.side_a, h.side_b = list(clash.side_a), list(clash.side_b)
            else:
                h.side_b += [e for e in (*clash.side_a, *clash.side_b) if e not in h.side_a and e not in h.side_b]
            if h.place is None:
                h.place = clash.place   # "توصل الطرفان إلى هدنة": where they fought, when it names no place

    def _reached_at_meetings(self, ctx: _Context, hits: list[Hit]) -> None:
        """"عقدوا اجتماعاً اليوم الجمعة مع أعضاء اللجنة … وتوصل الطرفان في ختام الاجتماع إلى هدنة": an
        agreement reached at the meeting told before it was made that day, there (its parties, when the
        text calls them "الطرفان", are the meeting's: see _both_sides)."""
        meeting_starts = {h.start for h in hits if h.type == "MEETING"}
        for n, h in enumerate(hits):
            if h.type != "AGREE":
                continue
            lo, hi = ctx.clause_start(h), ctx.clause_end_at(h.end)
            if not any(ctx.keys[k] & self.cues["at_the_meeting"]
                       or ctx.keys[k] & self.cues["at_the_meeting_before"] and k + 1 in meeting_starts
                       for k in range(lo, hi)):
                continue
            talks = next((p for p in reversed(hits[:n]) if p.type == "MEETING" and p.start not in range(lo, hi)
                          and h.sentence - p.sentence <= ANAPHOR_SENTENCES), None)
            if talks is None:
                continue
            if talks.date is not None:
                h.date, h.date_told, h.date_unresolved = talks.date, False, False
            if talks.place is not None:
                h.place, h.place_in_scope = talks.place, talks.place_in_scope

    @staticmethod
    def _charged(ctx: _Context, h: Hit) -> bool:
        """Whether the party named right after a speech verb is followed by what it is charged
        with or threatened by ("اتهم الفيلق الخامس بنشر الشائعات"): then it is the object."""
        m = next((m for i, m in ctx.mentions_in((h.end, h.end + 3), ACTOR_TYPES)), None)
        if m is None:
            return False
        k = ctx.tok_end(m.span.end)
        while k < len(ctx.tokens) and not ctx.tokens[k].is_word:
            k += 1
        return k < len(ctx.tokens) and ctx.tokens[k].norm.startswith("ب")

    def _statement_subject(self, ctx: _Context, h: Hit) -> str | None:
        """The subject of the statement verb that opens the sentence of `h`, if it opens so."""
        lo, _ = ctx.sentence_tokens(h.sentence)
        first = next((i for i in range(lo, h.start) if ctx.tokens[i].is_word), None)
        if first is None or not ctx.keys[first] & self.cues["statement_openers"]:
            return None
        m = next((m for _, m in ctx.mentions_in((first + 1, min(first + 3, h.start)), ACTOR_TYPES)), None)
        return m.entity_id if m is not None else None

    def _weigh(self, ctx: _Context, hits: list[Hit]) -> None:
        """A mention the rules let through as a report, but that the report model finds only
        speaks of an occurrence in passing, becomes a reference."""
        model = self.report_model
        for n, h in enumerate(hits):
            # (an act someone was pushed to is told: "ما دفع أقاربه إلى إطلاق النار"; and so is
            # one the news came so long after: "ويأتي ذلك بعد يومين من هجوم مماثل")
            # (nor an act whose perpetrator denies a part in it: the denial says it took place)
            if (h.role == "report" and h.modality in FACTUAL_MODALITIES and model.judges(h.type) and not h.link_denied
                    and judged(ctx, hits, n) and self._prompted(ctx, h) is None and h.prior_lag is None):
                h.confidence = model.probability(report_features(ctx, hits, n), h.type)
                if not model.reports(h.confidence, h.type):
                    h.role = "reference"

    # 1. triggers ------------------------------------------------------------------------------
    def _find_triggers(self, ctx: _Context) -> list[Hit]:
        hits = [h for m in self.matcher.find(ctx.tokens, ctx.keys)
                if (h := self._accept(ctx, m.start, m.end, m.payload)) is not None]
        hits = sorted(self._with_gapped_triggers(ctx, hits), key=lambda h: h.start)
        hits = self._absorb_targeting(ctx, hits)
        # scopes: the stretch of the sentence between neighbouring triggers
        for n, h in enumerate(hits):
            lo, hi = ctx.sentence_tokens(h.sentence)
            prev_end = max(hits[n - 1].end, hits[n - 1].object_end) if n > 0 and hits[n - 1].sentence == h.sentence else lo
            next_start = hits[n + 1].start if n + 1 < len(hits) and hits[n + 1].sentence == h.sentence else hi
            h.scope = (prev_end, next_start)
            opener = ctx.words_before(h)
            if len(opener) == 1 and ctx.keys[opener[0]] & self.cues["after_act"]:
                # "وعقب الهجوم، شنت قسد حملة": the act a sentence opens after ends with its clause
                # (at a comma: a relative clause, "الاشتباكات التي اندلعت بينها وبين …", is the act's own)
                h.scope = (prev_end, next((i for i in range(h.end, next_start) if ctx.tokens[i].norm in CLAUSE_PUNCTUATION),
                                          next_start))
                h.bounded = True
        return hits

    def _accept(self, ctx: _Context, start: int, end: int, spec: TriggerSpec) -> Hit | None:
        """A trigger occurrence, unless it is boilerplate, part of a name, or blocked by its context."""
        tokens = ctx.tokens
        span = Span(tokens[start].span.start, tokens[end - 1].span.end)
        if ctx.doc.in_boilerplate(span) or any(ctx.entity_at[i] for i in range(start, end)):
            return None
        s = ctx.sentence_of(start)
        if ctx.is_subheading(s) or self._blocked(ctx, start, end, spec) or self._asks(ctx, s):
            return None
        # "الاجتماع", "للاجتماع", and a construct phrase whose last word is definite ("لجنة التحقيق")
        definite = spec.form != "verb" and any(f.startswith("ال") for t in tokens[start:end] for f in t.forms)
        # "العملية استهدفت مسؤولاً …": a verb whose subject is the act named before tells that act
        told_again = (spec.form == "verb" and start > 0 and tokens[start - 1].is_word
                      and bool(ctx.keys[start - 1] & self.cues["act_anaphors"]))
        return Hit(start, end, spec, spec.type, s, (0, 0), definite or told_again)

    def _with_gapped_triggers(self, ctx: _Context, found: list[Hit]) -> list[Hit]:
        """`found` and the verbs that tell the act only with their object a few words on, past the
        subject or a time: "أطلقت طائرة بلا طيار صواريخ", "تجمع أمس مئات المتظاهرين". The trigger is
        the verb. A date between them does not count against the distance ("خرج مساء أول من أمس
        مئات من المتظاهرين"). A verb found alone as another act is read by its object instead:
        "احتجزت الجماعة 12 رهينة" takes hostages, where "احتجزت الشرطة مطلوبين" arrests."""
        lone_verbs = {h.start: h for h in found if h.spec.form == "verb" and h.end - h.start == 1}
        # an object may itself be found as a noun: "تصدت الدفاعات لعدوان" is the air strike, not an attack
        lone_nouns = {h.start: h for h in found if h.spec.form == "noun" and h.end - h.start == 1}
        taken = {i for h in found for i in range(h.start, h.end)}
        verbs = self.gapped_verbs
        out = list(found)
        for i, k in enumerate(ctx.keys):
            # (a verbal noun too: "أعلن حزب الله استهداف قاعدة ميرون بستين صاروخ كاتيوشا")
            lone_word = lone_verbs.get(i) or lone_nouns.get(i)
            if (i in taken and lone_word is None) or not k & verbs or not ctx.tokens[i].is_word or ctx.in_date[i]:
                continue   # ("فجر اليوم" is dawn, not "فجّر")
            hi = ctx.sentence_tokens(ctx.sentence_of(i))[1]
            # (a name counts as one word: "أطلق مسلحون يُعتقد أنهم من خلايا تنظيم «داعش» النار")
            following = [j for j in range(i + 1, hi) if ctx.tokens[j].is_word and not ctx.in_date[j]
                         and not ctx.inside_name(j, i + 1)]
            for pattern in self.gapped:
                if not k & pattern.verbs or (lone_word is not None and lone_word.type == pattern.spec.type):
                    continue
                reach = following[int(pattern.apart):pattern.within]
                obj = next((j for j in reach
                            if ctx.keys[j] & pattern.objects and (j not in taken or j in lone_nouns)), None)
                # (what blocks the act is said after its object: "أطلق عناصرها النار في الهواء")
                after_obj = [j for j in following if j > (obj or 0)][:3]
                if obj is not None and any(ctx.keys[j] & pattern.spec.not_before for j in after_obj):
                    continue
                h = self._accept(ctx, i, i + 1, pattern.spec) if obj is not None else None
                if h is not None:
                    h.object_end = obj + 1
                    for lone in (lone_word, lone_nouns.get(obj)):
                        if lone is not None and lone in out:
                            out.remove(lone)
                    out.append(h)
                    taken.add(i)
                    break
        return out

    def _asks(self, ctx: _Context, s: int) -> bool:
        """"هل يجوز تبرير القتل والاغتيال؟": a question about violence reports no event."""
        lo, hi = ctx.sentence_tokens(s)
        first = next((i for i in range(lo, hi) if ctx.tokens[i].is_word), None)
        return first is not None and bool(ctx.tokens[first].forms & self.cues["modality"]["question_openers"])

    def _absorb_targeting(self, ctx: _Context, hits: list[Hit]) -> list[Hit]:
        """One trigger where the text has one act: a verb and its noun ("استقدمت تعزيزات"),
        a targeting verb right after a strike ("بقصف مدفعي استهدف مواقع …"), which says what the
        strike hit and is no attack of its own, and the means of a violent act in its clause
        ("اغتاله مجهولون بإطلاق النار عليه")."""
        out: list[Hit] = []
        for h in hits:
            prev = out[-1] if out else None
            if prev is None or prev.sentence != h.sentence:
                out.append(h)
            elif h.type == prev.type and h.start - prev.end <= 1:
                prev.end = h.end   # "استقدمت تعزيزات": a verb and its noun are one trigger
            elif (h.type != prev.type and h.start - prev.end <= 1
                  and ctx.keys[h.start] & self.cues["participants"]):
                # "اعتقلت دورية …", "استهدفت عبوة ناسفة دورية …", "هجوماً على رتل …": the patrol
                # made the arrest or was hit; it is no deployment
                continue
            elif (h.type != prev.type and prev.type == "MOBILIZE" and ctx.keys[prev.start] & self.cues["participants"]
                  and (h.start - prev.end <= PATROL_REACH and self._only_whose(ctx, prev.end, h.start)
                       or self._patrol_tried(ctx, prev, h))):
                # "محاولة دورية لقسد اعتقال أحد أبناء العشيرة", "دورية تابعة لـ"قسد" حاولت اعتقال …":
                # the patrol's act is the event
                out[-1] = h
            elif (h.type == "SHELLING" and prev.type == "AIRSTRIKE" and h.start - prev.end <= 1
                  and ctx.tokens[h.start].norm.startswith("ب")):
                # "نفذ عدواناً جوياً برشقات من الصواريخ": what the aircraft fired, no shelling of its own
                continue
            elif (h.type == "ATTACK" and prev.type in VIOLENT and ctx.keys[h.start] & self.cues["targeting"]
                  and (h.start - max(prev.end, prev.object_end) <= 4 or h.start - prev.end <= TARGETING_REACH
                       and h.spec.form == "verb" and ctx.mention_at(h.end) is None
                       and (ctx.clause_start_at(h.start) <= prev.start or _says_what_it_hit(ctx, h)))):
                # (a verb with no subject of its own, later in the clause: "تصدت الدفاعات لعدوان
                # إسرائيلي بالصواريخ استهدف بعض النقاط", or after who is said to have struck: "غارات
                # جوية نسبتها إلى سلاح الجو الأردني، استهدفت مواقع")
                continue
            elif (h.type in VIOLENT and prev.type == "ATTACK" and ctx.keys[prev.start] & self.cues["targeting"]
                  and (h.start - prev.end <= 1 or _means_of(ctx, prev, h))):
                # the strike is the event, told by its verb: "استهدفت طائرة مسيرة …", "استهدفت قوات
                # النظام بقذائف الهاون أحياء البلدة"
                h.start = prev.start
                h.told_by_verb = prev.spec.form == "verb"
                out[-1] = h
            elif (h.type in STRIKES and prev.type in STRIKES and h.start > prev.end
                  and ctx.tokens[h.start].norm.startswith("و") and ctx.tokens[h.start - 1].norm.startswith("ب")
                  and any(ctx.keys[k] & self.cues["drones"] for k in range(h.start, h.end))
                  and ctx.clause_start_at(h.start) <= prev.start):
                continue   # "استهدف موقعاً بالصواريخ والطائرات المسيرة": a second weapon of the one act
            elif h.type == "AIRSTRIKE" and prev.type in ("SHELLING", "ATTACK") and h.start - prev.end <= 1:
                h.start = prev.start   # "بقصف طائرة مسيرة تركية": the bombing is the drone's
                out[-1] = h
            elif (h.type == "ATTACK" and prev.type in VIOLENT and h.spec.form == "noun"
                  and _its_own(ctx, h, self.cues["targeting"])
                  and (ctx.tokens[h.start].norm.startswith("ب")
                       or any(ctx.keys[k] & self.cues["after_act"] for k in ctx.words_before_token(h.start, 1)))
                  and sum(ctx.tokens[k].is_word for k in range(prev.end, h.start)) <= MEANS_REACH):
                # "ارتكبت الطائرات مجزرة في ريف إدلب، بعد استهدافها مزرعة": how the act was done, by
                # those who did it (not another's act it came after: "بعد استهداف مواقعها")
                continue
            elif (h.type == prev.type == "EXPLOSION" and h.start - prev.end <= BLAST_MEANS_REACH
                  and any(ctx.tokens[k].norm.startswith("ب") for k in range(prev.end, h.start))):
                continue   # "تفجيرات متكررة بسيارات ودراجات مفخخة": what the blasts were set off with
            elif (h.type == "ARMED_CLASH" and prev.type == "ATTACK" and h.start - prev.end <= TURN_REACH
                  and any(ctx.keys[k] & self.cues["turned_into"] for k in range(prev.end, h.start))):
                # "بدأ هجوماً على مقرات …، تحول إلى اشتباكات عنيفة": the attack is how the clash began
                h.start = prev.start
                out[-1] = h
            elif (h.type == prev.type == "ACCUSE" and h.spec.form == "verb" and ctx.tokens[h.start].norm.startswith("و")
                  and h.end < len(ctx.tokens) and not ctx.entity_at[h.end]):
                continue   # "حمّلت القيادة تركيا مسؤولية التصعيد، واتهمتها بـ…": the accusation goes on
            elif (h.type == "ATTACK" and prev.type in VIOLENT and h.spec.form == "noun" and h.start >= 2
                  and ctx.tokens[h.start - 1].norm == "في" and ctx.tokens[h.start - 2].norm in ("،", ",")):
                continue   # "استهداف مسيّرة … سيارة في حربل، في اعتداء جديد على الأهالي": the act told, described
            elif (h.type in VIOLENT and prev.type in VIOLENT and h.spec.form != "verb"
                  and any(ctx.keys[k] & self.cues["usage_words"] for k in ctx.words_before_token(h.start, 4))):
                continue   # 'معارك ضارية … مستخدمةً الطائرات المسيرة والعربات المفخخة': what it was fought with
            elif _means_of(ctx, prev, h) and (h.type == "ATTACK" or prev.type in ("ASSASSINATION", "ATTACK")):
                # "اغتال مجهولون القيادي … بإطلاق النار عليه", "محاولة اغتيال بعبوة ناسفة"; a strike from
                # the air or by guns says what kind of attack it was: "مجزرة معرة مصرين، التي قُتل فيها ١٥
                # مدنياً، بغارة روسية" is an air strike
                if prev.type == "ATTACK" and h.type in STRIKES_FROM_AFAR:
                    prev.type, prev.object_end = h.type, h.end   # (what it hit is told after its means)
                continue
            elif (h.type == prev.type and h.spec.form == "noun" and h.start - prev.end <= PURPOSE_REACH
                  and any(ctx.keys[k] & self.cues["purpose_words"] for k in ctx.words_before_token(h.start, 1))):
                continue   # "أرسلت تعزيزات … بهدف تعزيز مواقعها": what the act was for, told by its kind
            else:
                out.append(h)
        return out

    @staticmethod
    def _attempt_of_this_act(ctx: _Context, cue: int, h: Hit) -> bool:
        """Whether what an attempt word at `cue` tried is an act of h's kind ("محاولة اغتيال" and the
        shots fired in it), not a move ("حاولت التقدم") nor another act ("محاولة اغتيال" and the arrest
        warrant the patrol was serving)."""
        tried = [ctx.trigger_types.get(k) for k in range(cue, min(cue + 3, len(ctx.tokens)))]
        return any(t == h.type or t in VIOLENT and h.type in VIOLENT for t in tried if t)

    def _named_in_passing_after(self, ctx: _Context, h: Hit) -> bool:
        """Whether `h` is a definite act named after "عقب"/"بعد" and followed at once by what someone
        said or the end of the clause ("عقب الاجتماع إن", "بعد الاجتماع،"): a reference to it."""
        before = ctx.words_before_token(h.start, 1)
        return (h.definite and h.end < len(ctx.tokens) and bool(before)
                and bool(ctx.keys[before[0]] & self.cues["prior_words"])
                and ctx.tokens[h.end].norm in (*CLAUSE_PUNCTUATION, ".", "ان"))   # ("إن"/"أن" read "ان")

    def _topics_told(self, ctx: _Context, h: Hit) -> bool:
        """Whether a definite meeting is the subject of a verb that tells what it discussed."""
        after = ctx.words_after(h, 1)
        return h.type == "MEETING" and h.definite and bool(after) and bool(ctx.keys[after[0]] & self.cues["discussed"])

    def _protested(self, ctx: _Context, h: Hit) -> bool:
        """Whether `h` is the known act a protest is against: "رفضاً للغارات الأردنية", "احتجاجاً على
        الاعتقالات"."""
        return h.definite and h.type != "PROTEST" and bool(
            set().union(*(ctx.keys[k] for k in ctx.words_before_token(h.start, 2))) & self.cues["protest_reasons"])

    def _patrol_tried(self, ctx: _Context, patrol: Hit, h: Hit) -> bool:
        """Whether the patrol is the subject of an attempt verb right before it, and `h` what it tried,
        in the same clause: "حاولت دورية من الأمن العسكري برفقة عناصر من مجموعة محلية اعتقال …"."""
        before = ctx.words_before_token(patrol.start, 1)
        return (bool(before) and bool(ctx.keys[before[0]] & self.cues["modality"]["attempted_before"])
                and h.start - patrol.end <= PATROL_TRIED_REACH and ctx.clause_start_at(h.start) <= patrol.start)

    def _only_whose(self, ctx: _Context, lo: int, hi: int) -> bool:
        """Between a patrol and its act, only whose it is and an attempt: "تابعة لـ"قسد" حاولت",
        "من الجهاز حاولت", "للفرقة حاولت", or that it underwent the act: "الدورية تعرضت لإطلاق نار"."""
        links = (self.cues["group_nouns"] | self.cues["service_nouns"] | self.cues["unit_words"]
                 | self.cues["modality"]["attempted_before"] | self.cues["undergo"])
        return all(ctx.entity_at[k] or not ctx.tokens[k].is_word or ctx.tokens[k].norm in ("ل", "من") or ctx.keys[k] & links
                   for k in range(lo, hi))

    def _patrol_told_otherwise(self, ctx: _Context, start: int, end: int, words_before: list[int]) -> bool:
        """Whether a patrol or convoy at `start` is named for something other than its deployment."""
        keys, last = ctx.keys, words_before[-1:]
        if any(keys[i] & self.cues["undergo"] for i in last):
            return True   # "تعرضت دورية … لهجوم": the patrol was hit
        if ctx.tokens[start].norm.startswith(("ل", "ول")) and any(keys[i] & self.cues["ambush"] for i in words_before):
            return True   # "كميناً نصبته خلايا التنظيم لدورية عسكرية": the patrol was the target
        if any(keys[i] & self.cues["posts"] for i in last):
            return True   # "بينهم مسؤول الرتل": a post held in a convoy
        if ctx.tokens[start].norm.startswith("ال") and any(keys[i] & self.cues["group_nouns"] for i in last):
            return True   # "بمحاسبة عناصر الدورية": the patrol's men, a patrol told before
        if ctx.tokens[start].norm.startswith(("ال", "وال")) and self._patrol_told_before(ctx, start):
            return True   # "محاولة دورية من الفرع اعتقال الدندل" then "الدورية طوقت منزله": that patrol again
        # "دورية للفرقة حاولت اعتراض شحنة": what the patrol tried is the news
        attempt = self.cues["modality"]["attempted_before"]
        tried = next((k for k in range(end, min(len(ctx.tokens), end + PATROL_REACH)) if keys[k] & attempt), None)
        return tried is not None and self._only_whose(ctx, end, tried)

    def _patrol_told_before(self, ctx: _Context, start: int) -> bool:
        """Whether an indefinite patrol or convoy was named in the sentences just before (a definite
        one then is that patrol again)."""
        lo = ctx.sentence_tokens(max(0, ctx.sentence_of(start) - ANAPHOR_SENTENCES))[0]
        return any(ctx.keys[k] & self.cues["participants"] and not ctx.tokens[k].norm.startswith(("ال", "وال"))
                   for k in range(lo, start))

    def _prepositional(self, ctx: _Context, i: int) -> bool:
        """"في مواجهة داعش", "بمواجهة التصعيد": "against", no fight; but "في مواجهة مع قوات النظام"
        is one."""
        tok = ctx.tokens[i]
        if not ctx.keys[i] & self.cues["prepositional_nouns"]:
            return False
        after_in = i > 0 and ctx.tokens[i - 1].norm in ("في", "وفي") or tok.norm.startswith(("ب", "وب", "فب"))
        with_ = i + 1 < len(ctx.tokens) and ctx.tokens[i + 1].norm in ("مع", "بين", "عنيفة", "مسلحة")
        return after_in and not with_

    def _blocked(self, ctx: _Context, start: int, end: int, spec: TriggerSpec) -> bool:
        """No event: "اعتبرته تهديداً", "تعزيز نفوذها", or the content of an accusation
        ("اتهم طرفاً ثالثاً بمهاجمة عناصره")."""
        lo = ctx.clause_start_at(start)
        words_before = [i for i in range(lo, start) if ctx.tokens[i].is_word][-6:]
        if any(ctx.keys[i] & spec.not_after for i in words_before):
            return True
        # a verb's object may follow its subject, a name however long: "خطف المنتخب الأضواء", "حققت قوات
        # سوريا الديمقراطية تقدماً"
        after = [i for i in range(end, min(len(ctx.keys), end + 8))
                 if ctx.tokens[i].is_word and not (spec.form == "verb" and ctx.entity_at[i])][:3]
        if any(ctx.keys[i] & spec.not_before for i in after):
            return True
        if end - start == 1 and ctx.keys[start] & spec.not_forms:
            return True
        previous = ctx.words_before_token(start, 2)
        # "وتتهم دمشق الحزب بدعم المسلحين، وهو ما ينفيه الحزب": what is said of what was said before
        answer = (spec.type in SPEECH_TYPES and len(previous) == 2 and ctx.tokens[previous[0]].norm == "ما"
                  and ctx.tokens[previous[1]].norm in ("وهو", "وهي", "هو", "هي"))
        if (spec.form == "verb" and ctx.tokens[start].norm.startswith(("ت", "ي")) and previous
                and ctx.keys[previous[0]] & self.cues["relatives"] and not answer):
            return True   # "عصابات الخطف التي تستهدف المدنيين": what someone does, told in passing
        if end - start == 1 and self._prepositional(ctx, start):
            return True
        if (end - start == 1 and spec.form == "noun" and ctx.tokens[start].norm.startswith("ال") and start > 0
                and ctx.tokens[start - 1].norm.startswith("ال") and ctx.keys[start - 1] & self.cues["participle_heads"]):
            return True   # "القوة المداهمة": who raided, described; the raid is told elsewhere
        if spec.figurative and (not self._shows_force(ctx, start, end) and not self._blast_heard(ctx, start, spec)
                                or self._spoken(ctx, end)):
            return True
        if any(ctx.keys[i] & self.cues["titles"] for i in words_before[-2:]) or self._plot(ctx, start):
            return True
        if ctx.keys[start] & self.cues["participants"] and self._patrol_told_otherwise(ctx, start, end, words_before):
            return True
        if self._backing_at(ctx, start):
            return True   # "بدعم من التحالف", "بمساندة طيران التحالف": who backed another act
        if spec.type == "SUPPORT" and end - start == 1 and ctx.tokens[start].norm.startswith("ب") and not any(
                ctx.keys[i] & self.cues["doing_verbs"] for i in words_before[-3:]):
            return True   # "تحظى بدعم إيراني", "اتهمه بتسليح مجموعات": support had or alleged, not given here
        if (spec.type == "VISIT" and end - start == 1 and ctx.keys[start] & self.cues["delegations"]
                and not ctx.tokens[start].norm.startswith("ال") and not any(
                ctx.keys[i] & self.cues["arrival_words"] for i in range(lo, ctx.clause_end_at(end)))):
            return True   # "التقى وفد من ضباط التحالف وجهاء": who met, no visit told ("الوفد" is one told before)
        if spec.type == "INVESTIGATE" and any(ctx.keys[i] & self.cues["security_committee"] for i in range(start, end)) and not any(
                ctx.keys[i] & self.cues["committee_formed"] for i in range(*ctx.sentence_tokens(ctx.sentence_of(start)))):
            return True   # "أعضاء اللجنة الأمنية التابعة للنظام": a standing body, no inquiry
        if spec.type == "BASE_CHANGE" and ctx.keys[start] & self.cues["withdrawals"] and not self._left_named(ctx, end):
            return True   # "ثم انسحبوا دون تسجيل أي خسائر": attackers pulling back
        if (spec.type == "ACCUSE" and ctx.tokens[start].norm.startswith("م") and end < len(ctx.tokens)
                and ctx.tokens[end].norm.startswith("ب")):
            return True   # "اعتقلت شاباً متهماً بالتعاون": who is accused, not who accuses
        if any(ctx.keys[i] & self.cues["fear_words"] for i in words_before[-3:]):
            return True   # "وسط مخاوف من عملية عسكرية": feared, neither told nor planned
        if ctx.keys[start] & self.cues["execution_verbs"] and any(
                ctx.keys[i] & self.cues["judicial_words"] for i in range(*ctx.sentence_tokens(ctx.sentence_of(start)))):
            return True   # "أعدم الجندي بعد إدانته بالاغتصاب": a sentence carried out, no political violence
        if spec.type != "ACCUSE" and not answer:
            words = [i for i in range(max(lo, start - 2 * ACCUSATION_WORDS), start) if ctx.tokens[i].is_word]
            if any(ctx.keys[i] & self.cues["accusation"] for i in words[-ACCUSATION_WORDS:]):
                return True
        return False

    def _left_named(self, ctx: _Context, end: int) -> bool:
        """Whether the clause after a withdrawal names what was left: "من" and, within a few
        words, a base, a kind of ground or a place."""
        hi = ctx.clause_end_at(end)
        for k in range(end, hi):
            if ctx.tokens[k].norm in ("منها", "منه"):
                # "دخلت مدينة سراقب إثر انسحاب قوات النظام منها": the place named before
                lo = ctx.sentence_tokens(ctx.sentence_of(k))[0]
                return bool(ctx.mentions_in((lo, k), ("LOCATION",)))
            if ctx.tokens[k].norm == "من":
                return any(ctx.keys[j] & self.cues["left_places"] or (m := ctx.mention_covering(j)) is not None
                           and ctx.types.get(m.entity_id) == "LOCATION" for j in range(k + 1, min(hi, k + 4)))
        return False

    def _plot(self, ctx: _Context, start: int) -> bool:
        """"بفيلم أميركي مثل فيه جيمس غارنر دور قائد … يختطف دبابة": what a part in a film or a
        novel does is its story, no event."""
        lo = ctx.sentence_tokens(ctx.sentence_of(start))[0]
        title = next((i for i in range(lo, start) if ctx.keys[i] & self.cues["titles"]), None)
        return title is not None and any(ctx.keys[i] & self.cues["plot_words"] for i in range(title + 1, start))

    def _blast_heard(self, ctx: _Context, start: int, spec: TriggerSpec) -> bool:
        """"وقع انفجار في مدينة الرقة", "دوى انفجار": an explosion that a verb says happened or was
        heard is one, with no weapon or toll named (not "انفجار الأوضاع")."""
        previous = ctx.words_before_token(start, 1)
        return spec.type == "EXPLOSION" and bool(previous) and bool(ctx.keys[previous[0]] & self.cues["blast_verbs"])

    def _spoken(self, ctx: _Context, end: int) -> bool:
        """"هاجم الوزير قادة الفصائل قائلاً …": the attacker goes on speaking in the same clause, so the
        attack was words."""
        after = [i for i in range(end, ctx.clause_end_at(end)) if ctx.tokens[i].is_word][:SPEECH_WINDOW]
        return any(ctx.keys[i] & self.cues["speech_after"] for i in after)

    def _shows_force(self, ctx: _Context, start: int, end: int) -> bool:
        """"هجوم على الحكومة" is criticism, "هجوم على حاجز" or "هجوم أسفر عن مقتل" is violence: a
        weapon, a casualty, fighters, or an armed group named in the sentence."""
        lo, hi = ctx.sentence_tokens(ctx.sentence_of(start))
        signs = self.cues["violence"]
        if any(ctx.keys[i] & signs for i in range(lo, hi) if not start <= i < end):
            return True
        return bool(ctx.mentions_in((lo, hi), ("ARMED_GROUP",)))

    def _role(self, ctx: _Context, h: Hit) -> str:
        """Whether a mention tells an occurrence, only names one as the topic of what the sentence
        reports, or speaks of a kind of act. Verbs always tell, in a relative clause too: "ميليشيا
        الدفاع الوطني التي استقدمت تعزيزات صباح اليوم" is the news itself."""
        if h.spec.form == "verb" or h.modality != "asserted":
            return "report"   # an attempt happened; a denial, threat or plan stays visible as what it is
        lo = ctx.clause_start(h)
        before = ctx.words_before(h)
        if not before and not h.definite:
            return "report"   # "خطف مسلحون شاباً": a bare form opening its clause is the verb
        if before and ctx.keys[before[-1]] & self.cues["reference_right"]:
            return "reference"
        if ctx.claims_responsibility(before):
            return "report"
        if self._topic_cue(ctx, before) or self._answered(ctx, h):
            return "reference"   # ("توعد بالرد على اغتيال القيادي": what is to be answered, like what is condemned)
        if h.type not in VIOLENT + ("ABDUCTION", "PROTEST"):
            return "report"
        if any(ctx.keys[i] & self.cues["generic"] for i in before[-2:]):
            return "generic"
        # the anchors must be the mention's own: "اغتيال الحريري" in a sentence about elections names a
        # known event, "اغتيال X أمس في المدينة" or "اغتيال أودى بحياة …" reports one
        own = (min(lo, h.scope[0]), h.scope[1])
        anchored = (ctx.dates_in(own) or ctx.mentions_in(own, ("ARMED_GROUP", "STATE", "LOCATION"))
                    or h.casualties.killed or h.casualties.injured
                    or any(n.value is not None for n in ctx.numbers_in(own))   # not "بعض"
                    or any(ctx.keys[i] & self.cues["occurrence_verbs"] for i in range(*own))
                    or self._prompted(ctx, h) is not None)
        return "report" if anchored else "generic"

    def _topic_cue(self, ctx: _Context, before: list[int]) -> bool:
        """Whether the last words before a noun (`_Context.words_before`) make it what the
        sentence speaks about ("أدان الهجوم", "لم تعلق على الهجوم")."""
        return any(ctx.keys[i] & self.cues["reference"] and not self._backing_at(ctx, i) for i in before[-4:])

    # 2. arguments from the scope ------------------------------------------------------------
    def _read_scope(self, ctx: _Context, h: Hit) -> None:
        lo, hi = ctx.sentence_tokens(h.sentence)
        first = next((i for i in range(lo, hi) if ctx.tokens[i].is_word), None)
        if first is not None and first < h.start and ctx.keys[first] & self.cues["prior_openers"]:
            # "ويأتي الهجوم بعد أسبوع من مقتل أربعة عناصر": the act told again ends where the one
            # it came after begins
            prior = next((k for k in range(h.end, h.scope[1]) if ctx.keys[k] & self.cues["prior_words"]), None)
            if prior is not None:
                h.scope, h.told_again = (h.scope[0], prior), True
        turn = next((k for k in range(h.start - 1, h.scope[0] - 1, -1)
                     if self.cues["statement_turns"].at(ctx.keys, k)), None)
        if turn is not None:
            # "قال عبدي إن "…مناطق شمال وشرق سوريا"، مشيراً إلى أن الطرفين اتفقا": the further statement
            # an act is told in begins with it; what was said before is another's
            h.scope = (turn, h.scope[1])
        contrast = next((k for k in range(h.start - 1, h.scope[0] - 1, -1)
                         if ctx.keys[k] & self.cues["modality"]["contrast_breaks"]), None)
        if contrast is not None and h.scope[0] > lo:
            # "…، على أن تبدأ التسوية مطلع الشهر المقبل، فيما رفض آخرون حضور الاجتماع": after another
            # act, the other side of a contrast is told with its own time and place (with none before
            # it, what comes first is the act's own: "قُتل سبعة أشخاص …، بينما أظهرت تسجيلات عناصر
            # وهم يطلقون النار")
            h.scope = (contrast, h.scope[1])
        terms = h.type == "AGREE" and h.spec.form == "verb" and h.end < h.scope[1] and ctx.tokens[h.end].text == "على"
        if terms:
            # "اتفقا على تشكيل لجان تبدأ عملها مطلع الشهر المقبل": what was agreed is to come, the
            # agreement was made (a new one, told with its terms); its time and place are told before it
            h.scope, h.told_again = (h.scope[0], h.end), True
        h.modality = self._modality(ctx, h)
        if self._named_in_passing_after(ctx, h) or self._topics_told(ctx, h):
            # "وقال عبدي عقب الاجتماع إن …", "فإن الاجتماع تطرق أيضاً إلى التوتر في حيي الشيخ مقصود": the
            # meeting told before, with nothing of its own here (its topics are not where it was held)
            h.scope, h.bounded, h.told_again = (h.start, h.end), True, True
        h.protested = self._protested(ctx, h)
        if h.protested:
            if h.modality in ("planned", "threatened"):
                h.modality = "asserted"   # what a protest, even one to come, is against took place
            if h.sentence in ctx.protest_sentences:
                # where and when its own words say: the protesters, the square and the day are the protest's
                h.scope, h.bounded = (h.start, h.scope[1]), True
        before = ctx.words_before(h)
        # "ولم تتبن أي جهة الهجوم": nobody claimed the attack the text told already
        unclaimed = h.modality == "negated" and h.spec.form != "verb" and ctx.claims_responsibility(before)
        if unclaimed or h.modality == "negated" and h.spec.form != "verb" and self._topic_cue(ctx, before):
            h.modality = "asserted"   # "ولم تعلق قسد على الهجوم": the comment is negated, not the attack
        h.link_denied = h.modality == "denied" and h.spec.form != "verb" and self._topic_cue(ctx, before)
        if h.modality == "attempted" and h.type in self.cues["attempted_type"]:
            h.type = self.cues["attempted_type"][h.type]
        if h.type == "ARMED_CLASH" and h.spec.form != "verb" and self._vowed(ctx, h):
            h.type = "THREATEN"
        if h.type == "SHELLING" and self._near(ctx, h, self.cues["air"], 4):
            h.type = "AIRSTRIKE"
        if h.type == "ATTACK" and (self._struck_from_the_air(ctx, h, before) or self._by_aircraft(ctx, h)):
            h.type = "AIRSTRIKE"
        elif h.type == "ATTACK" and self._fired_by_guns(ctx, h):
            h.type = "SHELLING"
        if h.type in ("SHELLING", "ATTACK") and any(ctx.keys[i] & self.cues["reciprocal"] for i in before[-4:]):
            h.type = "ARMED_CLASH"   # "تبادلت الهيئة وقوات النظام القصف الصاروخي"
        prior = self._told_as_prior(ctx, h) or self._so_long_after(ctx, h)
        h.background = prior or self._starts_background(ctx, h)
        # "وردت الفصائل باستهداف مواقع قوات النظام": an answer to an act is an act of its own
        retaliation = self._after_preposition(ctx, h, "ب") and any(
            ctx.keys[i] & self.cues["response_verbs"] for i in before[-10:])
        another = not h.definite and any(ctx.keys[i] & self.cues["another_of_kind"] for i in ctx.words_after(h, 1))
        # "… نفذت ضربات، رداً على هجمات استهدفت قواتها": what was answered is another act
        answered = any(self.cues["reason_openers"].at(ctx.keys, k) for k in before[-3:])
        h.distinct, h.answer = retaliation or prior or another or answered or terms, retaliation
        # (what was answered or gone on in spite of, or what a protest is against, is of another time:
        # it sets no date for the news told after it, "رغم سريان اتفاق … الموقع في آذار 2020، … وأعلنت
        # الجبهة استهداف مواقع")
        h.background = h.background or answered or h.protested
        h.attribution = ctx.attribution(h.sentence, self.cues["attribution"])
        self._place(ctx, h)
        self._date(ctx, h)
        self._actors(ctx, h)
        # "القصف الروسي على ريف إدلب" (not "بقصف مدفعي")
        guns = any(ctx.keys[i] & self.cues["ground_fire"] for i in range(h.start, min(h.scope[1], h.end + 3)))
        if h.type == "SHELLING" and h.side_a and all(ctx.kb_of.get(e) in self.cues["air_forces"] for e in h.side_a) \
                and not guns:
            h.type = "AIRSTRIKE"
        # a toll after "اتهم … بقصف" belongs to what is alleged, and one before "رغم اتفاق وقف إطلاق
        # النار" to the strikes it follows: only acts of force, arrests and protests have a toll
        if h.type in TOLL_TYPES:
            self._casualties(ctx, h)
            # "إذ قُتل شابان آخران … برصاص عناصر قسد": other victims, so another act
            h.distinct = h.distinct or self._other_victims(ctx, h)
            if h.type == "ATTACK" and h.modality == "asserted" and _killed(h) and _shot_at_a_person(ctx, h):
                h.type = "ASSASSINATION"   # a targeted killing: "أطلقوا النار على "أبو غنوم"، ما أدى إلى مقتله"
        self._quantities(ctx, h)
        h.role = "reference" if unclaimed else self._role(ctx, h)
        if h.role == "reference":
            self._drop_speakers(ctx, h)
        if h.type in ONE_SIDED:
            # "قُتل ثلاثة عناصر من قوات النظام … في هجوم": the side that lost people was the target
            victims = _victims(h.casualties)
            h.side_a = [e for e in h.side_a if e not in victims]
            h.side_b += [e for e in victims if e not in h.side_b]

    def _other_victims(self, ctx: _Context, h: Hit) -> bool:
        """Whether the first toll of the sentence names its dead as others ("قتل شابان آخران"), which
        a later "وإصابة ثلاثة آخرين" after a first toll does not."""
        first = next((c for c in h.casualties.killed if c.span), None)
        if first is None or any(c.span and c.span.start < first.span.start for c in h.casualties.injured):
            return False
        toll = range(ctx.tok(first.span.start), min(len(ctx.tokens), ctx.tok_end(first.span.end) + 1))   # "شابان آخران"
        return any(ctx.keys[k] & self.cues["others"] for k in toll)

    def _struck_from_the_air(self, ctx: _Context, h: Hit, before: list[int]) -> bool:
        """"استهدف الطيران الحربي الروسي بلدة البارة", "الطائرات الحربية الروسية استهدفت مواقع": a
        targeting verb whose subject is aircraft, right after it or just before it; not "استهدف
        مسلحون طائرة مروحية", where the aircraft was the target."""
        if h.spec.form != "verb" or not ctx.keys[h.start] & self.cues["targeting"]:
            return False
        subject = [h.end] if h.end < h.scope[1] else []
        before_verb = list(range(max(h.scope[0], h.start - 3), h.start))
        return any(ctx.keys[i] & self.cues["air"] for i in subject + before_verb)

    def _fired_by_guns(self, ctx: _Context, h: Hit) -> bool:
        """"استهدفت المدفعية التركية قرى", "واستهدفت بالمدفعية الثقيلة تجمعات", "استهدفت قوات النظام
        بالهاون أحياء البلدة": a targeting verb whose subject, right after it, or whose means, after
        the subject, is artillery."""
        if h.spec.form != "verb" or not ctx.keys[h.start] & self.cues["targeting"]:
            return False
        return any(ctx.keys[i] & self.cues["artillery"] and (i == h.end or ctx.tokens[i].norm.startswith("ب"))
                   for i in range(h.end, min(h.scope[1], h.end + GUNS_REACH)))

    def _by_aircraft(self, ctx: _Context, h: Hit) -> bool:
        """"بضربة لمسيّرة تركية", "هجوم غادر بطائرة": an attack noun made by or with aircraft. (Not
        "الهجوم الجوي": as an attack, the report model judges whether it is told or talked about.)"""
        if h.spec.form == "verb":
            return False
        if any(ctx.tokens[k].norm[:1] in ("ب", "ل") and ctx.keys[k] & self.cues["air"]
               for k in range(h.end, min(h.scope[1], h.end + 2))):
            return True
        # "المجزرة التي ارتكبها طيران التحالف", "مجزرة مدرسة ابن طفيل التي ارتكبها طيران النظام": aircraft
        # that did it, in a relative clause after it and what it struck
        after = [k for k in range(h.end, min(len(ctx.tokens), h.end + 8)) if ctx.tokens[k].is_word][:6]
        which = next((n for n, k in enumerate(after) if ctx.tokens[k].norm in ("التي", "الذي")), None)
        if (which is not None and len(after) >= which + 3 and ctx.keys[after[which + 1]] & self.cues["committed_verbs"]
                and ctx.keys[after[which + 2]] & self.cues["air"]):
            return True
        # "ارتكبت الطائرات الحربية الروسية، فجر اليوم، مجزرة جديدة": aircraft, the subject of the verb
        # of doing before it
        lo = ctx.clause_start(h)
        verb = next((k for k in range(lo, h.start) if ctx.keys[k] & self.cues["commit_verbs"]), None)
        if verb is not None and any(ctx.keys[k] & self.cues["air"] for k in range(verb + 1, h.start)):
            return True
        # "جراء استهداف طائرات حربية روسية بـ 4 غارات": aircraft in construct with a targeting noun, then
        # what they struck with (not "استهداف طائرة مروحية" alone: the aircraft may be the target)
        if not (ctx.keys[h.start] & self.cues["targeting"] and h.end < h.scope[1]
                and ctx.keys[h.end] & (self.cues["air"] | self.cues["drones"])):
            return False
        return (any(ctx.tokens[k].norm.startswith("ب") and any(j in ctx.trigger_starts for j in range(k, k + 3))
                    for k in range(h.end + 1, min(h.scope[1], h.end + 5)))
                or self._aircraft_subject(ctx, h.end, h.scope[1]))

    @staticmethod
    def _aircraft_subject(ctx: _Context, k: int, hi: int) -> bool:
        """"استهداف المسيّرات التركية قافلة مدنية": the aircraft at token k, definite, and its
        nationality are the subject of the targeting noun before them when an indefinite object
        follows (not "استهداف طائرة مروحية", where the aircraft may be the target)."""
        if not ctx.tokens[k].norm.startswith("ال"):
            return False
        j = k + 1
        while j < hi and ctx.tokens[j].is_word and ctx.tokens[j].norm.startswith("ال") and ctx.entity_at[j]:
            j += 1   # the nationality: "التركية"
        word = ctx.tokens[j] if j < hi else None
        return (j > k + 1 and word is not None and word.is_word and not word.norm.startswith(("ال", "ب", "ل", "و"))
                and word.norm not in ("في", "من", "علي", "الي", "عن"))

    def _aircraft_owner(self, ctx: _Context, h: Hit, i: int) -> bool:
        """"هجوم غادر لمسيّرة تابعة للاحتلال التركي": the group at token i owns the aircraft the act
        was made with."""
        before = ctx.words_before_token(i, 2)
        return (len(before) == 2 and h.end <= before[1] and bool(ctx.keys[before[0]] & self.cues["belonging"])
                and bool(ctx.keys[before[1]] & self.cues["air"]))

    @staticmethod
    def _nationality_of(ctx: _Context, h: Hit, i: int, m: Mention) -> bool:
        """"غارات روسية", "غارات نفذتها طائرات يرجح أنها روسية": a force named by a nationality
        after the act, before any other act, is who carried it out; so is one that is the subject
        right before its verb ("مسيرة تركية قد استهدفت")."""
        if m.source != "nationality":
            return False
        if i < h.start:   # the verb's subject before it: "وكانت مسيرة تركية قد استهدفت سيارة"
            return h.spec.form == "verb" and all(not ctx.tokens[k].is_word or ctx.in_date[k] or ctx.tokens[k].norm == "قد"
                                                 for k in range(ctx.tok_end(m.span.end), h.start))
        return not any(k in ctx.trigger_starts for k in range(h.end, i))

    def _drop_speakers(self, ctx: _Context, h: Hit) -> None:
        """"ولم تعلق قسد على الهجوم", "نفت الهيئة أي علاقة لها بعملية الخطف": who speaks of an
        act, named in its clause before it, is no party to it, unless named again after it."""
        speakers = {m.entity_id for _, m in ctx.mentions_in((ctx.clause_start(h), h.start), ACTOR_TYPES)}
        speakers -= {m.entity_id for _, m in ctx.mentions_in((h.end, h.scope[1]), ACTOR_TYPES)}
        h.side_a, h.side_b, h.associated = ([e for e in side if e not in speakers]
                                            for side in (h.side_a, h.side_b, h.associated))

    def _near(self, ctx: _Context, h: Hit, words: frozenset[str], window: int, after: bool = True,
              skip: Container[int | None] = ()) -> bool:
        lo = max(h.scope[0], h.start - window)
        hi = min(h.scope[1], h.end + window) if after else h.start
        return any(ctx.keys[i] & words for i in range(lo, hi) if not (h.start <= i < h.end) and i not in skip)

    def _cue_before(self, ctx: _Context, h: Hit, name: str, window: int, clause: bool = True) -> bool:
        """A cue among the `window` words before the trigger, in its clause (or its sentence:
        "حاولت، قبل عدة أيام، إنشاء"). For plans and purposes, "بعد"/"إثر" after the cue means
        the trigger is a past event."""
        return self._cue_at(ctx, h, name, window, clause) is not None

    def _cue_at(self, ctx: _Context, h: Hit, name: str, window: int, clause: bool = True) -> int | None:
        """Where `_cue_before` finds its cue, or None."""
        lo = ctx.clause_start(h) if clause else ctx.sentence_tokens(h.sentence)[0]
        words, phrases = self.cues["modality"][name], self.cues["phrases"][name]
        past = self.cues["modality"]["past_markers"] if name == "planned_before" else None
        contrast = frozenset() if clause else self.cues["sentence_breaks"]
        tokens, keys, in_date = ctx.tokens, ctx.keys, ctx.in_date   # (asked at every word, of every act)
        seen = 0
        for i in range(h.start - 1, lo - 1, -1):
            if not tokens[i].is_word:
                continue
            if keys[i] & contrast:
                break
            # a name counts as one word: "نفى الجيش الروسي أن تكون طائراته قد استهدفت", and a
            # time none: "ونفى مصدر في قيادة شرطة السويداء، أمس الأحد، وقوع اعتقالات"
            if not ctx.inside_name(i, lo) and not in_date[i]:
                seen += 1
            if seen > window:
                break
            if past is not None and keys[i] & past:
                return None
            if ctx.entity_at[i]:
                continue   # a word of a name is no cue: 'مصادر في "إدارة العمليات العسكرية"'
            if keys[i] & words or phrases.at(keys, i):
                return i
        return None

    def _modality(self, ctx: _Context, h: Hit) -> str:
        keys = ctx.keys
        # (not what a later verb of saying says: "نفى المصدر ذلك، مؤكداً أن الهجوم وقع")
        denial = self._cue_at(ctx, h, "denied_before", DENIAL_WORDS)
        if denial is not None and not any(ctx.keys[k] & self.cues["said_after_denial"] for k in range(denial + 1, h.start)) \
                or self._denied_that(ctx, h):
            return "denied"
        if self._cue_before(ctx, h, "negated_before", 4):   # "لم تشهد المدينة أي اشتباكات"
            return "negated"
        if h.type in SPEECH_TYPES:   # "أي محاولة … أمر مرفوض": the words are the content of what was said
            return "asserted"
        if self._answered(ctx, h):
            return "asserted"   # "توعد حزب الله بالرد على اغتيال القيادي": what is to be answered took place
        # "أحبطت الأجهزة الأمنية محاولة اختطاف"; not a verb joined to the foiling: "أحبط الجيش محاولة
        # لتهريب شحنة، واعتقل ثلاثة أشخاص"
        joined_verb = h.spec.form == "verb" and ctx.tokens[h.start].norm.startswith("و")
        if not joined_verb and self._cue_before(ctx, h, "foiled_before", FOILED_WORDS, clause=False):
            h.foiled = True
            # (one fought off with a toll was attempted: "أحبطت محاولة تسلل … وأوقعت في صفوفهم قتلى";
            # and so was one repelled: "صد هجوم")
            repelled = self._cue_before(ctx, h, "repelled_before", FOILED_WORDS, clause=False)
            return "attempted" if repelled or self._fought_off(ctx, h) else "planned"
        # "إذا حاولت أميركا توجيه ضربة": an attempt in a condition is hypothetical; but a past verb
        # in a relative clause tells what someone did ("في حال تم اعتقال …، وهو ما فعلته مليشيا
        # الدفاع الوطني التي استقدمت تعزيزات")
        if self._cue_before(ctx, h, "conditional_before", 15, clause=False) and not (
                h.spec.form == "verb" and ctx.relative_clause(h) and not _future_verb(ctx, h)):
            return "threatened"
        attempt = self.cues["modality"]["attempted_before"]
        tried = next((i for i in range(h.start, h.end) if ctx.keys[i] & attempt), None)
        if tried is None:
            tried = self._cue_at(ctx, h, "attempted_before", 10, clause=False)   # "محاولة اغتيال"
            if tried is not None and any(ctx.keys[k] & self.cues["modality"]["result_verbs"] for k in range(tried + 1, h.start)):
                tried = None   # "في محاولة لاغتياله، ما أدى إلى اندلاع اشتباكات": what the attempt led to took place
            if tried is not None and tried < ctx.clause_start(h) and not self._attempt_of_this_act(ctx, tried, h):
                # "نجا من محاولة اغتيال، بعدما أطلق مسلحان النار": the shots were the attempt; but "قوة
                # حاولت التقدم نحو أطرافها، في أعنف مواجهة": what was tried was to advance
                tried = None
        if tried is not None:
            if tried > 0 and ctx.keys[tried - 1] & self.cues["modality"]["threatened_right_before"]:
                return "threatened"   # "أي محاولة تسلل جديدة ستقابل برد حاسم": any attempt, none made
            return "aggregate" if self._counted_attempts(ctx, h) else "attempted"
        failed = self.cues["phrases"]["attempted_after"]
        # "دون وقوع إصابات" after a shell or a blast: it fell or went off and hurt no one; after
        # an attack on someone ("أطلقوا النار عليه دون أن يصيبه") the attack failed
        if h.type not in REMOTE_VIOLENCE and any(failed.at(keys, i) for i in range(h.end, min(h.scope[1], h.end + 12))):
            return "attempted"
        if (self._cue_before(ctx, h, "threatened_before", 8) or self._cue_before(ctx, h, "threatened_right_before", 1)
                or self._threat_object(ctx, h)):
            return "threatened"
        if (self._cue_before(ctx, h, "planned_before", 12) or self._offered(ctx, h)
                or _future_verb(ctx, h) or self._purpose(ctx, h)
                or self._purpose_verb(ctx, h)
                or any(ctx.keys[i] & self.cues["modality"]["planned_after"]
                       for i in range(h.end, min(h.scope[1], h.end + 8)))):
            return "planned"
        if self._aggregate(ctx, h):
            return "aggregate"
        return "asserted"

    def _offered(self, ctx: _Context, h: Hit) -> bool:
        """What an offer or a proposal puts forward, right after it or after whom it was put to:
        "عرضوا نشر نقاط مشتركة", "عرض على الوجهاء تسوية أوضاع المتخلفين"."""
        before = ctx.words_before_token(h.start, 3)
        offers = self.cues["modality"]["offered_right_before"]
        if before and ctx.keys[before[0]] & offers:
            return True
        return (len(before) == 3 and ctx.tokens[before[1]].norm == "علي"
                and before[0] == before[1] + 1 and bool(ctx.keys[before[2]] & offers))

    def _answered(self, ctx: _Context, h: Hit) -> bool:
        """The act a retaliation answers: "بالرد على اغتيال …", "الانتقام لاغتيال …"."""
        before = ctx.words_before_token(h.start, 2)
        if not before:
            return False
        if ctx.tokens[before[0]].norm == "علي":
            return len(before) == 2 and bool(ctx.keys[before[1]] & self.cues["retaliation"])
        return ctx.tokens[h.start].norm.startswith("ل") and bool(ctx.keys[before[0]] & self.cues["retaliation"])

    def _denied_that(self, ctx: _Context, h: Hit) -> bool:
        """"نفى المتحدث باسم التحالف، الكولونيل …، أن تكون طائراته قد نفذت أي غارة": what a denial
        verb's "أن" clause, or the reports it denies, say, however long the denier's name and title."""
        lo = ctx.sentence_tokens(h.sentence)[0]
        words = self.cues["modality"]["denied_before"]

        def back(start: int) -> Iterator[int]:
            # the words before `start`, nearest first (quotes and commas of an aside do not count)
            return islice((k for k in range(start - 1, lo - 1, -1) if ctx.tokens[k].is_word), DENIAL_REACH)

        # "نفى المصدر ذلك، مؤكداً أن الهجوم وقع": what follows a later verb of saying is not denied
        said = self.cues["said_after_denial"]
        reported = next((k for k in back(h.start) if ctx.keys[k] & self.cues["modality"]["denied_reports"]), None)
        if (reported is not None and any(ctx.keys[k] & words for k in islice(back(reported + 1), DENIAL_WORDS))
                and not any(ctx.keys[k] & said for k in range(reported, h.start))):
            return True   # "نفت وزارة الدفاع صحة الأنباء التي تحدثت عن غارة"
        that = next((k for k in back(h.start) if ctx.tokens[k].norm in THAT_WORDS), None)
        if that is None:
            return False
        denial = next((k for k in back(that) if ctx.keys[k] & words), None)
        return denial is not None and not any(ctx.keys[k] & said for k in range(denial + 1, that))

    def _threat_object(self, ctx: _Context, h: Hit) -> bool:
        """"هدد الوزير، في كلمة أمام البرلمان، باغتيال قادة الحركة": the act a threat names is the
        بـ-object of its verb, with appositions and asides between them."""
        return self._after_preposition(ctx, h, "ب") and self._cue_before(ctx, h, "threat_verbs", 15, clause=False)

    def _after_preposition(self, ctx: _Context, h: Hit, letter: str) -> bool:
        """A noun trigger with the preposition `letter` (ب, ل) glued on: "باغتيال", "لمواجهة";
        not a word whose own first letter it is ("لقاء", "لجنة")."""
        if h.spec.form == "verb":
            return False
        norm = ctx.tokens[h.start].norm
        if norm.startswith(letter) and not self.matcher.starts_with(norm):
            return True
        # 'بـ"اقتحام" مقراته': the preposition written apart, a quote between
        before = ctx.words_before_token(h.start, 1)
        return bool(before) and before[0] == h.start - 2 and ctx.tokens[before[0]].norm == letter

    def _purpose(self, ctx: _Context, h: Hit) -> bool:
        """"لمواجهة الهجوم", "لاقتحام البلدة": a verbal noun after the preposition ل says what
        someone means to do; "تعرض لهجوم" says what happened."""
        if not self._after_preposition(ctx, h, "ل") or ctx.tokens[h.start].norm.startswith("لل"):
            return False
        governors = self.cues["modality"]["purpose_governors"]
        # the governor may stand before the subject: "تعرض حاجز لقوات النظام لهجوم", "وتتعرض مدن
        # وبلدات ريف حلب الخاضعة لسيطرة "الجيش الوطني" لتفجيرات" (a name counts as one word, a time
        # none: "تعرضت القاعدة … في حقل العمر النفطي، فجر اليوم الاثنين، لهجوم")
        lo = ctx.clause_start(h)
        aside = ctx.asides_between_commas(lo, h.start)
        words_before = [i for i in range(lo, h.start) if ctx.tokens[i].is_word and not ctx.inside_name(i, lo)
                        and not ctx.in_date[i] and i not in aside][-GOVERNOR_WORDS:]
        return not any(ctx.keys[i] & governors for i in words_before)

    def _fought_off(self, ctx: _Context, h: Hit) -> bool:
        """Whether the sentence of a foiled act tells of dead or wounded after it."""
        c = self.cues["casualties"]
        return any(ctx.keys[i] & (c["killed"] | c["injured"] | c["counted"])
                   for i in range(h.end, ctx.sentence_tokens(h.sentence)[1]))

    def _counted_attempts(self, ctx: _Context, h: Hit) -> bool:
        """"تعرض لعدة محاولات اغتيال", "نجا من ثلاث محاولات", "37 عملية ومحاولة اغتيال": attempts
        counted over a period."""
        mod = self.cues["modality"]
        lo = ctx.clause_start(h)
        def counted(k: int) -> bool:
            n = ctx.number_at(k) if k >= lo else None
            return n is not None and (n.value or 0) >= 2

        for i in range(h.end - 1, max(lo, h.start - 4) - 1, -1):
            if ctx.keys[i] & mod["attempts"]:
                return i > 0 and (bool(ctx.keys[i - 1] & (mod["aggregate_strong"] | mod["counts_before"]))
                                  or counted(i - 1))
            if ctx.keys[i] & mod["attempted_before"]:
                # the attempts joined to counted deeds: "37 عملية ومحاولة اغتيال"
                return ctx.tokens[i].norm.startswith("و") and counted(i - 2)
        return False

    def _purpose_verb(self, ctx: _Context, h: Hit) -> bool:
        """"وصل الانتحاري إلى السوق ليفجر نفسه": لـ with a present verb says what someone meant to
        do; the act itself, if it came, is told by its own verb. Only for acts of force: "جاء رأيه
        ليدعم …" tells what the opinion did (a result, not a purpose), and so does "عادت لتقصف"."""
        norm = ctx.tokens[h.start].norm
        if h.type not in ONE_SIDED or h.spec.form != "verb" or not norm.startswith("ل") or self.matcher.starts_with(norm):
            return False
        if not any(k == norm[1:] and k.startswith(("ي", "ت", "ن")) for k in ctx.keys[h.start]):
            return False
        return not any(ctx.keys[i] & self.cues["return_verbs"] for i in range(max(0, h.start - 3), h.start))

    def _aggregate(self, ctx: _Context, h: Hit) -> bool:
        """A count over a period: "17 هجمة", "تكرار حوادث الاشتباك", "الهجمات المتكررة",
        or a bare plural with no actor, place or date to make it one occurrence ("على خلفية اعتقالات")."""
        if h.spec.form == "verb":
            return False
        mod = self.cues["modality"]
        # ("استهدفت غرفة عمليات الفتح المبين بقذائف": a name told inside the trigger counts nothing)
        if any(ctx.keys[i] & mod["aggregate_strong"] and not ctx.entity_at[i] for i in range(h.start, h.end)):
            return True   # "عمليات الاغتيال"
        # "قتل وجرح العشرات بانفجار سيارة": a count of victims of one blast (its cause, with ب);
        # "حصيلة ضحايا التفجير": the toll of one act
        cause = self._after_preposition(ctx, h, "ب")
        caused = cause or any(ctx.keys[k] & self.cues["cause_words"] for k in ctx.words_before_token(h.start, 1))
        if caused and self._tally_since(ctx, h, ctx.sentence_tokens(h.sentence)[1]):
            return True   # "وثق المرصد مقتل 150 شخصاً منذ مطلع شباط، معظمهم بانفجار ألغام", "… جراء انفجار
            # ألغام وهجمات للتنظيم بلغ منذ مطلع العام 112 قتيلاً"
        victims = h.start > 0 and bool(ctx.keys[h.start - 1] & self.cues["victims"])
        # ("نظم عشرات الأهالي وقفة احتجاجية": a protest's count is of people, right before it of protests)
        if not (cause or victims) and self._cue_before(ctx, h, "aggregate_strong", 1 if h.type == "PROTEST" else 2):
            # ("شنت طائرات، فجر اليوم، سلسلة غارات على البوكمال": a series on one day, or one night
            # "ليل الأربعاء – الخميس", is one act)
            series = self._cue_before(ctx, h, "series_words", 2)
            return not (series and any(dm.value is not None and _day_or_night(dm.value)
                                       for _, dm in ctx.dates_in(ctx.sentence_tokens(h.sentence))))
        # (a protest's numbers count people, not protests)
        # "17 هجمة منذ منتصف نوفمبر" is a tally; "ثلاث غارات" on a town is one strike, and so are
        # "12 غارة" a verb says were carried out ("نفذت 12 غارة على مواقع التنظيم")
        # (the verb may open the clause, its subject and a time between: "وشنت الطائرات الحربية الروسية،
        # صباح اليوم، أكثر من 20 غارة")
        before = ctx.words_before(h)
        carried_out = any(ctx.keys[i] & self.cues["occurrence_verbs"] for i in (*before[:1], *before[-2:]))
        # (and so are acts counted over more than a week: "شن التحالف 23 غارة … خلال الشهر الماضي")
        if h.type != "PROTEST" and _number_next_to(ctx, h) and (
                self._tally_word_near(ctx, h, 8) or _number_next_to(ctx, h, 10) and not carried_out
                # ("ومنذ مطلع العام، نفذت المسيّرات التركية 32 هجوماً": acts counted since a date are a tally)
                or self._tally_since(ctx, h, ctx.sentence_tokens(h.sentence)[1])
                or any(dm.value is not None and dm.value.min and dm.value.max
                       and (dm.value.max - dm.value.min).days > TALLY_DAYS
                       and any(ctx.keys[k] & self.cues["period_words"] for k in (tok, *ctx.words_before_token(tok, 2)))
                       for tok, dm in ctx.dates_in(h.scope))):
            return True
        if not ctx.plural(h):
            return False
        # ("وتصاعدت الهجمات التركية على مناطق شمال وشرق سوريا منذ مطلع الشهر الجاري")
        if self._tally_word_near(ctx, h, 6) or self._tally_since(ctx, h, ctx.sentence_tokens(h.sentence)[1]):
            return True
        # (a verb of occurring tells one, before or right after it: "اشتباكات اندلعت في القرية")
        told = any(ctx.keys[i] & self.cues["occurrence_verbs"] for i in (*range(ctx.clause_start(h), h.end),
                                                                         *ctx.words_after(h, 1)))
        # (and so does the village named before: "في القرية")
        bare = (not h.definite and not ctx.mentions_in(h.scope, ACTOR_TYPES + ("LOCATION",)) and not ctx.dates_in(h.scope)
                and not any(ctx.tokens[i].norm in SETTLEMENT_ANAPHORS for i in range(*h.scope)))
        return bare and not told   # "حلقت طائرات استطلاع فوق القرية" is one flight

    def _tally_word_near(self, ctx: _Context, h: Hit, window: int) -> bool:
        """A word of repetition or of a period near the trigger ("الهجمات المتكررة", "خلال الأشهر
        الماضية"); but not the preposition that governs the trigger itself ("خلال اشتباكات مع …",
        "منذ اشتباكات الأسبوع الماضي": during one, since one)."""
        governing = h.start - 1 if h.start > 0 and ctx.tokens[h.start - 1].norm in GOVERNING_PERIOD_WORDS else None
        # (nor "منذ" a time of the same day or night: "وتدور منذ فجر اليوم اشتباكات" goes on since then)
        lo, hi = max(h.scope[0], h.start - window), min(h.scope[1], h.end + window)
        skip = {governing, *(k for tok, dm in ctx.dates_in((lo, hi + 1))
                             if dm.value is not None and _day_or_night(dm.value) for k in (tok - 1, tok))}
        return self._near(ctx, h, self.cues["modality"]["aggregate_near"], window, skip=skip)

    def _tally_since(self, ctx: _Context, h: Hit, hi: int) -> bool:
        """Whether the sentence of `h`, up to token `hi`, counts since a date over a week before the
        news ("منذ مطلع شباط"): the acts or the dead it names are a tally over a period."""
        published = ctx.doc.meta.published
        if not published or not published.max:
            return False
        lo = ctx.sentence_tokens(h.sentence)[0]
        # (not the period an act is the latest of: "الغارات، التي تعد الثالثة من نوعها منذ مطلع الشهر")
        return any(i > lo and ctx.tokens[i - 1].norm in SINCE and dm.value is not None and dm.value.min
                   and (published.max - dm.value.min).days > TALLY_DAYS and not self._counted_since(ctx, i)
                   for i, dm in ctx.dates_in((lo, hi)))

    def _starts_background(self, ctx: _Context, h: Hit) -> bool:
        lo, _ = ctx.sentence_tokens(h.sentence)
        opener = self.cues["modality"]["background_openers"]
        return any(ctx.keys[i] & opener or ctx.tokens[i].norm in opener for i in range(lo, min(lo + 3, h.start + 1)))

    def _told_as_prior(self, ctx: _Context, h: Hit) -> bool:
        """"ويأتي ذلك بعد أسبوع من مقتل قيادي …": what the news came after is an earlier act, by
        so long when the text says (`h.prior_lag`)."""
        lo, _ = ctx.sentence_tokens(h.sentence)
        if lo >= h.start or not ctx.keys[lo] & self.cues["prior_openers"]:
            return False
        after = next((i for i in range(lo + 1, min(lo + 5, h.start)) if ctx.keys[i] & self.cues["prior_words"]), None)
        if after is not None:
            h.prior_lag, h.prior_from = self._lag(ctx, after + 1, h.start), after
        return after is not None

    def _so_long_after(self, ctx: _Context, h: Hit) -> bool:
        """"أفرجت المجموعة عن الطفل بعد أسبوع من اختطافه": an act the news came so long after, inside
        the sentence; its lag is kept like that of "ويأتي ذلك بعد …"."""
        before = ctx.words_before_token(h.start, 5)
        if before and ctx.keys[before[0]] & self.cues["onset_nouns"]:
            before = before[1:]   # "بعد ساعات من خروج مظاهرات"
        if h.definite or not before or ctx.tokens[before[0]].norm != "من":
            return False   # ("بعد ساعتين من الاختطاف": the abduction told before)
        after = next((k for k in before[1:] if ctx.keys[k] & self.cues["prior_words"]), None)
        lag = self._lag(ctx, after + 1, h.start) if after is not None else None
        if lag is not None:
            h.prior_lag, h.prior_from = lag, after
        return lag is not None

    def _lag(self, ctx: _Context, k: int, end: int) -> int | None:
        """Days in "يومين من", "ثلاثة أيام من", "أسبوع من", "أقل من أسبوعين على" (a duration, roughly
        or not, then "من" or "على"), from token k."""
        count = None
        if k + 1 < end and ctx.keys[k] & self.cues["about_words"]:
            k += 2 if ctx.tokens[k + 1].norm == "من" else 1
        num = ctx.number_at(k) if k < end else None
        if num is not None and num.value is not None:
            count, k = int(num.value), ctx.tok_end(num.span.end)
        if k + 1 >= end or ctx.tokens[k + 1].norm not in ("من", "علي"):
            return None
        for unit_days, forms in self.time_units:
            form = next((f for f, words in forms.items() if ctx.keys[k] & words), None)
            if form is not None:
                n = count if count is not None else {"one": 1, "two": 2}.get(form)
                if unit_days == 0:
                    return 0   # "بعد ساعات من": the same day, however many hours
                return n * unit_days if n is not None else None
        return None

    @cached_property
    def time_units(self) -> list[tuple[int, dict[str, frozenset[str]]]]:
        """(days, {form: words}) per unit of time, from months.yaml ("يوم", "يومين", "أيام"…)."""
        units = load_data_yaml("months.yaml", self.options)["units"]
        return [(int(u["days"]), {f: frozenset(entry_key(w) for w in u[f]) for f in ("one", "two", "many")})
                for u in units.values()]

    @cached_property
    def time_unit_words(self) -> frozenset[str]:
        """Every word for a unit of time: "ساعات", "يومين", "أسبوع"…"""
        return frozenset().union(*(words for _, forms in self.time_units for words in forms.values()))

    def _vowed(self, ctx: _Context, h: Hit) -> bool:
        """'"المعركة مستمرة حتى طرد ميليشيا قسد"': a fight said to go on until a goal is vowed."""
        after = ctx.words_after(h, 3)
        return bool(after) and bool(ctx.keys[after[0]] & self.cues["vows"]) and any(
            ctx.keys[k] & self.cues["vow_goals"] for k in after[1:])

    @staticmethod
    def _topic_place(ctx: _Context, h: Hit, m: Mention) -> bool:
        """A place the sentence opens with, set off by a comma: "وفي الحسكة، …"."""
        lo = ctx.sentence_tokens(h.sentence)[0]
        after = ctx.tok_end(m.span.end)
        return (ctx.tokens[lo].norm in ("في", "وفي") and ctx.tok(m.span.start) == lo + 1
                and after < len(ctx.tokens) and ctx.tokens[after].norm in ("،", ","))

    def _place(self, ctx: _Context, h: Hit) -> None:
        # (a withdrawal is from its place, not where the fighters went: "سحب مقاتليها من مدينة عفرين
        # باتجاه إدلب")
        withdrawal = h.type == "BASE_CHANGE" and bool(ctx.keys[h.start] & self.cues["pulled_out"])

        def bearing(i: int) -> bool:
            return bool(i > 0 and ctx.keys[i - 1] & self.cues["bearings"])

        def best(mentions: list[tuple[int, Mention]]) -> str | None:
            if not mentions:
                return None
            if withdrawal:
                pool = [x for x in mentions if ctx.named_as_origin(x[0])]
            else:
                dest = [x for x in mentions if ctx.word_before(x[0]) in ("الي", "إلى")]
                pool = [x for x in mentions if not ctx.named_as_origin(x[0])] if dest else mentions
            pool = pool or mentions

            def score(x):
                i, m = x
                return (bearing(i), ctx.place_rank(m.entity_id), 0 if i >= h.end else 1, abs(i - h.start))
            i, m = min(pool, key=score)
            # "شرقي دير الزور": somewhere in the area east of the town, which anchors nothing
            h.place_near, h.place_bearing = ctx.named_as_near(i) or bearing(i), bearing(i)
            return m.entity_id

        def scenes(mentions: list[tuple[int, Mention]]) -> list[tuple[int, Mention]]:
            # "على طريق الرقة – دير الزور قرب بلدة الكسرة": a road's ends are not where it happened;
            # with nothing else named, the place is left to the rest of the article; nor is a town
            # a distance is told from ("البصرة (550 كلم جنوب بغداد)")
            found = [x for x in mentions if not ctx.names_a_road(x[0]) and not self._measured_from(ctx, x[0])]
            # (a highway is the scene only when nothing on it is named: "على الطريق الدولي M4 بين
            # ناحية عين عيسى وبلدة تل تمر" was near Ain Issa)
            off_road = [x for x in found if not ctx.is_road(x[1].entity_id)]
            return off_road if off_road else found

        def arrivals(mentions: list[tuple[int, Mention]]) -> list[tuple[int, Mention]]:
            # "استقدمت تعزيزات من مدينة الميادين": where forces or a delegation came from is not
            # where they arrived, nor where an act told before or after it was ("…من مدينة الشحيل،
            # وشنت حملة دهم", "وهددت … التي استقدمت تعزيزات من مدينة الميادين"); a march sets out
            # from where it was ("انطلقت المظاهرة من ساحة …")
            return [x for x in mentions if h.type == "PROTEST" or withdrawal or not ctx.named_as_origin(x[0])]

        roles = self.cues["role_before_place"]
        # (a source's own place, "مصادر طبية في مشفى القامشلي", is where it speaks from)
        cited = h.attribution[1] if h.attribution else None

        transfers = h.type in ("MOBILIZE", "BASE_CHANGE", "VISIT") and not withdrawal   # ("نقلت أسلحة إلى …")
        # (nor where the deed someone was charged with was done: "اعتقال عنصر … بتهمة تهريب المحروقات
        # إلى مناطق سيطرة قسد عبر نهر الفرات")
        charge = next((k for k in range(h.end, ctx.sentence_tokens(h.sentence)[1])
                       if ctx.keys[k] & self.cues["charge"]), len(ctx.tokens))

        # (nor the city a summit or an agreement is named by, for another act: "بغارة روسية ليل الرابع من آذار،
        # أي قبل ساعات من قمة موسكو")
        talks = h.type in ("MEETING", "AGREE", "VISIT")

        def places_in(rng: tuple[int, int]) -> list[tuple[int, Mention]]:
            return [x for x in ctx.mentions_in((rng[0], min(rng[1], charge)), ("LOCATION",))
                    if not (cited and cited.overlaps(x[1].span)) and (transfers or not self._taken_to(ctx, x[0]))
                    and (talks or not ctx.names_talks(x[0]))
                    and not self._office_place(ctx, x[0], rng[0])
                    and not self._other_side(ctx, x) and (transfers or not self._headed_for(ctx, x[0]))]
        # (an earlier act's place is not what the later news named before its "بعد": "شنت الهيئة حملة
        # اعتقالات في إدلب وبنش، بعد ساعات من خروج مظاهرات")
        own_from = h.prior_from if h.prior_lag is not None else 0
        in_scope = [x for x in places_in((max(h.scope[0], own_from), h.scope[1]))
                    if not any(ctx.keys[i] & roles for i in range(max(h.scope[0], x[0] - 3), x[0]))
                    and not ctx.is_label(x)]
        if not any(i >= h.end for i, _ in arrivals(in_scope)) and not (h.protested and h.bounded):
            # "وشنت حملة دهم في البلدة": the town named before, not a place named before the act
            # (nor the protest's own town: "احتجاجات في السويداء تندد بالغارات الأردنية")
            h.place = ctx.settlement_before((h.end, h.scope[1]))
        road_after = any(x[0] >= h.end and ctx.names_a_road(x[0]) for x in arrivals(in_scope))
        if h.place is None:
            # "وفي الحسكة، كانت مسيّرة تركية قد استهدفت … سيارة على طريق القامشلي – عامودا": the province a
            # sentence turns to frames it; a road named after the act says better where it was (near its
            # first town, as for a road alone)
            scene = arrivals(scenes(in_scope))
            framed = [x for x in scene if not self._topic_place(ctx, h, x[1])]
            h.place = best(framed if framed or road_after else scene)
        if h.place is None and in_scope:
            h.place = ctx.settlement_before((h.scope[0], h.start))   # "وفرضت حظراً في البلدة، وشنت حملة"
        h.place_in_scope = h.place is not None
        # (not a place named as a bearing's reference: "بادية التبني غرب دير الزور")
        h.scope_places = frozenset(m.entity_id for i, m in in_scope if i >= h.end and not bearing(i))
        if h.place is None and not h.bounded:   # (an act named in passing has no place of the sentence's)
            lo, reason = self._own_part_of_sentence(ctx, h)
            sentence = [x for x in scenes(places_in((max(lo, own_from), reason)))
                        if not (road_after and self._topic_place(ctx, h, x[1]))]
            # (with nothing else named, a vehicle hit on its way is placed where it came from, and
            # people seized where they are from, unless on a road: "اختطفت … أربعة شبان من مدينة إعزاز")
            seized = h.type in SEIZURES and not any(ctx.names_a_road(x[0]) for x in in_scope)
            h.place = best(arrivals(sentence)) or (best(
                [x for x in sentence if (x[0] > h.start or not ctx.named_as_origin(x[0])) and not ctx.hometown(x[0])])
                if h.type in VIOLENT or seized else None)
        # (and rather than an area named by a bearing: "على الطريق الواصل بين بلدتي المزيريب واليادودة
        # غربي درعا" is near Al-Muzayrib, not somewhere west of Daraa)
        road_end = next((x for x in in_scope if ctx.names_a_road(x[0])), None) if (
            h.place is None or h.place_bearing) else None
        if road_end is not None:
            # "على طريق القامشلي – عامودا" and nothing else: near the road's first town (ACLED's
            # geo-precision 2), rather than wherever the article is set
            h.place, h.place_near, h.place_bearing = road_end[1].entity_id, True, False   # (no anchor: a fuller report may name the spot)

    def _office_place(self, ctx: _Context, i: int, lo: int) -> bool:
        """A place that belongs to an office named with its holder: "العميد لؤي العلي رئيس فرع الأمن
        العسكري في درعا" (the branch is Daraa's; the meeting may be elsewhere)."""
        k = i - 1
        if k <= lo or ctx.tokens[k].norm != "في":
            return False
        k -= 1
        if self._seat_of_body(ctx, k, i):
            return True
        while k > lo and (ctx.entity_at[k] or ctx.keys[k] & self.cues["office_units"]):
            k -= 1
        return k < i - 2 and bool(ctx.keys[k] & self.cues["role_before_place"])

    def _seat_of_body(self, ctx: _Context, k: int, i: int) -> bool:
        """A base after "في" that houses the body named right before it: "ضباط من مركز المصالحة
        الروسي في قاعدة حميميم" came from there; the meeting was elsewhere."""
        body, place = ctx.mention_covering(k), ctx.mention_at(i)
        if body is None or body.type != "ORGANIZATION" or place is None:
            return False
        _, rec = ctx.place_record(place.entity_id)
        return rec is not None and rec.kind == "base"

    def _measured_from(self, ctx: _Context, i: int) -> bool:
        """Whether the place at token i is far from the scene, a distance being measured from it:
        "البصرة (550 كلم جنوب بغداد)"; "تل اسقف (30 كلم شمال الموصل)" is near enough to place it."""
        for k in ctx.words_before_token(i, 3):
            if ctx.keys[k] & self.cues["distance_units"]:
                number = ctx.number_at(k - 1) if k > 0 else None
                return number is None or number.value is None or number.value > MEASURED_NEAR_KM
        return False

    def _other_side(self, ctx: _Context, place: tuple[int, Mention]) -> bool:
        """"اشتباك على الحدود مع سوريا": the country across the border is not where it happened, nor
        the town a protest stood with ("تضامناً مع السويداء", "تضامناً مع أهالي درعا البلد")."""
        i, mention = place
        people = i > 2 and bool(ctx.keys[i - 1] & self.cues["community"])
        if people and ctx.tokens[i - 2].norm == "مع" and ctx.keys[i - 3] & self.cues["solidarity"]:
            return True
        if not (i > 1 and ctx.tokens[i - 1].norm == "مع"):
            return False
        if ctx.keys[i - 2] & self.cues["solidarity"]:
            return True   # "تضامناً مع السويداء": the town others stood with
        _, rec = ctx.place_record(mention.entity_id)
        return bool(ctx.keys[i - 2] & self.cues["border_nouns"]) and rec is not None and rec.kind == "country"

    def _headed_for(self, ctx: _Context, i: int) -> bool:
        """"قبل أن تنسحب القوة باتجاه قاعدة حقل العمر": where someone headed, not where it happened."""
        return any(ctx.keys[k] & self.cues["toward"] for k in ctx.words_before_token(i, 3))

    def _own_part_of_sentence(self, ctx: _Context, h: Hit, after_acts: bool = True) -> tuple[int, int]:
        """The sentence of `h` up to the reason of an answer ("… نفذت ضربات، رداً على هجمات استهدفت
        قاعدة التنف") or, with `after_acts`, the act it came after ("بدأت المواجهات …، عقب اعتقال قسد
        قائده في الحسكة"), whose places and parties are that act's."""
        lo, hi = ctx.sentence_tokens(h.sentence)
        return lo, next((k for k in range(h.end, hi) if self.cues["reason_openers"].at(ctx.keys, k)
                         or self.cues["statement_turns"].at(ctx.keys, k)
                         or after_acts and ctx.keys[k] & self.cues["prior_words"]
                         and self._names_prior_act(ctx, k + 1, hi)), hi)

    def _names_prior_act(self, ctx: _Context, k: int, hi: int) -> bool:
        """Whether an act follows "بعد"/"عقب" at token k, past how long before and its onset
        ("عقب اعتقال", "بعد ساعات من خروج مظاهرات"; not "لم تنته بعد، وانه لا يوجد اتفاق")."""
        end = min(hi, k + PRIOR_ACT_WORDS)
        while k < end and k not in ctx.trigger_starts and (
                not ctx.tokens[k].is_word or ctx.number_at(k) is not None or ctx.keys[k] & self.time_unit_words
                or ctx.tokens[k].norm == "من" or ctx.keys[k] & self.cues["onset_nouns"]):
            k += 1
        return k in ctx.trigger_starts

    def _taken_to(self, ctx: _Context, i: int) -> bool:
        """Whether the place at token i is where the wounded were taken ("نقلوا إلى مشفى في درعا")."""
        lo = ctx.clause_start_at(i)
        return any(ctx.keys[k] & self.cues["transfer_verbs"] for k in range(max(lo, i - TRANSFER_REACH), i))

    def _date(self, ctx: _Context, h: Hit) -> None:
        # what someone said is dated by the words next to it; a date further on dates what it
        # speaks of ("اتهمت روسيا … رغم تعهداتها بموجب تفاهمات سوتشي الموقعة في أكتوبر 2019")
        speech = h.type in SPEECH_TYPES
        # (an act told as before the news is dated from it, not by another act's date in its sentence:
        # "بعد يومين من غارات روسية …، رغم اتفاق … الموقع في آذار 2020")
        # (nor one told again as what came after another: "ويأتي الاجتماع بعد حملة اعتقالات … مطلع الشهر")
        # (nor the act a protest is against: "وقفة ظهر غد الجمعة رفضاً للغارات الأردنية")
        own_only = speech or h.prior_lag is not None or h.told_again or h.protested
        # (not the date of the act it answered: "الغارات جاءت رداً على إسقاط الحزب طائرة مسيّرة أمس
        # السبت"; the act it came after may date it: "ووقعت الاشتباكات بعد وصول وفد … الاثنين")
        for rng in ((h.scope,) if own_only else (h.scope, self._own_part_of_sentence(ctx, h, after_acts=False))):
            # (the day a statement was made, told where it was made, dates it however far; a day to come
            # beyond its own words dates another act's plan, not what took place: "على أن تبدأ التسوية
            # مطلع الشهر المقبل، فيما رفض آخرون حضور الاجتماع")
            found = [x for x in ctx.dates_in(rng) if (not speech or abs(x[0] - h.start) <= SPEECH_DATE_REACH
                                                      or ctx.in_statement_aside(x[0]))
                     and not self._counted_since(ctx, x[0]) and not _until(ctx, x[0])
                     and not self._where_something_else(ctx, x[0], h)
                     and not (rng != h.scope and h.modality in FACTUAL_MODALITIES and ctx.after_publication(x[1].value))]
            if found:
                # the nearest, in the act's own clause first ("دخلت منبج في 15 من الشهر الجاري، وعين العرب في
                # اليوم التالي، بموجب اتفاق أبرمته قسد مع دمشق … في 13 أكتوبر")
                # (and in the relative clause right after it: 'اتفاق "تعليق العمليات" الذي أعلنه بنس وأردوغان في
                # أنقرة الخميس الماضي')
                own = {ctx.clause_start_at(h.start)}
                which = next((k for k in range(h.end, min(h.scope[1], h.end + RELATIVE_REACH))
                              if ctx.tokens[k].norm in ("الذي", "التي")), None)
                if which is not None and not any(ctx.tokens[k].norm in CLAUSE_PUNCTUATION for k in range(h.end, which)):
                    own.add(ctx.clause_start_at(which + 1))
                i, dm = min(found, key=lambda x: (ctx.clause_start_at(x[0]) not in own, abs(x[0] - h.start)))
                if dm.value is None:
                    h.date_unresolved = True
                else:
                    h.date = dm.value
                    # "أعلنت القيادة المركزية، اليوم الأحد، مقتل قيادي بغارة": the day it was told,
                    # which a day named for the act itself may precede
                    h.date_told = not speech and i < h.start and self._dates_statement(ctx, i)
                return
        # "ونفى حزب الله حينها أي علاقة له": at the time told last before it (the campaign "في السابع من
        # شباط الماضي" of the sentence before)
        if any(ctx.keys[k] & self.cues["then_words"] for k in ctx.words_after(h, THEN_WORDS)):
            told = [x for x in ctx.dates_in((0, h.start))
                    if x[1].value is not None and not ctx.is_dateline(ctx.sentence_of(x[0]))]
            if told:
                h.date, h.background = told[-1][1].value, True

    @staticmethod
    def _where_something_else(ctx: _Context, i: int, h: Hit) -> bool:
        """Whether the date at token i is told in a clause of "حيث" the act is not in: "وتوقفت الدورية
        قبل وصولها إلى بلدة النيرب، حيث يعتصم الأهالي منذ يوم الجمعة الماضي" (the sit-in's day)."""
        lo = ctx.clause_start_at(i)
        return lo > 0 and ctx.tokens[lo - 1].norm in ctx.ex.cues["where_words"] and not lo <= h.start < i

    def _counted_since(self, ctx: _Context, i: int) -> bool:
        """Whether the date at token i starts the period an act is counted in ("الغارات، التي تعد
        الثالثة من نوعها منذ مطلع الشهر"), which does not date it; the start of an ongoing act
        does ("استنفرت قواتها … منذ الاثنين الماضي", "رهن الاعتقال منذ أكتوبر 2003")."""
        before = ctx.words_before_token(i, 4)
        return bool(before) and ctx.tokens[before[0]].norm in SINCE and any(
            ctx.keys[k] & self.cues["counts_before_since"] for k in before[1:])

    def _dates_statement(self, ctx: _Context, i: int) -> bool:
        """Whether the date at token i follows a verb of saying or announcing and its subject."""
        words = [k for k in range(ctx.clause_start_at(i), i) if ctx.tokens[k].is_word and not ctx.entity_at[k]]
        words = words[-STATEMENT_DATE_WORDS:]
        return any(ctx.keys[k] & self.cues["statement_verbs"] for k in words)

    @staticmethod
    def _before_the_charge(ctx: _Context, h: Hit, mentions: list) -> list:
        """Who accuses and who is accused are parties to an accusation; who its charge names is not:
        'واتهمتها بـ"استهداف أمن المنطقة وخدمة خلايا داعش"'."""
        accused = next((m for i, m in mentions if i >= h.end), None)
        after = ctx.tok_end(accused.span.end) if accused is not None else h.end
        # (a verbal noun with "ب": "بتسليح", "بالوقوف", "بـ"; not "في بيان", "بحسب")
        charge = next((k for k in range(after, h.scope[1]) if ctx.tokens[k].is_word and not ctx.entity_at[k]
                       and (ctx.tokens[k].norm == "ب" or ctx.tokens[k].norm.startswith(CHARGE_OPENERS))), None)
        return mentions if charge is None else [x for x in mentions if x[0] < charge]

    def _actors(self, ctx: _Context, h: Hit) -> None:
        # the source a report cites ("بحسب ما أفاد به الدفاع المدني"), and the outlet it spoke to
        # ("قال مصدر حكومي لـ«الشرق الأوسط»"), are no parties to the event
        cited = h.attribution[1] if h.attribution else None
        told_to = ctx.told_to(cited) if cited else None

        def source(m: Mention) -> bool:
            # (but a body that announces an agreement is party to it: "أعلنت وزارة الداخلية التوصل إلى اتفاق")
            return bool(cited and cited.overlaps(m.span)) and not (
                h.type == "AGREE" and ctx.types.get(m.entity_id) in ("ORGANIZATION", "STATE", "ARMED_GROUP"))

        def party(x) -> bool:
            return (not ctx.is_sponsor_tail(x[1]) and not source(x[1]) and x[0] != told_to
                    and not ctx.spoken_to(*x) and not (h.type not in SPEECH_TYPES and ctx.spokesman(*x)))
        mentions = [x for x in ctx.mentions_in(h.scope, ACTOR_TYPES) if party(x)]
        if not mentions and not h.bounded:
            mentions = [x for x in ctx.mentions_in(self._own_part_of_sentence(ctx, h), ACTOR_TYPES) if party(x)]
        # (and its other name in the same breath: 'غير تنظيم الدولة "داعش"')
        ruled_out = {m.entity_id for i, m in mentions if self._ruled_out(ctx, i)}
        mentions = [x for x in mentions if x[1].entity_id not in ruled_out]
        mentions = self._parties_of_this_act(ctx, h, mentions)
        if h.type == "ACCUSE":
            mentions = self._before_the_charge(ctx, h, mentions)
        between = next((i for i in range(h.scope[0], h.scope[1]) if ctx.keys[i] & self.cues["between"]), None)
        anaphor = self._anaphoric_subject(ctx, h)
        if anaphor is not None:
            _add(h.side_a, anaphor)
        # (a subject right before its verb leaves the name after it the object: "وزارة الدفاع التركية
        # اتهمت "وحدات حماية الشعب" بالوقوف وراءه", "الطائرات الروسية استهدفت مواقع الهيئة")
        subject_before = h.spec.form == "verb" and any(
            k >= ctx.clause_start(h) and (m := ctx.mention_covering(k)) is not None
            and ctx.types.get(m.entity_id) in ACTOR_TYPES for k in ctx.words_before_token(h.start, 1))
        subject = None if anaphor is not None or subject_before else self._subject_after(ctx, h, mentions)
        # "بينها وبين X": only the second "بين" is found (the first carries its pronoun)
        pronoun_first = (between is not None and between > 0
                         and bool(ctx.keys[between - 1] & self.cues["between_pronouns"]))
        # "تعرضت دورية للشرطة الروسية لهجوم", "فرقت قوات الأمن مظاهرة": who is named before the
        # act suffered it or broke it up
        suffer = self.cues["undergo"] | (self.cues["protest_breakers"] if h.type == "PROTEST" else frozenset())
        undergone = any(ctx.keys[i] & suffer for i in ctx.words_before(h))
        parents: list[tuple[str, str]] = []
        agent_end = None   # token after the last agent named by its position or "من قبل"
        for i, m in mentions:
            eid = m.entity_id
            if ctx.types.get(eid) == "PERSON":
                _add(h.associated, eid)
                continue
            if any(self._backing_at(ctx, k) for k in ctx.words_before_token(i, 4)):
                _add(h.associated, eid)   # "بدعم من التحالف الدولي"
                continue
            if any(ctx.keys[k] & self.cues["backers_before"] for k in ctx.words_before_token(i, 2)
                   if k == i - 1 or ctx.tokens[k + 1].norm == "من"):
                continue   # "اقتتال بين فصيلين مواليين لتركيا": who backs the parties is none
            if any(ctx.keys[k] & self.cues["before_that"] and ctx.tokens[k + 1].norm == "ان" for k in range(h.end, i - 1)):
                continue   # "اندلع اقتتال …، قبل أن يتدخل الفيلق الثالث": a party to what came after
            if m.source == "nationality" and not self._nationality_of(ctx, h, i, m):
                continue   # "بغارات روسية وقصف مدفعي": the adjective qualifies the other act
            if (m.source == "nationality" or ctx.types.get(eid) == "STATE") and self._victims_nationality(ctx, i):
                _add(h.side_b, eid)   # "قتل جندي تركي بقذيفة": whose soldier was killed, not who fired
                continue
            if h.type in ONE_SIDED and i > 1 and ctx.keys[i - 1] & self.cues["community"] and ctx.tokens[i - 2].norm == "من":
                _add(h.side_b, eid)   # "مقتل الشاب أحمد، وهو من أبناء عشيرة البكير، برصاص …": the victim's people
                continue
            if self._fired_from(ctx, i):
                _add(h.side_a, eid)   # "بقذيفة أطلقت من مناطق سيطرة قسد": whose areas it came from
                agent_end = ctx.tok_end(m.span.end)
                continue
            if self._holds_the_place(ctx, i) or self._premises_of(ctx, i):
                continue
            words_after_act = [k for k in range(h.end, i) if ctx.tokens[k].is_word]
            if i > h.end and (words_after_act and all(ctx.keys[k] & self.cues["belonging"] and ctx.tokens[k].norm != "ل"
                                                      for k in words_after_act) or self._aircraft_owner(ctx, h, i)):
                _add(h.side_a, eid)   # "استهداف طائرة مسيرة تابعة للاحتلال التركي سيارة": whose drone
                agent_end = ctx.tok_end(m.span.end)
                continue
            if ctx.types.get(eid) == "STATE" and i > 1 and ctx.tokens[i - 1].norm == "من" and ctx.keys[i - 2] & self.cues["coming"]:
                continue   # "شاحنات محملة بالأسلحة قادمة من العراق": a country things came from
            unit = ctx.unit_of_parent(m)
            if unit is not None and ctx.types.get(unit) != "PERSON":
                parents.append((eid, unit))   # on its unit's side, whatever the words before it say
                continue
            before = set().union(*ctx.keys[max(h.scope[0], i - 2):i]) if i > h.scope[0] else set()
            # (in a clash, "اشتبكت قوات النظام وقسد" joins the two sides)
            conjoined = h.type != "ARMED_CLASH" and self._conjoined(ctx, agent_end, i)
            if i == subject or self._done_by(ctx, h, i) or conjoined or m.source == "nationality":
                _add(h.side_a, eid)
                agent_end = ctx.tok_end(m.span.end)
            elif before & self.cues["side_a_after"]:
                _add(h.side_a, eid)
            elif undergone and i < h.start:
                _add(h.side_b, eid)
            elif before & self.cues["side_b_after"]:
                _add(h.side_b, eid)
            elif between is not None and i > between:
                # "بينها وبين الفوج 47": the pronoun is the first side, whoever is named after is the other
                _add(h.side_b if pronoun_first or h.side_a else h.side_a, eid)
            elif i < h.start and h.type == "PROTEST" and ctx.types.get(eid) in ("ARMED_GROUP", "STATE"):
                _add(h.side_b, eid)   # "طالب ناشطون بإخراج الهيئة من المنطقة، ونظموا وقفة احتجاجية": protested against
            elif i < h.start:
                _add(h.side_a, eid)
            else:
                _add(h.side_b, eid)
        for eid, unit in parents:
            _add(h.side_b if unit in h.side_b and unit not in h.side_a else
                 h.side_a if unit in h.side_a else h.associated, eid)
        if h.foiled:   # "أحبطت وحدات الجيش محاولة تسلل لمجموعات إرهابية": who foiled it did not attempt it
            foilers = {m.entity_id for i, m in mentions if i < h.start}
            h.associated += [e for e in h.side_a if e in foilers and e not in h.associated]
            h.side_a = [e for e in h.side_a if e not in foilers]
        h.side_b = [e for e in h.side_b if e not in h.side_a]

    def _ruled_out(self, ctx: _Context, i: int) -> bool:
        """"اتهم طرفاً ثالثاً غير تنظيم الدولة بمهاجمة عناصره": who is named after "غير" (other
        than) is said not to be the party."""
        before = ctx.words_before_token(i, 2)
        if before and ctx.keys[before[0]] & self.cues["group_nouns"]:
            before = before[1:]   # 'غير تنظيم "داعش"'
        return bool(before) and bool(ctx.keys[before[0]] & self.cues["other_than"])

    def _fired_from(self, ctx: _Context, i: int) -> bool:
        """'قذيفة أطلقت من مناطق سيطرة "قسد"', "قذائف مصدرها مواقع قوات النظام": a projectile came from
        the areas of the group named at token i."""
        return _led_up_to(ctx, i, self.cues["fired_from"]["verbs"], self.cues["fired_from"]["areas"])

    def _holds_the_place(self, ctx: _Context, i: int) -> bool:
        """"مدينة الباب الخاضعة لسيطرة فصائل الجيش الوطني": the group named at token i holds the
        place, which tells nothing of its part in the act."""
        return _led_up_to(ctx, i, self.cues["held_by"]["verbs"], self.cues["held_by"]["between"])

    def _premises_of(self, ctx: _Context, i: int) -> bool:
        """"أمام مقر حزب البعث": the group at token i owns the building where it happened."""
        before = ctx.words_before_token(i, 2)
        return (len(before) == 2 and bool(ctx.keys[before[0]] & self.cues["premises"])
                and bool(ctx.keys[before[1]] & self.cues["premises_locatives"]))

    def _victims_nationality(self, ctx: _Context, i: int) -> bool:
        """Whether the force named by nationality at token i is a dead or wounded person's: a person
        noun ("جندي", "جندياً", "عنصرين") with a casualty word next to it."""
        c = self.cues["casualties"]
        if not (ctx.keys[i] & c["persons"] or i > 0 and ctx.keys[i - 1] & c["persons"]):   # "جندياً تركياً"
            return False
        near = [k for k in range(max(0, i - 3), min(len(ctx.tokens), i + 5)) if k != i and ctx.tokens[k].is_word]
        return any(ctx.keys[k] & (c["killed"] | c["injured"]) for k in near)

    def _parties_of_this_act(self, ctx: _Context, h: Hit,
                             mentions: list[tuple[int, Mention]]) -> list[tuple[int, Mention]]:
        """The mentions of the scope that can be parties to the act, leaving out:
        - what an arrest was made for: "اعتقال شاب بتهمة التواصل مع خلايا التنظيم" (this one's or
          another's in the sentence), and what was feared: "رفض آخرون حضور الاجتماع خشية تعرضهم
          لانتقام الميليشيات";
        - the other side of a contrast, before or after the act: "حيث يحاول الحرس زيادة نفوذه،
          بينما عززت الميليشيا نقاطها", "ودخلت أرتالها …، في حين دعت الحكومة المؤقتة …";
        - who prompted another's act: "… خلايا التنظيم، ما دفع أقاربه إلى إطلاق النار";
        - for an act told as so long before the news, the news's own parties before it;
        - what an agreement provides for, and for whom: "اتفاقاً يقضي بانسحاب مقاتلي الوحدات"."""
        def first(rng) -> int | None:
            return next((i for i in rng if ctx.keys[i] & words), None)
        words = self.cues["charge"] | self.cues["fear_words"]
        # (to the sentence's end: a charge told with a later arrest is no party either)
        charge = first(range(h.scope[0], ctx.sentence_tokens(h.sentence)[1]))
        if charge is not None:
            mentions = [x for x in mentions if not charge < x[0] or charge < h.start <= x[0]]
        words = self.cues["modality"]["contrast_breaks"]
        before, after = first(range(h.start - 1, h.scope[0] - 1, -1)), first(range(h.end, h.scope[1]))
        prompt = self._prompted(ctx, h)
        lo = max((i for i in (before, prompt) if i is not None), default=-1)
        hi = after if after is not None else len(ctx.tokens)
        if h.type == "AGREE":
            words = self.cues["agreement_terms"]
            hi = min(hi, first(range(h.end, h.scope[1])) or hi)
        if h.prior_lag is not None:   # "قتل عنصران من قسد بعد يومين من اعتقالهما": the later news's parties
            lo = max(lo, h.prior_from)
        return [x for x in mentions if lo < x[0] < hi]

    def _prompted(self, ctx: _Context, h: Hit) -> int | None:
        """The verb that pushed someone to the act ("ما دفع أقاربه إلى إطلاق النار"), if any; not
        "دفع هنية مليون دولار الى التنظيم في إطار تمويل …", which paid."""
        if not (ctx.tokens[h.start].norm.startswith("ل") or ctx.word_before(h.start) == "الي"):
            return None
        return next((i for i in reversed(ctx.words_before(h)) if ctx.keys[i] & self.cues["prompt"]), None)

    def _backing_at(self, ctx: _Context, k: int) -> bool:
        """"بدعم من X" at token k, or "بمساندة X" with the backer's name right after, or after
        its aircraft ("بمساندة مروحيات التحالف")."""
        if self.cues["backing"].at(ctx.keys, k):
            return True
        if not (ctx.tokens[k].norm.startswith("ب") and ctx.keys[k] & self.cues["backing_construct"]):
            return False
        named = k + 2 if k + 2 < len(ctx.tokens) and ctx.keys[k + 1] & self.cues["air"] else k + 1
        return named < len(ctx.tokens) and bool(ctx.entity_at[named])

    def _anaphoric_subject(self, ctx: _Context, h: Hit) -> str | None:
        """The armed group a verb's subject "الميليشيا"/"التنظيم" refers back to, right after
        the verb ("وشنت الميليشيا حملة دهم") or right before it ("الميليشيا استقدمت تعزيزات",
        "عناصر الميليشيا شنوا عقب الحادثة حملة مداهمات"), or the group that claimed the act
        ("وكان التنظيم قد تبنى هجوماً")."""
        lo = ctx.clause_start(h)
        if ctx.tokens[h.start].norm in self.cues["own_forces"]:   # the phrase "طائراتها دمرت"
            return self._speaker_before(ctx, h, h.start)
        if h.spec.form != "verb" and not h.told_by_verb:
            before = ctx.words_before(h)
            if ctx.claims_responsibility(before):
                candidates = before
            else:
                # a noun is told by the verb that opens its clause: look around that verb
                verb = next((k for k in before if ctx.keys[k] & self.cues["act_openers"]), None)
                if verb is None:
                    return None
                candidates = [verb + 1, verb - 1] if verb - 1 >= lo else [verb + 1]
        else:
            after = h.start + 1 if h.told_by_verb else h.end
            candidates = [after, h.start - 1] if h.start - 1 >= lo else [after]
        for i in candidates:
            if i >= len(ctx.tokens) or ctx.entity_at[i]:
                continue
            word = ctx.tokens[i].norm
            if word.startswith("و") and word[1:] in self.cues["group_anaphors"]:
                word = word[1:]
            if word in self.cues["group_anaphors"] and not (i + 1 < len(ctx.tokens) and ctx.tokens[i + 1].norm == QUOTE):
                return ctx.group_before(i)
            if word in self.cues["own_forces"]:
                return self._speaker_before(ctx, h, i)
        return None

    def _speaker_before(self, ctx: _Context, h: Hit, i: int) -> str | None:
        """"قال الجيش الأميركي إن قواته أطلقت …": "its forces" are those of the group or state the
        sentence named last before them, or of the ministry that speaks for a state ("قالت وزارة
        الدفاع الروسية إن طائراتها دمرت")."""
        before = (ctx.sentence_tokens(h.sentence)[0], i)
        named = [(k, m) for k, m in ctx.mentions_in(before, ("ARMED_GROUP", "STATE", "ORGANIZATION"))
                 if ctx.types.get(m.entity_id) != "ORGANIZATION" or self.actors_kb.speaks_for_a_state(m.kb_id)]
        return named[-1][1].entity_id if named else None

    def _conjoined(self, ctx: _Context, end: int | None, i: int) -> bool:
        """Whether the mention at i is joined by و to the one that ended at `end`: "استنفار
        للمليشيات الإيرانية ومليشيا “الدفاع الوطني”", "هاجمت قوات النظام وميليشيا الدفاع الوطني"."""
        if end is None or i < end:
            return False
        gap = range(end, i + 1)
        first = next(k for k in gap if ctx.tokens[k].is_word)
        return ctx.tokens[first].norm.startswith("و") and all(
            not ctx.tokens[k].is_word or ctx.keys[k] & self.cues["group_nouns"] for k in range(first + 1, i)) and (
            first == i or ctx.keys[first] & self.cues["group_nouns"])

    def _done_by(self, ctx: _Context, h: Hit, i: int) -> bool:
        """Whether "من قبل"/"على يد"/"نفذها" before the mention at i says who did the act: "… من قبل
        عناصر الفرقة الرابعة". Far from the act, after a protest, or in a relative clause on
        another noun, it tells who did something else ("احتجاجاً على مقتل مدنيين على يد …",
        "دوريات حول الأماكن التي جرى الاطلاع عليها من قبل الروس")."""
        # (past a guess at who they were: "هجوم شنه مسلحون يعتقد أنهم من تنظيم الدولة")
        i = next((k for k in ctx.words_before_token(i, GUESS_WORDS) if self._past_guess(ctx, k) == i), i)
        if h.type == "PROTEST" or not 0 <= i - h.end <= BY_PHRASE_REACH:
            return False
        phrase = next((k for k in range(max(h.end, i - 4), i) if self.cues["side_a_phrases"].at(ctx.keys, k)
                       or ctx.keys[k] & self.cues["side_a_after"]), None)   # "نفذها مسلحون من تنظيم داعش"
        if phrase is None:
            return False
        # "التحركات العسكرية الأخيرة التي تجري … من قبل": a relative clause on the act itself is fine
        return not any(ctx.keys[k] & self.cues["relatives"] for k in range(h.end + 2, phrase))

    def _subject_after(self, ctx: _Context, h: Hit, mentions) -> int | None:
        """Arabic puts the subject after the verb ("هددت ميليشيا حزب الله", "قصفت الطائرات
        الروسية"), and the actor of a noun after "من" ("وفد من الحرس الثوري")."""
        if ctx.keys[h.start] & self.cues["passive_verbs"]:
            return None   # "اغتيل القيادي في فرقة الحمزة": no subject follows a passive
        skip = self.cues["group_nouns"] | self.cues["speaker_nouns"]
        instrument = h.spec.form == "phrase" and h.type == "ATTACK" and ctx.tokens[h.start].norm.startswith("ب")
        j = h.end
        if h.told_by_verb:
            first = h.start + 1   # "استهدفت قوات النظام بقذائف …", "استهدفت فصائل الجيش الوطني بقذائف"
            if not (ctx.entity_at[first] or ctx.keys[first] & (skip | self.cues["participants"])):
                return None   # "استهدفت عبوة ناسفة دورية لقوات النظام": the weapon is the subject
            skip = skip | self.cues["participants"]
        else:
            if h.type in ("VISIT", "MEETING") and j < h.scope[1] and ctx.tokens[j].norm == "من":
                j += 1   # "زار وفد من قيادة الحرس الثوري"
            elif h.spec.form != "verb":
                while h.type == "MOBILIZE" and j < min(h.scope[1], h.end + 2) and ctx.keys[j] & self.cues["force_adjectives"]:
                    j += 1   # "رتل عسكري للقوات الروسية", "تعزيزات عسكرية ضخمة لقوات النظام"
                if j < h.scope[1] and ctx.tokens[j].norm == "من":
                    j += 1
                elif h.type in ("MOBILIZE", "BASE_CHANGE", "VISIT") and j < h.scope[1] and ctx.entity_at[j]:
                    pass   # the genitive right after is who moved: "انسحاب الفرقة 11", "انتشار قوات النظام"
                elif instrument and j < h.scope[1] and (ctx.entity_at[j] or ctx.keys[j] & (self.cues["group_nouns"]
                                                                                          | self.cues["fire_posts"])):
                    # who fired: 'برصاص عناصر دورية تابعة لـ"قسد"', "بنيران قوات النظام", "بنيران حاجز لقوات النظام"
                    skip = skip | self.cues["participants"] | self.cues["belonging"] | self.cues["fire_posts"]
                elif (h.type in STRIKES and h.end - h.start == 1 and not ctx.keys[h.start] & self.cues["targeting"]
                      and j < h.scope[1] and (ctx.entity_at[j] or ctx.keys[j] & self.cues["group_nouns"])):
                    pass   # and who struck: "قصف جيش الاحتلال التركي قرى …", "هجوم قوات النظام على البلدة"
                elif h.type in SEIZURES and self._agent_then_object(ctx, j, h.scope[1]):
                    pass   # "عقب اعتقال قسد قائد مجلس دير الزور العسكري": who arrested, then whom
                elif not (j < h.scope[1] and h.type in STRIKES + ("MOBILIZE",) and ctx.tokens[j].norm.startswith("ل")
                          and not ctx.keys[h.start] & self.cues["targeting"]):
                    # "قصف مدفعي لقوات النظام", "هجوم لتنظيم داعش", "دورية للشرطة الروسية": the
                    # genitive ل names who struck or deployed
                    return None
            first = j
        # "هاجم عناصر من خلايا تنظيم الدولة": the words for members, and the "من" after them; "نفى
        # مسؤول إعلامي في فاطميون": a speaker, what he is, and the "في" of his group
        speaker = False
        guessed = self._past_guess(ctx, j)
        if guessed is not None and guessed < h.scope[1]:
            j = first = guessed   # "هاجم مسلحون يعتقد أنهم من تنظيم الدولة مجموعة"
        while j < h.scope[1] and (not ctx.tokens[j].is_word or ctx.keys[j] & skip
                                  or j == first and ctx.tokens[j].norm == "ل"   # 'هجوم لـ"قسد"'
                                  or (j > first and ctx.tokens[j].norm in ("من", "ل") and ctx.keys[j - 1] & skip)
                                  or speaker and (ctx.tokens[j].norm == "في" or ctx.keys[j] & self.cues["speaker_modifiers"])):
            speaker = speaker or bool(ctx.keys[j] & self.cues["speaker_nouns"])
            j += 1
        return next((i for i, m in mentions if first <= i <= j and ctx.types.get(m.entity_id) != "PERSON"), None)

    def _agent_then_object(self, ctx: _Context, j: int, hi: int) -> bool:
        """Whether an armed group or a state named at token j (quotes aside) is followed by whom it
        acted on, a person noun ("اعتقال قسد قائد …", "اختطاف الهيئة ناشطاً"): then it is the agent."""
        while j < hi and ctx.tokens[j].norm == QUOTE:
            j += 1
        m = ctx.mention_at(j) if j < hi else None
        if m is None or ctx.types.get(m.entity_id) not in ("ARMED_GROUP", "STATE"):
            return False
        k = ctx.tok_end(m.span.end)
        while k < hi and ctx.tokens[k].norm == QUOTE:
            k += 1
        persons = self.cues["casualties"]["persons"] | self.cues["speaker_nouns"]
        return k < hi and ctx.tokens[k].is_word and not ctx.in_date[k] and bool(ctx.keys[k] & persons)

    def _past_guess(self, ctx: _Context, j: int) -> int | None:
        """Where the name comes in "مسلحون يعتقد أنهم من تنظيم الدولة": unnamed attackers at token j
        and a guess at who they were; None when no such guess starts at j."""
        if j >= len(ctx.tokens) or not ctx.keys[j] & self.cues["unnamed_agents"]:
            return None
        k = j + 1
        if k + 1 >= len(ctx.tokens) or not ctx.keys[k] & self.cues["hedges"] or not ctx.tokens[k + 1].norm.startswith(("ان", "بان")):
            return None
        k += 2
        if k < len(ctx.tokens) and ctx.tokens[k].norm == "من":
            k += 1
        if k < len(ctx.tokens) and not ctx.entity_at[k] and ctx.keys[k] & self.cues["group_nouns"]:
            k += 1   # 'أنهم من تنظيم "الدولة الإسلامية"'
        while k < len(ctx.tokens) and ctx.tokens[k].norm == QUOTE:
            k += 1
        return k

    def _casualties(self, ctx: _Context, h: Hit) -> None:
        c = self.cues["casualties"]
        lo, hi = h.scope
        if h.prior_lag is not None:   # "قتل عنصران بعد يومين من اعتقالهما": the toll before belongs to the later news
            lo = max(lo, h.prior_from)
        if h.type not in VIOLENT and lo in ctx.violent_ends:
            lo = h.start   # "أوقع انفجار 68 قتيلا …، ألقت قوات عراقية القبض": the toll is the blast's
        elif lo in ctx.violent_ends:
            # "غارة على سيارة، ما أدى إلى مقتل شخصين، كما استهدفت غارة أخرى بلدة طفس": the toll told
            # in the clause of the act before is that act's
            cut = self._last_clause_cut(ctx, lo + 1, h.start)
            lo = lo if cut is None else cut
        # "قُتل ثلاثة عناصر في اشتباكات …، كما قُتل مدني بقصف مدفعي": the toll told in the clause of
        # a later act of force is that act's
        later = next((k for k in ctx.violent_starts[bisect.bisect_right(ctx.violent_starts, h.end):] if k <= hi), None)
        if later is not None:
            cut = self._last_clause_cut(ctx, h.end, later)
            if cut is not None and any(ctx.keys[k] & (c["killed"] | c["injured"]) for k in range(cut, later)):
                hi = cut
        i = lo
        while i < hi:
            kind = "killed" if ctx.keys[i] & c["killed"] else "injured" if ctx.keys[i] & c["injured"] else None
            if kind is None:
                i += 1
                continue
            target = h.casualties.killed if kind == "killed" else h.casualties.injured
            # "دون أن تسفر عن إصابات"
            before = set().union(*ctx.keys[max(lo, i - 4):i]) if i > lo else set()
            if h.type == "PROTEST" and set().union(*ctx.keys[max(lo, i - 2):i]) & self.cues["protest_reasons"]:
                i += 1
                continue   # "احتجاجاً على مقتل الشاب": what the protest was about, not its toll
            if before & self.cues["modality"]["negated_before"]:
                target.append(SideCasualties(count=0, span=ctx.tokens[i].span))
                i += 1
                continue
            if ctx.keys[i] & c["counted"] and i > lo and (ctx.keys[i - 1] & (c["one_of"] | c["share_of"])
                                                          or ctx.tokens[i - 1].norm == "من"):
                i += 1
                continue   # "أحد القتلى عضو في الأسايش", "معظم الشهداء": of the dead counted already
            if ctx.keys[i] & c["counted"]:
                toll = _counted(ctx, i, lo, c)
                tally = any(ctx.keys[k] & c["toll_nouns"] for k in ctx.words_before_token(i, 2))
                risen_to = next((k for k in range(i + 1, min(hi, i + RISEN_TO_WORDS)) if ctx.tokens[k].norm == "الي"),
                                None) if tally else None
                if toll.count is None and risen_to is not None:
                    # "ارتفعت حصيلة قتلى الانفجار إلى أربعة أطفال": the count the toll has risen to;
                    # "ارتفعت حصيلة القتلى جراء الهجوم إلى 13 قتيلاً": read at the count itself
                    groups, end = _count_groups(ctx, risen_to + 1, hi, c)
                    if groups and all(g.count for g in groups):
                        target[:] = groups   # (the total it rose to: "قُتل مسلحان … ثم ارتفعت الحصيلة إلى ثلاثة")
                        # (past the noun counted: "إلى 13 قتيلاً" is that one count)
                        i = end + 1 if end < hi and ctx.keys[end] & c["counted"] else end
                    else:
                        i += 1
                    continue
                both = (i + 1 < hi and ctx.tokens[i + 1].norm.startswith("و")
                        and ctx.keys[i + 1] & c["counted"] and ctx.keys[i + 1] & c[_other_kind(kind)])
                if both:   # "68 قتيلا وجريحا": one count for the dead and the wounded, split unknown
                    # (whose they were is named after both words: "القتلى والجرحى في صفوف قسد")
                    whose = _counted(ctx, i + 1, lo, c)
                    _together(ctx, h, ctx.span(ctx.tok(toll.span.start), i + 2), whose.side, whose.entity_id)
                else:
                    target.append(toll)
                i += 2 if both else 1
                continue
            other = _other_kind(kind)
            own = _pronoun_toll(ctx, i)
            if own:
                # "ما أدى إلى مقتله وإصابة اثنين من مرافقيه": the pronoun's toll stands alone; said again
                # after a toll ("وأكد مصدر طبي مقتله"), it adds nothing
                if not target:
                    target.extend(own)
                i += 1
                continue
            # (not "شخصاً قتل وأصيب ثلاثة": who was killed is named before, the wounded after)
            first_victim = next((k for k in range(max(lo, i - 4), i)
                                 if ctx.keys[k] & c["persons"] or ctx.number_at(k) is not None), None)
            if first_victim is not None and first_victim > 0 and ctx.keys[first_victim - 1] & c["funerals"]:
                first_victim = None   # "تفجير وسط جنازة زعيم شيعي قتل بالرصاص": a death before this act
            if (i + 1 < hi and ctx.tokens[i + 1].norm.startswith("و") and ctx.keys[i + 1] & c[other]
                    and first_victim is None):
                # "مقتل وإصابة 12 شخصاً", "قتل وجرح العشرات": one count for both, split unknown
                groups, end = _count_groups(ctx, _toll_start(ctx, i + 2, hi, c), hi, c)
                for g in groups:
                    _together(ctx, h, g.span, g.side, g.entity_id)
                i = max(end, i + 2)
                continue
            groups, end = _count_groups(ctx, _toll_start(ctx, i + 1, hi, c), hi, c)
            verb = bool(ctx.keys[i] & c["victim_verbs"]) and not ctx.tokens[i].norm.startswith(("و", "ال"))
            if not groups and first_victim is not None and verb:
                # "خمسة أشخاص على الأقل قتلوا", "شخصاً قتل": the victims are the verb's subject before
                # it, unless another casualty word stands between ("جنديين قتلا وأصيب ثالث")
                if not any(ctx.keys[k] & (c["killed"] | c["injured"]) for k in range(first_victim, i)):
                    groups, _ = _count_groups(ctx, first_victim, i, c)
            target.extend(groups)
            i = max(end, i + 1)

    def _last_clause_cut(self, ctx: _Context, lo: int, hi: int) -> int | None:
        """The last punctuation or connective in tokens [lo, hi): where the clause before `hi` begins."""
        return next((k for k in range(hi - 1, lo - 1, -1)
                     if ctx.tokens[k].norm in CLAUSE_PUNCTUATION or ctx.keys[k] & self.cues["connectives"]), None)

    def _tolls_told_next(self, ctx: _Context, hits: list[Hit], events: list[_Group]) -> None:
        """A sentence that only tells a toll ("اندلعت اشتباكات … . وقتل 9 أشخاص وأصيب 27 آخرون")
        tells the toll of the act of force the sentence before it reported, if that act has none."""
        c = self.cues["casualties"]
        told = {h.sentence for h in hits}
        for s in range(1, len(ctx.doc.sentences)):
            lo, hi = ctx.sentence_tokens(s)
            first = next((i for i in range(lo, hi) if ctx.tokens[i].is_word), None)
            if s in told or first is None or not ctx.tokens[first].norm.startswith("و"):
                continue
            # "وارتفعت حصيلة القتلى لاحقاً إلى اثنين": an update of the toll told before
            risen = bool(ctx.keys[first] & c["risen_verbs"]) and any(
                ctx.keys[k] & c["toll_nouns"] for k in range(first + 1, min(hi, first + 3)))
            if not (risen or ctx.keys[first] & c["victim_verbs"] and not ctx.dates_in((lo, hi))):
                continue
            # (not the dead of another act: "وقتل شابان آخران"; "وأصيب 27 آخرون" are the same act's)
            second = next((i for i in range(first + 1, hi) if ctx.keys[i] & (c["killed"] | c["injured"])), hi)
            if any(ctx.keys[i] & self.cues["others"] for i in range(first, second)):
                continue
            before = [g for g in events if g.type in VIOLENT and g.modality in FACTUAL_MODALITIES
                      and any(x.sentence == s - 1 and x.role == "report" for x in g.hits)]
            if len(before) != 1 or not risen and any(x.casualties.killed or x.casualties.injured for x in before[0].hits):
                continue
            places = {m.entity_id for _, m in ctx.mentions_in((lo, hi), ("LOCATION",))}
            if places - {x.place for x in before[0].hits}:
                continue   # "وقتل شاب في درعا": a toll somewhere else
            toll = replace(before[0].head, scope=(lo, hi), sentence=s, casualties=Casualties(),
                                       quantities=[], prior_lag=None)
            self._casualties(ctx, toll)
            if toll.casualties.killed or toll.casualties.injured:
                before[0].hits.append(toll)

    def _tolls_of_both_sides(self, ctx: _Context, events: list[_Group]) -> None:
        """A toll counted on both sides ("ما أدى إلى إصابة خمسة عناصر من الطرفين") after the act that set
        a clash off, told in the clash's sentence, is the clash's: "اندلعت اشتباكات … إثر محاولة عناصر
        الميليشيا اغتيال القيادي …، ما أدى إلى إصابة خمسة عناصر من الطرفين"."""
        def counted_on_both_sides(toll: SideCasualties) -> bool:
            if toll.span is None:
                return False
            k = ctx.tok(toll.span.start)
            return any(ctx.keys[j] & self.cues["both_sides"] for j in range(k, min(len(ctx.tokens), k + BOTH_SIDES_REACH)))

        clash_hit = {x.sentence: x for g in events if g.type == "ARMED_CLASH" for x in g.hits}
        for g in events:
            if g.type == "ARMED_CLASH":
                continue
            for x in g.hits:
                clash = clash_hit.get(x.sentence)
                if clash is None or clash.start > x.start or clash.casualties.killed or clash.casualties.injured:
                    continue
                for kind in ("killed", "injured"):
                    tolls = getattr(x.casualties, kind)
                    moved = [t for t in tolls if counted_on_both_sides(t)]
                    getattr(clash.casualties, kind).extend(moved)
                    tolls[:] = [t for t in tolls if t not in moved]

    def _assassinated(self, ctx: _Context, h: Hit) -> list[SideCasualties]:
        """An assassination kills whom it names: "اغتال مسلحون ثلاثة من وجهاء العشيرة" three, "اغتيل
        قيادي في الفرقة الرابعة" or "اغتيال القيادي أحمد الزعبي" one (ACLED counts one when no
        toll is given)."""
        c = self.cues["casualties"]
        lo, hi = h.end, min(h.scope[1], h.end + 4)
        for k in range(lo, hi):
            if ctx.number_at(k) is not None:
                groups, _ = _count_groups(ctx, k, h.scope[1], c)
                if groups and all(g.count for g in groups):
                    return groups
        # "اغتال مسلحون القيادي محمد الزعبي ومرافقه أحمد الحشيش": one more for each one joined
        joined = sum(1 for k in range(h.end, min(h.scope[1], h.end + ASSASSINATED_WORDS))
                     if ctx.tokens[k].norm.startswith("و") and ctx.keys[k] & c["persons"]
                     and not ctx.keys[k] & c["plural_persons"] and not ctx.tokens[k].norm.startswith("وال"))
        return [SideCasualties(count=1 + joined, span=ctx.tokens[h.start].span)]

    def _quantities(self, ctx: _Context, h: Hit) -> None:
        q = self.cues["quantities"]
        tolls = [c.span for c in (*h.casualties.killed, *h.casualties.injured) if c.span]
        for num in ctx.numbers_in(h.scope):
            if any(num.span.overlaps(t) for t in tolls):
                continue
            j = ctx.token_after_span(num.span)
            if j is None or j >= h.scope[1]:
                continue
            for kind, words in q.items():
                if ctx.keys[j] & words:
                    end = ctx.tokens[j].span.end
                    h.quantities.append(Quantity(kind, num.value, ctx.doc.text[num.span.start:end],
                                                 Span(num.span.start, end), num.approximate))
                    break

    # 3. merging mentions of one occurrence ---------------------------------------------------
    def _merge(self, ctx: _Context, hits: list[Hit]) -> list[_Group]:
        groups: list[_Group] = []
        active: list[_Group] = []        # groups mentioned recently enough to be referred back to
        headline, top = ctx.headline_sentences, ctx.headline
        last_of_headline = max(headline)
        previous: _Group | None = None   # the group of the hit before
        for n, h in enumerate(hits):
            if n % 64 == 0:
                active = [g for g in active if h.sentence - g.last_sentence <= REFERENCE_REACH]
            target = None
            h_actors = self._expand(ctx, h.actors)
            h_agents = self._agents(ctx, h.side_a)
            is_verb = h.spec.form == "verb"
            # "وتبنت المقاومة الإسلامية في العراق الهجوم": who claims the act just told did it
            # (not "ولم تتبن أي جهة التفجير", a reference)
            h.claimed = h.definite and not is_verb and h.role == "report" and ctx.claims_responsibility(ctx.words_before(h))
            # "شنت قسد حملة مداهمات في بلدات … اعتقلت خلالها 14 شخصاً": what was done during it is
            # part of it, wherever in it
            during = is_verb and h.end < len(ctx.tokens) and bool(ctx.keys[h.end] & self.cues["during"])
            # ("قسد تقصف قرى غرب الفرات" over "وردت قسد بقصف مدفعي طال قرى الطيبة")
            if h.type == "ATTACK" and h.distinct and not h.answer and any(
                    ctx.keys[k] & self.cues["strike_nouns"] for k in range(h.start, h.end)):
                # "غارات أردنية على عرمان …، في حين استهدفت ضربة أخرى مزرعة": another strike of the kind just told
                told = next((g for g in reversed(active) if g.type in ("AIRSTRIKE", "SHELLING")), None)
                if told is not None and h.sentence - told.last_sentence <= 1:
                    h.type = told.type
            candidates = [g for g in active if {g.head.sentence, g.last_sentence} <= headline] if h.answer else active
            ordered = list(reversed(candidates))
            if h.definite:   # "الاشتباكات" refers to the clash told before, rather than to a more recent attack
                ordered.sort(key=lambda g: g.type != h.type)
            for g in ([] if h.distinct and not h.answer else ordered):
                if h.type == g.type == "MEETING" and _by_phone(ctx, h) != _by_phone(ctx, g.head):
                    continue   # "تلقى اتصالاً هاتفياً من بوتين أطلعه على نتائج المحادثات التي أجراها في سوتشي"
                g_agents = self._agents(ctx, g.initiators)
                # "هاجم عناصر التنظيم نقطة لقسد … واستمر الاشتباك قرابة ساعة": the fight, named
                # again with nobody of its own, is the attack it followed
                # ("لحظة الاستهداف" after an air strike: a bare attack noun names any violent act)
                # (what it hit may be named: "الضربات استهدفت مستودعات لحزب الله"; who did it may not differ)
                # (not an answer by another kind: "وردت القوات بقصف مدفعي …" then "وهذا الهجوم هو الخامس")
                # (not shots that killed civilians, after a fight between armed sides: "إطلاق عناصر من
                # جيش الإسلام النار على متظاهرين، ما أدى لاستشهاد مواطنَين")
                retold = (h.definite and (h_agents <= g_agents or h.claimed and not g.initiators)
                          and not (g.head.answer and h.type != g.type)
                          and not (g.type == "ARMED_CLASH" and h.type != g.type and _civilians_killed(h))
                          and h.sentence - g.last_sentence <= (CLAIM_REACH if h.claimed else 1)
                          and ({g.type, h.type} <= FIGHTS or h.type == "ATTACK" and g.type in VIOLENT
                               or h.type in g.kinds))   # "الانفجار" after an assassination told as a blast
                # "وتبنت الفصائل الهجوم، وقالت إنها استهدفت القاعدة", "كمين … لحافلة عسكرية" then "استهدفوا
                # الحافلة بقذائف": who did the act says again what it hit, named before
                restated = ((is_verb or h.told_by_verb) and h.type in STRIKES and g.type in VIOLENT
                            and h.sentence - g.last_sentence <= 1 and bool(h.side_a) and h_agents <= g_agents
                            and self._hit_before(ctx, g, h))
                # "مسؤوليتها عن الهجوم، الذي أودى بحياة سبعة … في هجوم انتحاري": the attack just
                # named, told by its kind in the same sentence
                specified = (g.type == "ATTACK" and g.head.definite and h.type in VIOLENT and h.type != "ATTACK"
                             and not is_verb and g.last_sentence == h.sentence)
                # "اغتيال قيادي … بعبوة ناسفة" over "قُتل القيادي … إثر انفجار عبوة ناسفة": the
                # headline's assassination is the lead's deadly blast or shooting
                from_headline = ({g.head.sentence, g.last_sentence} <= headline
                                 and h.sentence - last_of_headline <= LEAD_SENTENCES - 1)
                killing = from_headline and "ASSASSINATION" in (g.type, h.type) and {g.type, h.type} <= KILLINGS
                # "مقتل ثلاثة مهربين بنيران الجيش" over "قتل ثلاثة … في اشتباك بين دورية للجيش ومهربين":
                # a headline's killing is the lead's act of force with the same toll, told in full there
                same_toll = (from_headline and g.type == "ATTACK" and h.type in VIOLENT
                             and _killed(g.head) is not None and _killed(g.head) == _killed(h))
                # "… غارات على مواقع … وسمعت أصوات انفجارات متتالية": the blasts heard were the strikes'
                heard = (h.type == "EXPLOSION" and g.type in ("AIRSTRIKE", "SHELLING") and h.sentence - g.last_sentence <= 1
                         and self._blast_heard(ctx, h.start, h.spec) and _killed(h) is None)
                # the headline announces what the body tells: its event is the body's first of that type
                # (not another item of the headline itself: "قصف تركي على ريف عين العرب.. ومقتل جندي تركي")
                headline_lead = (g.head.sentence in headline
                                 and not (h.sentence > top and ctx.same_line(top, h.sentence))
                                 and (h.sentence - last_of_headline <= 2 or g.last_sentence in headline))
                if (g.type != h.type and not retold and not restated and not specified and not killing and not same_toll and not heard) or not (
                        self._compatible(ctx, g, h, headline_lead and h.sentence - last_of_headline <= LEAD_SENTENCES)
                        or during and g.modality == h.modality or heard):
                    continue
                # coordinated verbs are separate acts ("رفضت … وهددت … وحذرت"); nouns refer back
                # (but a participle goes on with the statement before it: '"المعركة مستمرة حتى طرد …"،
                # متوعداً بـ…' is one threat)
                same_sentence = g.last_sentence == h.sentence and (not is_verb or g.type == h.type and _participle(ctx, h))
                near = h.sentence - g.last_sentence <= (3 if is_verb else 6)
                # (not an act of the same kind by someone else in the same town: "وفي المقابل عزز
                # الفوج 47 من مقاره في البوكمال" after the NDF's reinforcements there)
                other_agent = (h.type not in SYMMETRIC and bool(h_agents) and bool(g_agents)
                               and not h_agents & g_agents)
                # (nor a meeting or a clash between other parties: the Russians and the NDF met, and
                # earlier the NDF and the IRGC)
                other_parties = (h.type in SYMMETRIC and len(h_actors) >= 2 and len(g.actors) >= 2
                                 and not (h_actors <= g.actors or g.actors <= h_actors))
                # (a one-sided act by someone else is another, though it names the same actor on the
                # other side: "قصفت قوات النظام أريحا" then "استهدفت الفصائل مواقع قوات النظام")
                shared_actor = near and bool(g.actors & h_actors) and not other_parties and (
                    not h_agents or bool(h_agents & g_agents)
                    or not is_verb and (h.type not in ONE_SIDED or not g.initiators))
                same_place = (h.place_in_scope and h.place is not None and h.place in g.places
                              and not (other_agent or other_parties))
                # "… بهجوم على حاجز لهم" then "استهدفوا الحاجز", "شنت ثلاث غارات على السوق": what
                # the act hit was named before
                same_object = near and self._hit_before(ctx, g, h)
                if h.definite or same_sentence or headline_lead or shared_actor or same_place or same_object or during or heard:
                    target = g
                    if heard:   # the sounds tell nothing of who struck whom, nor of a tally ("متتالية")
                        h.side_a, h.side_b, h.associated, h.modality = [], [], [], g.modality
                        h_actors = set()
                    if specified or same_toll or restated and g.type == "ATTACK" and h.type == "AIRSTRIKE":
                        g.type = h.type   # (the kind named after: "لهجوم" then "استهدفت المطار بطائرات مسيرة")
                    break
                if not h.definite:
                    break   # an indefinite mention that fits no recent event is a new one
            if target is None:
                target = _Group(h)
                groups.append(target)
                active.append(target)
            target.add(h, h_actors, _scope_words(ctx, h))
            if previous is not None and previous is not target and self._fire_that_began(ctx, previous, h):
                groups.remove(previous)
                active.remove(previous)
                for x in previous.hits:
                    target.add(x, self._expand(ctx, x.actors), _scope_words(ctx, x))
            previous = target
        return groups

    def _fire_that_began(self, ctx: _Context, before: _Group, h: Hit) -> bool:
        """Whether `before`, the group of the hit before clash `h`, is an attack told there alone as
        what set the clash off: "قبل أن تطلق الدورية النار باتجاه الحاجز، لتندلع اشتباكات"."""
        if h.type != "ARMED_CLASH" or len(before.hits) != 1:
            return False
        fire = before.hits[0]
        if fire.type != "ATTACK" or fire.sentence != h.sentence or fire.modality != "asserted":
            return False
        # (the verb may open the clash's trigger: "لتندلع اشتباكات")
        between = [k for k in range(max(fire.end, fire.object_end), h.start + 1) if ctx.tokens[k].is_word]
        return len(between) <= FIGHT_BEGAN_WORDS and any(ctx.keys[k] & self.cues["fight_began"] for k in between[-2:])

    @staticmethod
    def _hit_before(ctx: _Context, g: _Group, h: Hit) -> bool:
        """Whether what `h` hit, a definite noun right after its verb, was named by the mentions of `g`."""
        after = h.start + 1 if h.told_by_verb else h.end   # "استهدفت المطار بطائرات مسيرة"
        return any(ctx.tokens[j].norm.startswith("ال") and _without_tanwin(ctx.tokens[j].bare) in g.words
                   for j in range(after, min(h.scope[1], after + 3)) if not ctx.entity_at[j])

    def _compatible(self, ctx: _Context, g: _Group, h: Hit, headline_lead: bool = False) -> bool:
        """Mentions whose modality, dates or places contradict are different occurrences. A lead
        that names several places agrees with its headline's if any of them does."""
        factual = FACTUAL_MODALITIES
        if g.modality != h.modality and not (g.modality in factual and h.modality in factual and h.definite):
            return False   # "حاولت اعتقال شاب" then "شنت حملة اعتقال": an attempt and a deed; "الاعتقال" refers back
        if "aggregate" in (g.modality, h.modality):
            return False
        if g.date and h.date and (h.date.max < g.date.min or g.date.max < h.date.min) and not (
                g.date_told and g.date.min - TOLD_LAG <= h.date.max < g.date.min
                or h.date_told and h.date.min - TOLD_LAG <= g.date.max < h.date.min):
            return False
        if self._told_long_before(ctx, h, g):
            return False
        # ("اقتتال … في عفرين" over "اشتباكات … في مدينة الباب وقرى ريف عفرين")
        if h.place and h.place_in_scope and not h.place_bearing and g.anchored_places and not any(
                ctx.places_compatible(p, q)
                # "في محيط دمشق" and "في منطقة الكسوة": a place near another may be where it was
                or (h.place_near or p in g.near_places) and ctx.km_between(p, q) <= NEAR_KM
                # (a village the gazetteer lacks cannot be told apart: the sentence's other places can,
                # "بالقرب من قرية الهلالية غربي المدينة" on "طريق قامشلو – عامودا")
                for p in g.anchored_places for q in (self._lead_places(ctx, h) if headline_lead
                                                     or ctx.place_record(h.place)[1] is None else {h.place})):
            return False
        return True

    @staticmethod
    def _told_long_before(ctx: _Context, h: Hit, g: _Group) -> bool:
        """Whether a mention dates itself long before publication while the act told before it,
        undated and not background, is the day's news: "فإن القتلى هم عنصران …" then "ويعيد ما يجري
        إلى الأذهان الهجوم الذي شنه تنظيم داعش في 25 تموز 2018". (Not an undated reference back to
        an old act: "اتفاق التسوية … في تموز 2018" then "انضم … بعد التسوية".)"""
        cut = ctx.old_news_before
        return (cut is not None and h.date is not None and g.date is None and not g.head.background
                and h.date.max < cut)

    @staticmethod
    def _lead_places(ctx: _Context, h: Hit) -> set[str]:
        """The places a lead names anywhere in its sentence: its headline may have taken any of them
        ("اجتماع … ينهي التوتر في المسيفرة" over "عقدت … اجتماعاً … في بصرى الشام، لبحث تداعيات
        الاشتباكات التي شهدتها بلدة المسيفرة")."""
        if h.sentence in ctx.headline_sentences:   # (text on one line: no headline and lead to tell apart)
            return {h.place, *h.scope_places}
        named = {m.entity_id for _, m in ctx.mentions_in(ctx.sentence_tokens(h.sentence), ("LOCATION",))}
        return {h.place, *h.scope_places, *named}

    def _agents(self, ctx: _Context, entity_ids) -> set[str]:
        """Who acted, without the larger force a unit among them belongs to: "الأمن العام التابع
        لوزارة الداخلية" is one agent, the one named "الأمن العام" alone later."""
        agents = {self._agent(ctx, e) for e in entity_ids}
        agents -= {a for a in agents if self.actors_kb.is_generic(a)}   # ("المهربين" may be any gang)
        if len(agents) < 2:
            return agents
        return agents - {a for b in agents for a in self.actors_kb.ancestors(b)}

    def _agent(self, ctx: _Context, entity_id: str) -> str:
        """Who acted, with a state and its forces as one: "مسيّرة تابعة لدولة الاحتلال التركي" and
        "مسيّرة تركية" are one agent."""
        kb = ctx.kb_of.get(entity_id)
        return self.actors_kb.agent(kb) if kb else entity_id

    def _expand(self, ctx: _Context, entity_ids: set[str]) -> set[str]:
        """Entity ids plus the knowledge-base ids of their parent units (الفوج 47 → IRGC)."""
        out = set()
        for eid in entity_ids:
            if ctx.types.get(eid) == "PERSON":
                continue
            kb = ctx.kb_of.get(eid)
            if self.actors_kb.is_generic(kb):
                continue   # "مهربين" in a headline and "سرايا العاصي" in the body may be the same men
            out.add(kb or eid)
            if kb:
                out.update(self.actors_kb.ancestors(kb))
        return out

    # 4. dates and places from the narrative -------------------------------------------------
    def _inherit_dates(self, ctx: _Context, groups: list[_Group]) -> None:
        dated_by_sentence: dict[int, DateValue] = {}
        for g in groups:
            if g.date:
                for x in g.hits:
                    dated_by_sentence.setdefault(x.sentence, g.date)
        # the lead's own date dates the story it opens, though it names no act ("شهدت المدينة، مساء
        # أمس الأربعاء، توتراً أمنياً بين …" and then the clash)
        reference: DateValue | None = ctx.lead_date()
        published = ctx.doc.meta.published
        # undated news of the day: the days just before publication
        news_window = DateValue.between(published.max - dt.timedelta(days=2), published.max,
                                        source="publication-window") if published and published.max else None
        for g in sorted(groups, key=lambda g: g.head.start):
            head = g.head
            factual = g.modality in FACTUAL_MODALITIES
            if g.date:
                # (a day or a night told dates the undated news after it; a stretch of days only when no
                # day was told: "كما استهدفت غارة، مطلع الشهر الجاري، منزلاً" does not date the reactions
                # to today's strikes)
                if factual and not head.background and ctx.is_news_day(g.date) and (
                        _day_or_night(g.date) or reference is None or not _day_or_night(reference)):
                    reference = g.date
                continue
            news = reference or news_window
            if head.prior_lag is not None and news is not None and news.min and factual:
                # "ويأتي ذلك بعد يومين من اشتباك مماثل": two days before the news it is told with
                lag = dt.timedelta(days=head.prior_lag)
                g.date = DateValue.between(news.min - lag, news.max - lag, news.precision, source="relative:prior")
                continue
            if not factual or any(x.date_unresolved for x in g.hits) or head.background:
                continue
            inherited = dated_by_sentence.get(head.sentence)
            if inherited is None or not ctx.is_news_day(inherited):
                # (today's news is not dated by an act of months before, named in its sentence or
                # told before it: 'اتهمت … بالسعي إلى "ضرب الاستقرار الذي تحقق بموجب اتفاق الأول من نيسان"',
                # nor by a day still to come)
                inherited = news
            if inherited:
                g.date = DateValue(inherited.value, inherited.min, inherited.max, inherited.precision,
                                   None, inherited.source or "narrative")

    def _default_places(self, ctx: _Context, groups: list[_Group]) -> None:
        """An event whose sentences name no place happened where the article is set, when the
        headline or lead names one town."""
        main = ctx.main_place()
        if main is None:
            return
        for g in groups:
            # (not an act of months before, told as background: "وكان الطرفان قد وقّعا في العاشر من
            # آذار اتفاقاً" in a report from Aleppo in September)
            if not g.places and g.modality in FACTUAL_MODALITIES and (g.date is None or ctx.is_news_day(g.date)):
                g.head.place = main
                g.places.add(main)

    def _best_place(self, ctx: _Context, g: list[Hit]) -> str | None:
        """The place a mention names next to its trigger, or a more specific place the other
        mentions name inside it (the roundabout rather than its town)."""
        # (a place named by a bearing, "شرقي دير الزور", only where nothing closer is named)
        anchored = next((x.place for x in sorted(g, key=lambda x: x.place_bearing) if x.place and x.place_in_scope), None)
        places = [x.place for x in g if x.place]
        if not places:
            return None
        if anchored is None:
            return min(places, key=ctx.place_rank)
        inside = [p for p in places if ctx.places_compatible(anchored, p)]
        return min(inside, key=ctx.place_rank)

    # 5. the Event record -------------------------------------------------------------------
    def _to_event(self, ctx: _Context, n: int, group: _Group) -> Event:
        g, head = group.hits, group.head
        evidence: dict[Span, None] = {}
        for x in g:
            span = ctx.trimmed_span(*x.scope)
            if span:
                evidence.setdefault(span, None)
        place = self._best_place(ctx, g)
        ev = Event(f"ev{n}", group.type, trigger=ctx.span(head.start, head.end), evidence=list(evidence),
                   modality=group.modality, date=_until_published(group.date, ctx.doc, group.modality),
                   place=ctx.place_ref(place) if place else None,
                   confidence=round(max(x.confidence for x in g if x.role == "report"), 3))
        if ev.place and any(x.place == place and x.place_near for x in g):
            ev.place.geo_precision = 2   # ACLED's "near a town"; the resolver keeps it as a floor
        # a definite back-reference ("الهجوم" two sentences on) names its event, not its sides,
        # unless nothing else did or it is claimed
        telling = [x for x in g if x is head or not x.definite or x.claimed] or g
        if not any(x.side_a or x.side_b for x in telling):
            # (not a reference's: "ولم تتبن أي جهة التفجير، في حين وجهت الحكومة … الاتهام" names
            # who spoke of the blast, not who took part)
            telling = [x for x in g if x.role == "report"] or g
        for x in telling:
            for eid in x.side_a:
                _add(ev.side_a, eid)
            for eid in x.side_b:
                _add(ev.side_b, eid)
        if not ev.side_b:   # what a reference says it targeted, when nothing else said: "الضربات استهدفت مستودعات لحزب الله"
            for x in g:
                if any(ctx.keys[i] & self.cues["targeting"] for i in range(x.start, x.end)):
                    for eid in x.side_b:
                        _add(ev.side_b, eid)
        for x in g:
            for eid in x.associated:
                _add(ev.associated, eid)
        # a leader speaks and acts for the group he leads: 'هدد الرمضان' where 'أسود الشرقية يقودها
        # الرمضان' (not where he may be the one struck: "اغتيال القيادي …")
        if ev.type not in ONE_SIDED and not ev.side_a:
            for eid in ev.associated:
                group = ctx.led_groups.get(eid)
                if group and group not in ev.side_b:
                    _add(ev.side_a, group)
        # each mention states the toll in full ("مقتل عنصرين" in the headline, "قُتل عنصران" in
        # the lead): take the most complete statement, never the sum of repetitions
        ev.casualties.killed = _fullest(x.casualties.killed for x in g)
        # (an execution too: "أعدمت الهيئة ثلاثة أشخاص")
        killing = ev.type == "ASSASSINATION" or bool(ctx.keys[head.start] & self.cues["execution_verbs"])
        if killing and ev.modality == "asserted" and not ev.casualties.killed:
            ev.casualties.killed = self._assassinated(ctx, head)
        ev.casualties.injured = _fullest(x.casualties.injured for x in g)
        seen: set[Span] = set()   # neighbouring scopes overlap: count each quantity once
        for x in g:
            for q in x.quantities:
                if q.span not in seen:
                    seen.add(q.span)
                    ev.quantities.append(q)
        if ev.type in ONE_SIDED:
            victims = _victims(ev.casualties)
            ev.side_a = [e for e in ev.side_a if e not in victims]
            ev.side_b += [e for e in victims if e not in ev.side_b]
        ev.side_b = [e for e in ev.side_b if e not in ev.side_a]
        # (not from a sentence that tells an earlier act after it: "ويأتي الانفجار بعد يومين من
        # هجوم …، بحسب ما أفاد به المرصد" is sourced for the attack)
        attribution = next((x.attribution for x in g if x.attribution and not (
            x.definite and ctx.keys[ctx.sentence_tokens(x.sentence)[0]] & self.cues["prior_openers"])), None)
        if attribution:
            ev.attribution, ev.attribution_span = attribution
        elif ctx.doc.meta.outlet:
            ev.attribution = ctx.doc.meta.outlet
        return ev


# --- the per-document context ------------------------------------------------------------------
class _Context:
    """Indexes over one document that every step uses."""

    def __init__(self, doc: Document, ex: EventExtractor):
        self.doc, self.ex = doc, ex
        self.tokens = doc.tokens
        self.keys = [token_keys(t) for t in doc.tokens]
        self.starts = [t.span.start for t in doc.tokens]
        self.sent_starts = [s.start for s in doc.sentences]
        self.types = {e.id: e.type for e in doc.entities}
        self.kb_of = {e.id: e.kb_id for e in doc.entities if e.kb_id}
        self.entities = {e.id: e for e in doc.entities}
        self.entity_at = [False] * len(doc.tokens)
        # everything that points at text is indexed by token, so a long document costs no more per trigger
        self.mentions: list[tuple[int, Mention]] = []
        for m in doc.mentions:
            i = self.tok(m.span.start)
            self.mentions.append((i, m))
            for k in range(i, self.tok_end(m.span.end)):
                self.entity_at[k] = True
        self.mentions.sort(key=lambda x: x[0])
        self.mention_toks = [i for i, _ in self.mentions]
        self.dates = sorted(((self.tok(dm.span.start), dm) for dm in doc.date_mentions), key=lambda x: x[0])
        self.date_toks = [i for i, _ in self.dates]
        self.in_date = [False] * len(doc.tokens)
        for i, dm in self.dates:
            for k in range(i, self.tok_end(dm.span.end)):
                self.in_date[k] = True
        self.sponsor_tails = {(r.tail, r.evidence) for r in doc.relations if r.type == "SPONSORED_BY"}
        self.parent_tails = [(r.tail, r.evidence, r.head) for r in doc.relations
                             if r.type in ("AFFILIATED_WITH", "PART_OF", "MEMBER_OF")]
        self._numbers = None
        self._attributions: dict[int, tuple[str, Span] | None] = {}
        self.trigger_types: dict[int, str] = {}     # the type of the trigger beginning at a token
        self.protest_sentences: set[int] = set()   # sentences that tell a protest
        self.violent_ends: set[int] = set()     # tokens right after a violent act's trigger
        self.violent_starts: list[int] = []     # tokens where a violent act's trigger begins, in order
        self._clause_starts: dict[int, int] = {}

    def tok(self, offset: int) -> int:
        """The token containing `offset` (a number's span may start after a clitic: "و5")."""
        return max(0, bisect.bisect_right(self.starts, offset) - 1)

    def tok_end(self, offset: int) -> int:
        """Exclusive token index for a span ending at `offset`."""
        return bisect.bisect_left(self.starts, offset)

    def span(self, lo: int, hi: int) -> Span:
        return Span(self.tokens[lo].span.start, self.tokens[hi - 1].span.end)

    def trimmed_span(self, lo: int, hi: int) -> Span | None:
        while lo < hi and not self.tokens[lo].is_word and self.tokens[lo].norm != '"':
            lo += 1
        while hi > lo and not self.tokens[hi - 1].is_word and self.tokens[hi - 1].norm != '"':
            hi -= 1
        return self.span(lo, hi) if hi > lo else None

    def sentence_of(self, i: int) -> int:
        return max(0, bisect.bisect_right(self.sent_starts, self.tokens[i].span.start) - 1)

    def sentence_tokens(self, s: int) -> tuple[int, int]:
        return self._sentence_tokens[s]

    @cached_property
    def old_news_before(self) -> dt.date | None:
        """The day before which an act is no news of the article's (OLD_NEWS before publication)."""
        published = self.doc.meta.published
        return published.min - OLD_NEWS if published is not None and published.min is not None else None

    def after_publication(self, date: DateValue | None) -> bool:
        """Whether a date lies wholly after the article was published."""
        published = self.doc.meta.published
        return bool(date and date.min and published and published.max and date.min > published.max)

    def is_news_day(self, date: DateValue) -> bool:
        """Whether an act of this date can be the article's news: not older than `old_news_before`
        and not after publication."""
        cut = self.old_news_before
        return not (cut and date.max and date.max < cut) and not self.after_publication(date)

    @cached_property
    def _sentence_tokens(self) -> list[tuple[int, int]]:
        """(first token, token after the last) of every sentence: asked dozens of times per act."""
        return [(self.tok(sent.start), self.tok_end(sent.end)) for sent in self.doc.sentences]

    @cached_property
    def headline(self) -> int:
        """The headline's sentence: the first, unless it is page furniture (share buttons, a
        navigation trail), a masthead (the site's name alone on the first line: "منصة حوران اليوم") or
        only a byline or a dateline ("درعا 24", "خاص - عين الفرات", "دمشق - 14 أيلول 2025") above the
        headline or the lead."""
        first = True
        for s in range(min(HEADLINE_SEARCH, len(self.doc.sentences) - 1)):
            sent = self.doc.sentences[s]
            if self.doc.in_boilerplate(Span(sent.start, sent.end)):
                continue
            lo, hi = self.sentence_tokens(s)
            words = [i for i in range(lo, hi) if self.tokens[i].is_word]
            byline = (len(words) <= DATELINE_WORDS + 1
                      and all(self.entity_at[i] or self.in_date[i] or self.tokens[i].norm == "خاص" for i in words)
                      and (self.is_dateline(s) or bool(self.mentions_in((lo, hi), ("MEDIA",)))))
            masthead = (first and len(words) <= DATELINE_WORDS and self.own_line(s)
                        and not any(i in self.trigger_starts for i in range(lo, hi)))
            first = False
            if not byline and not masthead:
                return s
        return 0

    @cached_property
    def headline_sentences(self) -> frozenset[int]:
        """The headline's sentence and those on its line ("مسيرة تقتل ثلاثة.. و"لواء الباقر" ينفي
        مسؤوليته" is split at its dots)."""
        top, last = self.headline, self.headline
        text, sentences = self.doc.text, self.doc.sentences
        while (last + 1 < len(sentences) and self.same_line(top, last + 1)
               and text[sentences[last].start:sentences[last + 1].start].rstrip().endswith(HEADLINE_JOINERS)):
            last += 1
        return frozenset(range(top, last + 1))

    def is_subheading(self, s: int) -> bool:
        """A short line of its own that is not the headline: "اتهامات مباشرة", "تهديدات متبادلة", or
        a few more words that end in no stop ("كمين على طريق السويداء"): it announces what follows."""
        if s <= self.headline or not self.own_line(s):
            return False
        lo, hi = self.sentence_tokens(s)
        words = sum(1 for t in self.tokens[lo:hi] if t.is_word)
        line = self.doc.sentences[s].of(self.doc.text)
        return words <= 3 or words <= SUBHEADING_WORDS and not line.rstrip().endswith(SENTENCE_STOPS)

    def own_line(self, s: int) -> bool:
        """Whether sentence s is a line of its own."""
        sent, text = self.doc.sentences[s], self.doc.text
        return (sent.start == 0 or text[sent.start - 1] in LINE_BREAKS) and (
            sent.end == len(text) or text[sent.end] in LINE_BREAKS)

    def clause_start(self, h: Hit) -> int:
        return self.clause_start_at(h.start)

    @cached_property
    def led_groups(self) -> dict[str, str]:
        """Person entity id -> the group the article says he leads (LEADS claims)."""
        return {r.head: r.tail for r in self.doc.relations if r.type == "LEADS"}

    def inside_name(self, i: int, lo: int) -> bool:
        """Whether token i goes on with a name begun before it (and at or after `lo`): counting words,
        a name is one."""
        return self.entity_at[i] and i > lo and self.entity_at[i - 1]

    def breaks_clause(self, i: int) -> bool:
        # punctuation ("،" ";") and words ("الذي"), but not the commas around a person's name
        return bool(self.keys[i] & self.ex.cues["breaks"]) and i not in self.apposition_commas

    @property
    def trigger_starts(self) -> KeysView[int]:
        """The tokens where an event's trigger begins."""
        return self.trigger_types.keys()

    @cached_property
    def _comma_before(self) -> dict[int, int]:
        """Each comma, in text order, and the comma before it in its sentence."""
        commas = [i for i, t in enumerate(self.tokens) if t.norm in ("،", ",")]
        return {b: a for a, b in zip(commas, commas[1:]) if self.sentence_of(a) == self.sentence_of(b)}

    @cached_property
    def _comma_pairs(self) -> list[tuple[int, int]]:
        """Neighbouring commas of one sentence with a few words between them."""
        return [(a, b) for b, a in self._comma_before.items() if 0 < b - a - 1 <= STATEMENT_ASIDE_WORDS]

    @cached_property
    def statement_asides(self) -> dict[int, int]:
        """Where a statement was made, between commas ("، في بيان تناقلته معرّفات مقربة منها أمس
        الجمعة،"): the opening comma's token and the closing one's."""
        return {a: b for a, b in self._comma_pairs if self.ex.cues["statement_asides"].at(self.keys, a + 1)}

    def in_statement_aside(self, i: int) -> bool:
        return any(a < i < b for a, b in self.statement_asides.items())

    @cached_property
    def apposition_commas(self) -> frozenset[int]:
        """The commas around a name in apposition, a time or where a statement was made: "اتهم
        المتحدث باسم الحوثيين، يحيى سريع، التحالف بقصف …" is one clause."""
        out = set()
        for a, b in self._comma_pairs:
            inside = range(a + 1, b)
            # (where a statement was made may take more words: "نفت الوزارة، في بيان عبر معرّفاتها
            # الرسمية، وقوع أي اشتباك")
            if a in self.statement_asides:
                out.update((a, b))
                continue
            if b - a - 1 > APPOSITION_WORDS:
                continue
            # (after a rank or "المدعو": "القيادي في الميليشيا، المدعو حيدر الجاسم، بإطلاق النار عليه")
            first = a + 2 if b - a > 2 and self.keys[a + 1] & self.ex.cues["ranks"] else a + 1
            person = self.mention_at(first)
            named = (person is not None and self.types.get(person.entity_id) == "PERSON"
                     and all(self.entity_at[k] for k in range(first, b)))
            # "أحبطت، مطلع الشهر الجاري، محاولة تفجير": a time between commas is as much an aside
            dated = all(self.in_date[k] for k in inside)
            # "لطائرات مجهولة، يرجح أنها إسرائيلية، استهدفت": a guess at who it was, likewise
            guessed = bool(self.keys[a + 1] & self.ex.cues["hedges"])
            if named or dated or guessed:
                out.update((a, b))
        return frozenset(out)

    def clause_start_at(self, start: int) -> int:
        found = self._clause_starts.get(start)
        if found is None:
            lo = self.sentence_tokens(self.sentence_of(start))[0]
            found = next((i + 1 for i in range(start - 1, lo - 1, -1) if self.breaks_clause(i)), lo)
            opening = self._aside_ending(found - 1, lo)
            if opening is not None:
                # "تعرّضت قاعدة التنف، التي تتمركز فيها قوات التحالف، لهجوم": the clause goes on past
                # a relative clause or a time set between commas
                found = self.clause_start_at(opening)
            self._clause_starts[start] = found
        return found

    def asides_between_commas(self, lo: int, hi: int) -> set[int]:
        """The tokens of relative clauses and times set between commas in [lo, hi)."""
        out: set[int] = set()
        for close in range(lo + 1, hi):
            opening = self._aside_ending(close, lo)
            if opening is not None:
                out.update(range(opening, close + 1))
        return out

    def _aside_ending(self, close: int, lo: int) -> int | None:
        """The opening comma of a relative clause or a time between commas whose closing comma is
        at `close` ("، التي … ،", "، فجر الأربعاء الثامن عشر من الشهر الجاري،"), when there is one in
        the sentence (from token `lo`)."""
        opening = self._comma_before.get(close)
        if opening is None or opening < lo or opening + 1 >= close:
            return None
        if all(self.in_date[k] for k in range(opening + 1, close)):
            return opening
        # (the pronoun as written, not a reading of another word, "، كما حمّلت …،", nor "، ما أدى
        # إلى …،", which tells what came of the clause)
        pronoun = entry_key(self.tokens[opening + 1].norm)
        if pronoun not in self.ex.cues["relatives"] or not pronoun.startswith("ال"):
            return None
        return opening

    def clause_end_at(self, end: int) -> int:
        hi = self.sentence_tokens(self.sentence_of(end - 1))[1]
        return next((i for i in range(end, hi) if self.breaks_clause(i)), hi)

    def word_before(self, i: int) -> str:
        return self.tokens[i - 1].norm if i > 0 else ""

    def mentions_in(self, rng: tuple[int, int], types: tuple[str, ...]) -> list[tuple[int, Mention]]:
        lo, hi = bisect.bisect_left(self.mention_toks, rng[0]), bisect.bisect_left(self.mention_toks, rng[1])
        return [(i, m) for i, m in self.mentions[lo:hi] if self.types.get(m.entity_id) in types]

    def mention_covering(self, i: int) -> Mention | None:
        """The mention token i is part of, if any."""
        k = bisect.bisect_right(self.mention_toks, i) - 1
        if k < 0:
            return None
        m = self.mentions[k][1]
        return m if self.tok_end(m.span.end) > i else None

    def mention_at(self, i: int) -> Mention | None:
        k = bisect.bisect_left(self.mention_toks, i)
        return self.mentions[k][1] if k < len(self.mentions) and self.mention_toks[k] == i else None

    def is_sponsor_tail(self, m: Mention) -> bool:
        return any(eid == m.entity_id and ev.contains(m.span) for eid, ev in self.sponsor_tails)

    def unit_of_parent(self, m: Mention) -> str | None:
        """The entity this mention is named as the parent of ("الفرقة الرابعة التابعة لقوات النظام"
        → the division, for "النظام"; "قيادي في الحشد" → the commander, for "الحشد"), or None."""
        return next((head for eid, ev, head in self.parent_tails if eid == m.entity_id and ev.contains(m.span)), None)

    def dates_in(self, rng: tuple[int, int]):
        lo, hi = bisect.bisect_left(self.date_toks, rng[0]), bisect.bisect_left(self.date_toks, rng[1])
        return self.dates[lo:hi]

    def _number_index(self):
        if self._numbers is None:
            from marsad.arabic.numbers import find_numbers
            found = [(self.tok(n.span.start), n) for n in find_numbers(self.doc.text, self.doc.view)
                     if not self.doc.in_boilerplate(n.span)]
            found.sort(key=lambda x: x[0])
            self._numbers = ([i for i, _ in found], [n for _, n in found], {i: n for i, n in reversed(found)})
        return self._numbers

    def numbers_in(self, rng: tuple[int, int]):
        toks, nums, _ = self._number_index()
        return nums[bisect.bisect_left(toks, rng[0]):bisect.bisect_left(toks, rng[1])]

    def number_at(self, i: int):
        return self._number_index()[2].get(i)

    def token_after_span(self, span: Span) -> int | None:
        j = self.tok_end(span.end)
        return j if j < len(self.tokens) else None

    def place_record(self, entity_id: str | None):
        ent = self.entities.get(entity_id) if entity_id else None
        if ent is None:
            return None, None
        return ent, self.ex.gazetteer.get(ent.kb_id or ent.parent_kb_id or "")

    def km_between(self, a: str, b: str) -> float:
        """Great-circle distance between two places with coordinates; infinite when one has none."""
        (_, ra), (_, rb) = self.place_record(a), self.place_record(b)
        if ra is None or rb is None or ra.lat is None or rb.lat is None:
            return math.inf
        return distance_km(ra.lat, ra.lon, rb.lat, rb.lon)

    def place_rank(self, entity_id: str | None) -> int:
        ent, rec = self.place_record(entity_id)
        if ent is None:
            return 9
        if ent.kb_id is None:   # a site or area the text names by its kind ("دوار X", "بادية X", "بلدة X")
            if ent.place_kind in ("town", "village"):
                return PLACE_RANK[ent.place_kind]
            return 0 if ent.parent_kb_id or ent.name_ar.split()[0] not in ("بادية",) else 1
        return PLACE_RANK.get(getattr(rec, "kind", "town"), 1)

    def places_compatible(self, a: str, b: str) -> bool:
        """Two places can be the scene of one event: the same place, one inside the other
        (a roundabout in its town, a town in its governorate), or a region we cannot check."""
        if a == b:
            return True
        ea, ra = self.place_record(a)
        eb, rb = self.place_record(b)
        if ea is None or eb is None:
            return True
        rank_a, rank_b = self.place_rank(a), self.place_rank(b)
        if max(rank_a, rank_b) >= 2:
            if ra is None or rb is None:
                return True
            wide, narrow = (ra, rb) if rank_a > rank_b else (rb, ra)
            if wide.kind == "country":
                return narrow.country in (None, wide.country) or narrow.id == wide.id
            codes = {narrow.admin1_pcode, narrow.admin2_pcode, narrow.admin3_pcode, narrow.id}
            wide_codes = {wide.admin3_pcode, wide.admin2_pcode, wide.admin1_pcode} - {None}
            return bool(codes & wide_codes) or not wide_codes
        return bool(self._chain(ea, ra) & self._chain(eb, rb))

    def _chain(self, ent, rec) -> set[str]:
        """Ids a place is, or lies in: its own, its knowledge-base record's, its parent town's."""
        chain = {ent.id}
        for x in (ent.kb_id, ent.parent_kb_id, getattr(rec, "id", None), getattr(rec, "parent_id", None)):
            if x:
                chain.add(x)
        return chain

    def place_ref(self, entity_id: str) -> PlaceRef:
        ent, rec = self.place_record(entity_id)
        ref = PlaceRef(entity_id=entity_id, name_ar=ent.name_ar if ent else None,
                       kb_id=(ent.kb_id or ent.parent_kb_id) if ent else None)
        if ent and ent.mentions:
            ref.span = ent.mentions[0].span
        return ref

    def plural(self, h: Hit) -> bool:
        """A trigger in the sound feminine plural ("الهجمات", "عمليات اغتيال")."""
        return self.tokens[h.end - 1].norm.endswith("ات") or self.tokens[h.start].norm.endswith("ات")

    def words_after(self, h: Hit, n: int) -> list[int]:
        """The first `n` words of the trigger's clause after it."""
        return [i for i in range(h.end, self.clause_end_at(h.end)) if self.tokens[i].is_word][:n]

    def words_before(self, h: Hit) -> list[int]:
        """The words of the trigger's clause before it, names left out."""
        return [i for i in range(self.clause_start(h), h.start) if self.tokens[i].is_word and not self.entity_at[i]]

    def mentions_before(self, i: int, reach: int = 3) -> Iterator[tuple[int, Mention]]:
        """The mentions before token i, the nearest first, within `reach` sentences."""
        first_sentence = self.sentence_of(i) - reach
        for k in range(bisect.bisect_left(self.mention_toks, i) - 1, -1, -1):
            j, m = self.mentions[k]
            if self.sentence_of(j) < first_sentence:
                return
            yield j, m

    def group_before(self, i: int) -> str | None:
        """The armed group the noun at token i ("الميليشيا", "التنظيم") refers back to: the last
        one named by that noun ("تنظيم الدولة الإسلامية", 'لتنظيم "داعش"'), else the last one named."""
        noun = entry_key(self.tokens[i].norm.lstrip("و").removeprefix("ال"))
        nearest = None
        for j, m in self.mentions_before(i, REFERENCE_REACH):
            eid = m.entity_id
            if self.types.get(eid) != "ARMED_GROUP":
                continue
            before = next((k for k in range(j - 1, max(-1, j - 3), -1) if self.tokens[k].is_word), None)
            if noun == entry_key(self.entities[eid].name_ar.split()[0]) or before is not None and noun in self.keys[before]:
                return eid
            if nearest is None and self.sentence_of(i) - self.sentence_of(j) <= ANAPHOR_SENTENCES:
                nearest = eid
        return nearest

    def claims_responsibility(self, before: list[int]) -> bool:
        """Whether the words before a noun (`words_before`) claim responsibility for it ("تبنى
        التنظيم مسؤولية التفجير"): whoever claims an act says it happened."""
        near, cues = [i for i in before if not self.in_date[i]][-4:], self.ex.cues   # "تبنى في شهر شباط الماضي هجوماً"
        if any(self.keys[i] & cues["adopt_verbs"] for i in near):
            return True   # "تبنى التنظيم الهجوم"
        # (the claimant's description may come between: 'اعلن تنظيم «…» المرتبط بـ«القاعدة» مسؤوليته عن')
        return any(self.keys[i] & cues["responsibility"] for i in near) and any(
            self.keys[i] & cues["claim_verbs"] for i in before[-CLAIM_WORDS:])

    def named_as_near(self, i: int) -> bool:
        """Whether the place at token i is named as what something was near: "قرب بلدة الكسرة",
        "في محيط مدينة البوكمال"."""
        near = self.ex.cues["near_place"]
        return any(self.keys[j] & near for j in range(max(0, i - 2), i))

    def _word_before_place(self, i: int) -> int:
        """The token before the place at token i, past the kind of settlement it is ("من مدينة الميادين")."""
        j = i - 1
        if j > 0 and self.keys[j] & SETTLEMENT_NOUNS:
            j -= 1
        return j

    def hometown(self, i: int) -> bool:
        """Whether the place at token i is where someone comes from: "عنصر ينحدر من بلدة السكرية"."""
        j = self._word_before_place(i)
        return j > 0 and self.tokens[j].norm == "من" and bool(self.keys[j - 1] & self.ex.cues["hometown"])

    def named_as_origin(self, i: int) -> bool:
        """Whether the place at token i is where something came from: "من الميادين", "من مدينة
        الميادين", "قادماً من مطار حميميم", and the place joined to one ("من الحسكة والرقة")."""
        if self.tokens[i].norm.startswith("و"):
            prev = next(self.mentions_before(i, 0), None)
            if prev is not None and self.tok_end(prev[1].span.end) == i and self.types.get(prev[1].entity_id) == "LOCATION":
                return self.named_as_origin(prev[0])
        j = self._word_before_place(i)
        if j > 0 and self.keys[j] & self.ex.cues["community"] and self.tokens[j - 1].norm == "من":
            return True   # where a victim is from: "الشاب سليمان الحسين من أبناء بلدة ملح"
        # not "الجنوبية الغربية من بغداد", "القريبة من رام الله", "130 كيلومتراً من القاهرة"
        return (j >= 0 and self.tokens[j].norm in ("من", "ومن")
                and not (j > 0 and self.keys[j - 1] & self.ex.cues["bearing_before_from"]))

    def settlement_before(self, rng: tuple[int, int]) -> str | None:
        """The town a bare "البلدة"/"المدينة"/"القرية" in `rng` refers back to: the last town or
        village named before it ("وشنت حملة دهم في البلدة")."""
        at = next((i for i in range(*rng) if not self.entity_at[i] and self.tokens[i].norm in SETTLEMENT_ANAPHORS
                   and not (i + 1 < len(self.tokens) and self.entity_at[i + 1])), None)
        if at is None:
            return None
        kind = next(iter(self.keys[at] & SETTLEMENT_NOUNS), None)   # "بالبلدة" -> "بلده"
        # (not "دير الزور" in "مدينة الميادين شرقي دير الزور": a bearing, no town spoken of)
        towns = [(j, m.entity_id) for j, m in self.mentions_before(at)
                 if self.types.get(m.entity_id) == "LOCATION" and self.place_rank(m.entity_id) == PLACE_RANK["town"]
                 and not self.named_as_origin(j) and not (j > 0 and self.keys[j - 1] & self.ex.cues["bearings"])]
        # the last one the text called by the same word ("بلدة محكان" … "البلدة", the word inside
        # the mention or before it), else the last one
        same = [e for j, e in towns if kind in self.keys[j] or j > 0 and kind in self.keys[j - 1]]
        return (same or [e for _, e in towns] or [None])[0]

    def spokesman(self, k: int, m: Mention) -> bool:
        """Whether a person is named between commas after "المتحدث باسم <group>": the group's voice."""
        if m.type != "PERSON" or k == 0 or self.tokens[k - 1].norm not in CLAUSE_PUNCTUATION:
            return False
        return any(self.keys[j] & self.ex.cues["spokesman_nouns"] for j in self.words_before_token(k, SPEAKER_WORDS))

    def spoken_to(self, k: int, m: Mention) -> bool:
        """'في تصريح لقناة "الحرة"', "قال لـ«الشرق الأوسط»": the outlet a source spoke to is not the
        source, nor a party to what it was told."""
        if m.type != "MEDIA":
            return False
        if self._to_outlet(k):
            return True   # the outlet's head noun is in its name: "مصادر محلية لموقع تلفزيون سوريا"
        outlet = self.entities.get(m.entity_id)
        if normalize(m.text).startswith("ل") and outlet is not None and not normalize(outlet.name_ar).startswith("ل"):
            return True   # ل glued to the outlet's own name: "وقال مصدر محلي لفرات بوست"
        previous = self.words_before_token(k, 1)
        if not previous:
            return False
        j = previous[0]
        before = self.tokens[j].norm
        return before == "ل" or self._to_outlet(j)

    def _to_outlet(self, j: int) -> bool:
        """"لقناة", "لموقع": ل glued to the head noun of an outlet."""
        return self.tokens[j].norm.startswith("ل") and bool(self.keys[j] & self.ex.cues["media_heads"])

    def told_to(self, source: Span) -> int | None:
        """The token after a source where the outlet it spoke to is named: "مصدر حكومي لـ«X»"."""
        k = self.tok_end(source.end)
        if k < len(self.tokens) and self.tokens[k].norm == "ل":
            k += 1
            while k < len(self.tokens) and not self.tokens[k].is_word:
                k += 1
            return k
        return None

    def is_label(self, x: tuple[int, Mention]) -> bool:
        """"إدلب: مقتل 4 مدنيين بغارات …": a place that opens a sentence before a colon labels the
        region the story is from, not the scene of each act in it."""
        i, m = x
        after = self.tok_end(m.span.end)
        return (i == self.sentence_tokens(self.sentence_of(i))[0] and after < len(self.tokens)
                and self.tokens[after].norm == ":")

    def names_talks(self, i: int) -> bool:
        """Whether the place at token i names a summit or an agreement: "قمة موسكو", "اتفاق سوتشي"."""
        return i > 0 and bool(self.keys[i - 1] & self.ex.cues["talks_named_by_place"])

    def is_road(self, entity_id: str | None) -> bool:
        """Whether an entity is a road named as such ("الطريق الدولي M4")."""
        _, rec = self.place_record(entity_id)
        return rec is not None and rec.kind == "road"

    def names_a_road(self, i: int) -> bool:
        """Whether the place named at token i is part of a road's name: "طريق الرقة – دير الزور"
        (both ends), "أوتوستراد حلب", "الطريق الواصل بين بلدتي المزيريب واليادودة"."""
        roads, links = self.ex.cues["road_nouns"], self.ex.cues["road_links"]
        for j in range(i - 1, max(-1, i - 8), -1):
            if has_line_break(self.doc.text, self.tokens[j].span.end, self.tokens[j + 1].span.start):
                return False   # (a dateline's town after a headline ending on "الطريق الدولي M4")
            if self.keys[j] & roads:
                return True
            if not (self.entity_at[j] or self.tokens[j].norm in ROAD_JOINERS or self.keys[j] & links):
                return False
        return False

    def lead_date(self) -> DateValue | None:
        """The day the first sentences give, when it is one of the days just before publication
        (an older date there is a dateline or background, not the day of the news). A line of a
        date alone, or a place and a date, is when the report was filed, not when the news was."""
        published = self.doc.meta.published
        top = self.headline   # (past the page's furniture)
        for s in range(top, min(top + LEAD_SENTENCES, len(self.doc.sentences))):
            if self.is_dateline(s):
                continue
            found = [dm.value for _, dm in self.dates_in(self.sentence_tokens(s)) if dm.value is not None]
            if found:
                day = found[0]
                recent = published is None or published.max is None or (
                    day.value is not None and dt.timedelta(0) <= published.max - day.value <= LEAD_DATE_REACH)
                return day if day.precision == "day" and recent else None
        return None

    def main_place(self) -> str | None:
        """The town the headline or the first sentence names, when there is one (not a road's end,
        nor where something came from).
        A dateline ("بيروت - 14 أيلول 2025") names where the report was filed: the lead after it
        says where the news is."""
        top = self.headline   # (past the page's furniture: share buttons, a navigation trail)
        lines = [s for s in range(top, min(top + LEAD_SENTENCES, len(self.doc.sentences))) if not self.is_dateline(s)]
        for s in lines[:2]:
            ms = self.mentions_in(self.sentence_tokens(s), ("LOCATION",))
            # (not where something came from: "استقدمت تعزيزات من مدينة الميادين")
            towns = [m.entity_id for i, m in ms if self.place_rank(m.entity_id) == 1 and not self.names_a_road(i)
                     and getattr(self.place_record(m.entity_id)[1], "kind", "") in ("town", "village")
                     and not self.named_as_origin(i) and not self.names_talks(i)]
            if towns:
                return towns[0]
        return None

    def relative_clause(self, h: Hit) -> bool:
        """Whether the clause of `h` opens with a relative pronoun ("التي تم اختطافها")."""
        lo = self.clause_start(h)
        first = next((i for i in range(lo - 1, max(-1, lo - 3), -1) if self.tokens[i].is_word), None)
        here = next((i for i in range(lo, h.start) if self.tokens[i].is_word), None)
        return any(k is not None and self.keys[k] & self.ex.cues["relatives"] for k in (first, here))

    def words_before_token(self, i: int, n: int) -> list[int]:
        """The last `n` word tokens before token i, quotes and commas aside."""
        out: list[int] = []
        k = i - 1
        while k >= 0 and len(out) < n:
            if self.tokens[k].is_word:
                out.append(k)
            k -= 1
        return out

    def same_line(self, s: int, t: int) -> bool:
        """Whether sentences s and t stand on one line of the text."""
        a, b = self.doc.sentences[min(s, t)], self.doc.sentences[max(s, t)]
        return not has_line_break(self.doc.text, a.end, b.start)

    def is_dateline(self, s: int) -> bool:
        """A line of a place and a date only: "بيروت - 14 أيلول 2025"."""
        lo, hi = self.sentence_tokens(s)
        words = [i for i in range(lo, hi) if self.tokens[i].is_word and not self.in_date[i]]
        return bool(self.dates_in((lo, hi))) and len(words) <= DATELINE_WORDS and all(self.entity_at[i] for i in words)

    def attribution(self, s: int, cues: dict) -> tuple[str, Span] | None:
        if s not in self._attributions:
            self._attributions[s] = self._find_attribution(s, cues)
        return self._attributions[s]

    def _find_attribution(self, s: int, cues: dict) -> tuple[str, Span] | None:
        """Who says so: a source noun ("مصادر محلية", "مراسل الشبكة") or a named organisation,
        outlet or person after a speech verb ("بحسب ما أفاد به الدفاع المدني السوري")."""
        lo, hi = self.sentence_tokens(s)
        for i in range(lo, hi):
            if not self.keys[i] & cues["speech_verbs"]:
                continue
            # (an office's name may be long: "قال مدير المكتب الإعلامي في قسد، فرهاد شامي، إن")
            for k, named in self.mentions_in((i + 1, min(hi, i + SPEAKER_WORDS)), SPEAKER_TYPES):
                if self.spoken_to(k, named):
                    continue
                # "وقال مراسل عنب بلدي في درعا، إن …": where the source is belongs to it
                after = self.tok_end(named.span.end)
                while after < hi and self.tokens[after].norm == QUOTE:   # 'قالت "قسد" إن'
                    after += 1
                if named.type in SOURCE_TYPES and k - i > SOURCE_WORDS:
                    # far on, a person is the source only as the name of whoever is titled before it,
                    # right before "إن": "وقال المتحدث باسم وزارة الداخلية، نور الدين البابا، إن"
                    that = self._that_after(after, hi) if named.type == "PERSON" else None
                    if that is None:
                        continue
                    return self.span(i + 1, after).of(self.doc.text).strip('"، '), self.span(i + 1, that)
                # (past the office that speaks for it: "قال المركز الإعلامي لقوات سوريا الديمقراطية إن")
                office = all(self.keys[j] & cues["offices"] for j in range(i + 1, k) if self.tokens[j].is_word)
                # an armed group or a state is the source only of what it says right after its name
                # ("قالت قسد إن …"), not of an act it is the subject of ("أعلنت قسد مقتل …"); an
                # office speaking for an organisation is the source ("وقال المتحدث باسم وزارة الداخلية،
                # نور الدين البابا، إن")
                if named.type not in SOURCE_TYPES or office and k > i + 1:
                    that = self._that_after(after, hi) if k - i <= 2 or office else None
                    if that is not None:
                        first = i + 1 if office else k
                        # the source's names and asides, up to "إن", and the name of who spoke for it
                        # ("مدير المكتب الإعلامي في قسد، فرهاد شامي")
                        person = [m for _, m in self.mentions_in((after, that), ("PERSON",))]
                        said_by = self.tok_end(person[-1].span.end) if person else after
                        return self.span(first, said_by).of(self.doc.text).strip('" '), self.span(first, that)
                    if named.type not in SOURCE_TYPES:
                        continue
                end = self._source_end(after, hi)
                here = self.tokens[end].norm in SOURCE_ENDS if end < hi else False
                return named.text, (self.span(k, end) if here else named.span)
            for j in range(i + 1, min(hi, i + 4)):
                if self.keys[j] & cues["sources"]:
                    span = self.span(j, self._source_end(j + 1, hi))
                    return span.of(self.doc.text), span
        return None

    def _that_after(self, k: int, hi: int) -> int | None:
        """Where "إن"/"أن" comes from k on, past a time between commas ("قالت الوزارة، اليوم الخميس،
        إن"), another name of the speaker or where it was said ('وقالت "سنتكوم" في بيان إن')."""
        # (and another name of the same speaker: 'القيادة المركزية الأمريكية "سنتكوم"')
        while k < hi and (not self.tokens[k].is_word or self.in_date[k] or self.entity_at[k]):
            k += 1
        if k < hi and self.ex.cues["statement_asides"].at(self.keys, k):
            k = next((j for j in range(k + 1, min(hi, k + 6)) if self.tokens[j].norm in THAT_WORDS), hi)
        return k if k < hi and self.tokens[k].norm in THAT_WORDS else None

    def _source_end(self, k: int, hi: int) -> int:
        """Where a source's name ends: where what it said, or when it said it, begins ("أفادت مصادر
        محلية أمس الثلاثاء بأن …", "وثقت الشبكة السورية … اعتقال"), within a few words."""
        first = k
        while k < hi and k - first < 4 and self.tokens[k].norm not in (*SOURCE_ENDS, ".", "ل", QUOTE) \
                and not self.tokens[k].norm.startswith(("ان", "بان")) and not self.in_date[k] and not self._to_outlet(k) \
                and not ((m := self.mention_at(k)) is not None and self.spoken_to(k, m)) \
                and not self.keys[k] & self.ex.cues["tolls"] \
                and k not in self.trigger_starts and self.number_at(k) is None:   # "وثق المرصد 40 غارة"
            k += 1
        return k


def _scope_words(ctx: _Context, h: Hit) -> set[str]:
    """The bare words of a mention's scope (not names), that later mentions are compared with."""
    return {_without_tanwin(ctx.tokens[j].bare) for j in range(*h.scope)
            if ctx.tokens[j].is_word and not ctx.entity_at[j] and len(ctx.tokens[j].bare) > 2}


class _Group:
    """Mentions merged so far into one event, with what merging decisions look at kept current."""

    def __init__(self, head: Hit):
        self.head = head
        self.type = head.type
        self.kinds: set[str] = set()        # the types its mentions were found as
        self.hits: list[Hit] = []
        self.modality = head.modality
        self.date: DateValue | None = None
        self.date_told = False
        self.places: set[str] = set()
        self.anchored_places: set[str] = set()
        self.near_places: set[str] = set()   # anchored places named as what it was near
        self.actors: set[str] = set()
        self.initiators: set[str] = set()
        self.words: set[str] = set()       # bare forms of the words around its mentions
        self.last_sentence = head.sentence

    def add(self, h: Hit, expanded_actors: set[str], words: set[str]) -> None:
        self.hits.append(h)
        self.kinds.add(h.type)
        self.words |= words
        # an occurrence told once as having happened has happened, though another mention says "tried"
        if h.modality == "asserted" or (h.modality == "attempted" and self.modality != "asserted"):
            self.modality = h.modality
        if h.date and (self.date is None or self.date_told and not h.date_told):
            self.date, self.date_told = h.date, h.date_told
        if h.place:
            self.places.add(h.place)
            if h.place_in_scope and not h.place_bearing:   # ("شرقي دير الزور" may be anywhere east of it)
                self.anchored_places.add(h.place)
                if h.place_near:
                    self.near_places.add(h.place)
        self.actors |= expanded_actors
        self.initiators.update(h.side_a)
        self.last_sentence = h.sentence


# --- helpers ------------------------------------------------------------------------------------
def _without_tanwin(bare: str) -> str:
    """"سوقا" (سوقاً) and "السوق" share "سوق"."""
    return bare[:-1] if len(bare) > 3 and bare.endswith("ا") else bare


def _noun_forms(noun: str) -> list[str]:
    """A noun trigger with its plural and possessive forms (the matcher handles proclitics)."""
    words = noun.split()
    if len(words) > 1:
        return [noun]
    n = normalize(noun)
    if n.endswith("ات"):   # a plural: "مقراتها", "تعزيزاته"
        return sorted({n, *(n + suffix for suffix in ("ه", "ها", "هم", "هما"))})
    if n.endswith("ه"):   # ta marbuta: غارة → غارات, غارته, غارتين
        stem = n[:-1]
        return sorted({n, stem + "ات", *(stem + "ت" + suffix for suffix in ("ه", "ها", "هم", "هما", "ين", "ان"))})
    # the indefinite accusative ("شن هجوماً", "خاض اشتباكاً") and the dual ("هجومين", "انفجاران")
    forms = {n, n + "ات", n + "ا", n + "ين", n + "ان", *(n + suffix for suffix in ("ه", "ها", "هم", "هما"))}
    if n.endswith("ء"):   # a final hamza takes a seat before a pronoun: "خلال لقائه", "لقاؤهم"
        forms.update(n[:-1] + seat + suffix for seat in "ئؤ" for suffix in ("ه", "ها", "هم", "هما"))
    return sorted(forms)


def _verb_forms(verb: str) -> list[str]:
    """A verb trigger with its dual: "سيّرت" → "سيّرتا" ("سيّرتا أول دورية مشتركة"), "هاجم" → "هاجما"."""
    n = normalize(verb)
    if " " in n or n.endswith(("وا", "ا")) or n.startswith(("ي", "ت")) and not n.endswith("ت"):
        return [n]   # (a plural, or a present tense: "يقصفان" is no form of it)
    return [n, n + "ا"]


@dataclass(frozen=True)
class _Phrases:
    """Multi-word cues ("في حال", "دون أن يتمكن"), with the set of their first words: checked at
    every word of a window, they are passed over at once where none can begin."""
    phrases: tuple[tuple[str, ...], ...]
    firsts: frozenset[str]

    @classmethod
    def of(cls, written: Iterable[str]) -> _Phrases:
        phrases = tuple(tuple(entry_key(w) for w in p.split()) for p in written)
        return cls(phrases, frozenset(p[0] for p in phrases))

    def at(self, keys, i: int) -> bool:
        if self.firsts.isdisjoint(keys[i]):
            return False
        return any(i + len(p) <= len(keys) and all(w in keys[i + n] for n, w in enumerate(p)) for p in self.phrases)


def _future_verb(ctx: _Context, h: Hit) -> bool:
    """"ستشهدان", "سيتم": the prefix س before an imperfect verb marks the future."""
    lo = max(ctx.clause_start(h), h.start - 3)
    for i in range(lo, h.end):
        w = ctx.tokens[i].norm
        if w.startswith("و"):
            w = w[1:]
        # (not a past verb of "سيّر" with its dual or plural ending: "سيّرتا أول دورية", "سيّروا")
        if len(w) >= 5 and w[0] == "س" and w[1] in "يتنا" and not w.startswith(("سيار", "سيط", "سنو", "ساع", "سا")) \
                and not w.endswith(("تا", "وا")):
            return True
    return False


def _means_of(ctx: _Context, prev: Hit, h: Hit) -> bool:
    """Whether violent mention `h` is the means ("ب…") of violent act `prev` in its clause, not of
    an act `prev` came after ("ويأتي الهجوم بعد أسبوع من مقتل أربعة عناصر بانفجار لغم")."""
    # ("نجا من محاولة اغتيال إثر انفجار عبوة ناسفة بسيارته", "اغتيل القيادي جراء انفجار عبوة")
    caused = any(ctx.keys[k] & ctx.ex.cues["cause_words"] for k in ctx.words_before_token(h.start, 2))
    # (words, not quotes: 'اغتيال القيادي في "الدفاع الوطني" صالح العبيد "أبو سطام" وشقيقه برصاص مسلحين')
    return (h.type in VIOLENT and prev.type in VIOLENT
            and sum(ctx.tokens[k].is_word for k in range(prev.end, h.start)) <= MEANS_REACH
            and (ctx.tokens[h.start].norm.startswith("ب") or caused) and ctx.clause_start_at(h.start) <= prev.start
            and not any(ctx.keys[k] & ctx.ex.cues["prior_words"] for k in range(prev.end, h.start)))


def _its_own(ctx: _Context, h: Hit, nouns: frozenset[str]) -> bool:
    """Whether a one-word trigger is one of `nouns` with a pronoun of its doer ("استهدافها"): the act
    of someone named before, not another's."""
    word = ctx.tokens[h.start].norm.removeprefix("و")
    return h.end - h.start == 1 and any(word.endswith(p) and entry_key(word[:-len(p)]) in nouns for p in DOER_PRONOUNS)


def _led_up_to(ctx: _Context, i: int, heads: frozenset[str], between: frozenset[str], reach: int = 5) -> bool:
    """Whether a word of `heads` comes before token i with only words of `between` (and no more
    than `reach` tokens) after it."""
    for k in range(i - 1, max(-1, i - reach - 1), -1):
        if ctx.keys[k] & heads:
            return True
        if ctx.tokens[k].is_word and not ctx.keys[k] & between:
            return False
    return False


def _by_phone(ctx: _Context, h: Hit) -> bool:
    """A meeting held by telephone ("اتصالاً هاتفياً"), which no talks face to face refer back to."""
    return any(ctx.keys[k] & ctx.ex.cues["phone_words"] for k in range(h.start, h.end))


def _until(ctx: _Context, i: int) -> bool:
    """Whether the date at token i is where a state lasted until ("لم تتلقَّ العائلة أي معلومات عن مكان
    احتجازه حتى اليوم"), which does not date the act (a range "منذ … وحتى …" is one date of its own)."""
    return i > 0 and ctx.tokens[i - 1].norm in ctx.ex.cues["until_words"]


def _day_or_night(d: DateValue) -> bool:
    """A day, or the two days of one night ("ليل الخميس – الجمعة")."""
    return d.value is not None or d.min is not None and d.max is not None and (d.max - d.min).days <= 1


def _number_next_to(ctx: _Context, h: Hit, at_least: int = 2) -> bool:
    """A count of the trigger's own acts: "17 هجمة", "أكثر من 40 غارة", "الهجمات الـ17"; not the
    toll in "إصابة عشرة في تفجير", nor the victims of a singular act ("بخطف تسعة جنود")."""
    plural = ctx.tokens[h.end - 1].norm.endswith("ات")
    for n in ctx.numbers_in((max(h.scope[0], h.start - 6), min(h.scope[1], h.end + 1))):
        if n.value is None or n.value < at_least or ctx.in_date[ctx.tok(n.span.start)]:
            continue   # (the year of "في ديسمبر 2005 بخطف" counts no acts)
        last = ctx.tok_end(n.span.end) - 1      # the number's last token
        if _counts_persons(ctx, last):
            continue   # "استشهد شابان برصاص …": two victims, not two shootings
        # (a word for cases may stand between: "أكثر من 20 حالة اقتتال")
        if last >= h.end - 1 and plural or last < h.start and not any(
                ctx.tokens[j].is_word and not ctx.keys[j] & ctx.ex.cues["case_nouns"] for j in range(last + 1, h.start)):
            return True
    return False


def _number_range(ctx: _Context, j: int, limit: int) -> tuple[int, int, int] | None:
    """"(ما) بين خمسة وسبعة", "من 5 إلى 7" at token j: (low, high, token after the range)."""
    k = j + 1 if ctx.tokens[j].norm == "ما" else j
    if k >= limit or ctx.tokens[k].norm not in ("بين", "من"):
        return None
    low = ctx.number_at(k + 1)
    if low is None or low.value is None:
        return None
    m = ctx.tok_end(low.span.end)
    if m < limit and ctx.tokens[m].norm in RANGE_JOINERS:
        m += 1
    high = ctx.number_at(m)
    if high is None or high.value is None or high.value <= low.value:
        return None
    return low.value, high.value, ctx.tok_end(high.span.end)


def _together(ctx: _Context, h: Hit, span: Span | None, side: str | None, entity_id: str | None) -> None:
    """One count for the dead and the wounded ("مقتل وإصابة 12 شخصاً", "68 قتيلا وجريحا"): both
    lists get it, the split unknown, with the words that said it."""
    said = ctx.doc.text[span.start:span.end] if span else ""
    for items in (h.casualties.killed, h.casualties.injured):
        items.append(SideCasualties(count=None, vague=f"killed and injured together: {said}",
                                    side=side, entity_id=entity_id, span=span))


def _other_kind(kind: str) -> str:
    return "injured" if kind == "killed" else "killed"


def _counted(ctx: _Context, i: int, lo: int, c: dict) -> SideCasualties:
    """The toll a noun for the dead or wounded states: "خمسة جرحى", "قتيلين" (2), "سقوط قتيل" (1),
    "سقوط قتلى" (some); civilian when "بين المدنيين" or "من المدنيين" follows."""
    word = ctx.tokens[i].norm
    number = next((n for n in ctx.numbers_in((max(lo, i - 4), i)) if ctx.tok_end(n.span.end) == i), None)
    if number is None and i - 1 > lo and ctx.keys[i - 1] & c["toll_nouns"]:
        # "ارتفعت إلى ٢٣ حصيلة قتلى الغارات": the figure the toll rose to, before it
        number = next((n for n in ctx.numbers_in((max(lo, i - 5), i - 1)) if ctx.tok_end(n.span.end) == i - 1), None)
    start = ctx.tok(number.span.start) if number is not None else i
    if number is not None:
        count, vague = number.value, number.vague
    elif word.endswith(("ان", "ين")):
        count, vague = 2, None
    elif word.endswith(("ى", "ي", "اء")):   # قتلى، جرحى، شهداء
        count, vague = None, "some"
    else:
        count, vague = 1, None
    after = [k for k in range(i + 1, min(len(ctx.tokens), i + 4)) if ctx.tokens[k].is_word]
    civilian = any(ctx.keys[k] & c["civilians"] for k in after[:2])
    # "ثلاثة قتلى من قوات النظام", "جرحى في صفوف الميليشيا"
    side = _side_after(ctx, i + 1, min(len(ctx.tokens), i + 8), c)[0] if after else None
    return SideCasualties(count=count, vague=vague, side="civilian" if civilian else None, entity_id=side,
                          span=ctx.span(start, i + 1))


def _side_after(ctx: _Context, j: int, limit: int, c: dict) -> tuple[str | None, int]:
    """The group a toll belongs to, named after it with "من"/"في" at token j ("من قوات النظام",
    "في صفوف ميليشيا …", "4 من عناصر الحشد الشعبي", 'قيادي في تنظيم "الدولة"') or right after a
    leader ("زعيم تنظيم الدولة"), and the token after it; "الطرفين" is both sides, no group."""
    led = ctx.mention_at(j) if j < limit and j > 0 and ctx.keys[j - 1] & c["leaders"] else None
    if led is not None and ctx.types.get(led.entity_id) in ACTOR_TYPES:
        return led.entity_id, ctx.tok_end(led.span.end)   # "مقتل زعيم تنظيم الدولة"
    if not (j < limit and ctx.tokens[j].norm in ("من", "في")):
        return None, j
    k = j + 1
    while k < limit and (ctx.tokens[k].norm in SIDE_NOUNS and not ctx.entity_at[k] or not ctx.tokens[k].is_word
                         or (ctx.keys[k] & c["persons"] and ctx.mention_at(k) is None)):
        k += 1
    ment = ctx.mention_at(k)
    if ment is not None and ctx.types.get(ment.entity_id) in ACTOR_TYPES:   # not "17 مدنياً في دمشق"
        return ment.entity_id, ctx.tok_end(ment.span.end)
    if k < limit and ctx.tokens[k].norm in ("الطرفين", "الجانبين"):
        return None, k + 1
    return None, j


def _participle(ctx: _Context, h: Hit) -> bool:
    """A verb trigger that is an active participle in the accusative, which goes on with a
    statement: "محذراً", "متوعداً", "متهماً" (normalised: the tanwin is gone)."""
    word = ctx.tokens[h.start].norm
    return h.end - h.start == 1 and word.startswith("م") and word.endswith(("ا", "ه", "ين"))


def _pronoun_toll(ctx: _Context, i: int) -> list[SideCasualties]:
    """The toll a casualty noun with a pronoun states: "إصابته" one, "مقتلهما" two, "مقتلهم" some."""
    word = ctx.tokens[i].norm
    if word.startswith("و"):
        word = word[1:]
    # (the ending as written: normalised, "إصابة" would read as "إصابه")
    if not word.startswith(("مقتل", "اصاب", "مصرع", "استشهاد", "جرح")) or ctx.tokens[i].text.endswith("ة"):
        return []
    for ending, count, vague in (("هما", 2, None), ("هم", None, "some"), ("هن", None, "some"), ("ها", 1, None),
                                 ("ه", 1, None)):
        if word.endswith(ending) and len(word) > len(ending) + 3:
            return [SideCasualties(count=count, vague=vague, span=ctx.tokens[i].span)]
    return []


def _counts_persons(ctx: _Context, k: int) -> bool:
    """Whether the number ending at token k counts persons: a dual of a person noun
    ("شابان", "عنصرين") or a number before one ("ثلاثة عناصر")."""
    persons = ctx.ex.cues["casualties"]["persons"]
    word = ctx.tokens[k].norm
    if len(word) > 4 and word.endswith(("ان", "ين")) and entry_key(word[:-2]) in persons:
        return True
    return k + 1 < len(ctx.tokens) and bool(ctx.keys[k + 1] & persons)


def _says_what_it_hit(ctx: _Context, h: Hit) -> bool:
    """A targeting verb right after a comma, with no "و" (a clause of its own would have it): it
    goes on describing the strike before it ("بضربة من طائرة مسيّرة يُرجّح أنها تركية، استهدفت سيارة")."""
    return (h.start > 0 and ctx.tokens[h.start - 1].norm in ("،", ",")
            and not ctx.tokens[h.start].norm.startswith("و"))


def _shot_at_a_person(ctx: _Context, h: Hit) -> bool:
    """Whether the person an attack was aimed at is named just after its "على", a title or two
    between: "أطلقوا النار على "أبو غنوم" وزوجته", "على القيادي محمد الزعبي" (not "على متظاهرين",
    nor a victim named only in the toll)."""
    # ("على" may close the trigger, "النار على", or follow the shooters: "أطلق مسلحون النار على")
    for k in range(h.end - 1, min(h.scope[1], h.end + 4)):
        if ctx.tokens[k].text == "على":
            words = [j for j in range(k + 1, min(h.scope[1], k + 6)) if ctx.tokens[j].is_word][:3]
            first = next((ctx.mention_at(j) for j in words if ctx.entity_at[j]), None)
            return first is not None and first.type == "PERSON"
    return False


def _civilians_killed(h: Hit) -> bool:
    return any(c.side == "civilian" for c in h.casualties.killed)


def _killed(h: Hit) -> int | None:
    """How many the mention says were killed, when it gives numbers."""
    counts = [c.count for c in h.casualties.killed]
    return sum(counts) if counts and None not in counts and sum(counts) else None


def _toll_start(ctx: _Context, i: int, hi: int, c: dict, reach: int = 4) -> int:
    """Where the toll after a casualty word begins: right after it, or past the act or place
    that came first ("وأصيب في الانفجار اثنان من مرافقيه", "قتل في مدينة درعا شاب")."""
    # "إصابات في صفوف الشرطة": whose ranks, not how many
    if i + 1 >= hi or not ctx.keys[i] & c["cause_before_toll"] or ctx.tokens[i + 1].norm == "صفوف":
        return i
    for k in range(i + 1, min(hi, i + 1 + reach)):
        if not ctx.tokens[k].is_word or ctx.tokens[k].norm.startswith("و"):
            break
        if ctx.in_date[k]:
            continue   # "قتل في 12 آذار ثلاثة": the date is no toll
        if ctx.keys[k] & c["persons"]:
            return k
        num = ctx.number_at(k)
        if num is not None:
            # a count of persons ("اثنان من مرافقيه", "ثلاثة عناصر"), not of streets ("في بعض شوارع")
            after = ctx.tok_end(num.span.end)
            return k if after < hi and (ctx.keys[after] & c["persons"] or ctx.tokens[after].norm == "من") else i
    return i


def _count_groups(ctx: _Context, i: int, hi: int, c: dict) -> tuple[list[SideCasualties], int]:
    """"أربعة عناصر من الحرس الثوري وعنصر واحد من الدفاع الوطني": counts per side."""
    out: list[SideCasualties] = []
    j = i
    limit = min(hi, i + 14)
    while j < limit:
        start = j
        span_range = _number_range(ctx, j, limit)
        num = ctx.number_at(j)
        if span_range is not None:
            # "ما بين خمسة وسبعة عناصر": the lowest, as ACLED counts, and what the text said
            low, high, j = span_range
            if j < limit and ctx.keys[j] & c["persons"]:
                j += 1
            count, vague = low, f"between {low} and {high}"
        elif num is not None:
            j = ctx.tok_end(num.span.end)
            # (the noun counted, not a second group: "مقتل طفلين وامرأة")
            if j < limit and (ctx.keys[j] & c["persons"] and not ctx.tokens[j].norm.startswith("و")
                              or ctx.tokens[j].norm in ("من",)):
                j += 1 if ctx.keys[j] & c["persons"] else 0
            count, vague = num.value, num.vague
        elif ctx.keys[j] & c["one_of"] and j + 1 < limit and ctx.keys[j + 1] & c["persons"]:
            count, vague = 1, None   # "أحد عناصر قوات النظام", "إحدى النساء"
            j += 2
        elif ctx.keys[j] & c["persons"]:
            noun = ctx.tokens[j].norm
            j += 1
            after = ctx.number_at(j)
            # "عنصر واحد" counts the noun; "سائق وحارسين" is a second group
            if after is not None and after.value is not None and (
                    not ctx.tokens[j].norm.startswith("و") or ctx.tokens[j].norm in ("واحد", "واحده")):
                count, vague = after.value, None
                j = ctx.tok_end(after.span.end)
            elif noun.endswith(("ين", "ون", "ات")) or ctx.keys[j - 1] & c["plural_persons"]:
                count, vague = None, "some"
            else:
                count, vague = 1, None
        else:
            break
        while j < limit and ctx.keys[j] & c["person_modifiers"]:
            j += 1
        if j < limit and ctx.keys[j] & c["rank_words"]:
            # "ضابط برتبة ملازم أول وعنصرين": the rank, up to the next group
            j = next((k for k in range(j + 1, min(limit, j + 4))
                      if not ctx.tokens[k].is_word or ctx.tokens[k].norm.startswith("و")), min(limit, j + 4))
        civilian = bool(set().union(*ctx.keys[start:j]) & c["civilians"]) if j > start else False
        side_entity, j = _side_after(ctx, j, limit, c)
        out.append(SideCasualties(count=count, vague=vague, side="civilian" if civilian else None,
                                  entity_id=side_entity, span=ctx.span(start, max(j, start + 1))))
        # the next group: "وعنصر واحد …", "بالإضافة لإصابة مدني"
        while j < limit and not ctx.tokens[j].is_word and ctx.tokens[j].norm not in (".",):
            j += 1
        # (not "من قوات النظام والمسلحين الموالين لها": a definite noun goes on naming the side)
        if j < limit and ctx.tokens[j].norm.startswith("و") and (
                ctx.keys[j] & c["persons"] and not ctx.tokens[j].norm.startswith("وال") or ctx.number_at(j) is not None):
            continue
        break
    return out, j


def _until_published(date: DateValue | None, doc: Document, modality: str) -> DateValue | None:
    """What happened happened by publication: "منتصف الشهر الجاري" in an article of the 12th is
    the 11th or 12th, not up to the 19th."""
    published = doc.meta.published
    if (date is None or date.max is None or date.min is None or published is None or published.max is None
            or modality not in FACTUAL_MODALITIES or date.max <= published.max or date.min > published.max):
        return date
    return DateValue.between(date.min, published.max, precision=date.precision, expression=date.expression,
                             source=date.source)


def _fullest(statements) -> list[SideCasualties]:
    """The toll statement that says most: the largest known total, then the most detail (groups,
    then whose they were: the lead's "ستة مدنيين" over the headline's "ستة")."""
    def says(items: list[SideCasualties]) -> tuple[int, int, int]:
        return sum(c.count or 0 for c in items), len(items), sum(bool(c.side or c.entity_id) for c in items)

    best: list[SideCasualties] = []
    for items in statements:
        if says(items) > says(best):
            best = list(items)
    return best


def _victims(casualties: Casualties) -> list[str]:
    """The groups the dead and wounded belong to, in the order the text names them."""
    return list(dict.fromkeys(c.entity_id for c in (*casualties.killed, *casualties.injured) if c.entity_id))


def _add(items: list[str], value: str) -> None:
    if value not in items:
        items.append(value)




