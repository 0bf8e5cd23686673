"""The document model: one `Document` flows through every stage.

Every piece of evidence is a `Span` of code points into `Document.text`, the
text exactly as decoded (no normalisation, no-break spaces and all). Derived
views (normalised text, tokens) keep maps back to those offsets.
"""
from __future__ import annotations

import bisect
import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported for annotations only: no work at import time
    from marsad.arabic.normalize import NormalizedView
    from marsad.arabic.tokenize import Token


ENTITY_TYPES = ("PERSON", "ARMED_GROUP", "STATE", "LOCATION", "MEDIA", "ORGANIZATION")
EVENT_TYPES = (
    "ARMED_CLASH", "ATTACK", "ASSASSINATION", "AIRSTRIKE", "SHELLING", "EXPLOSION",
    "ARREST", "ABDUCTION", "MEETING", "VISIT", "MOBILIZE", "BASE_CHANGE", "THREATEN",
    "ACCUSE", "INVESTIGATE", "REJECT", "AGREE", "SUPPORT", "PROTEST", "SURVEILLANCE", "OTHER",
)
MODALITIES = ("asserted", "attempted", "planned", "threatened", "negated", "denied", "aggregate")
FACTUAL_MODALITIES = ("asserted", "attempted")
RELATION_TYPES = ("PART_OF", "MEMBER_OF", "AFFILIATED_WITH", "SPONSORED_BY", "LEADS")


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """Half-open range [start, end) of code points into Document.text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"invalid span {self.start}..{self.end}")

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def union(self, other: Span) -> Span:
        return Span(min(self.start, other.start), max(self.end, other.end))

    def of(self, text: str) -> str:
        return text[self.start:self.end]


@dataclass(slots=True)
class DateValue:
    """A day, or a min..max range of days, with what it came from.

    `value` is set only when the day is known. `precision` is "day", "range",
    "week" or "month" (ACLED time_precision 1, 2, 2, 3).
    """

    value: dt.date | None = None
    min: dt.date | None = None
    max: dt.date | None = None
    precision: str = "day"
    expression: Span | None = None
    source: str = ""  # "text", "metadata", "dateline", "embedded-post", "relative:<expr>"

    def __post_init__(self) -> None:
        if self.value is not None:
            self.min = self.min or self.value
            self.max = self.max or self.value
        if self.min and self.max and self.min > self.max:
            raise ValueError(f"date range {self.min}..{self.max} is reversed")

    @classmethod
    def day(cls, day: dt.date, **kw) -> DateValue:
        return cls(value=day, min=day, max=day, precision="day", **kw)

    @classmethod
    def between(cls, lo: dt.date, hi: dt.date, precision: str = "range", **kw) -> DateValue:
        if lo == hi:
            return cls.day(lo, **kw)
        return cls(value=None, min=lo, max=hi, precision=precision, **kw)

    @property
    def is_day(self) -> bool:
        return self.value is not None

    def midpoint(self) -> dt.date | None:
        if self.value:
            return self.value
        if self.min and self.max:
            return self.min + (self.max - self.min) / 2
        return None

    def to_json(self) -> dict:
        iso = lambda d: d.isoformat() if d else None  # noqa: E731
        return {"value": iso(self.value), "min": iso(self.min), "max": iso(self.max),
                "precision": self.precision}


@dataclass(slots=True)
class DocumentMeta:
    """What is known about a document besides its text, and where each fact came from."""

    source_path: str | None = None
    url: str | None = None
    title: str | None = None
    outlet: str | None = None           # English display name when known, else as found
    outlet_ar: str | None = None
    outlet_id: str | None = None        # id in data/outlets.yaml
    outlet_source: str | None = None    # "metadata", "jsonl", "text:<signature>"
    outlet_span: Span | None = None
    published: DateValue | None = None
    published_source: str | None = None  # "metadata", "jsonl", "dateline", "embedded-post"
    language: str = "ar"
    extra: dict = field(default_factory=dict)


@dataclass(slots=True)
class Mention:
    span: Span
    text: str
    type: str                      # one of ENTITY_TYPES
    entity_id: str | None = None   # document-level Entity.id
    kb_id: str | None = None       # knowledge-base id when linked
    source: str = "lexicon"        # "lexicon", "pattern", "coref", "model"
    confidence: float = 1.0


@dataclass(slots=True)
class Entity:
    id: str
    type: str
    name_ar: str
    name_en: str | None = None
    kb_id: str | None = None
    mentions: list[Mention] = field(default_factory=list)
    confidence: float = 1.0
    lat: float | None = None
    lon: float | None = None
    # a place the knowledge base lacks ("دوار المصرية") lies in or near this known place
    parent_kb_id: str | None = None
    place_kind: str | None = None      # for places the text names by their kind: site, desert, village…

    @property
    def stable_id(self) -> str:
        """The same across documents: the knowledge-base id, else type and normalised name."""
        if self.kb_id:
            return self.kb_id
        from marsad.arabic.normalize import normalize
        return f"new:{self.type.lower()}:{'-'.join(normalize(self.name_ar).split())}"


@dataclass(slots=True)
class Relation:
    """A claim made by a source ("X التابع لـ Y"), not a timeless fact."""

    type: str        # one of RELATION_TYPES; head is the subordinate / member / client / leader
    head: str        # Entity.id
    tail: str        # Entity.id
    evidence: Span
    source_doc: str
    confidence: float = 1.0


@dataclass(slots=True)
class PlaceRef:
    entity_id: str | None = None
    name_ar: str | None = None
    name_en: str | None = None
    lat: float | None = None
    lon: float | None = None
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    admin1_pcode: str | None = None
    admin2_pcode: str | None = None
    admin3_pcode: str | None = None
    geo_precision: int | None = None   # ACLED: 1 town, 2 area near a town, 3 region
    kb_id: str | None = None
    span: Span | None = None


@dataclass(slots=True)
class SideCasualties:
    """A toll as the text states it. `count` None with `vague` set means "some" (عدد من)."""

    count: int | None = None
    vague: str | None = None       # "some", "several", "dozens", "many": what the text said
    side: str | None = None        # "a", "b", "civilian" or None when not attributed
    entity_id: str | None = None
    span: Span | None = None


@dataclass(slots=True)
class Casualties:
    killed: list[SideCasualties] = field(default_factory=list)
    injured: list[SideCasualties] = field(default_factory=list)

    @staticmethod
    def _total(items: list[SideCasualties]) -> int | None:
        """Sum of stated counts; None when nothing exact was said."""
        if not items or any(i.count is None for i in items):
            return None
        return sum(i.count for i in items)

    @property
    def killed_total(self) -> int | None:
        return self._total(self.killed)

    @property
    def injured_total(self) -> int | None:
        return self._total(self.injured)

    @property
    def civilians_killed(self) -> int | None:
        return self._total([i for i in self.killed if i.side == "civilian"]) if any(
            i.side == "civilian" for i in self.killed) else None


@dataclass(slots=True)
class Quantity:
    kind: str                     # "fighters", "vehicles", "weapons"
    value: int | None
    text: str
    span: Span
    approximate: bool = False


@dataclass(slots=True)
class ReviewMark:
    """An analyst's last decision on an event (marsad.review): what the exports say about it."""

    status: str                    # "accepted", "edited" or "rejected"
    by: str
    at: str                        # ISO 8601 time of the decision
    fields: list[str] = field(default_factory=list)   # the fields the analyst changed

    def to_json(self) -> dict:
        return {"status": self.status, "by": self.by, "at": self.at, "fields": list(self.fields)}


