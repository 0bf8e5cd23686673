"""Shared pytest configuration: the `slow` marker (deselect with -m "not slow"), and databases
on both backends: SQLite files and, when a server answers at 127.0.0.1:5432, PostgreSQL."""
from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest


def pytest_configure(config):
    config.addinivalue_line("markers", "slow: takes more than ~20 s (deselect with -m 'not slow')")


# --------------------------------------------------------------------------- gold scoring

@pytest.fixture(scope="session")
def extract_and_score():
    """Run `marsad extract` on a corpus folder and score it with shared/eval/score.py: the scorer's
    JSON report."""
    import json
    import subprocess
    import sys

    def run(corpus, gold, scorer, workdir) -> dict:
        pred = workdir / "pred.json"
        done = subprocess.run([sys.executable, "-m", "marsad", "extract", str(corpus), "--format", "eval-json",
                               "-o", str(pred)], capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, done.stderr
        scored = subprocess.run([sys.executable, str(scorer), "--gold", str(gold), "--pred", str(pred),
                                 "--corpus", str(corpus), "--json"], capture_output=True, text=True, timeout=120)
        assert scored.returncode == 0, scored.stderr
        return json.loads(scored.stdout)
    return run


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


# --------------------------------------------------------------------------- a local web server for feeds

class FeedServer:
    """Pages served from 127.0.0.1 with ETag / Last-Modified validation; every request is recorded.

    `put(path, body, ...)` (re)defines a page; `status=` makes it answer with an error."""

    def __init__(self) -> None:
        import http.server
        import threading

        self.pages: dict[str, dict] = {}
        self.requests: list[tuple[str, dict[str, str], int]] = []     # (path, headers, status answered)
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:          # noqa: N802 - the http.server protocol
                page = server.pages.get(self.path)
                headers = {k.lower(): v for k, v in self.headers.items()}
                status = 404 if page is None else page["status"]
                if status == 200 and (
                        (page["etag"] and headers.get("if-none-match") == page["etag"])
                        or (page["last_modified"] and headers.get("if-modified-since") == page["last_modified"])):
                    status = 304
                server.requests.append((self.path, headers, status))
                self.send_response(status)
                body = page["body"] if status == 200 else b""
                if status == 200:
                    self.send_header("Content-Type", page["content_type"])
                    for name, key in (("ETag", "etag"), ("Last-Modified", "last_modified")):
                        if page[key]:
                            self.send_header(name, page[key])
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args) -> None:
                pass

        self._httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self._httpd.server_address[1]}"
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        self._thread.start()

    def put(self, path: str, body: str | bytes, content_type: str = "text/html; charset=utf-8", *,
            etag: str | None = None, last_modified: str | None = None, status: int = 200) -> str:
        self.pages[path] = {"body": body.encode("utf-8") if isinstance(body, str) else body,
                            "content_type": content_type, "etag": etag, "last_modified": last_modified,
                            "status": status}
        return self.base + path

    def hits(self, path: str) -> list[tuple[dict[str, str], int]]:
        return [(h, s) for p, h, s in self.requests if p == path]

    @staticmethod
    def article_page(title: str, body: str, site: str | None = None, published: str | None = None) -> str:
        """A news page as sites write them: head metadata, navigation, the article, a footer."""
        meta = "".join(f'<meta property="{k}" content="{v}">' for k, v in
                       (("og:site_name", site), ("article:published_time", published)) if v)
        paragraphs = "".join(f"<p>{line}</p>" for line in body.splitlines() if line.strip())
        return (f'<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>{title}</title>{meta}'
                f'</head><body><nav><a href="/">الرئيسية</a> <a href="/news">أخبار</a></nav>'
                f"<article><h1>{title}</h1>{paragraphs}</article><footer>جميع الحقوق محفوظة</footer></body></html>")

    @staticmethod
    def rss(title: str, items: list[dict]) -> str:
        """An RSS 2.0 document; each item: guid, link, title, pubDate (any may be missing)."""
        body = ""
        for it in items:
            body += "<item>" + "".join(f"<{k}>{v}</{k}>" for k, v in it.items() if v is not None) + "</item>"
        return (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>{title}</title>'
                f"<link>http://example.org/</link><description>آخر الأخبار</description>{body}</channel></rss>")

    def close(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join()


@pytest.fixture
def feed_server() -> Iterator[FeedServer]:
    server = FeedServer()
    try:
        yield server
    finally:
        server.close()
