#!/usr/bin/env python3
"""Time to render every page of the workbench for the five seed articles.

    .venv/bin/python bench/web_pages.py [--db sqlite:///seeds.db] [--runs 5]

Ingests examples/seeds into a temporary SQLite store (unless --db names one), then requests
every page through the ASGI app in process (FastAPI's TestClient: routing, database reads,
templates; no network): the overview, the document list and each document, the events table
(all, and filtered), each event, the incidents and each incident, the timeline, the map and
its GeoJSON, the actors and each actor, the review trail. Prints per page the time of the
first request after the data changed (the reviewed corpus is rebuilt then) and the median
of --runs warm requests, in ms, after one untimed pass that compiles the templates. Target: under 300 ms a page.

Incidents are those `marsad ingest` found (marsad.merge).
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote, unquote

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", help="a store holding the seeds (default: ingest them into a temporary one)")
    ap.add_argument("--runs", type=int, default=5, help="warm requests per page (median reported)")
    args = ap.parse_args()

    from fastapi.testclient import TestClient

    from marsad import api
    from marsad.config import Options
    from marsad.model import Document
    from marsad.store import Store
    from marsad.web.app import create_app

    tmp = tempfile.TemporaryDirectory()
    url = args.db or f"sqlite:///{Path(tmp.name) / 'seeds.db'}"
    options = Options.load(db_url=url, progress=False)
    if not args.db:
        t = time.perf_counter()
        docs = (d for d in api.extract([str(REPO / "examples" / "seeds")], options) if isinstance(d, Document))
        api.ingest(docs, options)
        print(f"ingested the seeds in {time.perf_counter() - t:.1f} s")
    store = Store.open(url)
    app = create_app(store, options)
    bench = app.state.workbench
    with TestClient(app) as client:
        snap = bench.snapshot()
        pages = ["/", "/documents", *(f"/documents/{quote(d, safe='')}" for d in snap.docs),
                 "/events", "/events?type=ARMED_CLASH&sort=date&desc=true", "/api/events",
                 *(f"/events/{quote(e['doc_id'], safe='')}/{quote(e['event_id'], safe='')}" for e in snap.events),
                 "/incidents", "/incidents?min_sources=2", *(f"/incidents/{quote(i.id, safe='')}" for i in snap.incidents.incidents),
                 "/timeline", "/map", "/api/map", "/actors", *(f"/actors/{quote(a, safe='')}" for a in snap.actors),
                 "/api/network", "/reviews", "/api/events/export?format=csv"]
        for page in pages:                   # imports and template compilation, once per process
            client.get(page)
        rows = []
        for page in pages:
            bench.invalidate()               # as after a new document or review: the corpus is rebuilt
            t = time.perf_counter()
            r = client.get(page)
            cold = (time.perf_counter() - t) * 1000
            if r.status_code != 200:
                print(f"{page}: HTTP {r.status_code}", file=sys.stderr)
                return 1
            warm = []
            for _ in range(args.runs):
                t = time.perf_counter()
                client.get(page)
                warm.append((time.perf_counter() - t) * 1000)
            rows.append((unquote(page), cold, statistics.median(warm)))
    width = max(len(p) for p, _, _ in rows)
    print(f"{'page':<{width}}  first ms  warm ms")
    for page, cold, warm in rows:
        print(f"{page:<{width}}  {cold:8.1f}  {warm:7.1f}")
    worst_cold = max(rows, key=lambda r: r[1])
    worst_warm = max(rows, key=lambda r: r[2])
    print(f"{len(rows)} pages; slowest first request {worst_cold[1]:.1f} ms ({worst_cold[0]}), "
          f"slowest warm {worst_warm[2]:.1f} ms ({worst_warm[0]}); target < 300 ms")
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
