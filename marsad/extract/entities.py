"""Entity mentions and document entities: knowledge-base names plus patterns for new ones.

Order of work for a document:
1. dictionary matches (actors, places, countries, outlets), longest first;
2. patterns for names no dictionary has: persons next to roles and honorifics,
   numbered units ("الفوج 47"), quoted group names after "ميليشيا", sites after
   "دوار"/"بادية"/"قرية";
3. within-document coreference: a person's full name and family name, a unit's
   bare number ("الـ47"), clipped or ambiguous aliases of an actor already named;
4. one Entity per real-world thing, typed by the majority of its mentions.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Container
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from marsad.arabic.normalize import normalize
from marsad.arabic.tokenize import LINE_BREAKS, Token
from marsad.config import Options, load_data_yaml
from marsad.extract.lexicon import PhraseMatcher, entry_key, name_keys, token_keys
from marsad.model import Document, Entity, Mention, Span
from marsad.resolve.kb import STATE_FORCE_KINDS, Actor, ActorBase
from marsad.resolve.places import SETTLEMENT_KINDS

QUOTE = '"'
OPENING_QUOTES = ("\u201c", "\u00ab", "\u201e")
CLOSING_QUOTES = ("\u201d", "\u00bb", "\u2033")
CLOCK_BEFORE = re.compile(r"\d{1,2}:\d{2}\s*[|،,\-–]?\s*$")   # "19:54 دمشق"
QUOTED_WORDS = 4     # words of a quoted name that a qualifier after the quote completes
DATELINE_DASHES = frozenset({"-", "–", "—", "("})   # "تدمر - سانا", "الرمادي (العراق)"
VILLAGE_REACH = 40   # characters: "قرية X في ريف Y", not a town named in the next clause
POSSESSIVE_SUFFIXES = ("هما", "هم", "ها", "ه")
KUNYA_HEADS = ("ابو", "ابي", "ابا")   # "أبو علي", and as "أبي عبد الله" after a preposition
MAX_NAME_WORDS = 3   # given names in a row: one's own, the father's and the grandfather's


@dataclass(frozen=True, slots=True)
class Candidate:
    """What a dictionary phrase stands for."""

    key: str                 # entity identity within a document (kb id or "new:<type>:<name>")
    type: str
    name_ar: str
    name_en: str | None
    kb_id: str | None
    source: str              # "actor", "place", "country", "outlet", "pattern"
    ambiguous: bool = False
    block_before: tuple[str, ...] = ()
    home: str | None = None  # ISO3: the name stands for the actor only in an article set in that country


@dataclass(slots=True)
class Found:
    start: int               # token index
    end: int                 # token index, exclusive
    cand: Candidate
    priority: int = 0        # higher wins a tie in length
    extra: dict = field(default_factory=dict)


class EntityRecognizer:
    name = "entities"
    requires = ("text", "tokens", "boilerplate", "meta.published", "date_mentions")
    provides = ("mentions", "entities")

    def __init__(self, options: Options):
        self.options = options
        self._heads: dict[str, tuple[str, ...]] = {}   # actor id -> heads of its names (_heads_of)

    # --- resources, built once per recogniser ------------------------------------------
    @cached_property
    def _cue_file(self) -> dict:
        return load_data_yaml("entity_cues.yaml", self.options)

    @cached_property
    def cues(self) -> dict:
        out = {}
        for k, v in self._cue_file.items():
            if isinstance(v, dict):
                out[k] = {entry_key(w): val for w, val in v.items()}
            else:
                out[k] = frozenset(entry_key(w) for w in v)
        return out

    @cached_property
    def given_names(self) -> frozenset[str]:
        path = self.options.data_file("given_names.txt")
        words = [w.strip() for w in path.read_text(encoding="utf-8").splitlines()]
        return frozenset(normalize(w) for w in words if w and not w.startswith("#"))

    @cached_property
    def person_words(self) -> frozenset[str]:
        """One-word given names and surnames: given_names.txt and the tagger's lexicon."""
        lexicon = load_data_yaml("ner_lexicon.yaml", self.options)["phrases"]
        words = (normalize(str(w)) for key in ("first_names", "surnames") for w in lexicon[key] or ())
        return self.given_names | frozenset(w for w in words if " " not in w)

    @cached_property
    def actors(self) -> ActorBase:
        return ActorBase.load(self.options)

    @cached_property
    def gazetteer(self):
        from marsad.resolve.places import Gazetteer
        return Gazetteer.load(self.options)

    @cached_property
    def matcher(self) -> PhraseMatcher[Candidate]:
        m: PhraseMatcher[Candidate] = PhraseMatcher()
        for alias, actor, ambiguous in self.actors.alias_entries():
            m.add(alias, Candidate(actor.id, actor.type, actor.name_ar, actor.name_en, actor.id, "actor",
                                   ambiguous, tuple(entry_key(w) for w in actor.block_before),
                                   actor.home if alias in actor.aliases_ar_home else None))
        for alias, place_id in self.gazetteer.alias_entries():
            rec = self.gazetteer.get(place_id)
            if rec is None:
                continue
            if rec.kind == "country":
                m.add(alias, Candidate(rec.id, "STATE", rec.name_ar, rec.name_en, rec.id, "country"))
            else:
                m.add(alias, Candidate(rec.id, "LOCATION", rec.name_ar, rec.name_en, rec.id, "place"))
        for o in self._outlets.entries:
            # only forms that name the outlet anywhere: "المدن" alone is also "the cities"
            for alias in (a for a in o.aliases if len(a) > 3):
                if alias not in o.signature_only:
                    m.add(alias, _outlet(o))
        return m

    # --- the stage ------------------------------------------------------------------------
    def __call__(self, doc: Document) -> None:
        tokens = doc.tokens
        keys = [token_keys(t) for t in tokens]
        names = [name_keys(t) for t in tokens]   # for names, whose article counts
        found = self._dictionary(doc, tokens, keys, names)
        found += self._patterns(tokens, keys, found)
        if self.options.ner_model:
            found += self._model(doc, tokens, keys, found)
        chosen = _select(found)
        chosen = self._places_in_their_country(tokens, keys, chosen)
        chosen = self._filter_ambiguous(doc, tokens, keys, chosen)
        chosen = self._away_from_home(tokens, keys, chosen)
        chosen = self._of_their_time(doc, keys, chosen)
        places = {k for f in chosen if f.cand.type == "LOCATION" for k in range(f.start, f.end)}
        chosen = [f for f in chosen if not _on_dateline(doc, tokens, f) and not self._agreeing_adjective(tokens, keys, f)
                  and not self._read_as_word(tokens, keys, f, places)]
        chosen += self._coreference(tokens, keys, chosen)
        chosen = self._nicknames(tokens, keys, _select(chosen))
        chosen = _select(chosen + self._clipped(tokens, keys, names, chosen))
        chosen = self._one_entity_per_name(chosen)
        chosen = self._the_terrorists_named(tokens, keys, chosen)
        chosen = self._forces_named_again(tokens, keys, chosen)
        self._type_countries(tokens, keys, chosen)
        self._capitals_as_states(tokens, keys, chosen)
        doc.mentions, doc.entities = _build_entities(doc, tokens, chosen)
        self._attach_sites(doc)

    def _the_terrorists_named(self, tokens, keys, chosen: list[Found]) -> list[Found]:
        """Where a source calls one named group terrorist ('تنظيم "بي كي كي/ واي بي جي" الإرهابي'), its
        "الإرهابيين" are that group, not a kind of group; with two so named they could be either."""
        labelled = {f.cand.key: f.cand for f in chosen
                    if f.cand.type == "ARMED_GROUP" and not self.actors.is_generic(f.cand.kb_id)
                    and self._called_terrorist(tokens, keys, f.end)}
        if len(labelled) != 1:
            return chosen
        group = next(iter(labelled.values()))
        return [Found(f.start, f.end, group, f.priority, {**f.extra, "source": "coref"})
                if f.cand.kb_id == "so_called_terrorist_groups" else f for f in chosen]

    @cached_property
    def _bare_forces(self) -> PhraseMatcher[str]:
        return PhraseMatcher[str]().add_all((w, w) for w in self._cue_file["bare_forces"])

    def _forces_named_again(self, tokens, keys, chosen: list[Found]) -> list[Found]:
        """"القوات المسلحة" alone, after "القوات المسلحة الأردنية": the one state's forces the article
        named so with their nationality (with two, the bare name could be either)."""
        bare = self._bare_forces.find(tokens, keys)
        if not bare:
            return chosen
        named = {}
        for f in chosen:
            actor = self.actors.get(f.cand.kb_id) if f.cand.source == "actor" else None
            if actor is not None and actor.kind in STATE_FORCE_KINDS and any(
                    m.start == f.start and m.end < f.end for m in bare):
                named[f.cand.key] = f.cand
        covered = {k for f in chosen for k in range(f.start, f.end)}
        alone = [m for m in bare if not covered & set(range(m.start, m.end))]
        # ("والقوات المسلحة السورية": another state's, though the knowledge base lacks the name)
        qualified = any(m.end < len(tokens) and tokens[m.end].norm.startswith("ال") and m.end not in covered
                        for m in alone)
        if len(named) != 1 or qualified:
            return chosen
        force = next(iter(named.values()))
        return chosen + [Found(m.start, m.end, force, 0, {"source": "coref"}) for m in alone]

    def _called_terrorist(self, tokens, keys, end: int) -> bool:
        """Whether "الإرهابي(ة)" follows a name, past a closing quote."""
        k = end + 1 if end < len(tokens) and tokens[end].norm == QUOTE else end
        return k < len(tokens) and bool(keys[k] & self.cues["terrorist_labels"])

    def _of_their_time(self, doc: Document, keys, chosen: list[Found]) -> list[Found]:
        """Names that stood for an actor that has ceased to be stand for its successor in later
        articles ("الحكومة السورية" after December 2024)."""
        published = doc.meta.published.min if doc.meta.published else None
        if published is None:
            return chosen
        out = []
        for f in chosen:
            actor = self.actors.get(f.cand.key) if f.cand.source == "actor" else None
            if actor is not None and actor.succeeded_by:
                def names_it(name: str, f: Found = f) -> bool:
                    words = name.split()
                    return len(words) == f.end - f.start and all(
                        entry_key(w) in keys[f.start + n] for n, w in enumerate(words))
                now = self.actors.of_its_time(actor, published, names_it)
                if now is not actor:
                    f = Found(f.start, f.end, _actor(now), f.priority, dict(f.extra))
            out.append(f)
        return out

    def _agreeing_adjective(self, tokens, keys, f: Found) -> bool:
        """"العسكرتارية الناصرية": a definite adjective of origin right after a definite noun agrees
        with it (Nasserist), though a town has its name; after a word for a kind of place or an
        area ("مدينة الناصرية", "ريف الحسينية") it is the place. So do towns named like other
        adjectives ("الظروف القاهرة": compelling)."""
        i = f.start
        if i == 0 or not (f.cand.type == "LOCATION" and f.end - i == 1
                          and (_definite_nisba(tokens[i]) or keys[i] & self.cues["adjective_like_places"])
                          # an outlet named by adjectives: "بالاهتمام العربي الجديد"
                          or f.cand.type == "MEDIA" and _definite_nisba(tokens[i], masculine=True)):
            return False
        before = tokens[i - 1]
        # (a noun with its article, after a particle too: not "إلى" (normalised "الي") nor "الذين")
        return (before.is_word and any(w.startswith("ال") and len(w) >= 5 for w in before.forms)
                and not _stop(before, self.cues["name_stop"])
                and not keys[i - 1] & self._area_heads and not keys[i - 1] & self._kind_nouns)

    def _read_as_word(self, tokens, keys, f: Found, places: set[int]) -> bool:
        """A one-word place that the text uses as a word: one with the accusative ending of an
        indefinite noun ("هجيناً", "ومرقداً") or read only through the particle ك ("كسرت" is not
        "like Sirte"); and a town whose name is a common word ("وهي تدمر المباني", "كان القوي دوما")
        with no sign of a place around it: a preposition or a word for a place before it
        ("إلى حماة", "محيط السفيرة", "بتدمر"), where it lies after it ("تدمر شرقي حمص"), another
        place it is listed with ("دوما وحرستا"), a dateline's dash."""
        i = f.start
        if f.cand.type != "LOCATION" or f.end - i != 1:
            return False
        tok = tokens[i]
        if _indefinite_accusative(tok):
            return True
        if f.cand.source == "place" and f.extra.get("source") != "model" and self._through_particle_kaf(tok):
            return True
        if not keys[i] & self.cues["word_like_places"]:
            return False
        after = keys[i + 1] if i + 1 < len(tokens) else frozenset()
        if after & self.cues["word_signs_after"]:
            return True
        before = keys[i - 1] if i > 0 else frozenset()
        if (before & (self.cues["place_signs_before"] | self.cues["locative_before"])
                or after & self.cues["place_signs_after"] or tok.norm.startswith("ب")):
            return False
        if i + 1 < len(tokens) and tokens[i + 1].norm in DATELINE_DASHES:
            return False
        listed_before = i > 0 and (i - 1 in places and tok.norm.startswith("و")
                                   or tokens[i - 1].norm == "،" and i - 2 in places)
        listed_after = i + 1 < len(tokens) and (i + 1 in places and tokens[i + 1].norm.startswith("و")
                                                or tokens[i + 1].norm == "،" and i + 2 in places)
        return not (listed_before or listed_after)

    def _through_particle_kaf(self, token: Token) -> bool:
        """"كسرت" read as ك + سرت: a town rarely follows the particle "like", while words
        beginning with ك are many; the word is a place only if it is a name as written."""
        word = token.norm[1:] if token.norm[:1] in "وف" else token.norm
        return word.startswith("ك") and not self.gazetteer.lookup(word)

    def _attach_sites(self, doc: Document) -> None:
        """A place the knowledge base lacks gets a known place to be coded at: a site
        ("دوار الساعة") the town named nearest to it in its sentence, else the town the
        article names most; a village ("بلدة البارة") the known place named nearest to it in
        its sentence, right after it (a district, a region), else none."""
        known = [(m.span.start, e, getattr(self.gazetteer.get(e.kb_id), "kind", "")) for e in doc.entities
                 if e.type == "LOCATION" and e.kb_id for m in e.mentions]
        starts = [t.span.start for t in doc.tokens]

        def after_bearing(at: int) -> bool:
            k = bisect.bisect_left(starts, at)
            return k > 0 and bool(token_keys(doc.tokens[k - 1]) & self.cues["bearings"])
        def on_road(at: int) -> bool:
            """"طريق دمشق السويداء": the towns a road joins."""
            k = bisect.bisect_left(starts, at) - 1
            while k >= 0 and (not doc.tokens[k].is_word or starts[k] in town_starts):
                k -= 1   # (past a dash and the town named before: "طريق الرقة – دير الزور")
            return k >= 0 and bool(token_keys(doc.tokens[k]) & self.cues["road_nouns"])
        town_starts = {at for at, _, kind in known if kind in ("town", "village")}
        # (a town named by a bearing, "شرقي دير الزور", locates a site only when no other is named;
        # nor does a town a road is named after)
        towns = sorted(((at, e) for at, e, kind in known if kind in ("town", "village") and not on_road(at)),
                       key=lambda x: after_bearing(x[0]))
        main = Counter(e.kb_id for _, e in towns).most_common(1)[0][0] if towns else None
        sentence_starts = [s.start for s in doc.sentences]
        for ent in doc.entities:
            if ent.type != "LOCATION" or ent.kb_id or ent.parent_kb_id or ent.place_kind is None:
                continue
            at = ent.mentions[0].span.start
            s = max(0, bisect.bisect_right(sentence_starts, at) - 1)
            lo = sentence_starts[s] if sentence_starts else 0
            hi = sentence_starts[s + 1] if s + 1 < len(sentence_starts) else len(doc.text)
            if ent.place_kind in ("town", "village"):
                # only a place named right after it, in its sentence, locates a village: "بلدة البارة في جبل الزاوية"
                # (not a town joined to it by "و", its neighbour: "بلدتي عرمان وملح")
                near = [(start - at, e.kb_id) for start, e, kind in known if at < start <= min(at + VILLAGE_REACH, hi)
                        and not (kind in ("town", "village") and _joined_by_and(doc.text, start, e.name_ar))]
                ent.parent_kb_id = min(near)[1] if near else None
            else:
                near = [(after_bearing(start), abs(start - at), e.kb_id) for start, e in towns if lo <= start < hi]
                ent.parent_kb_id = min(near)[2] if near else main

    # 1. dictionaries ------------------------------------------------------------------------
    def _dictionary(self, doc: Document, tokens: list[Token], keys, names) -> list[Found]:
        out = []
        for m in self.matcher.find_all(tokens, names):
            prio = {"actor": 3, "outlet": 3, "place": 2, "country": 1}[m.payload.source]
            if keys[m.start] & self.cues["group_nouns"] and m.end - m.start > 1:
                prio -= 2   # "ميليشيا حزب الله" gives way to "حزب الله العراقي"
            out.append(Found(m.start, m.end, m.payload, prio))
        return out + self._quoted_then_qualified(doc.text, tokens, names)

    def _quoted_then_qualified(self, text: str, tokens: list[Token], names) -> list[Found]:
        """A name partly in quotes: its quoted part followed by the word that tells it apart
        ('ميليشيا "حزب الله" العراقي' is Kataib Hezbollah, as "حزب الله العراقي" is), or its first
        words before the quotes ('غرفة عمليات "الفتح المبين"', 'هيئة "تحرير الشام"')."""
        out = []
        opened = None   # the open quote, if any
        prev_end = 0
        for q, tok in enumerate(tokens):
            if "\n" in text[prev_end:tok.span.start]:
                opened = None   # a quote does not run past its line
            prev_end = tok.span.end
            if tok.norm in OPENING_QUOTES or tok.norm == QUOTE and opened is None:
                opened = q
                continue
            if not (tok.norm in CLOSING_QUOTES or tok.norm == QUOTE) or opened is None:
                continue
            start, opened = opened, None
            if not 0 < q - start - 1 <= QUOTED_WORDS:
                continue
            quoted = [*range(start + 1, q)]
            # (the word after first: 'ميليشيا "حزب الله" العراقي' is not Lebanon's Hezbollah)
            windows = [(q + 1, 2)] if q + 1 < len(tokens) and tokens[q + 1].is_word else []
            # (not a word for what the group is: 'ميليشيا "الدفاع الوطني"' is named in the quotes)
            windows += [(w, 1) for w in (start - 2, start - 1) if w >= 0 and all(t.is_word for t in tokens[w:start])
                        and not token_keys(tokens[w]) & self.cues["group_nouns"]]
            # (but a one-word short form takes it: 'تنظيم "الدولة"' is "تنظيم الدولة")
            if len(quoted) == 1 and start > 0 and token_keys(tokens[start - 1]) & self.cues["group_nouns"]:
                windows.append((start - 1, 1))
            for edge, after in windows:
                window = [*range(edge, start), *quoted] if edge < start else [*quoted, edge]
                match = next((m for m in self.matcher.find_all([tokens[k] for k in window], [names[k] for k in window])
                              if m.start == 0 and m.end == len(window)), None)
                if match is not None:
                    out.append(Found(window[0], q + after, match.payload, 3))
                    break
        return out

    # 2. patterns ----------------------------------------------------------------------------
    def _patterns(self, tokens: list[Token], keys, known: list[Found]) -> list[Found]:
        covered = _coverage(known, len(tokens))
        # a place inside a group's name is part of the name: "أحرار الشام", "فيلق الشام"
        held_by_actors = _coverage([f for f in known if f.cand.source in ("actor", "outlet")], len(tokens))
        out: list[Found] = []
        out += self._units(tokens, keys)
        places = {f.start: f.end for f in known if f.cand.type == "LOCATION"}
        out += self._named_groups(tokens, keys, held_by_actors, places)
        out += self._committees(tokens, keys, covered)
        out += self._persons(tokens, keys, covered)
        out += self._sites(tokens, keys, known)
        out += self._settlement_lists(tokens, keys, known)
        # (a country's adjective alone, "تركية", gives way to the force it names)
        not_countries = _coverage([f for f in known if f.cand.source != "country"], len(tokens))
        out += self._national_forces(tokens, keys, not_countries)
        out += self._national_delegations(tokens, keys, not_countries)
        out += self._quoted_outlets(tokens, keys, covered)
        return out

    @cached_property
    def _outlets(self):
        from marsad.ingest.metadata import OutletBook
        return OutletBook(self.options)

    def _quoted_outlets(self, tokens, keys, covered) -> list[Found]:
        """'في تصريح لقناة "الحرة"', 'قال لـ«الشرق الأوسط»': after a word for a channel or a paper,
        or told to, a quoted short form names the outlet, though alone it is also a word ("الحرة"
        the free, "الشرق الأوسط" the Middle East)."""
        out = []
        for i, tok in enumerate(tokens[:-2]):
            if not (keys[i] & self.cues["media_heads"] or tok.norm == "ل") or tokens[i + 1].norm != QUOTE:
                continue
            run = _quoted_run(tokens, i + 1)
            if run is None or any(covered[run[0]:run[1]]):
                continue
            o = self._outlets.exact(" ".join(t.text for t in tokens[run[0]:run[1]]))
            if o is not None:
                out.append(Found(run[0], run[1], _outlet(o), 2))
        return out

    def _units(self, tokens, keys) -> list[Found]:
        """"الفوج 47", "الفرقة 11", "الفيلق الخامس": a numbered unit is an armed group."""
        units, ordinals = self.cues["units"], self.cues["ordinals"]
        out = []
        for i, tok in enumerate(tokens[:-1]):
            unit = next((units[k] for k in keys[i] if k in units), None)
            if unit is None or not tok.norm.startswith(("ال", "وال", "بال", "لل", "فال")):
                continue
            nxt = tokens[i + 1]
            number = int(nxt.norm) if nxt.norm.isdigit() and len(nxt.norm) <= 4 else None
            if number is None:
                number = next((ordinals[k] for k in keys[i + 1] if k in ordinals), None)
            if number is None:
                continue
            name = f"{unit} {number}"
            cand = Candidate(f"unit:{unit}:{number}", "ARMED_GROUP", f"{tok.bare} {nxt.norm}", name, None, "pattern")
            out.append(Found(i, i + 2, cand, 1, {"unit_number": number}))
        return out

    def _named_groups(self, tokens, keys, covered, places: dict[int, int]) -> list[Found]:
        """ميليشيا “أسود البادية”, لواء الفاتحين, فصيل أحرار الشام: a group noun before a quoted
        name or before a name that opens like a group's (أحرار، جيش، أنصار…), or a formation
        word (لواء، كتائب، سرايا…) before a definite name, names an armed group; so does a council
        with its place ("مجلس منبج العسكري", "المجلس العسكري في السويداء"). `places` maps the
        first token of each place found to its end."""
        out = []
        for i, tok in enumerate(tokens[:-1]):
            if not keys[i] & self._group_heads:
                continue   # (most words: what follows is asked only of a group noun, a formation word or a council)
            run = None
            indefinite = not any(f.startswith("ال") for f in tok.forms)
            q = i + 1   # 'ميليشيا محلية تدعى "أسود الشرقية"': a few naming words may come first
            while q < len(tokens) - 1 and q - i <= 3 and keys[q] & self.cues["naming_words"]:
                q += 1
            if keys[i] & self.cues["group_nouns"] and tokens[q].norm == QUOTE:
                run = _quoted_run(tokens, q)
                if run and not indefinite and self._person_opening(tokens[run[0]]):
                    # 'القيادي في التنظيم "أبو عمر الشعيطي"': a member of the group spoken of; but
                    # 'كتيبة "أبو عمارة"' names a group
                    run = None
            elif keys[i] & self.cues["group_nouns"] and indefinite and keys[i + 1] & self.cues["group_name_openers"] \
                    and not tokens[i + 1].norm.startswith("ال"):
                run = self._definite_run(tokens, i + 1, covered)
            elif keys[i] & self.cues["formations"] and indefinite:
                run = self._definite_run(tokens, i, covered)
                if run and any(keys[k] & self.cues["government_buildings"] for k in range(run[0] + 1, run[1] + 1)
                               if k < len(tokens)):
                    run = None   # "اعتصاماً أمام سرايا الهرمل الحكومية": the government's seat, a building
            elif keys[i] & self.cues["council_nouns"] and indefinite:
                end = next((k for k in range(i + 2, min(i + 4, len(tokens)))
                            if keys[k] & self.cues["council_adjectives"]), None)
                if end is not None and all(tokens[k].is_word for k in range(i + 1, end)):
                    run = (i, end + 1)
            elif keys[i] & self.cues["council_nouns"] and keys[i + 1] & self.cues["council_adjectives"]:
                at = i + 3 if i + 2 < len(tokens) and tokens[i + 2].norm == "في" else i + 2
                if at not in places and at < len(tokens) and tokens[at].norm.startswith("ل") \
                        and keys[at] & self.cues["council_place_kinds"]:
                    at += 1   # "المجلس المحلي لمدينة دوما"
                if at in places:
                    run = (i, places[at])
            if run and not any(covered[run[0]:run[1]]):
                # "وقوات الأمن" is "قوات الأمن": the formation word without its clitics ("للمجلس": "المجلس")
                first = _head(tokens[run[0]]) if keys[run[0]] & self.cues["council_nouns"] \
                    else _as_listed(tokens[run[0]], self.cues["formations"])
                name = " ".join([first, *(t.norm for t in tokens[run[0] + 1:run[1]])])
                if any(keys[k] & self.cues["civil_councils"] for k in range(run[0], run[1])):
                    # "المجلس المحلي في مخيم الركبان": the council, named by its place, and the place a
                    # name of its own
                    end = run[0] + 2 if keys[run[0]] & self.cues["council_nouns"] and run[1] > run[0] + 2 else run[1]
                    out.append(Found(run[0], end, self._named(_new("ORGANIZATION", name)), 0))
                else:
                    out.append(Found(run[0], run[1], self._named(_new("ARMED_GROUP", name)), 0))
        return out + self._council_named_again(tokens, keys, covered, out)

    def _council_named_again(self, tokens, keys, covered, groups: list[Found]) -> list[Found]:
        """"المجلس العسكري" alone, after "المجلس العسكري في السويداء": the one council the article
        names with its place (with two, the bare name could be either)."""
        def bare_council(i: int) -> bool:
            return (bool(keys[i] & self.cues["council_nouns"]) and any(f.startswith("ال") for f in tokens[i].forms)
                    and i + 1 < len(tokens) and bool(keys[i + 1] & self.cues["council_adjectives"]))
        councils = {f.start: f for f in groups if bare_council(f.start) and f.end > f.start + 2}
        if len({f.cand.key for f in councils.values()}) != 1:
            return []
        council = next(iter(councils.values())).cand
        return [Found(i, i + 2, council, 0, {"source": "coref"}) for i in range(len(tokens) - 1)
                if i not in councils and not covered[i] and bare_council(i)]

    def _committees(self, tokens, keys, covered) -> list[Found]:
        """A committee named by what it is: "اللجنة المركزية", "اللجنة الأمنية والعسكرية",
        "اللجنة الأمنية الأردنية السورية المشتركة". Named so once, "اللجنة" alone is that committee;
        with two such committees it could be either."""
        c, n = self.cues, len(tokens)
        out = []
        for i in range(n - 1):
            if not keys[i] & c["committee_nouns"] or covered[i]:
                continue
            k = i + 1
            # (and one joined by و: "اللجنة الأمنية والعسكرية")
            while k < n and not covered[k] and (keys[k] & c["committee_adjectives"] or (
                    k > i + 1 and tokens[k].norm.startswith("و")
                    and any(f[1:] in c["committee_adjectives"] for f in keys[k]))):
                k += 1
            if k > i + 1:
                name = " ".join([_head(tokens[i]), *(t.norm for t in tokens[i + 1:k])])
                out.append(Found(i, k, self._named(_new("ORGANIZATION", name)), 0))
        if len({f.cand.key for f in out}) != 1:
            return out
        named = {f.start for f in out}
        return out + [Found(i, i + 1, out[0].cand, 0, {"source": "coref"}) for i in range(n)
                      if i not in named and not covered[i] and keys[i] & c["committee_nouns"]
                      and any(f.startswith("ال") for f in tokens[i].forms)
                      and not (i + 1 < n and keys[i + 1] & c["committee_adjectives"])]

    @cached_property
    def _group_or_formation(self) -> frozenset[str]:
        return self.cues["group_nouns"] | self.cues["formations"]

    @cached_property
    def _group_heads(self) -> frozenset[str]:
        return self._group_or_formation | self.cues["council_nouns"]

    def _person_opening(self, tok: Token) -> bool:
        """A word a person's name opens with: a kunya (أبو، أم) or a given name."""
        return tok.norm in ("ابو", "ام") or self._is_given_name(tok)

    def _definite_run(self, tokens, head: int, covered, most: int = 2) -> tuple[int, int] | None:
        """The head word and up to `most` definite words after it: "لواء الفاتحين", "نور الدين الزنكي";
        "آل" (the family of) with the name after it: "عشيرة آل جعفر"."""
        j = head + 1
        while j < len(tokens) and j - head <= most and tokens[j].is_word and tokens[j].norm.startswith("ال") \
                and not covered[j] and not _stop(tokens[j], self.cues["name_stop"]):
            family = tokens[j].norm == "ال" and j + 1 < len(tokens) and tokens[j + 1].is_word and not covered[j + 1]
            j += 2 if family else 1
        return (head, j) if j > head + 1 else None

    def _persons(self, tokens, keys, covered) -> list[Found]:
        out: list[Found] = []
        roles, heads, honor = self.cues["roles"], self.cues["heads"], self.cues["honorifics"]
        n = len(tokens)
        for i, tok in enumerate(tokens):
            if not tok.is_word and tok.norm != QUOTE:
                continue
            k = keys[i]
            span = None
            if tok.norm in ("المدعو", "المدعوه") or (k & honor and tok.norm not in ("ابو",)):
                # honorific or "المدعو" + a name (quoted or bare), past a rank's qualifier ("العميد الركن")
                j = i + 1
                while j < n and keys[j] & self.cues["ranks"]:
                    j += 1
                span = _quoted_run(tokens, j) if j < n and tokens[j].norm == QUOTE else (
                    self._given_name_run(tokens, keys, j, covered) or self._titled_name(tokens, keys, j, covered))
                if span and k & honor and not k & self.cues["ranks"] and tokens[i].norm.startswith("ال"):
                    span = (i, span[1]) if tokens[j].norm != QUOTE else span   # "الحاج عسكر": the title is part of the name
            elif k & roles or k & heads:
                span = self._name_after_role(tokens, keys, i, covered)
            elif tok.norm == QUOTE:
                run = _quoted_run(tokens, i)
                after = run[1] + 1 if run else None
                if run and after < n and keys[after] & roles and not any(covered[run[0]:run[1]]):
                    span = run
            elif self._is_given_name(tok) or self._given_end(tokens, keys, i, first=True) == i + 2:
                span = self._given_name_run(tokens, keys, i, covered) or self._after_role(tokens, keys, i, covered)
                if span and i > 0 and tokens[i - 1].norm in KUNYA_HEADS and not covered[i - 1]:
                    span = (i - 1, span[1])   # a kunya is the name: "أبو علي الحريري"
            # after "المدعو" a quoted name is a person even if a word of it names a place ("جوان حسكة")
            strong = tok.norm in ("المدعو", "المدعوه") and span is not None and tokens[span[0] - 1].norm == QUOTE
            if span and span[1] - span[0] >= 1 and (strong or not any(covered[span[0]:span[1]])):
                head = tokens[span[0]].norm
                first = self._given_name_of(tokens[span[0]]) or ("عبد" if head in ("وعبد", "بعبد") else head)
                name = " ".join([first, *(t.norm for t in tokens[span[0] + 1:span[1]])])
                out.append(Found(span[0], span[1], self._named(_new("PERSON", name)), 0))
        return out

    def _is_given_name(self, tok: Token) -> bool:
        # "على" folds to "علي" (a name): look at the written form
        return tok.text.rstrip("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652") not in ("على", "وعلى") and (
            self._given_name_of(tok) is not None)

    def _given_name_of(self, tok: Token) -> str | None:
        """The given name a token is, without the conjunction or preposition glued to it: "وأحمد",
        "بأحمد", "وبمحمد" (not "بسام" or "بدر", names of their own)."""
        return self._given_name_in(tok.norm)

    @cached_property
    def _given_name_in(self) -> Callable[[str], str | None]:
        """`_given_name_of` by normalised word, remembered: it is asked of nearly every token, twice,
        and of the same words in every article (bounded, so memory stays flat)."""
        given_names = self.given_names

        @lru_cache(maxsize=50_000)
        def given_name_in(word: str) -> str | None:
            for clitics in ("", "و", "ب", "وب", "ل", "ول"):
                if word.startswith(clitics) and word[len(clitics):] in given_names:
                    return word[len(clitics):]
            return None
        return given_name_in

    def _given_name_run(self, tokens, keys, i, covered):
        """A given name followed by a family name (ال…), a kunya (أبو X) or more given names: a
        father's and a grandfather's, then the family's ("سامر محمود خليل", "أحمد محمد العلي",
        "عبد الرحمن سليمان الخلف", "أحمد عبد الله العلي")."""
        j = self._given_end(tokens, keys, i, first=True)
        if j is None or j >= len(tokens) or not tokens[j].is_word or covered[j]:
            return None
        nxt = tokens[j].norm
        if nxt in ("ابو", "بن", "ابن") and j + 1 < len(tokens) and tokens[j + 1].is_word:
            return (i, j + 2)
        if nxt == "العبد" and j + 1 < len(tokens) and keys[j + 1] & self.cues["divine_names"]:
            return (i, j + 2)   # "خالد العبد الله"
        if self._given_end(tokens, keys, j) is None and not self._family_name(tokens, keys, j):
            return None
        words = 1
        while j < len(tokens) and not covered[j]:
            link = self._given_end(tokens, keys, j) if words < MAX_NAME_WORDS else None
            if link is None:
                return (i, j + 1) if self._family_name(tokens, keys, j) else (i, j)
            if link >= len(tokens) or not tokens[link].is_word or _stop(tokens[link], self.cues["name_stop"]):
                return (i, link)
            j, words = link, words + 1
        return (i, j)

    def _after_role(self, tokens, keys, i: int, covered) -> tuple[int, int] | None:
        """A given name and the word after it, right after a role and the group it is held in:
        "قائد قسد مظلوم عبدي" (a surname the lists lack)."""
        j = i + 1
        if i == 0 or not covered[i - 1] or j >= len(tokens):
            return None
        if not tokens[j].is_word or covered[j] or _stop(tokens[j], self.cues["name_stop"]) or tokens[j].norm.startswith("و"):
            return None
        k = i - 1
        while k > 0 and covered[k]:
            k -= 1   # back over the group's name to the role before it
        return (i, j + 1) if keys[k] & self.cues["roles"] else None

    def _given_end(self, tokens, keys, k: int, first: bool = False) -> int | None:
        """Where a given name starting at token k ends: one word, or "عبد" and a name of God. The
        first name of a run may carry a conjunction or preposition ("وأحمد"); the others not."""
        if k >= len(tokens) or not tokens[k].is_word:
            return None
        if tokens[k].norm in ("عبد", "وعبد", "بعبد") and k + 1 < len(tokens) and keys[k + 1] & self.cues["divine_names"]:
            return k + 2
        given = self._given_name_of(tokens[k]) is not None if first else tokens[k].norm in self.given_names
        return k + 1 if given else None

    def _family_name(self, tokens, keys, k: int) -> bool:
        """A family name or nisba (ال…), not a title ("الأمين العام") nor a word that ends names."""
        word = tokens[k].norm
        return (tokens[k].is_word and word.startswith("ال") and len(word) > 3 and not _stop(tokens[k], self.cues["name_stop"])
                and not (k + 1 < len(tokens) and keys[k + 1] & self.cues["title_tails"]))

    def _bare_name(self, tokens, keys, j, covered, max_len: int = 3):
        """Up to max_len name-like words from j: stops at punctuation, stop words, known names.
        A name does not open with the conjunction و (that starts a new clause) unless it is
        a known given name ("وليد")."""
        if j < len(tokens) and tokens[j].norm.startswith("و") and tokens[j].norm not in self.given_names:
            return None
        k = j
        while k < len(tokens) and k - j < max_len:
            t = tokens[k]
            if not t.is_word or t.norm.isdigit() or len(t.norm) < 2 or covered[k] or _stop(t, self.cues["name_stop"]):
                break
            k += 1
        return (j, k) if k > j else None

    def _titled_name(self, tokens, keys, j, covered):
        """The bare name after a title, which ends at its family name: "العميد سليم الخوالدي الوحدات"
        is سليم الخوالدي (not "الشيخ نور الدين الحسن", "السيد حسن عبد الله")."""
        run = self._bare_name(tokens, keys, j, covered)
        if run and run[1] - run[0] == 3 and self._family_name(tokens, keys, run[0] + 1) \
                and not keys[run[0] + 1] & (self.cues["divine_names"] | self.cues["compound_name_tails"]) \
                and not tokens[run[0]].norm.startswith("ال"):
            return (run[0], run[0] + 2)
        return run

    def _name_like(self, tokens, keys, run) -> bool:
        """A bare run after a role reads as a name when it opens with a title or a known given
        name, or when its last word is a family name or nisba (ال…): "عصام الفاضل"."""
        first, last = tokens[run[0]], tokens[run[1] - 1]
        return bool(keys[run[0]] & self.cues["honorifics"]) or self._is_given_name(first) or (
            run[1] - run[0] >= 2 and last.norm.startswith("ال"))

    def _apposed_name(self, tokens, keys, run) -> bool:
        """Two words set between commas after a role and its group are the holder's name, though the
        lists know neither word: "المتحدث باسم الجيش الإسرائيلي، أفيخاي أدرعي، إن …"."""
        return (run[1] - run[0] == 2 and run[1] < len(tokens) and tokens[run[1]].norm == "،"
                and not any(keys[k] & self._common_nouns for k in range(*run)))

    def _name_after_role(self, tokens, keys, i, covered, window: int = 10):
        """"قائد ميليشيا الدفاع بالمدينة، عصام الفاضل" / 'قائد … "فراس العراقية"'."""
        n = len(tokens)
        for j in range(i + 1, min(n, i + window)):
            t = tokens[j]
            if t.norm in (".", "؟", "!") or (j > i + 1 and keys[j] & self.cues["roles"]):
                return None
            if t.norm in ("ان", "بان"):
                return None   # 'المتحدث باسم الجيش إن وحدات الجيش "ستلاحق المعتدين"': what was said, no name
            if j == i + 1 and self._is_given_name(t):
                return None   # "القيادي وائل البردان لإجراء "تسوية"": the name is right after the role
            if t.norm == QUOTE:
                run = _quoted_run(tokens, j)
                if run and not any(covered[run[0]:run[1]]):
                    return run
            if t.norm == "،" and j + 1 < n:
                first = j + 2 if tokens[j + 1].norm in ("المدعو", "المدعوه") and j + 2 < n else j + 1
                run = self._bare_name(tokens, keys, first, covered)   # (after "، المدعو" the name itself)
                if run and tokens[run[0]].norm.startswith("ل") and not self._is_given_name(tokens[run[0]]):
                    return None   # "العميد لؤي العلي، لبحث وقف التصعيد": what for, no name
                if run and keys[run[0]] & self.cues["state_verbs"]:
                    return None   # "ورئيس مجلس الأمن، أدانت فيهما المجزرة": a verb of speech goes on, no name
                ends = run and (run[1] >= n or not tokens[run[1]].is_word or _stop(tokens[run[1]], self.cues["name_stop"]))
                if run and ends and run[1] - run[0] >= 2 and (self._name_like(tokens, keys, run)
                                                               or self._apposed_name(tokens, keys, run)):
                    return run
                return None
        return None

    def _sites(self, tokens, keys, known: list[Found]) -> list[Found]:
        """"دوار المصرية", "بادية الصالحية", 'قرية "السكرية"': a place named by its kind."""
        sites = self.cues["site_nouns"]
        starts = {f.start: f for f in known if f.cand.type == "LOCATION"}
        actors = {f.start for f in known if f.cand.source == "actor"}
        out = []
        for i, tok in enumerate(tokens[:-1]):
            site = next((sites[k] for k in keys[i] if k in sites), None)
            # "مدينة X" names X; "المدينة" alone is the town already spoken of, and "كل قرية" any
            if site is None or any(f.startswith("ال") for f in tok.forms) or (
                    i > 0 and keys[i - 1] & self.cues["quantifiers"]):
                continue
            kind, kind_en = site
            if kind_en == "valley" and "أ" in tok.text:
                continue   # "وأدى" (and performed) normalises to "وادي"; the valley has no hamza
            j = i + 1
            if keys[i] & self.cues["definite_names_only"] and not tokens[j].norm.startswith("ال"):
                continue
            if tokens[j].norm == QUOTE:
                run = _quoted_run(tokens, j)
            elif not _may_name(tokens[j]) or self._possessed(tokens[j]):
                run = None
            elif kind in ("town", "village", "neighbourhood"):
                run = self._settlement_name(tokens, keys, j)
            elif tokens[j].norm.startswith("ال"):
                run = (j, j + 1)    # a site's own name carries the article: "دوار المصرية", not "مزار أنشأته"
            else:
                run = None
            # "حاجز النظام", "مقر الحرس": the post of an actor, not a site named after it
            if not run or run[1] - run[0] > 3 or keys[run[0]] & self.cues["name_stop"] or run[0] in actors:
                continue
            inner = starts.get(run[0])
            if kind in ("town", "village") or kind == "neighbourhood":
                if keys[run[0]] & self.cues["settlement_list_stop"]:
                    continue   # "في بلدة صغيرة": what kind of town, not its name
                if inner is None:   # "بلدة X" with X unknown: X is a new place, or one whose name is also a word
                    name = " ".join(t.norm for t in tokens[run[0]:run[1]])
                    out.append(Found(run[0], run[1], self._settlement(name), 0, {"place_kind": kind}))
                continue
            # not "بساحة X", nor the quotes of 'معبر "الحمران"'
            name = " ".join([_as_listed(tok, sites), *(t.norm for t in tokens[i + 1:run[1]] if t.is_word)])
            proper = " ".join(t.norm for t in tokens[run[0]:run[1]] if t.is_word)
            extra = {"place_kind": kind}
            if inner is not None and inner.end == run[1]:
                # "بادية الصالحية" where الصالحية is known: an area near that place
                extra["parent"] = inner.cand.kb_id
                name_en = f"{inner.cand.name_en or self._latin(proper)} {kind_en}".strip()
                cand = Candidate(f"near:{inner.cand.kb_id}:{kind}:{name}", "LOCATION", name, name_en, None, "pattern")
                out.append(Found(i, run[1], cand, 1, extra))
            elif inner is None:
                cand = _new("LOCATION", name)
                name_en = f"{self._latin(proper)} {kind_en}".strip()
                out.append(Found(i, run[1], Candidate(cand.key, cand.type, cand.name_ar, name_en, None, "pattern"), 1, extra))
        return out

    def _settlement_lists(self, tokens, keys, known: list[Found]) -> list[Found]:
        """"قرى كنصفرة والفطيرة وسفوهن", "بلدتي نوى وجاسم", "قرى الكسرة، الجنينة وجديد عكيدات":
        every place of a list after a plural (or dual) kind noun; the known ones are already found.
        Words after a comma belong to the list only when a place joined by و closes it."""
        lists, stop = self.cues["settlement_lists"], self.cues["name_stop"] | self.cues["settlement_list_stop"]
        known_at = {f.start: f for f in known if f.cand.type == "LOCATION"}
        known_end = {start: f.end for start, f in known_at.items()}
        out, n = [], len(tokens)
        for i, tok in enumerate(tokens[:-1]):
            kind = next((lists[k] for k in keys[i] if k in lists), None)
            if kind is None or any(f.startswith("ال") for f in tok.forms):
                continue
            items: list[tuple[Found | None, str]] = []   # (new place or None for a known one, how it was joined)
            mates: list[str | None] = []                 # the known places of the list
            j = i + 1
            while j < n:
                joint = "first" if not items else "و" if tokens[j].norm.startswith("و") else None
                if (items and items[-1][1] != "و" and tokens[j].norm == "،" and j + 1 < n
                        and not tokens[j + 1].norm.startswith("و")):
                    j, joint = j + 1, "،"   # after a comma a word with و opens a new clause ("، واعتقلت")
                t = tokens[j]
                if (joint is None or not t.is_word or t.norm.isdigit() or _stop(t, stop) or keys[j] & self._common_nouns
                        or self._possessed(t)):
                    break
                if j in known_end:
                    items.append((None, joint))
                    mates.append(known_at[j].cand.kb_id)
                    j = known_end[j]
                    continue
                name_start = t.norm[1:] if joint == "و" and t.norm not in self.cues["toponym_heads"] else t.norm
                end = self._settlement_name(tokens, keys, j)[1]
                # "قرى زور مغار وبوراز": a name of two words, when the list goes on with و after it
                if (end == j + 1 and end + 1 < n and tokens[end].is_word and tokens[end + 1].is_word
                        and not tokens[end].norm.startswith("و") and tokens[end + 1].norm.startswith("و")
                        and end not in known_end and not _stop(tokens[end], stop)
                        and not keys[end] & (self._common_nouns | self.cues["locative_before"])):
                    end += 1
                name = " ".join([name_start, *(x.norm for x in tokens[j + 1:end])])
                if len(name) < 3 or entry_key(name_start) in stop:
                    break
                items.append((Found(j, end, self._settlement(name), 0, {"place_kind": kind}), joint))
                j = end
            while items and items[-1][1] == "،":
                items.pop()
            if len(items) == 1 and items[0][0] is not None and _nisba(tokens[items[0][0].start]):
                continue   # "مدن إيرانية", "بلدات مقدسية": what kind of towns, not which
            # "قرى الكسرة والجنينة": a village listed with a known one lies near it
            near = next((kb for kb in mates if kb and getattr(self.gazetteer.get(kb), "kind", "") in SETTLEMENT_KINDS), None)
            out += [Found(f.start, f.end, f.cand, f.priority, f.extra | {"parent": near}) if near and "parent" not in f.extra
                    else f for f, _ in items if f is not None]
        return out

    def _national_forces(self, tokens, keys, covered) -> list[Found]:
        """"مقاتلات تركية", "غارات روسية", "طائرات حربية يرجح أنها إسرائيلية", "الدوريات الروسية
        التركية": a state's forces named by the nationality of their aircraft, troops or strikes.
        A force noun is part of the name; a strike noun is the event, so only the adjective is."""
        c = self.cues
        adjectives, n = c["nationality_forces"], len(tokens)

        def force_at(k: int):
            if k >= n or covered[k]:
                return None
            return self.actors.get(next((adjectives[x][0] for x in keys[k] if x in adjectives), None))
        out = []
        for i in range(n - 1):
            force = bool(keys[i] & c["force_nouns"] or keys[i] & c["arm_nouns"] and keys[i + 1] & c["force_modifiers"])
            if covered[i] or not (force or keys[i] & c["strike_nouns"]):
                continue
            j = i + 1
            # (and the model: "بطائرات إف 16 عراقية")
            while j < n and j - i <= 3 and (keys[j] & c["force_modifiers"] or tokens[j].norm.isdigit()):
                j += 1
            k = j
            # (the guess may stand between commas: "لطائرات مجهولة، يرجح أنها إسرائيلية")
            while k < n and k - j < 4 and (keys[k] & c["hedges"] or tokens[k].norm in (",", "،") and k + 1 < n
                                           and keys[k + 1] & c["hedges"]):
                k += 1
            named_by_noun = force and k == j and not any(keys[x] & c["strike_aircraft"] for x in range(i, j))
            start = i if named_by_noun else k
            while (actor := force_at(k)) is not None:
                # the adjective alone ("غارات روسية"), the owner of the shells ("بقذائف دبابات
                # إسرائيلية") or the aircraft a strike was made with ("ضربة جوية بطائرات إف 16
                # عراقية") names who struck: events read it as the agent
                owner = (start == k or (i > 0 and keys[i - 1] & c["instrument_nouns"])
                         or force and tokens[i].norm.startswith("ب") and self._after_strike(keys, i))
                extra = {"source": "nationality"} if owner else {}
                out.append(Found(start, k + 1, _actor(actor), 2, extra))
                k += 2 if k + 2 < n and tokens[k + 1].norm in ("-", "–") else 1
                start = k
        # a second nationality joined to a force named by the first: "القوات الروسية والتركية", "قوافل
        # عسكرية أميركية وعراقية" (not "ميليشيات عراقية وإيرانية ولبنانية": militias are no state's forces)
        force_ends = {f.end for f in out} | {k for k in range(1, n) if covered[k - 1] and keys[k - 1] & adjectives.keys()}
        for k in sorted(force_ends):
            if k < n and tokens[k].norm.startswith("و") and (actor := force_at(k)) is not None:
                out.append(Found(k, k + 1, _actor(actor), 2))
        return out

    def _after_strike(self, keys, i: int) -> bool:
        """Whether a strike noun, with the words for its kind, comes right before token i
        ("ضربة جوية", "غارات")."""
        k = i - 1
        while k > 0 and keys[k] & self.cues["force_modifiers"]:
            k -= 1
        return k >= 0 and bool(keys[k] & self.cues["strike_nouns"])

    def _national_delegations(self, tokens, keys, covered) -> list[Found]:
        """"وفد عسكري روسي": the state a delegation comes from, named by the adjective."""
        c, n = self.cues, len(tokens)
        out = []
        for i in range(n - 1):
            if not keys[i] & c["delegation_nouns"]:
                continue
            if keys[i] & c["border_sides"] and i > 0 and keys[i - 1] & c["border_side_before"]:
                continue   # "على الجانب السوري من الحدود": a place
            k = i + 1
            while k < n and k - i <= 3 and keys[k] & c["delegation_modifiers"]:
                k += 1
            iso = next((c["nationality_forces"][x][1] for x in keys[k] if x in c["nationality_forces"]), None) \
                if k < n and not covered[k] else None
            state = self._state(iso)
            if state is not None:
                out.append(Found(k, k + 1, state, 2, {"source": "nationality"}))
        return out

    def _state(self, iso3: str | None) -> Candidate | None:
        """The country with this ISO code, as a political actor."""
        rec = self.gazetteer.get(f"country:{iso3}") if iso3 else None
        return Candidate(rec.id, "STATE", rec.name_ar, rec.name_en, rec.id, "country") if rec else None

    def _settlement(self, name: str) -> Candidate:
        """After "مدينة/بلدة/قرية" a name the matcher left out because it is also a word
        ("مدينة الباب", "بلدة التل") is that place; any other is new."""
        rec = next((r for r in self.gazetteer.lookup(name) if r.kind != "country"), None)
        if rec is None:
            return self._named(_new("LOCATION", name))
        return Candidate(rec.id, "LOCATION", rec.name_ar, rec.name_en, rec.id, "place")

    def _settlement_name(self, tokens, keys, j: int, max_len: int = 3) -> tuple[int, int]:
        """The name of a town or village from token j: one word, or more when a word opens a
        compound name and the next one can go on with it ("تل جبين", "تل أبو ظهور")."""
        heads, stop = self.cues["toponym_heads"], self.cues["name_stop"]
        links = self.cues["toponym_links"] if keys[j] & heads else frozenset()
        k = j + 1
        while k < len(tokens) and k - j < max_len and keys[k - 1] & (heads | links):
            if not keys[k - 1] & links and tokens[k - 1].norm.startswith("ال"):
                break   # a head with the article is a name of its own: "بلدة القصر يُشتبه بأنها …"
            t = tokens[k]
            # (after a title a name, though it reads as a word: "علي" is also "على")
            named = bool(keys[k - 1] & links) and t.is_word
            if not named and (not _may_name(t) or _stop(t, stop)
                              or keys[k] & (self.cues["locative_before"] | self.cues["time_of_day"])):
                break
            k += 1
        return (j, k)

    # names in Latin letters ---------------------------------------------------------------
    def _latin(self, name_ar: str) -> str:
        from marsad.arabic.transliterate import transliterate

        def place_name(arabic: str) -> str | None:
            rec = self.gazetteer.best(arabic)
            return rec.name_en if rec else None
        return transliterate(name_ar, place_name, self.options.data_dir)

    def _named(self, cand: Candidate) -> Candidate:
        """A new entity gets a transliterated English name for readers without Arabic."""
        if cand.name_en:
            return cand
        return Candidate(cand.key, cand.type, cand.name_ar, self._latin(cand.name_ar), cand.kb_id, cand.source,
                         cand.ambiguous, cand.block_before)

    # 2a. the statistical tagger ------------------------------------------------------------
    @cached_property
    def tagger(self):
        from marsad.extract.ner_crf import CrfTagger
        return CrfTagger.load(self.options)

    def _model(self, doc: Document, tokens, keys, known: list[Found]) -> list[Found]:
        """Names the dictionaries and patterns missed, proposed by the CRF tagger and typed with
        the knowledge base: a place the gazetteer knows is linked to it, an organisation after a
        militia word is an armed group. Only where nothing else found a name: the tagger fills
        gaps, it does not overrule a knowledge-base link."""
        starts = [t.span.start for t in tokens]
        ranges = [(bisect.bisect_left(starts, s.start), bisect.bisect_left(starts, s.end)) for s in doc.sentences]
        ranges = [(lo, hi) for lo, hi in ranges if hi > lo]
        # a time is no name: "ليل الأحد" is not Lille
        dated = [d.span for d in doc.date_mentions]
        out: list[Found] = []
        tags_per_sentence = self.tagger.tag_sentences([[t.text for t in tokens[lo:hi]] for lo, hi in ranges])
        for (lo, hi), tags in zip(ranges, tags_per_sentence):
            for start, end, label in _iob_spans(tags):
                i, j = lo + start, lo + end
                span = Span(tokens[i].span.start, tokens[j - 1].span.end)
                if not all(t.is_word for t in tokens[i:j]) or any(span.overlaps(d) for d in dated):
                    continue
                # a full name may carry a place-derived family name ("دلشاد كوباني"): a longer
                # person span may cover a one-word place, though not only places ("كفرنبل
                # وكوباني" is two towns); anything else stays the dictionaries'
                # (an ambiguous alias does not stand in the tagger's way: "حماس" the tagger reads
                # as a name is the movement, though "بحماس" may be "with enthusiasm")
                overlap = [f for f in known if f.start < j and i < f.end and not f.cand.ambiguous]
                person_over_place = label == "PERS" and j - i > len({f.start for f in overlap}) and all(
                    f.cand.type in ("LOCATION", "STATE") and f.end - f.start == 1 for f in overlap)
                if overlap and not person_over_place:
                    continue
                if label == "PERS" and i > 0 and keys[i - 1] & self.cues["demand_words"] and self._preposition_first(tokens[i]):
                    i += 1   # "تطالب برحيل الجولاني": what is demanded, before the name
                if label == "PERS":
                    # a name ends where how someone was killed begins: "قتل الشاب أحمد برصاص مجهولين"
                    j = next((k for k in range(i + 1, j) if _stop(tokens[k], self.cues["name_stop"])), j)
                if label == "PERS" and i > lo and tokens[i - 1].norm == "ابو" and not any(
                        f.start < i <= f.end for f in known):
                    i -= 1   # a kunya is the name: "أبو ماريا القحطاني"
                if label == "LOC" and j - i == 1 and _definite_nisba(tokens[i]) and any(
                        f.end == i and f.cand.type == "LOCATION" for f in (*known, *out)):
                    continue   # "مدينة هلمستاد السويدية": the place's country, as an adjective
                found = self._typed(tokens, keys, i, j, label)
                if found is not None:
                    out.append(found)
        return out

    def _preposition_first(self, tok: Token) -> bool:
        """Whether a word the tagger put first in a person's name has ب glued on and is no name with
        or without it ("برحيل"; not "بشار", "بنيامين")."""
        word = tok.norm
        return word[:1] == "ب" and len(word) > 3 and not {word, word[1:]} & self.person_words

    @cached_property
    def _common_nouns(self) -> frozenset[str]:
        """Words that are never a name by themselves: الميليشيا، البلدة، القائد، الفرقة…"""
        c = self.cues
        return (c["group_nouns"] | c["formations"] | c["generic_heads"] | c["roles"] | c["honorifics"]
                | frozenset(c["site_nouns"]) | frozenset(c["units"]) | c["region_heads"])

    def _possessed(self, token: Token) -> bool:
        """A common noun with a possessive pronoun: "ريفها" (its countryside), "أطرافها", never a name."""
        return any(token.norm.endswith(p) and entry_key(token.norm[:-len(p)]) in self._common_nouns
                   for p in POSSESSIVE_SUFFIXES)

    @cached_property
    def _kind_nouns(self) -> frozenset[str]:
        """Indefinite nouns for a kind of place, before a name or a list of names: "قرية"، "قرى"…"""
        return frozenset(self.cues["site_nouns"]) | frozenset(self.cues["settlement_lists"])

    @cached_property
    def _area_heads(self) -> frozenset[str]:
        """Words that open the name of an area or a site: "ريف"، "محافظة"، "دوار"…"""
        return self.cues["region_heads"] | frozenset(self.cues["site_nouns"])

    def _typed(self, tokens, keys, i: int, j: int, label: str) -> Found | None:
        if all(keys[k] & self._common_nouns for k in range(i, j)):
            return None
        name = " ".join(t.norm for t in tokens[i:j])
        # not a name, nor part of one: "بي جي" of "(أر بي جي)"
        if any(entry_key(" ".join(t.norm for t in tokens[a:b])) in self.cues["not_names"]
               for a in range(max(0, i - 2), i + 1) for b in range(j, min(len(tokens), j + 2) + 1)):
            return None
        before = keys[i - 1] if i > 0 else frozenset()
        model = {"source": "model"}
        if label == "PERS":
            # one bare word is too often a common noun; a name with a title or a second word is not
            if j - i < 2 and not before & (self.cues["roles"] | self.cues["honorifics"]):
                return None
            if keys[i] & self._area_heads:
                return None   # "ريف كوباني": an area, whatever the tagger says
            # (as written, without the article: "روسي", not the adjective of "الجيش الروسي")
            if any(tokens[k].norm in self.cues["nationality_forces"] for k in range(i + 1, j)):
                return None   # "اجتماع ثلاثي تركي روسي إيراني": nationalities after a given name's look-alike
            first = self._given_name_of(tokens[i])   # "وأحمد سامي الزعبي": without the conjunction
            if first is not None:
                name = " ".join([first, *(t.norm for t in tokens[i + 1:j])])
            return Found(i, j, self._named(_new("PERSON", name)), -1, model)
        if label in ("LOC", "ORG"):
            name = self._without_proclitic(name, label)
        if label == "LOC":
            if before & self._kind_nouns and j - i == 1 and (_nisba(tokens[i]) or keys[i] & self.cues["settlement_list_stop"]):
                return None   # "منطقة سكنية", "قرى آمنة": what kind of place, not its name
            rec = self.gazetteer.best(name)
            if rec is not None:
                cand = Candidate(rec.id, "LOCATION", rec.name_ar, rec.name_en, rec.id, "place")
                return Found(i, j, cand, -1, model)
            return Found(i, j, self._named(_new("LOCATION", name)), -1, model | {"place_kind": "village"})
        if label == "ORG":
            actor = self._actor_named(name)
            if actor is not None and before & {entry_key(w) for w in actor.block_before}:
                return None   # "بينهم طالبان جامعيان": the word before makes it something else
            if actor is not None:
                # the knowledge base types and links what the tagger found; the tagger's reading of
                # an ambiguous alias as a name settles it (above the dictionary's match)
                return Found(i, j, _actor(actor), 4, model)
            armed = before & (self.cues["group_nouns"] | self.cues["formations"])
            return Found(i, j, self._named(_new("ARMED_GROUP" if armed else "ORGANIZATION", name)), -1, model)
        return None   # MISC: events, nationalities, works — not an entity type of the ontology

    @cached_property
    def _actors_by_alias(self) -> dict[str, Actor]:
        """Every alias of the knowledge base, ambiguous ones too, by matching key."""
        return {_phrase_key(alias): actor for alias, actor, _ in self.actors.alias_entries()}

    def _actor_named(self, name: str) -> Actor | None:
        return self._actors_by_alias.get(_phrase_key(name))

    def _without_proclitic(self, name: str, label: str) -> str:
        """The name of a place or body the tagger found, without the conjunction or preposition
        glued to it: "والكونغرس", "بالرباط", "وواشنطن", a body's "للحزب الشيوعي" (a place's "للندن"
        may be "لندن"), and "لكينيا" when the rest is a known place. (Not ف or ك, which begin
        names: "فالنسيا", "كاليفورنيا".)"""
        first, _, rest = name.partition(" ")
        while len(first) > 4 and (first[:1] in "وب" and first[1:].startswith(("ال", "بال", "لل")) or first.startswith("وو")):
            first = first[1:]   # "وبالرباط" → "بالرباط" → "الرباط"
        if first.startswith("لل") and len(first) > 4 and label == "ORG":
            first = "ال" + first[2:]
        elif first[:1] in "وبل" and len(first) > 4 and self.gazetteer.lookup(first[1:]) and not self.gazetteer.lookup(first):
            first = first[1:]
        return f"{first} {rest}".strip()

    # 2b. ambiguous aliases -------------------------------------------------------------------
    def _filter_ambiguous(self, doc, tokens, keys, chosen: list[Found]) -> list[Found]:
        """An ambiguous alias stands only where its actor is named plainly in the document,
        or after a force it owns ("طائرات النظام", "مدفعية النظام"), or (for multi-word
        aliases) where no blocking word precedes it."""
        plain = {f.cand.key for f in chosen if not f.cand.ambiguous}
        heads = self._head_owners(chosen)
        out = []
        for f in chosen:
            c = f.cand
            if c.ambiguous:
                before = keys[f.start - 1] if f.start > 0 else frozenset()
                blocked = bool(before & set(c.block_before))
                multiword = f.end - f.start > 1
                # "الحرس" with both الحرس الثوري and الحرس الجمهوري named: it could be either
                shared = not multiword and len(heads.get(_head(tokens[f.start]), ())) > 1
                owns_force = not multiword and self._owns_force(tokens, keys, f)
                if blocked or shared or not (c.key in plain or multiword or owns_force):
                    continue
                if owns_force and c.key not in plain:   # the force is then part of the name
                    f = Found(f.start - 1, f.end, c, f.priority, dict(f.extra))
            out.append(f)
        return [f for f in out if not doc.in_boilerplate(_span(tokens, f))]

    def _owns_force(self, tokens, keys, f: Found) -> bool:
        """"طائرات النظام", "مدفعية النظام": the force's owner, unless a definite word after it
        makes it another ("جنود النظام القديم", "طائرات القاعدة الأمريكية"); a word for the
        force's kind may follow ("طائرات النظام الحربية")."""
        i, j = f.start, f.end
        if i == 0 or not keys[i - 1] & self.cues["owned_forces"]:
            return False
        return not (j < len(tokens) and tokens[j].norm.startswith("ال")
                    and not keys[j] & self.cues["force_modifiers"])

    def _away_from_home(self, tokens, keys, chosen: list[Found]) -> list[Found]:
        """"الجيش الوطني" is the Syrian National Army in Syria and the government's army in Yemen:
        a name bound to a home country becomes a new entity of its own when every place, actor
        and nationality the article names belongs to another country ("الحوثيين" are Yemen's,
        "الأراضي اللبنانية" Lebanon) than its home and its sponsors ("المدعوم من تركيا")."""
        if not any(f.cand.home for f in chosen):
            return chosen
        countries = self._article_countries(keys, chosen).keys()
        nationalities = self.cues["nationality_forces"]
        out = []
        for f in chosen:
            foreign = next((nationalities[k] for k in keys[f.end] & nationalities.keys()), None) \
                if f.cand.home and f.end < len(keys) else None
            if foreign is not None and foreign[1] not in self._home_countries(f.cand.kb_id):
                # "وزارة الدفاع الإسرائيلية": the adjective says whose it is
                f = Found(f.start, f.end + 1, _actor(self.actors.get(foreign[0])), f.priority, dict(f.extra))
            elif f.cand.home and countries and countries.isdisjoint(self._home_countries(f.cand.kb_id)):
                name = " ".join([_head(tokens[f.start]), *(t.norm for t in tokens[f.start + 1:f.end])])
                f = Found(f.start, f.end, self._named(_new(f.cand.type, name)), f.priority, dict(f.extra))
            out.append(f)
        return out

    def _article_countries(self, keys, chosen: list[Found]) -> Counter[str]:
        """How often the article names each country: by name, by its places, by the home of its
        actors and by nationality adjectives ("غارة إسرائيلية")."""
        countries: Counter[str] = Counter()
        for f in chosen:
            if f.cand.type in ("LOCATION", "STATE") and f.cand.kb_id:
                countries[getattr(self.gazetteer.get(f.cand.kb_id), "country", None)] += 1
            elif f.cand.source == "actor" and not f.cand.home:
                countries[getattr(self.actors.get(f.cand.kb_id), "home", None)] += 1
        nationalities = self.cues["nationality_forces"]
        countries.update(nationalities[k][1] for ks in keys for k in ks & nationalities.keys())
        countries.pop(None, None)
        return countries

    def _places_in_their_country(self, tokens, keys, chosen: list[Found]) -> list[Found]:
        """A name that towns of several countries share ("طرابلس" in Lebanon and Libya, "صور" in
        Lebanon and Syria) is the town of the country the rest of the article names most; with
        no such clue, the gazetteer's own order holds (Syria's first)."""
        shared: dict[int, list] = {}
        for n, f in enumerate(chosen):
            if f.cand.type == "LOCATION" and f.cand.kb_id:
                towns = [r for r in self.gazetteer.lookup(" ".join(t.norm for t in tokens[f.start:f.end]))
                         if r.kind != "country"]
                if len({r.country for r in towns}) > 1 and any(r.id == f.cand.kb_id for r in towns):
                    shared[n] = towns
        if not shared:
            return chosen
        countries = self._article_countries(keys, [f for n, f in enumerate(chosen) if n not in shared])
        out = list(chosen)
        for n, towns in shared.items():
            f = chosen[n]
            rec = self.gazetteer.best_of(towns, countries)
            if rec.id != f.cand.kb_id:
                cand = Candidate(rec.id, "LOCATION", rec.name_ar, rec.name_en, rec.id, f.cand.source)
                out[n] = Found(f.start, f.end, cand, f.priority, dict(f.extra))
        return out

    def _home_countries(self, actor_id: str) -> set[str]:
        actor = self.actors.get(actor_id)
        return {actor.home, *(s.removeprefix("country:") for s in actor.sponsors if s.startswith("country:"))}

    # 3. coreference ---------------------------------------------------------------------------
    def _coreference(self, tokens, keys, chosen: list[Found]) -> list[Found]:
        covered = _coverage(chosen, len(tokens))
        out: list[Found] = []
        persons = {f.cand.key: f for f in chosen if f.cand.type == "PERSON"}
        surely_covered = _coverage([f for f in chosen if f.extra.get("source") != "model"], len(tokens))
        # full names and family names of persons found once
        for f in persons.values():
            words = [t.norm for t in tokens[f.start:f.end]]
            family = words[-1] if len(words) >= 2 and words[-1].startswith("ال") and len(words[-1]) > 4 else None
            family_key = entry_key(family) if family else None
            if family_key in self.cues["honorifics"]:
                family_key = None   # "عدنان السيد": alone, "السيد" is anyone's title ("السيد حسن نصر الله")
            first_key = entry_key(words[0])
            # a family name of two words: "أبو فخر" after "رامي أبو فخر" (what the tagger alone made
            # of it gives way)
            kunya_family = words[-2:] if len(words) >= 3 and words[-2] in KUNYA_HEADS else None
            for i in range(len(tokens)):
                if kunya_family and tokens[i].norm == kunya_family[0] and not surely_covered[i] \
                        and [t.norm for t in tokens[i:i + 2]] == kunya_family:
                    out.append(Found(i, i + 2, f.cand, 0, {"source": "coref"}))
                    continue
                if covered[i] or not (first_key in keys[i] or tokens[i].norm == words[0] or family_key in keys[i]):
                    continue   # (most tokens begin neither the name nor its family name)
                if [t.norm for t in tokens[i:i + len(words)]] == words or (
                        len(words) >= 2 and _stems_match(keys, i, words)):
                    out.append(Found(i, i + len(words), f.cand, 0, {"source": "pattern"}))
                    for k in range(i, i + len(words)):
                        covered[k] = True
                elif family_key and family_key in keys[i] and not (
                        i > 0 and (keys[i - 1] & self.cues["plural_heads"] or tokens[i - 1].norm.endswith("ات"))):
                    out.append(Found(i, i + 1, f.cand, 0, {"source": "coref"}))
                    covered[i] = True
        # a new group's name again, wherever it stands: 'فصيل "سرايا حماة الجبل"' then 'واتهمت "سرايا
        # حماة الجبل"، التي …' (the cue that found it is said once)
        for f in {f.cand.key: f for f in chosen if f.cand.type in ("ARMED_GROUP", "ORGANIZATION")
                  and f.cand.kb_id is None and f.cand.source == "pattern" and f.end - f.start >= 2}.values():
            words = [t.norm for t in tokens[f.start:f.end]]
            first_key = entry_key(words[0])
            for i in range(len(tokens) - len(words) + 1):
                if first_key in keys[i] and not any(covered[i:i + len(words)]) and _stems_match(keys, i, words):
                    out.append(Found(i, i + len(words), f.cand, 0, {"source": "coref"}))
                    for k in range(i, i + len(words)):
                        covered[k] = True
        # a unit's bare number: "الـ47" after "الفوج 47"
        numbers = {}
        for f in chosen:
            num = f.extra.get("unit_number")
            if num is None and f.cand.type == "ARMED_GROUP":
                digits = [t.norm for t in tokens[f.start:f.end] if t.norm.isdigit()]
                num = int(digits[0]) if digits else None
            if num is not None:
                numbers.setdefault(num, f.cand)
        for i, tok in enumerate(tokens):
            if covered[i] or not tok.norm.startswith("ال") or not tok.norm[2:].isdigit():
                continue
            cand = numbers.get(int(tok.norm[2:]))
            if cand:
                out.append(Found(i, i + 1, cand, 0, {"source": "coref"}))
        return out

    def _nicknames(self, tokens, keys, chosen: list[Found]) -> list[Found]:
        """'محمد الزعبي، الملقب بـ"أبو حسن"': the name after "الملقب بـ" is the same person's, and
        so is a kunya quoted or in brackets right after a name ('عمر الحمدو "أبو صهيب"', "عبد الرحمن
        الشاغوري (أبو صبحي)"), whatever type the tagger gave the kunya."""
        persons = sorted((f for f in chosen if f.cand.type == "PERSON"
                          or f.cand.source != "actor" and tokens[f.start].norm in KUNYA_HEADS), key=lambda f: f.start)
        same: dict[int, Candidate] = {}
        for before, after in zip(persons, persons[1:]):
            if before.cand.type != "PERSON":
                continue
            between = [k for k in range(before.end, after.start) if tokens[k].is_word and tokens[k].norm != "ب"]
            quoted_kunya = (0 < after.start - before.end <= 2 and tokens[after.start].norm in KUNYA_HEADS
                            and all(tokens[k].norm in (QUOTE, *OPENING_QUOTES, "(") for k in range(before.end, after.start)))
            if quoted_kunya or between and len(between) <= 2 and all(keys[k] & self.cues["nickname_words"] for k in between):
                same[id(after)] = same.get(id(before), before.cand)
        return [Found(f.start, f.end, same[id(f)], f.priority, f.extra | {"source": "coref"}) if id(f) in same else f
                for f in chosen]

    def _head_owners(self, chosen: list[Found]) -> dict[str, set[str]]:
        """First word (normalised) of every name of each actor named plainly, and whose it is; after
        a formation word, the name that follows it ("لواء الباقر" -> "الباقر")."""
        owners: dict[str, set[str]] = {}
        for kb_id in {f.cand.kb_id for f in chosen if f.cand.source == "actor" and not f.cand.ambiguous}:
            for head in self._heads_of(kb_id):
                owners.setdefault(head, set()).add(kb_id)
        return owners

    def _heads_of(self, kb_id: str) -> tuple[str, ...]:
        """The heads of one actor's names (see _head_owners), worked out once."""
        heads = self._heads.get(kb_id)
        if heads is None:
            formations = self.cues["formations"] | self.cues["group_nouns"] | frozenset(self.cues["units"])
            actor, found = self.actors.get(kb_id), []
            for alias in (actor.name_ar, *actor.aliases_ar) if actor else ():
                words = normalize(alias).split()
                if len(words) >= 2:
                    found.append(words[0])
                    if entry_key(words[0]) in formations:
                        found.append(" ".join(words[1:]))
            heads = self._heads[kb_id] = tuple(dict.fromkeys(found))
        return heads

    def _clipped(self, tokens, keys, names, chosen: list[Found]) -> list[Found]:
        """The head word of an actor already named plainly: "الحرس" after "الحرس الثوري", "الحشد"
        after "الحشد الشعبي" — unless that word is generic (قوات، الفرقة، حزب) or two actors of
        the document share it (الحرس الثوري and الحرس الجمهوري)."""
        generic = self.cues["generic_heads"] | self.cues["group_nouns"] | frozenset(self.cues["units"])
        by_actor = {f.cand.kb_id: f.cand for f in chosen if f.cand.source == "actor" and not f.cand.ambiguous}
        matcher: PhraseMatcher[Candidate] = PhraseMatcher()
        for head, ids in self._head_owners(chosen).items():
            if len(ids) == 1 and head.startswith("ال") and not {entry_key(head), entry_key(head[2:])} & generic:
                matcher.add(head, by_actor[next(iter(ids))])
        # "الجيش" alone is the one army the article names ("الجيش السوري", "جيش الإسلام"), "الفرقة" the one
        # division ("الفرقة 74"); with two, neither
        for head in self.cues["formation_heads"]:
            named = {f.cand.key: f.cand for f in chosen if f.cand.type in ("ARMED_GROUP", "STATE", "ORGANIZATION")
                     and f.end - f.start > 1 and head in keys[f.start]}
            if len(named) == 1:
                matcher.add("ال" + head, next(iter(named.values())))
        if not len(matcher):
            return []   # (most articles: then no word of theirs need be looked at)
        # (what the tagger alone proposed may be such a head: 'محاولة "الباقر" اعتقال قيادي')
        covered = _coverage([f for f in chosen if f.extra.get("source") != "model"], len(tokens))
        out = []
        for m in matcher.find(tokens, names):
            if any(covered[m.start:m.end]):
                continue
            before = keys[m.start - 1] if m.start > 0 else frozenset()
            # "وزارة الدفاع": a head word in construct after another noun belongs to another name
            if before & (set(m.payload.block_before) | self.cues["clip_blockers"]):
                continue
            if m.end < len(tokens) and tokens[m.end].norm == "عن":
                continue   # "في الدفاع عن أهلنا" after "الدفاع المدني": the verbal noun, no name
            out.append(Found(m.start, m.end, m.payload, 0, {"source": "coref"}))
        return out

    def _one_entity_per_name(self, chosen: list[Found]) -> list[Found]:
        """A name the knowledge base lacks names one thing throughout an article: "فرسان الوادي",
        read by the tagger as an organisation in one sentence and a person in another, is the
        armed group a cue found in a third ('فصيل "فرسان الوادي"'), and so is what follows the group
        noun of a group named in full ("تجمع فرسان الوادي"). A pattern's reading is surer than
        the tagger's; between equals, the first in the text."""
        heads = self._group_or_formation
        new = sorted((f for f in chosen if f.cand.kb_id is None and f.cand.source == "pattern"),
                     key=lambda f: (f.extra.get("source") == "model", f.start))
        surest: dict[str, Candidate] = {}
        for f in new:
            words = _phrase_key(f.cand.name_ar).split()
            surest.setdefault(" ".join(words), f.cand)
            if f.cand.type in ("ARMED_GROUP", "ORGANIZATION") and len(words) > 1 and words[0] in heads:
                surest.setdefault(" ".join(words[1:]), f.cand)
        renamed = {id(f): cand for f in new if (cand := surest[_phrase_key(f.cand.name_ar)]) is not f.cand}
        return [Found(f.start, f.end, renamed[id(f)], f.priority, f.extra) if id(f) in renamed else f for f in chosen]

    # 4. types ----------------------------------------------------------------------------------
    def _type_countries(self, tokens, keys, chosen: list[Found]) -> None:
        """A country after a locative word is a place ("شرقي سوريا", "الحدودية مع سوريا", "في العراق
        وسوريا"), else a political actor."""
        place_end = None   # token after the last country read as a place
        for f in sorted((f for f in chosen if f.cand.source == "country"), key=lambda f: f.start):
            tok = tokens[f.start]
            before = keys[f.start - 1] if f.start > 0 else frozenset()
            # "بسوريا": the preposition ب glued on, not a country whose name starts with ب (بريطانيا)
            glued_b = any(tok.norm.startswith(p) and not self.matcher.starts_with(tok.norm[len(p) - 1:])
                          for p in ("ب", "وب"))
            # ("على المثلث الحدودي بين سوريا والأردن والعراق": the countries a border lies between)
            border = f.start > 1 and tokens[f.start - 1].norm in ("مع", "بين") and keys[f.start - 2] & self.cues["border_words"]
            joined = place_end == f.start and tok.norm.startswith("و")
            if before & self.cues["locative_before"] or glued_b or border or joined:
                f.extra["type"] = "LOCATION"
                place_end = f.end

    def _capitals_as_states(self, tokens, keys, chosen: list[Found]) -> None:
        """"أعلنت واشنطن", "اتهمت أنقرة", "الفصائل الموالية لأنقرة", "بضغط من أنقرة": a capital
        after a verb of speech or politics, or whose backing or pressure is told, is its state; so is
        one the verb's subject acts on ("وتتهم دمشق واشنطن بتسهيل …")."""
        states = {f.end: f for f in chosen if f.cand.type == "STATE"}
        for n, f in enumerate(chosen):
            iso = self.cues["capitals"].get(entry_key(f.cand.name_ar))     # (not "لأنقرة" as written)
            if iso is None or f.cand.type != "LOCATION":
                continue
            before = f.start - 1
            if before > 0 and tokens[before].norm in ("من", "علي"):      # "المدعوم من أنقرة"
                before -= 1
            elif f.start in states:
                before = states[f.start].start - 1
            if before >= 0 and keys[before] & (self.cues["state_verbs"] | self.cues["state_backing"]):
                state = self._state(iso)
                if state is not None:
                    chosen[n] = Found(f.start, f.end, state, f.priority, dict(f.extra))
                    states[f.end] = chosen[n]


