"""The main paths in a real browser (Debian's chromium driven by Playwright) against a live server."""
from __future__ import annotations

import csv
import io
from urllib.parse import quote

import pytest

from marsad.config import Options

SEED = "001_d031db4565ed873c"


def test_seed_article_shows_highlighted_spans(page, store):
    doc = store.get(SEED)
    page.goto(f"/documents/{SEED}")
    text = page.locator("#doc-text")
    assert text.get_attribute("dir") == "rtl"
    assert text.inner_text().strip() == doc.text.strip()
    spans = page.locator("#doc-text .ent")
    assert spans.count() >= len({m.span for m in doc.mentions})
    first = doc.mentions[0]
    mark = page.locator(f'#doc-text .ent[data-start="{first.span.start}"]')
    assert mark.inner_text() == first.text
    assert first.type in mark.get_attribute("title")
    assert page.locator("#doc-text .trigger").count() >= len(doc.events)
    if doc.boilerplate:
        assert page.locator("#doc-text .boilerplate").count() >= 1
    # the highlight is visible: a coloured background, not just a class name
    bg = mark.evaluate("e => getComputedStyle(e).backgroundColor")
    assert bg not in ("rgba(0, 0, 0, 0)", "transparent")
    assert page.js_errors == []


def test_filter_events(page):
    page.goto("/events")
    every = page.locator("#events-table tbody tr").count()
    page.select_option("select[name=type]", "ARMED_CLASH")
    page.click("#filters button[type=submit]")
    page.wait_for_url("**/events?*type=ARMED_CLASH*")
    rows = page.locator("#events-table tbody tr")
    assert 0 < rows.count() < every
    types = rows.locator("td:nth-child(2) a").all_inner_texts()
    assert set(types) == {"ARMED_CLASH"}


def test_open_an_incident(page, disagree_on_tolls, incident_ids):
    first = incident_ids[0]
    disagree_on_tolls(first)
    page.goto("/incidents")
    page.click(f"#incidents-table a[href='/incidents/{first}']")
    page.wait_for_url(f"**/incidents/{first}")
    sides = page.locator("section.side")
    assert sides.count() >= 2
    assert page.locator("section.side blockquote").count() >= sides.count()   # evidence of each source
    assert page.locator("#conflicts li").count() >= 1
    assert page.locator("section.side tr.conflict").count() >= 1


def test_log_in_correct_an_event_and_see_it_in_the_export(page, analyst, client):
    e = next(x for x in client.get("/api/events").json() if x["acled"] and x["date_min"])
    page.goto("/login")
    page.fill("input[name=username]", analyst[0])
    page.fill("input[name=password]", analyst[1])
    page.click("form.login button")
    page.wait_for_url("**/")
    assert page.locator("header .user").inner_text() == analyst[0]

    page.goto(f"/events/{quote(e['doc_id'])}/{quote(e['event_id'])}")
    page.fill("#edit-form input[name=killed]", "11")
    page.fill("#edit-form input[name=note]", "hospital list")
    page.click("#save-edit")
    page.wait_for_load_state()
    assert page.locator("#val-killed").inner_text() == "11"
    assert page.locator("h1 .status").inner_text() == "edited"
    assert "hospital list" in page.locator("table.history").inner_text()

    page.goto(f"/events?type={e['type']}")
    with page.expect_download() as dl:
        page.click("#export-csv")
    rows = list(csv.DictReader(io.StringIO(open(dl.value.path(), encoding="utf-8").read())))
    row = next(r for r in rows if r["key"] == e["key"])
    assert (row["killed"], row["review_status"], row["reviewed_by"]) == ("11", "edited", analyst[0])


def test_anonymous_visitor_cannot_edit(page, client):
    e = client.get("/api/events").json()[0]
    page.goto(f"/events/{quote(e['doc_id'])}/{quote(e['event_id'])}")
    assert page.locator("#edit-form").count() == 0
    r = page.request.post(f"/api/events/{quote(e['doc_id'])}/{quote(e['event_id'])}/review",
                          data={"action": "reject"})
    assert r.status == 401
    assert client.get("/api/reviews").json() == []


HOSTILE = ('<script>window.__pwned = 1</script> اشتباكات في دير الزور أمس '
           '<img src=x onerror="window.__pwned = 2"><svg onload="window.__pwned = 3"></svg> "quotes" & <b>bold</b>')


def test_hostile_article_text_renders_as_text(page, store):
    from marsad.pipeline import Pipeline

    doc = Pipeline(Options.load()).run_text(HOSTILE, doc_id="x<img src=y onerror=alert(1)>")
    store.save(doc)
    page.goto(f"/documents/{quote(doc.doc_id, safe='')}")
    assert page.locator("#doc-text").inner_text() == HOSTILE
    assert page.evaluate("window.__pwned") is None
    assert page.locator("#doc-text img, #doc-text script, #doc-text svg, #doc-text b").count() == 0
    page.goto("/documents")
    page.goto("/events")
    assert page.evaluate("window.__pwned") is None


def test_map_shows_clustered_events_offline(page, client):
    expected = len(client.get("/api/map").json()["features"])
    page.goto("/map")
    page.locator("#map[data-markers]").wait_for()
    assert int(page.locator("#map").get_attribute("data-markers")) == expected > 0
    assert page.locator(".leaflet-marker-icon").count() >= 1      # clusters or single markers
    assert page.locator(".map-label").count() == 14                # Syria's governorates
    assert page.js_errors == []


def test_actor_network_is_drawn(page):
    page.goto("/actors/irgc")
    page.locator("#graph[data-nodes]").wait_for()
    assert int(page.locator("#graph").get_attribute("data-nodes")) > 1
    assert page.locator("#graph .node.center").count() == 1
    assert page.js_errors == []


@pytest.mark.parametrize("path", ["/", "/documents", "/timeline", "/reviews", "/incidents/{}", "/actors"])
def test_pages_load_without_script_errors(page, incident_ids, path):
    page.goto(path.format(incident_ids[0]))
    page.wait_for_load_state("networkidle")
    assert page.js_errors == []
