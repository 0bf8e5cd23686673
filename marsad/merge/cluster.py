"""Grouping reported events into incidents, incrementally.

    resolver = IncidentResolver(rules)
    resolver.load(incident_id, stored_records)      # incidents already in a database, not re-scored
    changes = resolver.add(new_records)             # new events join incidents or found new ones

Choices:

* **Blocking.** A new event is compared only with events of a compatible type
  family that share a week of its date range, or (when a date is missing)
  share its place or one of its actors; at most `max_candidates` of them. The
  cost grows with the number of new events, not with the size of the store.
* **Complete linkage.** Two incidents join only when every pair of their
  events scores at least the threshold, so a chain of pairwise-similar reports
  cannot drift from one occurrence to another.
* **One event per document and incident.** Two events of one article are two
  occurrences by construction (the extractor already merged its repetitions).
* **Best pairs first.** Pairs are taken from the highest score down, so an
  event joins the incident it resembles most.
"""
from __future__ import annotations

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
        self._by_week: dict[tuple[str, int], list[str]] = defaultdict(list)
        self._by_anchor: dict[tuple[str, str], list[str]] = defaultdict(list)
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
        family = self.rules.family(r.member.type)
        for week in self._weeks(r):
            self._by_week[(family, week)].append(r.key)
        for anchor in self._anchors(r):
            self._by_anchor[(family, anchor)].append(r.key)

    def _weeks(self, r: EventRecord) -> range:
        rng = r.date_range
        if rng is None or (rng[1] - rng[0]).days > MAX_BLOCK_RANGE_DAYS:
            return range(0)
        gap = self.rules.date_gap_days
        return range((rng[0].toordinal() - gap) // WEEK, (rng[1].toordinal() + gap) // WEEK + 1)

    @staticmethod
    def _anchors(r: EventRecord) -> list[str]:
        return [f"p:{p}" for p in r.place_ids[:PLACE_ANCHORS]] + [f"a:{a}" for a in r.actor_keys]

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
            self._scores[pair] = similarity(a, b, self.rules, self.word_similarity(x, y))
        return self._scores[pair]

    def _candidates(self, r: EventRecord) -> list[str]:
        family = self.rules.family(r.member.type)
        found: dict[str, None] = {}
        weeks = self._weeks(r)
        for week in weeks:
            for k in self._by_week.get((family, week), ()):
                if k in self.records:
                    found.setdefault(k, None)
        for anchor in self._anchors(r):
            for k in reversed(self._by_anchor.get((family, anchor), ())):
                # a dated event already found its dated neighbours by week
                if k in self.records and (not weeks or self.records[k].date_range is None):
                    found.setdefault(k, None)
        found.pop(r.key, None)
        return list(found)[: self.rules.max_candidates]

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
        mx, my = self.members[ix], self.members[iy]
        docs = {self.records[k].doc_id for k in mx}
        if any(self.records[k].doc_id in docs for k in my):
            return False
        threshold = self.rules.threshold
        for x in mx:
            for y in my:
                s = self.score(x, y)
                if s is None or s < threshold:
                    return False
        return True

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
