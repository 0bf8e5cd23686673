"""What the store promises, checked on SQLite and (when a server answers) PostgreSQL."""
from __future__ import annotations

import dataclasses

import pytest
import sqlalchemy as sa

from marsad.errors import StoreError
from marsad.model import Document, Span
from marsad.store import Store, schema
from marsad.store import db as store_db


def _row_counts(store: Store) -> dict[str, int]:
    with store.engine.connect() as conn:
        return {t.name: conn.execute(sa.select(sa.func.count()).select_from(t)).scalar_one()
                for t in (schema.documents, *schema.CHILD_TABLES)}


def test_round_trip_every_field(store, full_document):
    doc = full_document()
    assert store.save(doc) is True
    back = list(store.iter_documents())
    assert len(back) == 1
    assert back[0] == doc
    # spot checks that equality really covered the tricky parts
    got = back[0]
    assert got.events[0].casualties.killed[1].vague == "several"
    assert got.events[0].side_b == ["e2", "missing-entity"]
    assert got.events[2].place is not None and got.events[2].date is not None
    assert got.events[1].place is None and got.events[1].date is None
    assert got.entities[3].mentions[0].source == "coref"
    assert got.meta.extra["tags"] == ["a", "ب"]
    # a mention listed by the document and by its entity comes back as one object, as the pipeline made it
    assert got.entities[0].mentions[0] is got.mentions[0]


def test_derived_fields_are_not_stored(store, full_document):
    doc = full_document()
    doc.view = object()          # stands in for a NormalizedView
    doc.tokens = ["token"]
    doc.date_mentions = ["date mention"]
    store.save(doc)
    got = store.get(doc.doc_id)
    assert got.view is None and got.tokens == [] and got.date_mentions == []
    assert got == dataclasses.replace(doc, view=None, tokens=[], date_mentions=[])


def test_save_is_idempotent_by_content(store, full_document):
    doc = full_document()
    assert store.save(doc) is True
    before = _row_counts(store)
    assert store.save(full_document()) is False
    assert store.count_documents() == 1
    assert _row_counts(store) == before


def test_same_text_under_another_doc_id_is_not_stored_twice(store, full_document):
    assert store.save(full_document("a")) is True
    assert store.save(full_document("b")) is False
    assert [d.doc_id for d in store.iter_documents()] == ["a"]


def test_new_text_for_known_doc_id_replaces_old_version(store, full_document):
    old = full_document("x")
    store.save(old)
    new = Document(doc_id="x", text="نص جديد تماماً", boilerplate=[Span(0, 2)])
    assert store.save(new) is True
    assert store.count_documents() == 1
    assert list(store.iter_documents()) == [new]
    counts = _row_counts(store)
    assert counts["documents"] == 1 and counts["document_spans"] == 1
    assert all(counts[t] == 0 for t in ("entities", "mentions", "events", "evidence", "casualties"))


def test_replace_flag_rewrites_same_text(store, full_document):
    doc = full_document()
    store.save(doc)
    doc.events = doc.events[:1]
    assert store.save(doc, replace=True) is True
    assert store.get(doc.doc_id) == doc


def test_failed_save_leaves_nothing(store, full_document, monkeypatch):
    real_insert = store_db._insert

    def failing_insert(conn, table, rows):
        if table is schema.evidence:          # late in the document: documents, entities, events already written
            raise RuntimeError("simulated crash in the middle of a document")
        real_insert(conn, table, rows)

    monkeypatch.setattr(store_db, "_insert", failing_insert)
    with pytest.raises(RuntimeError, match="simulated crash"):
        store.save(full_document())
    assert all(n == 0 for n in _row_counts(store).values())


def test_failed_replacement_keeps_old_version(store, full_document, monkeypatch):
    old = full_document("x")
    store.save(old)
    before = _row_counts(store)
    real_insert = store_db._insert

    def failing_insert(conn, table, rows):
        if table is schema.casualties:
            raise RuntimeError("simulated crash")
        real_insert(conn, table, rows)

    monkeypatch.setattr(store_db, "_insert", failing_insert)
    with pytest.raises(RuntimeError):
        store.save(full_document("x", text=old.text + " تحديث"))
    assert _row_counts(store) == before
    assert store.get("x") == old


def test_database_error_becomes_store_error(store, full_document, monkeypatch):
    def broken_insert(conn, table, rows):
        raise sa.exc.OperationalError("INSERT", {}, Exception("disk I/O error"))

    monkeypatch.setattr(store_db, "_insert", broken_insert)
    with pytest.raises(StoreError, match="doc-full"):
        store.save(full_document())
    assert store.count_documents() == 0


def test_duplicate_entity_ids_are_refused(store, full_document):
    doc = full_document()
    doc.entities[1].id = doc.entities[0].id
    with pytest.raises(StoreError, match="entity id 'e1' is used twice"):
        store.save(doc)
    assert store.count_documents() == 0


def test_iter_documents_streams_in_doc_id_order(store, full_document):
    ids = ["d05", "d01", "d04", "d02", "d03"]
    for i in ids:
        store.save(full_document(i, text=f"{i} " + full_document().text))
    it = store.iter_documents(batch_size=2)
    first = next(it)
    # the caller may write while iterating: no connection is held between batches
    store.save(Document(doc_id="d00", text="later"))
    rest = list(it)
    assert [d.doc_id for d in [first, *rest]] == sorted(ids)
    assert store.count_documents() == 6


def test_reopen_keeps_data(store_url, full_document):
    with Store.open(store_url) as s:
        s.save(full_document())
    with Store.open(store_url) as s:   # migrations run again: nothing to do
        assert s.count_documents() == 1
        assert s.get("doc-full") == full_document()
        assert s.get("nope") is None


def test_migrated_schema_matches_declared_tables(store):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with store.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = compare_metadata(ctx, schema.metadata)
    assert diff == []


def test_concurrent_writers(store_url, full_document):
    """Two stores (as two processes would) saving at once: all distinct texts stored, shared ones once."""
    from concurrent.futures import ThreadPoolExecutor

    base = full_document().text

    def work(worker: int) -> list[bool]:
        with Store.open(store_url) as s:
            results = [s.save(full_document(f"w{worker}-{i}", text=f"{worker}-{i} {base}")) for i in range(8)]
            results += [s.save(full_document(f"shared-{i}-by-{worker}", text=f"shared {i} {base}"))
                        for i in range(4)]
            return results

    Store.open(store_url).close()            # create the schema once, before the race
    with ThreadPoolExecutor(max_workers=3) as pool:
        results = list(pool.map(work, range(3)))
    assert all(all(r[:8]) for r in results)
    assert sum(r[8 + i] for r in results for i in range(4)) == 4      # each shared text saved exactly once
    with Store.open(store_url) as s:
        assert s.count_documents() == 3 * 8 + 4
