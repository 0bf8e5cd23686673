"""The document store: SQLite or PostgreSQL through SQLAlchemy Core.

    >>> with Store.open("sqlite:///marsad.db") as store:
    ...     store.save(doc)              # True: written; False: this text is already stored
    ...     for d in store.iter_documents():
    ...         ...

Choices, so that callers can rely on them:

* **One transaction per document.** `save` writes the document and all its
  annotations in a single transaction; an error at any point rolls all of it
  back, so a crash never leaves half a document.
* **Idempotent by content.** The SHA-256 of the text (`Document.content_hash`)
  is unique. Saving a text that is already stored (under any doc_id) returns
  False and changes nothing: the same article collected twice is stored once.
* **A new text for a known doc_id replaces the old version.** The old rows are
  deleted and the new ones inserted in the same transaction, so readers see
  either the old or the new version, never a mix. `save(doc, replace=True)`
  also rewrites a document whose text is unchanged (to store a re-extraction).
* **Not stored:** `Document.view`, `tokens` and `date_mentions` are derived
  from the text by the pipeline and come back empty (`None` / `[]`).
  `DocumentMeta.extra` is stored as JSON; values that are not JSON types are
  stored as their `str()`.
* **Several writers at once.** Processes may save into one database at the
  same time: the document row is inserted with ON CONFLICT DO NOTHING, so a
  text stored meanwhile by another process makes `save` return False, and a
  doc_id stored meanwhile is replaced as if the saves had come one after the
  other. First-time schema creation is serialised too.
* **Locked or unreachable databases are retried.** A lock held by another
  program (past `lock_timeout`) or a server that does not answer is tried
  again `retries` times, waiting `retry_wait`, then twice that, and so on;
  then `StoreUnavailable` says which database and what to do. A problem with
  one document (`StoreError`) leaves the store usable for the next.
* **The same content on both backends.** Documents come back in code-point
  order of doc_id on SQLite and PostgreSQL alike, and text with NUL
  characters, which PostgreSQL cannot hold, is refused on both.
* The schema is created and upgraded with Alembic (`migrations/`) every time
  a store is opened; no alembic.ini is needed.
"""
from __future__ import annotations

import datetime as dt
import json
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any, Self, TypeVar

import sqlalchemy as sa
from sqlalchemy.engine import URL, Connection, Engine, Row
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, OperationalError, SQLAlchemyError

from marsad.errors import StoreError, StoreUnavailable
from marsad.model import (
    Casualties,
    DateValue,
    Document,
    DocumentMeta,
    Entity,
    Event,
    Incident,
    Mention,
    PlaceRef,
    Quantity,
    Relation,
    SideCasualties,
    Span,
)
from marsad.store import schema as S

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

# Seconds to wait for a PostgreSQL server before telling the user it does not
# answer (libpq waits forever by default).
PG_CONNECT_TIMEOUT = 10
# Seconds a statement waits for a lock another process holds before it fails (and
# may be retried). SQLite's busy timeout; PostgreSQL's lock_timeout, which is
# otherwise infinite.
DEFAULT_LOCK_TIMEOUT = 30.0
# Key of the PostgreSQL advisory lock that serialises first-time schema creation
# ("marsad" in ASCII): concurrent CREATE TABLEs would otherwise fail in all but one process.
_PG_MIGRATION_LOCK_KEY = 0x6D61727361640000
# Times a save is redone when another process stored the same doc_id between its
# check and its insert; more means processes keep rewriting one document.
_DOC_ID_RACES = 5

_EVENT_ROLES = ("side_a", "side_b", "associated")
# Execution option marking a connection that will write (see the SQLite "begin" listener).
_WRITE_OPTION = "marsad_write"
# Alembic runs env.py through module-global proxies (alembic.context): one migration at a time per process.
_MIGRATION_LOCK = threading.Lock()
T = TypeVar("T")


# --------------------------------------------------------------------------- engine & migrations

def _safe(url: URL | str) -> str:
    """The URL as it may be shown to a user: without the password."""
    if isinstance(url, URL):
        return url.render_as_string(hide_password=True)
    return url


def _json_dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


def _parse_url(url: str) -> URL:
    try:
        return sa.make_url(url)
    except ArgumentError as e:
        raise StoreError(
            f"invalid database URL {url!r} ({e}); use for example sqlite:///marsad.db "
            "or postgresql+psycopg://user@host:5432/dbname") from None


def _check_sqlite_path(u: URL) -> None:
    """Fail early, with a useful message, where SQLite would only say 'unable to open'."""
    db = u.database
    if not db or db == ":memory:" or db.startswith("file:"):
        return
    path = Path(db)
    if path.is_dir():
        raise StoreError(f"cannot open database {_safe(u)}: {path} is a directory; "
                         "give the path of a database file, e.g. sqlite:///data/marsad.db")
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise StoreError(f"cannot open database {_safe(u)}: directory {parent.resolve()} does not exist; "
                         "create it first or choose another path for the database")


