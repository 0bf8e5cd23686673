"""GeoJSON export: one Point feature per event whose place has coordinates.

A single FeatureCollection (RFC 7946: coordinates are [longitude, latitude],
WGS 84), written feature by feature so that memory does not grow with the
corpus. Events without coordinates are left out: a map cannot show them (the
`json` export has them all).
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from marsad.config import Options
from marsad.export.jsonexport import entity_name, iso
from marsad.model import Document, Event, PlaceRef


def _feature(doc: Document, ev: Event, p: PlaceRef) -> dict[str, Any]:
    d = ev.date
    return {
        "type": "Feature",
        "id": f"{doc.doc_id}#{ev.id}",
        "geometry": {"type": "Point", "coordinates": [p.lon, p.lat]},
        "properties": {
            "doc_id": doc.doc_id,
            "event_id": ev.id,
            "type": ev.type,
            "modality": ev.modality,
            "date": iso(d.value) if d else None,
            "date_min": iso(d.min) if d else None,
            "date_max": iso(d.max) if d else None,
            "place_name_en": p.name_en,
            "place_name_ar": p.name_ar,
            "admin1": p.admin1,
            "admin2": p.admin2,
            "admin3": p.admin3,
            "geo_precision": p.geo_precision,
            "actors": [entity_name(doc.entity(e)) or e for e in ev.actors],
            "side_a": [entity_name(doc.entity(e)) or e for e in ev.side_a],
            "side_b": [entity_name(doc.entity(e)) or e for e in ev.side_b],
            "killed": ev.casualties.killed_total,
            "injured": ev.casualties.injured_total,
            "outlet": doc.meta.outlet or doc.meta.outlet_ar,
            "evidence": [s.of(doc.text) for s in (ev.evidence or [ev.trigger])],
            "review": ev.review.to_json() if ev.review else None,
        },
    }


def features(docs: Iterable[Document]) -> Iterator[dict[str, Any]]:
    for doc in docs:
        for ev in doc.events:
            p = ev.place
            if p is not None and p.lat is not None and p.lon is not None:
                yield _feature(doc, ev, p)


def write(docs: Iterable[Document], out: TextIO, options: Options | None = None) -> int:
    """Write the FeatureCollection; returns the number of features (events) written."""
    n = 0
    out.write('{"type": "FeatureCollection", "features": [')
    for f in features(docs):
        out.write(",\n" if n else "\n")
        out.write(json.dumps(f, ensure_ascii=False))
        n += 1
    out.write("\n]}\n")
    return n
