"""Incremental incident resolution against a database.

    with Store.open(url) as store:
        incidents = StoredIncidents(store, options)
        for doc in docs:
            if store.save(doc):
                incidents.add(doc)
        incidents.flush()

The stored incidents are loaded once (their members' records, not their
documents) and the new events are resolved against them; only the incidents
that gain, lose or merge members are rewritten. Nothing stored is re-extracted
or re-scored.
"""
from __future__ import annotations

from marsad.config import Options
from marsad.merge import IncidentTracker
from marsad.merge.records import EventRecord
from marsad.model import Document
from marsad.store import Store
from marsad.store import incidents as SI

# Documents resolved per transaction: bounds the pending records and the size of one write.
FLUSH_EVERY = 200


class StoredIncidents:
    def __init__(self, store: Store, options: Options | None = None):
        self.store = store
        self.tracker = IncidentTracker(options)
        self._touched: set[str] = set()      # stored incidents that lost members to a replaced document
        self._sketches: list[tuple[str, list[int]]] = []   # of documents not yet flushed
        grouped: dict[str, list[EventRecord]] = {}
        for incident_id, record in store.read("read incidents", lambda conn: list(SI.incident_records(conn))):
            grouped.setdefault(incident_id, []).append(record)
        for doc_id, sketch in store.read("read document sketches", lambda conn: list(SI.sketches(conn))):
            self.tracker.duplicates.remember(doc_id, sketch)
        unmerged = store.read("find unresolved documents", SI.unmerged_documents)
        for incident_id, records in grouped.items():
            self.tracker.resolver.load(incident_id, records)
        # what an interrupted ingest saved but did not resolve is resolved now
        for doc_id in unmerged:
            doc = store.get(doc_id)
            if doc is not None:
                self.add(doc)

    def before_save(self, doc: Document) -> None:
        """Call before saving a document that may replace a stored version of it."""
        touched = self.store.read("find incidents of a replaced document",
                                  lambda conn: SI.incidents_replaced_by(conn, doc.doc_id, doc.content_hash))
        if touched:
            self.tracker.resolver.forget_document(doc.doc_id)
            self._touched.update(touched)

    def add(self, doc: Document) -> None:
        """A document just saved: resolved, with its sketch stored, at the next flush."""
        self.tracker.observe(doc)
        self._sketches.append((doc.doc_id, self.tracker.duplicates.sketches[doc.doc_id]))
        if len(self._sketches) >= FLUSH_EVERY:
            self.flush()

    def flush(self) -> None:
        """Resolve the pending events and write the incidents that changed, with the new
        documents' sketches, in one transaction (a sketch marks a document as resolved)."""
        changes = self.tracker.resolve()
        changed = sorted((changes.changed | self._touched) - changes.removed)
        rewritten = [self.tracker.incident(i) for i in changed if i in self.tracker.resolver.members]
        sketches = [(doc_id, sketch, self.tracker.copies.get(doc_id)) for doc_id, sketch in self._sketches]

        def work(conn) -> None:
            for doc_id, sketch, copy in sketches:
                SI.save_similarity(conn, doc_id, sketch, copy)
            SI.delete_incidents(conn, changes.removed)
            for incident, records in rewritten:
                SI.save_incident(conn, incident, records)
            SI.delete_empty_incidents(conn)

        self.store.write("update incidents", work)
        self._sketches.clear()
        self._touched.clear()


class NotResolving:
    """Stands in for StoredIncidents when incidents are off: the documents stay unresolved,
    and the next ingest with incidents on resolves them."""

    def before_save(self, doc: Document) -> None:
        pass

    def add(self, doc: Document) -> None:
        pass

    def flush(self) -> None:
        pass


def stored_incidents(store: Store, options: Options) -> StoredIncidents | NotResolving:
    return StoredIncidents(store, options) if options.incidents else NotResolving()
