"""What the workbench shows, as plain JSON-ready dicts: the pages render them, the API returns them.

A `Snapshot` is the reviewed corpus in memory (documents with the analysts' values, event rows,
actors, incidents). It is rebuilt only when the database changes (a new document, incident or
review): a cheap version query decides, so pages stay fast without going stale.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import threading
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from marsad.config import Options
from marsad.model import DateValue, Document, Event, Incident, IncidentMember, PlaceRef
from marsad.review.audit import ReviewedIncidents, ReviewLog, ReviewRecord, apply_incident_records, event_key
from marsad.store import schema as S
from marsad.store.db import Store

if TYPE_CHECKING:
    from marsad.merge.records import RecordBuilder

ACTOR_TYPES = ("PERSON", "ARMED_GROUP", "STATE", "ORGANIZATION", "MEDIA")
SORT_KEYS = ("date", "type", "place", "outlet", "killed", "injured", "status")
EVENT_CSV_COLUMNS = ("key", "doc_id", "event_id", "type", "modality", "date_min", "date_max", "place",
                     "place_ar", "admin1", "lat", "lon", "side_a", "side_b", "actors", "killed", "injured",
                     "outlet", "published", "incident", "review_status", "reviewed_by", "reviewed_at",
                     "reviewed_fields")


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def date_label(d: DateValue | None) -> str:
    if d is None or d.min is None or d.max is None:
        return ""
    return d.min.isoformat() if d.min == d.max else f"{d.min.isoformat()} – {d.max.isoformat()}"


def place_json(p: PlaceRef | None) -> dict[str, Any] | None:
    if p is None:
        return None
    return {"name": p.name_en or p.name_ar, "name_ar": p.name_ar, "lat": p.lat, "lon": p.lon,
            "admin1": p.admin1, "admin2": p.admin2, "admin3": p.admin3, "entity_id": p.entity_id,
            "kb_id": p.kb_id, "geo_precision": p.geo_precision}


def _entity_ref(doc: Document, eid: str) -> dict[str, Any]:
    e = doc.entity(eid)
    if e is None:
        return {"id": eid, "entity_id": eid, "name": eid, "name_ar": None, "type": None}
    return {"id": e.stable_id, "entity_id": e.id, "name": e.name_en or e.name_ar, "name_ar": e.name_ar,
            "type": e.type}


def evidence_texts(doc: Document, ev: Event) -> list[str]:
    return [s.of(doc.text) for s in (ev.evidence or [ev.trigger])]


@dataclass(slots=True)
class Snapshot:
    docs: dict[str, Document]
    events: list[dict[str, Any]]
    actors: dict[str, dict[str, Any]]
    incidents: ReviewedIncidents
    records: list[ReviewRecord]
    incident_of: dict[str, str] = field(default_factory=dict)   # event key -> incident id


class Workbench:
    """The read side of the web application over one store."""

    def __init__(self, store: Store, options: Options | None = None):
        self.store = store
        self.options = options or Options.load()
        self.log = ReviewLog(store.engine)
        self._builder: RecordBuilder | None = None      # marsad.merge's, loaded when a review changes an incident
        self._lock = threading.Lock()
        self._snapshot: Snapshot | None = None
        self._version: tuple | None = None

    # -- the snapshot ----------------------------------------------------------

    def _record_builder(self) -> RecordBuilder:
        if self._builder is None:       # the knowledge base and gazetteer: loaded once, when first needed
            from marsad.merge.records import RecordBuilder
            self._builder = RecordBuilder(self.options)
        return self._builder

    def _db_version(self) -> tuple:
        D, I, R = S.documents, S.incidents, S.reviews
        with self.store.engine.connect() as conn:
            docs = tuple(conn.execute(sa.select(sa.func.count(), sa.func.max(D.c.id))).one())
            incs = tuple(conn.execute(sa.select(sa.func.count(), sa.func.max(I.c.updated_at))).one())
            revs = tuple(conn.execute(sa.select(sa.func.count(), sa.func.max(R.c.id))).one())
        return docs, incs, revs

    def snapshot(self) -> Snapshot:
        version = self._db_version()
        with self._lock:
            if self._snapshot is None or version != self._version:
                self._snapshot = self._build()
                self._version = version
            return self._snapshot

    def invalidate(self) -> None:
        with self._lock:
            self._snapshot = None

    def _build(self) -> Snapshot:
        records = self.log.records()
        docs = {d.doc_id: d for d in self.log.apply_documents(self.store.iter_documents(), records=records)}
        reviewed = apply_incident_records(self.store.iter_incidents(), records, docs.get, self._record_builder,
                                          self.options)
        incident_of = {m.key: inc.id for inc in reviewed.incidents for m in inc.members}
        events = [self._event_row(doc, ev, incident_of) for doc in docs.values() for ev in doc.events]
        return Snapshot(docs=docs, events=events, actors=_actors(docs.values()), incidents=reviewed,
                        records=records, incident_of=incident_of)

    @staticmethod
    def _event_row(doc: Document, ev: Event, incident_of: dict[str, str]) -> dict[str, Any]:
        d, p, r = ev.date, ev.place, ev.review
        key = event_key(doc.doc_id, ev.id)
        return {
            "key": key, "doc_id": doc.doc_id, "event_id": ev.id, "type": ev.type, "modality": ev.modality,
            "acled": ev.is_acled,
            "date_min": _iso(d.min) if d else None, "date_max": _iso(d.max) if d else None,
            "date": date_label(d),
            "place": (p.name_en or p.name_ar) if p else None, "place_ar": p.name_ar if p else None,
            "admin1": p.admin1 if p else None,
            "lat": p.lat if p else None, "lon": p.lon if p else None,
            "side_a": [_entity_ref(doc, e) for e in ev.side_a],
            "side_b": [_entity_ref(doc, e) for e in ev.side_b],
            "actors": [_entity_ref(doc, e) for e in ev.actors],
            "killed": ev.casualties.killed_total, "injured": ev.casualties.injured_total,
            "outlet": doc.meta.outlet or doc.meta.outlet_ar,
            "published": _iso(doc.meta.published.value) if doc.meta.published else None,
            "trigger": ev.trigger.of(doc.text),
            "incident": incident_of.get(key),
            "review": r.to_json() if r else None,
            "status": r.status if r else "unreviewed",
        }

    # -- overview --------------------------------------------------------------

    def overview(self) -> dict[str, Any]:
        snap = self.snapshot()
        statuses = Counter(e["status"] for e in snap.events)
        incidents = sorted(snap.incidents.incidents, key=lambda i: (i.date.max if i.date and i.date.max
                                                                     else dt.date.min), reverse=True)
        return {
            "counts": {"documents": len(snap.docs), "events": len(snap.events),
                       "actors": len(snap.actors), "incidents": len(snap.incidents.incidents),
                       "reviews": len(snap.records)},
            "review_status": dict(statuses),
            "event_types": dict(Counter(e["type"] for e in snap.events).most_common()),
            "outlets": dict(Counter(d.meta.outlet or d.meta.outlet_ar or "unknown"
                                    for d in snap.docs.values()).most_common()),
            "latest_incidents": [self._incident_summary(i, snap) for i in incidents[:10]],
            "latest_events": sorted((e for e in snap.events if e["date_max"]),
                                    key=lambda e: e["date_max"], reverse=True)[:10],
        }

    # -- documents -------------------------------------------------------------

    def documents(self) -> list[dict[str, Any]]:
        snap = self.snapshot()
        return [{"doc_id": d.doc_id, "title": d.meta.title, "outlet": d.meta.outlet or d.meta.outlet_ar,
                 "published": _iso(d.meta.published.value) if d.meta.published else None,
                 "chars": len(d.text), "entities": len(d.entities), "events": len(d.events),
                 "first_line": d.text.strip().split("\n", 1)[0][:160]}
                for d in snap.docs.values()]

    def document(self, doc_id: str) -> Document | None:
        return self.snapshot().docs.get(doc_id)

    # -- events ----------------------------------------------------------------

    def events(self, *, type: str | None = None, actor: str | None = None, place: str | None = None,
               date_from: str | None = None, date_to: str | None = None, outlet: str | None = None,
               status: str | None = None, modality: str | None = None, sort: str = "date",
               descending: bool = False) -> list[dict[str, Any]]:
        """Event rows matching every given filter (dates: the event's range overlaps [from, to])."""
        snap = self.snapshot()
        rows = snap.events

        def has(hay: Iterable[str | None], needle: str) -> bool:
            n = needle.casefold()
            return any(h and n in h.casefold() for h in hay)

        if type:
            rows = [r for r in rows if r["type"] == type]
        if modality:
            rows = [r for r in rows if r["modality"] == modality]
        if actor in snap.actors:          # a stable id: that actor only ("iran" is not "Iran-backed militias")
            rows = [r for r in rows if any(a["id"] == actor for a in r["actors"])]
        elif actor:
            rows = [r for r in rows if has((x for a in r["actors"] for x in (a["name"], a["name_ar"])), actor)]
        if place:
            rows = [r for r in rows if has((r["place"], r["place_ar"], r["admin1"]), place)]
        if outlet:
            rows = [r for r in rows if has((r["outlet"],), outlet)]
        if status:
            rows = [r for r in rows if r["status"] == status or (status == "reviewed" and r["review"])]
        if date_from:
            rows = [r for r in rows if r["date_max"] and r["date_max"] >= date_from]
        if date_to:
            rows = [r for r in rows if r["date_min"] and r["date_min"] <= date_to]
        key = {"date": lambda r: (r["date_min"] or "", r["key"]), "type": lambda r: (r["type"], r["key"]),
               "place": lambda r: (r["place"] or "", r["key"]), "outlet": lambda r: (r["outlet"] or "", r["key"]),
               "killed": lambda r: (r["killed"] if r["killed"] is not None else -1, r["key"]),
               "injured": lambda r: (r["injured"] if r["injured"] is not None else -1, r["key"]),
               "status": lambda r: (r["status"], r["key"])}.get(sort, lambda r: (r["date_min"] or "", r["key"]))
        return sorted(rows, key=key, reverse=descending)

    @staticmethod
    def events_csv(rows: list[dict[str, Any]]) -> str:
        out = io.StringIO()
        w = csv.writer(out, lineterminator="\n")
        w.writerow(EVENT_CSV_COLUMNS)
        names = lambda refs: "; ".join(a["name"] for a in refs)  # noqa: E731
        for r in rows:
            rv = r["review"] or {}
            w.writerow([r["key"], r["doc_id"], r["event_id"], r["type"], r["modality"], r["date_min"] or "",
                        r["date_max"] or "", r["place"] or "", r["place_ar"] or "", r["admin1"] or "",
                        "" if r["lat"] is None else r["lat"], "" if r["lon"] is None else r["lon"],
                        names(r["side_a"]), names(r["side_b"]), names(r["actors"]),
                        "" if r["killed"] is None else r["killed"], "" if r["injured"] is None else r["injured"],
                        r["outlet"] or "", r["published"] or "", r["incident"] or "", r["status"],
                        rv.get("by", ""), rv.get("at", ""), ";".join(rv.get("fields", []))])
        return out.getvalue()

    def event(self, doc_id: str, event_id: str) -> tuple[Document, Event, dict[str, Any]] | None:
        snap = self.snapshot()
        doc = snap.docs.get(doc_id)
        ev = next((e for e in doc.events if e.id == event_id), None) if doc else None
        if doc is None or ev is None:
            return None
        row = self._event_row(doc, ev, snap.incident_of)
        key = event_key(doc_id, event_id)
        row["evidence"] = evidence_texts(doc, ev)
        row["history"] = [r.to_json() for r in snap.records if r.target_kind == "event" and r.target == key]
        row["attribution"] = ev.attribution
        row["confidence"] = ev.confidence
        return doc, ev, row

    # -- incidents -------------------------------------------------------------

    def _incident_summary(self, inc: Incident, snap: Snapshot) -> dict[str, Any]:
        return {"id": inc.id, "type": inc.type, "date": date_label(inc.date),
                "date_min": _iso(inc.date.min) if inc.date else None,
                "date_max": _iso(inc.date.max) if inc.date else None,
                "place": place_json(inc.place), "actors": [self.actor_name(a, snap) for a in inc.actors],
                "fatalities": inc.fatalities, "fatalities_max": inc.fatalities_max,
                "injured": inc.injured, "injured_max": inc.injured_max,
                "sources": len(inc.sources), "corroboration": inc.corroboration,
                "outlets": sorted({m.outlet or m.doc_id for m in inc.members}),
                "conflicts": [c.field for c in inc.conflicts],
                "reviewed": inc.id in snap.incidents.changed_by}

    def incidents(self, min_sources: int = 1) -> list[dict[str, Any]]:
        snap = self.snapshot()
        return [self._incident_summary(i, snap) for i in sorted(
            snap.incidents.incidents, key=lambda i: (i.date.min if i.date and i.date.min else dt.date.min, i.id))
            if len(i.sources) >= min_sources]

    def incident(self, incident_id: str) -> dict[str, Any] | None:
        snap = self.snapshot()
        inc = next((i for i in snap.incidents.incidents if i.id == incident_id), None)
        if inc is None:
            return None
        in_conflict: dict[str, dict[str, str]] = defaultdict(dict)   # member key -> field -> value
        for c in inc.conflicts:
            for v in c.values:
                for key in v.sources:
                    in_conflict[key][c.field] = v.value
        out = self._incident_summary(inc, snap)
        out["conflicts"] = [c.to_json() for c in inc.conflicts]
        out["members"] = [self._member(m, snap, in_conflict.get(m.key, {})) for m in inc.members]
        out["history"] = [r.to_json() for r in snap.incidents.changed_by.get(inc.id, [])]
        out["others"] = [{"id": i.id, "label": f"{i.id} · {i.type} · {date_label(i.date)}"}
                         for i in snap.incidents.incidents if i.id != inc.id]
        return out

    def _member(self, m: IncidentMember, snap: Snapshot, conflicts: dict[str, str]) -> dict[str, Any]:
        doc = snap.docs.get(m.doc_id)
        ev = next((e for e in doc.events if e.id == m.event_id), None) if doc else None
        mark = snap.incidents.marks.get(m.key)
        return {"key": m.key, "doc_id": m.doc_id, "event_id": m.event_id, "type": m.type, "modality": m.modality,
                "outlet": m.outlet, "published": date_label(m.published), "date": date_label(m.date),
                "place": place_json(m.place), "actors": [self.actor_name(a, snap) for a in m.actors],
                "killed": m.killed, "injured": m.injured, "duplicate_of": m.duplicate_of, "score": m.score,
                "evidence": evidence_texts(doc, ev) if doc and ev else [],
                "conflicts": conflicts, "review": mark.to_json() if mark else None}

    @staticmethod
    def actor_name(stable_id: str, snap: Snapshot) -> dict[str, Any]:
        a = snap.actors.get(stable_id)
        return {"id": stable_id, "name": a["name"] if a else stable_id, "known": a is not None}

    # -- timeline and map ------------------------------------------------------

    def timeline(self) -> dict[str, Any]:
        snap = self.snapshot()
        dated = sorted((e for e in snap.events if e["date_min"]), key=lambda e: (e["date_min"], e["key"]))
        days: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for e in dated:
            days[e["date_min"]].append(e)
        return {"start": dated[0]["date_min"] if dated else None,
                "end": max(e["date_max"] for e in dated) if dated else None,
                "days": [{"day": d, "events": evs} for d, evs in days.items()],
                "undated": sum(1 for e in snap.events if not e["date_min"]),
                "incidents": [s for s in self.incidents() if s["date_min"]]}

    def map_features(self, **filters: Any) -> dict[str, Any]:
        feats = [{"type": "Feature", "id": r["key"], "geometry": {"type": "Point", "coordinates": [r["lon"], r["lat"]]},
                  "properties": {k: r[k] for k in ("key", "doc_id", "event_id", "type", "modality", "date", "place",
                                                     "outlet", "killed", "injured", "status", "incident")}}
                 for r in self.events(**filters) if r["lat"] is not None and r["lon"] is not None]
        return {"type": "FeatureCollection", "features": feats}

    # -- actors ----------------------------------------------------------------

    def actors(self) -> list[dict[str, Any]]:
        snap = self.snapshot()
        counts = Counter(a["id"] for e in snap.events for a in e["actors"])
        return sorted(({k: v for k, v in a.items() if k in ("id", "name", "name_ar", "type", "kb_id")}
                       | {"documents": len(a["documents"]), "events": counts.get(a["id"], 0),
                          "aliases": len(a["aliases"])} for a in snap.actors.values()),
                      key=lambda a: (-a["events"], a["name"]))

    def actor(self, stable_id: str) -> dict[str, Any] | None:
        snap = self.snapshot()
        a = snap.actors.get(stable_id)
        if a is None:
            return None
        events = [e for e in snap.events if any(x["id"] == stable_id for x in e["actors"])]
        claims: dict[tuple, dict[str, Any]] = {}
        for r in a["relations"]:
            k = (r["type"], r["direction"], r["other"])
            c = claims.setdefault(k, {"type": r["type"], "direction": r["direction"], "other": r["other"],
                                      "other_name": r["other_name"], "sources": []})
            c["sources"].append({"doc_id": r["doc_id"], "outlet": r["outlet"], "evidence": r["evidence"]})
        months = Counter((e["date_min"] or "")[:7] for e in events if e["date_min"])
        return {**{k: a[k] for k in ("id", "name", "name_ar", "type", "kb_id")},
                "aliases": [{"alias": k, "mentions": v} for k, v in a["aliases"].most_common()],
                "documents": sorted(a["documents"]),
                "claims": list(claims.values()),
                "events": sorted(events, key=lambda e: e["date_min"] or "9999"),
                "events_by_month": dict(sorted(months.items()))}

    def network(self, center: str | None = None) -> dict[str, Any]:
        """Actors as nodes; edges for events they share (same side: with, opposite sides: against) and
        for relations a source claims. With `center`, only the actor and its neighbours."""
        snap = self.snapshot()
        edges: dict[tuple, dict[str, Any]] = {}

        def add(a: str, b: str, kind: str, source: str) -> None:
            if a == b or a not in snap.actors or b not in snap.actors:
                return
            # shared events have no direction; a claimed relation goes from the subordinate to its superior
            x, y = sorted((a, b)) if kind in ("with", "against") else (a, b)
            e = edges.setdefault((x, y, kind), {"source": x, "target": y, "kind": kind, "weight": 0, "evidence": []})
            e["weight"] += 1
            if source not in e["evidence"]:
                e["evidence"].append(source)

        for e in snap.events:
            sa_, sb = [x["id"] for x in e["side_a"]], [x["id"] for x in e["side_b"]]
            for side in (sa_, sb):
                for i, x in enumerate(side):
                    for y in side[i + 1:]:
                        add(x, y, "with", e["key"])
            for x in sa_:
                for y in sb:
                    add(x, y, "against", e["key"])
        for a in snap.actors.values():
            for r in a["relations"]:
                if r["direction"] == "out":
                    add(a["id"], r["other"], r["type"], r["doc_id"])
        links = list(edges.values())
        if center:
            links = [e for e in links if center in (e["source"], e["target"])]
        ids = {x for e in links for x in (e["source"], e["target"])} | ({center} if center in snap.actors else set())
        counts = Counter(a["id"] for e in snap.events for a in e["actors"])
        nodes = [{"id": i, "name": snap.actors[i]["name"], "type": snap.actors[i]["type"],
                  "events": counts.get(i, 0)} for i in sorted(ids)]
        return {"nodes": nodes, "links": links}

    # -- reviews ---------------------------------------------------------------

    def reviews(self) -> list[dict[str, Any]]:
        return [r.to_json() for r in reversed(self.snapshot().records)]


def _actors(docs: Iterable[Document]) -> dict[str, dict[str, Any]]:
    """Actors across documents by stable id: names, aliases as written, and the relations each source claims."""
    out: dict[str, dict[str, Any]] = {}
    for doc in docs:
        by_id = {e.id: e for e in doc.entities}
        for e in doc.entities:
            if e.type not in ACTOR_TYPES:
                continue
            a = out.setdefault(e.stable_id, {"id": e.stable_id, "name": e.name_en or e.name_ar,
                                             "name_ar": e.name_ar, "type": e.type, "kb_id": e.kb_id,
                                             "aliases": Counter(), "documents": set(), "relations": []})
            a["documents"].add(doc.doc_id)
            for m in e.mentions:
                if not doc.in_boilerplate(m.span):
                    a["aliases"][m.text] += 1
        for r in doc.relations:
            head, tail = by_id.get(r.head), by_id.get(r.tail)
            if head is None or tail is None:
                continue
            common = {"type": r.type, "doc_id": doc.doc_id, "outlet": doc.meta.outlet or doc.meta.outlet_ar,
                      "evidence": r.evidence.of(doc.text)}
            if head.stable_id in out:
                out[head.stable_id]["relations"].append(
                    {**common, "direction": "out", "other": tail.stable_id, "other_name": tail.name_en or tail.name_ar})
            if tail.stable_id in out:
                out[tail.stable_id]["relations"].append(
                    {**common, "direction": "in", "other": head.stable_id, "other_name": head.name_en or head.name_ar})
    return out


def admin1_labels(options: Options) -> dict[str, Any]:
    """Syria's governorates as points (the mean of their GeoNames places) with OCHA names and P-codes.

    No boundary polygons ship with marsad; these labels give the offline map its bearings.
    """
    geo = options.data_file("geo")
    places: dict[str, list[tuple[float, float]]] = defaultdict(list)
    with open(geo / "geonames_syr.tsv", encoding="utf-8") as f:
        rows = csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t")
        for r in rows:
            places[r["admin1code"]].append((float(r["lat"]), float(r["lon"])))
    feats = []
    with open(geo / "ocha_syr_adm1.tsv", encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            pts = places.get(r["geonames_admin1"])
            if not pts:
                continue
            lat, lon = sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts)
            feats.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [round(lon, 4), round(lat, 4)]},
                          "properties": {"pcode": r["adm1_pcode"], "name": r["adm1_name_en"],
                                         "name_ar": r["adm1_name_ar"]}})
    return {"type": "FeatureCollection", "features": feats}


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)