def _joined_by_and(text: str, start: int, name: str) -> bool:
    """Whether the mention at `start` opens with the conjunction "و", glued or apart ("وملح", "و ملح")."""
    return (text[start:start + 1] == "و" and not name.startswith("و")) or text[max(0, start - 2):start] == "و "


def _iob_spans(tags: list[str]):
    """(start, end, type) of each IOB2 chunk."""
    start, label = None, None
    for k, tag in enumerate([*tags, "O"]):
        if tag.startswith("I-") and label == tag[2:]:
            continue
        if label is not None:
            yield start, k, label
        start, label = (k, tag[2:]) if tag != "O" else (None, None)


def _as_written(text: str, norm_name: str) -> str:
    """A new entity's name as the article spells it ("دوار الساعة", not the normalised
    "دوار الساعه"), without the clitics glued to its first word ("والحاج عسكر")."""
    text = text.strip('"')
    for k in range(0, 4):
        if " ".join(normalize(text[k:]).replace('"', " ").split()) == norm_name:
            return " ".join(text[k:].replace('"', " ").split())
    return norm_name


def _as_listed(token: Token, words: Container[str]) -> str:
    """The token as a cue list has it: "وقوات" -> "قوات", "بساحه" -> "ساحه"."""
    return min((f for f in token.forms if f in words), key=len, default=token.norm)


