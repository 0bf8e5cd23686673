"""The review trail: record analysts' decisions and apply them to what the store returns."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from marsad.config import Options
from marsad.errors import ReviewError
from marsad.model import (
    EVENT_TYPES,
    Casualties,
    DateValue,
    Document,
    Event,
    Incident,
    PlaceRef,
    ReviewMark,
    SideCasualties,
)
from marsad.store import schema as S

if TYPE_CHECKING:
    from marsad.merge.records import RecordBuilder
    from marsad.store.db import Store

EDITABLE_FIELDS = ("type", "date", "place", "side_a", "side_b", "killed", "injured")
EVENT_ACTIONS = {"accept": "accepted", "edit": "edited", "reject": "rejected"}
INCIDENT_ACTIONS = ("merge", "split")


@dataclass(slots=True)
class ReviewRecord:
    id: int
    target_kind: str          # "event" | "incident"
    target: str               # "<doc_id>#<event id>" or an incident id
    action: str
    before: dict[str, Any]
    after: dict[str, Any]
    username: str
    at: dt.datetime
    note: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "target_kind": self.target_kind, "target": self.target, "action": self.action,
                "before": self.before, "after": self.after, "by": self.username, "at": self.at.isoformat(),
                "note": self.note}


def event_key(doc_id: str, event_id: str) -> str:
    return f"{doc_id}#{event_id}"


# --------------------------------------------------------------------------- event values as analysts edit them

def _place_json(p: PlaceRef | None) -> dict[str, Any] | None:
    if p is None:
        return None
    return {"entity_id": p.entity_id, "name_ar": p.name_ar, "name_en": p.name_en, "lat": p.lat, "lon": p.lon,
            "admin1": p.admin1, "admin2": p.admin2, "admin3": p.admin3, "admin1_pcode": p.admin1_pcode,
            "admin2_pcode": p.admin2_pcode, "admin3_pcode": p.admin3_pcode,
            "geo_precision": p.geo_precision, "kb_id": p.kb_id}


def event_values(ev: Event) -> dict[str, Any]:
    """The editable values of an event, as JSON: what a review's before/after hold."""
    d = ev.date
    return {
        "type": ev.type,
        "date": ({"min": d.min.isoformat(), "max": d.max.isoformat()} if d and d.min and d.max else None),
        "place": _place_json(ev.place),
        "side_a": list(ev.side_a),
        "side_b": list(ev.side_b),
        "killed": ev.casualties.killed_total,
        "injured": ev.casualties.injured_total,
    }


def _parse_day(value: Any, what: str) -> dt.date:
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise ReviewError(f"{what} {value!r} is not a day (YYYY-MM-DD)") from None


def _count(value: Any, what: str) -> int | None:
    if value is None or value == "":
        return None
    try:
        n = int(value)
    except (TypeError, ValueError):
        raise ReviewError(f"{what} must be a whole number or empty, not {value!r}") from None
    if n < 0:
        raise ReviewError(f"{what} cannot be negative ({n})")
    return n


def place_for_entity(doc: Document, entity_id: str) -> PlaceRef:
    """The place an analyst picked among the document's places, with the admin codes an event there has."""
    ent = doc.entity(entity_id)
    if ent is None or ent.type != "LOCATION":
        raise ReviewError(f"{entity_id!r} is not a place named in document {doc.doc_id!r}; "
                          "choose one of the document's places")
    for ev in doc.events:
        if ev.place is not None and ev.place.entity_id == entity_id:
            return replace(ev.place, span=None)
    return PlaceRef(entity_id=ent.id, name_ar=ent.name_ar, name_en=ent.name_en, lat=ent.lat, lon=ent.lon,
                    kb_id=ent.kb_id)


