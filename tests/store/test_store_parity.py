"""SQLite and PostgreSQL hold the same thing: the same documents saved to both give identical
exports in every format, through the store and through `marsad ingest` / `marsad export`."""
from __future__ import annotations

import io
from pathlib import Path

import pytest

from marsad.cli import main
from marsad.config import Options
from marsad.export import FORMATS, write_export
from marsad.model import Document
from marsad.store import Store

SEEDS = Path(__file__).resolve().parents[2] / "examples" / "seeds"
# doc_ids whose order differs between code points and the usual locales (case, punctuation, Arabic)
TRICKY_IDS = ["b", "B", "a-1", "a1", "a_1", "Z", "ا", "ب", "é", "a 1"]


@pytest.fixture(scope="module")
def seed_documents() -> list[Document]:
    from marsad import api
    docs = list(api.extract([str(SEEDS)]))
    assert docs and all(isinstance(d, Document) for d in docs)
    return docs


def exports(url: str) -> dict[str, str]:
    options = Options.load(extra={"export_timestamp": 1_700_000_000})   # ACLED's timestamp column
    out = {}
    with Store.open(url) as store:
        for fmt in FORMATS:
            buf = io.StringIO()
            write_export(fmt, store.iter_documents(), buf, options)
            out[fmt] = buf.getvalue()
    return out


def test_same_documents_give_identical_exports(tmp_path, pg_url, seed_documents, full_document):
    docs = list(seed_documents)
    docs += [full_document(doc_id, text=f"{doc_id} {full_document().text}") for doc_id in TRICKY_IDS]
    sqlite_url = f"sqlite:///{tmp_path / 'm.db'}"
    for url in (sqlite_url, pg_url):
        with Store.open(url) as store:
            assert all(store.save(d) for d in docs)

    with Store.open(sqlite_url) as a, Store.open(pg_url) as b:
        from_sqlite, from_pg = list(a.iter_documents(batch_size=3)), list(b.iter_documents(batch_size=3))
    assert from_sqlite == from_pg
    assert [d.doc_id for d in from_pg] == sorted(d.doc_id for d in docs)       # code-point order

    got_sqlite, got_pg = exports(sqlite_url), exports(pg_url)
    for fmt in FORMATS:
        assert got_sqlite[fmt] == got_pg[fmt], fmt
    assert len(got_pg["acled-csv"].splitlines()) > 1 + len(docs)    # header and events: a real comparison


def test_cli_ingest_and_export_on_both_backends(capsys, tmp_path, pg_url):
    plain_pg = pg_url.replace("postgresql+psycopg://", "postgresql://")      # as a user would write it
    outputs = {}
    for name, url in (("sqlite", f"sqlite:///{tmp_path / 'm.db'}"), ("postgresql", plain_pg)):
        assert main(["ingest", str(SEEDS), "--db", url, "--no-progress"]) == 0
        err = capsys.readouterr().err
        assert "5 document(s) stored" in err
        outputs[name] = {}
        for fmt in ("eval-json", "json", "geojson"):
            assert main(["export", "--db", url, "--format", fmt]) == 0
            outputs[name][fmt] = capsys.readouterr().out
    assert outputs["sqlite"] == outputs["postgresql"]
    assert '"events"' in outputs["postgresql"]["eval-json"]