def _head(token: Token) -> str:
    """The token as a name's first word: its reading with the article, clitics removed."""
    with_article = [f for f in token.forms if f.startswith("ال")]
    return min(with_article, key=len) if with_article else token.norm


def _confidence(f: Found, source: str) -> float:
    """How sure the link is: a plain knowledge-base name, an ambiguous one the context settled,
    a name found by a pattern, a mention joined by coreference."""
    if source == "coref":
        return 0.8
    if source == "model":
        return 0.5
    if f.cand.source == "pattern":
        return 0.6
    return 0.75 if f.cand.ambiguous else 0.95


def _on_dateline(doc: Document, tokens: list[Token], f: Found) -> bool:
    """"2021.02.24 | 19:54 دمشق": the city of a dateline is where the clock is, not a place
    the article speaks of. The line is the one the published date was read from, or any line
    that ends with a clock time and the city (the date may have come from metadata)."""
    span = _span(tokens, f)
    text = doc.text
    line_start = max(text.rfind(c, 0, span.start) for c in LINE_BREAKS) + 1
    ends = [i for i in (text.find(c, span.end) for c in LINE_BREAKS) if i >= 0]
    line_end = min(ends, default=len(text))
    if (not text[span.end:line_end].strip() and ":" in text[line_start:span.start]
            and CLOCK_BEFORE.search(text, line_start, span.start)):
        return True
    pub = doc.meta.published
    if pub is None or pub.expression is None or doc.meta.published_source != "dateline":
        return False
    return line_start <= pub.expression.start and pub.expression.end <= line_end


