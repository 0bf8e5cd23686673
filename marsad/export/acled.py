"""ACLED CSV export: one row per event ACLED would record, in ACLED's 31 columns.

Which events: modality `asserted` or `attempted` (Event.is_acled) and a type
that maps onto an ACLED event (data/acled.yaml `event_types`; THREATEN,
ACCUSE, INVESTIGATE and REJECT have none).

Undated events are **skipped**: ACLED requires an event date, and marsad does
not invent one (the publication date is not the event date). `write` returns
the number of rows written; the number of skipped undated events is logged as
a warning on the `marsad.export.acled` logger (stderr by default) and kept on
`AcledExporter.skipped_undated`.

Conventions (tables and sources in data/acled.yaml):

* event_date: the day when known (time_precision 1); else the middle of the
  range, time_precision 2 when the range is at most 7 days, 3 otherwise
  (month). ISO format (YYYY-MM-DD), as ACLED's API returns it.
* actor1 / actor2: the first entity of side A / side B, under the name ACLED
  gives it (`acled_name` in actors.yaml), else its English name, else Arabic;
  the notes use the English name. Further side A entities and the associated
  actors go to assoc_actor_1, further side B entities to assoc_actor_2. Civilians as a
  target are ACLED's generic "Civilians (Syria)", and so are the persons an attack
  or abduction names with no force on its other side (their names in
  assoc_actor_2); a violent event with no known initiator gets "Unidentified Armed
  Group (Syria)".
* inter1 / inter2: numeric inter codes (1-8; 0 when there is no actor 2);
  interaction: the two codes, lower first (17 = state forces vs civilians),
  or inter1 x 10 for a lone actor (ACLED's numeric interaction codes).
* fatalities: exact killed counts summed; vague tolls per `fatalities_vague`
  (tens 10, dozens 12, hundreds 100, several 3); unknown 0.
* event_id_cnty: ISO3 country prefix + a number from a stable hash of
  "<doc_id>#<event id>", so re-exports give the same ids.
* tags: ";"-separated marsad extras (modality=attempted, vague tolls, and
  marsad_event=<doc_id>#<event id> to trace a row back to its evidence).
* timestamp: Unix time of the export (ACLED: time of the last change).
"""
from __future__ import annotations

import csv
import datetime as dt
import hashlib
import logging
import re
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, TextIO
from marsad.arabic.normalize import normalize

from marsad.config import Options, load_data_yaml
from marsad.errors import DataFileError
from marsad.export.jsonexport import entity_name
from marsad.model import Casualties, DateValue, Document, Entity, Event, PlaceRef

log = logging.getLogger(__name__)

# ACLED's data columns, in ACLED's order (ACLED Codebook, data columns table).
COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)

CIVILIANS = 7
ARMED = frozenset({1, 2, 3, 4, 8})
# A relation whose head takes its ACLED actor type from its tail (a unit from its force, a member from its group).
AFFILIATIONS = ("PART_OF", "MEMBER_OF", "LEADS", "AFFILIATED_WITH")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


# --------------------------------------------------------------------------- mapping tables

