"""The evaluation export: the prediction format of shared/eval/README.md, read by score.py.

    {"documents": [{doc_id, text, outlet, published, entities, relations, events}, ...],
     "incidents": [...], "entity_conflicts": [...]}

Documents are written one at a time as they arrive, so memory does not grow
with the corpus. The text is always included: the scorer uses it to check that
offsets refer to the same text as the input file.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any, TextIO

from marsad.config import Options
from marsad.export.incidents import entity_conflict_json, incident_json
from marsad.export.jsonexport import date_range_json, span_json
from marsad.merge.affiliations import AffiliationLedger
from marsad.model import Document, Entity, Event, Incident, Span


def _entity_spans(doc: Document, e: Entity) -> list[Span]:
    """The entity's mentions outside boilerplate, in text order, each span once."""
    mentions = e.mentions or [m for m in doc.mentions if m.entity_id == e.id]
    return sorted({m.span for m in mentions if not doc.in_boilerplate(m.span)})


def _location(ev: Event) -> dict[str, Any] | None:
    p = ev.place
    if p is None or (p.entity_id is None and p.lat is None and p.lon is None
                     and not (p.name_en or p.name_ar)):
        return None
    return {"entity": p.entity_id, "lat": p.lat, "lon": p.lon, "name": p.name_en or p.name_ar}


def _event(ev: Event) -> dict[str, Any]:
    # An event with no evidence span would be invisible to the scorer: its trigger is its evidence.
    evidence = ev.evidence or [ev.trigger]
    record = {
        "id": ev.id,
        "type": ev.type,
        "evidence": [span_json(s) for s in evidence],
        "date": date_range_json(ev.date),
        "location": _location(ev),
        "actors": ev.actors,
        "side_a": ev.side_a,
        "side_b": ev.side_b,
        "modality": ev.modality,
        "attribution": ev.attribution,
        "injured": ev.casualties.injured_total,
        "killed": ev.casualties.killed_total,
    }
    if ev.review is not None:      # an analyst's decision (marsad.review): the values above are the reviewed ones
        record["review"] = ev.review.to_json()
    return record


def document_record(doc: Document) -> dict[str, Any]:
    return {
        "doc_id": doc.doc_id,
        "text": doc.text,
        "outlet": doc.meta.outlet or doc.meta.outlet_ar or None,
        "published": date_range_json(doc.meta.published),
        "entities": [{"id": e.id, "type": e.type, "name": e.name_en or e.name_ar, "name_ar": e.name_ar,
                      "kb_id": e.kb_id, "stable_id": e.stable_id, "mentions": [span_json(s) for s in _entity_spans(doc, e)]}
                     for e in doc.entities],
        "relations": [{"type": r.type, "head": r.head, "tail": r.tail, "evidence": span_json(r.evidence)}
                      for r in doc.relations],
        "events": [_event(ev) for ev in doc.events],
    }


WRITES_INCIDENTS = True


def write(docs: Iterable[Document], out: TextIO, options: Options | None = None, *,
          incidents: Callable[[], Iterable[Incident]] | None = None) -> int:
    """Write the evaluation JSON; returns the number of documents written.

    `incidents` is called after the documents are written. Incidents that more
    than one document reports are written (a single report is no cross-document
    incident), with the entity affiliation conflicts found in the documents.
    """
    ledger = AffiliationLedger()
    n = 0
    out.write('{"documents": [')
    for doc in docs:
        out.write(",\n" if n else "\n")
        out.write(json.dumps(document_record(doc), ensure_ascii=False))
        ledger.add(doc)
        n += 1
    found = [incident_json(i) for i in (incidents() if incidents else []) if len(i.sources) > 1]
    out.write('\n], "incidents": ')
    out.write(json.dumps(found, ensure_ascii=False))
    out.write(', "entity_conflicts": ')
    out.write(json.dumps([entity_conflict_json(c) for c in ledger.conflicts()], ensure_ascii=False))
    out.write("}\n")
    return n
