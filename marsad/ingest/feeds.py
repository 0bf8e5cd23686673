"""RSS and Atom feeds to Documents: conditional fetching, feed entries, the articles they link.

* **Conditional requests.** `fetch` sends the ETag and Last-Modified a server
  gave last time (If-None-Match, If-Modified-Since); a 304 answer means the
  feed has not changed and is not parsed.
* **One document per entry.** The article page the entry links is fetched and
  read like a saved page (`html.html_to_document`); an entry without a link
  but with its own content (content:encoded, Atom content) is read from that.
  The feed supplies what the page may lack: the outlet (the feed's title), the
  title and the publication day.
* **Failures say whether to try again.** A time-out, a refused connection or a
  server error (5xx, 429) is `FetchError.transient`; a missing page (4xx), a
  page without article text or a feed that cannot be parsed is not.
"""
from __future__ import annotations

import datetime as dt
import email.utils
import hashlib
import html
import http.client
import io
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from marsad.errors import FetchError, InputError
from marsad.ingest.html import declared_charset, html_to_document
from marsad.ingest.metadata import parse_day
from marsad.ingest.text import decode_bytes
from marsad.model import DateValue, Document

USER_AGENT = "marsad/0.1 (feed watcher)"
_HTML_TYPES = ("text/html", "application/xhtml+xml")
# Answers worth trying again later: the server is overloaded, rate-limits or timed out.
_TRANSIENT_STATUS = {408, 425, 429}


@dataclass(slots=True)
class Fetched:
    status: int                 # 200, or 304: not modified since the validators sent
    body: bytes
    url: str                    # after redirects
    etag: str | None = None
    last_modified: str | None = None
    content_type: str | None = None


@dataclass(slots=True)
class FeedEntry:
    key: str                    # what identifies the entry across polls: its id, else its link
    link: str | None
    title: str | None
    published: dt.date | None
    content: str | None         # HTML the entry carries itself


@dataclass(slots=True)
class Feed:
    url: str
    title: str | None
    entries: list[FeedEntry]


def is_url(location: str) -> bool:
    return urlsplit(location).scheme in ("http", "https", "file")


def fetch(url: str, *, timeout: float, max_bytes: int, etag: str | None = None,
          last_modified: str | None = None) -> Fetched:
    """GET `url` (http, https or file), conditionally when validators are given."""
    if urlsplit(url).scheme == "file":
        return _read_local(url, max_bytes)
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    if etag:
        request.add_header("If-None-Match", etag)
    if last_modified:
        request.add_header("If-Modified-Since", last_modified)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read(max_bytes + 1)
            headers = response.headers
            final = response.geturl()
    except urllib.error.HTTPError as e:
        if e.code == 304:
            return Fetched(304, b"", url, etag, last_modified)
        raise FetchError(url, f"HTTP {e.code} {e.reason}",
                         transient=e.code >= 500 or e.code in _TRANSIENT_STATUS) from None
    except urllib.error.URLError as e:
        raise FetchError(url, f"cannot connect: {e.reason}", transient=True) from None
    except (TimeoutError, ConnectionError, http.client.HTTPException) as e:
        raise FetchError(url, f"connection failed ({type(e).__name__}: {e})", transient=True) from None
    if len(body) > max_bytes:
        raise FetchError(url, f"the answer is over the {max_bytes:,}-byte limit (option max_file_bytes)",
                         transient=False)
    return Fetched(200, body, final, headers.get("ETag"), headers.get("Last-Modified"),
                   headers.get("Content-Type"))


def _read_local(url: str, max_bytes: int) -> Fetched:
    path = Path(urllib.request.url2pathname(urlsplit(url).path))
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise FetchError(url, f"file is {size:,} bytes, over the {max_bytes:,}-byte limit (option "
                                  "max_file_bytes)", transient=False)
        return Fetched(200, path.read_bytes(), url)
    except OSError as e:
        raise FetchError(url, f"cannot read: {e.strerror or e}", transient=False) from None