@dataclass(slots=True)
class AcledTables:
    """data/acled.yaml, plus actor kinds from the knowledge base (data/actors.yaml) when present."""

    event_types: dict[str, dict[str, Any]]
    disorder_types: dict[str, str]
    inter_by_kb_id: dict[str, int]
    state_kb_prefix: str
    state_inter: dict[str, int]
    inter_by_kind: dict[str, int]
    inter_by_name_head: dict[str, int]
    inter_by_entity_type: dict[str, int]
    default_inter: int
    actor_labels: dict[str, str]
    fatalities_vague: dict[str, int]
    countries: dict[str, dict[str, Any]]
    admin_without_pcode: str | None
    unknown_country_prefix: str
    source_scale: dict[str, str]
    default_source_scale: str
    kb_kinds: dict[str, list[str]] = field(default_factory=dict)   # kb id -> its kind, then its parents' kinds
    kb_states: dict[str, str] = field(default_factory=dict)        # a state's forces -> the state's ISO3
    kb_acled_names: dict[str, str] = field(default_factory=dict)   # kb id -> the name ACLED's own data uses
    person_target_types: frozenset[str] = frozenset()   # event types whose named persons are victims

    @classmethod
    def load(cls, options: Options) -> AcledTables:
        data = load_data_yaml("acled.yaml", options)
        path = str(options.data_file("acled.yaml"))
        if not isinstance(data, dict):
            raise DataFileError(path, "expected a mapping")

        def need(key: str, kind: type) -> Any:
            if not isinstance(data.get(key), kind):
                raise DataFileError(path, f"'{key}' is missing or not a {kind.__name__}")
            return data[key]

        event_types = need("event_types", dict)
        for name, spec in event_types.items():
            if not isinstance(spec, dict) or not spec.get("event_type") or not spec.get("sub_event_type"):
                raise DataFileError(path, f"event_types.{name} needs event_type and sub_event_type")
        actors = _kb_items(options)   # read once for both tables
        return cls(
            event_types=event_types,
            disorder_types=need("disorder_types", dict),
            inter_by_kb_id={str(k): int(v) for k, v in (data.get("inter_by_kb_id") or {}).items()},
            state_kb_prefix=str(data.get("state_kb_prefix") or "country:"),
            state_inter={str(k): int(v) for k, v in (data.get("state_inter") or {"own": 1, "foreign": 8}).items()},
            inter_by_kind={str(k): int(v) for k, v in need("inter_by_kind", dict).items()},
            inter_by_name_head={normalize(str(k)): int(v) for k, v in (data.get("inter_by_name_head") or {}).items()},
            inter_by_entity_type={str(k): int(v) for k, v in need("inter_by_entity_type", dict).items()},
            default_inter=int(need("default_inter", int)),
            actor_labels=need("actor_labels", dict),
            fatalities_vague={str(k).lower(): int(v) for k, v in need("fatalities_vague", dict).items()},
            countries=need("countries", dict),
            admin_without_pcode=data.get("admin_without_pcode"),
            unknown_country_prefix=str(data.get("unknown_country_prefix") or "XXX"),
            source_scale={str(k).lower(): str(v) for k, v in (data.get("source_scale") or {}).items()},
            default_source_scale=str(data.get("default_source_scale") or "Other"),
            kb_kinds=_kb_kinds(actors),
            kb_states=_kb_states(actors),
            kb_acled_names={str(a["id"]): str(a["acled_name"]) for a in actors
                            if isinstance(a, dict) and a.get("id") and a.get("acled_name")},
            person_target_types=frozenset(data.get("person_target_types") or ()),
        )


def _kb_items(options: Options) -> list:
    if not options.data_file("actors.yaml").exists():
        return []                     # no knowledge base: codes come from acled.yaml alone
    data = load_data_yaml("actors.yaml", options)
    items = data.get("actors") if isinstance(data, dict) else data
    return items if isinstance(items, list) else []


def _kb_states(items: list) -> dict[str, str]:
    """The state whose forces an actor of kind foreign_state_force is (its `sponsors: [country:X]`):
    at home they are that state's forces, ACLED inter 1 ("قوات الأمن العراقية" in Ramadi)."""
    states = {}
    for a in items:
        if isinstance(a, dict) and a.get("kind") == "foreign_state_force":
            iso3 = next((str(s)[len("country:"):] for s in a.get("sponsors") or () if str(s).startswith("country:")), None)
            if iso3:
                states[str(a["id"])] = iso3.upper()
    return states


def _kb_kinds(items: list) -> dict[str, list[str]]:
    """Actor kinds from the knowledge base, following `parent` so a unit inherits its force's kind."""
    own: dict[str, str | None] = {}
    parent: dict[str, str | None] = {}
    for a in items:
        if isinstance(a, dict) and a.get("id"):
            own[str(a["id"])] = a.get("kind") or a.get("type")
            parent[str(a["id"])] = a.get("parent")
    chains: dict[str, list[str]] = {}
    for kb_id in own:
        chain: list[str] = []
        cur: str | None = kb_id
        seen: set[str] = set()
        while cur is not None and cur not in seen:       # `seen` guards against parent cycles
            seen.add(cur)
            if own.get(cur):
                chain.append(str(own[cur]))
            cur = parent.get(cur)
        chains[kb_id] = chain
    return chains


# --------------------------------------------------------------------------- small pure helpers