def _set_wal(cur: Any, lock_timeout: float) -> None:
    """PRAGMA journal_mode=WAL, waiting for the lock it needs: SQLite answers "database is
    locked" at once, without its busy handler, when several connections open a new file together."""
    import sqlite3

    deadline = time.monotonic() + lock_timeout
    while True:
        try:
            cur.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as e:
            if "locked" not in str(e) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _sqlite_listeners(engine: Engine, in_memory: bool, lock_timeout: float) -> None:
    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the sqlite3 module, decide where transactions begin
        # (the module would start them lazily, outside SELECTs and DDL).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        try:
            cur.execute("PRAGMA foreign_keys=ON")        # off by default in SQLite
            cur.execute(f"PRAGMA busy_timeout={int(lock_timeout * 1000)}")
            if not in_memory:
                _set_wal(cur, lock_timeout)               # readers do not block the writer
                cur.execute("PRAGMA synchronous=NORMAL")  # safe with WAL, much faster
        finally:
            cur.close()

    @sa.event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        # Writers take the write lock up front (BEGIN IMMEDIATE): a deferred transaction that
        # reads, then writes, fails at once if another process wrote in between.
        write = conn.get_execution_options().get(_WRITE_OPTION, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def _pg_listeners(engine: Engine, lock_timeout: float) -> None:
    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        with dbapi_conn.cursor() as cur:
            cur.execute(f"SET lock_timeout = {int(lock_timeout * 1000)}")   # SET takes no bind parameters
        dbapi_conn.commit()           # SET is transactional: the pool's rollback would undo it


def create_engine(url: str, lock_timeout: float = DEFAULT_LOCK_TIMEOUT) -> Engine:
    """An engine for `url`, configured for marsad (SQLite pragmas, lock and connection timeouts).

    `postgresql://` without a driver means psycopg (3), the driver marsad installs.
    """
    u = _parse_url(url)
    backend = u.get_backend_name()
    if u.drivername in ("postgresql", "postgres"):
        u = u.set(drivername="postgresql+psycopg")
        backend = "postgresql"
    if backend not in ("sqlite", "postgresql"):
        raise StoreError(f"cannot open database {_safe(u)}: marsad stores documents in SQLite or PostgreSQL, "
                         f"not {backend}; use for example sqlite:///marsad.db or "
                         "postgresql://user@host:5432/dbname")
    kw: dict[str, Any] = {"json_serializer": _json_dumps}
    if backend == "sqlite":
        _check_sqlite_path(u)
    else:
        # A long-running watcher outlives server restarts: test pooled connections before use.
        kw["pool_pre_ping"] = True
        if "connect_timeout" not in u.query:
            kw["connect_args"] = {"connect_timeout": PG_CONNECT_TIMEOUT}
    try:
        engine = sa.create_engine(u, **kw)
    except (NoSuchModuleError, ModuleNotFoundError) as e:
        hint = ("install it with: pip install 'marsad[postgres]'" if backend == "postgresql"
                else "install the database driver named in the URL")
        raise StoreError(f"cannot open database {_safe(u)}: no driver for {u.drivername!r} ({e}); {hint}") from None
    if backend == "sqlite":
        db = u.database or ""
        _sqlite_listeners(engine, in_memory=(not db or db == ":memory:" or "mode=memory" in db),
                          lock_timeout=lock_timeout)
    else:
        _pg_listeners(engine, lock_timeout)
    return engine


def alembic_config(url: str | None = None, connection: Connection | None = None):
    """An Alembic Config for marsad's migrations, built in code (no alembic.ini)."""
    from alembic.config import Config  # imported here: only opening a store needs alembic

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if url is not None:
        # ConfigParser interpolates '%': escape it (URL-encoded passwords contain it).
        cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def migrate(connection: Connection, revision: str = "head") -> None:
    """Bring the schema on `connection` to `revision` (Alembic upgrade)."""
    from alembic import command

    with _MIGRATION_LOCK:
        command.upgrade(alembic_config(connection=connection), revision)


def _first_line(e: Exception) -> str:
    orig = getattr(e, "orig", None) or e
    text = str(orig).strip()
    return text.splitlines()[0] if text else type(orig).__name__


def _is_lock(e: SQLAlchemyError) -> bool:
    orig = getattr(e, "orig", None)
    if getattr(orig, "sqlstate", None) == "55P03":        # PostgreSQL lock_not_available
        return True
    return "database is locked" in str(orig) or "database table is locked" in str(orig)


def _transient(e: SQLAlchemyError) -> bool:
    """Would the same statement likely succeed a little later (a lock, a lost or refused connection)?"""
    if isinstance(e, DBAPIError) and e.connection_invalidated:
        return True
    if not isinstance(e, OperationalError):
        return False
    if _is_lock(e):
        return True
    state = getattr(e.orig, "sqlstate", None)
    if state is None:      # psycopg: the connection failed or broke, before any server answer
        return type(e.orig).__module__.startswith("psycopg")
    # 08: connection exception; 40: deadlock, serialization failure; 57P0x: the server shuts
    # down or starts up; 53300: too many connections
    return state[:2] in ("08", "40") or state in ("57P01", "57P02", "57P03", "53300")


def _connect_error(u: URL, e: Exception, tried: str) -> StoreError:
    if _is_lock(e):
        return _unavailable(u, "cannot open the database", e, tried)
    first = _first_line(e)
    if u.get_backend_name() == "postgresql":
        where = f"{u.host or 'localhost'}:{u.port or 5432}"
        return StoreUnavailable(
            f"cannot open database {_safe(u)}: {first} ({tried}). Is the PostgreSQL server running and "
            f"accepting connections at {where}? Check host, port, user, password and database name "
            "in the URL (the database must exist: createdb <name>)")
    return StoreUnavailable(f"cannot open database {_safe(u)}: {first}. Check that the path is correct "
                            "and that the file and its directory are writable")


def _unavailable(u: URL, doing: str, e: SQLAlchemyError, tried: str) -> StoreUnavailable:
    """The error once retries are spent: which database, what happened, what to do."""
    again = ("then run again (marsad ingest --resume skips what is already stored); "
             "to wait longer, raise db_retries, db_retry_wait or db_lock_timeout in a --config file")
    if _is_lock(e):
        return StoreUnavailable(
            f"{doing}: database {_safe(u)} is locked by another program ({_first_line(e)}; {tried}). "
            f"Let the other program finish, or close it (a sqlite3 shell or a database browser with an open "
            f"transaction, a long-running migration), {again}")
    if u.get_backend_name() == "postgresql":
        where = f"{u.host or 'localhost'}:{u.port or 5432}"
        return StoreUnavailable(
            f"{doing}: the PostgreSQL server at {where} for {_safe(u)} does not answer ({_first_line(e)}; "
            f"{tried}). Start the server or check host, port, user and password in the URL, {again}")
    return StoreUnavailable(f"{doing}: database {_safe(u)} failed: {_first_line(e)} ({tried}). Check that the "
                            "file and its directory are writable and the disk is not full, " + again)


def _retrying(retries: int, retry_wait: float, attempt: Callable[[], T],
              fail: Callable[[SQLAlchemyError, str], StoreError]) -> T:
    """attempt(), tried again after transient database errors (locks, lost connections) with
    doubling waits; the error left at the end is raised as `fail(error, "tried N time(s) over S s")`."""
    start = time.monotonic()
    tries = 0
    while True:
        tries += 1
        try:
            return attempt()
        except SQLAlchemyError as e:
            if _transient(e) and tries <= retries:
                time.sleep(retry_wait * 2 ** (tries - 1))
                continue
            raise fail(e, f"tried {tries} time(s) over {time.monotonic() - start:.1f} s") from None


# --------------------------------------------------------------------------- the store

class Store:
    """Documents with all their annotations, in a SQL database."""

    def __init__(self, engine: Engine, url: str, *, retries: int = 0, retry_wait: float = 1.0):
        self._engine = engine
        self.url = url
        self.retries = retries
        self.retry_wait = retry_wait

    # -- opening and closing ------------------------------------------------

    @classmethod
    def open(cls, url: str, *, retries: int = 0, retry_wait: float = 1.0,
             lock_timeout: float = DEFAULT_LOCK_TIMEOUT) -> Store:
        """Open (creating if needed) the database at `url` and migrate it to the current schema.

        A database that is locked or does not answer is tried `retries` more times, waiting
        `retry_wait` seconds and twice as long each time after; saves do the same.
        """
        from alembic.util import CommandError  # imported here: only opening a store needs alembic

        engine = create_engine(url, lock_timeout)
        u = engine.url

        def connect() -> None:
            engine.connect().close()

        def migrate_failed(e: SQLAlchemyError, tried: str) -> StoreError:
            if _transient(e):
                return _unavailable(u, "cannot create or update the marsad tables", e, tried)
            return StoreError(
                f"cannot create or migrate the marsad tables in {_safe(u)}: {getattr(e, 'orig', e)}. "
                "If this database holds other tables or was made by another program, "
                "point db_url at a new database")

        try:
            _retrying(retries, retry_wait, connect, lambda e, tried: _connect_error(u, e, tried))
            _retrying(retries, retry_wait, lambda: _connect_and_migrate(engine), migrate_failed)
        except StoreError:
            engine.dispose()
            raise
        except CommandError as e:  # e.g. a revision this marsad does not know
            engine.dispose()
            raise StoreError(
                f"cannot migrate {_safe(u)}: {e}. The database was probably written by a newer "
                "version of marsad: upgrade marsad, or use another database") from None
        return cls(engine, url, retries=retries, retry_wait=retry_wait)

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.safe_url!r})"

    @property
    def safe_url(self) -> str:
        """The URL as it may be shown: without the password."""
        return _safe(self._engine.url)

    @property
    def engine(self) -> Engine:
        """For read-only SQL by other parts of marsad (web views, merge)."""
        return self._engine

    def _retrying(self, doing: str, attempt: Callable[[], T]) -> T:
        u = self._engine.url

        def fail(e: SQLAlchemyError, tried: str) -> StoreError:
            # A database that fails as a whole ends the run; a document it refuses does not.
            if _transient(e) or isinstance(e, OperationalError):
                return _unavailable(u, doing, e, tried)
            return StoreError(f"{doing} in {_safe(u)}: {_first_line(e)}")
        return _retrying(self.retries, self.retry_wait, attempt, fail)

    # -- writing ------------------------------------------------------------

    def save(self, doc: Document, *, replace: bool = False) -> bool:
        """Store `doc` in one transaction. False when its text is already stored (nothing changes).

        A document whose doc_id is stored with another text replaces that
        version. With `replace=True` a document whose text is stored is
        rewritten too (to keep a new extraction of the same text).
        Raises StoreError for a document that cannot be stored (the store
        stays usable), StoreUnavailable when the database cannot be written at all.
        """
        _check_storable(doc)
        doing = f"cannot save document {doc.doc_id!r}"
        for _ in range(_DOC_ID_RACES):
            saved = self._retrying(doing, lambda: self._save_once(doc, replace))
            if saved is not None:
                return saved
        raise StoreError(f"{doing} to {_safe(self._engine.url)}: other processes stored doc_id {doc.doc_id!r} "
                         f"{_DOC_ID_RACES} times while this one tried; run the writers of this document one "
                         "after the other")

    def _save_once(self, doc: Document, replace: bool) -> bool | None:
        """True: saved; False: the text is stored; None: another process stored this doc_id meanwhile."""
        digest = doc.content_hash
        D = S.documents
        with self._engine.connect() as conn:
            try:
                with conn.execution_options(**{_WRITE_OPTION: True}).begin():
                    found = conn.execute(
                        sa.select(D.c.id, D.c.doc_id, D.c.content_hash)
                        .where(sa.or_(D.c.content_hash == digest, D.c.doc_id == doc.doc_id))
                    ).all()
                    if any(r.content_hash == digest for r in found) and not replace:
                        return False
                    for r in found:      # the old version of this doc_id (and, with replace, the same text)
                        _delete_document(conn, r.id)
                    # Another writer may have stored the text or the doc_id since the SELECT (PostgreSQL
                    # waits for its commit here): then nothing is inserted, and the deletions roll back.
                    pk = conn.execute(_insert_new(conn, D).values(_document_row(doc)).returning(D.c.id)).scalar()
                    if pk is None:
                        raise _LostRace
                    for table, rows in _child_rows(doc, pk):
                        if rows:
                            _insert(conn, table, rows)
            except _LostRace:
                pass
            else:
                return True
            return False if _has_content(conn, digest) else None

    def has_content(self, content_hash: str) -> bool:
        """Is a text with this SHA-256 (`Document.content_hash`) stored?"""
        def attempt() -> bool:
            with self._engine.connect() as conn:
                return _has_content(conn, content_hash)
        return self._retrying("cannot read the stored documents", attempt)

    # -- reading ------------------------------------------------------------

    def count_documents(self) -> int:
        def attempt() -> int:
            with self._engine.connect() as conn:
                return conn.execute(sa.select(sa.func.count()).select_from(S.documents)).scalar_one()
        return self._retrying("cannot count the stored documents", attempt)

    def iter_documents(self, batch_size: int = 100) -> Iterator[Document]:
        """Every stored document, rebuilt in full, in code-point order of doc_id (on every backend).

        Streams: documents are read `batch_size` at a time (keyset pagination),
        and no connection is held while the caller works on them, so the
        caller may save to this store while iterating.
        """
        D = S.documents
        # PostgreSQL sorts by the database's locale unless told otherwise; "C" is code-point
        # order, which is what SQLite's default BINARY collation gives for UTF-8 text.
        key = D.c.doc_id.collate("C") if self._engine.dialect.name == "postgresql" else D.c.doc_id
        last: str | None = None
        while True:
            q = sa.select(D).order_by(key).limit(batch_size)
            if last is not None:
                q = q.where(key > last)

            def attempt(q: sa.Select = q) -> tuple[list[Row], list[Document]]:
                with self._engine.connect() as conn:
                    rows = conn.execute(q).all()
                    return rows, _load(conn, rows)
            rows, docs = self._retrying("cannot read the stored documents", attempt)
            if not rows:
                return
            yield from docs
            last = rows[-1].doc_id

    def get(self, doc_id: str) -> Document | None:
        """One stored document by doc_id, or None."""
        def attempt() -> Document | None:
            with self._engine.connect() as conn:
                rows = conn.execute(sa.select(S.documents).where(S.documents.c.doc_id == doc_id)).all()
                return _load(conn, rows)[0] if rows else None
        return self._retrying(f"cannot read document {doc_id!r}", attempt)

    # -- incidents (written by marsad.merge.StoredIncidents) -----------------

    def iter_incidents(self, min_members: int = 1) -> Iterator[Incident]:
        """Every incident with at least `min_members` reports, earliest first."""
        from marsad.store.incidents import load_incidents
        yield from self.read("read incidents", lambda conn: load_incidents(conn, min_members=min_members))

    def get_incident(self, incident_id: str) -> Incident | None:
        from marsad.store.incidents import load_incidents
        found = self.read(f"read incident {incident_id!r}", lambda conn: load_incidents(conn, [incident_id]))
        return found[0] if found else None

    # -- work of other parts of marsad (merge, web) ---------------------------

    def write(self, doing: str, work: Callable[[Connection], T]) -> T:
        """work(conn) in one write transaction, tried again after locks and lost connections
        (so `work` must only write what it computed before); `doing` names it in errors."""
        def attempt() -> T:
            with self._engine.connect() as conn, conn.execution_options(**{_WRITE_OPTION: True}).begin():
                return work(conn)
        return self._retrying(f"cannot {doing}", attempt)

    def read(self, doing: str, work: Callable[[Connection], T]) -> T:
        def attempt() -> T:
            with self._engine.connect() as conn:
                return work(conn)
        return self._retrying(f"cannot {doing}", attempt)


