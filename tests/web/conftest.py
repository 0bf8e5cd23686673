"""Fixtures for the workbench: the five seed articles in a real SQLite store (with the incidents
`marsad ingest` finds), an analyst account, a live server and Debian's chromium for the browser tests."""
from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from marsad.model import Document

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "examples" / "seeds"
CHROMIUM = Path("/usr/bin/chromium")
ANALYST, PASSWORD = "amal", "correct horse battery"


@pytest.fixture(scope="session")
def seed_db(tmp_path_factory) -> Path:
    """A SQLite file holding the seed articles as `marsad ingest` stores them (built once)."""
    from marsad import api
    from marsad.config import Options

    path = tmp_path_factory.mktemp("seeds") / "seeds.db"
    options = Options.load(db_url=f"sqlite:///{path}", progress=False)
    result = api.ingest((d for d in api.extract([str(SEEDS)], options) if isinstance(d, Document)), options)
    assert result.added == 5
    return path


@pytest.fixture
def store(seed_db, tmp_path):
    """A private copy of the seed store: tests that review change only their own copy."""
    from marsad.store import Store

    path = tmp_path / "marsad.db"
    shutil.copy(seed_db, path)
    s = Store.open(f"sqlite:///{path}")
    yield s
    s.close()


@pytest.fixture
def incident_ids(store) -> tuple[str, str]:
    """Two incidents that several seed articles report (marsad ingest found them): the largest first."""
    multi = sorted((i for i in store.iter_incidents() if len(i.sources) > 1), key=lambda i: (-len(i.members), i.id))
    assert len(multi) >= 2, "the seeds should report some incidents in several articles"
    return multi[0].id, multi[1].id


@pytest.fixture
def app(store):
    from marsad.config import Options
    from marsad.web.app import create_app

    return create_app(store, Options.load(db_url=store.url))


@pytest.fixture
def analyst(store) -> tuple[str, str]:
    from marsad.review.accounts import Accounts

    Accounts(store.engine).add_user(ANALYST, PASSWORD)
    return ANALYST, PASSWORD


@pytest.fixture
def client(app):
    from fastapi.testclient import TestClient

    with TestClient(app) as c:
        yield c


def login(client, username: str = ANALYST, password: str = PASSWORD):
    """Log in through the form (with its CSRF cookie) and return the session's CSRF token."""
    page = client.get("/login")
    token = page.text.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
    r = client.post("/login", data={"username": username, "password": password, "csrf_token": token, "next": "/"},
                    follow_redirects=False)
    assert r.status_code == 303, r.text
    return client.get("/api/me").json()["csrf_token"]


# --------------------------------------------------------------------------- browser

def _install_chromium() -> str | None:
    """Install Debian's chromium when it is missing; why it cannot be had, or None."""
    if CHROMIUM.exists():
        return None
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        return f"{CHROMIUM} is missing and apt-get cannot run here (install the Debian package chromium)"
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for cmd in (["apt-get", "install", "-y", "-q", "chromium"], ["apt-get", "update", "-q"],
                ["apt-get", "install", "-y", "-q", "chromium"]):
        done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=900)
        if cmd[1] == "install" and done.returncode == 0 and CHROMIUM.exists():
            return None
    return f"apt-get install chromium failed: {done.stderr.strip()[-300:]}"


@pytest.fixture(scope="session")
def browser():
    reason = _install_chromium()
    if reason:
        pytest.skip(f"browser tests need Debian's chromium: {reason}")
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install 'marsad[web]' for playwright")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        yield b
        b.close()


@pytest.fixture
def live(app) -> Iterator[str]:
    from marsad.web.live import LiveServer

    with LiveServer(app) as url:
        yield url


@pytest.fixture
def page(browser, live):
    context = browser.new_context(base_url=live, viewport={"width": 1400, "height": 1000})
    p = context.new_page()
    errors: list[str] = []
    p.on("pageerror", lambda e: errors.append(str(e)))
    p.js_errors = errors
    yield p
    context.close()


@pytest.fixture
def log_in() -> Callable:
    return login


@pytest.fixture
def csrf(client, analyst) -> str:
    """The default client, logged in as the analyst: the session's CSRF token."""
    return login(client)


@pytest.fixture
def disagree_on_tolls(client, csrf) -> Callable[[str], list[dict]]:
    """Correct two reports of an incident to different death tolls: a conflict for sure."""
    def correct(incident_id: str) -> list[dict]:
        members = client.get(f"/api/incidents/{incident_id}").json()["members"]
        a, b = members[0], next(m for m in members if m["doc_id"] != members[0]["doc_id"])
        for m, killed in ((a, 2), (b, 5)):
            r = client.post(f"/api/events/{m['doc_id']}/{m['event_id']}/review",
                            json={"action": "edit", "changes": {"killed": killed}}, headers={"X-CSRF-Token": csrf})
            assert r.status_code == 200, r.text
        return [a, b]
    return correct
