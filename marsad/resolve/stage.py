"""Geocoding stage: linked LOCATION entities and event places get coordinates and admin units."""
from __future__ import annotations

from typing import ClassVar

from marsad.config import Options
from marsad.model import Document, Entity, PlaceRef
from marsad.resolve.places import SETTLEMENT_KINDS, Gazetteer, PlaceRecord


INSIDE_TOWN = ("site", "neighbourhood")


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
            if entity.type != "LOCATION":
                continue
            rec = self._record(entity)
            if rec is None:
                continue
            entity.lat, entity.lon = rec.lat, rec.lon
            if entity.kb_id:
                entity.name_en = rec.name_en
        for event in doc.events:
            ref = event.place
            if ref is None or ref.entity_id is None:
                continue
            entity = entities.get(ref.entity_id)
            rec = self._record(entity) if entity is not None else None
            if rec is None:
                continue
            floor = ref.geo_precision or 1   # set by the event stage when the text says "near" the place
            fill_place_ref(ref, rec)
            if not entity.kb_id:
                # a site or area the gazetteer lacks, placed at the town it is in or near (ACLED
                # codes such places at the town: precision 1 inside it, 2 around it)
                ref.name_ar, ref.name_en = entity.name_ar, entity.name_en
                ref.geo_precision = 1 if entity.place_kind in INSIDE_TOWN else max(2, rec.geo_precision or 2)
            ref.geo_precision = max(ref.geo_precision or floor, floor)
        self._areas_as_their_towns(doc)

    def _areas_as_their_towns(self, doc: Document) -> None:
        """"ريف درعا الشرقي" and "محافظة درعا" name Daraa: they are mentions of the town's entity
        (one entity per named thing, as the evaluation counts them), made from the first of them when
        the article does not name the town alone. An event placed in the area keeps the area's
        record, coordinates and precision."""
        by_town: dict[str, Entity] = {}
        renamed: dict[str, str] = {}
        for entity in doc.entities:
            rec = self.gazetteer.get(entity.kb_id) if entity.type == "LOCATION" and entity.kb_id else None
            if rec is not None and rec.kind in SETTLEMENT_KINDS:
                by_town.setdefault(rec.id, entity)
        for entity in list(doc.entities):
            area = self.gazetteer.get(entity.kb_id) if entity.type == "LOCATION" and entity.kb_id else None
            town = self.gazetteer.town_named_by(area) if area is not None else None
            if town is None:
                continue
            into = by_town.get(town.id)
            if into is None:   # the first area named after the town stands for it
                entity.kb_id, entity.name_ar, entity.name_en = town.id, town.name_ar, town.name_en
                entity.lat, entity.lon = town.lat, town.lon
                by_town[town.id] = entity
                continue
            for m in entity.mentions:
                m.entity_id = into.id
            into.mentions = sorted(into.mentions + entity.mentions, key=lambda m: m.span.start)
            doc.entities.remove(entity)
            renamed[entity.id] = into.id
        if renamed:
            for event in doc.events:
                if event.place is not None and event.place.entity_id in renamed:
                    event.place.entity_id = renamed[event.place.entity_id]

    def _record(self, entity: Entity) -> PlaceRecord | None:
        """The entity's own gazetteer record, else the one of the place it lies in or near."""
        for kb_id in (entity.kb_id, entity.parent_kb_id):
            rec = self.gazetteer.get(kb_id) if kb_id else None
            if rec is not None:
                return rec
        return None


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
