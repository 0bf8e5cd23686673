"""Exports: evaluation JSON, full JSON Lines, ACLED CSV and GeoJSON.

    >>> from marsad.export import write_export
    >>> with open("events.csv", "w", encoding="utf-8", newline="") as out:
    ...     n = write_export("acled-csv", store.iter_documents(), out)

Every writer takes an iterable of Documents and a text stream, writes as it
reads (memory does not grow with the corpus) and returns the number of
records written (documents for eval-json and json, rows for acled-csv,
features for geojson).
"""
from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from typing import TextIO

from marsad.config import Options
from marsad.errors import UsageError
from marsad.model import Document, Incident

FORMATS = ("eval-json", "json", "acled-csv", "acled-incidents-csv", "geojson")

# Imported on use: `marsad --help` should not load the exporters.
_MODULES = {
    "eval-json": "marsad.export.evaljson",
    "json": "marsad.export.jsonexport",
    "acled-csv": "marsad.export.acled",
    "acled-incidents-csv": "marsad.export.acled_incidents",
    "geojson": "marsad.export.geojson",
}

# Suggested file extension per format (for CLIs that build output names).
EXTENSIONS = {"eval-json": ".json", "json": ".jsonl", "acled-csv": ".csv", "acled-incidents-csv": ".csv", "geojson": ".geojson"}


def write_export(fmt: str, docs: Iterable[Document], out: TextIO, options: Options | None = None, *,
                 incidents: Callable[[], Iterable[Incident]] | None = None) -> int:
    """Write `docs` to `out` in format `fmt`; returns the number of records written.

    `incidents`, when given, is called after the documents are written, for the
    formats that carry incidents (their module sets WRITES_INCIDENTS).
    """
    module_name = _MODULES.get(fmt)
    if module_name is None:
        raise UsageError(f"unknown export format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    module = importlib.import_module(module_name)
    if getattr(module, "WRITES_INCIDENTS", False):
        return module.write(docs, out, options, incidents=incidents)
    return module.write(docs, out, options)


__all__ = ["EXTENSIONS", "FORMATS", "write_export"]
