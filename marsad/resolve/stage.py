"""Geocoding stage: linked LOCATION entities and event places get coordinates and admin units."""
from __future__ import annotations

from typing import ClassVar

from marsad.config import Options
from marsad.model import Document, Entity, PlaceRef
from marsad.resolve.places import Gazetteer, PlaceRecord


class PlaceResolver:
    """Fills coordinates, names and OCHA admin units from the gazetteer.

    Works only from knowledge-base ids the entity linker set (`Entity.kb_id`); it does not
    look names up itself, so a place the linker could not link stays as the text gave it.
    """

    name: ClassVar[str] = "places"
    requires: ClassVar[tuple[str, ...]] = ("entities", "events")
    provides: ClassVar[tuple[str, ...]] = ("places",)

    def __init__(self, options: Options | None = None):
        self.options = options or Options.load()
        self._gazetteer: Gazetteer | None = None

    @property
    def gazetteer(self) -> Gazetteer:
        # Loaded on first use: building a pipeline should not cost a gazetteer load
        # until a document needs it (and Gazetteer.load caches it per data dir).
        if self._gazetteer is None:
            self._gazetteer = Gazetteer.load(self.options)
        return self._gazetteer

    def __call__(self, doc: Document) -> None:
        entities: dict[str, Entity] = {e.id: e for e in doc.entities}
        for entity in entities.values():
            if entity.type != "LOCATION" or not entity.kb_id:
                continue
            rec = self.gazetteer.get(entity.kb_id)
            if rec is None:
                continue
            entity.lat, entity.lon = rec.lat, rec.lon
            entity.name_en = rec.name_en
        for event in doc.events:
            ref = event.place
            if ref is None or ref.entity_id is None:
                continue
            entity = entities.get(ref.entity_id)
            if entity is None or not entity.kb_id:
                continue
            rec = self.gazetteer.get(entity.kb_id)
            if rec is not None:
                fill_place_ref(ref, rec)


def fill_place_ref(ref: PlaceRef, rec: PlaceRecord) -> None:
    """Copy a gazetteer record into an event's PlaceRef (its entity and span stay)."""
    ref.kb_id = rec.id
    ref.name_ar = rec.name_ar
    ref.name_en = rec.name_en
    ref.lat, ref.lon = rec.lat, rec.lon
    ref.admin1, ref.admin1_pcode = rec.admin1, rec.admin1_pcode
    ref.admin2, ref.admin2_pcode = rec.admin2, rec.admin2_pcode
    ref.admin3, ref.admin3_pcode = rec.admin3, rec.admin3_pcode
    ref.geo_precision = rec.geo_precision
