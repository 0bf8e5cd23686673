"""The workbench over the seed articles, through HTTP (no browser): pages, API, security, review."""
from __future__ import annotations

import csv
import io
import json

import pytest

from marsad.config import Options

PAGES = ["/", "/api", "/documents", "/events", "/incidents", "/timeline", "/map", "/actors",
         "/actors/ndf", "/reviews", "/login"]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_renders(client, path):
    r = client.get(path)
    assert r.status_code == 200, r.text
    assert "text/html" in r.headers["content-type"]


def test_document_pages_of_every_seed(client):
    docs = client.get("/api/documents").json()
    assert len(docs) == 5
    for d in docs:
        r = client.get(f"/documents/{d['doc_id']}")
        assert r.status_code == 200
        assert 'dir="rtl"' in r.text and 'class="ent ent-' in r.text


def test_document_pieces_are_the_text_cut_at_span_offsets(client, store):
    doc = next(store.iter_documents())
    d = client.get(f"/api/documents/{doc.doc_id}").json()
    assert "".join(p["text"] for p in d["pieces"]) == doc.text
    for p in d["pieces"]:
        assert doc.text[p["start"]:p["start"] + len(p["text"])] == p["text"]
    mention = doc.mentions[0]
    covering = [p for p in d["pieces"] if p["start"] <= mention.span.start < p["start"] + len(p["text"])]
    assert covering[0]["entity"]["type"] == mention.type


def test_boilerplate_is_marked(client, store):
    doc = next(d for d in store.iter_documents() if d.boilerplate)
    d = client.get(f"/api/documents/{doc.doc_id}").json()
    b = doc.boilerplate[0]
    assert any("boilerplate" in p["classes"] for p in d["pieces"] if b.start <= p["start"] < b.end)


@pytest.mark.parametrize("path", ["/documents/nope", "/events/nope/ev1", "/incidents/nope", "/actors/nope"])
def test_unknown_things_are_404(client, path):
    assert client.get(path).status_code == 404
    assert client.get("/api" + path).status_code == 404


@pytest.mark.parametrize("path", ["/static/../../store/db.py", "/static/%2e%2e/%2e%2e/store/db.py",
                                  "/static/..%2f..%2fstore%2fdb.py", "/static//etc/passwd"])
def test_static_files_do_not_leave_their_folder(client, path):
    r = client.get(path)
    assert r.status_code == 404 or "Store" not in r.text


def test_events_filter_by_type_and_date(client):
    every = client.get("/api/events").json()
    clashes = client.get("/api/events", params={"type": "ARMED_CLASH"}).json()
    assert 0 < len(clashes) < len(every)
    assert {e["type"] for e in clashes} == {"ARMED_CLASH"}
    dated = [e for e in every if e["date_min"]]
    day = dated[0]["date_min"]
    on_day = client.get("/api/events", params={"date_from": day, "date_to": day}).json()
    assert on_day and all(e["date_min"] <= day <= e["date_max"] for e in on_day)


def test_events_filter_by_actor_outlet_and_place(client):
    every = client.get("/api/events").json()
    actor = every[0]["actors"][0]
    by_actor = client.get("/api/events", params={"actor": actor["id"]}).json()
    assert by_actor and all(any(a["id"] == actor["id"] for a in e["actors"]) for e in by_actor)
    outlet = every[0]["outlet"]
    assert all(e["outlet"] == outlet for e in client.get("/api/events", params={"outlet": outlet}).json())
    place = next(e["place"] for e in every if e["place"])
    assert all(place.casefold() in (e["place"] or "").casefold() or place.casefold() in (e["admin1"] or "").casefold()
               for e in client.get("/api/events", params={"place": place}).json())


def test_events_sort_descending(client):
    rows = client.get("/api/events", params={"sort": "date", "desc": "true"}).json()
    dates = [e["date_min"] or "" for e in rows]
    assert dates == sorted(dates, reverse=True)


def test_filtered_export_has_only_the_filtered_events(client):
    r = client.get("/api/events/export", params={"format": "csv", "type": "MEETING"})
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert rows and {row["type"] for row in rows} == {"MEETING"}
    j = client.get("/api/events/export", params={"format": "json", "type": "MEETING"}).json()
    assert [e["key"] for e in j] == [row["key"] for row in rows]


