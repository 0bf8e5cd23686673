"""Locked and unreachable databases: retries with backoff, then an error that names the database
and says what to do. A document the database refuses leaves the store usable."""
from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator

import pytest
import sqlalchemy as sa

from marsad.errors import StoreError, StoreUnavailable
from marsad.model import Document
from marsad.store import Store
from marsad.store.db import create_engine

# A relay thread that fails (a port not rebound, say) must fail the test, not pass it quietly.
pytestmark = pytest.mark.filterwarnings("error::pytest.PytestUnhandledThreadExceptionWarning")

@contextlib.contextmanager
def write_lock(url: str) -> Iterator[None]:
    """Another program holding the write lock on the documents (a transaction left open)."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            conn.execution_options(marsad_write=True).begin()      # SQLite: BEGIN IMMEDIATE
            if conn.dialect.name == "postgresql":
                conn.exec_driver_sql("LOCK TABLE documents IN ACCESS EXCLUSIVE MODE")
            try:
                yield
            finally:
                conn.rollback()
    finally:
        engine.dispose()


def test_locked_database_is_retried_then_named_with_what_to_do(store_url):
    with Store.open(store_url, retries=2, retry_wait=0.05, lock_timeout=0.1) as store:
        safe = store.safe_url
        with write_lock(store_url), pytest.raises(StoreUnavailable) as err:
            store.save(Document(doc_id="d1", text="نص أول"))
        msg = str(err.value)
        assert safe in msg and "'d1'" in msg
        assert "locked by another program" in msg
        assert "tried 3 time(s)" in msg
        assert "--resume" in msg and "db_retries" in msg
        assert store.count_documents() == 0


def test_lock_released_during_the_retries_lets_the_save_through(store_url):
    with Store.open(store_url, retries=6, retry_wait=0.05, lock_timeout=0.05) as store:
        started = time.monotonic()
        holder_ready = threading.Event()

        def hold():
            with write_lock(store_url):
                holder_ready.set()
                time.sleep(0.4)

        holder = threading.Thread(target=hold)
        holder.start()
        holder_ready.wait(5)
        try:
            assert store.save(Document(doc_id="d1", text="نص أول")) is True
        finally:
            holder.join()
        assert time.monotonic() - started >= 0.35          # it waited for the lock, not around it
        assert store.count_documents() == 1


def test_refused_document_leaves_the_store_usable(store):
    """A text PostgreSQL cannot hold is refused on every backend, as one document's problem."""
    with pytest.raises(StoreError) as err:
        store.save(Document(doc_id="nul", text="نص\x00ثنائي"))
    assert not isinstance(err.value, StoreUnavailable)
    assert "'nul'" in str(err.value) and "NUL" in str(err.value) and "offset 2" in str(err.value)
    assert store.save(Document(doc_id="ok", text="نص سليم")) is True
    assert [d.doc_id for d in store.iter_documents()] == ["ok"]


# --------------------------------------------------------------------------- a server that goes away