# --------------------------------------------------------------------------- writing helpers

class _LostRace(Exception):
    """Rolls back a save that another process overtook."""


def _connect_and_migrate(engine: Engine) -> None:
    from alembic.migration import MigrationContext
    from alembic.script import ScriptDirectory

    with engine.connect() as conn:
        # Most opens find the schema current: they read, and take no lock a writer holds.
        head = ScriptDirectory.from_config(alembic_config()).get_current_head()
        if MigrationContext.configure(conn).get_current_revision() == head:
            return
    with engine.connect() as conn, conn.execution_options(**{_WRITE_OPTION: True}).begin():
        # One process creates or upgrades the schema; the others wait and then find it done.
        # (On SQLite, the write option's BEGIN IMMEDIATE is that lock.)
        if conn.dialect.name == "postgresql":
            conn.execute(sa.select(sa.func.pg_advisory_xact_lock(_PG_MIGRATION_LOCK_KEY)))
        migrate(conn)


def _insert_new(conn: Connection, table: sa.Table):
    """INSERT … ON CONFLICT DO NOTHING: a row that would break a unique constraint is left out."""
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert(table).on_conflict_do_nothing()


def _has_content(conn: Connection, digest: str) -> bool:
    return conn.execute(sa.select(S.documents.c.id).where(S.documents.c.content_hash == digest)).first() is not None


