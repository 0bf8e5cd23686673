"""A second quality gate: the written development sets of examples/goldsets, scored by
shared/eval/score.py. Floors sit a little under the scores they had when they were added, so a
drop means a change made extraction worse on articles other than the seeds."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCORER = ROOT.parent / "shared" / "eval" / "score.py"
SETS = ROOT / "examples" / "goldsets"

pytestmark = pytest.mark.skipif(not SCORER.is_file(), reason=f"written gold gate skipped: no scorer at {SCORER}")

FLOORS = {
    ("entities", "f1"): 0.90,
    ("events", "f1"): 0.84,
    ("event_attributes", "date", "acc"): 0.85,
    ("event_attributes", "location", "acc"): 0.88,
    ("event_attributes", "actors", "mean_f1"): 0.70,
    ("relations", "f1"): 0.75,
    ("incidents_pairwise", "f1"): 0.70,
}


# where one set's score sits below the common floor (Idlib's places: 0.767 when it was added;
# the 2025 sets' entities, events, actors, relations and incidents, the post-2024 forces being marsad's
# weakest ground; the border set's smugglers and Jordanian units; Afrin's places and relations, Ghouta's
# events and relations, and both sets' incidents; the Badia's events; Al-Bukamal's
# dates and actors; Peace Spring's events, dates, places, actors, relations and incidents; the 2025 Lebanese
# border and Raqqa 2017, read for errors only in session 21, on most measures; Daraa al-Balad's relations and
# incidents and the 2024 offensive's events, dates, places, relations and incidents, read in session 22;
# Spring Shield 2020 and Al-Tanf 2023, written blind in session 22 and read in session 23, on most measures)
LOWER_FLOORS = {
    "written_idlib_2023": {("event_attributes", "location", "acc"): 0.74},
    "written_sweida_2025": {("event_attributes", "actors", "mean_f1"): 0.65, ("relations", "f1"): 0.62},
    "written_coast_homs_2025": {("event_attributes", "location", "acc"): 0.80},
    "written_damascus_south_2025": {("entities", "f1"): 0.86, ("events", "f1"): 0.78,
                                    ("event_attributes", "actors", "mean_f1"): 0.64, ("relations", "f1"): 0.55,
                                    ("incidents_pairwise", "f1"): 0.38},
    "written_aleppo_euphrates_2025": {("entities", "f1"): 0.85, ("events", "f1"): 0.80,
                                      ("event_attributes", "actors", "mean_f1"): 0.62, ("relations", "f1"): 0.36,
                                      ("incidents_pairwise", "f1"): 0.40},
    "written_mayadin_badia_2021": {("events", "f1"): 0.80},
    "written_south_border_2024": {("events", "f1"): 0.77, ("event_attributes", "actors", "mean_f1"): 0.56,
                                  ("relations", "f1"): 0.45},
    "written_afrin_north_2022": {("event_attributes", "location", "acc"): 0.84, ("relations", "f1"): 0.52,
                                 ("incidents_pairwise", "f1"): 0.62},
    "written_ghouta_2017": {("events", "f1"): 0.79, ("relations", "f1"): 0.60, ("incidents_pairwise", "f1"): 0.60},
    "written_bukamal_2020": {("event_attributes", "date", "acc"): 0.82, ("event_attributes", "actors", "mean_f1"): 0.68},
    "written_peace_spring_2019": {("events", "f1"): 0.79, ("event_attributes", "date", "acc"): 0.82,
                                  ("event_attributes", "location", "acc"): 0.84,
                                  ("event_attributes", "actors", "mean_f1"): 0.66, ("relations", "f1"): 0.44,
                                  ("incidents_pairwise", "f1"): 0.39},
    "written_lebanon_border_2025": {("entities", "f1"): 0.84, ("events", "f1"): 0.72,
                                    ("event_attributes", "location", "acc"): 0.65,
                                    ("event_attributes", "actors", "mean_f1"): 0.61, ("relations", "f1"): 0.25,
                                    ("incidents_pairwise", "f1"): 0.17},
    "written_raqqa_2017": {("entities", "f1"): 0.86, ("events", "f1"): 0.75, ("event_attributes", "date", "acc"): 0.80,
                           ("event_attributes", "location", "acc"): 0.79,
                           ("event_attributes", "actors", "mean_f1"): 0.62, ("relations", "f1"): 0.31,
                           ("incidents_pairwise", "f1"): 0.27},
    "written_daraa_balad_2021": {("relations", "f1"): 0.42, ("incidents_pairwise", "f1"): 0.52},
    "written_hama_offensive_2024": {("events", "f1"): 0.71, ("event_attributes", "date", "acc"): 0.82,
                                    ("event_attributes", "location", "acc"): 0.80, ("relations", "f1"): 0.53,
                                    ("incidents_pairwise", "f1"): 0.60},
    "written_spring_shield_2020": {("events", "f1"): 0.77, ("event_attributes", "actors", "mean_f1"): 0.62,
                                   ("relations", "f1"): 0.24, ("incidents_pairwise", "f1"): 0.43},
    "written_tanf_badia_2023": {("events", "f1"): 0.78, ("event_attributes", "date", "acc"): 0.82,
                                ("relations", "f1"): 0.60, ("incidents_pairwise", "f1"): 0.55},
}


@pytest.fixture(scope="module", params=["written_daraa_2022", "written_deir_ezzor_2024", "written_idlib_2023",
                                        "written_hasakah_2023", "written_sweida_2025", "written_coast_homs_2025",
                                        "written_damascus_south_2025", "written_aleppo_euphrates_2025",
                                        "written_mayadin_badia_2021", "written_south_border_2024",
                                        "written_afrin_north_2022", "written_ghouta_2017", "written_bukamal_2020",
                                        "written_peace_spring_2019", "written_lebanon_border_2025",
                                        "written_raqqa_2017", "written_daraa_balad_2021",
                                        "written_hama_offensive_2024", "written_spring_shield_2020",
                                        "written_tanf_badia_2023"])
def scores(request, extract_and_score, tmp_path_factory) -> tuple[str, dict]:
    folder = SETS / request.param
    return request.param, extract_and_score(folder / "corpus", folder / "gold.json", SCORER,
                                            tmp_path_factory.mktemp(request.param))


@pytest.mark.parametrize("path, floor", FLOORS.items(), ids=lambda v: ".".join(v) if isinstance(v, tuple) else str(v))
def test_written_set_scores_reach_their_floor(scores, path, floor):
    name, value = scores
    floor = LOWER_FLOORS.get(name, {}).get(path, floor)
    for key in path:
        value = value[key]
    assert value >= floor, f"{name}: {'.'.join(path)} = {value} < {floor}"


def test_offsets_refer_to_the_input_text(scores):
    assert scores[1]["problems"] == []