def _may_name(token: Token) -> bool:
    """A word a place's name can begin or go on with: no number, no و that opens a new clause."""
    return token.is_word and not token.norm.isdigit() and not token.norm.startswith("و")


def _nisba(token: Token) -> bool:
    """An indefinite adjective of origin ("إيرانية", "هندية")."""
    return not token.norm.startswith("ال") and token.norm.endswith(("يه", "ية"))


def _indefinite_accusative(token: Token) -> bool:
    """"هجيناً": tanwin fatha marks an indefinite noun, which a town's name never is."""
    return token.text.endswith(("اً", "ًا", "ىً"))


def _definite_nisba(token: Token, masculine: bool = False) -> bool:
    """A definite adjective of origin ("السويدية", "التركية"; "العربي" if `masculine`)."""
    return token.norm.startswith("ال") and token.norm.endswith(("يه", "ية", "ي") if masculine else ("يه", "ية"))


def _stop(token: Token, words: frozenset[str]) -> bool:
    """A stop word, read with the article kept: "العلي" is a name, "على" (= علي normalised) is not."""
    return bool(name_keys(token) & words)


def _actor(actor: Actor) -> Candidate:
    """A knowledge-base actor as a plain candidate."""
    return Candidate(actor.id, actor.type, actor.name_ar, actor.name_en, actor.id, "actor")


