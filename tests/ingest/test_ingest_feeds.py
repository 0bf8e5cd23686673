"""Feeds: conditional fetching, RSS and Atom entries, the article of an entry, failures that say
whether to try again. Served from a local HTTP server."""
from __future__ import annotations

import datetime as dt
import socket

import pytest

from marsad.errors import FetchError, InputError
from marsad.ingest.feeds import Feed, FeedEntry, entry_doc_id, entry_document, fetch, parse_feed

LIMIT = 10 * 1024 * 1024
BODY = ("قصفت قوات النظام بالمدفعية الثقيلة أطراف بلدة سرمين في ريف إدلب الشرقي صباح اليوم.\n"
        "وأدى القصف إلى إصابة مدنيين اثنين بجروح متفاوتة، بحسب ما أفاد مصدر محلي.")

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>شبكة الأخبار</title><id>urn:feed</id>
<updated>2024-03-12T10:00:00+03:00</updated>
<entry><id>urn:entry:1</id><title>قصف على سرمين</title><link href="/news/1"/>
<published>2024-03-12T01:30:00+03:00</published><updated>2024-03-12T01:30:00+03:00</updated></entry>
<entry><id>urn:entry:2</id><title>خبر بلا رابط</title><content type="html">&lt;p&gt;نص الخبر الكامل كما نشره الموقع في خلاصته دون رابط للصفحة.&lt;/p&gt;</content>
<updated>2024-03-11T09:00:00Z</updated></entry>
</feed>"""


def get(url: str, **kw):
    return fetch(url, timeout=5, max_bytes=LIMIT, **kw)


def test_etag_is_sent_back_and_answered_with_304(feed_server):
    url = feed_server.put("/feed.xml", feed_server.rss("أخبار", []), "application/rss+xml", etag='"v1"')
    first = get(url)
    assert first.status == 200 and first.etag == '"v1"' and first.body
    again = get(url, etag=first.etag, last_modified=first.last_modified)
    assert again.status == 304 and again.body == b""
    (h1, s1), (h2, s2) = feed_server.hits("/feed.xml")
    assert "if-none-match" not in h1 and s1 == 200
    assert h2["if-none-match"] == '"v1"' and s2 == 304


def test_last_modified_is_sent_back_as_if_modified_since(feed_server):
    stamp = "Tue, 12 Mar 2024 08:00:00 GMT"
    url = feed_server.put("/feed.xml", feed_server.rss("أخبار", []), "application/rss+xml", last_modified=stamp)
    first = get(url)
    assert first.last_modified == stamp and first.etag is None
    assert get(url, last_modified=first.last_modified).status == 304
    assert feed_server.hits("/feed.xml")[1][0]["if-modified-since"] == stamp


@pytest.mark.parametrize("status, transient", [(404, False), (410, False), (403, False), (500, True),
                                               (503, True), (429, True)])
def test_http_errors_say_whether_to_try_again(feed_server, status, transient):
    url = feed_server.put("/a", "", status=status)
    with pytest.raises(FetchError) as err:
        get(url)
    assert err.value.source == url and f"HTTP {status}" in err.value.reason
    assert err.value.transient is transient


def test_server_that_does_not_answer_is_transient():
    with socket.socket() as s:              # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(FetchError) as err:
        get(f"http://127.0.0.1:{port}/feed.xml")
    assert err.value.transient and "cannot connect" in err.value.reason


def test_answer_over_the_size_limit_is_refused(feed_server):
    url = feed_server.put("/big", "x" * 2000)
    with pytest.raises(FetchError, match="over the 1,000-byte limit"):
        fetch(url, timeout=5, max_bytes=1000)


def test_rss_entries_with_the_day_as_the_feed_writes_it(feed_server):
    url = feed_server.put("/feed.xml", feed_server.rss("عنب بلدي", [
        {"guid": "g-1", "link": "http://example.org/1", "title": "قصف على سرمين",
         "pubDate": "Tue, 12 Mar 2024 23:30:00 +0300"},       # 20:30 UTC: still the 12th where it was written
        {"link": "http://example.org/2", "title": "خبر ثان"},
    ]), "application/rss+xml")
    feed = parse_feed(get(url))
    assert feed.title == "عنب بلدي"
    first, second = feed.entries
    assert (first.link, first.title, first.published) == ("http://example.org/1", "قصف على سرمين",
                                                          dt.date(2024, 3, 12))
    assert first.key.endswith("g-1")            # the guid (feedparser resolves it against the feed's URL)
    assert second.key == "http://example.org/2" and second.published is None   # no guid: the link identifies it


def test_atom_entries_resolve_relative_links_and_keep_their_content(feed_server):
    url = feed_server.put("/atom.xml", ATOM, "application/atom+xml")
    feed = parse_feed(get(url))
    assert feed.title == "شبكة الأخبار"
    linked, inline = feed.entries
    assert linked.link == feed_server.base + "/news/1"
    assert linked.published == dt.date(2024, 3, 12)
    assert inline.link is None and "نص الخبر الكامل" in inline.content


def test_a_page_that_is_no_feed_is_an_input_error(feed_server):
    url = feed_server.put("/index.html", feed_server.article_page("عنوان", BODY))
    with pytest.raises(InputError, match="not an RSS or Atom feed"):
        parse_feed(get(url))


def test_entry_document_takes_the_article_and_the_feed_metadata(feed_server):
    link = feed_server.put("/news/1", feed_server.article_page("قصف على سرمين", BODY))
    feed = Feed(url=feed_server.base + "/feed.xml", title="عنب بلدي",
                entries=[FeedEntry("g-1", link, "قصف على سرمين", dt.date(2024, 3, 12), None)])
    doc = entry_document(feed, feed.entries[0], timeout=5, max_bytes=LIMIT)
    assert doc.doc_id == entry_doc_id(feed.url, feed.entries[0]) and doc.doc_id.startswith("127.0.0.1-")
    assert "أطراف بلدة سرمين" in doc.text and "جميع الحقوق" not in doc.text
    m = doc.meta
    assert (m.url, m.title, m.outlet, m.outlet_source) == (link, "قصف على سرمين", "عنب بلدي", "feed")
    assert m.published.value == dt.date(2024, 3, 12) and m.published_source == "feed"
    assert m.extra == {"feed": feed.url, "feed_entry": "g-1"}


def test_the_page_publication_date_wins_over_the_feed(feed_server):
    link = feed_server.put("/news/1", feed_server.article_page("قصف", BODY, published="2024-03-11T22:00:00+03:00"))
    entry = FeedEntry("g-1", link, "قصف", dt.date(2024, 3, 12), None)
    doc = entry_document(Feed("http://x/feed", None, [entry]), entry, timeout=5, max_bytes=LIMIT)
    assert doc.meta.published.value == dt.date(2024, 3, 11) and doc.meta.published_source == "metadata"


def test_entry_without_link_is_read_from_its_content(feed_server):
    url = feed_server.put("/atom.xml", ATOM, "application/atom+xml")
    feed = parse_feed(get(url))
    doc = entry_document(feed, feed.entries[1], timeout=5, max_bytes=LIMIT)
    assert "نص الخبر الكامل" in doc.text and doc.meta.url is None
    assert doc.meta.published.value == dt.date(2024, 3, 11)


def test_entry_linking_something_else_than_a_page(feed_server):
    link = feed_server.put("/report.pdf", b"%PDF-1.4 ...", "application/pdf")
    entry = FeedEntry("g-1", link, "تقرير", None, None)
    with pytest.raises(FetchError, match="not an HTML page") as err:
        entry_document(Feed("http://x/feed", None, [entry]), entry, timeout=5, max_bytes=LIMIT)
    assert not err.value.transient


def test_doc_ids_are_stable_and_distinct():
    a = FeedEntry("urn:1", "https://www.enabbaladi.net/archives/1", None, None, None)
    b = FeedEntry("urn:2", "https://www.enabbaladi.net/archives/2", None, None, None)
    assert entry_doc_id("f", a) == entry_doc_id("f", a) != entry_doc_id("f", b)
    assert entry_doc_id("f", a).startswith("www.enabbaladi.net-")
