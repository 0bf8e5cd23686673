"""`marsad ingest` as real processes on one database (SQLite file and PostgreSQL): several at once
store each text exactly once; one killed with SIGKILL resumes with --resume to the very database an
uninterrupted run makes."""
from __future__ import annotations

import io
import itertools
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from marsad import api
from marsad.config import Options
from marsad.errors import StoreError
from marsad.store import Store

pytestmark = [pytest.mark.slow, pytest.mark.skipif(sys.platform == "win32", reason="uses SIGKILL")]

ACTORS = ["قوات النظام", "قوات سوريا الديمقراطية", "فصائل المعارضة", "الحرس الثوري الإيراني", "تنظيم داعش"]
TOWNS = ["الميادين", "البوكمال", "سرمين", "ذيبان", "الشحيل", "معرة النعمان", "جسر الشغور", "تل رفعت"]
DAYS = ["السبت", "الأحد", "الإثنين", "الثلاثاء", "الأربعاء"]


def article(i: int) -> str:
    """An invented report, different for every i."""
    actor, other = ACTORS[i % len(ACTORS)], ACTORS[(i + 2) % len(ACTORS)]
    town, day = TOWNS[i % len(TOWNS)], DAYS[i % len(DAYS)]
    return (f"قصف مدفعي على {town} (تقرير رقم {i})\n"
            f"قصفت {actor} بالمدفعية الثقيلة أطراف بلدة {town} صباح يوم {day}، ما أدى إلى مقتل {i % 7 + 2} "
            f"مدنيين وإصابة {i % 5 + 3} آخرين بجروح متفاوتة.\n"
            f"وقال مصدر محلي إن اشتباكات اندلعت بعد ذلك بين {actor} و{other} على أطراف {town} "
            f"استمرت عدة ساعات، وسط حركة نزوح للأهالي نحو القرى المجاورة.\n")


def write(folder: Path, names_and_texts: list[tuple[str, str]]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in names_and_texts:
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


def marsad(*argv: str, **kw) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "marsad", *argv], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, **kw)


def finish(p: subprocess.Popen, timeout: float = 600) -> tuple[int, str]:
    _, err = p.communicate(timeout=timeout)
    return p.returncode, err


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path, pg_schema_at):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'shared.db'}"
    else:
        with pg_schema_at() as url:
            yield url.replace("postgresql+psycopg://", "postgresql://")


def stored_count(url: str) -> int:
    with Store.open(url) as store:
        return store.count_documents()


def export(url: str, fmt: str) -> str:
    out = io.StringIO()
    api.export(fmt, out, Options.load(db_url=url))
    return out.getvalue()


def test_three_processes_with_overlapping_inputs_store_each_text_once(tmp_path, db_url):
    texts = [article(i) for i in range(18)]
    sets = [
        # the same file names (so the same doc_ids) as another process, and the same texts under other names
        write(tmp_path / "a", [(f"r{i:02d}", texts[i]) for i in range(0, 12)]),
        write(tmp_path / "b", [(f"r{i:02d}", texts[i]) for i in range(6, 12)]
                              + [(f"b{i:02d}", texts[i]) for i in range(12, 18)]),
        write(tmp_path / "c", [(f"c{i:02d}", texts[i]) for i in itertools.chain(range(0, 6), range(12, 18))]),
    ]
    # a new database: the three also race to create the schema
    procs = [marsad("ingest", str(folder), "--db", db_url, "--no-progress") for folder in sets]
    results = [finish(p) for p in procs]
    for status, err in results:
        assert status == 0, err
    stored = sum(int(err.split(" document(s) stored")[0].rsplit(" ", 1)[-1]) for _, err in results)
    assert stored == len(texts)                       # every text saved by exactly one process

    with Store.open(db_url) as store:
        docs = list(store.iter_documents())
    assert sorted(d.text for d in docs) == sorted(texts)
    assert len({d.content_hash for d in docs}) == len(docs) == len(texts)


def test_killed_ingest_resumes_to_the_same_database(tmp_path, db_url):
    n = 30
    inputs = write(tmp_path / "in", [(f"doc{i:02d}", article(i)) for i in range(n)])
    (inputs / "broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))    # fails in both runs
    report = tmp_path / "failed.jsonl"

    p = marsad("ingest", str(inputs), "--db", db_url, "--no-progress", "--report", str(report))
    deadline = time.monotonic() + 300
    count = 0
    while p.poll() is None and time.monotonic() < deadline:
        try:
            count = stored_count(db_url)
        except StoreError:            # the database may be busy being created; ask again
            count = 0
        if count >= 5:
            break
        time.sleep(0.02)
    os.kill(p.pid, signal.SIGKILL)
    p.communicate()
    assert p.returncode == -signal.SIGKILL
    at_kill = stored_count(db_url)
    assert 5 <= at_kill < n, "the ingest was not killed half-way; the test proves nothing"

    status, err = finish(marsad("ingest", str(inputs), "--db", db_url, "--no-progress", "--resume",
                                "--report", str(report)))
    assert status == 1, err                           # the broken input still fails
    assert f"{n - at_kill} document(s) stored" in err
    assert f"{at_kill} already stored (not extracted again)" in err
    assert "broken.txt" in report.read_text(encoding="utf-8")

    fresh = f"sqlite:///{tmp_path / 'uninterrupted.db'}"
    status, err = finish(marsad("ingest", str(inputs), "--db", fresh, "--no-progress"))
    assert status == 1 and f"{n} document(s) stored" in err, err
    for fmt in ("json", "eval-json"):
        assert export(db_url, fmt) == export(fresh, fmt), fmt