def _phrase_key(phrase: str) -> str:
    return " ".join(entry_key(w) for w in phrase.split())


def _outlet(o) -> Candidate:
    """An outlet of data/outlets.yaml as a MEDIA candidate."""
    return Candidate(f"outlet:{o.id}", "MEDIA", o.name_ar, o.name_en, f"outlet:{o.id}", "outlet")


def _new(type_: str, name: str) -> Candidate:
    return Candidate(f"new:{type_}:{entry_key(name) if ' ' not in name else name}", type_, name, None, None, "pattern")


def _opens(tokens: list[Token], q: int) -> bool:
    """Whether the quote at q opens a quotation. Curly quotes and guillemets say so; a straight
    one opens when it is glued to the word after it ('"الدفاع') and closes when glued only to
    the word before it ('قسد" المدعو')."""
    mark = tokens[q].text
    if mark in OPENING_QUOTES:
        return True
    if mark in CLOSING_QUOTES:
        return False
    nxt = tokens[q + 1] if q + 1 < len(tokens) else None
    return nxt is not None and nxt.is_word and nxt.span.start == tokens[q].span.end


def _quoted_run(tokens: list[Token], q: int, max_words: int = 5):
    """Token range inside the quotes opening at q, when short and made of words."""
    if not _opens(tokens, q):
        return None
    for j in range(q + 1, min(len(tokens), q + max_words + 2)):
        if tokens[j].norm == QUOTE:
            return (q + 1, j) if j > q + 1 else None
        if not tokens[j].is_word:
            return None
    return None


