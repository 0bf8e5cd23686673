#!/usr/bin/env python3
"""Score event detection on the OEDA Arabic gold-standard sentences.

    .venv/bin/python scripts/eval_gsr.py [CSV ...] [--half a|b|all] [--show fp|fn] [--keep DIR]

Each CSV row becomes one document (doc_id = the row's `id`) in a JSONL file, `marsad extract
FILE.jsonl --format eval-json` runs on it, and `shared/eval/gsr_score.py` scores the result.
Without CSV arguments the dev files in `../shared/data/arabic_event_gsr/` are used.

`--half a` / `--half b` score one of two fixed halves of each file (rows split by a hash of
their id, so the split never depends on row order): tune on one half, report both.
`--show fp` / `--show fn` prints the sentences the rules get wrong, for error analysis.
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEFAULT_CSVS = sorted((SHARED / "data" / "arabic_event_gsr").glob("*_gsr_dev.csv"))
SCORER = SHARED / "eval" / "gsr_score.py"
VIOLENT = {"ARMED_CLASH", "ATTACK", "ASSASSINATION", "AIRSTRIKE", "SHELLING", "EXPLOSION", "ABDUCTION"}


def half_of(row_id: str) -> str:
    return "a" if hashlib.sha1(row_id.encode("utf-8")).digest()[0] % 2 == 0 else "b"


def marsad_command() -> list[str]:
    exe = Path(sys.executable).with_name("marsad")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "marsad"]


def run(csv_path: Path, half: str, workdir: Path, show: str | None) -> None:
    rows = list(csv.DictReader(csv_path.open(encoding="utf-8")))
    if half != "all":
        rows = [r for r in rows if half_of(r["id"]) == half]
    stem = f"{csv_path.stem}_{half}"
    sub_csv = workdir / f"{stem}.csv"
    with sub_csv.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0].keys()))
        w.writeheader()
        w.writerows(rows)
    jsonl = workdir / f"{stem}.jsonl"
    with jsonl.open("w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps({"id": r["id"], "text": r["text"]}, ensure_ascii=False) + "\n")
    pred = workdir / f"{stem}.pred.json"
    subprocess.run([*marsad_command(), "extract", str(jsonl), "--format", "eval-json", "-o", str(pred)],
                   check=True)
    result = subprocess.run([sys.executable, str(SCORER), str(sub_csv), str(pred)],
                            check=True, capture_output=True, text=True)
    print(f"{csv_path.name} half={half} ({len(rows)} rows): {result.stdout.strip()}")
    if show:
        _show(rows, pred, show)


def _show(rows: list[dict], pred: Path, show: str) -> None:
    docs = {d["doc_id"]: d for d in json.load(pred.open(encoding="utf-8"))["documents"]}
    for r in rows:
        if r["label"] == "ambiguous":
            continue
        types = VIOLENT if r["event_type"] == "ASSAULT" else {"PROTEST"}
        events = docs.get(r["id"], {}).get("events", [])
        hit = any(e["type"] in types and e.get("modality") in ("asserted", "attempted", None) for e in events)
        gold = r["label"] == "yes"
        if (show == "fp" and hit and not gold) or (show == "fn" and gold and not hit):
            found = ", ".join(f"{e['type']}/{e.get('modality')}" for e in events)
            print(f"--- [{r['label']}] {r['id']}  events: {found}\n{r['text']}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("csv", nargs="*", type=Path)
    ap.add_argument("--half", choices=("a", "b", "all", "split"), default="split",
                    help="split (default): half a, then half b; all: the whole file")
    ap.add_argument("--show", choices=("fp", "fn"))
    ap.add_argument("--keep", type=Path, help="write the JSONL, predictions and sub-CSVs here")
    args = ap.parse_args()
    csvs = args.csv or DEFAULT_CSVS
    if not csvs:
        raise SystemExit(f"no CSV given and none found in {SHARED / 'data' / 'arabic_event_gsr'}")
    if not SCORER.exists():
        raise SystemExit(f"scorer not found: {SCORER} (the shared evaluation kit must sit next to the repo)")
    halves = ("a", "b") if args.half == "split" else (args.half,)
    with tempfile.TemporaryDirectory() as tmp:
        workdir = args.keep or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        for path in csvs:
            for half in halves:
                run(path, half, workdir, args.show)


if __name__ == "__main__":
    main()