class TcpProxy:
    """A real TCP relay to the PostgreSQL server that can be taken down and brought back on the
    same port: the database disappears as it would when its server restarts or the network fails."""

    def __init__(self, target: tuple[str, int] = ("127.0.0.1", 5432)):
        self.target = target
        with socket.socket() as probe:          # a free port, kept for every restart
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self._listener: socket.socket | None = None
        self._open: list[socket.socket] = []
        self._lock = threading.Lock()

    def start(self) -> None:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen()
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def stop(self) -> None:
        """Stop listening and cut every relayed connection."""
        if self._listener is not None:
            with contextlib.suppress(OSError):
                self._listener.shutdown(socket.SHUT_RDWR)      # wakes the accept(); close() alone would not
            self._listener.close()
            self._listener = None
        with self._lock:
            for s in self._open:
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)
                s.close()
            self._open.clear()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return                       # stopped
            try:
                server = socket.create_connection(self.target, timeout=5)
            except OSError:
                client.close()
                continue
            server.settimeout(None)
            with self._lock:
                self._open += [client, server]
            for a, b in ((client, server), (server, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(src: socket.socket, dst: socket.socket) -> None:
        try:
            while data := src.recv(65536):
                dst.sendall(data)
        except OSError:
            pass
        finally:
            with contextlib.suppress(OSError):
                dst.shutdown(socket.SHUT_WR)


@pytest.fixture
def proxy() -> Iterator[TcpProxy]:
    p = TcpProxy()
    try:
        yield p
    finally:
        p.stop()


@pytest.fixture
def pg_via_proxy(proxy, pg_schema_at) -> Iterator[str]:
    with pg_schema_at(f"postgresql+psycopg://postgres:secret@127.0.0.1:{proxy.port}/test") as url:
        yield url


def later(seconds: float, action) -> threading.Timer:
    timer = threading.Timer(seconds, action)
    timer.start()
    return timer


def test_server_that_is_down_is_retried_then_named(proxy, pg_via_proxy):
    started = time.monotonic()
    with pytest.raises(StoreUnavailable) as err:
        Store.open(pg_via_proxy, retries=2, retry_wait=0.1)
    assert time.monotonic() - started >= 0.3               # waited 0.1 s, then 0.2 s
    msg = str(err.value)
    assert f"127.0.0.1:{proxy.port}" in msg and "server running" in msg and "tried 3 time(s)" in msg
    assert "secret" not in msg


def test_server_that_comes_back_during_the_retries_is_used(proxy, pg_via_proxy):
    timer = later(0.3, proxy.start)
    try:
        with Store.open(pg_via_proxy, retries=6, retry_wait=0.1) as store:
            assert store.save(Document(doc_id="d1", text="نص أول")) is True
    finally:
        timer.join()


def test_connection_lost_mid_run_is_retried(proxy, pg_via_proxy):
    proxy.start()
    with Store.open(pg_via_proxy, retries=6, retry_wait=0.1) as store:
        assert store.save(Document(doc_id="d1", text="نص أول")) is True
        proxy.stop()                              # the server goes away between two documents
        with pytest.raises(ConnectionRefusedError):
            socket.create_connection(("127.0.0.1", proxy.port), timeout=2)
        started = time.monotonic()
        timer = later(0.3, proxy.start)
        try:
            assert store.save(Document(doc_id="d2", text="نص ثان")) is True
        finally:
            timer.join()
        assert time.monotonic() - started >= 0.25
        assert [d.doc_id for d in store.iter_documents()] == ["d1", "d2"]


def test_connection_lost_without_retries_names_the_server(proxy, pg_via_proxy):
    proxy.start()
    with Store.open(pg_via_proxy, retries=0) as store:
        store.save(Document(doc_id="d1", text="نص أول"))
        proxy.stop()
        with pytest.raises(StoreUnavailable) as err:
            store.save(Document(doc_id="d2", text="نص ثان"))
    msg = str(err.value)
    assert f"127.0.0.1:{proxy.port}" in msg and "does not answer" in msg and "'d2'" in msg
    assert "secret" not in msg


def test_plain_postgresql_url_uses_psycopg(pg_url):
    plain = pg_url.replace("postgresql+psycopg://", "postgresql://")
    with Store.open(plain) as store:
        assert store.engine.dialect.driver == "psycopg"
        assert store.save(Document(doc_id="d1", text="نص أول")) is True


def test_other_database_kinds_are_refused_with_a_hint():
    with pytest.raises(StoreError, match="SQLite or PostgreSQL"):
        Store.open("mysql://user@localhost/marsad")


def test_first_open_by_several_writers_at_once_creates_the_schema_once(store_url):
    """Three stores opening a new database at the same moment (as three processes would)."""
    barrier = threading.Barrier(3)
    errors: list[BaseException] = []

    def open_and_save(i: int) -> None:
        barrier.wait()
        try:
            with Store.open(store_url) as s:
                s.save(Document(doc_id=f"d{i}", text=f"نص رقم {i}"))
        except BaseException as e:     # noqa: BLE001 - collected and shown by the assertion
            errors.append(e)

    threads = [threading.Thread(target=open_and_save, args=(i,)) for i in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with Store.open(store_url) as s, s.engine.connect() as conn:
        assert s.count_documents() == 3
        assert conn.execute(sa.text("SELECT count(*) FROM alembic_version")).scalar_one() == 1