def parse_feed(fetched: Fetched) -> Feed:
    """The entries of an RSS or Atom document; InputError when it is neither."""
    import feedparser   # imported here: only watching feeds needs it

    headers = {"content-location": fetched.url}     # relative links resolve against the feed
    if fetched.content_type:
        headers["content-type"] = fetched.content_type
    # A BytesIO: feedparser would take bare bytes for a file name or a URL to open.
    parsed = feedparser.parse(io.BytesIO(fetched.body), response_headers=headers)
    if not parsed.get("version") and not parsed.entries:
        why = f" ({parsed.bozo_exception})" if parsed.get("bozo") else ""
        raise InputError(fetched.url, f"not an RSS or Atom feed{why}")
    entries = []
    for e in parsed.entries:
        link = e.get("link") or None
        if link and not is_url(link):      # feedparser takes an id such as urn:… for the link when none is given
            link = None
        content = next((c.get("value") for c in e.get("content", []) if c.get("value")), None)
        key = e.get("id") or link or f"{e.get('title', '')}|{e.get('published', '')}"
        entries.append(FeedEntry(key=key, link=link, title=(e.get("title") or "").strip() or None,
                                 published=_entry_day(e), content=content))
    return Feed(url=fetched.url, title=(parsed.feed.get("title") or "").strip() or None, entries=entries)


def _entry_day(entry) -> dt.date | None:
    """The publication day as the feed writes it (feedparser's parsed time is shifted to UTC)."""
    raw = entry.get("published") or entry.get("updated")
    day = parse_day(raw)                         # Atom, ISO 8601
    if day is None and raw:
        try:
            day = email.utils.parsedate_to_datetime(raw).date()    # RSS, RFC 822
        except (TypeError, ValueError):
            return None
    return day if day is not None and day <= dt.date.today() else None


def entry_doc_id(feed_url: str, entry: FeedEntry) -> str:
    """A stable doc_id: the article's host and a digest of the entry's key."""
    host = urlsplit(entry.link or feed_url).hostname or "feed"
    return f"{host}-{hashlib.sha256(entry.key.encode('utf-8')).hexdigest()[:16]}"


def entry_document(feed: Feed, entry: FeedEntry, *, timeout: float, max_bytes: int) -> Document:
    """The article of one entry, not yet extracted. Raises FetchError or InputError."""
    doc_id = entry_doc_id(feed.url, entry)
    if entry.link:
        page = fetch(entry.link, timeout=timeout, max_bytes=max_bytes)
        kind = (page.content_type or "text/html").split(";")[0].strip().lower()
        if kind not in _HTML_TYPES:
            raise FetchError(entry.link, f"not an HTML page (Content-Type {kind})", transient=False)
        doc = html_to_document(decode_bytes(page.body, entry.link, declared=_charset(page)),
                               doc_id=doc_id, source=entry.link)
    elif entry.content:
        # a fragment: the page around it gives the extractor a document tree and the title
        page = (f"<html><head><title>{html.escape(entry.title or '')}</title></head>"
                f"<body><article>{entry.content}</article></body></html>")
        doc = html_to_document(page, doc_id=doc_id, source=f"{feed.url} entry {entry.key}")
    else:
        raise InputError(f"{feed.url} entry {entry.key}", "the entry has neither a link nor content")
    meta = doc.meta
    meta.url = entry.link or meta.url
    meta.title = meta.title or entry.title
    if feed.title:
        meta.outlet, meta.outlet_source = feed.title, "feed"
    if meta.published is None and entry.published is not None:
        meta.published, meta.published_source = DateValue.day(entry.published, source="feed"), "feed"
    meta.extra.update({"feed": feed.url, "feed_entry": entry.key})
    return doc


def _charset(page: Fetched) -> str | None:
    for part in (page.content_type or "").split(";")[1:]:
        name, _, value = part.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            return value.strip().strip('"')
    return declared_charset(page.body)
