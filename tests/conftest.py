"""Shared pytest configuration: the `slow` marker (deselect with -m "not slow"), and databases
on both backends: SQLite files and, when a server answers at 127.0.0.1:5432, PostgreSQL."""
from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest


def pytest_configure(config):
    config.addinivalue_line("markers", "slow: takes more than ~20 s (deselect with -m 'not slow')")


# --------------------------------------------------------------------------- databases

PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
PG_DSN = "host=127.0.0.1 port=5432 user=postgres dbname=test"


def pg_unavailable() -> str | None:
    """Why PostgreSQL tests cannot run here, or None when they can."""
    try:
        import psycopg
    except ImportError:
        return "psycopg is not installed (pip install 'marsad[postgres]')"
    try:
        with psycopg.connect(PG_DSN, connect_timeout=3):
            return None
    except psycopg.Error as e:
        return f"no PostgreSQL server answers at {PG_URL}: {str(e).strip().splitlines()[0]}"


@contextmanager
def pg_schema(base_url: str = PG_URL) -> Iterator[str]:
    """A URL whose connections all work in a new, empty schema, dropped afterwards.

    Skips the test when no server answers. Tests stay isolated from each other and
    from other users of the `test` database, and can run again and again."""
    reason = pg_unavailable()
    if reason:
        pytest.skip(reason)
    import psycopg

    schema = f"marsad_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG_DSN, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    try:
        # libpq "options": every connection of the store works inside the test's schema
        yield f"{base_url}?options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(PG_DSN, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture
def pg_schema_at():
    """pg_schema itself, for a test that reaches the server another way (e.g. through a relay)."""
    return pg_schema


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A PostgreSQL URL with a schema of its own (skips the test when no server answers)."""
    with pg_schema() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path):
    """A fresh, empty database URL on each backend; PostgreSQL gets its own schema, dropped afterwards."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'marsad.db'}"
        return
    with pg_schema() as url:
        yield url
