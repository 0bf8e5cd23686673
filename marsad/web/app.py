"""The analyst's workbench: server-rendered pages, a JSON API (OpenAPI at /openapi.json), reviews.

    >>> from marsad.web.app import create_app
    >>> app = create_app(Store.open("sqlite:///marsad.db"))      # then: uvicorn.run(app)

Security choices:

* Article text is untrusted: it reaches the page only through Jinja2 autoescaping (and
  `tojson` inside non-executed JSON blocks); the Content-Security-Policy allows scripts
  from this server only, so even a missed escape could not run an inline script.
* Editing needs a session (argon2-hashed passwords, `marsad user add`); every write checks the
  session's CSRF token (form field `csrf_token` or header `X-CSRF-Token`). Login has its own
  double-submit CSRF cookie and is rate-limited per client address and per user name.
* SQL goes through SQLAlchemy Core with bound parameters; URLs name documents and actors
  only as query parameters of those statements, never as file paths (static files are served
  by Starlette's StaticFiles, which refuses paths outside its folder).
"""
from __future__ import annotations

import io
import secrets
import threading
import time
from collections import defaultdict, deque
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import Body, Depends, FastAPI, Form, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from marsad.config import Options
from marsad.errors import ReviewError
from marsad.model import EVENT_TYPES, MODALITIES
from marsad.review.accounts import Accounts, Session
from marsad.review.audit import event_values
from marsad.store.db import Store
from marsad.web.data import SORT_KEYS, Workbench, admin1_labels, dumps
from marsad.web.render import pieces

HERE = Path(__file__).resolve().parent
SESSION_COOKIE = "marsad_session"
LOGIN_CSRF_COOKIE = "marsad_login_csrf"
EXPORT_TYPES = {"eval-json": "application/json", "json": "application/x-ndjson",
                "acled-csv": "text/csv", "geojson": "application/geo+json"}
STATUSES = ("unreviewed", "reviewed", "accepted", "edited", "rejected")
# Pages and API paths anyone may reach even when reading is closed.
OPEN_PATHS = ("/login", "/static/", "/favicon.ico")


def same_token(given: str, expected: str) -> bool:
    """Constant-time comparison that also takes tokens with characters outside ASCII (they never match)."""
    return secrets.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


