"""Contradictory claims about whose side an entity is on, across documents.

One outlet calls a commander "one of the IRGC's men" (a MEMBER_OF claim)
while another shows him fighting or threatening the IRGC: the entity is
flagged with the claim, who makes it, and who contradicts it.

Only persons are checked: a unit's side in an event is less certain than a
person's, and the knowledge base already says which units belong to whom.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from marsad.model import Document, EntityConflict

AFFILIATIONS = ("MEMBER_OF", "AFFILIATED_WITH", "PART_OF", "SPONSORED_BY")
# Event types in which side A acts against side B.
HOSTILE = ("ARMED_CLASH", "ATTACK", "ASSASSINATION", "AIRSTRIKE", "SHELLING", "ARREST", "ABDUCTION",
           "THREATEN", "ACCUSE")


class AffiliationLedger:
    def __init__(self) -> None:
        self.claims: dict[tuple[str, str], set[str]] = defaultdict(set)       # (entity, group) -> doc ids
        self.opposed: dict[tuple[str, str], set[str]] = defaultdict(set)
        self.names: dict[str, str] = {}

    def add(self, doc: Document) -> None:
        stable = {e.id: e.stable_id for e in doc.entities}
        for e in doc.entities:
            self.names.setdefault(e.stable_id, e.name_en or e.name_ar)
        for r in doc.relations:
            head = doc.entity(r.head)
            if r.type in AFFILIATIONS and head is not None and head.type == "PERSON" and r.tail in stable:
                self.claims[(stable[r.head], stable[r.tail])].add(doc.doc_id)
        for ev in doc.events:
            if ev.type not in HOSTILE or ev.modality not in ("asserted", "attempted", "threatened"):
                continue
            for a in ev.side_a:
                for b in ev.side_b:
                    if a in stable and b in stable:
                        self.opposed[(stable[a], stable[b])].add(doc.doc_id)
                        self.opposed[(stable[b], stable[a])].add(doc.doc_id)

    def conflicts(self) -> list[EntityConflict]:
        out = []
        for (entity, group), claimed_by in sorted(self.claims.items()):
            opposed_by = self.opposed.get((entity, group), set()) - claimed_by
            if opposed_by:
                out.append(EntityConflict(entity, self.names.get(entity, entity), group,
                                          sorted(claimed_by), sorted(opposed_by)))
        return out


def entity_conflicts(docs: Iterable[Document]) -> list[EntityConflict]:
    ledger = AffiliationLedger()
    for doc in docs:
        ledger.add(doc)
    return ledger.conflicts()
