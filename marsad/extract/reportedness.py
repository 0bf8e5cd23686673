"""Does a mention of violence or of a protest tell an occurrence, or only speak of one?

The rules of `events.py` catch the clear cases (a condemnation, a question, a kind of act).
What is left is graded: "قتل شخص بانفجار عبوة أمس في السوق" tells one; "موقع التفجير",
"الذي خطف فيه الجنود" or "تعتمد طالبان على الهجمات الانتحارية" mention one in passing.
A logistic model weighs the signs of a told occurrence (its own date, place, toll and actor,
the trigger as the verb of its clause, what stands right before it) and gives each mention
the probability that it reports an event; a mention below the model's threshold names an
event without reporting it, like a reference.

The features say nothing of the event type, so the model learns how Arabic news tells an
occurrence rather than which kinds of violence annotators preferred. It is trained by
`scripts/train_event_report.py` on the OEDA Arabic event sentences (dev files) and stored
as `data/models/event_report.json` (weights, threshold, data and cross-validated scores).
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from marsad.errors import DataFileError

if TYPE_CHECKING:
    from marsad.extract.events import Hit, _Context

MODEL_FILE = "event_report.json"


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for e in edges:
        if n <= e:
            return str(e)
    return f">{edges[-1]}"


def _bare(ctx: _Context, i: int) -> str:
    """The shortest clitic reading of a token: "والذي" → "الذي", "بانفجار" → "انفجار"."""
    keys = ctx.keys[i]
    return min(sorted(keys), key=len) if keys else ctx.tokens[i].norm


def judged(ctx: _Context, hits: list[Hit], n: int) -> bool:
    """Whether the model weighs mention `n` of `hits`: nouns that do not open their clause
    ("موقع التفجير", "الذي شهد العديد من العمليات"). A verb tells its act, and so does a clause
    that opens with the act ("انفجار سيارة مفخخة قرب …") or with a verb whose object it is
    ("شن مسلحون هجوماً", "حاول مسلحون اغتيال", "قُتل شرطي بنيران مسلحين", "بعد تعرض النقاط
    لهجمات", "ففي نابلس قام مسلحون بخطف"), and so does the first act of a sentence that opens
    with such a verb, past a time between commas ("وخرج العشرات، أمس الأحد، في مظاهرة"): the
    rules have already judged those."""
    h = hits[n]
    fire = ctx.ex.cues["verb_phrase_heads"]
    if h.spec.form == "verb" or h.modality == "attempted" and h.side_a or ctx.keys[h.start] & fire:
        # an attempt with its agent is told: "محاولة عناصر الفوج 47 اغتيال قيادي"; and so is a
        # phrase that opens with its verb: "مسلحون أطلقوا النار على موكب الوالي"
        return False
    before = [i for i in range(ctx.clause_start(h), h.start) if ctx.tokens[i].is_word]
    if not before or ctx.claims_responsibility(ctx.words_before(h)):
        return False
    if len(before) > 1 and ctx.keys[before[0]] & ctx.ex.cues["claim_verbs"] and all(
            (m := ctx.mention_covering(i)) is not None and ctx.types.get(m.entity_id) == "ARMED_GROUP"
            for i in before[1:]):
        return False   # an armed group announces its own act: "أعلنت جماعة الحوثي استهداف سفينة"
    if ctx.keys[h.start] & ctx.ex.cues["fired"] and any(ctx.keys[i] & fire for i in before[-3:]):
        return False   # "أطلق مسلحون النار على …" (not "أطلق سراح السائق بعد الاختطاف")
    openers = ctx.ex.cues["act_openers"]
    # the verb may follow the place or time that opens the clause ("ففي نابلس قام مسلحون بخطف")
    # (and a connective may open it: "كما نظم العشرات وقفة احتجاجية")
    setting = ctx.ex.cues["setting"] | ctx.ex.cues["connectives"]
    opening = next((i for i in before if not (ctx.entity_at[i] or ctx.in_date[i] or ctx.keys[i] & setting)), before[0])
    if any(ctx.keys[i] & openers for i in (before[0], opening, *before[-2:])):
        return False
    if any(ctx.keys[i] & ctx.ex.cues["passive_openers"] for i in (before[0], opening)) and not ctx.relative_clause(h):
        return False   # "وتم اختطاف الطبيب على يد مسلحين": the passive tells it
    first_act = n == 0 or hits[n - 1].sentence != h.sentence     # hits are in reading order
    if not first_act:
        return True
    lo = ctx.sentence_tokens(h.sentence)[0]
    first = next((i for i in range(lo, h.start) if ctx.tokens[i].is_word), None)
    return first is None or not ctx.keys[first] & openers


def report_features(ctx: _Context, hits: list[Hit], n: int) -> list[str]:
    """The signs, around mention `n` of `hits` (the document's mentions in order), that it
    tells an occurrence. Binary features, as strings."""
    h = hits[n]
    cues = ctx.ex.cues
    tokens = ctx.tokens
    lo, hi = ctx.sentence_tokens(h.sentence)
    clause = ctx.clause_start(h)
    words_before = [i for i in range(lo, h.start) if tokens[i].is_word]
    clause_before = [i for i in words_before if i >= clause]
    sentence_words = sum(1 for i in range(lo, hi) if tokens[i].is_word)
    f = [f"form={h.spec.form}", f"definite={h.definite}", f"modality={h.modality}",
         f"plural={ctx.plural(h)}",
         f"pos={_bucket(len(words_before), (0, 1, 2, 4, 8, 16, 32))}",
         f"clause_pos={_bucket(len(clause_before), (0, 1, 2, 4, 8))}",
         f"length={_bucket(sentence_words, (10, 20, 35, 60))}",
         f"mentions_in_sentence={_bucket(sum(1 for x in hits if x.sentence == h.sentence), (1, 2, 3))}"]
    if h.background:
        f.append("background")
    if h.attribution:
        f.append("attributed")
    # the occurrence's own anchors, in its scope (the stretch between neighbouring triggers)
    scope = (min(clause, h.scope[0]), h.scope[1])
    if ctx.dates_in(scope):
        f.append("date_in_scope")
    elif ctx.dates_in((lo, hi)):
        f.append("date_in_sentence")
    if h.date is not None:
        f.append("dated")
    if h.casualties.killed:
        f.append("killed")
    if h.casualties.injured:
        f.append("injured")
    if any(x.value is not None for x in ctx.numbers_in(scope)):
        f.append("number_in_scope")
    for etype in ("ARMED_GROUP", "STATE", "LOCATION", "PERSON", "ORGANIZATION"):
        if ctx.mentions_in(scope, (etype,)):
            f.append(f"scope_has={etype}")
    # the same signs anywhere in the sentence: "قتل 12 شخصا … في هجوم" puts the toll before the trigger
    others = [i for i in range(lo, hi) if not h.start <= i < h.end]
    for name in ("killed", "injured"):
        if any(ctx.keys[i] & cues["casualties"][name] for i in others):
            f.append(f"sentence_{name}")
    if any(ctx.keys[i] & cues["violence"] for i in others):
        f.append("violence_sign")
    for etype in ("ARMED_GROUP", "LOCATION"):
        if ctx.mentions_in((lo, hi), (etype,)):
            f.append(f"sentence_has={etype}")
    if words_before:
        f.append(f"first={_bare(ctx, words_before[0])}")
    if h.side_a:
        f.append("side_a")
    if h.side_b:
        f.append("side_b")
    if any(ctx.keys[i] & cues["occurrence_verbs"] for i in range(clause, scope[1])):
        f.append("occurrence_verb")
    speech = cues["attribution"].get("speech_verbs", frozenset())
    if any(ctx.keys[i] & speech for i in clause_before):
        f.append("speech_before")
    # what stands right before the trigger: a relative pronoun, a site or an incident noun
    for k, i in enumerate(reversed(clause_before[-3:]), 1):
        word = _bare(ctx, i)
        if ctx.keys[i] & cues["relatives"]:
            f.append("relative_before")
        if ctx.entity_at[i]:
            f.append(f"b{k}=<name>")
        else:
            f.append(f"b{k}={word}")
    after = next((i for i in range(h.end, hi) if tokens[i].is_word), None)
    if after is None:
        f.append("last_word")
    elif ctx.entity_at[after]:
        f.append("a1=<name>")
    text = ctx.doc.text
    start = tokens[lo].span.start if lo < len(tokens) else 0
    before_text = text[start:tokens[h.start].span.start]
    if (before_text.count("«") > before_text.count("»") or before_text.count("“") > before_text.count("”")
            or before_text.count('"') % 2):
        f.append("quoted")
    if "؟" in text[start:tokens[hi - 1].span.end if hi > lo else start] or "?" in before_text:
        f.append("question")
    return f


@dataclass(frozen=True, slots=True)
class ReportModel:
    """Logistic weights over `report_features`. Each family of event types it judges (the
    violent ones, protests) has its own feature `family=…` and its own threshold."""

    weights: dict[str, float]
    bias: float
    family_of: dict[str, str]          # event type → family
    thresholds: dict[str, float]       # family → lowest probability of a report

    @classmethod
    def read(cls, path: Path) -> ReportModel:
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            family_of = {t: fam for fam, types in raw["families"].items() for t in types}
            return cls(dict(raw["weights"]), float(raw["bias"]), family_of,
                       {k: float(v) for k, v in raw["thresholds"].items()})
        except FileNotFoundError:
            raise DataFileError(str(path), "not found: train it with scripts/train_event_report.py") from None
        except (KeyError, TypeError, ValueError, AttributeError) as e:
            raise DataFileError(str(path), f"not a report model ({e!r}): retrain it with "
                                           "scripts/train_event_report.py") from None

    def judges(self, event_type: str) -> bool:
        return event_type in self.family_of

    def probability(self, features: list[str], event_type: str) -> float:
        z = self.bias + self.weights.get("family=" + self.family_of[event_type], 0.0)
        z += sum(self.weights.get(x, 0.0) for x in features)
        return 1.0 / (1.0 + math.exp(-z)) if z > -60 else 0.0

    def reports(self, probability: float, event_type: str) -> bool:
        return probability >= self.thresholds[self.family_of[event_type]]