class LoginLimiter:
    """At most `attempts` failed logins per client address and per user name within `window` seconds."""

    def __init__(self, attempts: int, window: float):
        self.attempts, self.window = attempts, window
        self._failures: dict[str, deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> deque[float]:
        q = self._failures[key]
        while q and q[0] <= now - self.window:
            q.popleft()
        return q

    def retry_after(self, *keys: str) -> int:
        """Seconds to wait before another try, 0 when allowed."""
        now = time.monotonic()
        with self._lock:
            waits = [int(q[0] + self.window - now) + 1 for k in keys
                     if len(q := self._recent(k, now)) >= self.attempts]
        return max(waits, default=0)

    def failed(self, *keys: str) -> None:
        now = time.monotonic()
        with self._lock:
            for k in keys:
                self._recent(k, now).append(now)

    def succeeded(self, key: str) -> None:
        with self._lock:
            self._failures.pop(key, None)


def create_app(store: Store, options: Options | None = None) -> FastAPI:
    """The web application over `store` (its documents, incidents and reviews)."""
    options = options or Options.load()
    bench = Workbench(store, options)
    accounts = Accounts(store.engine)
    limiter = LoginLimiter(options.web_login_attempts, options.web_login_window_s)
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.filters["q"] = lambda s: quote(str(s), safe="")
    templates.env.globals["EVENT_TYPES"] = EVENT_TYPES

    # FastAPI's /docs and /redoc load their scripts from a CDN: nothing may be fetched from the internet,
    # so the API is described by /openapi.json and listed by the server-rendered /api page.
    app = FastAPI(title="marsad workbench", version="1", docs_url=None, redoc_url=None,
                  description="Arabic conflict reports as entities, events and incidents, with analysts' reviews. "
                              "Every page has a JSON twin under /api.")
    app.state.workbench = bench
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    # -- sessions, reading guard, headers -----------------------------------------

    def csp() -> str:
        img = "'self' data:"
        if options.web_tile_url:
            origin = "/".join(options.web_tile_url.split("/")[:3])
            img += f" {origin}"
        return (f"default-src 'self'; img-src {img}; style-src 'self' 'unsafe-inline'; script-src 'self'; "
                "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")

    policy = csp()

    @app.middleware("http")
    async def guard(request: Request, call_next):
        session = accounts.session(request.cookies.get(SESSION_COOKIE))
        request.state.session = session
        path = request.url.path
        if not options.web_public_read and session is None and not path.startswith(OPEN_PATHS):
            if path.startswith("/api/") or path == "/openapi.json":
                response: Response = JSONResponse({"detail": "log in to read (reading is closed)"}, 401)
            else:
                response = RedirectResponse(f"/login?next={quote(path)}", 303)
        else:
            response = await call_next(request)
        response.headers["Content-Security-Policy"] = policy
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["Referrer-Policy"] = "same-origin"
        return response

    def writer(request: Request, csrf: str | None) -> Session:
        """The logged-in analyst, when the CSRF token matches; else 401/403."""
        session: Session | None = request.state.session
        if session is None:
            raise HTTPException(401, "log in to edit")
        if not csrf or not same_token(str(csrf), session.csrf_token):
            raise HTTPException(403, "missing or wrong CSRF token: reload the page and try again")
        return session

    def page(request: Request, name: str, code: int = 200, **ctx: Any) -> HTMLResponse:
        session: Session | None = request.state.session
        ctx.update(user=session.username if session else None, csrf=session.csrf_token if session else "",
                   path=request.url.path)
        return templates.TemplateResponse(request, name, ctx, status_code=code)

    def not_found(what: str) -> HTTPException:
        return HTTPException(404, f"no {what}")

    def found(value, what: str):
        """`value`, or a 404 naming what is missing."""
        if value is None:
            raise not_found(what)
        return value

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        if request.url.path.startswith("/api/") or request.url.path.endswith((".csv", ".json")):
            return JSONResponse({"detail": exc.detail}, exc.status_code, headers=exc.headers)
        response = page(request, "error.html", exc.status_code, status=exc.status_code, detail=exc.detail)
        response.headers.update(exc.headers or {})
        return response

    # -- overview and documents ---------------------------------------------------

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def overview_page(request: Request):
        return page(request, "overview.html", data=bench.overview())

    @app.get("/api/overview", tags=["corpus"], summary="Counts, latest incidents and events")
    def overview_api():
        return bench.overview()

    @app.get("/documents", response_class=HTMLResponse, include_in_schema=False)
    def documents_page(request: Request):
        return page(request, "documents.html", docs=bench.documents())

    @app.get("/api/documents", tags=["corpus"], summary="Stored documents")
    def documents_api():
        return bench.documents()

    def document_view(doc_id: str) -> dict[str, Any]:
        doc = found(bench.document(doc_id), f"document {doc_id!r}")
        snap = bench.snapshot()
        ps = pieces(doc, set(snap.actors))
        return {"doc_id": doc.doc_id, "title": doc.meta.title, "outlet": doc.meta.outlet or doc.meta.outlet_ar,
                "url": doc.meta.url,
                "published": doc.meta.published.value.isoformat() if doc.meta.published and doc.meta.published.value
                else None,
                "text": doc.text,
                "pieces": [{"start": p.start, "text": p.text, "classes": p.classes, "tips": p.tips,
                            "entity": p.entity, "events": p.events} for p in ps],
                "entities": [{"id": e.id, "stable_id": e.stable_id, "type": e.type, "name_ar": e.name_ar,
                              "name_en": e.name_en, "mentions": len(e.mentions)} for e in doc.entities],
                "events": [r for r in snap.events if r["doc_id"] == doc_id],
                "relations": [{"type": r.type, "head": (doc.entity(r.head).name_en or doc.entity(r.head).name_ar)
                               if doc.entity(r.head) else r.head,
                               "tail": (doc.entity(r.tail).name_en or doc.entity(r.tail).name_ar)
                               if doc.entity(r.tail) else r.tail, "evidence": r.evidence.of(doc.text)}
                              for r in doc.relations],
                "boilerplate": [s.of(doc.text) for s in doc.boilerplate]}

    @app.get("/documents/{doc_id}", response_class=HTMLResponse, include_in_schema=False)
    def document_page(request: Request, doc_id: str):
        return page(request, "document.html", d=document_view(doc_id))

    @app.get("/api/documents/{doc_id}", tags=["corpus"],
             summary="One document: its text, and the text cut into annotated pieces (offsets into the text)")
    def document_api(doc_id: str):
        return document_view(doc_id)

    # -- events -------------------------------------------------------------------

    def event_filters(type: str | None = Query(None, description="event type"),
                      actor: str | None = Query(None, description="stable actor id, or part of a name"),
                      place: str | None = Query(None, description="part of a place or governorate name"),
                      date_from: str | None = Query(None, description="YYYY-MM-DD"),
                      date_to: str | None = Query(None, description="YYYY-MM-DD"),
                      outlet: str | None = Query(None, description="part of the outlet's name"),
                      status: str | None = Query(None, description="|".join(STATUSES)),
                      modality: str | None = Query(None, description="|".join(MODALITIES)),
                      sort: str = Query("date", description="|".join(SORT_KEYS)),
                      desc: bool = Query(False, description="sort descending")) -> dict[str, Any]:
        return {"type": type or None, "actor": actor or None, "place": place or None,
                "date_from": date_from or None, "date_to": date_to or None, "outlet": outlet or None,
                "status": status or None, "modality": modality or None,
                "sort": sort if sort in SORT_KEYS else "date", "descending": desc}

    @app.get("/events", response_class=HTMLResponse, include_in_schema=False)
    def events_page(request: Request, f: dict = Depends(event_filters)):
        rows = bench.events(**f)
        query = request.url.query
        snap = bench.snapshot()
        params = [(k, v) for k, v in request.query_params.multi_items() if k not in ("sort", "desc")]
        sort_links = {key: "/events?" + urlencode(params + [("sort", key)] + (
            [("desc", "true")] if f["sort"] == key and not f["descending"] else [])) for key in SORT_KEYS}
        return page(request, "events.html", rows=rows, f=f, query=query, sort_links=sort_links, statuses=STATUSES,
                    modalities=MODALITIES, total=len(snap.events),
                    outlets=sorted({r["outlet"] for r in snap.events if r["outlet"]}))

    @app.get("/api/events", tags=["events"], summary="Events matching the filters, with reviewed values")
    def events_api(f: dict = Depends(event_filters)):
        return bench.events(**f)

    @app.get("/api/events/export", tags=["events"],
             summary="The filtered events as CSV or JSON (reviewed values; review status per row)")
    def events_export(f: dict = Depends(event_filters), format: str = Query("csv", pattern="^(csv|json)$")):
        rows = bench.events(**f)
        if format == "json":
            return Response(dumps(rows), media_type="application/json",
                            headers={"Content-Disposition": 'attachment; filename="events.json"'})
        return Response(bench.events_csv(rows), media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": 'attachment; filename="events.csv"'})

    def event_or_404(doc_id: str, event_id: str):
        return found(bench.event(doc_id, event_id), f"event {event_id!r} in document {doc_id!r}")

    @app.get("/events/{doc_id}/{event_id}", response_class=HTMLResponse, include_in_schema=False)
    def event_page(request: Request, doc_id: str, event_id: str):
        doc, ev, row = event_or_404(doc_id, event_id)
        places = [e for e in doc.entities if e.type == "LOCATION"]
        actors = [e for e in doc.entities if e.type != "LOCATION"]
        return page(request, "event.html", e=row, values=event_values(ev), places=places, actors=actors)

    @app.get("/api/events/{doc_id}/{event_id}", tags=["events"], summary="One event, its evidence and review history")
    def event_api(doc_id: str, event_id: str):
        return event_or_404(doc_id, event_id)[2]

    def review_event(session: Session, doc_id: str, event_id: str, action: str, changes: dict, note: str):
        doc, _, _ = event_or_404(doc_id, event_id)
        try:
            record = bench.log.record_event(doc, event_id, action, changes, by=session.username, note=note)
        except ReviewError as e:
            raise HTTPException(422, str(e)) from None
        bench.invalidate()
        return record

    @app.post("/events/{doc_id}/{event_id}/review", include_in_schema=False)
    async def event_review_form(request: Request, doc_id: str, event_id: str):
        form = await request.form()
        session = writer(request, form.get("csrf_token"))
        action = str(form.get("action", ""))
        changes: dict[str, Any] = {}
        if action == "edit":
            lo, hi = form.get("date_min") or "", form.get("date_max") or ""
            changes = {"type": form.get("type"), "date": {"min": lo, "max": hi} if lo or hi else None,
                       "place": form.get("place") or None,
                       "side_a": form.getlist("side_a"), "side_b": form.getlist("side_b"),
                       "killed": form.get("killed"), "injured": form.get("injured")}
        review_event(session, doc_id, event_id, action, changes, str(form.get("note") or ""))
        return RedirectResponse(f"/events/{quote(doc_id, safe='')}/{quote(event_id, safe='')}", 303)

    @app.post("/api/events/{doc_id}/{event_id}/review", tags=["review"],
              summary="Accept, edit or reject an event (login and X-CSRF-Token required)")
    def event_review_api(request: Request, doc_id: str, event_id: str,
                         body: dict = Body(..., examples=[{"action": "edit", "changes": {"killed": 3}, "note": ""}])):
        session = writer(request, request.headers.get("X-CSRF-Token"))
        record = review_event(session, doc_id, event_id, str(body.get("action", "")),
                              dict(body.get("changes") or {}), str(body.get("note") or ""))
        return record.to_json()

    # -- incidents ----------------------------------------------------------------

    @app.get("/incidents", response_class=HTMLResponse, include_in_schema=False)
    def incidents_page(request: Request, min_sources: int = Query(1, ge=1)):
        return page(request, "incidents.html", incidents=bench.incidents(min_sources), min_sources=min_sources)

    @app.get("/api/incidents", tags=["incidents"], summary="Incidents (as reviewed) with consolidated values")
    def incidents_api(min_sources: int = Query(1, ge=1, description="reported by at least this many documents")):
        return bench.incidents(min_sources)

    def incident_or_404(incident_id: str) -> dict[str, Any]:
        return found(bench.incident(incident_id), f"incident {incident_id!r}")

    @app.get("/incidents/{incident_id}", response_class=HTMLResponse, include_in_schema=False)
    def incident_page(request: Request, incident_id: str):
        return page(request, "incident.html", inc=incident_or_404(incident_id))

    @app.get("/api/incidents/{incident_id}", tags=["incidents"],
             summary="One incident: its reports side by side, evidence, consolidated values and conflicts")
    def incident_api(incident_id: str):
        return incident_or_404(incident_id)

    def move_members(session: Session, action: str, incident_id: str, other: str | None,
                     keys: list[str], note: str) -> dict[str, Any]:
        inc = incident_or_404(incident_id)
        if action == "merge":
            source = incident_or_404(other or "")
            if source["id"] == inc["id"]:
                raise HTTPException(422, "an incident cannot be merged into itself")
            members, into = [m["key"] for m in source["members"]], inc["id"]
            before = {k: source["id"] for k in members}
        else:
            own = {m["key"] for m in inc["members"]}
            members = [k for k in keys if k in own]
            if not members or len(members) == len(own):
                raise HTTPException(422, "choose some, not all, of the incident's reports to split off")
            into = f"{inc['id']}.{secrets.token_hex(3)}"
            before = {k: inc["id"] for k in members}
        try:
            record = bench.log.record_incident(action, inc["id"], members, into, before,
                                               by=session.username, note=note)
        except ReviewError as e:
            raise HTTPException(422, str(e)) from None
        bench.invalidate()
        return record.to_json()

    @app.post("/incidents/{incident_id}/merge", include_in_schema=False)
    async def incident_merge_form(request: Request, incident_id: str):
        form = await request.form()
        session = writer(request, form.get("csrf_token"))
        move_members(session, "merge", incident_id, str(form.get("other") or ""), [], str(form.get("note") or ""))
        return RedirectResponse(f"/incidents/{quote(incident_id, safe='')}", 303)

    @app.post("/incidents/{incident_id}/split", include_in_schema=False)
    async def incident_split_form(request: Request, incident_id: str):
        form = await request.form()
        session = writer(request, form.get("csrf_token"))
        rec = move_members(session, "split", incident_id, None, [str(k) for k in form.getlist("member")],
                           str(form.get("note") or ""))
        return RedirectResponse(f"/incidents/{quote(rec['after']['into'], safe='')}", 303)

    @app.post("/api/incidents/{incident_id}/merge", tags=["review"],
              summary="Move every report of incident `other` into this one")
    def incident_merge_api(request: Request, incident_id: str, body: dict = Body(..., examples=[{"other": "I2"}])):
        session = writer(request, request.headers.get("X-CSRF-Token"))
        return move_members(session, "merge", incident_id, str(body.get("other") or ""), [],
                            str(body.get("note") or ""))

    @app.post("/api/incidents/{incident_id}/split", tags=["review"],
              summary="Move the given reports (doc_id#event_id) into a new incident")
    def incident_split_api(request: Request, incident_id: str,
                           body: dict = Body(..., examples=[{"members": ["doc#ev1"]}])):
        session = writer(request, request.headers.get("X-CSRF-Token"))
        return move_members(session, "split", incident_id, None, [str(k) for k in body.get("members") or []],
                            str(body.get("note") or ""))

    # -- timeline, map, actors ----------------------------------------------------

    @app.get("/timeline", response_class=HTMLResponse, include_in_schema=False)
    def timeline_page(request: Request):
        t = bench.timeline()
        return page(request, "timeline.html", t=t, svg=timeline_svg(t))

    @app.get("/api/timeline", tags=["events"], summary="Dated events by day, and dated incidents")
    def timeline_api():
        return bench.timeline()

    @app.get("/map", response_class=HTMLResponse, include_in_schema=False)
    def map_page(request: Request, f: dict = Depends(event_filters)):
        return page(request, "map.html", f=f, query=request.url.query,
                    tiles={"url": options.web_tile_url, "attribution": options.web_tile_attribution})

    @app.get("/api/map", tags=["events"], summary="Events with coordinates as GeoJSON (same filters as /api/events)")
    def map_api(f: dict = Depends(event_filters)):
        return bench.map_features(**f)

    admin1_cache: dict[str, Any] = {}

    @app.get("/api/geo/admin1", tags=["geo"], summary="Syria's governorates as labelled points (OCHA P-codes)")
    def admin1_api():
        if not admin1_cache:
            admin1_cache.update(admin1_labels(options))
        return admin1_cache

    @app.get("/actors", response_class=HTMLResponse, include_in_schema=False)
    def actors_page(request: Request):
        return page(request, "actors.html", actors=bench.actors())

    @app.get("/api/actors", tags=["actors"], summary="Actors across documents by stable id")
    def actors_api():
        return bench.actors()

    @app.get("/api/network", tags=["actors"],
             summary="Actors linked by shared events (with/against) and claimed relations; `actor` for one's ties")
    def network_api(actor: str | None = None):
        return bench.network(actor)

    def actor_or_404(actor_id: str) -> dict[str, Any]:
        return found(bench.actor(actor_id), f"actor {actor_id!r}")

    @app.get("/actors/{actor_id:path}", response_class=HTMLResponse, include_in_schema=False)
    def actor_page(request: Request, actor_id: str):
        return page(request, "actor.html", a=actor_or_404(actor_id))

    @app.get("/api/actors/{actor_id:path}", tags=["actors"],
             summary="An actor: aliases, relations as each source claims them, events over time")
    def actor_api(actor_id: str):
        return actor_or_404(actor_id)

    # -- reviews and exports ------------------------------------------------------

    @app.get("/reviews", response_class=HTMLResponse, include_in_schema=False)
    def reviews_page(request: Request):
        return page(request, "reviews.html", reviews=bench.reviews())

    @app.get("/api/reviews", tags=["review"], summary="The audit trail: every decision, newest first")
    def reviews_api():
        return bench.reviews()

    @app.get("/api/export/{fmt}", tags=["export"],
             summary="The whole store in one export format, with reviewed values and incidents (rejected events "
                     "left out except in json)")
    def export_api(fmt: str):
        if fmt not in EXPORT_TYPES:
            raise not_found(f"export format {fmt!r} (one of {', '.join(EXPORT_TYPES)})")
        from marsad.export import EXTENSIONS, write_export
        out = io.StringIO()
        snap = bench.snapshot()
        docs = bench.log.apply_documents(store.iter_documents(), drop_rejected=fmt != "json", records=snap.records)
        write_export(fmt, docs, out, options, incidents=lambda: snap.incidents.incidents)
        return Response(out.getvalue(), media_type=f"{EXPORT_TYPES[fmt]}; charset=utf-8",
                        headers={"Content-Disposition": f'attachment; filename="marsad{EXTENSIONS[fmt]}"'})

    # -- login --------------------------------------------------------------------

    def safe_next(target: str | None) -> str:
        # only paths on this site: "//evil.example" or "https://…" would leave it
        return target if target and target.startswith("/") and not target.startswith("//") else "/"

    def login_form(request: Request, next_: str, error: str | None = None, status: int = 200) -> HTMLResponse:
        # one token per browser until it logs in: two open login tabs both work
        token = request.cookies.get(LOGIN_CSRF_COOKIE) or secrets.token_urlsafe(24)
        response = page(request, "login.html", status, next=safe_next(next_), login_csrf=token, error=error)
        response.set_cookie(LOGIN_CSRF_COOKIE, token, httponly=True, samesite="strict",
                            secure=options.web_secure_cookies, max_age=3600)
        return response

    @app.get("/login", response_class=HTMLResponse, include_in_schema=False)
    def login_page(request: Request, next: str = "/"):
        return login_form(request, next)

    @app.post("/login", include_in_schema=False)
    def login(request: Request, username: str = Form(...), password: str = Form(...),
              csrf_token: str = Form(""), next: str = Form("/")):
        cookie = request.cookies.get(LOGIN_CSRF_COOKIE) or ""
        if not csrf_token or not same_token(csrf_token, cookie):
            raise HTTPException(403, "the login form expired: reload the page and try again")
        client = f"ip:{request.client.host if request.client else '?'}"
        user_key = f"user:{username.casefold()}"
        wait = limiter.retry_after(client, user_key)
        if wait:
            raise HTTPException(429, f"too many failed logins: try again in {wait} s",
                                headers={"Retry-After": str(wait)})
        try:
            ok = accounts.authenticate(username, password)
        except ReviewError as e:
            raise HTTPException(500, str(e)) from None
        if not ok:
            limiter.failed(client, user_key)
            return login_form(request, next, "wrong user name or password", 401)
        limiter.succeeded(user_key)
        token, _ = accounts.open_session(username, options.web_session_hours)
        response = RedirectResponse(safe_next(next), 303)
        response.set_cookie(SESSION_COOKIE, token, httponly=True, samesite="lax", secure=options.web_secure_cookies,
                            max_age=int(options.web_session_hours * 3600))
        response.delete_cookie(LOGIN_CSRF_COOKIE)
        return response

    @app.post("/logout", include_in_schema=False)
    async def logout(request: Request):
        form = await request.form()
        writer(request, form.get("csrf_token"))
        accounts.close_session(request.cookies.get(SESSION_COOKIE))
        response = RedirectResponse("/", 303)
        response.delete_cookie(SESSION_COOKIE)
        return response

    @app.get("/api/me", tags=["review"], summary="Who is logged in, and the CSRF token for API writes")
    def me(request: Request):
        session: Session | None = request.state.session
        if session is None:
            return {"user": None}
        return {"user": session.username, "csrf_token": session.csrf_token,
                "expires_at": session.expires_at.isoformat()}

    @app.get("/api", response_class=HTMLResponse, include_in_schema=False)
    def api_page(request: Request):
        spec = app.openapi()
        ops = [{"method": m.upper(), "path": p, "summary": op.get("summary", ""),
                "params": [x["name"] for x in op.get("parameters", []) if x.get("in") == "query"]}
               for p, methods in spec["paths"].items() for m, op in methods.items()]
        return page(request, "api.html", ops=ops)

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon():
        return PlainTextResponse("", 204)

    return app


def timeline_svg(t: dict[str, Any], width: int = 1100) -> dict[str, Any] | None:
    """Positions for the timeline drawing: a day axis, a dot per event (stacked per day), incident bands."""
    import datetime as dt

    if not t["start"]:
        return None
    start, end = dt.date.fromisoformat(t["start"]), dt.date.fromisoformat(t["end"])
    span = max((end - start).days, 1)
    left, right, top = 50, 50, 30
    scale = (width - left - right) / span

    def x(day: str) -> float:
        return round(left + (dt.date.fromisoformat(day) - start).days * scale, 1)

    bands = []
    for i, inc in enumerate(t["incidents"]):
        bands.append({"id": inc["id"], "x": x(inc["date_min"]), "y": 6 + (i % 2) * 10,
                      "w": max(x(inc["date_max"]) - x(inc["date_min"]), 6), "label": f"{inc['type']} {inc['date']}"})
    dots, tallest = [], 0
    for day in t["days"]:
        for i, e in enumerate(day["events"]):
            dots.append({"doc_id": e["doc_id"], "event_id": e["event_id"], "type": e["type"], "status": e["status"],
                         "x": x(e["date_min"]), "w": x(e["date_max"]) - x(e["date_min"]), "y": top + 14 + i * 13,
                         "label": f"{e['type']} · {e['date']} · {e['place'] or ''} · {e['outlet'] or ''}"})
            tallest = max(tallest, i + 1)
    axis = top + 14 + tallest * 13 + 4
    step = max(1, span // 12)
    ticks = [{"x": x((start + dt.timedelta(days=d)).isoformat()), "label": (start + dt.timedelta(days=d)).strftime("%d %b")}
             for d in range(0, span + 1, step)]
    return {"width": width, "height": axis + 30, "left": left, "right": right, "axis": axis, "ticks": ticks,
            "dots": dots, "incidents": bands}


def serve(options: Options, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Run the workbench with uvicorn until interrupted."""
    import uvicorn

    from marsad.api import open_store

    store = open_store(options)
    try:
        uvicorn.run(create_app(store, options), host=host, port=port, log_level="info")
    finally:
        store.close()


__all__ = ["create_app", "serve"]
