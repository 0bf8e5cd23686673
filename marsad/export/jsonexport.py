"""Full JSON export: everything marsad knows about each document, with the evidence text.

Format: **JSON Lines** — one JSON object per document per line, then one per
incident and per contradicted affiliation; "record" says which ("document",
"incident", "entity_conflict") (UTF-8, Arabic not escaped). Chosen over one big JSON array so that the export streams (a
document is written as soon as it is read from the store), a partial file is
still usable up to its last line, and tools like `jq -c`, `split` or pandas'
`read_json(lines=True)` handle millions of documents.

Every span is written as {"start", "end", "text"}, where text is the exact
substring of the document text the offsets point at (code points, end
exclusive), so a reader can check evidence without the input files.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any, TextIO

from marsad.config import Options
from marsad.model import (
    Casualties,
    DateValue,
    Document,
    Entity,
    Event,
    Incident,
    Mention,
    PlaceRef,
    Quantity,
    Relation,
    SideCasualties,
    Span,
)

FORMAT_VERSION = 1


# --------------------------------------------------------------------------- helpers shared by the exports

def span_json(span: Span | None, text: str | None = None) -> dict[str, Any] | None:
    """{"start", "end"} and, when `text` is given, the substring the span covers."""
    if span is None:
        return None
    out: dict[str, Any] = {"start": span.start, "end": span.end}
    if text is not None:
        out["text"] = span.of(text)
    return out


def iso(d: Any) -> str | None:
    return d.isoformat() if d is not None else None


def date_range_json(d: DateValue | None) -> dict[str, str | None] | None:
    """{"value", "min", "max"} as ISO days, or None when no date is known."""
    if d is None or (d.value is None and d.min is None and d.max is None):
        return None
    return {"value": iso(d.value), "min": iso(d.min), "max": iso(d.max)}


def entity_name(e: Entity | None) -> str | None:
    """The display name: English when known, else Arabic."""
    if e is None:
        return None
    return e.name_en or e.name_ar


# --------------------------------------------------------------------------- records

def _date_json(d: DateValue | None, text: str) -> dict[str, Any] | None:
    if d is None:
        return None
    return {"value": iso(d.value), "min": iso(d.min), "max": iso(d.max), "precision": d.precision,
            "expression": span_json(d.expression, text), "source": d.source}


def _mention_json(m: Mention, text: str, boilerplate: bool) -> dict[str, Any]:
    return {"span": span_json(m.span, text), "type": m.type, "entity_id": m.entity_id,
            "kb_id": m.kb_id, "source": m.source, "confidence": m.confidence,
            "in_boilerplate": boilerplate}


def _place_json(p: PlaceRef | None, text: str) -> dict[str, Any] | None:
    if p is None:
        return None
    return {"entity_id": p.entity_id, "name_ar": p.name_ar, "name_en": p.name_en,
            "lat": p.lat, "lon": p.lon, "geo_precision": p.geo_precision, "kb_id": p.kb_id,
            "admin1": p.admin1, "admin2": p.admin2, "admin3": p.admin3,
            "admin1_pcode": p.admin1_pcode, "admin2_pcode": p.admin2_pcode, "admin3_pcode": p.admin3_pcode,
            "span": span_json(p.span, text)}


def _toll_json(c: SideCasualties, text: str) -> dict[str, Any]:
    return {"count": c.count, "vague": c.vague, "side": c.side, "entity_id": c.entity_id,
            "span": span_json(c.span, text)}


def _casualties_json(c: Casualties, text: str) -> dict[str, Any]:
    return {"killed": [_toll_json(x, text) for x in c.killed],
            "injured": [_toll_json(x, text) for x in c.injured],
            "killed_total": c.killed_total, "injured_total": c.injured_total,
            "civilians_killed": c.civilians_killed}


def _quantity_json(q: Quantity, text: str) -> dict[str, Any]:
    return {"kind": q.kind, "value": q.value, "text": q.text, "approximate": q.approximate,
            "span": span_json(q.span, text)}


def _relation_json(r: Relation, text: str) -> dict[str, Any]:
    return {"type": r.type, "head": r.head, "tail": r.tail, "evidence": span_json(r.evidence, text),
            "source_doc": r.source_doc, "confidence": r.confidence}


def _event_json(ev: Event, doc: Document) -> dict[str, Any]:
    t = doc.text
    return {
        "id": ev.id, "type": ev.type, "modality": ev.modality, "acled": ev.is_acled,
        "trigger": span_json(ev.trigger, t),
        "evidence": [span_json(s, t) for s in ev.evidence],
        "date": _date_json(ev.date, t),
        "place": _place_json(ev.place, t),
        "side_a": ev.side_a, "side_b": ev.side_b, "associated": ev.associated,
        "actor_names": {e: entity_name(doc.entity(e)) for e in ev.actors},
        "casualties": _casualties_json(ev.casualties, t),
        "quantities": [_quantity_json(q, t) for q in ev.quantities],
        "attribution": ev.attribution, "attribution_span": span_json(ev.attribution_span, t),
        "confidence": ev.confidence,
        "review": ev.review.to_json() if ev.review else None,
    }


def document_record(doc: Document) -> dict[str, Any]:
    """The full JSON record of one document."""
    t, m = doc.text, doc.meta
    return {
        "format": f"marsad-json-v{FORMAT_VERSION}",
        "record": "document",
        "doc_id": doc.doc_id,
        "content_hash": doc.content_hash,
        "text": t,
        "meta": {
            "source_path": m.source_path, "url": m.url, "title": m.title,
            "outlet": m.outlet, "outlet_ar": m.outlet_ar, "outlet_id": m.outlet_id,
            "outlet_source": m.outlet_source, "outlet_span": span_json(m.outlet_span, t),
            "published": _date_json(m.published, t), "published_source": m.published_source,
            "language": m.language, "extra": m.extra,
        },
        "boilerplate": [span_json(s, t) for s in doc.boilerplate],
        "sentences": [span_json(s, t) for s in doc.sentences],
        "mentions": [_mention_json(x, t, doc.in_boilerplate(x.span)) for x in doc.mentions],
        "entities": [{"id": e.id, "type": e.type, "name_ar": e.name_ar, "name_en": e.name_en,
                      "kb_id": e.kb_id, "stable_id": e.stable_id, "parent_kb_id": e.parent_kb_id,
                      "place_kind": e.place_kind, "confidence": e.confidence, "lat": e.lat, "lon": e.lon,
                      "mentions": [_mention_json(x, t, doc.in_boilerplate(x.span)) for x in e.mentions]}
                     for e in doc.entities],
        "relations": [_relation_json(r, t) for r in doc.relations],
        "events": [_event_json(ev, doc) for ev in doc.events],
    }


WRITES_INCIDENTS = True


def write(docs: Iterable[Document], out: TextIO, options: Options | None = None, *,
          incidents: Callable[[], Iterable[Incident]] | None = None) -> int:
    """Write one JSON line per document, then one per incident ({"record": "incident", ...}) and
    per contradicted affiliation ({"record": "entity_conflict", ...}); returns the number of
    documents written."""
    from marsad.export.incidents import entity_conflict_json, incident_json
    from marsad.merge.affiliations import AffiliationLedger

    ledger = AffiliationLedger()
    n = 0
    for doc in docs:
        # default=str: DocumentMeta.extra may hold values JSON has no type for (dates)
        out.write(json.dumps(document_record(doc), ensure_ascii=False, default=str))
        out.write("\n")
        ledger.add(doc)
        n += 1
    records = [{"record": "incident", **incident_json(i)} for i in (incidents() if incidents else ())]
    records += [{"record": "entity_conflict", **entity_conflict_json(c)} for c in ledger.conflicts()]
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False))
        out.write("\n")
    return n