def _stems_match(keys, i, words) -> bool:
    return i + len(words) <= len(keys) and all(entry_key(w) in keys[i + n] for n, w in enumerate(words))


def _coverage(found: list[Found], n: int) -> list[bool]:
    cov = [False] * n
    for f in found:
        for k in range(f.start, f.end):
            cov[k] = True
    return cov


def _select(found: list[Found]) -> list[Found]:
    """Non-overlapping choice: the longest span first, then the higher priority."""
    taken: list[Found] = []
    used = set()
    for f in sorted(found, key=lambda f: (-(f.end - f.start), -f.priority, f.start)):
        rng = set(range(f.start, f.end))
        if rng & used:
            continue
        used |= rng
        taken.append(f)
    return sorted(taken, key=lambda f: f.start)


def _span(tokens: list[Token], f: Found) -> Span:
    return Span(tokens[f.start].span.start, tokens[f.end - 1].span.end)


def _build_entities(doc: Document, tokens: list[Token], chosen: list[Found]) -> tuple[list[Mention], list[Entity]]:
    by_key: dict[str, list[tuple[Found, Mention]]] = {}
    for f in chosen:
        span = _span(tokens, f)
        if doc.in_boilerplate(span):
            continue
        mtype = f.extra.get("type", f.cand.type)
        source = f.extra.get("source") or ("lexicon" if f.cand.source != "pattern" else "pattern")
        m = Mention(span, span.of(doc.text), mtype, None, f.cand.kb_id, source, _confidence(f, source))
        by_key.setdefault(f.cand.key, []).append((f, m))
    entities: list[Entity] = []
    mentions: list[Mention] = []
    for n, (key, items) in enumerate(sorted(by_key.items(), key=lambda kv: kv[1][0][1].span.start), 1):
        first = items[0][0].cand
        etype = Counter(m.type for _, m in items).most_common(1)[0][0]
        name_ar = first.name_ar if first.kb_id else _as_written(items[0][1].text, first.name_ar)
        ent = Entity(f"ent{n}", etype, name_ar, first.name_en, first.kb_id)
        ent.parent_kb_id = next((f.extra["parent"] for f, _ in items if "parent" in f.extra), None)
        ent.place_kind = next((f.extra["place_kind"] for f, _ in items if "place_kind" in f.extra), None)
        ent.confidence = max(m.confidence for _, m in items)
        for _, m in items:
            m.entity_id = ent.id
            m.type = etype
            ent.mentions.append(m)
            mentions.append(m)
        entities.append(ent)
    mentions.sort(key=lambda m: m.span.start)
    return mentions, entities