@dataclass(slots=True)
class Event:
    id: str
    type: str                                  # one of EVENT_TYPES
    trigger: Span
    evidence: list[Span] = field(default_factory=list)
    modality: str = "asserted"
    date: DateValue | None = None
    place: PlaceRef | None = None
    side_a: list[str] = field(default_factory=list)       # Entity ids: initiators
    side_b: list[str] = field(default_factory=list)       # Entity ids: targets / counterparts
    associated: list[str] = field(default_factory=list)
    casualties: Casualties = field(default_factory=Casualties)
    quantities: list[Quantity] = field(default_factory=list)
    attribution: str | None = None
    attribution_span: Span | None = None
    confidence: float = 1.0
    review: ReviewMark | None = None           # set only when read through marsad.review

    @property
    def actors(self) -> list[str]:
        seen: dict[str, None] = {}
        for e in (*self.side_a, *self.side_b, *self.associated):
            seen.setdefault(e, None)
        return list(seen)

    @property
    def is_acled(self) -> bool:
        return self.modality in FACTUAL_MODALITIES


@dataclass(slots=True)
class InputProblem:
    """An input that could not be read, with the reason, so a batch can go on."""

    source: str
    reason: str


@dataclass(slots=True)
class Document:
    doc_id: str
    text: str
    meta: DocumentMeta = field(default_factory=DocumentMeta)
    boilerplate: list[Span] = field(default_factory=list)
    view: NormalizedView | None = None
    tokens: list[Token] = field(default_factory=list)
    sentences: list[Span] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    date_mentions: list = field(default_factory=list)   # marsad.arabic.dates.DateMention
    # sorted boilerplate spans, rebuilt when the list changes: a lookup per mention must not scan them all
    _boilerplate_index: tuple = field(default=(), repr=False, compare=False)

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def in_boilerplate(self, span: Span) -> bool:
        key, ends, spans = self._boilerplate_index or (None, [], [])
        if key != (id(self.boilerplate), len(self.boilerplate)):
            spans = sorted(self.boilerplate)
            ends = [b.end for b in spans]
            self._boilerplate_index = ((id(self.boilerplate), len(self.boilerplate)), ends, spans)
        # spans are line ranges that do not overlap: the first ending after span.start decides
        i = bisect.bisect_right(ends, span.start)
        return i < len(spans) and spans[i].overlaps(span)

    def entity(self, entity_id: str) -> Entity | None:
        for e in self.entities:
            if e.id == entity_id:
                return e
        return None