def normalise_changes(doc: Document, ev: Event, changes: dict[str, Any]) -> dict[str, Any]:
    """Check an analyst's edit against the document; the values as they will be stored (JSON)."""
    unknown = sorted(set(changes) - set(EDITABLE_FIELDS))
    if unknown:
        raise ReviewError(f"cannot edit {', '.join(unknown)}; editable fields: {', '.join(EDITABLE_FIELDS)}")
    out: dict[str, Any] = {}
    for name, value in changes.items():
        if name == "type":
            if value not in EVENT_TYPES:
                raise ReviewError(f"unknown event type {value!r}; one of {', '.join(EVENT_TYPES)}")
            out[name] = value
        elif name == "date":
            if not value:
                out[name] = None
                continue
            lo = _parse_day(value.get("min"), "date from")
            hi = _parse_day(value.get("max") or value.get("min"), "date to")
            if lo > hi:
                raise ReviewError(f"date range {lo}..{hi} is reversed")
            out[name] = {"min": lo.isoformat(), "max": hi.isoformat()}
        elif name == "place":
            out[name] = _place_json(place_for_entity(doc, value)) if value else None
        elif name in ("side_a", "side_b"):
            ids = list(dict.fromkeys(value or []))
            missing = [i for i in ids if doc.entity(i) is None]
            if missing:
                raise ReviewError(f"{', '.join(missing)} not among the entities of document {doc.doc_id!r}")
            out[name] = ids
        else:
            out[name] = _count(value, name)
    return out


def _apply_values(ev: Event, values: dict[str, Any]) -> None:
    for name, value in values.items():
        if name == "type":
            ev.type = value
        elif name == "date":
            ev.date = (DateValue.between(dt.date.fromisoformat(value["min"]), dt.date.fromisoformat(value["max"]),
                                         source="review") if value else None)
        elif name == "place":
            ev.place = PlaceRef(**value) if value else None
        elif name in ("side_a", "side_b"):
            setattr(ev, name, list(value))
        elif name in ("killed", "injured"):
            # the analyst's toll replaces the per-side statements it corrects
            tolls = [SideCasualties(count=value)] if value is not None else []
            other = ev.casualties.injured if name == "killed" else ev.casualties.killed
            ev.casualties = (Casualties(killed=tolls, injured=other) if name == "killed"
                             else Casualties(killed=other, injured=tolls))


def _same(name: str, new: Any, old: Any) -> bool:
    # a form lists the sides in the document's order, not the event's: the same actors are no edit
    if name in ("side_a", "side_b"):
        return set(new) == set(old)
    return new == old


# --------------------------------------------------------------------------- the log

