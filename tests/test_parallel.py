"""Extraction on several processes and on a Dask cluster: the same output as one process,
in input order, with bad inputs named while the rest completes."""
from __future__ import annotations

import gc
import io
import json
import os
import shutil
from pathlib import Path

import pytest

from marsad import api
from marsad.cli import main
from marsad.config import Options
from marsad.model import Document, InputProblem
from marsad.parallel import GC_THRESHOLD, _Pool, batches, dask_results, extraction_gc, in_order, portable

SEEDS = Path(__file__).resolve().parent.parent / "examples" / "seeds"

EXTRA = {
    "x-arrest": "اعتقلت قوات سوريا الديمقراطية ثلاثة شبان من أبناء بلدة ذيبان في ريف دير الزور الشرقي.",
    "x-shelling": "قصفت قوات النظام بلدة سرمين في ريف إدلب بعشرات القذائف الصاروخية، أمس الثلاثاء.",
    "x-meeting": "عقد قادة من الفرقة الرابعة اجتماعاً مع وجهاء العشائر في مدينة الميادين.",
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The seeds, a JSONL file of short reports, and broken inputs between them."""
    root = tmp_path_factory.mktemp("corpus")
    for path in SEEDS.glob("*.txt"):
        shutil.copy(path, root / path.name)
    (root / "002_broken.json").write_text('{"doc_id": "b", "text": "نص', encoding="utf-8")
    (root / "003_image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (root / "zz_reports.jsonl").write_text(
        "".join(json.dumps({"doc_id": k, "text": v}, ensure_ascii=False) + "\n" for k, v in EXTRA.items())
        + "{not json\n", encoding="utf-8")
    return root


def eval_json(items) -> tuple[str, list[str]]:
    docs, problems = [], []
    for item in items:
        (problems.append(item.source) if isinstance(item, InputProblem) else docs.append(item))
    out = io.StringIO()
    api.write_export("eval-json", docs, out)
    return out.getvalue(), problems


@pytest.fixture(scope="module")
def one_process(corpus) -> tuple[str, list[str]]:
    return eval_json(api.extract([str(corpus)], Options.load()))


def test_two_workers_write_the_eval_json_of_one(corpus, one_process):
    assert eval_json(api.extract([str(corpus)], Options.load(), workers=2)) == one_process


def test_broken_inputs_are_named_and_the_rest_completes_with_two_workers(corpus, one_process):
    text, problems = eval_json(api.extract([str(corpus)], Options.load(), workers=2))
    assert problems == [str(corpus / "002_broken.json"), str(corpus / "003_image.txt"),
                        f"{corpus / 'zz_reports.jsonl'}:4"]
    ids = [d["doc_id"] for d in json.loads(text)["documents"]]
    assert ids == sorted(p.stem for p in SEEDS.glob("*.txt")) + list(EXTRA)


def test_cli_workers_names_failed_inputs_and_exits_1(corpus, tmp_path, capsys):
    out = tmp_path / "pred.json"
    assert main(["extract", str(corpus), "--workers", "2", "-o", str(out), "--no-progress"]) == 1
    err = capsys.readouterr().err
    assert "003_image.txt" in err and "002_broken.json" in err
    assert len(json.loads(out.read_text(encoding="utf-8"))["documents"]) == 5 + len(EXTRA)


@pytest.mark.parametrize("argv", [["--workers", "0"], ["--workers", "2", "--dask", "local"]])
def test_cli_refuses_unusable_scale_options(argv, capsys):
    assert main(["extract", str(SEEDS), *argv]) == 2
    assert "--workers" in capsys.readouterr().err


def test_dask_local_cluster_writes_the_eval_json_of_one_process(corpus, one_process):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        result = eval_json(api.extract([str(corpus)], Options.load(), dask=cluster.scheduler_address))
    assert result == one_process


# ------------------------------------------------------------------ the machinery

def test_in_order_keeps_order_and_reads_no_further_ahead_than_in_flight():
    pulled = []

    def tasks():
        for i in range(20):
            pulled.append(i)
            yield i

    class Done:
        def __init__(self, v):
            self.v = v

        def result(self):
            return self.v * 10

    results = in_order(tasks(), Done, in_flight=3)
    assert next(results) == 0 and len(pulled) == 3
    assert list(results) == [i * 10 for i in range(1, 20)]


def test_batches_cut_a_stream_into_fixed_sizes_with_the_rest_last():
    assert [len(b) for b in batches(range(19), 8)] == [8, 8, 3]


def test_portable_options_leave_out_the_shipped_data_directory():
    assert "data_dir" not in portable(Options.load())
    assert portable(Options.load(data_dir="/srv/marsad-data"))["data_dir"] == Path("/srv/marsad-data")


def die_on_crash_docs(options, batch):
    """A worker function that kills its process on a document whose text is 'crash'."""
    if any(isinstance(d, Document) and d.text == "crash" for d in batch):
        os._exit(3)
    return [d.doc_id for d in batch]


def test_a_document_that_kills_its_worker_is_reported_and_the_others_complete():
    docs = [Document(doc_id=f"d{i}", text="crash" if i == 5 else "نص") for i in range(12)]
    pool = _Pool({}, 2, run=die_on_crash_docs, initializer=None)
    try:
        out = [r for res in in_order(batches(docs, 4), pool.submit, 4) for r in res]
    finally:
        pool.close()
    assert [r for r in out if isinstance(r, str)] == [f"d{i}" for i in range(12) if i != 5]
    [problem] = [r for r in out if isinstance(r, InputProblem)]
    assert problem.source == "d5" and "worker process died" in problem.reason
    assert out.index(problem) == 5


def test_a_document_that_kills_its_dask_worker_is_reported_and_the_others_complete():
    distributed = pytest.importorskip("distributed")
    import dask
    docs = [Document(doc_id=f"d{i}", text="crash" if i == 2 else "نص") for i in range(6)]
    # one death is enough for Dask to give up on a task: the test need not wait for retries
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}), \
            distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True,
                                     dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        out = list(dask_results(client, docs, {}, run=die_on_crash_docs))
    assert out[:2] == ["d0", "d1"] and out[3:] == ["d3", "d4", "d5"]
    assert isinstance(out[2], InputProblem) and out[2].source == "d2"


def test_ingest_with_two_workers_stores_what_one_process_extracts(tmp_path, capsys):
    db = f"sqlite:///{tmp_path / 'm.db'}"
    assert main(["ingest", str(SEEDS), "--workers", "2", "--db", db, "--no-progress"]) == 0
    assert main(["export", "--db", db, "--format", "eval-json", "-o", str(tmp_path / "stored.json")]) == 0
    assert main(["extract", str(SEEDS), "-o", str(tmp_path / "direct.json"), "--no-progress"]) == 0
    stored = json.loads((tmp_path / "stored.json").read_text(encoding="utf-8"))["documents"]
    direct = json.loads((tmp_path / "direct.json").read_text(encoding="utf-8"))["documents"]
    assert sorted(stored, key=lambda d: d["doc_id"]) == direct


def test_extraction_raises_the_gc_threshold_and_puts_the_callers_back():
    before = gc.get_threshold()
    gc.set_threshold(123, *before[1:])
    try:
        with extraction_gc():
            assert gc.get_threshold() == (GC_THRESHOLD, *before[1:])
        assert gc.get_threshold() == (123, *before[1:])
        docs = api.process([Document(doc_id="a", text=EXTRA["x-arrest"])])
        next(docs)
        assert gc.get_threshold()[0] == GC_THRESHOLD   # while the documents stream
        docs.close()
        assert gc.get_threshold() == (123, *before[1:])
    finally:
        gc.set_threshold(*before)