def test_incident_shows_sources_side_by_side(client, incident_ids):
    inc = client.get(f"/api/incidents/{incident_ids[0]}").json()
    assert len(inc["members"]) >= 2 and len({m["doc_id"] for m in inc["members"]}) >= 2
    assert all(m["evidence"] for m in inc["members"])
    r = client.get(f"/incidents/{incident_ids[0]}")
    assert r.text.count('<section class="side') == len(inc["members"])


def test_corrected_reports_are_consolidated_again(client, disagree_on_tolls, incident_ids):
    a, b = disagree_on_tolls(incident_ids[0])
    inc = client.get(f"/api/incidents/{incident_ids[0]}").json()
    assert (inc["fatalities"], inc["fatalities_max"], inc["reviewed"]) == (2, 5, True)   # ACLED: the lowest, range kept
    [tolls] = [c for c in inc["conflicts"] if c["field"] == "casualties"]
    sources = {k for v in tolls["values"] for k in v["sources"]}
    assert {a["key"], b["key"]} <= sources
    page = client.get(f"/incidents/{incident_ids[0]}").text
    assert page.count('<tr class="conflict"><th>Killed / injured') >= 2


def test_openapi_describes_the_api(client):
    spec = client.get("/openapi.json").json()
    for path in ("/api/events", "/api/documents/{doc_id}", "/api/incidents/{incident_id}", "/api/map",
                 "/api/actors/{actor_id}", "/api/network", "/api/timeline", "/api/reviews",
                 "/api/events/{doc_id}/{event_id}/review", "/api/export/{fmt}"):
        assert path in spec["paths"], path


def test_security_headers(client):
    h = client.get("/").headers
    assert "script-src 'self'" in h["content-security-policy"]
    assert h["x-frame-options"] == "DENY"


# --------------------------------------------------------------------------- hostile text

HOSTILE = ('<script>window.__pwned = 1</script> اشتباكات في دير الزور <img src=x onerror="window.__pwned=2"> '
           '"quoted" & </article><b>bold</b>')


