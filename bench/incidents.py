#!/usr/bin/env python3
"""Incident resolution cost on synthetic event records: time, memory and comparisons for 1k, 5k, 10k events.

    .venv/bin/python bench/incidents.py [--sizes 1000 5000 10000] [--seed 7]

Each size runs in a fresh process (peak memory is per process). The events are
synthetic reports of synthetic occurrences at a constant density (EVENTS_PER_DAY
over as many days as that takes: 10,000 events are about one year, as ACLED codes
for Syria), 300 towns and 60 actors: each occurrence is told by 1-4 outlets, each retelling part of the
occurrence's wording in its own words, a day off now and then, at the town or a
site inside it, sometimes undated. Besides cost, the run prints pairwise
precision and recall against the known occurrences, as a sanity check of the
synthetic setting (not a quality claim on real text). Each report is published
0-2 days after the occurrence.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

TYPES = ("ARMED_CLASH", "ATTACK", "AIRSTRIKE", "SHELLING", "EXPLOSION", "ARREST", "MEETING", "MOBILIZE")
TOWNS, ACTORS, VOCABULARY = 300, 60, 3000
EVENTS_PER_DAY = 27


def synthetic_records(n: int, seed: int):
    from marsad.merge.records import EventRecord
    from marsad.model import DateValue, IncidentMember, PlaceRef

    rng = random.Random(seed)
    vocab = [f"w{i}" for i in range(VOCABULARY)]
    weights = [1 / (i + 1) for i in range(VOCABULARY)]       # Zipf: a few words are everywhere
    towns = [(f"town{i}", 33 + rng.random() * 4, 36 + rng.random() * 5) for i in range(TOWNS)]
    start = dt.date(2023, 1, 1)
    records, truth, doc = [], {}, 0
    occurrence = 0
    while len(records) < n:
        occurrence += 1
        kind = rng.choice(TYPES)
        town, lat, lon = rng.choice(towns)
        day = start + dt.timedelta(days=rng.randrange(max(1, n // EVENTS_PER_DAY)))
        actors = rng.sample([f"actor{i}" for i in range(ACTORS)], 2)
        story = rng.choices(vocab, weights, k=14)
        for _ in range(rng.choice((1, 1, 2, 2, 3, 4))):
            doc += 1
            told = [w for w in story if rng.random() < 0.7] + rng.choices(vocab, weights, k=6)
            date = None if rng.random() < 0.15 else DateValue.day(day + dt.timedelta(days=rng.choice((0, 0, 0, 1))))
            site = rng.random() < 0.2
            place_ids = [f"{town}/site", town] if site else [town]
            place = PlaceRef(name_en=town, lat=lat, lon=lon, kb_id=place_ids[0])
            published = DateValue.day(day + dt.timedelta(days=rng.choice((0, 1, 1, 2))))
            member = IncidentMember(f"doc{doc}", "ev1", kind, date=date, place=place, actors=actors,
                                    published=published)
            records.append(EventRecord(member, sentences=[told], place_ids=place_ids,
                                       side_a=actors[:1], side_b=actors[1:], actor_keys=list(actors)))
            truth[member.key] = occurrence
            if len(records) == n:
                break
    return records, truth


def pairwise(groups: list[list[str]], truth: dict[str, int]) -> tuple[float, float]:
    predicted = {k: i for i, g in enumerate(groups) for k in g}
    by_truth: dict[int, list[str]] = {}
    for k, o in truth.items():
        by_truth.setdefault(o, []).append(k)
    pairs = lambda gs: sum(len(g) * (len(g) - 1) // 2 for g in gs)  # noqa: E731
    tp = sum(1 for g in groups for i, a in enumerate(g) for b in g[i + 1:] if truth[a] == truth[b])
    found, gold = pairs(groups), pairs(by_truth.values())
    return (tp / found if found else 1.0), (tp / gold if gold else 1.0)


def run_one(n: int, seed: int) -> dict:
    from marsad.merge.cluster import IncidentResolver
    from marsad.merge.records import MergeRules

    records, truth = synthetic_records(n, seed)
    resolver = IncidentResolver(MergeRules.load())
    t0 = time.perf_counter()
    resolver.add(records)
    seconds = time.perf_counter() - t0
    groups = list(resolver.members.values())
    precision, recall = pairwise(groups, truth)
    return {"events": n, "seconds": round(seconds, 3), "events_per_s": round(n / seconds),
            "comparisons": len(resolver._scores), "comparisons_per_event": round(len(resolver._scores) / n, 1),
            "incidents": len(groups), "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
            "pair_precision": round(precision, 3), "pair_recall": round(recall, 3)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 10000])
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)    # internal: run one size in this process
    args = ap.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.seed)))
        return
    print(f"{'events':>7} {'seconds':>8} {'events/s':>9} {'comparisons':>12} {'per event':>9} "
          f"{'incidents':>9} {'peak MB':>8} {'pair P':>7} {'pair R':>7}")
    for n in args.sizes:
        out = subprocess.run([sys.executable, __file__, "--one", str(n), "--seed", str(args.seed)],
                             capture_output=True, text=True, check=True)
        r = json.loads(out.stdout)
        print(f"{r['events']:>7} {r['seconds']:>8} {r['events_per_s']:>9} {r['comparisons']:>12} "
              f"{r['comparisons_per_event']:>9} {r['incidents']:>9} {r['peak_rss_mb']:>8} "
              f"{r['pair_precision']:>7} {r['pair_recall']:>7}")


if __name__ == "__main__":
    main()
