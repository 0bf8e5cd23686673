"""Incidents as JSON: the consolidated record, each source's own values, and the conflicts.

Shared by the evaluation export (which adds them under "incidents") and the
full JSON Lines export (one line per incident after the documents).
"""
from __future__ import annotations

from typing import Any

from marsad.export.jsonexport import date_range_json
from marsad.model import EntityConflict, Incident, IncidentMember, PlaceRef


def place_json(p: PlaceRef | None) -> dict[str, Any] | None:
    if p is None:
        return None
    return {"entity": p.entity_id, "name": p.name_en or p.name_ar, "name_ar": p.name_ar, "lat": p.lat, "lon": p.lon,
            "geo_precision": p.geo_precision, "kb_id": p.kb_id, "admin1": p.admin1, "admin2": p.admin2,
            "admin3": p.admin3, "admin1_pcode": p.admin1_pcode, "admin2_pcode": p.admin2_pcode,
            "admin3_pcode": p.admin3_pcode}


def source_json(m: IncidentMember) -> dict[str, Any]:
    """One source's own account: nothing consolidated."""
    return {"event": m.key, "doc_id": m.doc_id, "event_id": m.event_id, "outlet": m.outlet,
            "published": date_range_json(m.published), "type": m.type, "modality": m.modality,
            "date": date_range_json(m.date), "location": place_json(m.place), "actors": m.actors,
            "killed": m.killed, "injured": m.injured, "killed_at_least": m.killed_min,
            "injured_at_least": m.injured_min, "duplicate_of": m.duplicate_of, "score": round(m.score, 4)}


def incident_json(inc: Incident) -> dict[str, Any]:
    return {
        "id": inc.id,
        "type": inc.type,
        "events": [m.key for m in inc.members],
        "date": date_range_json(inc.date),
        "location": place_json(inc.place),
        "actors": inc.actors,
        "fatalities": inc.fatalities,
        "fatalities_range": [inc.fatalities, inc.fatalities_max] if inc.fatalities is not None else None,
        "injured": inc.injured,
        "injured_range": [inc.injured, inc.injured_max] if inc.injured is not None else None,
        "corroboration": inc.corroboration,
        "sources": [source_json(m) for m in inc.members],
        "conflicts": [c.to_json() for c in inc.conflicts],
    }


def entity_conflict_json(c: EntityConflict) -> dict[str, Any]:
    return {"entity": c.entity, "name": c.name, "claimed_affiliation": c.claimed,
            "claimed_by": c.claimed_by, "contradicted_by": c.opposed_by}
