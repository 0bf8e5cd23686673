#!/usr/bin/env python3
"""Tagging speed of the CRF named-entity tagger on one core, features included.

    .venv/bin/python bench/tag_speed.py [--tokens 200000] [--shared ../shared]

Text: the ANERcorp dev split (the last 10% of CAMeL's train file, as scripts/train_ner.py
cuts it) when the shared folder is there, else the seed articles of examples/seeds cut into
sentences and tokens by marsad's tokenizer; repeated until --tokens tokens. Prints the
tokens/s of the first pass over the text (every word type new to the feature cache) and of
the whole run, the load time, and the peak resident memory (resource.getrusage).
"""
from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def dev_sentences(shared: Path) -> list[list[str]] | None:
    path = shared / "data" / "anercorp" / "ANERCorp_CamelLab_train.txt"
    if not path.exists():
        return None
    sents, cur = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if parts:
            cur.append(parts[0])
        elif cur:
            sents.append(cur)
            cur = []
    if cur:
        sents.append(cur)
    return sents[len(sents) - round(len(sents) * 0.1):]


def seed_sentences() -> list[list[str]]:
    from marsad.arabic.tokenize import split_sentences, tokenize
    out = []
    for path in sorted((REPO / "examples" / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for span in split_sentences(text):
            toks = [t.text for t in tokenize(span.of(text))]
            if toks:
                out.append(toks)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tokens", type=int, default=200_000, help="tokens to tag (the text is repeated)")
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})   # one core

    sents = dev_sentences(args.shared)
    source = "ANERcorp dev split"
    if sents is None:
        sents, source = seed_sentences(), "examples/seeds"
    per_pass = sum(map(len, sents))
    passes = max(1, -(-args.tokens // per_pass))

    from marsad.extract.ner_crf import CrfTagger
    t0 = time.perf_counter()
    tagger = CrfTagger.load()
    tagger.tables()
    tagger.features
    load = time.perf_counter() - t0

    t0 = time.perf_counter()
    n = 0
    first = None
    for k in range(passes):
        for tags in tagger.tag_sentences(sents):
            n += len(tags)
        if k == 0:
            first = time.perf_counter() - t0
    total = time.perf_counter() - t0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024   # KiB on Linux
    print(f"text: {source}, {len(sents)} sentences, {per_pass} tokens per pass, {passes} pass(es)")
    print(f"load (models, clusters, dictionaries): {load:.2f} s")
    print(f"first pass (cold feature cache): {per_pass / first:,.0f} tokens/s")
    print(f"all {n:,} tokens: {n / total:,.0f} tokens/s on one core")
    print(f"peak memory (max RSS): {peak_mb:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
