"""Pipeline stages of the ingest layer: page furniture, then the outlet."""
from __future__ import annotations

from marsad.config import Options
from marsad.ingest.boilerplate import BoilerplatePatterns, find_boilerplate, load_patterns
from marsad.ingest.metadata import OutletBook, OutletEntry, detect_outlet
from marsad.model import Document, DocumentMeta


class Boilerplate:
    name = "boilerplate"
    requires = ("text",)
    provides = ("boilerplate",)

    def __init__(self, options: Options):
        self.options = options
        self._patterns: BoilerplatePatterns | None = None

    def __call__(self, doc: Document) -> None:
        if self._patterns is None:   # compiled on first use, once per stage
            self._patterns = load_patterns(self.options)
        doc.boilerplate = find_boilerplate(doc.text, self._patterns)


class Metadata:
    """Fills the outlet: from page metadata or JSONL when given (mapped to the outlet
    book), else from the page's URL domain, else from signatures in the text."""

    name = "metadata"
    requires = ("text", "boilerplate")
    provides = ("meta.outlet",)

    def __init__(self, options: Options):
        self.options = options
        self.book = OutletBook(options)   # reads outlets.yaml on first use

    def __call__(self, doc: Document) -> None:
        meta = doc.meta
        if meta.outlet:
            entry = self.book.find(meta.outlet) or self.book.find_domain(meta.url)
            if entry:
                _fill(meta, entry)
            return
        entry = self.book.find_domain(meta.url)
        if entry:
            _fill(meta, entry)
            meta.outlet_source = "url"
            return
        match = detect_outlet(doc.text, doc.boilerplate, self.book, view=doc.view)
        if match:
            meta.outlet, meta.outlet_ar, meta.outlet_id = match.name_en, match.name_ar, match.id
            meta.outlet_source = f"text:{match.signature}"
            meta.outlet_span = match.span


def _fill(meta: DocumentMeta, entry: OutletEntry) -> None:
    meta.outlet, meta.outlet_ar, meta.outlet_id = entry.name_en, entry.name_ar, entry.id