class ReviewLog:
    """Reads and appends review records in a marsad database (the `reviews` table)."""

    def __init__(self, engine: Engine):
        self._engine = engine

    # -- writing --------------------------------------------------------------

    def _append(self, kind: str, target: str, action: str, before: dict, after: dict, by: str,
                note: str) -> ReviewRecord:
        row = {"target_kind": kind, "target": target, "action": action, "before": before, "after": after,
               "username": by, "at": dt.datetime.now(dt.timezone.utc), "note": note or ""}
        with self._engine.begin() as conn:
            pk = conn.execute(sa.insert(S.reviews).values(**row)).inserted_primary_key[0]
        return ReviewRecord(id=pk, **row)

    def record_event(self, doc: Document, event_id: str, action: str, changes: dict[str, Any] | None = None, *,
                     by: str, note: str = "") -> ReviewRecord:
        """Accept, edit or reject an event of `doc` (a document as reviewed so far)."""
        if action not in EVENT_ACTIONS:
            raise ReviewError(f"unknown review action {action!r}; one of {', '.join(EVENT_ACTIONS)}")
        ev = next((e for e in doc.events if e.id == event_id), None)
        if ev is None:
            raise ReviewError(f"document {doc.doc_id!r} has no event {event_id!r}")
        after = normalise_changes(doc, ev, changes or {}) if action == "edit" else {}
        current = event_values(ev)
        if action == "edit":
            after = {k: v for k, v in after.items() if not _same(k, v, current[k])}
            if not after:
                raise ReviewError("the edit changes nothing: every value is the same as before")
        before = {k: current[k] for k in after} if action == "edit" else {
            "status": ev.review.status if ev.review else None}
        return self._append("event", event_key(doc.doc_id, event_id), action, before, after, by, note)

    def record_incident(self, action: str, incident_id: str, members: list[str], into: str,
                        before: dict[str, str], *, by: str, note: str = "") -> ReviewRecord:
        """Move `members` (member keys) into incident `into`: a merge, or a split into a new incident.

        `before` maps each moved member to the incident it was in.
        """
        if action not in INCIDENT_ACTIONS:
            raise ReviewError(f"unknown incident action {action!r}; one of {', '.join(INCIDENT_ACTIONS)}")
        if not members:
            raise ReviewError(f"a {action} needs at least one report to move")
        return self._append("incident", incident_id, action, {"members": before},
                            {"into": into, "members": list(members)}, by, note)

    # -- reading --------------------------------------------------------------

    def records(self, kind: str | None = None, target: str | None = None) -> list[ReviewRecord]:
        """Review records in the order they were made (optionally of one kind or target)."""
        R = S.reviews
        q = sa.select(R).order_by(R.c.id)
        if kind is not None:
            q = q.where(R.c.target_kind == kind)
        if target is not None:
            q = q.where(R.c.target == target)
        with self._engine.connect() as conn:
            rows = conn.execute(q).all()
        return [ReviewRecord(id=r.id, target_kind=r.target_kind, target=r.target, action=r.action,
                             before=r.before or {}, after=r.after or {}, username=r.username,
                             at=r.at if r.at.tzinfo else r.at.replace(tzinfo=dt.timezone.utc), note=r.note)
                for r in rows]

    def version(self) -> tuple[int, int]:
        """Changes whenever a record is added (for caches)."""
        R = S.reviews
        with self._engine.connect() as conn:
            n, last = conn.execute(sa.select(sa.func.count(), sa.func.max(R.c.id))).one()
        return n, last or 0

    # -- applying -------------------------------------------------------------

    def apply_documents(self, docs: Iterable[Document], *, drop_rejected: bool = False,
                        records: list[ReviewRecord] | None = None) -> Iterator[Document]:
        """`docs` with the analysts' values and a ReviewMark on every reviewed event.

        Rejected events stay (marked) unless `drop_rejected`: exports of what happened leave them out.
        """
        by_key = event_records(self.records("event") if records is None else records)
        for doc in docs:
            apply_event_records(doc, by_key)
            if drop_rejected:
                doc.events = [e for e in doc.events if not (e.review and e.review.status == "rejected")]
            yield doc

    def apply_incidents(self, store: Store, options: Options | None = None) -> list[Incident]:
        """The store's incidents after the analysts' merges, splits and event reviews."""
        records = self.records()
        by_key = event_records(records)

        def get_doc(doc_id: str) -> Document | None:
            doc = store.get(doc_id)
            if doc is not None:
                apply_event_records(doc, by_key)
            return doc

        return apply_incident_records(store.iter_incidents(), records, get_doc, options=options).incidents


def event_records(records: Iterable[ReviewRecord]) -> dict[str, list[ReviewRecord]]:
    """Event review records by event key, in the order they were made."""
    by_key: dict[str, list[ReviewRecord]] = {}
    for r in records:
        if r.target_kind == "event":
            by_key.setdefault(r.target, []).append(r)
    return by_key


def apply_event_records(doc: Document, by_key: dict[str, list[ReviewRecord]]) -> None:
    for ev in doc.events:
        records = by_key.get(event_key(doc.doc_id, ev.id))
        if not records:
            continue
        fields: list[str] = []
        for r in records:
            if r.action == "edit":
                _apply_values(ev, r.after)
                fields += [f for f in r.after if f not in fields]
        last = records[-1]
        ev.review = ReviewMark(status=EVENT_ACTIONS[last.action], by=last.username, at=last.at.isoformat(),
                               fields=fields)