def _check_storable(doc: Document) -> None:
    _check_ids(doc)
    for what, value in (("text", doc.text), ("title", doc.meta.title), ("url", doc.meta.url),
                        ("source path", doc.meta.source_path), ("outlet", doc.meta.outlet)):
        if value and "\x00" in value:
            raise StoreError(
                f"cannot save document {doc.doc_id!r}: its {what} contains a NUL character (U+0000) at offset "
                f"{value.index(chr(0))}. PostgreSQL cannot store it, so marsad refuses it on every database; "
                "remove NUL characters from the input (they usually mean binary data)")


def _check_ids(doc: Document) -> None:
    """Entity and event ids must be unique in a document: other rows refer to them."""
    for what, ids in (("entity", [e.id for e in doc.entities]), ("event", [e.id for e in doc.events])):
        seen: set[str] = set()
        for i in ids:
            if i in seen:
                raise StoreError(f"cannot save document {doc.doc_id!r}: {what} id {i!r} is used twice "
                                 f"(ids must be unique within a document)")
            seen.add(i)


def _delete_document(conn: Connection, pk: int) -> None:
    # Children first, explicitly: correct even where foreign keys do not cascade.
    # Its incident memberships go with it (marsad.merge rewrites the incidents that lose them).
    conn.execute(sa.update(S.document_similarity).where(S.document_similarity.c.duplicate_of == pk)
                 .values(duplicate_of=None, similarity=None))
    for table in (S.incident_members, S.document_similarity, *reversed(S.CHILD_TABLES)):
        conn.execute(sa.delete(table).where(table.c.document_id == pk))
    conn.execute(sa.delete(S.documents).where(S.documents.c.id == pk))


