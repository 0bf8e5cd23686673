"""The importable API the CLI is a thin layer over.

    from marsad import api
    for doc in api.extract(["articles/"]):
        ...
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, TextIO

from marsad.config import Options
from marsad.errors import StoreError, StoreUnavailable
from marsad.model import Document, Incident, InputProblem

if TYPE_CHECKING:
    from marsad.pipeline import Pipeline
    from marsad.store import Store


def extract(paths: Iterable[str], options: Options | None = None, exclude: Iterable[str] = (),
            skip: Callable[[Document], bool] | None = None, *, workers: int = 1,
            dask: str | None = None) -> Iterator[Document | InputProblem]:
    """Read inputs and run the whole pipeline on each document, streaming, in input order.

    A document the pipeline cannot process is reported as an InputProblem and the
    batch goes on. Files in `exclude` (the output being written) are not read.
    `skip` sees each document as read, before extraction: when it says True the
    document is left out (`AlreadyStored` makes a resumed ingest cheap).
    `workers` > 1 runs the pipeline on that many processes; `dask` on a Dask cluster
    (a scheduler address, or "local"). Their documents come without a text layer
    (see marsad.parallel); the results are otherwise the same.
    """
    from marsad.ingest import read_inputs

    options = options or Options.load()
    items: Iterable[Document | InputProblem] = read_inputs(paths, options, exclude)
    if skip is not None:
        items = (i for i in items if isinstance(i, InputProblem) or not skip(i))
    return process(items, options, workers=workers, dask=dask)


def process(items: Iterable[Document | InputProblem], options: Options | None = None,
            pipeline: Pipeline | None = None, *, workers: int = 1,
            dask: str | None = None) -> Iterator[Document | InputProblem]:
    """Run the pipeline on documents as read (from files, feeds…), passing problems through."""
    from marsad import parallel

    options = options or Options.load()
    if dask:
        yield from parallel.extract_dask(items, options, dask)
    elif workers > 1:
        yield from parallel.extract_processes(items, options, workers)
    else:
        from marsad.pipeline import Pipeline
        pipeline = pipeline or Pipeline(options)
        with parallel.extraction_gc():
            for item in items:
                yield parallel.run_safely(pipeline, item)


def write_export(fmt: str, docs: Iterable[Document], out: TextIO, options: Options | None = None, *,
                 incidents: Callable[[], Iterable[Incident]] | None = None) -> int:
    """Write `docs` in format `fmt`. `incidents` is called once the documents are written
    (formats that carry incidents: eval-json, json, acled-incidents-csv)."""
    from marsad.export import write_export as _write
    return _write(fmt, docs, out, options, incidents=incidents)


def extract_with_incidents(paths: Iterable[str], options: Options | None = None, exclude: Iterable[str] = (),
                           **scale) -> tuple[Iterator[Document | InputProblem], Callable[[], list[Incident]]]:
    """`extract` (with its `workers`/`dask`), plus a function that returns the incidents of the
    documents once they are consumed."""
    from marsad.merge import IncidentTracker

    items = extract(paths, options, exclude, **scale)
    if options is not None and not options.incidents:
        return items, list
    tracker = IncidentTracker(options)
    return tracker.watch(items), tracker.incidents


def open_store(options: Options | None = None) -> Store:
    """The database of `options.db_url`, with the options' retries for locks and outages."""
    from marsad.store import Store

    options = options or Options.load()
    return Store.open(options.db_url, retries=options.db_retries, retry_wait=options.db_retry_wait,
                      lock_timeout=options.db_lock_timeout)


class AlreadyStored:
    """`extract(skip=...)` for resuming: True for a document whose text the store holds, counted."""

    def __init__(self, store: Store):
        self.store = store
        self.count = 0

    def __call__(self, doc: Document) -> bool:
        if self.store.has_content(doc.content_hash):
            self.count += 1
            return True
        return False


@dataclass(slots=True)
class IngestResult:
    added: int = 0
    unchanged: int = 0
    problems: list[InputProblem] = field(default_factory=list)   # documents the database refused


def ingest(docs: Iterable[Document], options: Options | None = None, *, store: Store | None = None,
           problems: Callable[[InputProblem], None] | None = None) -> IngestResult:
    """Store documents, one transaction each; a document already stored (same text) is left alone.
    The new documents' events join the stored incidents (or found new ones) as they go.

    A document the database refuses is listed in the result and passed to
    `problems`, and the rest go on. A database that is locked or down after
    the retries (StoreUnavailable) ends the ingest. Without `store`, the one
    of `options.db_url` is opened for the call.
    """
    from marsad.merge.stored import stored_incidents

    if store is None:
        with open_store(options) as opened:
            return ingest(docs, options, store=opened, problems=problems)
    result = IngestResult()
    incidents = stored_incidents(store, options or Options.load())
    for doc in docs:
        try:
            incidents.before_save(doc)
            if store.save(doc):
                incidents.add(doc)
                result.added += 1
            else:
                result.unchanged += 1
        except StoreUnavailable:
            raise
        except StoreError as e:
            problem = InputProblem(doc.meta.source_path or doc.meta.url or doc.doc_id, str(e))
            result.problems.append(problem)
            if problems is not None:
                problems(problem)
    incidents.flush()
    return result


def watch(feeds: Iterable[str], options: Options | None = None, *, polls: int | None = None,
          interval: float | None = None, problems: Callable[[InputProblem], None] | None = None,
          on_poll: Callable | None = None) -> None:
    """Poll RSS/Atom feeds (URLs or files) and ingest each new article once; see marsad.watch."""
    from marsad.watch import watch as _watch

    _watch(feeds, options or Options.load(), polls=polls, interval=interval, problems=problems, on_poll=on_poll)


def export(fmt: str, out: TextIO, options: Options | None = None) -> int:
    """Export the store with the analysts' reviews applied: their values, a review mark on each reviewed
    event, and rejected events left out (kept, marked, in the full `json` format)."""
    from marsad.review import ReviewLog

    options = options or Options.load()
    with open_store(options) as store:
        log = ReviewLog(store.engine)
        docs = log.apply_documents(store.iter_documents(), drop_rejected=fmt != "json")
        return write_export(fmt, docs, out, options, incidents=lambda: log.apply_incidents(store, options))
