"""Grouping reported events into incidents, incrementally.

    resolver = IncidentResolver(rules)
    resolver.load(incident_id, stored_records)      # incidents already in a database, not re-scored
    changes = resolver.add(new_records)             # new events join incidents or found new ones

Choices:

* **Blocking.** A new event is compared only with events of a compatible type
  family that share a week of its date range and its grid cell (or, without a
  place or for an agreement, whose place says little, an actor; a province's
  countryside, placed at its capital, meets the province's towns), or (when a
  date is missing) share its place or one of its actors; at most
  `max_candidates` of them. The cost grows with the number of new events,
  not with the size of the store.
* **Complete linkage.** Two incidents join only when every pair of their
  events scores at least the threshold, so a chain of pairwise-similar reports
  cannot drift from one occurrence to another.
* **One event per document and incident.** Two events of one article are two
  occurrences by construction (the extractor already merged its repetitions).
* **Best pairs first.** Pairs are taken from the highest score down, so an
  event joins the incident it resembles most.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from marsad.merge.records import EventRecord, MergeRules
from marsad.merge.similarity import WordWeights, similarity, wording

WEEK = 7
# A date range longer than this says too little to block on: such events are matched like undated ones.
MAX_BLOCK_RANGE_DAYS = 62
# Place anchors: the place itself and the one containing it (a roundabout and its town).
PLACE_ANCHORS = 2
# An undated event is looked for among the events of this many days before its publication.
REPORTED_WITHIN_DAYS = 7
# Blocking grid, in degrees (about 20 km): wider than MergeRules.same_km.
GEO_CELL_DEG = 0.2
# Cells around an event's own searched for candidates: two reach 35-44 km, about MergeRules.far_km,
# so towns a road joins ("طريق عامودا – القامشلي", 26 km) are compared, not blocked apart.
CELL_REACH = 2


def incident_id_for(first_key: str, taken: Callable[[str], bool] = lambda _: False) -> str:
    """A stable id from the event that founded the incident (a replaced document's
    event may found a second one while the first lives on: that one gets a suffix)."""
    base = "inc-" + hashlib.sha1(first_key.encode("utf-8")).hexdigest()[:12]
    candidate, n = base, 1
    while taken(candidate):
        n += 1
        candidate = f"{base}-{n}"
    return candidate


@dataclass(slots=True)
class Changes:
    changed: set[str] = field(default_factory=set)    # incidents created or given new members
    removed: set[str] = field(default_factory=set)    # incidents merged into another one


class IncidentResolver:
    def __init__(self, rules: MergeRules):
        self.rules = rules
        self.words = WordWeights()
        self.records: dict[str, EventRecord] = {}
        self.members: dict[str, list[str]] = {}        # incident id -> record keys
        self.incident_of: dict[str, str] = {}          # record key -> incident id
        # blocking indexes (see _candidates)
        self._dated_at: dict[tuple, list[str]] = defaultdict(list)          # (family, week, cell)
        self._dated_by_actor: dict[tuple, list[str]] = defaultdict(list)    # (family, week, actor)
        # a province's countryside has the capital's point: its towns are found by province
        self._dated_in: dict[tuple, list[str]] = defaultdict(list)          # (family, week, admin1), all
        self._dated_region: dict[tuple, list[str]] = defaultdict(list)      # (family, week, admin1), regions
        self._undated: dict[tuple, list[str]] = defaultdict(list)           # (family, place or actor)
        self._anchored: dict[tuple, list[str]] = defaultdict(list)          # (family, place or actor), all
        self._stored: set[str] = set()                 # incidents loaded, not created here
        self._scores: dict[tuple[str, str], float | None] = {}
        self._vectors: dict[str, list[tuple[list[str], dict[str, float]]]] = {}

    # ----------------------------------------------------------------- state

    def load(self, incident_id: str, records: Iterable[EventRecord]) -> None:
        """An incident as already resolved (from a database): indexed, not re-scored."""
        for r in records:
            self._index(r)
            self.members.setdefault(incident_id, []).append(r.key)
            self.incident_of[r.key] = incident_id
        self._stored.add(incident_id)

    def forget_document(self, doc_id: str) -> None:
        """Drop a document's events (it is being replaced); their incidents keep the other members."""
        gone = {k for k, r in self.records.items() if r.doc_id == doc_id}
        for key in gone:
            del self.records[key]
            incident_id = self.incident_of.pop(key)
            self.members[incident_id].remove(key)
            if not self.members[incident_id]:
                del self.members[incident_id]
        self._scores = {p: s for p, s in self._scores.items() if p[0] not in gone and p[1] not in gone}

    def incident(self, incident_id: str) -> list[EventRecord]:
        """The members of an incident, each with its best score against the others."""
        out = []
        for key in self.members[incident_id]:
            r = self.records[key]
            r.member.score = self._best(key)
            out.append(r)
        return out

    def _index(self, r: EventRecord) -> None:
        self.records[r.key] = r
        for words in r.sentences:
            self.words.add(words)
        family, key = self.rules.family(r.member.type), r.key
        weeks = self._weeks(r)
        province = self._province(r)
        for week in weeks:
            for cell in self._cells(r, 0):
                self._dated_at[(family, week, cell)].append(key)
            if province:
                self._dated_in[(family, week, province)].append(key)
                if self._is_region(r):
                    self._dated_region[(family, week, province)].append(key)
            for actor in r.actor_keys:
                self._dated_by_actor[(family, week, actor)].append(key)
        if not weeks:
            for anchor in self._anchors(r):
                self._undated[(family, anchor)].append(key)
        # every event can be found by its place and by its actors (an undated report may name only one)
        for anchor in self._anchors(r, everything=True):
            self._anchored[(family, anchor)].append(key)

    def _weeks(self, r: EventRecord) -> range:
        rng = r.date_range or self._reported_window(r)
        if rng is None or (rng[1] - rng[0]).days > MAX_BLOCK_RANGE_DAYS:
            return range(0)
        gap = self.rules.date_gap_days
        return range((rng[0].toordinal() - gap) // WEEK, (rng[1].toordinal() + gap) // WEEK + 1)

    @staticmethod
    def _reported_window(r: EventRecord) -> tuple[dt.date, dt.date] | None:
        """For blocking only: an event the text does not date happened before its article was
        published, most likely shortly before (a report is news). Scoring still treats it as undated."""
        p = r.member.published
        day = (p.value or p.max) if p is not None else None
        return (day - dt.timedelta(days=REPORTED_WITHIN_DAYS), day) if day else None

    @staticmethod
    def _cells(r: EventRecord, reach: int) -> list[tuple[int, int]]:
        """The grid cell of the place (and its neighbours up to `reach`)."""
        p = r.member.place
        if p is None or p.lat is None or p.lon is None:
            return []
        x, y = int(p.lat // GEO_CELL_DEG), int(p.lon // GEO_CELL_DEG)
        return [(x + i, y + j) for i in range(-reach, reach + 1) for j in range(-reach, reach + 1)]

    @staticmethod
    def _province(r: EventRecord) -> str | None:
        return r.member.place.admin1_pcode if r.member.place else None

    @staticmethod
    def _is_region(r: EventRecord) -> bool:
        """A province's countryside or district (ACLED geo-precision 3), placed at its capital."""
        return r.member.place is not None and r.member.place.geo_precision == 3

    @staticmethod
    def _anchors(r: EventRecord, everything: bool = False) -> list[str]:
        """What an event without a usable date is found by: its place, else its actors."""
        places = [f"p:{p}" for p in r.place_ids[:PLACE_ANCHORS]]
        if places and not everything:
            return places
        return places + [f"a:{a}" for a in r.actor_keys]

    # ----------------------------------------------------------------- scoring

    def _weighed(self, key: str) -> list[tuple[list[str], dict[str, float]]]:
        vecs = self._vectors.get(key)
        if vecs is None:
            vecs = self._vectors[key] = [(s, self.words.weigh(s)) for s in self.records[key].sentences if s]
        return vecs

    def word_similarity(self, x: str, y: str) -> float:
        """The closest pair of evidence sentences: an outlet that copies or retells
        another's sentence matches it even when the rest of the evidence differs."""
        return max((wording(a, b, wa, wb) for a, wa in self._weighed(x) for b, wb in self._weighed(y)),
                   default=0.0)

    def score(self, x: str, y: str) -> float | None:
        pair = (x, y) if x < y else (y, x)
        if pair not in self._scores:
            a, b = self.records[x], self.records[y]
            self._scores[pair] = similarity(a, b, self.rules, lambda: self.word_similarity(x, y))
        return self._scores[pair]

    def _candidates(self, r: EventRecord) -> list[str]:
        """Dated events: those of the same weeks in the same or a neighbouring cell (or, without a
        place, with a shared actor), and undated ones at its place. Undated events: those at
        its place (or with its actors). Nearest blocks first, at most `max_candidates`."""
        family, limit = self.rules.family(r.member.type), self.rules.max_candidates
        found: dict[str, None] = {}

        def take(keys) -> None:
            for k in keys:
                if len(found) >= limit:
                    return
                if k in self.records and k != r.key:
                    found.setdefault(k, None)

        weeks = self._weeks(r)
        cells = self._cells(r, CELL_REACH)
        province = self._province(r)
        by_province = self._dated_in if self._is_region(r) else self._dated_region
        placeless = r.member.type in self.rules.placeless_types
        for week in weeks:
            if cells:
                for cell in cells:
                    take(self._dated_at.get((family, week, cell), ()))
                if province:
                    take(by_province.get((family, week, province), ()))
            if not cells or placeless:
                for actor in r.actor_keys:
                    take(self._dated_by_actor.get((family, week, actor), ()))
        index = self._undated if weeks else self._anchored
        for anchor in self._anchors(r):
            take(reversed(index.get((family, anchor), ())))      # the most recent first
        return list(found)

    # ----------------------------------------------------------------- resolution

    def add(self, records: Iterable[EventRecord]) -> Changes:
        """Resolve new events against everything known; returns the incidents that changed."""
        new = [r for r in records if r.key not in self.records]
        for r in new:
            self._index(r)
        self._vectors.clear()        # document frequencies changed
        changes = Changes()
        created = set()
        for r in new:
            iid = incident_id_for(r.key, lambda i: i in self.members or i in self._stored)
            self.members[iid] = [r.key]
            self.incident_of[r.key] = iid
            created.add(iid)
        changes.changed |= created
        threshold = self.rules.threshold
        pairs = []
        for r in new:
            for k in self._candidates(r):
                s = self.score(r.key, k)
                if s is not None and s >= threshold:
                    pairs.append((s, r.key, k))
        pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
        for s, x, y in pairs:
            ix, iy = self.incident_of[x], self.incident_of[y]
            if ix != iy and self._can_join(ix, iy):
                kept, gone = self._join(ix, iy)
                changes.changed.add(kept)
                changes.changed.discard(gone)
                changes.removed.add(gone)
        changes.removed -= created       # never stored: nothing to delete
        return changes

    def _can_join(self, ix: str, iy: str) -> bool:
        """Average linkage with vetoes: no pair across the two may be impossible, and their pairs
        must reach the threshold on average."""
        mx, my = self.members[ix], self.members[iy]
        docs = {self.records[k].doc_id for k in mx}
        if any(self.records[k].doc_id in docs for k in my):
            return False
        threshold = self.rules.threshold
        scores = []
        for x in mx:
            for y in my:
                s = self.score(x, y)
                if s is None:
                    return False
                scores.append(s)
        return sum(scores) / len(scores) >= threshold

    def _join(self, ix: str, iy: str) -> tuple[str, str]:
        """Merge one incident into the other. A stored incident keeps its id (analysts and
        exports refer to it); else the larger one does, else the smaller id."""
        rank = lambda i: (i not in self._stored, -len(self.members[i]), i)  # noqa: E731
        kept, gone = sorted((ix, iy), key=rank)
        for k in self.members.pop(gone):
            self.members[kept].append(k)
            self.incident_of[k] = kept
        return kept, gone

    def _best(self, key: str) -> float:
        others = [k for k in self.members[self.incident_of[key]] if k != key]
        return max((self.score(key, k) or 0.0 for k in others), default=1.0)