# --------------------------------------------------------------------------- incidents (across documents)

CONFLICT_FIELDS = ("date", "location", "casualties", "actors", "cause", "type")


@dataclass(slots=True)
class IncidentMember:
    """One document's report of an incident: the event and the values that source gave."""

    doc_id: str
    event_id: str
    type: str
    modality: str = "asserted"
    outlet: str | None = None
    published: DateValue | None = None
    date: DateValue | None = None
    place: PlaceRef | None = None
    actors: list[str] = field(default_factory=list)   # stable entity ids (kb id or new:…)
    killed: int | None = None        # exact toll stated, else None
    injured: int | None = None
    killed_min: int = 0              # lower bound implied by the text ("several" ≥ 2, "a civilian" ≥ 1)
    injured_min: int = 0
    duplicate_of: str | None = None  # doc_id of the article this one copies (near-duplicate)
    score: float = 1.0               # similarity to the incident when it joined

    @property
    def key(self) -> str:
        return f"{self.doc_id}#{self.event_id}"


@dataclass(slots=True)
class ConflictValue:
    value: str
    sources: list[str] = field(default_factory=list)   # member keys ("doc#event")


@dataclass(slots=True)
class Conflict:
    """A field on which the reports of one incident disagree, with each side's value and sources."""

    field: str                        # one of CONFLICT_FIELDS
    values: list[ConflictValue] = field(default_factory=list)
    note: str = ""

    def to_json(self) -> dict:
        return {"field": self.field, "note": self.note,
                "values": [{"value": v.value, "sources": list(v.sources)} for v in self.values]}

    @classmethod
    def from_json(cls, d: dict) -> Conflict:
        return cls(d["field"], [ConflictValue(v["value"], list(v.get("sources", []))) for v in d.get("values", [])],
                   d.get("note", ""))


@dataclass(slots=True)
class Incident:
    """One real occurrence as reported by one or more documents.

    Consolidated values follow ACLED: the lowest reported fatalities, with the
    range kept; the date best supported by the sources, with the range they span.
    """

    id: str
    type: str
    members: list[IncidentMember] = field(default_factory=list)
    date: DateValue | None = None
    place: PlaceRef | None = None
    actors: list[str] = field(default_factory=list)
    fatalities: int | None = None
    fatalities_max: int | None = None
    injured: int | None = None
    injured_max: int | None = None
    conflicts: list[Conflict] = field(default_factory=list)

    @property
    def sources(self) -> list[str]:
        return list(dict.fromkeys(m.doc_id for m in self.members))

    @property
    def corroboration(self) -> int:
        """Independent outlets: copies of another article and repeats of one outlet count once."""
        independent = {m.outlet or m.doc_id for m in self.members if m.duplicate_of is None}
        return len(independent) or (1 if self.members else 0)


@dataclass(slots=True)
class EntityConflict:
    """Sources disagree on whose side an entity is: one claims an affiliation the others contradict."""

    entity: str                       # stable id
    name: str
    claimed: str                      # stable id of the group it is said to belong to / be affiliated with
    claimed_by: list[str] = field(default_factory=list)    # doc ids claiming the affiliation
    opposed_by: list[str] = field(default_factory=list)    # doc ids showing it against that group
