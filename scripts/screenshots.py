#!/usr/bin/env python3
"""Screenshots of the workbench's main pages for the README (docs/*.png).

    .venv/bin/python scripts/screenshots.py [--out docs]

Ingests examples/seeds into a temporary store, adds an analyst with a random password, runs
the workbench on a free local port, logs in with Debian's chromium (Playwright), corrects
one event (so the pages show a reviewed value) and photographs the pages.
"""
from __future__ import annotations

import argparse
import secrets
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

SHOTS = [  # file, path, what to wait for
    ("document.png", "/documents/001_d031db4565ed873c", "#doc-text"),
    ("events.png", "/events?sort=date&desc=true", "#events-table"),
    ("incident.png", "/incidents/{incident}", "section.side"),
    ("event-review.png", "/events/{event}", "#edit-form"),
    ("timeline.png", "/timeline", "#timeline-svg"),
    ("map.png", "/map", "#map[data-markers]"),
    ("actor.png", "/actors/irgc", "#graph[data-nodes]"),
    ("overview.png", "/", "ul.cards"),
]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", default=str(REPO / "docs"), help="folder for the PNG files (default docs/)")
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    from marsad import api
    from marsad.config import Options
    from marsad.model import Document
    from marsad.review.accounts import Accounts
    from marsad.store import Store
    from marsad.web.app import create_app
    from marsad.web.live import LiveServer

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        options = Options.load(db_url=f"sqlite:///{Path(tmp) / 'seeds.db'}", progress=False)
        api.ingest((d for d in api.extract([str(REPO / "examples" / "seeds")], options) if isinstance(d, Document)),
                   options)
        store = Store.open(options.db_url)
        password = secrets.token_urlsafe(12)
        Accounts(store.engine).add_user("analyst", password)
        app = create_app(store, options)
        snap = app.state.workbench.snapshot()
        incident = max(snap.incidents.incidents, key=lambda i: (len(i.conflicts), len(i.members))).id
        clash = next(e for e in snap.events if e["incident"] == incident)
        event = f"{clash['doc_id']}/{clash['event_id']}"
        with LiveServer(app) as url, sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
            page = browser.new_page(base_url=url, viewport={"width": 1440, "height": 960})
            page.goto("/login")
            page.fill("input[name=username]", "analyst")
            page.fill("input[name=password]", password)
            page.click("form.login button")
            page.wait_for_url("**/")
            page.goto(f"/events/{event}")
            page.fill("#edit-form input[name=killed]", "1")
            page.fill("#edit-form input[name=note]", "one fighter died of his wounds (follow-up report)")
            page.click("#save-edit")
            page.wait_for_load_state()
            for name, path, ready in SHOTS:
                page.goto(path.format(incident=incident, event=event))
                page.locator(ready).first.wait_for()
                page.wait_for_timeout(400)           # map tiles of the background, graph layout
                page.screenshot(path=str(out / name))
                print(out / name)
            browser.close()
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
