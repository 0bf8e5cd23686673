"""Incidents, their members and document sketches in the store (see marsad.merge).

Kept apart from db.py's document I/O: a document is written once, in one
transaction; incidents are rewritten whenever a new report joins them.
"""
from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Row

from marsad.errors import StoreError
from marsad.model import Conflict, Incident
from marsad.store import schema as S
from marsad.store.db import _date, _date_cols, _place, _place_cols

if TYPE_CHECKING:
    from marsad.merge.duplicates import Copy
    from marsad.merge.records import EventRecord

I, M, SIM, D, E = S.incidents, S.incident_members, S.document_similarity, S.documents, S.events


def incident_records(conn: Connection) -> Iterator[tuple[str, EventRecord]]:
    """(incident id, member record) for every stored member, grouped by incident."""
    from marsad.merge.records import EventRecord

    q = (sa.select(I.c.incident_id, M.c.record, M.c.score)
         .join(I, I.c.id == M.c.incident_pk).order_by(I.c.id, M.c.position))
    for row in conn.execute(q):
        yield row.incident_id, EventRecord.from_json(row.record, row.score)


def sketches(conn: Connection) -> Iterator[tuple[str, list[int]]]:
    q = sa.select(D.c.doc_id, SIM.c.sketch).join(D, D.c.id == SIM.c.document_id).order_by(D.c.id)
    for row in conn.execute(q):
        yield row.doc_id, list(row.sketch)


def unmerged_documents(conn: Connection) -> list[str]:
    """Stored documents whose events were never resolved into incidents (an ingest stopped
    between saving them and resolving them, or they predate incidents)."""
    q = (sa.select(D.c.doc_id).where(~sa.exists().where(SIM.c.document_id == D.c.id)).order_by(D.c.id))
    return [r.doc_id for r in conn.execute(q)]


def incidents_replaced_by(conn: Connection, doc_id: str, content_hash: str) -> list[str]:
    """Incidents holding events of another stored version of `doc_id` (which saving this text replaces)."""
    q = (sa.select(I.c.incident_id).distinct()
         .join(M, M.c.incident_pk == I.c.id).join(D, D.c.id == M.c.document_id)
         .where(D.c.doc_id == doc_id, D.c.content_hash != content_hash))
    return [r.incident_id for r in conn.execute(q)]


def save_similarity(conn: Connection, doc_id: str, sketch: list[int], copy: Copy | None) -> None:
    pks = _document_pks(conn, [doc_id] + ([copy.original] if copy else []))
    if doc_id not in pks:
        raise StoreError(f"cannot record the sketch of {doc_id!r}: the document is not stored")
    conn.execute(sa.delete(SIM).where(SIM.c.document_id == pks[doc_id]))
    conn.execute(sa.insert(SIM).values(
        document_id=pks[doc_id], sketch=sketch,
        duplicate_of=pks.get(copy.original) if copy else None,
        similarity=copy.similarity if copy else None))


def save_incident(conn: Connection, incident: Incident, records: Sequence[EventRecord]) -> None:
    """Insert or rewrite one incident and its members."""
    row = _incident_row(incident)
    pk = conn.execute(sa.select(I.c.id).where(I.c.incident_id == incident.id)).scalar()
    if pk is None:
        pk = conn.execute(sa.insert(I).values(row)).inserted_primary_key[0]
    else:
        conn.execute(sa.update(I).where(I.c.id == pk).values({**row, "updated_at": sa.func.current_timestamp()}))
        conn.execute(sa.delete(M).where(M.c.incident_pk == pk))
    ordinals = _event_ordinals(conn, [(r.doc_id, r.member.event_id) for r in records])
    rows = []
    for position, r in enumerate(records):
        where = ordinals.get((r.doc_id, r.member.event_id))
        if where is None:       # the document was replaced meanwhile: its old event is gone
            continue
        rows.append({"document_id": where[0], "event_ordinal": where[1], "incident_pk": pk,
                     "position": position, "score": r.member.score, "record": r.to_json()})
    if rows:
        conn.execute(sa.delete(M).where(sa.tuple_(M.c.document_id, M.c.event_ordinal).in_(
            [(x["document_id"], x["event_ordinal"]) for x in rows])))
        conn.execute(sa.insert(M), rows)


