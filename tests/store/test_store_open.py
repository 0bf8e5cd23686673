"""Opening a store: SQLite settings, and errors that say what to do."""
from __future__ import annotations

import sqlite3

import pytest

from marsad.errors import StoreError
from marsad.store import Store
from marsad.store.db import alembic_config


def _head_revision() -> str:
    from alembic.script import ScriptDirectory
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def test_sqlite_file_uses_wal_and_foreign_keys(tmp_path):
    path = tmp_path / "m.db"
    with Store.open(f"sqlite:///{path}") as store, store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    con = sqlite3.connect(path)
    try:
        assert con.execute("SELECT version_num FROM alembic_version").fetchall() == [(_head_revision(),)]
    finally:
        con.close()


def test_in_memory_sqlite_works():
    with Store.open("sqlite://") as store:
        assert store.count_documents() == 0


def test_missing_directory_is_a_clear_error(tmp_path):
    url = f"sqlite:///{tmp_path / 'no' / 'such' / 'dir' / 'm.db'}"
    with pytest.raises(StoreError) as err:
        Store.open(url)
    msg = str(err.value)
    assert url in msg and "does not exist" in msg and "create it" in msg


def test_directory_instead_of_file(tmp_path):
    with pytest.raises(StoreError, match="is a directory"):
        Store.open(f"sqlite:///{tmp_path}")


def test_server_that_does_not_answer_is_a_clear_error():
    pytest.importorskip("psycopg")
    url = "postgresql+psycopg://marsad:secret@127.0.0.1:1/marsad"    # port 1: nothing listens
    with pytest.raises(StoreError) as err:
        Store.open(url)
    msg = str(err.value)
    assert "127.0.0.1:1" in msg and "server running" in msg
    assert "secret" not in msg                                        # never print passwords


def test_invalid_url():
    with pytest.raises(StoreError, match="invalid database URL"):
        Store.open("not a url")


def test_unknown_revision_says_upgrade(tmp_path):
    path = tmp_path / "m.db"
    Store.open(f"sqlite:///{path}").close()
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '9999_future'")
    con.commit()
    con.close()
    with pytest.raises(StoreError, match="newer version of marsad"):
        Store.open(f"sqlite:///{path}")


def test_foreign_database_is_a_clear_error(tmp_path):
    path = tmp_path / "other.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE documents (x INTEGER)")    # someone else's table, no alembic_version
    con.commit()
    con.close()
    with pytest.raises(StoreError, match="new database"):
        Store.open(f"sqlite:///{path}")
