"""Extraction on several processes or on a Dask cluster, streaming and in input order.

The calling process reads the inputs (cheap) and sends documents in small batches to
workers that run the pipeline (expensive); each worker builds its pipeline once. At most
`in_flight` batches are out at a time, so memory does not grow with the corpus, and
results come back in input order, so the output is the one a single process writes.

Documents that come back from a worker carry no text layer (`view`, `tokens`,
`date_mentions` are empty), like documents read back from the store: the layer is large
to send between processes and every export and the store work without it.
"""
from __future__ import annotations

import dataclasses
import gc
import os
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from marsad.config import DATA_DIR, Options
from marsad.errors import MarsadError, UsageError
from marsad.model import Document, InputProblem

Item = Document | InputProblem

# Documents per task: enough to make the cost of sending a task small next to the work.
BATCH = 8
# Batches out per worker: one being worked on, the next ones queued so no worker waits.
IN_FLIGHT_PER_WORKER = 3
# The garbage collector's first threshold while documents are extracted (CPython's default is
# 700). A document makes a few thousand objects (tokens, spans, mentions) that live until it is
# done: collected young every 700 new objects, they outlive two collections and reach the old
# generation, and its full collections then walk every lexicon, model and cache object too: 10-25 %
# of the time of a long run. With this threshold they are freed by reference counting before
# that; the full collections all but stop, and memory stays the same (measured on 1,500 articles).
GC_THRESHOLD = 10_000


def run_safely(pipeline: Callable[[Document], Document], item: Item) -> Item:
    """The pipeline's result for one document, or an InputProblem naming it: a defect in a
    stage must not lose the rest of the batch."""
    if isinstance(item, InputProblem):
        return item
    try:
        return pipeline(item)
    except (ValueError, KeyError, IndexError, TypeError, AttributeError) as e:
        return InputProblem(item.meta.source_path or item.meta.url or item.doc_id,
                            f"extraction failed ({type(e).__name__}: {e}); please report this with the file")


@contextmanager
def extraction_gc() -> Iterator[None]:
    """The garbage collector's first threshold raised to GC_THRESHOLD while the block runs; the
    caller's own setting is put back afterwards."""
    before = gc.get_threshold()
    gc.set_threshold(max(before[0], GC_THRESHOLD), *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)


def batches(items: Iterable[Item], size: int = BATCH) -> Iterator[list[Item]]:
    batch: list[Item] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def in_order(tasks: Iterable[Any], submit: Callable[[Any], Any], in_flight: int) -> Iterator[Any]:
    """Submit tasks keeping at most `in_flight` unfinished, and yield their results in order.

    `submit` returns anything with a blocking .result(): a concurrent.futures or Dask future, or a
    wrapper that retries."""
    pending: deque = deque()
    for task in tasks:
        pending.append(submit(task))
        if len(pending) >= in_flight:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


# --------------------------------------------------------------------------- the worker side

# One pipeline per process and thread (the CRF tagger is not thread-safe), keyed by options.
_LOCAL = threading.local()


def portable(options: Options) -> dict[str, Any]:
    """Options as a dict another machine can use: the shipped data directory is left out,
    so a worker uses its own installed copy instead of this machine's path."""
    values = {f.name: getattr(options, f.name) for f in dataclasses.fields(options)}
    if os.path.realpath(values["data_dir"]) == os.path.realpath(DATA_DIR):
        del values["data_dir"]
    return values


def _pipeline(options: dict[str, Any]):
    key = repr(sorted(options.items()))
    cache = getattr(_LOCAL, "pipelines", None)
    if cache is None:
        cache = _LOCAL.pipelines = {}
    if key not in cache:
        from marsad.pipeline import Pipeline
        cache.clear()
        cache[key] = Pipeline(Options(**options))
    return cache[key]


def _shipped(item: Item) -> Item:
    if isinstance(item, Document):
        item.view, item.tokens, item.date_mentions = None, [], []
    return item


def run_batch(options: dict[str, Any], batch: list[Item]) -> list[Item]:
    """Run the pipeline on a batch in a worker; the results, without their text layer."""
    pipeline = _pipeline(options)
    with extraction_gc():
        return [_shipped(run_safely(pipeline, item)) for item in batch]


def _warm(options: dict[str, Any]) -> None:
    """Pool initializer: build the pipeline and open the models before the first batch."""
    try:
        _pipeline(options)(Document(doc_id="warm-up", text="اشتباكات في دير الزور"))
    except MarsadError:
        pass   # a failed initializer breaks the pool; the first batch raises the same error, with its message


# --------------------------------------------------------------------------- processes

