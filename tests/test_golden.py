"""The quality gate: `marsad extract` on the seed articles, scored by shared/eval/score.py.

The seeds are a development set (hidden sets are scored the same way), so these floors are
the issue's targets with the margin the current system has, not the current scores: a drop
below them means a change made extraction worse.
"""
from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
GOLD = SHARED / "eval" / "gold" / "seeds.json"
SCORER = SHARED / "eval" / "score.py"

pytestmark = pytest.mark.skipif(not (SEEDS.is_dir() and GOLD.is_file() and SCORER.is_file()),
                                reason=f"golden corpus gate skipped: {SHARED} (shared/ with corpus/seeds and "
                                       "eval/) is not beside this checkout")

TARGETS = {
    ("entities", "f1"): 0.90,
    ("entities", "typed_accuracy"): 0.90,
    ("events", "f1"): 0.80,
    ("event_attributes", "date", "acc"): 0.90,
    ("event_attributes", "location", "acc"): 0.90,
    ("event_attributes", "actors", "mean_f1"): 0.80,
    ("metadata", "outlet_acc"): 0.80,
    ("relations", "f1"): 0.60,
    ("incidents_pairwise", "f1"): 0.85,
    ("conflicts", "recall"): 1.0,
}
# Issue 5: both gold conflicts recalled, without flagging everything.
MAX_CONFLICTS_FLAGGED = 6


@pytest.fixture(scope="module")
def scores(extract_and_score, tmp_path_factory) -> dict:
    return extract_and_score(SEEDS, GOLD, SCORER, tmp_path_factory.mktemp("golden"))


@pytest.mark.parametrize("path, floor", TARGETS.items(), ids=lambda v: ".".join(v) if isinstance(v, tuple) else str(v))
def test_score_reaches_target(scores, path, floor):
    value = scores
    for key in path:
        value = value[key]
    assert value >= floor, f"{'.'.join(path)} = {value} < {floor}"


def test_conflicts_are_not_flagged_wholesale(scores):
    assert scores["conflicts"]["flagged_by_system"] <= MAX_CONFLICTS_FLAGGED


def test_no_invented_dates(scores):
    assert scores["event_attributes"]["date_invented"] == 0
    assert scores["metadata"]["published_invented"] == 0


def test_offsets_refer_to_the_input_text(scores):
    assert scores["problems"] == []