def _article_text(html: str) -> str:
    """The text inside <article id="doc-text">, as a browser would show it."""
    from html.parser import HTMLParser

    class P(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.depth, self.out = 0, []

        def handle_starttag(self, tag, attrs):
            if self.depth or dict(attrs).get("id") == "doc-text":
                self.depth += 1

        def handle_endtag(self, tag):
            if self.depth:
                self.depth -= 1

        def handle_data(self, data):
            if self.depth:
                self.out.append(data)

    p = P()
    p.feed(html)
    return "".join(p.out)


@pytest.fixture
def hostile_doc(store):
    from marsad.pipeline import Pipeline

    doc = Pipeline(Options.load()).run_text(HOSTILE, doc_id="hostile<script>")
    store.save(doc)
    return doc


def test_hostile_article_is_escaped(client, hostile_doc):
    from urllib.parse import quote

    r = client.get(f"/documents/{quote(hostile_doc.doc_id, safe='')}")
    assert r.status_code == 200
    assert "<script>window.__pwned" not in r.text and "<img src=x" not in r.text and "<b>bold</b>" not in r.text
    assert _article_text(r.text) == hostile_doc.text     # shown as text, character for character
    assert "<script>" not in client.get("/documents").text.replace('<script src="/static/', "")


# --------------------------------------------------------------------------- editing needs a login

def _first_event(client):
    return client.get("/api/events").json()[0]


def test_unauthenticated_edit_is_refused(client):
    e = _first_event(client)
    r = client.post(f"/api/events/{e['doc_id']}/{e['event_id']}/review", json={"action": "reject"})
    assert r.status_code == 401
    r = client.post(f"/events/{e['doc_id']}/{e['event_id']}/review", data={"action": "reject"})
    assert r.status_code == 401
    assert client.get("/api/reviews").json() == []


def test_edit_without_csrf_token_is_refused(client, csrf):
    e = _first_event(client)
    r = client.post(f"/api/events/{e['doc_id']}/{e['event_id']}/review", json={"action": "reject"})
    assert r.status_code == 403
    for forged in ("forged", "مزور"):
        r = client.post(f"/api/events/{e['doc_id']}/{e['event_id']}/review", json={"action": "reject"},
                        headers={"X-CSRF-Token": forged.encode("utf-8")})
        assert r.status_code == 403
    assert client.get("/api/reviews").json() == []


def test_login_with_a_wrong_password_fails(client, analyst):
    page = client.get("/login")
    token = page.text.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
    r = client.post("/login", data={"username": "amal", "password": "wrong password", "csrf_token": token})
    assert r.status_code == 401
    assert client.get("/api/me").json() == {"user": None}


def test_login_is_rate_limited(client, analyst):
    page = client.get("/login")
    token = page.text.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
    codes = []
    for _ in range(7):
        codes.append(client.post("/login", data={"username": "amal", "password": "guess", "csrf_token": token},
                                 follow_redirects=False).status_code)
    assert codes[:5] == [401] * 5 and codes[5:] == [429, 429]
    # even the right password waits now: guessing cannot go on
    r = client.post("/login", data={"username": "amal", "password": analyst[1], "csrf_token": token},
                    follow_redirects=False)
    assert r.status_code == 429 and int(r.headers["retry-after"]) > 0


def test_login_form_needs_its_csrf_cookie(client, analyst):
    r = client.post("/login", data={"username": "amal", "password": analyst[1], "csrf_token": "made-up"})
    assert r.status_code == 403


def test_login_does_not_redirect_off_site(client, analyst):
    page = client.get("/login")
    token = page.text.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
    r = client.post("/login", data={"username": "amal", "password": analyst[1], "csrf_token": token,
                                    "next": "//evil.example/"}, follow_redirects=False)
    assert r.headers["location"] == "/"


def test_closed_reading_asks_for_a_login(store, analyst, log_in):
    from fastapi.testclient import TestClient

    from marsad.web.app import create_app

    closed = create_app(store, Options.load(db_url=store.url, web_public_read=False))
    with TestClient(closed) as c:
        assert c.get("/events", follow_redirects=False).status_code == 303
        assert c.get("/api/events").status_code == 401
        assert c.get("/login").status_code == 200
        log_in(c)
        assert c.get("/api/events").status_code == 200


# --------------------------------------------------------------------------- review round trip

def test_edit_is_applied_recorded_and_exported(client, csrf):
    e = next(x for x in client.get("/api/events").json() if x["acled"] and x["date_min"])
    url = f"/api/events/{e['doc_id']}/{e['event_id']}/review"
    r = client.post(url, json={"action": "edit", "changes": {"killed": 7, "type": "ATTACK"}, "note": "two sources"},
                    headers={"X-CSRF-Token": csrf})
    assert r.status_code == 200, r.text
    rec = r.json()
    assert rec["by"] == "amal" and rec["after"] == {"killed": 7, "type": "ATTACK"}
    assert rec["before"] == {"killed": e["killed"], "type": e["type"]}

    shown = client.get(f"/api/events/{e['doc_id']}/{e['event_id']}").json()
    assert (shown["killed"], shown["type"], shown["status"]) == (7, "ATTACK", "edited")
    assert shown["history"][0]["note"] == "two sources"

    rows = list(csv.DictReader(io.StringIO(client.get("/api/events/export", params={"format": "csv"}).text)))
    row = next(x for x in rows if x["key"] == e["key"])
    assert (row["killed"], row["type"], row["review_status"], row["reviewed_by"]) == ("7", "ATTACK", "edited", "amal")

    acled = list(csv.DictReader(io.StringIO(client.get("/api/export/acled-csv").text)))
    mine = next(x for x in acled if f"marsad_event={e['key']}" in x["tags"])
    assert mine["fatalities"] == "7" and "reviewed=edited by amal" in mine["tags"]
    ev = json.loads(client.get("/api/export/eval-json").text)
    rec = next(x for d in ev["documents"] if d["doc_id"] == e["doc_id"] for x in d["events"] if x["id"] == e["event_id"])
    assert rec["killed"] == 7 and rec["review"]["status"] == "edited"


def test_rejected_event_leaves_the_acled_export(client, csrf):
    e = next(x for x in client.get("/api/events").json() if x["acled"] and x["date_min"])
    tag = f"marsad_event={e['key']}"
    assert tag in client.get("/api/export/acled-csv").text
    r = client.post(f"/api/events/{e['doc_id']}/{e['event_id']}/review", json={"action": "reject"},
                    headers={"X-CSRF-Token": csrf})
    assert r.status_code == 200
    assert tag not in client.get("/api/export/acled-csv").text
    full = [json.loads(line) for line in client.get("/api/export/json").text.splitlines()]
    kept = next(x for d in full if d["doc_id"] == e["doc_id"] for x in d["events"] if x["id"] == e["event_id"])
    assert kept["review"]["status"] == "rejected"


def test_invalid_edit_is_refused_with_a_reason(client, csrf):
    e = _first_event(client)
    url = f"/api/events/{e['doc_id']}/{e['event_id']}/review"
    for changes, words in (({"killed": -1}, "negative"), ({"type": "PICNIC"}, "unknown event type"),
                           ({"date": {"min": "2021-03-01", "max": "2021-02-01"}}, "reversed"),
                           ({"place": "not-an-entity"}, "not a place"), ({"confidence": 1}, "cannot edit")):
        r = client.post(url, json={"action": "edit", "changes": changes}, headers={"X-CSRF-Token": csrf})
        assert r.status_code == 422 and words in r.json()["detail"], (changes, r.text)


def test_form_edit_through_the_event_page(client, csrf):
    e = _first_event(client)
    page = client.get(f"/events/{e['doc_id']}/{e['event_id']}")
    assert 'id="edit-form"' in page.text
    data = {"csrf_token": csrf, "action": "edit", "type": e["type"], "date_min": e["date_min"] or "",
            "date_max": e["date_max"] or "", "place": "", "killed": "2", "injured": ""}
    data["side_a"] = [a["entity_id"] for a in e["side_a"]]
    data["side_b"] = [a["entity_id"] for a in e["side_b"]]
    r = client.post(f"/events/{e['doc_id']}/{e['event_id']}/review", data=data, follow_redirects=False)
    assert r.status_code == 303, r.text
    after = client.get(f"/api/events/{e['doc_id']}/{e['event_id']}").json()
    assert after["killed"] == 2 and after["review"]["fields"] == (["place", "killed"] if e["place"] else ["killed"])


def test_merge_and_split_incidents(client, csrf, incident_ids):
    h = {"X-CSRF-Token": csrf}
    first, second = incident_ids
    i1, i2 = client.get(f"/api/incidents/{first}").json(), client.get(f"/api/incidents/{second}").json()
    r = client.post(f"/api/incidents/{first}/merge", json={"other": second}, headers=h)
    assert r.status_code == 200, r.text
    merged = client.get(f"/api/incidents/{first}").json()
    assert len(merged["members"]) == len(i1["members"]) + len(i2["members"])
    assert client.get(f"/api/incidents/{second}").status_code == 404
    moved = [m["key"] for m in i2["members"]]
    r = client.post(f"/api/incidents/{first}/split", json={"members": moved}, headers=h)
    new_id = r.json()["after"]["into"]
    assert sorted(m["key"] for m in client.get(f"/api/incidents/{new_id}").json()["members"]) == sorted(moved)
    assert len(client.get(f"/api/incidents/{first}").json()["members"]) == len(i1["members"])
    trail = client.get("/api/reviews").json()
    assert [t["action"] for t in trail] == ["split", "merge"]
    assert trail[1]["before"]["members"] == {k: second for k in moved}


def test_split_of_every_report_is_refused(client, csrf, incident_ids):
    first = incident_ids[0]
    keys = [m["key"] for m in client.get(f"/api/incidents/{first}").json()["members"]]
    r = client.post(f"/api/incidents/{first}/split", json={"members": keys}, headers={"X-CSRF-Token": csrf})
    assert r.status_code == 422


def test_exports_carry_the_reviewed_incidents(client, csrf, incident_ids, store):
    import io as _io

    from marsad import api

    first, second = incident_ids
    keys = {m["key"] for i in incident_ids for m in client.get(f"/api/incidents/{i}").json()["members"]}
    client.post(f"/api/incidents/{first}/merge", json={"other": second}, headers={"X-CSRF-Token": csrf})
    web = json.loads(client.get("/api/export/eval-json").text)["incidents"]
    out = _io.StringIO()
    api.export("eval-json", out, Options.load(db_url=store.url))          # what `marsad export` writes
    cli = json.loads(out.getvalue())["incidents"]
    for incidents in (web, cli):
        merged = next(i for i in incidents if i["id"] == first)
        assert set(merged["events"]) == keys
        assert all(i["id"] != second for i in incidents)


def test_actor_filter_by_name_part(client):
    rows = client.get("/api/events", params={"actor": "revolutionary guard"}).json()
    assert rows and all(any("revolutionary guard" in a["name"].casefold() for a in r["actors"]) for r in rows)