# --------------------------------------------------------------------------- incidents as reviewed

@dataclass(slots=True)
class ReviewedIncidents:
    incidents: list[Incident]
    # incident id -> the review records that changed it (merges and splits; [] when only its reports were edited)
    changed_by: dict[str, list[ReviewRecord]] = field(default_factory=dict)
    # member key -> the review mark of its event
    marks: dict[str, ReviewMark] = field(default_factory=dict)


def apply_incident_records(incidents: Iterable[Incident], records: list[ReviewRecord],
                           get_doc: Callable[[str], Document | None],
                           builder: Callable[[], RecordBuilder] | None = None,
                           options: Options | None = None) -> ReviewedIncidents:
    """Incidents after the analysts' merges and splits and with their reports as reviewed.

    `builder` gives marsad.merge's RecordBuilder (loaded once by a caller that applies often).
    `get_doc` gives a document with the event reviews applied (it is asked only for documents
    with reviewed events and for the reports of incidents that change). An incident whose
    reports moved, or whose events were edited or rejected, is consolidated again by
    marsad.merge from the reviewed values; a rejected report leaves its incident.
    """
    original = list(incidents)
    members = {m.key: m for inc in original for m in inc.members}
    home = {m.key: inc.id for inc in original for m in inc.members}
    changed: dict[str, list[ReviewRecord]] = {}
    for r in records:
        if r.target_kind != "incident":
            continue
        into = r.after.get("into")
        for key in r.after.get("members", []):
            if key in members and into:
                changed.setdefault(home[key], []).append(r)
                changed.setdefault(into, []).append(r)
                home[key] = into
    docs: dict[str, Document | None] = {}

    def doc_of(doc_id: str) -> Document | None:
        if doc_id not in docs:
            docs[doc_id] = get_doc(doc_id)
        return docs[doc_id]

    marks: dict[str, ReviewMark] = {}
    reviewed = {r.target for r in records if r.target_kind == "event"}
    for key in reviewed & members.keys():
        m = members[key]
        doc = doc_of(m.doc_id)
        ev = next((e for e in doc.events if e.id == m.event_id), None) if doc else None
        if ev is not None and ev.review is not None:
            marks[key] = ev.review
            if ev.review.status != "accepted":
                changed.setdefault(home[key], [])
    if not changed:
        return ReviewedIncidents(original, {}, marks)

    from marsad.merge.consolidate import build_incident
    from marsad.merge.records import EventRecord, MergeRules, RecordBuilder

    make = builder() if builder else RecordBuilder(options)
    rules = MergeRules.load(options)
    built: dict[str, dict[str, EventRecord]] = {}

    def record(key: str) -> EventRecord:
        m = members[key]
        if m.doc_id not in built:
            doc = doc_of(m.doc_id)
            built[m.doc_id] = {r.member.event_id: r for r in make(doc)} if doc else {}
        rec = built[m.doc_id].get(m.event_id) or EventRecord(member=m)
        rec.member = replace(rec.member, duplicate_of=m.duplicate_of, score=m.score)
        return rec

    grouped: dict[str, list[str]] = {}
    for key, inc_id in home.items():
        if inc_id in changed and not (key in marks and marks[key].status == "rejected"):
            grouped.setdefault(inc_id, []).append(key)
    out = [inc if inc.id not in changed else build_incident(inc.id, [record(k) for k in grouped[inc.id]], rules)
           for inc in original if inc.id not in changed or grouped.get(inc.id)]
    known = {i.id for i in original}
    out += [build_incident(i, [record(k) for k in grouped[i]], rules)
            for i in changed if i not in known and grouped.get(i)]
    return ReviewedIncidents(out, changed, marks)
