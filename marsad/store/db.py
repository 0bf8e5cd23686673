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
* The schema is created and upgraded with Alembic (`migrations/`) every time
  a store is opened; no alembic.ini is needed.
"""
from __future__ import annotations

import datetime as dt
import json
import threading
from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any, Self

import sqlalchemy as sa
from sqlalchemy.engine import URL, Connection, Engine, Row
from sqlalchemy.exc import ArgumentError, IntegrityError, NoSuchModuleError, SQLAlchemyError

from marsad.errors import StoreError
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
# Milliseconds SQLite waits for another writer's lock before failing.
SQLITE_BUSY_TIMEOUT_MS = 30_000

_EVENT_ROLES = ("side_a", "side_b", "associated")
# Execution option marking a connection that will write (see the SQLite "begin" listener).
_WRITE_OPTION = "marsad_write"
# Alembic runs env.py through module-global proxies (alembic.context): one migration at a time per process.
_MIGRATION_LOCK = threading.Lock()


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


def _sqlite_listeners(engine: Engine, in_memory: bool) -> None:
    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the sqlite3 module, decide where transactions begin
        # (the module would start them lazily, outside SELECTs and DDL).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        try:
            cur.execute("PRAGMA foreign_keys=ON")        # off by default in SQLite
            cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
            if not in_memory:
                cur.execute("PRAGMA journal_mode=WAL")   # readers do not block the writer
                cur.execute("PRAGMA synchronous=NORMAL")  # safe with WAL, much faster
        finally:
            cur.close()

    @sa.event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        # Writers take the write lock up front (BEGIN IMMEDIATE): a deferred transaction that
        # reads, then writes, fails at once if another process wrote in between.
        write = conn.get_execution_options().get(_WRITE_OPTION, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def create_engine(url: str) -> Engine:
    """An engine for `url`, configured for marsad (SQLite pragmas, connection timeout)."""
    u = _parse_url(url)
    kw: dict[str, Any] = {"json_serializer": _json_dumps}
    backend = u.get_backend_name()
    if backend == "sqlite":
        _check_sqlite_path(u)
    elif backend == "postgresql" and "connect_timeout" not in u.query:
        kw["connect_args"] = {"connect_timeout": PG_CONNECT_TIMEOUT}
    try:
        engine = sa.create_engine(u, **kw)
    except (NoSuchModuleError, ModuleNotFoundError) as e:
        hint = ("install it with: pip install 'marsad[postgres]'" if backend == "postgresql"
                else "install the database driver named in the URL")
        raise StoreError(f"cannot open database {_safe(u)}: no driver for {u.drivername!r} ({e}); {hint}") from None
    if backend == "sqlite":
        db = u.database or ""
        _sqlite_listeners(engine, in_memory=(not db or db == ":memory:" or "mode=memory" in db))
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


def _connect_error(u: URL, e: Exception) -> StoreError:
    orig = getattr(e, "orig", None) or e
    first = str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__
    if u.get_backend_name() == "postgresql":
        where = f"{u.host or 'localhost'}:{u.port or 5432}"
        return StoreError(
            f"cannot open database {_safe(u)}: {first}. Is the PostgreSQL server running and "
            f"accepting connections at {where}? Check host, port, user, password and database name "
            "in the URL (the database must exist: createdb <name>)")
    return StoreError(f"cannot open database {_safe(u)}: {first}. Check that the path is correct "
                      "and that the file and its directory are writable")


# --------------------------------------------------------------------------- the store

class Store:
    """Documents with all their annotations, in a SQL database."""

    def __init__(self, engine: Engine, url: str):
        self._engine = engine
        self.url = url

    # -- opening and closing ------------------------------------------------

    @classmethod
    def open(cls, url: str) -> Store:
        """Open (creating if needed) the database at `url` and migrate it to the current schema."""
        from alembic.util import CommandError  # imported here: only opening a store needs alembic

        engine = create_engine(url)
        u = engine.url
        try:
            conn = engine.connect()
        except SQLAlchemyError as e:
            engine.dispose()
            raise _connect_error(u, e) from None
        try:
            with conn.begin():
                migrate(conn)
        except SQLAlchemyError as e:
            engine.dispose()
            raise StoreError(
                f"cannot create or migrate the marsad tables in {_safe(u)}: {getattr(e, 'orig', e)}. "
                "If this database holds other tables or was made by another program, "
                "point db_url at a new database") from None
        except CommandError as e:  # e.g. a revision this marsad does not know
            engine.dispose()
            raise StoreError(
                f"cannot migrate {_safe(u)}: {e}. The database was probably written by a newer "
                "version of marsad: upgrade marsad, or use another database") from None
        finally:
            conn.close()
        return cls(engine, url)

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({_safe(self._engine.url)!r})"

    @property
    def engine(self) -> Engine:
        """For read-only SQL by other parts of marsad (web views, merge)."""
        return self._engine

    # -- writing ------------------------------------------------------------

    def save(self, doc: Document, *, replace: bool = False) -> bool:
        """Store `doc` in one transaction. False when its text is already stored (nothing changes).

        A document whose doc_id is stored with another text replaces that
        version. With `replace=True` a document whose text is stored is
        rewritten too (to keep a new extraction of the same text).
        """
        _check_ids(doc)
        digest = doc.content_hash
        D = S.documents
        try:
            with self._engine.connect() as conn, conn.execution_options(**{_WRITE_OPTION: True}).begin():
                found = conn.execute(
                    sa.select(D.c.id, D.c.doc_id, D.c.content_hash)
                    .where(sa.or_(D.c.content_hash == digest, D.c.doc_id == doc.doc_id))
                ).all()
                if any(r.content_hash == digest for r in found) and not replace:
                    return False
                for r in found:          # the old version of this doc_id (and, with replace, the same text)
                    _delete_document(conn, r.id)
                key = conn.execute(sa.insert(D).values(_document_row(doc))).inserted_primary_key
                if not key:      # cannot happen with an autoincrement key; keeps the types honest
                    raise StoreError(f"{_safe(self._engine.url)} returned no key for document {doc.doc_id!r}")
                pk = key[0]
                for table, rows in _child_rows(doc, pk):
                    if rows:
                        _insert(conn, table, rows)
        except IntegrityError as e:
            # Another process stored the same text between our check and our insert.
            if self._has_hash(digest):
                return False
            raise StoreError(f"cannot save document {doc.doc_id!r} to {_safe(self._engine.url)}: "
                             f"{getattr(e, 'orig', e)}") from None
        except SQLAlchemyError as e:
            raise StoreError(f"cannot save document {doc.doc_id!r} to {_safe(self._engine.url)}: "
                             f"{getattr(e, 'orig', e)}") from None
        return True

    def _has_hash(self, digest: str) -> bool:
        with self._engine.connect() as conn:
            return conn.execute(sa.select(S.documents.c.id)
                                .where(S.documents.c.content_hash == digest)).first() is not None

    # -- reading ------------------------------------------------------------

    def count_documents(self) -> int:
        with self._engine.connect() as conn:
            return conn.execute(sa.select(sa.func.count()).select_from(S.documents)).scalar_one()

    def iter_documents(self, batch_size: int = 100) -> Iterator[Document]:
        """Every stored document, rebuilt in full, ordered by doc_id.

        Streams: documents are read `batch_size` at a time (keyset pagination),
        and no connection is held while the caller works on them, so the
        caller may save to this store while iterating.
        """
        D = S.documents
        last: str | None = None
        while True:
            q = sa.select(D).order_by(D.c.doc_id).limit(batch_size)
            if last is not None:
                q = q.where(D.c.doc_id > last)
            with self._engine.connect() as conn:
                rows = conn.execute(q).all()
                if not rows:
                    return
                docs = _load(conn, rows)
            yield from docs
            last = rows[-1].doc_id

    def get(self, doc_id: str) -> Document | None:
        """One stored document by doc_id, or None."""
        with self._engine.connect() as conn:
            rows = conn.execute(sa.select(S.documents).where(S.documents.c.doc_id == doc_id)).all()
            return _load(conn, rows)[0] if rows else None

    # -- incidents (written by marsad.merge.StoredIncidents) -----------------

    def iter_incidents(self, min_members: int = 1) -> Iterator[Incident]:
        """Every incident with at least `min_members` reports, earliest first."""
        from marsad.store.incidents import load_incidents
        with self._engine.connect() as conn:
            incidents = load_incidents(conn, min_members=min_members)
        yield from incidents

    def get_incident(self, incident_id: str) -> Incident | None:
        from marsad.store.incidents import load_incidents
        with self._engine.connect() as conn:
            found = load_incidents(conn, [incident_id])
        return found[0] if found else None

    @contextmanager
    def transaction(self, what: str) -> Iterator[Connection]:
        """A connection in one write transaction; `what` names the work in errors."""
        try:
            with self._engine.connect() as conn, conn.execution_options(**{_WRITE_OPTION: True}).begin():
                yield conn
        except SQLAlchemyError as e:
            raise StoreError(f"cannot {what} in {_safe(self._engine.url)}: {getattr(e, 'orig', e)}") from None

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        with self._engine.connect() as conn:
            yield conn


# --------------------------------------------------------------------------- writing helpers

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
