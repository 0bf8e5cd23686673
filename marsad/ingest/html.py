"""A saved web page to a Document: main text by trafilatura, metadata from the page head.

The publication date is taken only from what the page states about itself
(meta tags, JSON-LD, a <time> marked as the publication time). trafilatura's
own date comes from htmldate, which prefers a date found in the URL and may
fall back on any date in the body; both can be the wrong day, and an invented
date is worse than none.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from marsad.errors import InputError
from marsad.ingest.text import decode_bytes
from marsad.ingest.metadata import parse_day
from marsad.model import DateValue, Document, DocumentMeta

# Fewer words than this is a menu or a caption that the extractor fell back on, not an article.
MIN_WORDS = 5
_CHARSET_RE = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.I)

# meta name / property / itemprop values that carry the publication time, best first.
_PUBLISHED_KEYS = (
    "article:published_time", "og:article:published_time", "og:published_time",
    "datepublished", "published_time", "publish-date", "publishdate", "pubdate",
    "article.published", "parsely-pub-date", "sailthru.date", "dc.date.issued",
    "dcterms.issued", "dcterms.created", "dc.date", "citation_publication_date",
    "originalpublicationdate", "date",
)


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its head (<meta charset> or http-equiv)."""
    m = _CHARSET_RE.search(data[:8192])
    return m[1].decode("ascii") if m else None


def read_html_file(path: Path, source: str) -> Document:
    data = path.read_bytes()
    html = decode_bytes(data, source, declared=declared_charset(data))
    return html_to_document(html, doc_id=path.stem, source=source, source_path=str(path))


def html_to_document(html: str, doc_id: str, source: str, source_path: str | None = None) -> Document:
    """Main text and metadata of one page; InputError when it has no article text."""
    # trafilatura is heavy to import: load it only when a page is read.
    import trafilatura
    from trafilatura.utils import load_html

    tree = load_html(html)
    if tree is None:
        raise InputError(source, "not an HTML page (no document tree could be parsed)")
    try:
        # The date it computes is ignored (see the module docstring); a cheap search suffices.
        result = trafilatura.bare_extraction(
            tree, with_metadata=True, include_comments=False, include_images=False,
            date_extraction_params={"extensive_search": False, "original_date": True,
                                    "max_date": dt.date.today().isoformat()})
    # trafilatura and lxml raise a variety of errors on odd markup; one page must not stop a batch.
    except Exception as e:  # noqa: BLE001
        raise InputError(source, f"HTML extraction failed ({type(e).__name__}: {e})") from None
    body = (result.text or "").strip() if result is not None else ""
    if len(body.split()) < MIN_WORDS:
        raise InputError(source, f"no article text found in the HTML page ({len(body.split())} words extracted)")
    title = _clean(result.title)
    text = body
    if title and body.split("\n", 1)[0].strip() != title:
        text = f"{title}\n\n{body}"
    meta = DocumentMeta(source_path=source_path, url=_clean(result.url), title=title)
    sitename = _clean(result.sitename)
    if sitename:
        meta.outlet, meta.outlet_source = sitename, "metadata"
    day = published_day(tree)
    if day:
        meta.published = DateValue.day(day, source="metadata")
        meta.published_source = "metadata"
    return Document(doc_id=doc_id, text=text, meta=meta)


def published_day(tree) -> dt.date | None:
    """The publication day the page states in its metadata, or None."""
    found: dict[str, str] = {}
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        if key in _PUBLISHED_KEYS and el.get("content"):
            found.setdefault(key, el.get("content"))
    for key in _PUBLISHED_KEYS:
        day = parse_day(found.get(key))
        if day and _plausible(day):
            return day
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text_content())
        except ValueError:
            continue
        day = parse_day(_json_ld_published(data))
        if day and _plausible(day):
            return day
    for value in tree.xpath('//time[@pubdate]/@datetime | //*[@itemprop="datePublished"]/@datetime'):
        day = parse_day(value)
        if day and _plausible(day):
            return day
    return None


def _json_ld_published(data: object) -> str | None:
    if isinstance(data, dict):
        if isinstance(data.get("datePublished"), str):
            return data["datePublished"]
        data = list(data.values())
    if isinstance(data, list):
        for item in data:
            found = _json_ld_published(item)
            if found:
                return found
    return None


def _plausible(day: dt.date) -> bool:
    # a day after today is a template default or a typo, not a publication date
    return dt.date(1990, 1, 1) <= day <= dt.date.today()


def _clean(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None
