"""What the incident resolver knows of one reported event: its values and the features it compares.

An `EventRecord` is built once from an extracted `Document` and is small and
JSON-serialisable, so a database keeps it (incident_members.record) and a new
article is matched against stored incidents without re-reading their documents.
"""
from __future__ import annotations

import datetime as dt
import re
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from marsad.arabic.normalize import normalize
from marsad.arabic.tokenize import analyse
from marsad.config import DATA_DIR, Options, load_data_yaml
from marsad.errors import DataFileError
from marsad.model import DateValue, Document, Event, IncidentMember, PlaceRef, SideCasualties, Span
from marsad.resolve.places import SETTLEMENT_KINDS, name_key

RULES_FILE = "merge.yaml"
STOPWORDS_FILE = "stopwords_ar.txt"
# "عدد من" / "several" with no number: at least this many.
VAGUE_MINIMUM = 2
_WORD = re.compile(r"[\u0621-\u064a]{3,}")


@dataclass(frozen=True)
class MergeRules:
    """data/merge.yaml, checked."""

    eligible_modalities: frozenset[str]
    compatible: dict[tuple[str, str], float]
    cause_types: frozenset[str]
    placeless_types: frozenset[str]
    symmetric_types: frozenset[str]
    one_sided_types: frozenset[str]
    date_gap_days: int
    night_words: frozenset[str]
    night_gap_score: float
    same_km: float
    far_km: float
    weights: dict[str, float]
    unknown: float
    blamed_apart: float
    threshold: float
    undated_min_words: float
    max_candidates: int
    duplicate_jaccard: float
    sketch_size: int
    stopwords: frozenset[str]
    families: dict[str, str] = field(default_factory=dict)

    def type_score(self, a: str, b: str) -> float | None:
        if a == b:
            return 1.0
        return self.compatible.get((a, b))

    def family(self, event_type: str) -> str:
        """Types that may merge share a family (blocking never separates two compatible types)."""
        return self.families.get(event_type, event_type)

    @classmethod
    def load(cls, options: Options | None = None) -> MergeRules:
        return _load_rules(str(Path(options.data_dir if options else DATA_DIR).resolve()))


@lru_cache(maxsize=4)
def _load_rules(data_dir: str) -> MergeRules:
    options = Options(data_dir=Path(data_dir))
    raw = load_data_yaml(RULES_FILE, options)
    path = options.data_file(RULES_FILE)
    try:
        compatible: dict[tuple[str, str], float] = {}
        for a, b, score in raw["compatible_types"]:
            compatible[(a, b)] = compatible[(b, a)] = float(score)
        weights = {k: float(v) for k, v in raw["weights"].items()}
        missing = {"type", "date", "place", "actors", "words"} - set(weights)
        if missing:
            raise KeyError(f"weights lack {sorted(missing)}")
        return MergeRules(
            eligible_modalities=frozenset(raw["eligible_modalities"]),
            compatible=compatible,
            cause_types=frozenset(raw["cause_types"]),
            placeless_types=frozenset(raw["placeless_types"]),
            symmetric_types=frozenset(raw["symmetric_types"]),
            one_sided_types=frozenset(raw["one_sided_types"]),
            date_gap_days=int(raw["date_gap_days"]),
            night_words=frozenset(normalize(w) for w in raw["night_words"]),
            night_gap_score=float(raw["night_gap_score"]),
            same_km=float(raw["same_km"]),
            far_km=float(raw["far_km"]),
            weights=weights,
            unknown=float(raw["unknown"]),
            blamed_apart=float(raw["blamed_apart"]),
            threshold=float(raw["threshold"]),
            undated_min_words=float(raw["undated_min_words"]),
            max_candidates=int(raw["max_candidates"]),
            duplicate_jaccard=float(raw["duplicate_jaccard"]),
            sketch_size=int(raw["sketch_size"]),
            stopwords=_stopwords(options.data_file(STOPWORDS_FILE)),
            families=_families(compatible),
        )
    except (KeyError, TypeError, ValueError) as e:
        raise DataFileError(str(path), f"malformed merge rules ({type(e).__name__}: {e})") from None


def _families(compatible: dict[tuple[str, str], float]) -> dict[str, str]:
    """Each type's connected group of compatible types, named by its smallest member."""
    family: dict[str, str] = {}
    for start in sorted({t for pair in compatible for t in pair}):
        if start in family:
            continue
        group, todo = {start}, [start]
        while todo:
            t = todo.pop()
            for (x, y) in compatible:
                if x == t and y not in group:
                    group.add(y)
                    todo.append(y)
        for t in group:
            family[t] = min(group)
    return family


def _stopwords(path: Path) -> frozenset[str]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise DataFileError(str(path), "not found") from None
    return frozenset(analyse(normalize(w))[2] for w in (line.strip() for line in lines)
                     if w and not w.startswith("#"))


def content_words(text: str, stopwords: frozenset[str]) -> list[str]:
    """The words that say what happened: normalised, clitics and article removed, no function words."""
    out = []
    for w in _WORD.findall(normalize(text)):
        bare = analyse(w)[2]
        if len(bare) >= 3 and bare not in stopwords:
            out.append(sys.intern(bare))    # records of a large corpus share one copy of each word
    return out


