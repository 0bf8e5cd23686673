"""The `marsad` command: help, exit statuses, messy input folders, exports, ingest and export."""
from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from marsad.cli import main
from marsad.config import Options

# ---------------------------------------------------------------- invented articles

# A clash report with a headline, an outlet signature and a dateline; harakat, tatweel,
# tanwin and a no-break space make the offsets worth checking. Every character exists in
# windows-1256, so the same text can be written in UTF-8, cp1256 and UTF-16.
CLASH = (
    "اشتباكات عنيفة بين قسد ومسلحين من العشائر في دير الزور\n"
    "خاص - SY24\n"
    "دير الزور - الثلاثاء 12 آذار 2024\n"
    "اندلعت اشتباكاتٌ عنيفة، مساء أمسِ الإثنين، بين عناصر من قوات سوريا الديمقراطية (قسد) ومسلحين "
    "من أبناء العشائر في مدينة\u00a0دير الزور، أسفرت عن مقتل 4 عناصر من الـ17 وإصابة 6 آخرين.\n"
    "وقال مصدر محلي لمنصة SY24 إن الحرس الثوري الإيراني استقدم تعزيزات عسكرية مدعومة روسياً إلى مدينة البوكمال.\n"
)

SHELLING = (
    "قصف مدفعي على أطراف بلدة الشحيل\n"
    "خاص - SY24\n"
    "دير الزور - الأربعاء 13 آذار 2024\n"
    "قصفت قوات النظام السوري بالمدفعية الثقيلة أطراف بلدة الشحيل في ريف دير الزور الشرقي، صباح اليوم، "
    "ما أدى إلى إصابة مدنيين اثنين بجروح متفاوتة.\n"
)

ARREST = (
    "اعتقلت قوات سوريا الديمقراطية (قسد) ثلاثة شبان من أبناء بلدة ذيبان في ريف دير الزور الشرقي، "
    "بتهمة التعامل مع خلايا تنظيم داعش، بحسب ما أفاد مصدر محلي.\n"
)

JSONL_DOCS = {
    "j-shelling": "قصفت قوات النظام بلدة سرمين في ريف إدلب بعشرات القذائف الصاروخية.",
    "j-meeting": "عقد قادة من الفرقة الرابعة اجتماعاً مع وجهاء العشائر في مدينة الميادين لبحث الأوضاع الأمنية.",
}
MALFORMED_JSONL_LINE = '{"doc_id": "j-broken", "text": "نص مقطوع لم يكتمل'

# Not about conflict, so that a large file is cheap if it is processed at all.
BIG_PARAGRAPH = (
    "يحتفل سكان المدينة في فصل الربيع بموسم الزهور، وتمتلئ الحدائق العامة بالعائلات والأطفال الذين "
    "يلعبون حتى المساء، بينما تعرض المكتبات كتباً جديدة عن تاريخ المنطقة وتراثها الشعبي.\n"
)
BIG_BYTES = 20 * 1024 * 1024

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(range(256)) * 8

SEEDS = Path("/work/shared/corpus/seeds")


def _jsonl(good: dict[str, str], malformed: str) -> str:
    lines = [json.dumps({"doc_id": k, "text": v}, ensure_ascii=False) for k, v in good.items()]
    lines.insert(1, malformed)
    return "\n".join(lines) + "\n"