def acled_date(d: DateValue | None) -> tuple[dt.date, int] | None:
    """(event_date, time_precision), or None when the event has no date."""
    if d is None:
        return None
    if d.value is not None:
        return d.value, 1
    if d.min is not None and d.max is not None:
        days = (d.max - d.min).days + 1
        precision = 3 if d.precision == "month" or days > 7 else 2
        return d.min + (d.max - d.min) / 2, precision
    bound = d.min if d.min is not None else d.max
    if bound is not None:                           # open range: only one bound known
        return bound, 3
    return None


def interaction(inter1: int, inter2: int) -> int:
    """ACLED's numeric interaction: both codes, lower first; a lone actor is its code x 10."""
    if not inter2:
        return inter1 * 10
    lo, hi = sorted((inter1, inter2))
    return lo * 10 + hi


def stable_number(doc_id: str, event_id: str) -> int:
    """The same number for the same event in every export (12 hex digits of SHA-256)."""
    return int(hashlib.sha256(f"{doc_id}#{event_id}".encode()).hexdigest()[:12], 16)


def _day(d: dt.date) -> str:
    return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"


def _date_phrase(d: DateValue) -> str:
    if d.value is not None:
        return f"On {_day(d.value)}"
    lo, hi = d.min, d.max
    if lo is not None and hi is not None:
        if d.precision == "month" and (lo.year, lo.month) == (hi.year, hi.month):
            return f"In {_MONTHS[lo.month - 1]} {lo.year}"
        if (lo.year, lo.month) == (hi.year, hi.month):
            return f"Between {lo.day} and {_day(hi)}"
        return f"Between {_day(lo)} and {_day(hi)}"
    return f"Around {_day(lo or hi)}"  # type: ignore[arg-type]  # acled_date() ruled out both None


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _label(template: str, country: dict[str, Any] | None) -> str:
    if country:
        return template.format(country=country["country"])
    return re.sub(r"\s*\(\{country\}\)", "", template).format(country="")


# --------------------------------------------------------------------------- the exporter