def delete_incidents(conn: Connection, incident_ids: Iterable[str]) -> None:
    ids = list(incident_ids)
    if ids:
        pks = [r.id for r in conn.execute(sa.select(I.c.id).where(I.c.incident_id.in_(ids)))]
        conn.execute(sa.delete(M).where(M.c.incident_pk.in_(pks)))
        conn.execute(sa.delete(I).where(I.c.id.in_(pks)))


def delete_empty_incidents(conn: Connection) -> None:
    conn.execute(sa.delete(I).where(~sa.exists().where(M.c.incident_pk == I.c.id)))


def load_incidents(conn: Connection, incident_ids: Sequence[str] | None = None,
                   min_members: int = 1) -> list[Incident]:
    # undated last on every backend (SQLite sorts NULL first, PostgreSQL last); ids are ASCII
    q = sa.select(I).order_by(I.c.date_min.is_(None), I.c.date_min, I.c.incident_id)
    if incident_ids is not None:
        q = q.where(I.c.incident_id.in_(list(incident_ids)))
    rows = conn.execute(q).all()
    members = _members(conn, [r.id for r in rows])
    out = []
    for row in rows:
        if len(members[row.id]) >= min_members:
            out.append(_incident(row, members[row.id]))
    return out


# --------------------------------------------------------------------------- helpers


def _incident_row(inc: Incident) -> dict[str, Any]:
    # the place's span points into one member's text: meaningless for the incident
    place = dataclasses.replace(inc.place, span=None) if inc.place is not None else None
    return {"incident_id": inc.id, "type": inc.type, **_date_cols("date", inc.date), **_place_cols(place),
            "actors": inc.actors, "fatalities": inc.fatalities, "fatalities_max": inc.fatalities_max,
            "injured": inc.injured, "injured_max": inc.injured_max, "corroboration": inc.corroboration,
            "conflicts": [c.to_json() for c in inc.conflicts]}


def _incident(row: Row, members: list[Row]) -> Incident:
    from marsad.merge.records import EventRecord

    return Incident(
        id=row.incident_id, type=row.type,
        members=[EventRecord.from_json(m.record, m.score).member for m in members],
        date=_date(row, "date"), place=_place(row), actors=list(row.actors),
        fatalities=row.fatalities, fatalities_max=row.fatalities_max,
        injured=row.injured, injured_max=row.injured_max,
        conflicts=[Conflict.from_json(c) for c in row.conflicts])


def _members(conn: Connection, pks: Sequence[int]) -> dict[int, list[Row]]:
    out: dict[int, list[Row]] = defaultdict(list)
    for chunk in _chunks(pks, 500):
        q = sa.select(M).where(M.c.incident_pk.in_(chunk)).order_by(M.c.incident_pk, M.c.position)
        for row in conn.execute(q):
            out[row.incident_pk].append(row)
    return out


def _document_pks(conn: Connection, doc_ids: Sequence[str]) -> dict[str, int]:
    q = sa.select(D.c.doc_id, D.c.id).where(D.c.doc_id.in_(list(doc_ids)))
    return {r.doc_id: r.id for r in conn.execute(q)}


def _event_ordinals(conn: Connection, keys: Sequence[tuple[str, str]]) -> dict[tuple[str, str], tuple[int, int]]:
    doc_ids = sorted({d for d, _ in keys})
    q = (sa.select(D.c.doc_id, E.c.event_id, E.c.document_id, E.c.ordinal)
         .join(D, D.c.id == E.c.document_id).where(D.c.doc_id.in_(doc_ids)))
    wanted = set(keys)
    return {(r.doc_id, r.event_id): (r.document_id, r.ordinal) for r in conn.execute(q)
            if (r.doc_id, r.event_id) in wanted}


def _chunks(items: Sequence[int], size: int) -> Iterator[Sequence[int]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]