def _insert(conn: Connection, table: sa.Table, rows: list[dict[str, Any]]) -> None:
    """One multi-row INSERT (executemany) per table."""
    conn.execute(sa.insert(table), rows)


def _span_cols(prefix: str, span: Span | None) -> dict[str, int | None]:
    # `is None`, not truthiness: an empty Span(0, 0) has len() 0 and is falsy
    if span is None:
        return {f"{prefix}_start": None, f"{prefix}_end": None}
    return {f"{prefix}_start": span.start, f"{prefix}_end": span.end}


def _date_cols(prefix: str, d: DateValue | None) -> dict[str, Any]:
    if d is None:
        return {f"{prefix}_value": None, f"{prefix}_min": None, f"{prefix}_max": None,
                f"{prefix}_precision": None, **_span_cols(f"{prefix}_expr", None), f"{prefix}_value_source": None}
    return {f"{prefix}_value": d.value, f"{prefix}_min": d.min, f"{prefix}_max": d.max,
            f"{prefix}_precision": d.precision, **_span_cols(f"{prefix}_expr", d.expression),
            f"{prefix}_value_source": d.source}


def _document_row(doc: Document) -> dict[str, Any]:
    m = doc.meta
    return {
        "doc_id": doc.doc_id, "content_hash": doc.content_hash, "text": doc.text,
        "source_path": m.source_path, "url": m.url, "title": m.title,
        "outlet": m.outlet, "outlet_ar": m.outlet_ar, "outlet_id": m.outlet_id,
        "outlet_source": m.outlet_source, **_span_cols("outlet_span", m.outlet_span),
        **_date_cols("published", m.published), "published_source": m.published_source,
        "language": m.language, "extra": m.extra or {},
    }