def extract_processes(items: Iterable[Item], options: Options, workers: int) -> Iterator[Item]:
    """Run the pipeline over `items` on `workers` processes; results in input order.

    A document that kills its worker (a crash in a C library, memory exhausted) is reported
    as an InputProblem; the other documents of its batch are run again on a new pool."""
    if workers < 1:
        raise UsageError(f"--workers must be at least 1, not {workers}")
    opts = portable(options)
    pool = _Pool(opts, workers)
    try:
        for results in in_order(batches(items), pool.submit, workers * IN_FLIGHT_PER_WORKER):
            yield from results
    finally:
        pool.close()


class _Pool:
    """A process pool that survives a worker's death: the batches that were out when it died
    are run again one document at a time on a new pool, and a document that kills a pool on
    its own is reported as an InputProblem."""

    def __init__(self, options: dict[str, Any], workers: int, run: Callable = run_batch,
                 initializer: Callable | None = _warm):
        self.options = options
        self.workers = workers
        self.run = run   # run(options, batch) -> results, in a worker
        self.initializer = initializer
        self.executor = self._new()

    def _new(self) -> ProcessPoolExecutor:
        import multiprocessing
        # spawn: a clean interpreter per worker, whatever threads the caller runs (fork would copy them)
        return ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=self.initializer, initargs=(self.options,))

    def _replace(self, broken: ProcessPoolExecutor) -> None:
        if broken is self.executor:
            broken.shutdown(wait=False, cancel_futures=True)
            self.executor = self._new()

    def submit(self, batch: list[Item]) -> _Task:
        executor = self.executor
        try:
            return _Task(self, batch, executor, executor.submit(self.run, self.options, batch))
        except BrokenProcessPool:
            self._replace(executor)
            return self.submit(batch)

    def rerun(self, batch: list[Item]) -> list[Item]:
        out: list[Item] = []
        for item in batch:
            executor = self.executor
            try:
                out += executor.submit(self.run, self.options, [item]).result()
            except BrokenProcessPool:
                out.append(_died(item))
                self._replace(executor)
        return out

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)


@dataclasses.dataclass(slots=True)
class _Task:
    pool: _Pool
    batch: list[Item]
    executor: ProcessPoolExecutor
    future: Future

    def result(self) -> list[Item]:
        try:
            return self.future.result()
        except BrokenProcessPool:
            self.pool._replace(self.executor)
            return self.pool.rerun(self.batch)


def _died(item: Item) -> Item:
    if isinstance(item, InputProblem):
        return item
    return InputProblem(item.meta.source_path or item.doc_id,
                        "the worker process died while extracting it (crash or out of memory); "
                        "run it alone with --workers 1 to see the error")


# --------------------------------------------------------------------------- Dask

def extract_dask(items: Iterable[Item], options: Options, address: str) -> Iterator[Item]:
    """Run the pipeline on a Dask cluster, partitioned by document (batches of BATCH),
    results streamed back in input order. `address` is a scheduler ("tcp://host:8786") or
    "local" for a LocalCluster of this machine's cores, one thread per worker process."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise UsageError("--dask needs the dask extra: pip install 'marsad[dask]'") from None
    opts = portable(options)
    cluster = None
    if address == "local":
        cluster = LocalCluster(n_workers=os.cpu_count() or 1, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    else:
        try:
            client = Client(address, timeout="20s")
        except OSError as e:
            raise UsageError(f"cannot reach the Dask scheduler at {address}: {e}") from None
    try:
        yield from dask_results(client, items, opts)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def dask_results(client, items: Iterable[Item], options: dict[str, Any],
                 run: Callable = run_batch) -> Iterator[Item]:
    """Results of the pipeline over `items` on an open Dask client, in input order.
    `run(options, batch)` is what a worker does with a batch."""
    workers = max(1, sum(client.nthreads().values()))

    def submit(batch: list[Item]) -> _DaskTask:
        return _DaskTask(client, run, options, batch)

    for results in in_order(batches(items), submit, workers * IN_FLIGHT_PER_WORKER):
        yield from results


class _DaskTask:
    """A batch on the cluster. When it kills every worker that tries it (Dask gives up with
    KilledWorker), its documents are tried one at a time and the one that kills is reported."""

    def __init__(self, client, run: Callable, options: dict[str, Any], batch: list[Item]):
        self.client, self.run, self.options, self.batch = client, run, options, batch
        self.future = self._submit(batch)

    def _submit(self, batch: list[Item]):
        # pure=False: two batches with equal content are still two tasks
        return self.client.submit(self.run, self.options, batch, pure=False)

    def result(self) -> list[Item]:
        from distributed import KilledWorker
        try:
            return self.future.result()
        except KilledWorker:
            out: list[Item] = []
            for item in self.batch:
                try:
                    out += self._submit([item]).result()
                except KilledWorker:
                    out.append(_died(item))
            return out
