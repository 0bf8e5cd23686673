#!/usr/bin/env python3
"""Generate N distinct Arabic conflict-news articles of 3–5 KB for the benchmarks.

    .venv/bin/python bench/gen_corpus.py 10000 -o /tmp/bench10k.jsonl [--seed 7] [--txt-dir DIR]

Each article recombines real sentences: the sentences and short page-furniture lines
("خاص-عين الفرات", "Twitter") of the seed articles in examples/seeds, and, when the shared
folder is there, sentences of the AQMAR Wikipedia articles (about one in four), which bring
words and names the seeds lack so that caches do not see the same few hundred sentences only.
A headline, an optional furniture line, then paragraphs of one to three sentences until the
article's size, drawn uniformly from 3,000–5,000 UTF-8 bytes, is reached. Every article has
its own doc_id and a publication day between 2019 and 2023, so relative dates resolve.

Output: JSON Lines (doc_id, text, published), written as it is generated; with --txt-dir,
one .txt file per article instead (the publication day is then the first line).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from pathlib import Path
from typing import Iterator

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

_FURNITURE_MAX = 30   # characters: shorter seed lines are page furniture, not sentences


def seed_pool() -> tuple[list[str], list[str]]:
    """(sentences, furniture lines) of the seed articles."""
    from marsad.arabic.tokenize import split_sentences
    sentences, furniture = [], []
    for path in sorted((REPO / "examples" / "seeds").glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if not line:
                continue
            if len(line) <= _FURNITURE_MAX:
                furniture.append(line)
                continue
            sentences += [s.of(line) for s in split_sentences(line) if len(s) > _FURNITURE_MAX]
    return sentences, furniture


def aqmar_pool(shared: Path) -> list[str]:
    """Sentences of the AQMAR articles, tokens joined back with spaces ("، " stays spaced)."""
    folder = shared / "data" / "aqmar" / "articles"
    if not folder.is_dir():
        return []
    out = []
    for path in sorted(folder.glob("*.txt")):
        cur: list[str] = []
        for line in path.read_text(encoding="utf-8").splitlines() + [""]:
            parts = line.split()
            if parts:
                cur.append(parts[0])
            elif cur:
                sent = " ".join(cur).replace(" .", ".")
                if 40 <= len(sent) <= 400:
                    out.append(sent)
                cur = []
    return out


def articles(n: int, seed: int, shared: Path) -> Iterator[dict]:
    rng = random.Random(seed)
    sentences, furniture = seed_pool()
    extra = aqmar_pool(shared)
    first_day = dt.date(2019, 1, 1)
    for i in range(n):
        size = rng.randint(3000, 5000)
        lines = [rng.choice(sentences).rstrip(".")]
        if rng.random() < 0.6:
            lines.append(rng.choice(furniture))
        used = sum(len(x.encode("utf-8")) + 1 for x in lines)
        while used < size:
            para = " ".join(rng.choice(extra) if extra and rng.random() < 0.25 else rng.choice(sentences)
                            for _ in range(rng.randint(1, 3)))
            lines.append(para)
            used += len(para.encode("utf-8")) + 1
        text = "\n".join(lines)
        # trim the last paragraph at a word so the article stays within 5,000 bytes
        while len(text.encode("utf-8")) > 5000:
            text = text[:text.rfind(" ")]
        published = first_day + dt.timedelta(days=rng.randrange(5 * 365))
        yield {"doc_id": f"gen-{seed}-{i:07d}", "text": text, "published": published.isoformat()}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", type=int, help="number of articles")
    ap.add_argument("-o", "--output", type=Path, help="JSON Lines file to write")
    ap.add_argument("--txt-dir", type=Path, help="write one .txt file per article into this folder instead")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    args = ap.parse_args()
    if (args.output is None) == (args.txt_dir is None):
        ap.error("give exactly one of -o FILE and --txt-dir DIR")
    if args.txt_dir:
        args.txt_dir.mkdir(parents=True, exist_ok=True)
        for a in articles(args.n, args.seed, args.shared):
            (args.txt_dir / f"{a['doc_id']}.txt").write_text(f"{a['published']}\n{a['text']}\n", encoding="utf-8")
    else:
        with args.output.open("w", encoding="utf-8") as out:
            for a in articles(args.n, args.seed, args.shared):
                out.write(json.dumps(a, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
