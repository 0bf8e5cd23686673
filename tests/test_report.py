"""The failure report (--report) and the ingest options around failures (--resume)."""
from __future__ import annotations

import csv
import datetime as dt
import json

import pytest

from marsad import api
from marsad.cli import main
from marsad.config import Options
from marsad.model import Document, InputProblem
from marsad.report import FailureReport

GOOD = {
    "a": "قصفت قوات النظام بالمدفعية الثقيلة أطراف بلدة سرمين في ريف إدلب الشرقي صباح اليوم.",
    "b": "اعتقلت قوات سوريا الديمقراطية ثلاثة شبان من أبناء بلدة ذيبان في ريف دير الزور الشرقي.",
}


@pytest.fixture
def inputs(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in GOOD.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    # read fine, refused by the database: PostgreSQL cannot hold NUL, so no backend takes it
    (folder / "nul.jsonl").write_text(json.dumps({"doc_id": "nul", "text": "نص فيه\u0000صفر"}) + "\n",
                                      encoding="utf-8")
    return folder


@pytest.mark.parametrize("name", ["failed.jsonl", "failed.csv"])
def test_report_lists_path_reason_and_time(tmp_path, name):
    path = tmp_path / name
    when = dt.datetime(2024, 3, 12, 8, 30, tzinfo=dt.timezone.utc)
    with FailureReport(path) as report:
        report.add(InputProblem("in/a.txt", "empty file"), when)
        report.add(InputProblem("in/b, \"c\".txt", "سبب بالعربية"), when)
    text = path.read_text(encoding="utf-8")
    rows = list(csv.DictReader(text.splitlines())) if name.endswith(".csv") else [json.loads(x) for x in text.splitlines()]
    assert rows == [{"path": "in/a.txt", "reason": "empty file", "time": "2024-03-12T08:30:00+00:00"},
                    {"path": 'in/b, "c".txt', "reason": "سبب بالعربية", "time": "2024-03-12T08:30:00+00:00"}]


def test_report_is_written_as_failures_happen(tmp_path):
    path = tmp_path / "failed.jsonl"
    report = FailureReport(path)
    report.add(InputProblem("x", "bad"))
    assert json.loads(path.read_text(encoding="utf-8"))["path"] == "x"     # before close: a killed run keeps it
    report.close()


def test_ingest_report_names_unreadable_and_refused_inputs(capsys, tmp_path, inputs):
    report = tmp_path / "failed.jsonl"
    status = main(["ingest", str(inputs), "--db", f"sqlite:///{tmp_path / 'm.db'}", "--report", str(report)])
    err = capsys.readouterr().err
    assert status == 1
    assert "2 document(s) stored" in err and f"2 input(s) failed (listed in {report})" in err
    rows = {r["path"]: r for r in map(json.loads, report.read_text(encoding="utf-8").splitlines())}
    assert set(rows) == {str(inputs / "empty.txt"), str(inputs / "nul.jsonl")}
    assert "empty file" in rows[str(inputs / "empty.txt")]["reason"]
    assert "NUL" in rows[str(inputs / "nul.jsonl")]["reason"]
    assert all(dt.datetime.fromisoformat(r["time"]).tzinfo is not None for r in rows.values())


def test_report_inside_the_input_folder_is_not_read(capsys, tmp_path, inputs):
    report = inputs / "failed.jsonl"
    assert main(["ingest", str(inputs), "--db", f"sqlite:///{tmp_path / 'm.db'}", "--report", str(report)]) == 1
    assert str(report) not in report.read_text(encoding="utf-8")


def test_report_that_is_an_input_is_refused(capsys, tmp_path, inputs):
    target = inputs / "nul.jsonl"
    before = target.read_bytes()
    assert main(["ingest", str(target), "--db", f"sqlite:///{tmp_path / 'm.db'}", "--report", str(target)]) == 2
    assert "--report" in capsys.readouterr().err and target.read_bytes() == before


def test_resume_skips_stored_texts_before_extraction(capsys, tmp_path, inputs, monkeypatch):
    db = f"sqlite:///{tmp_path / 'm.db'}"
    (inputs / "b.txt").rename(tmp_path / "b.txt")          # the first run sees only a
    assert main(["ingest", str(inputs), "--db", db]) == 1
    (tmp_path / "b.txt").rename(inputs / "b.txt")
    capsys.readouterr()

    extracted: list[str] = []
    real_process = api.process

    def spying_process(items, options=None, pipeline=None, **scale):
        def seen(items):
            for item in items:
                if isinstance(item, Document):
                    extracted.append(item.doc_id)
                yield item
        return real_process(seen(items), options, pipeline, **scale)

    monkeypatch.setattr(api, "process", spying_process)
    assert main(["ingest", str(inputs), "--db", db, "--resume"]) == 1
    err = capsys.readouterr().err
    assert "1 document(s) stored, 0 unchanged, 1 already stored (not extracted again)" in err
    assert extracted == ["b", "nul"]                     # a is not extracted again; the refused one is retried


def test_ingest_goes_on_after_a_refused_document(tmp_path):
    opts = Options.load(db_url=f"sqlite:///{tmp_path / 'm.db'}")
    seen: list[InputProblem] = []
    result = api.ingest([Document("x", "نص\x00"), Document("y", "نص سليم")], opts, problems=seen.append)
    assert (result.added, result.unchanged, len(result.problems)) == (1, 0, 1)
    assert seen == result.problems and seen[0].source == "x"


@pytest.fixture
def locked_db(tmp_path):
    """A database with one document, and another program holding its write lock."""
    import sqlite3

    path = tmp_path / "m.db"
    api.ingest([Document("old", "نص مخزن من قبل")], Options.load(db_url=f"sqlite:///{path}"))
    config = tmp_path / "fast.yaml"
    config.write_text("db_retries: 1\ndb_retry_wait: 0.05\ndb_lock_timeout: 0.1\n", encoding="utf-8")
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        yield f"sqlite:///{path}", str(config)
    finally:
        holder.close()


def test_ingest_into_a_locked_database_exits_2_saying_what_to_do(capsys, inputs, locked_db):
    url, config = locked_db
    assert main(["--config", config, "ingest", str(inputs / "a.txt"), "--db", url]) == 2
    err = capsys.readouterr().err
    assert f"database {url} is locked by another program" in err and "tried 2 time(s)" in err
    assert "--resume" in err


def test_export_reads_while_another_program_holds_the_write_lock(capsys, locked_db):
    url, config = locked_db
    assert main(["--config", config, "export", "--db", url, "--format", "eval-json"]) == 0
    assert json.loads(capsys.readouterr().out)["documents"][0]["doc_id"] == "old"