def _mention_key(m: Mention) -> tuple:
    return (m.span.start, m.span.end, m.text, m.type, m.entity_id, m.kb_id, m.source, m.confidence)


def _mention_row(m: Mention) -> dict[str, Any]:
    return {**_span_cols("span", m.span), "text": m.text, "type": m.type, "entity_id": m.entity_id,
            "kb_id": m.kb_id, "source": m.source, "confidence": m.confidence,
            "doc_position": None, "entity_ordinal": None, "entity_position": None}


def _mention_rows(doc: Document) -> list[dict[str, Any]]:
    """One row per distinct Mention; a mention listed both in the document and in its entity is one row."""
    rows: list[dict[str, Any]] = []
    by_identity: dict[int, int] = {}
    unclaimed: dict[tuple, list[int]] = defaultdict(list)  # equal-valued rows not yet owned by an entity
    for pos, m in enumerate(doc.mentions):
        row = _mention_row(m)
        row["doc_position"] = pos
        rows.append(row)
        by_identity[id(m)] = len(rows) - 1
        unclaimed[_mention_key(m)].append(len(rows) - 1)
    for eo, ent in enumerate(doc.entities):
        for ep, m in enumerate(ent.mentions):
            idx = by_identity.get(id(m))
            if idx is not None and rows[idx]["entity_ordinal"] is None:
                unclaimed[_mention_key(m)].remove(idx)
            else:
                candidates = unclaimed.get(_mention_key(m))
                if candidates:
                    idx = candidates.pop(0)
                else:
                    rows.append(_mention_row(m))
                    idx = len(rows) - 1
            rows[idx]["entity_ordinal"] = eo
            rows[idx]["entity_position"] = ep
    for i, row in enumerate(rows):
        row["ordinal"] = i
    return rows


def _place_cols(p: PlaceRef | None) -> dict[str, Any]:
    p_ = p if p is not None else PlaceRef()
    return {
        "has_place": p is not None, "place_entity_id": p_.entity_id,
        "place_name_ar": p_.name_ar, "place_name_en": p_.name_en,
        "place_lat": p_.lat, "place_lon": p_.lon,
        "place_admin1": p_.admin1, "place_admin2": p_.admin2, "place_admin3": p_.admin3,
        "place_admin1_pcode": p_.admin1_pcode, "place_admin2_pcode": p_.admin2_pcode,
        "place_admin3_pcode": p_.admin3_pcode, "place_geo_precision": p_.geo_precision,
        "place_kb_id": p_.kb_id, **_span_cols("place_span", p_.span),
    }