# --------------------------------------------------------------------------- the record


@dataclass(slots=True)
class EventRecord:
    """One event as the resolver sees it: the member's values plus comparison features."""

    member: IncidentMember
    sentences: list[list[str]] = field(default_factory=list)   # content words of each evidence sentence
    weekdays: list[int] = field(default_factory=list)     # weekdays the text gives when the day is unresolved
    place_ids: list[str] = field(default_factory=list)    # the place and the places containing it
    settlement: bool = False   # the place is a town or a village (not a site, a region or an area)
    side_a: list[str] = field(default_factory=list)       # stable ids
    side_b: list[str] = field(default_factory=list)
    actor_keys: list[str] = field(default_factory=list)   # actors and the units they belong to
    agents: list[str] = field(default_factory=list)       # who did it: side A as agents, with their units' parents
    causes: list[str] = field(default_factory=list)       # types of the attempts that set it off
    night: bool = False      # dated by a night or an evening ("مساء الاثنين"), which may run into the next day

    @property
    def key(self) -> str:
        return self.member.key

    @property
    def doc_id(self) -> str:
        return self.member.doc_id

    @property
    def date_range(self) -> tuple[dt.date, dt.date] | None:
        d = self.member.date
        if d is None or d.min is None or d.max is None:
            return None
        return d.min, d.max

    def to_json(self) -> dict[str, Any]:
        m = self.member
        return {
            "doc_id": m.doc_id, "event_id": m.event_id, "type": m.type, "modality": m.modality,
            "outlet": m.outlet, "published": _date_json(m.published), "date": _date_json(m.date),
            "place": _place_json(m.place), "actors": m.actors,
            "killed": m.killed, "injured": m.injured, "killed_min": m.killed_min, "injured_min": m.injured_min,
            "duplicate_of": m.duplicate_of,
            "sentences": self.sentences, "weekdays": self.weekdays, "place_ids": self.place_ids,
            "side_a": self.side_a, "side_b": self.side_b, "actor_keys": self.actor_keys, "agents": self.agents,
            "causes": self.causes,
            "night": self.night, "settlement": self.settlement,
        }

    @classmethod
    def from_json(cls, d: dict[str, Any], score: float = 1.0) -> EventRecord:
        member = IncidentMember(
            doc_id=d["doc_id"], event_id=d["event_id"], type=d["type"], modality=d["modality"],
            outlet=d.get("outlet"), published=_date(d.get("published")), date=_date(d.get("date")),
            place=_place(d.get("place")), actors=list(d.get("actors", [])),
            killed=d.get("killed"), injured=d.get("injured"),
            killed_min=d.get("killed_min", 0), injured_min=d.get("injured_min", 0),
            duplicate_of=d.get("duplicate_of"), score=score)
        return cls(member, sentences=[[sys.intern(w) for w in s] for s in d.get("sentences", [])], weekdays=list(d.get("weekdays", [])),
                   place_ids=list(d.get("place_ids", [])), side_a=list(d.get("side_a", [])),
                   side_b=list(d.get("side_b", [])), actor_keys=list(d.get("actor_keys", [])),
                   agents=list(d.get("agents", [])),
                   causes=list(d.get("causes", [])), night=bool(d.get("night", False)),
                   settlement=bool(d.get("settlement", False)))


def _date_json(d: DateValue | None) -> dict[str, Any] | None:
    return d.to_json() if d is not None and (d.min or d.max) else None


def _date(d: dict[str, Any] | None) -> DateValue | None:
    if not d:
        return None
    day = lambda s: dt.date.fromisoformat(s) if s else None  # noqa: E731
    return DateValue(value=day(d.get("value")), min=day(d.get("min")), max=day(d.get("max")),
                     precision=d.get("precision", "day"))


_PLACE_FIELDS = ("entity_id", "name_ar", "name_en", "lat", "lon", "admin1", "admin2", "admin3",
                 "admin1_pcode", "admin2_pcode", "admin3_pcode", "geo_precision", "kb_id")


def _place_json(p: PlaceRef | None) -> dict[str, Any] | None:
    return None if p is None else {f: getattr(p, f) for f in _PLACE_FIELDS}


def _place(d: dict[str, Any] | None) -> PlaceRef | None:
    return None if not d else PlaceRef(**{f: d.get(f) for f in _PLACE_FIELDS})


# --------------------------------------------------------------------------- from a document


def _least(items: list[SideCasualties]) -> int:
    """What the text says at least: stated counts, and VAGUE_MINIMUM for "several"."""
    return sum(i.count if i.count is not None else VAGUE_MINIMUM for i in items)


def _share_a_sentence(sentences: dict[str, list[Span]], a: str, b: str) -> bool:
    return any(s in sentences[a] for s in sentences[b])


def _sentences_of(doc: Document, spans: list[Span]) -> list[Span]:
    out = [s for s in doc.sentences if any(s.overlaps(e) for e in spans)]
    return out or spans