class AcledExporter:
    """Turns documents into ACLED rows; counts what it leaves out and why."""

    def __init__(self, options: Options | None = None, timestamp: int | None = None):
        self.options = options or Options()
        self.tables = AcledTables.load(self.options)
        self.timestamp = int(timestamp if timestamp is not None else
                             self.options.extra.get("export_timestamp", time.time()))
        self.written = 0
        self.skipped_undated = 0
        self.skipped_not_acled = 0

    # -- actors --------------------------------------------------------------

    def inter_code(self, doc: Document, e: Entity, home_iso3: str | None = None,
                   _seen: frozenset[str] = frozenset()) -> int:
        """ACLED inter code of `e` in an event in the country `home_iso3` (order: see acled.yaml)."""
        t = self.tables
        if e.kb_id and e.kb_id in t.inter_by_kb_id:
            return t.inter_by_kb_id[e.kb_id]
        # a state's forces at home are state forces; abroad, external forces
        home = (home_iso3 or self._default_iso3() or "").upper()
        if e.kb_id and e.kb_id.startswith(t.state_kb_prefix):
            own = e.kb_id[len(t.state_kb_prefix):].upper() == home
            return t.state_inter["own" if own else "foreign"]
        if e.kb_id in t.kb_states and t.kb_states[e.kb_id] == home:
            return t.state_inter["own"]   # (named by its forces: "قوات الأمن العراقية" in Ramadi)
        for kind in t.kb_kinds.get(e.kb_id or "", []):
            if kind in t.inter_by_kind:
                return t.inter_by_kind[kind]
        for r in doc.relations:
            if r.type in AFFILIATIONS and r.head == e.id and r.tail not in _seen and r.tail != e.id:
                tail = doc.entity(r.tail)
                if tail is not None and tail.type != "LOCATION":
                    return self.inter_code(doc, tail, home_iso3, _seen | {e.id})
        head = normalize(e.name_ar.split()[0]) if e.name_ar and not e.kb_id else None
        if head in t.inter_by_name_head:
            return t.inter_by_name_head[head]
        return t.inter_by_entity_type.get(e.type, t.default_inter)

    @staticmethod
    def _entities(doc: Document, ids: list[str]) -> list[Entity]:
        """Entities by id, skipping dangling ids and places (a place is not an actor)."""
        out: list[Entity] = []
        for i in dict.fromkeys(ids):          # each id once, in order
            e = doc.entity(i)
            if e is not None and e.type != "LOCATION":
                out.append(e)
        return out

    # -- geography and sources ----------------------------------------------------

    @cached_property
    def gazetteer(self):
        from marsad.resolve.places import Gazetteer
        return Gazetteer.load(self.options)

    def _default_iso3(self) -> str | None:
        home = self.tables.countries.get(self.tables.admin_without_pcode or "")
        return home["iso3"] if home else None

    def country(self, p: PlaceRef | None) -> dict[str, Any] | None:
        """The event's country: from P-codes, a "country:<iso3>" place id, or the gazetteer's country."""
        if p is None:
            return None
        t = self.tables
        kb = p.kb_id or ""
        for code in (p.admin1_pcode, p.admin2_pcode, p.admin3_pcode, kb[5:] if kb.startswith("ocha:") else None):
            if code and code[:2].upper() in t.countries:
                return t.countries[code[:2].upper()]
        if kb.startswith(t.state_kb_prefix):
            iso3 = kb[len(t.state_kb_prefix):].upper()
            return next((c for c in t.countries.values() if c["iso3"] == iso3), None)
        rec = self.gazetteer.get(kb) if kb else None
        if rec is not None and rec.country and rec.country != t.countries.get(t.admin_without_pcode, {}).get("iso3"):
            # a town abroad ("بعقوبة", "عرسال"): its own country, or none ACLED's table knows
            return next((c for c in t.countries.values() if c["iso3"] == rec.country), None)
        if (p.admin1 or p.admin2 or p.admin3 or kb) and t.admin_without_pcode in t.countries:
            return t.countries[t.admin_without_pcode]
        return None

    def place_columns(self, p: PlaceRef | None) -> dict[str, Any]:
        """iso, region, country, admin1-3, location, latitude, longitude, geo_precision."""
        country = self.country(p)
        return {
            "iso": country["iso"] if country else "",
            "region": country["region"] if country else "",
            "country": country["country"] if country else "",
            "admin1": (p.admin1 or "") if p else "",
            "admin2": (p.admin2 or "") if p else "",
            "admin3": (p.admin3 or "") if p else "",
            "location": (p.name_en or p.name_ar or "") if p else "",
            "latitude": f"{p.lat:.4f}" if p and p.lat is not None else "",
            "longitude": f"{p.lon:.4f}" if p and p.lon is not None else "",
            "geo_precision": p.geo_precision if p and p.geo_precision is not None else "",
        }

    def source_scale(self, doc: Document) -> str:
        m, t = doc.meta, self.tables
        for key in (m.outlet_id, m.outlet, m.outlet_ar):
            if key and key.strip().lower() in t.source_scale:
                return t.source_scale[key.strip().lower()]
        return t.default_source_scale

    def fatalities(self, c: Casualties) -> tuple[int, list[str]]:
        """(number for the fatalities column, vague words used)."""
        total, vague = 0, []
        for k in c.killed:
            if k.count is not None:
                total += k.count
            elif k.vague:
                total += self.tables.fatalities_vague.get(k.vague.strip().lower(), 0)
                vague.append(k.vague)
        return total, vague

    @staticmethod
    def _cue_text(doc: Document, ev: Event) -> str:
        return " ".join(s.of(doc.text) for s in (ev.trigger, *ev.evidence))

    # -- rows -----------------------------------------------------------------

    def row(self, doc: Document, ev: Event) -> dict[str, Any] | None:
        """The ACLED row for `ev`, or None when ACLED would not record it (counted)."""
        t = self.tables
        spec = t.event_types.get(ev.type)
        if spec is None or not ev.is_acled:
            self.skipped_not_acled += 1
            return None
        date = ev.date
        when = acled_date(date)
        if when is None or date is None:
            self.skipped_undated += 1
            return None
        event_date, precision = when
        country = self.country(ev.place)
        home = country["iso3"] if country else None

        side_a = self._entities(doc, ev.side_a)
        side_b = self._entities(doc, ev.side_b)
        named = {e.id for e in side_a + side_b}
        assoc = [e for e in self._entities(doc, ev.associated) if e.id not in named]
        # the persons an attack or an abduction names are its victims: with no force on its other
        # side, civilians, as ACLED codes a named person nobody says was a fighter
        victims = [e for e in assoc if e.type == "PERSON"] if ev.type in t.person_target_types else []
        assoc = [e for e in assoc if e not in victims]

        def name(e: Entity) -> str:
            """The reader's name, for the notes."""
            return entity_name(e) or e.id

        def actor(e: Entity) -> str:
            """The actor columns' name: ACLED's own for the actors it records, so rows join its data
            ("Islamic State ({country})" names the country of the event)."""
            known = t.kb_acled_names.get(e.kb_id or "")
            return _label(known, country) if known else name(e)

        # actor 1: the initiator, or ACLED's generic actor for the type
        assoc1 = [actor(e) for e in side_a[1:] + assoc]
        if spec.get("actor1_label"):
            actor1 = _label(spec["actor1_label"], country)
            inter1 = int(spec.get("inter1", t.default_inter))
            assoc1 = [actor(e) for e in side_a + assoc]
            note_a = _join([name(e) for e in side_a]) if side_a else actor1
        elif side_a:
            actor1, inter1 = actor(side_a[0]), self.inter_code(doc, side_a[0], home)
            note_a = _join([name(e) for e in side_a])
        else:
            actor1, inter1 = _label(t.actor_labels["unidentified"], country), t.default_inter
            note_a = "an unidentified armed group"

        # actor 2: the target / counterpart; civilians under ACLED's generic name
        civilians = _label(t.actor_labels["civilians"], country)
        assoc2 = [actor(e) for e in side_b[1:]]
        note_b: str | None = _join([name(e) for e in side_b]) if side_b else None
        if victims and not side_b:
            actor2, inter2, assoc2, note_b = civilians, CIVILIANS, [name(e) for e in victims], _join(
                [name(e) for e in victims])
        elif side_b:
            assoc2 += [name(e) for e in victims]
            inter2 = self.inter_code(doc, side_b[0], home)
            actor2 = civilians if inter2 == CIVILIANS else actor(side_b[0])
        elif ev.casualties.killed + ev.casualties.injured and all(
                c.side == "civilian" for c in ev.casualties.killed + ev.casualties.injured):
            actor2, inter2, note_b = civilians, CIVILIANS, "civilians"
        else:
            actor2, inter2 = "", 0

        # event type, refined by the target and by textual cues
        chosen = {"event_type": spec["event_type"], "sub_event_type": spec["sub_event_type"]}
        if inter2 == CIVILIANS and spec.get("civilian_target"):
            chosen = dict(spec["civilian_target"])
        elif inter2 in ARMED and spec.get("armed_target"):
            chosen = dict(spec["armed_target"])
        if spec.get("cues"):
            text = self._cue_text(doc, ev)
            for cue in spec["cues"]:
                if any(w in text for w in cue.get("words", [])):
                    chosen["sub_event_type"] = cue["sub_event_type"]
                    break
        deaths, vague = self.fatalities(ev.casualties)
        if deaths and spec.get("fatal"):
            # [CB] excessive force: the force that broke the protest up is actor 1, the protesters actor 2
            chosen = {k: spec["fatal"][k] for k in ("event_type", "sub_event_type")}
            spec = {**spec, "notes": spec["fatal"].get("notes", spec.get("notes"))}
            protesters, protesters_inter = actor1, inter1
            if side_b:
                actor1, inter1, note_a = actor(side_b[0]), inter2, note_b or name(side_b[0])
            else:
                actor1, inter1 = _label(t.actor_labels["unidentified"], country), t.default_inter
                note_a = "an unidentified armed group"
            actor2, inter2, note_b, assoc2 = protesters, protesters_inter, "protesters", []
        disorder = t.disorder_types.get(chosen["event_type"], "")
        civilian_targeting = ("Civilian targeting"
                              if inter2 == CIVILIANS and disorder == "Political violence" else "")

        p = ev.place
        iso3 = country["iso3"] if country else t.unknown_country_prefix
        tags = []
        if ev.modality != "asserted":
            tags.append(f"modality={ev.modality}")
        tags += [f"fatalities_vague={v}" for v in vague]
        if ev.review is not None:
            tags.append(f"reviewed={ev.review.status} by {ev.review.by}")
        tags.append(f"marsad_event={doc.doc_id}#{ev.id}")

        return {
            "event_id_cnty": f"{iso3}{stable_number(doc.doc_id, ev.id)}",
            "event_date": event_date.isoformat(),
            "year": event_date.year,
            "time_precision": precision,
            "disorder_type": disorder,
            "event_type": chosen["event_type"],
            "sub_event_type": chosen["sub_event_type"],
            "actor1": actor1,
            "assoc_actor_1": "; ".join(assoc1),
            "inter1": inter1,
            "actor2": actor2,
            "assoc_actor_2": "; ".join(assoc2),
            "inter2": inter2,
            "interaction": interaction(inter1, inter2),
            "civilian_targeting": civilian_targeting,
            **self.place_columns(p),
            "source": doc.meta.outlet or doc.meta.outlet_ar or "",
            "source_scale": self.source_scale(doc),
            "notes": self.notes(ev, date, spec, note_a, note_b),
            "fatalities": deaths,
            "tags": "; ".join(tags),
            "timestamp": self.timestamp,
        }

    def notes(self, ev: Event, date: DateValue, spec: dict[str, Any], actor1: str, actor2: str | None) -> str:
        """"On <date>, <actor1> <verb> <actor2> in <location>. [<n> killed.] [<n> injured.]" """
        phrases = spec.get("notes") or {}
        attempted = ev.modality == "attempted"
        key = ("tried" if attempted else "did") if actor2 else ("tried_alone" if attempted else "alone")
        fallback = "did" if actor2 else "alone"
        template = phrases.get(key) or phrases.get(fallback) or "{a} took part in an event"
        sentence = template.format(a=actor1, b=actor2 or "")
        if attempted and key not in phrases:
            sentence += " (attempted)"
        p = ev.place
        where = ""
        if p is not None and (p.name_en or p.name_ar):
            where = f" in {p.name_en or p.name_ar}"
            if p.admin1 and p.admin1 != (p.name_en or p.name_ar):
                where += f" ({p.admin1})"
        out = f"{_date_phrase(date)}, {sentence}{where}."
        for what, items, total in (("killed", ev.casualties.killed, ev.casualties.killed_total),
                                   ("injured", ev.casualties.injured, ev.casualties.injured_total)):
            if total is not None:
                civilians = [i.count for i in items if i.side == "civilian"]
                among = (f", {sum(civilians)} of them civilians"
                         if civilians and None not in civilians and sum(civilians) < total else "")
                civ_only = " civilians" if civilians and sum(c or 0 for c in civilians) == total else ""
                out += f" {total}{civ_only} {what}{among}."
            elif items:
                words = sorted({i.vague for i in items if i.vague})
                said = f" (reported as {', '.join(repr(w) for w in words)})" if words else ""
                out += f" An unknown number {what}{said}."
        return out

    def rows(self, docs: Iterable[Document]) -> Iterator[dict[str, Any]]:
        for _, row in self.coded(docs):
            yield row

    def coded(self, docs: Iterable[Document]) -> Iterator[tuple[str, dict[str, Any]]]:
        """("doc_id#event_id", row) for every event ACLED would record."""
        for doc in docs:
            for ev in doc.events:
                row = self.row(doc, ev)
                if row is not None:
                    yield f"{doc.doc_id}#{ev.id}", row


    def write(self, docs: Iterable[Document], out: TextIO) -> int:
        """Header, then one row per ACLED event; returns the number of rows written."""
        # "\n" line ends whatever the platform: the caller may have opened `out` in text mode
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(COLUMNS)
        for row in self.rows(docs):
            writer.writerow([row[c] for c in COLUMNS])
            self.written += 1
        if self.skipped_undated:
            log.warning("acled-csv: %d event(s) without a date were left out (ACLED requires an event date)",
                        self.skipped_undated)
        return self.written


def write(docs: Iterable[Document], out: TextIO, options: Options | None = None) -> int:
    """Write the ACLED CSV (header + one row per ACLED event); returns the number of rows."""
    return AcledExporter(options).write(docs, out)
