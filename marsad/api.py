"""The importable API the CLI is a thin layer over.

    from marsad import api
    for doc in api.extract(["articles/"]):
        ...
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable, Iterator, TextIO

from marsad.config import Options
from marsad.model import Document, Incident, InputProblem


def extract(paths: Iterable[str], options: Options | None = None,
            exclude: Iterable[str] = ()) -> Iterator[Document | InputProblem]:
    """Read inputs and run the whole pipeline on each document, streaming.

    A document the pipeline cannot process is reported as an InputProblem and the
    batch goes on. Files in `exclude` (the output being written) are not read.
    """
    from marsad.ingest import read_inputs
    from marsad.pipeline import Pipeline

    options = options or Options.load()
    pipeline = Pipeline(options)
    for item in read_inputs(paths, options, exclude):
        if isinstance(item, InputProblem):
            yield item
            continue
        try:
            yield pipeline(item)
        except (ValueError, KeyError, IndexError, TypeError, AttributeError) as e:
            # a defect in a stage must not lose the rest of the batch: name the document and go on
            yield InputProblem(item.meta.source_path or item.doc_id,
                               f"extraction failed ({type(e).__name__}: {e}); please report this with the file")


def write_export(fmt: str, docs: Iterable[Document], out: TextIO, options: Options | None = None, *,
                 incidents: Callable[[], Iterable[Incident]] | None = None) -> int:
    """Write `docs` in format `fmt`. `incidents` is called once the documents are written
    (formats that carry incidents: eval-json, json, acled-incidents-csv)."""
    from marsad.export import write_export as _write
    return _write(fmt, docs, out, options, incidents=incidents)


def extract_with_incidents(paths: Iterable[str], options: Options | None = None, exclude: Iterable[str] = ()
                           ) -> tuple[Iterator[Document | InputProblem], Callable[[], list[Incident]]]:
    """`extract`, plus a function that returns the incidents of the documents once they are consumed."""
    from marsad.merge import IncidentTracker

    tracker = IncidentTracker(options)
    return tracker.watch(extract(paths, options, exclude)), tracker.incidents


@dataclass(slots=True)
class IngestResult:
    added: int = 0
    unchanged: int = 0


def ingest(docs: Iterable[Document], options: Options | None = None) -> IngestResult:
    """Store documents, one transaction each; a document already stored (same text) is left alone.

    The new documents' events join the stored incidents (or found new ones) as they go.
    """
    from marsad.merge.stored import StoredIncidents
    from marsad.store import Store

    options = options or Options.load()
    result = IngestResult()
    with Store.open(options.db_url) as store:
        incidents = StoredIncidents(store, options)
        for doc in docs:
            incidents.before_save(doc)
            if store.save(doc):
                incidents.add(doc)
                result.added += 1
            else:
                result.unchanged += 1
        incidents.flush()
    return result


def export(fmt: str, out: TextIO, options: Options | None = None) -> int:
    """Export the store with the analysts' reviews applied: their values, a review mark on each reviewed
    event, and rejected events left out (kept, marked, in the full `json` format)."""
    from marsad.review import ReviewLog
    from marsad.store import Store

    options = options or Options.load()
    with Store.open(options.db_url) as store:
        log = ReviewLog(store.engine)
        docs = log.apply_documents(store.iter_documents(), drop_rejected=fmt != "json")
        return write_export(fmt, docs, out, options, incidents=lambda: log.apply_incidents(store, options))
