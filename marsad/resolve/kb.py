"""The actor knowledge base (data/actors.yaml): ids, names, aliases, parents, sponsors."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from collections.abc import Callable
from pathlib import Path

from marsad.config import Options, load_data_yaml
from marsad.errors import DataFileError
from marsad.model import ENTITY_TYPES


@dataclass(frozen=True, slots=True)
class Actor:
    id: str
    type: str
    kind: str
    name_ar: str
    name_en: str
    aliases_ar: tuple[str, ...] = ()
    aliases_ar_ambiguous: tuple[str, ...] = ()
    aliases_en: tuple[str, ...] = ()
    block_before: tuple[str, ...] = ()
    parent: str | None = None
    sponsors: tuple[str, ...] = ()
    acled_name: str | None = None
    home: str | None = None                      # ISO3 of the country its home aliases name it in
    aliases_ar_home: tuple[str, ...] = ()        # names that are this actor only in its home country
    active_until: dt.date | None = None          # the day it ceased to be (the Assad government: 2024-12-08)
    succeeded_by: str | None = None              # who its neutral names stand for after that day
    inherits_ar: tuple[str, ...] = ()            # the predecessor's names a successor takes over ("الحكومة السورية")
    # a collective a report names by what it is ("فصائل المعارضة", "المهربين"): it may be any group
    # of that kind, so it tells neither that two mentions are one act nor that they are two
    generic: bool = False


# Forces that act for their state: "مسيّرة تابعة لدولة الاحتلال التركي" and "مسيّرة تركية" are one agent
STATE_FORCE_KINDS = frozenset({"state_force", "foreign_state_force"})
# and so do a state's bodies that speak for it ("وزارة الدفاع الروسية", "البيت الأبيض")
STATE_AGENT_KINDS = STATE_FORCE_KINDS | {"government"}


class ActorBase:
    def __init__(self, actors: list[Actor]):
        self.actors = {a.id: a for a in actors}

    @classmethod
    def load(cls, options: Options | None = None) -> ActorBase:
        data_dir = Path(options.data_dir) if options else None
        return _load_cached(data_dir)

    def get(self, actor_id: str | None) -> Actor | None:
        return self.actors.get(actor_id) if actor_id else None

    def is_generic(self, actor_id: str | None) -> bool:
        actor = self.get(actor_id)
        return actor is not None and actor.generic

    def ancestors(self, actor_id: str) -> list[str]:
        """The chain of parent units, nearest first (الفوج 47 → IRGC)."""
        chain, seen = [], {actor_id}
        a = self.get(actor_id)
        while a and a.parent and a.parent not in seen:
            chain.append(a.parent)
            seen.add(a.parent)
            a = self.get(a.parent)
        return chain

    def speaks_for_a_state(self, actor_id: str | None) -> bool:
        """A state's body with forces of its own to command: "وزارة الدفاع الروسية"."""
        actor = self.get(actor_id)
        return actor is not None and actor.kind == "government" and any(s.startswith("country:") for s in actor.sponsors)

    def agent(self, actor_id: str) -> str:
        """Who acted, with a state, its forces and its ministries as one: their country, else itself."""
        actor = self.get(actor_id)
        if actor is not None and actor.kind in STATE_AGENT_KINDS:
            return next((s for s in actor.sponsors if s.startswith("country:")), actor_id)
        return actor_id

    def of_its_time(self, actor: Actor, published: dt.date | None, names_it: Callable[[str], bool]) -> Actor:
        """The actor a mention of `actor` stands for in an article published on `published`: after
        an actor ceased to be, the names its successor inherits are the successor's ("الحكومة
        السورية" in 2025 is the transitional government; "قوات الأسد" stays the old regime's).
        `names_it` tells whether the mention is a given name."""
        successor = self.get(actor.succeeded_by)
        if (successor is None or published is None or actor.active_until is None
                or published <= actor.active_until):
            return actor
        return successor if any(names_it(n) for n in successor.inherits_ar) else actor

    def alias_entries(self) -> list[tuple[str, Actor, bool]]:
        """(Arabic alias, actor, is_ambiguous) for the entity matcher; canonical names included."""
        out = []
        for a in self.actors.values():
            for alias in (a.name_ar, *a.aliases_ar, *a.aliases_ar_home):
                if alias not in a.aliases_ar_ambiguous:   # a canonical name can be ambiguous too
                    out.append((alias, a, False))
            for alias in a.aliases_ar_ambiguous:
                out.append((alias, a, True))
            for alias in a.aliases_en:
                if len(alias) > 3:   # "IS", "KH": too short to trust in running text
                    out.append((alias, a, False))
        return out


@lru_cache(maxsize=4)
def _load_cached(data_dir: Path | None) -> ActorBase:
    options = Options(data_dir=data_dir) if data_dir else None
    raw = load_data_yaml("actors.yaml", options)
    path = str(options.data_file("actors.yaml") if options else "actors.yaml")
    if not isinstance(raw, dict) or not isinstance(raw.get("actors"), list):
        raise DataFileError(path, "expected a mapping with an 'actors' list")
    actors = []
    for n, item in enumerate(raw["actors"]):
        try:
            actor = Actor(
                id=item["id"], type=item["type"], kind=item.get("kind", "other"),
                name_ar=item["name_ar"], name_en=item["name_en"],
                aliases_ar=tuple(item.get("aliases_ar") or ()),
                aliases_ar_ambiguous=tuple(item.get("aliases_ar_ambiguous") or ()),
                aliases_en=tuple(item.get("aliases_en") or ()),
                block_before=tuple(item.get("block_before") or ()),
                parent=item.get("parent"), sponsors=tuple(item.get("sponsors") or ()),
                acled_name=item.get("acled_name"), home=item.get("home"),
                aliases_ar_home=tuple(item.get("aliases_ar_home") or ()),
                active_until=item.get("active_until"), succeeded_by=item.get("succeeded_by"),
                inherits_ar=tuple(item.get("inherits_ar") or ()),
                generic=bool(item.get("generic", False)),
            )
        except (KeyError, TypeError) as e:
            raise DataFileError(path, f"actor #{n + 1} lacks field {e}") from None
        if actor.aliases_ar_home and not actor.home:
            raise DataFileError(path, f"actor {actor.id}: aliases_ar_home needs a home country (ISO3)")
        if actor.active_until is not None and not isinstance(actor.active_until, dt.date):
            raise DataFileError(path, f"actor {actor.id}: active_until must be a date (YYYY-MM-DD)")
        if actor.type not in ENTITY_TYPES:
            raise DataFileError(path, f"actor {actor.id}: unknown type {actor.type!r}")
        actors.append(actor)
    known = {a.id for a in actors}
    for actor in actors:
        for field_name, ref in (("parent", actor.parent), ("succeeded_by", actor.succeeded_by),
                                *(("sponsors", s) for s in actor.sponsors)):
            if ref and ref not in known and not ref.startswith("country:"):
                raise DataFileError(path, f"actor {actor.id}: {field_name} {ref!r} is neither an actor id "
                                          "nor a country (country:ISO3)")
    return ActorBase(actors)