def _write_big(path: Path) -> None:
    para = BIG_PARAGRAPH.encode("utf-8")
    path.write_bytes(para * (BIG_BYTES // len(para) + 1))


# ---------------------------------------------------------------- corpora

class Corpus:
    def __init__(self, root: Path):
        self.root = root
        self.texts: dict[str, str] = {}        # doc_id -> decoded text
        self.failures: dict[str, str] = {}     # source as named on stderr -> reason fragment


@pytest.fixture(scope="module")
def tmp_corpus(tmp_path_factory) -> Corpus:
    """Every kind of input in one folder: good, empty, binary, cp1256, UTF-16, JSONL, 20 MB."""
    c = Corpus(tmp_path_factory.mktemp("corpus"))
    r = c.root
    (r / "clash.txt").write_text(CLASH, encoding="utf-8")
    (r / "clash_cp1256.txt").write_bytes(CLASH.encode("cp1256"))
    (r / "clash_utf16.txt").write_bytes(CLASH.encode("utf-16"))            # with a byte order mark
    (r / "clash_utf16le.txt").write_bytes(CLASH.encode("utf-16-le"))       # without one
    for doc_id in ("clash", "clash_cp1256", "clash_utf16", "clash_utf16le"):
        c.texts[doc_id] = CLASH
    (r / "feed.jsonl").write_text(_jsonl(JSONL_DOCS, MALFORMED_JSONL_LINE), encoding="utf-8")
    c.texts.update(JSONL_DOCS)
    (r / "empty.txt").write_bytes(b"")
    (r / "picture.txt").write_bytes(PNG)
    c.failures[str(r / "empty.txt")] = "empty"
    c.failures[str(r / "picture.txt")] = "PNG"
    c.failures[f"{r / 'feed.jsonl'}:2"] = "invalid JSON"
    _write_big(r / "big.txt")
    if (r / "big.txt").stat().st_size > Options.load().max_file_bytes:
        c.failures[str(r / "big.txt")] = "max_file_bytes"    # over the shipped size limit: named and skipped
    else:
        c.texts["big"] = (r / "big.txt").read_text(encoding="utf-8")
    return c


@pytest.fixture
def distinct_corpus(tmp_path) -> Corpus:
    """Like tmp_corpus but every good document has its own text (the store keeps one copy per text)."""
    c = Corpus(tmp_path / "distinct")
    r = c.root
    r.mkdir()
    (r / "clash.txt").write_text(CLASH, encoding="utf-8")
    (r / "shelling.txt").write_bytes(SHELLING.encode("cp1256"))
    (r / "sub").mkdir()
    (r / "sub" / "arrest.txt").write_bytes(ARREST.encode("utf-16"))
    (r / "feed.jsonl").write_text(_jsonl(JSONL_DOCS, MALFORMED_JSONL_LINE), encoding="utf-8")
    (r / "empty.txt").write_bytes(b"")
    (r / "picture.txt").write_bytes(PNG)
    c.texts.update(clash=CLASH, shelling=SHELLING, arrest=ARREST, **JSONL_DOCS)
    c.failures[str(r / "empty.txt")] = "empty"
    c.failures[str(r / "picture.txt")] = "PNG"
    c.failures[f"{r / 'feed.jsonl'}:2"] = "invalid JSON"
    return c


@pytest.fixture
def clean_corpus(tmp_path) -> Corpus:
    """Only good inputs: the run must succeed (exit 0)."""
    c = Corpus(tmp_path / "clean")
    c.root.mkdir()
    (c.root / "clash.txt").write_text(CLASH, encoding="utf-8")
    (c.root / "shelling.txt").write_text(SHELLING, encoding="utf-8")
    (c.root / "feed.jsonl").write_text(
        "\n".join(json.dumps({"doc_id": k, "text": v}, ensure_ascii=False) for k, v in JSONL_DOCS.items()) + "\n",
        encoding="utf-8")
    c.texts.update(clash=CLASH, shelling=SHELLING, **JSONL_DOCS)
    return c


# ---------------------------------------------------------------- helpers

def run(capsys, *argv: str) -> tuple[int, str, str]:
    """main() in-process; (status, stdout, stderr)."""
    capsys.readouterr()
    try:
        status = main(list(argv))
    except SystemExit as e:      # argparse: --help, usage errors
        status = e.code if isinstance(e.code, int) else (0 if e.code is None else 2)
    out, err = capsys.readouterr()
    return status, out, err


def run_subprocess(*argv: str, env: dict | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "marsad", *argv], capture_output=True, timeout=600,
                          env=env, cwd=cwd)


def skipped_lines(err: str) -> dict[str, str]:
    """'marsad: skipped SOURCE: REASON' lines of stderr, as {source: reason}."""
    out = {}
    for line in err.splitlines():
        m = re.match(r"marsad: skipped (.+?): (.+)$", line)
        if m:
            out[m.group(1)] = m.group(2)
    return out


def check_failures_named(err: str, corpus: Corpus) -> None:
    named = skipped_lines(err)
    for source, reason in corpus.failures.items():
        assert source in named, f"{source} not named on stderr:\n{err}"
        assert reason.lower() in named[source].lower(), f"{source}: {named[source]!r} lacks {reason!r}"
    assert set(named) == set(corpus.failures), f"unexpected failures: {set(named) - set(corpus.failures)}"


def check_eval_json(data: dict, corpus: Corpus) -> dict[str, dict]:
    """Every good document is there with its decoded text, and every offset points at text."""
    docs = {d["doc_id"]: d for d in data["documents"]}
    assert len(docs) == len(data["documents"]), "a doc_id is written twice"
    assert set(docs) == set(corpus.texts)
    for doc_id, doc in docs.items():
        text = doc["text"]
        assert text == corpus.texts[doc_id], doc_id
        for e in doc["entities"]:
            assert e["mentions"], (doc_id, e)
            for m in e["mentions"]:
                assert 0 <= m["start"] < m["end"] <= len(text)
                assert text[m["start"]:m["end"]].strip(), (doc_id, e["name"], m)
        for ev in doc["events"]:
            assert ev["evidence"], (doc_id, ev)
            for s in ev["evidence"]:
                assert 0 <= s["start"] < s["end"] <= len(text)
                assert text[s["start"]:s["end"]].strip()
        for r in doc["relations"]:
            assert 0 <= r["evidence"]["start"] < r["evidence"]["end"] <= len(text)
    return docs


def event_summary(doc: dict) -> list[tuple]:
    return [(ev["type"], tuple((s["start"], s["end"]) for s in ev["evidence"]), ev["modality"]) for ev in doc["events"]]


# ---------------------------------------------------------------- help

HELP_OPTIONS = {
    (): ["-h", "--help", "--config", "extract", "ingest", "export", "watch", "exit status"],
    ("extract",): ["-h", "--help", "PATH", "--format", "eval-json", "json", "acled-csv", "geojson",
                   "-o", "--output", "--no-progress", "--report"],
    ("ingest",): ["-h", "--help", "PATH", "--db", "--no-progress", "--resume", "--report"],
    ("watch",): ["-h", "--help", "FEED", "--db", "--interval", "--once", "--state", "--report"],
    ("export",): ["-h", "--help", "--db", "--format", "eval-json", "json", "acled-csv", "geojson",
                  "-o", "--output"],
}


@pytest.mark.parametrize("command", list(HELP_OPTIONS), ids=lambda c: " ".join(c) or "top")
def test_help_exits_0_and_mentions_every_option(capsys, command):
    status, out, _ = run(capsys, *command, "--help")
    assert status == 0
    for option in HELP_OPTIONS[command]:
        assert option in out, f"{option} missing from help of {command}"


@pytest.mark.parametrize("command", list(HELP_OPTIONS), ids=lambda c: " ".join(c) or "top")
def test_help_mentions_every_option_the_parser_defines(capsys, command):
    """Guards against an option added to the parser but hidden from help."""
    from marsad.cli import build_parser
    parser = build_parser()
    if command:
        sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
        parser = sub.choices[command[0]]
    status, out, _ = run(capsys, *command, "--help")
    assert status == 0
    for action in parser._actions:
        for opt in action.option_strings:
            assert opt in out


def test_help_as_subprocess():
    p = run_subprocess("--help")
    assert p.returncode == 0
    text = p.stdout.decode("utf-8")
    assert "usage: marsad" in text and "extract" in text and "--config" in text


# ---------------------------------------------------------------- bad arguments

def test_unknown_format_exits_2(capsys, clean_corpus):
    status, out, err = run(capsys, "extract", str(clean_corpus.root), "--format", "xml")
    assert status == 2
    assert "--format" in err and "xml" in err
    assert out == ""


def test_export_unknown_format_exits_2(capsys, tmp_path):
    status, _, err = run(capsys, "export", "--db", f"sqlite:///{tmp_path}/m.db", "--format", "pdf")
    assert status == 2 and "pdf" in err


@pytest.mark.parametrize("argv", [
    [],
    ["frobnicate"],
    ["extract"],
    ["ingest"],
    ["export"],
    ["extract", "--format"],
    ["export", "--db", "sqlite:///unused.db"],
], ids=["nothing", "unknown-command", "extract-no-path", "ingest-no-path", "export-no-format",
        "format-no-value", "export-db-no-format"])
def test_missing_or_unknown_arguments_exit_2(capsys, argv):
    status, _, err = run(capsys, *argv)
    assert status == 2
    assert "usage:" in err


def test_missing_config_file_exits_2(capsys, tmp_path, clean_corpus):
    status, _, err = run(capsys, "--config", str(tmp_path / "nope.yaml"), "extract", str(clean_corpus.root))
    assert status == 2
    assert "nope.yaml" in err and "not found" in err


def test_unknown_option_in_config_exits_2(capsys, tmp_path, clean_corpus):
    cfg = tmp_path / "cfg.yaml"
    cfg.write_text("max_file_bites: 10\n", encoding="utf-8")
    status, _, err = run(capsys, "--config", str(cfg), "extract", str(clean_corpus.root))
    assert status == 2
    assert "max_file_bites" in err


@pytest.mark.parametrize("url", ["sqlite:///{tmp}/no/such/folder/m.db", "nosuchdriver://x/y"])
def test_unusable_database_exits_2(capsys, tmp_path, url):
    status, _, err = run(capsys, "export", "--db", url.format(tmp=tmp_path), "--format", "json")
    assert status == 2
    assert "cannot open database" in err
    assert "Traceback" not in err


def test_ingest_into_missing_folder_exits_2(capsys, tmp_path, clean_corpus):
    status, _, err = run(capsys, "ingest", str(clean_corpus.root), "--db", f"sqlite:///{tmp_path}/nope/m.db")
    assert status == 2
    assert "does not exist" in err


def test_missing_input_path_is_named_on_stderr(capsys, tmp_path):
    missing = tmp_path / "no-such-folder"
    status, out, err = run(capsys, "extract", str(missing))
    assert status != 0
    assert str(missing) in err and "no such file" in err


@pytest.mark.parametrize("command", ["extract", "ingest"])
def test_missing_input_path_exits_2_before_doing_anything(capsys, tmp_path, clean_corpus, command):
    argv = [command, str(clean_corpus.root), str(tmp_path / "no-such-folder")]
    if command == "ingest":
        argv += ["--db", f"sqlite:///{tmp_path}/m.db"]
    status, out, err = run(capsys, *argv)
    assert status == 2
    assert out == ""
    assert "no-such-folder" in err
    assert not (tmp_path / "m.db").exists()


@pytest.mark.parametrize("command", ["extract", "export"])
def test_output_into_missing_folder_exits_2_with_a_clear_message(capsys, tmp_path, clean_corpus, command):
    target = tmp_path / "no" / "such" / "out.json"
    if command == "extract":
        argv = ["extract", str(clean_corpus.root), "-o", str(target)]
    else:
        argv = ["export", "--db", f"sqlite:///{tmp_path}/m.db", "--format", "eval-json", "-o", str(target)]
    status, out, err = run(capsys, *argv)
    assert status == 2
    assert f"cannot write {target}" in err
    assert f"folder {target.parent} does not exist" in err
    assert "Traceback" not in err
    assert not target.parent.exists()
    assert out == ""


def test_output_into_missing_folder_as_subprocess(tmp_path, clean_corpus):
    target = tmp_path / "missing" / "pred.json"
    p = run_subprocess("extract", str(clean_corpus.root), "-o", str(target))
    assert p.returncode == 2
    err = p.stderr.decode("utf-8")
    assert "does not exist" in err and str(target.parent) in err and "Traceback" not in err


# ---------------------------------------------------------------- extract on a messy folder

def test_extract_messy_folder_exits_1(capsys, tmp_corpus):
    status, _, _ = run(capsys, "extract", str(tmp_corpus.root))
    assert status == 1


def test_extract_names_every_failed_file_with_a_reason(capsys, tmp_corpus):
    _, _, err = run(capsys, "extract", str(tmp_corpus.root))
    check_failures_named(err, tmp_corpus)
    n_failed = len(tmp_corpus.failures)
    assert f"{len(tmp_corpus.texts)} document(s) processed, {n_failed} input(s) failed" in err


def test_extract_messy_folder_keeps_every_good_document_with_its_text(capsys, tmp_corpus):
    _, out, _ = run(capsys, "extract", str(tmp_corpus.root))
    docs = check_eval_json(json.loads(out), tmp_corpus)
    # the offset checks must not be vacuous: the clash report yields entities and a clash
    clash = docs["clash"]
    assert clash["entities"] and clash["events"]
    assert "ARMED_CLASH" in {ev["type"] for ev in clash["events"]}
    names = {clash["text"][m["start"]:m["end"]] for e in clash["entities"] for m in e["mentions"]}
    assert any("دير" in n and "الزور" in n for n in names), names


@pytest.mark.parametrize("doc_id", ["clash_cp1256", "clash_utf16", "clash_utf16le"])
def test_other_encodings_decode_to_the_utf8_text_and_extract_the_same(capsys, tmp_corpus, doc_id):
    _, out, _ = run(capsys, "extract", str(tmp_corpus.root))
    docs = {d["doc_id"]: d for d in json.loads(out)["documents"]}
    assert docs[doc_id]["text"] == docs["clash"]["text"] == CLASH
    assert "\ufffd" not in docs[doc_id]["text"]
    for field in ("outlet", "published", "entities", "relations", "events"):
        assert docs[doc_id][field] == docs["clash"][field], field


def test_extract_messy_folder_as_subprocess(tmp_path, tmp_corpus):
    out = tmp_path / "pred.json"
    p = run_subprocess("extract", str(tmp_corpus.root), "--no-progress", "-o", str(out))
    assert p.returncode == 1
    check_failures_named(p.stderr.decode("utf-8"), tmp_corpus)
    assert "Traceback" not in p.stderr.decode("utf-8")
    assert p.stdout == b""
    check_eval_json(json.loads(out.read_text(encoding="utf-8")), tmp_corpus)


def test_extract_stdout_as_subprocess_is_utf8_json(clean_corpus):
    p = run_subprocess("extract", str(clean_corpus.root))
    assert p.returncode == 0, p.stderr.decode("utf-8", "replace")
    assert p.stderr == b""
    check_eval_json(json.loads(p.stdout.decode("utf-8")), clean_corpus)


def test_extract_to_non_utf8_stdout_still_writes_utf8(clean_corpus):
    env = dict(os.environ, PYTHONIOENCODING="latin-1")
    p = run_subprocess("extract", str(clean_corpus.root), env=env)
    assert p.returncode == 0, p.stderr.decode("utf-8", "replace")[-500:]
    check_eval_json(json.loads(p.stdout.decode("utf-8")), clean_corpus)


def test_extract_good_files_only_exits_0_with_nothing_on_stderr(capsys, clean_corpus):
    status, out, err = run(capsys, "extract", str(clean_corpus.root))
    assert status == 0
    assert err == ""
    check_eval_json(json.loads(out), clean_corpus)


def test_extract_several_paths_and_a_single_file(capsys, clean_corpus, tmp_corpus):
    status, out, err = run(capsys, "extract", str(clean_corpus.root / "clash.txt"),
                           str(tmp_corpus.root / "clash_cp1256.txt"))
    assert status == 0, err
    ids = [d["doc_id"] for d in json.loads(out)["documents"]]
    assert ids == ["clash", "clash_cp1256"]


def test_extract_on_the_seed_folder(capsys):
    if not SEEDS.is_dir():
        pytest.skip("shared seed corpus not available")
    status, out, err = run(capsys, "extract", str(SEEDS))
    assert status == 0, err
    seeds = Corpus(SEEDS)
    for path in SEEDS.glob("*.txt"):
        if not path.name.startswith("."):
            raw = path.read_bytes()
            seeds.texts[path.stem] = raw.decode("utf-8-sig")
    docs = check_eval_json(json.loads(out), seeds)
    assert sum(len(d["events"]) for d in docs.values()) > 0


@pytest.mark.slow
def test_20mb_file_is_processed_when_the_limit_is_raised(capsys, tmp_path):
    """The shipped size limit skips a 20 MB file; a --config file can raise it (takes ~45 s, ~2.5 GB)."""
    big = tmp_path / "big.txt"
    _write_big(big)
    cfg = tmp_path / "cfg.yaml"
    cfg.write_text(f"max_file_bytes: {64 * 1024 * 1024}\n", encoding="utf-8")
    out = tmp_path / "out.json"
    status, _, err = run(capsys, "--config", str(cfg), "extract", str(big), "-o", str(out))
    assert status == 0, err
    docs = json.loads(out.read_text(encoding="utf-8"))["documents"]
    assert [d["doc_id"] for d in docs] == ["big"]
    assert docs[0]["text"] == big.read_text(encoding="utf-8")


# ---------------------------------------------------------------- export formats

def test_extract_acled_csv_is_parseable(capsys, clean_corpus):
    status, out, err = run(capsys, "extract", str(clean_corpus.root), "--format", "acled-csv")
    assert status == 0, err
    rows = list(csv.reader(io.StringIO(out)))
    header, body = rows[0], rows[1:]
    assert len(header) == 31 and len(set(header)) == 31
    assert {"event_date", "event_type", "actor1", "latitude", "longitude", "notes", "fatalities"} <= set(header)
    assert body, "no ACLED rows for a clash and a shelling report"
    assert all(len(r) == 31 for r in body)
    records = [dict(zip(header, r)) for r in body]
    assert "Battles" in {r["event_type"] for r in records}
    for r in records:
        if r["latitude"]:
            assert -90 <= float(r["latitude"]) <= 90 and -180 <= float(r["longitude"]) <= 180


def test_extract_json_lines_is_parseable_and_offsets_match(capsys, clean_corpus):
    status, out, err = run(capsys, "extract", str(clean_corpus.root), "--format", "json")
    assert status == 0, err
    lines = [json.loads(line) for line in out.splitlines() if line.strip()]
    records = [r for r in lines if r["record"] == "document"]
    assert {r["doc_id"] for r in records} == set(clean_corpus.texts)
    assert {r["record"] for r in lines} <= {"document", "incident", "entity_conflict"}
    for r in records:
        assert r["text"] == clean_corpus.texts[r["doc_id"]]
        for m in r["mentions"]:
            assert r["text"][m["span"]["start"]:m["span"]["end"]] == m["span"]["text"] != ""


def test_extract_geojson_is_parseable(capsys, clean_corpus):
    status, out, err = run(capsys, "extract", str(clean_corpus.root), "--format", "geojson")
    assert status == 0, err
    data = json.loads(out)
    assert data["type"] == "FeatureCollection"
    assert data["features"]
    for f in data["features"]:
        assert f["type"] == "Feature"
        assert f["geometry"]["type"] == "Point"
        lon, lat = f["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert f["properties"]["doc_id"] in clean_corpus.texts


def test_extract_eval_json_to_file_equals_stdout(capsys, tmp_path, clean_corpus):
    _, out, _ = run(capsys, "extract", str(clean_corpus.root))
    target = tmp_path / "pred.json"
    status, stdout, _ = run(capsys, "extract", str(clean_corpus.root), "-o", str(target))
    assert status == 0 and stdout == ""
    assert json.loads(target.read_text(encoding="utf-8")) == json.loads(out)


def test_output_dash_is_stdout_not_a_file(capsys, tmp_path, monkeypatch, clean_corpus):
    monkeypatch.chdir(tmp_path)
    _, out, _ = run(capsys, "extract", str(clean_corpus.root))
    status, dashed, _ = run(capsys, "extract", str(clean_corpus.root), "-o", "-")
    assert status == 0 and json.loads(dashed) == json.loads(out)
    assert not (tmp_path / "-").exists()


# ---------------------------------------------------------------- ingest and export

def _stored_counts(err: str) -> tuple[int, int]:
    m = re.search(r"(\d+) document\(s\) stored, (\d+) unchanged", err)
    assert m, err
    return int(m.group(1)), int(m.group(2))


def test_ingest_twice_then_export_matches_extract(capsys, tmp_path, distinct_corpus):
    db = f"sqlite:///{tmp_path}/m.db"
    n = len(distinct_corpus.texts)

    status, _, err = run(capsys, "ingest", str(distinct_corpus.root), "--db", db)
    assert status == 1                       # the bad inputs are still failures
    check_failures_named(err, distinct_corpus)
    assert _stored_counts(err) == (n, 0)

    status, _, err = run(capsys, "ingest", str(distinct_corpus.root), "--db", db)
    assert status == 1
    assert _stored_counts(err) == (0, n)

    status, exported, err = run(capsys, "export", "--db", db, "--format", "eval-json")
    assert status == 0, err
    stored = check_eval_json(json.loads(exported), distinct_corpus)

    _, extracted, _ = run(capsys, "extract", str(distinct_corpus.root))
    fresh = check_eval_json(json.loads(extracted), distinct_corpus)

    assert set(stored) == set(fresh)
    for doc_id in fresh:
        assert stored[doc_id]["text"] == fresh[doc_id]["text"]
        assert event_summary(stored[doc_id]) == event_summary(fresh[doc_id]), doc_id
        assert stored[doc_id]["events"] == fresh[doc_id]["events"], doc_id
        assert stored[doc_id]["entities"] == fresh[doc_id]["entities"], doc_id
    assert sum(len(d["events"]) for d in fresh.values()) > 0


def test_ingest_and_export_as_subprocess(tmp_path, clean_corpus):
    db = f"sqlite:///{tmp_path}/m.db"
    p = run_subprocess("ingest", str(clean_corpus.root), "--db", db, "--no-progress")
    assert p.returncode == 0, p.stderr.decode("utf-8", "replace")
    assert _stored_counts(p.stderr.decode("utf-8")) == (len(clean_corpus.texts), 0)
    out = tmp_path / "events.csv"
    p = run_subprocess("export", "--db", db, "--format", "acled-csv", "-o", str(out))
    assert p.returncode == 0, p.stderr.decode("utf-8", "replace")
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert len(rows) > 1 and all(len(r) == 31 for r in rows)


@pytest.mark.parametrize("fmt", ["json", "acled-csv", "geojson"])
def test_export_formats_match_extract(capsys, tmp_path, clean_corpus, fmt):
    db = f"sqlite:///{tmp_path}/m.db"
    run(capsys, "ingest", str(clean_corpus.root), "--db", db)
    status, exported, err = run(capsys, "export", "--db", db, "--format", fmt)
    assert status == 0, err
    _, extracted, _ = run(capsys, "extract", str(clean_corpus.root), "--format", fmt)
    if fmt == "acled-csv":
        key = lambda rows: sorted(tuple(r[:-1]) for r in rows)   # noqa: E731  (last column: a timestamp)
        assert key(list(csv.reader(io.StringIO(exported)))) == key(list(csv.reader(io.StringIO(extracted))))
    elif fmt == "geojson":
        by_id = lambda s: {f["id"]: f for f in json.loads(s)["features"]}   # noqa: E731
        assert by_id(exported) == by_id(extracted)
    else:
        lines = lambda s: [json.loads(x) for x in s.splitlines() if x.strip()]  # noqa: E731
        by_id = lambda s: {r["doc_id"]: r["text"] for r in lines(s) if r["record"] == "document"}  # noqa: E731
        incidents = lambda s: sorted(sorted(r["events"]) for r in lines(s) if r["record"] == "incident")  # noqa: E731
        assert by_id(exported) == by_id(extracted)
        # resolved incrementally while ingesting, or at once while extracting: the same incidents
        assert incidents(exported) == incidents(extracted)


def test_export_of_an_empty_database_is_valid(capsys, tmp_path):
    status, out, err = run(capsys, "export", "--db", f"sqlite:///{tmp_path}/new.db", "--format", "eval-json")
    assert status == 0, err
    assert json.loads(out)["documents"] == []


def test_ingest_of_duplicate_texts_stores_each_text_once(capsys, tmp_path, tmp_corpus):
    """The cp1256 and UTF-16 copies have the clash report's text: the store keeps one copy,
    and every document is counted as stored or unchanged."""
    db = f"sqlite:///{tmp_path}/m.db"
    status, _, err = run(capsys, "ingest", str(tmp_corpus.root), "--db", db)
    assert status == 1
    added, unchanged = _stored_counts(err)
    assert added + unchanged == len(tmp_corpus.texts)
    assert added == len(set(tmp_corpus.texts.values()))
    _, out, _ = run(capsys, "export", "--db", db, "--format", "eval-json")
    texts = [d["text"] for d in json.loads(out)["documents"]]
    assert sorted(texts) == sorted(set(tmp_corpus.texts.values()))


# ---------------------------------------------------------------- line endings

# Short subheadings on lines of their own ("اعتقالات متبادلة") are not events of their own.
SUBHEADED = (
    "اشتباكات عنيفة بين قسد ومسلحين من العشائر في دير الزور\n"
    "خاص - SY24\n"
    "دير الزور - الثلاثاء 12 آذار 2024\n"
    "اندلعت اشتباكات عنيفة، مساء أمس الإثنين، بين عناصر من قسد ومسلحين من أبناء العشائر في مدينة دير الزور.\n"
    "اعتقالات متبادلة\n"
    "وفي سياق متصل، اعتقلت قسد ثلاثة شبان في بلدة ذيبان صباح اليوم.\n"
    "تهديدات متبادلة\n"
    "وهدد الحرس الثوري باستهداف مواقع قسد في البوكمال.\n"
)


def _line_ending_docs(capsys, tmp_path, article: str, newline: str) -> tuple[dict, dict]:
    (tmp_path / "lf.txt").write_text(article, encoding="utf-8", newline="\n")
    (tmp_path / "other.txt").write_bytes(article.replace("\n", newline).encode("utf-8"))
    status, out, err = run(capsys, "extract", str(tmp_path))
    assert status == 0, err
    docs = {d["doc_id"]: d for d in json.loads(out)["documents"]}
    assert docs["other"]["text"] == article.replace("\n", newline)     # kept exactly as decoded
    return docs["lf"], docs["other"]


def _same_reading(a: dict, b: dict) -> None:
    assert b["outlet"] == a["outlet"]
    assert b["published"] == a["published"]
    assert [(ev["type"], ev["modality"], ev["date"]) for ev in b["events"]] == \
        [(ev["type"], ev["modality"], ev["date"]) for ev in a["events"]]


@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["crlf", "cr"])
def test_other_line_endings_keep_outlet_and_dateline(capsys, tmp_path, newline):
    lf, other = _line_ending_docs(capsys, tmp_path, CLASH, newline)
    assert other["outlet"] == lf["outlet"] == "SY24"
    assert other["published"] == lf["published"] and lf["published"]["value"] == "2024-03-12"


def test_crlf_article_reads_like_the_lf_one(capsys, tmp_path):
    _same_reading(*_line_ending_docs(capsys, tmp_path, CLASH, "\r\n"))


def test_crlf_subheadings_read_like_the_lf_ones(capsys, tmp_path):
    _same_reading(*_line_ending_docs(capsys, tmp_path, SUBHEADED, "\r\n"))


CR_REASON = ("entities.py _on_dateline finds the dateline's line with '\\n' only: with lone-CR line endings the "
             "whole article is 'the dateline line', every place mention is dropped and events lose their places")


def test_cr_only_article_keeps_its_place_mentions(capsys, tmp_path):
    lf, cr = _line_ending_docs(capsys, tmp_path, CLASH, "\r")
    places = lambda d: [e["name"] for e in d["entities"] if e["type"] == "LOCATION"]   # noqa: E731
    assert places(lf) and places(cr) == places(lf)


def test_cr_only_article_reads_like_the_lf_one(capsys, tmp_path):
    _same_reading(*_line_ending_docs(capsys, tmp_path, CLASH, "\r"))


# ---------------------------------------------------------------- the output among the inputs

def test_output_file_inside_the_input_folder_is_not_read_as_input(capsys, clean_corpus):
    target = clean_corpus.root / "pred.json"
    for _ in range(2):          # the second run finds the first run's output in the folder
        status, _, err = run(capsys, "extract", str(clean_corpus.root), "-o", str(target))
        assert status == 0, err
        assert "pred.json" not in err
        check_eval_json(json.loads(target.read_text(encoding="utf-8")), clean_corpus)


def test_json_lines_output_inside_the_input_folder_terminates(tmp_path, clean_corpus):
    """Reading its own growing .jsonl output once made this run endless."""
    target = clean_corpus.root / "zz-out.jsonl"
    p = subprocess.run([sys.executable, "-m", "marsad", "extract", str(clean_corpus.root), "--format", "json",
                        "-o", str(target)], capture_output=True, timeout=60)
    assert p.returncode == 0, p.stderr.decode("utf-8", "replace")[-500:]
    lines = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert sorted(r["doc_id"] for r in lines if r["record"] == "document") == sorted(clean_corpus.texts)


@pytest.mark.parametrize("name, fmt", [("feed.jsonl", "json"), ("clash.txt", "eval-json")])
def test_output_that_is_an_input_file_is_refused_and_the_input_kept(capsys, clean_corpus, name, fmt):
    target = clean_corpus.root / name
    before = target.read_bytes()
    status, _, err = run(capsys, "extract", str(target), "--format", fmt, "-o", str(target))
    assert target.read_bytes() == before
    assert status == 2 and str(target) in err
