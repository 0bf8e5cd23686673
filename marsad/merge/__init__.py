"""Incidents across documents: reports of one occurrence merged, each source's values kept,
disagreements flagged.

    tracker = IncidentTracker(options)
    for doc in docs:
        tracker.observe(doc)              # sketch, near-duplicate check, event records
    incidents = tracker.incidents()       # resolved and consolidated

Contradictory affiliation claims are found by the exports as they write the
documents (marsad.merge.affiliations).

With a database, `marsad.merge.store_sync.update_store` resolves the new
documents' events against the stored incidents (incremental).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from marsad.config import Options
from marsad.merge.cluster import Changes, IncidentResolver
from marsad.merge.consolidate import build_incident
from marsad.merge.duplicates import Copy, DuplicateFinder, body_words, sketch
from marsad.merge.records import EventRecord, MergeRules, RecordBuilder
from marsad.model import Document, Incident, InputProblem


class IncidentTracker:
    """Follows documents as they stream past and resolves their incidents on demand."""

    def __init__(self, options: Options | None = None):
        self.rules = MergeRules.load(options)
        self.builder = RecordBuilder(options)
        self.resolver = IncidentResolver(self.rules)
        self.duplicates = DuplicateFinder(self.rules.duplicate_jaccard, self.rules.sketch_size)
        self.copies: dict[str, Copy] = {}
        self._pending: list[EventRecord] = []

    def observe(self, doc: Document) -> None:
        """Take one extracted document: its sketch now, its events at the next resolve."""
        copy = self.duplicates.add(doc.doc_id, self.sketch(doc))
        if copy is not None:
            self.copies[doc.doc_id] = copy
        records = self.builder(doc)
        for r in records:
            r.member.duplicate_of = copy.original if copy else None
        self._pending.extend(records)

    def sketch(self, doc: Document) -> list[int]:
        return sketch(body_words(doc), self.rules.sketch_size)

    def watch(self, items: Iterable[Document | InputProblem]) -> Iterator[Document | InputProblem]:
        """Pass items through, observing the documents."""
        for item in items:
            if isinstance(item, Document):
                self.observe(item)
            yield item

    def resolve(self) -> Changes:
        pending, self._pending = self._pending, []
        return self.resolver.add(pending)

    def incident(self, incident_id: str) -> tuple[Incident, list[EventRecord]]:
        """The consolidated incident and its members' records."""
        records = self.resolver.incident(incident_id)
        return build_incident(incident_id, records, self.rules), records

    def incidents(self) -> list[Incident]:
        """Every incident, in the order of its first report."""
        self.resolve()
        return [self.incident(i)[0] for i in self.resolver.members]


__all__ = ["EventRecord", "IncidentTracker", "MergeRules"]