def _child_rows(doc: Document, pk: int) -> list[tuple[sa.Table, list[dict[str, Any]]]]:
    """Rows of every child table for `doc`, parents before children."""
    ent_ordinal = {e.id: i for i, e in enumerate(doc.entities)}
    spans = [{"kind": "boilerplate", "ordinal": i, **_span_cols("span", s)} for i, s in enumerate(doc.boilerplate)]
    spans += [{"kind": "sentence", "ordinal": i, **_span_cols("span", s)} for i, s in enumerate(doc.sentences)]
    ents = [{"ordinal": i, "entity_id": e.id, "type": e.type, "name_ar": e.name_ar, "name_en": e.name_en,
             "kb_id": e.kb_id, "confidence": e.confidence, "lat": e.lat, "lon": e.lon,
             "parent_kb_id": e.parent_kb_id, "place_kind": e.place_kind}
            for i, e in enumerate(doc.entities)]
    rels = [{"ordinal": i, "type": r.type, "head": r.head, "tail": r.tail,
             "head_ordinal": ent_ordinal.get(r.head), "tail_ordinal": ent_ordinal.get(r.tail),
             **_span_cols("evidence", r.evidence), "source_doc": r.source_doc, "confidence": r.confidence}
            for i, r in enumerate(doc.relations)]
    evs: list[dict[str, Any]] = []
    args: list[dict[str, Any]] = []
    evid: list[dict[str, Any]] = []
    cas: list[dict[str, Any]] = []
    qty: list[dict[str, Any]] = []
    for i, ev in enumerate(doc.events):
        evs.append({"ordinal": i, "event_id": ev.id, "type": ev.type, "modality": ev.modality,
                    **_date_cols("date", ev.date), **_place_cols(ev.place),
                    "attribution": ev.attribution, **_span_cols("attribution_span", ev.attribution_span),
                    "confidence": ev.confidence})
        for role in _EVENT_ROLES:
            for pos, eid in enumerate(getattr(ev, role)):
                args.append({"event_ordinal": i, "role": role, "position": pos, "entity_id": eid,
                             "entity_ordinal": ent_ordinal.get(eid)})
        evid.append({"event_ordinal": i, "kind": "trigger", "position": 0, **_span_cols("span", ev.trigger)})
        evid += [{"event_ordinal": i, "kind": "evidence", "position": pos, **_span_cols("span", s)}
                 for pos, s in enumerate(ev.evidence)]
        for outcome in ("killed", "injured"):
            cas += [{"event_ordinal": i, "outcome": outcome, "position": pos, "count": c.count,
                     "vague": c.vague, "side": c.side, "entity_id": c.entity_id, **_span_cols("span", c.span)}
                    for pos, c in enumerate(getattr(ev.casualties, outcome))]
        qty += [{"event_ordinal": i, "position": pos, "kind": q.kind, "value": q.value, "text": q.text,
                 **_span_cols("span", q.span), "approximate": q.approximate}
                for pos, q in enumerate(ev.quantities)]
    out: list[tuple[sa.Table, list[dict[str, Any]]]] = [
           (S.document_spans, spans), (S.entities, ents), (S.mentions, _mention_rows(doc)),
           (S.relations, rels), (S.events, evs), (S.event_arguments, args), (S.evidence, evid),
           (S.casualties, cas), (S.quantities, qty)]
    for _, rows in out:
        for row in rows:
            row["document_id"] = pk
    return out


# --------------------------------------------------------------------------- reading helpers

def _span(row: Row, prefix: str) -> Span | None:
    start, end = row._mapping[f"{prefix}_start"], row._mapping[f"{prefix}_end"]
    return None if start is None else Span(start, end)


def _req_span(row: Row, prefix: str) -> Span:
    """A span the model requires (its columns are NOT NULL)."""
    return Span(row._mapping[f"{prefix}_start"], row._mapping[f"{prefix}_end"])


def _as_date(v: Any) -> dt.date | None:
    # Some drivers hand back datetimes for DATE columns; the model holds dates.
    return v.date() if isinstance(v, dt.datetime) else v


def _date(row: Row, prefix: str) -> DateValue | None:
    m = row._mapping
    precision = m[f"{prefix}_precision"]
    if precision is None:
        return None
    return DateValue(value=_as_date(m[f"{prefix}_value"]), min=_as_date(m[f"{prefix}_min"]),
                     max=_as_date(m[f"{prefix}_max"]), precision=precision,
                     expression=_span(row, f"{prefix}_expr"), source=m[f"{prefix}_value_source"] or "")


def _place(row: Row) -> PlaceRef | None:
    if not row.has_place:
        return None
    return PlaceRef(entity_id=row.place_entity_id, name_ar=row.place_name_ar, name_en=row.place_name_en,
                    lat=row.place_lat, lon=row.place_lon, admin1=row.place_admin1,
                    admin2=row.place_admin2, admin3=row.place_admin3,
                    admin1_pcode=row.place_admin1_pcode, admin2_pcode=row.place_admin2_pcode,
                    admin3_pcode=row.place_admin3_pcode, geo_precision=row.place_geo_precision,
                    kb_id=row.place_kb_id, span=_span(row, "place_span"))


def _children(conn: Connection, table: sa.Table, pks: Sequence[int], *order: str) -> dict[int, list[Row]]:
    """Rows of `table` for the documents `pks`, grouped by document, in `order`."""
    q = (sa.select(table).where(table.c.document_id.in_(pks))
         .order_by(table.c.document_id, *(table.c[o] for o in order)))
    out: dict[int, list[Row]] = defaultdict(list)
    for row in conn.execute(q):
        out[row.document_id].append(row)
    return out