class RecordBuilder:
    """Turns the eligible events of extracted documents into EventRecords."""

    def __init__(self, options: Options | None = None):
        from marsad.resolve.kb import ActorBase
        from marsad.resolve.places import Gazetteer

        self.rules = MergeRules.load(options)
        self.kb = ActorBase.load(options)
        self.gazetteer = Gazetteer.load(options)

    def __call__(self, doc: Document) -> list[EventRecord]:
        eligible = [ev for ev in doc.events if ev.modality in self.rules.eligible_modalities]
        sentences = {ev.id: _sentences_of(doc, ev.evidence or [ev.trigger]) for ev in doc.events}
        records = [self._record(doc, ev, sentences) for ev in eligible]
        # the attempt that set a clash off is told as that clash's cause: another outlet's report of the
        # attempt is the clash's, and the attempt alone would draw it away ("اشتباك … إثر محاولة دورية
        # اعتقال الدندل" against "محاولة اغتيال الدندل")
        set_off = {ev.id for ev in eligible if ev.modality == "attempted" and ev.type in self.rules.cause_types
                   and any(other.type == "ARMED_CLASH" and _share_a_sentence(sentences, ev.id, other.id)
                           for other in eligible)}
        return [r for r in records if r.member.event_id not in set_off]

    def _record(self, doc: Document, ev: Event, sentences: dict[str, list[Span]]) -> EventRecord:
        stable = {e.id: e.stable_id for e in doc.entities}
        ids = lambda refs: list(dict.fromkeys(stable[r] for r in refs if r in stable))  # noqa: E731
        own = sentences[ev.id]
        text = " ".join(s.of(doc.text) for s in own)
        member = IncidentMember(
            doc_id=doc.doc_id, event_id=ev.id, type=ev.type, modality=ev.modality,
            outlet=doc.meta.outlet or doc.meta.outlet_ar, published=doc.meta.published,
            date=ev.date, place=ev.place, actors=ids(ev.actors),
            killed=ev.casualties.killed_total, injured=ev.casualties.injured_total,
            killed_min=_least(ev.casualties.killed), injured_min=_least(ev.casualties.injured))
        causes = sorted({other.type for other in doc.events
                         if other.id != ev.id and other.type in self.rules.cause_types
                         and other.type != ev.type and other.modality in self.rules.eligible_modalities
                         and _share_a_sentence(sentences, ev.id, other.id)})
        place_ids, settlement = self._place_ids(ev.place)
        side_a = ids(ev.side_a)
        return EventRecord(
            member=member,
            sentences=[content_words(s.of(doc.text), self.rules.stopwords) for s in own],
            weekdays=self._weekdays(text) if ev.date is None else [],
            place_ids=place_ids, settlement=settlement,
            side_a=side_a, side_b=ids(ev.side_b),
            actor_keys=self._actor_keys(member.actors),
            agents=self._actor_keys([self.kb.agent(a) for a in side_a]),
            causes=causes if ev.type not in self.rules.cause_types else [],
            night=self._night(doc, ev))

    def _night(self, doc: Document, ev: Event) -> bool:
        said = ev.date.expression.of(doc.text) if ev.date and ev.date.expression else ""
        return bool(set(normalize(said).split()) & self.rules.night_words)

    @staticmethod
    def _weekdays(text: str) -> list[int]:
        from marsad.arabic.dates import find_dates
        days = {getattr(m.expr, "weekday", None) for m in find_dates(text, None)}
        return sorted(d for d in days if d is not None)

    def _place_ids(self, place: PlaceRef | None) -> tuple[list[str], bool]:
        """The place and the places containing it, and whether it is a town or a village. A village the
        gazetteer lacks is coded at a known place it lies in ("بلدة عرمان بريف السويداء"): it comes
        first by its name, so two villages of one countryside are not one place."""
        if place is None:
            return [], False
        record = self.gazetteer.get(place.kb_id) if place.kb_id else None
        own = [] if record is not None and name_key(place.name_ar or "") in map(name_key, record.names_ar) else (
            [f"name:{name_key(place.name_ar)}"] if place.name_ar else [])
        if record is None:
            return own + ([place.kb_id] if place.kb_id else []), False
        # (a village's "parent" town only lends it coordinates: الشحيل is not inside البصيرة)
        settlement = record.kind in SETTLEMENT_KINDS
        return [*own, place.kb_id, *(p.id for p in self.gazetteer.ancestors(record)
                                     if not (settlement and p.kind in SETTLEMENT_KINDS))], settlement

    def _actor_keys(self, actors: list[str]) -> list[str]:
        """Each actor and the units it belongs to (الفوج 47 → IRGC), but not the state above them:
        two militias of one government are not the same actor."""
        keys: dict[str, None] = {}
        for a in actors:
            if self.kb.is_generic(a):
                continue   # ("المهربين" in one report, "سرايا العاصي" in another)
            keys.setdefault(a, None)
            for parent in self.kb.ancestors(a):
                actor = self.kb.get(parent)
                if actor is not None and actor.type != "STATE":
                    keys.setdefault(parent, None)
        return list(keys)
