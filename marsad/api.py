"""The importable API the CLI is a thin layer over.

    from marsad import api
    for doc in api.extract(["articles/"]):
        ...
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Iterator, TextIO

from marsad.config import Options
from marsad.model import Document, InputProblem


def extract(paths: Iterable[str], options: Options | None = None,
            exclude: Iterable[str] = (), *, workers: int = 1,
            dask: str | None = None) -> Iterator[Document | InputProblem]:
    """Read inputs and run the whole pipeline on each document, streaming, in input order.

    A document the pipeline cannot process is reported as an InputProblem and the
    batch goes on. Files in `exclude` (the output being written) are not read.
    `workers` > 1 runs the pipeline on that many processes; `dask` on a Dask cluster
    (a scheduler address, or "local"). Their documents come without a text layer
    (see marsad.parallel); the results are otherwise the same.
    """
    from marsad.ingest import read_inputs
    from marsad import parallel

    options = options or Options.load()
    items = read_inputs(paths, options, exclude)
    if dask:
        yield from parallel.extract_dask(items, options, dask)
    elif workers > 1:
        yield from parallel.extract_processes(items, options, workers)
    else:
        from marsad.pipeline import Pipeline
        pipeline = Pipeline(options)
        for item in items:
            yield parallel.run_safely(pipeline, item)


def write_export(fmt: str, docs: Iterable[Document], out: TextIO, options: Options | None = None) -> int:
    from marsad.export import write_export as _write
    return _write(fmt, docs, out, options)


@dataclass(slots=True)
class IngestResult:
    added: int = 0
    unchanged: int = 0


def ingest(docs: Iterable[Document], options: Options | None = None) -> IngestResult:
    """Store documents, one transaction each; a document already stored (same text) is left alone."""
    from marsad.store import Store

    options = options or Options.load()
    result = IngestResult()
    with Store.open(options.db_url) as store:
        for doc in docs:
            if store.save(doc):
                result.added += 1
            else:
                result.unchanged += 1
    return result


def export(fmt: str, out: TextIO, options: Options | None = None) -> int:
    from marsad.store import Store

    options = options or Options.load()
    with Store.open(options.db_url) as store:
        return write_export(fmt, store.iter_documents(), out, options)