def _load(conn: Connection, doc_rows: Sequence[Row]) -> list[Document]:
    """Rebuild full Documents for the given `documents` rows (one query per table for the batch)."""
    pks = [r.id for r in doc_rows]
    spans = _children(conn, S.document_spans, pks, "kind", "ordinal")
    ents = _children(conn, S.entities, pks, "ordinal")
    ments = _children(conn, S.mentions, pks, "ordinal")
    rels = _children(conn, S.relations, pks, "ordinal")
    evs = _children(conn, S.events, pks, "ordinal")
    args = _children(conn, S.event_arguments, pks, "event_ordinal", "role", "position")
    evid = _children(conn, S.evidence, pks, "event_ordinal", "kind", "position")
    cas = _children(conn, S.casualties, pks, "event_ordinal", "outcome", "position")
    qty = _children(conn, S.quantities, pks, "event_ordinal", "position")

    docs = []
    for r in doc_rows:
        pk = r.id
        meta = DocumentMeta(
            source_path=r.source_path, url=r.url, title=r.title, outlet=r.outlet, outlet_ar=r.outlet_ar,
            outlet_id=r.outlet_id, outlet_source=r.outlet_source, outlet_span=_span(r, "outlet_span"),
            published=_date(r, "published"), published_source=r.published_source,
            language=r.language, extra=dict(r.extra or {}))
        doc = Document(doc_id=r.doc_id, text=r.text, meta=meta)
        for s in spans.get(pk, []):
            (doc.boilerplate if s.kind == "boilerplate" else doc.sentences).append(_req_span(s, "span"))

        entities = [Entity(id=e.entity_id, type=e.type, name_ar=e.name_ar, name_en=e.name_en, kb_id=e.kb_id,
                           confidence=e.confidence, lat=e.lat, lon=e.lon, parent_kb_id=e.parent_kb_id,
                           place_kind=e.place_kind)
                    for e in ents.get(pk, [])]
        in_doc: list[tuple[int, Mention]] = []
        in_entity: list[tuple[int, int, Mention]] = []
        for m in ments.get(pk, []):
            mention = Mention(span=_req_span(m, "span"), text=m.text, type=m.type, entity_id=m.entity_id,
                              kb_id=m.kb_id, source=m.source, confidence=m.confidence)
            if m.doc_position is not None:
                in_doc.append((m.doc_position, mention))
            if m.entity_ordinal is not None:
                in_entity.append((m.entity_ordinal, m.entity_position, mention))
        doc.mentions = [m for _, m in sorted(in_doc, key=lambda t: t[0])]
        for eo, _, mention in sorted(in_entity, key=lambda t: (t[0], t[1])):
            entities[eo].mentions.append(mention)
        doc.entities = entities

        doc.relations = [Relation(type=x.type, head=x.head, tail=x.tail, evidence=_req_span(x, "evidence"),
                                  source_doc=x.source_doc, confidence=x.confidence) for x in rels.get(pk, [])]

        by_ordinal: dict[int, dict[str, Any]] = {e.ordinal: {"trigger": None, "evidence": [],
                                                             "side_a": [], "side_b": [], "associated": [],
                                                             "killed": [], "injured": [], "quantities": []}
                                                 for e in evs.get(pk, [])}
        for a in args.get(pk, []):
            by_ordinal[a.event_ordinal][a.role].append(a.entity_id)
        for x in evid.get(pk, []):
            if x.kind == "trigger":
                by_ordinal[x.event_ordinal]["trigger"] = _req_span(x, "span")
            else:
                by_ordinal[x.event_ordinal]["evidence"].append(_req_span(x, "span"))
        for c in cas.get(pk, []):
            by_ordinal[c.event_ordinal][c.outcome].append(
                # ._mapping: `count` is also a tuple method of Row
                SideCasualties(count=c._mapping["count"], vague=c.vague, side=c.side, entity_id=c.entity_id,
                               span=_span(c, "span")))
        for q in qty.get(pk, []):
            by_ordinal[q.event_ordinal]["quantities"].append(
                Quantity(kind=q.kind, value=q.value, text=q.text, span=_req_span(q, "span"),
                         approximate=q.approximate))
        for e in evs.get(pk, []):
            parts = by_ordinal[e.ordinal]
            doc.events.append(Event(
                id=e.event_id, type=e.type, trigger=parts["trigger"], evidence=parts["evidence"],
                modality=e.modality, date=_date(e, "date"), place=_place(e),
                side_a=parts["side_a"], side_b=parts["side_b"], associated=parts["associated"],
                casualties=Casualties(killed=parts["killed"], injured=parts["injured"]),
                quantities=parts["quantities"], attribution=e.attribution,
                attribution_span=_span(e, "attribution_span"), confidence=e.confidence))
        docs.append(doc)
    return docs


__all__ = ["Store", "alembic_config", "create_engine", "migrate"]
