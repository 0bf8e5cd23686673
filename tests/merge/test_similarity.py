"""Pair scores: what vetoes a pair, and what counts for it."""
import datetime as dt

import pytest

from marsad.merge.records import EventRecord, MergeRules
from marsad.merge.similarity import (actor_score, containment, date_score, longest_run, place_relation, similarity,
                                     wording)
from marsad.model import DateValue, IncidentMember, PlaceRef

RULES = MergeRules.load()


def rec(date: DateValue | None = None, weekdays=(), place: PlaceRef | None = None, place_ids=()) -> EventRecord:
    m = IncidentMember("d", "ev1", "ARMED_CLASH", date=date, place=place)
    return EventRecord(m, weekdays=list(weekdays), place_ids=list(place_ids))


def day(d: int) -> DateValue:
    return DateValue.day(dt.date(2023, 5, d))    # 2023-05-09 is a Tuesday


@pytest.mark.parametrize("a, b, vetoed", [
    (day(9), day(9), False),
    (day(9), day(11), False),                    # within date_gap_days
    (day(9), day(18), True),                     # nine days apart
    (DateValue.between(dt.date(2023, 5, 1), dt.date(2023, 5, 15)), day(9), False),   # "mid-month" holds the day
])
def test_dates_further_apart_than_the_gap_veto_the_pair(a, b, vetoed):
    assert (date_score(rec(a), rec(b), RULES) is None) is vetoed


@pytest.mark.parametrize("night, expected", [(True, RULES.night_gap_score), (False, 0.6 - 0.4 / 3)])
def test_a_night_may_be_told_as_the_day_after(night, expected):
    monday_night = rec(day(8))
    monday_night.night = night
    assert date_score(monday_night, rec(day(9)), RULES) == pytest.approx(expected)


@pytest.mark.parametrize("weekday, expected", [(1, 1.0), (0, RULES.unknown / 2), (4, None)])
def test_a_weekday_alone_is_compared_with_the_other_reports_day(weekday, expected):
    assert date_score(rec(day(9)), rec(weekdays=[weekday]), RULES) == expected


def test_a_site_inside_the_town_the_other_report_names_is_inside():
    site = rec(place=PlaceRef(lat=35.0, lon=40.0, kb_id="roundabout"), place_ids=["roundabout", "town"])
    town = rec(place=PlaceRef(lat=35.01, lon=40.01, kb_id="town"), place_ids=["town"])
    assert place_relation(site, town, RULES) == "inside"


@pytest.mark.parametrize("region, relation", [
    (PlaceRef(lat=35.33, lon=40.14, admin1_pcode="SY09", geo_precision=3, kb_id="rif_deir_ez_zor_east"), "inside"),
    # another province's countryside
    (PlaceRef(lat=35.33, lon=40.14, admin1_pcode="SY08", geo_precision=3, kb_id="rif_al_hasakah"), "far"),
])
def test_a_town_lies_inside_its_provinces_countryside_whatever_the_distance(region, relation):
    town = rec(place=PlaceRef(lat=35.02, lon=40.45, admin1_pcode="SY09", admin2_pcode="SY0903", geo_precision=1,
                              kb_id="al_mayadin"), place_ids=["al_mayadin"])
    assert place_relation(town, rec(place=region, place_ids=[region.kb_id]), RULES) == relation


def test_a_clause_told_in_the_same_words_matches_inside_longer_sentences():
    clause = ["محاوله", "ميليشيا", "دفاع", "وطني", "اقتراب", "نقاطه", "عسكريه", "امر", "مرفوض"]
    a = ["رد", "حرس", *clause, "سيجري", "تقييما"]
    b = ["مقابل", *clause, "اتهم", "طرفا", "ثانيا"]
    assert longest_run(a, b) == len(clause)
    assert wording(a, b, dict.fromkeys(a, 1.0), dict.fromkeys(b, 1.0)) == 1.0


@pytest.mark.parametrize("words", [("a", "b", "c"), ("c", "b", "a"), ("b", "c", "a")])
def test_containment_does_not_depend_on_word_order(words):
    # 0.1 + 0.2 + 0.3 rounds differently in different orders; word order follows string hashing,
    # which changes from process to process, and must not move a score
    weights = {"a": 0.1, "b": 0.2, "c": 0.3}
    sentence = {w: weights[w] for w in words}
    longer = {**sentence, "d": 5.0}
    assert containment(sentence, longer, set(words)) == 1.0


def far_apart(etype: str) -> tuple[EventRecord, EventRecord]:
    damascus = rec(day(9), place=PlaceRef(lat=33.51, lon=36.29, kb_id="damascus"), place_ids=["damascus"])
    hasakah = rec(day(9), place=PlaceRef(lat=36.50, lon=40.75, kb_id="hasakah"), place_ids=["hasakah"])
    damascus.member.type = hasakah.member.type = etype
    hasakah.member.doc_id = "another outlet"
    return damascus, hasakah


@pytest.mark.parametrize("etype, vetoed", [("AGREE", False), ("ARMED_CLASH", True)])
def test_far_places_part_two_clashes_but_not_two_agreements(etype, vetoed):
    assert (similarity(*far_apart(etype), RULES, lambda: 1.0) is None) is vetoed


def test_far_places_count_neither_for_nor_against_two_agreements():
    # the same day and wording, no actors known: the places, said nothing, weigh nothing
    w = RULES.weights
    expected = (w["type"] + w["date"] + w["actors"] * RULES.unknown + w["words"]) / (1 - w["place"] / sum(w.values()))
    assert similarity(*far_apart("AGREE"), RULES, lambda: 1.0) == pytest.approx(expected)


def test_who_is_named_first_in_an_agreement_is_no_disagreement():
    a, b = rec(day(9)), rec(day(9))
    a.member.type = b.member.type = "AGREE"
    a.actor_keys = b.actor_keys = ["hts", "third_corps"]
    a.side_a, a.side_b, b.side_a, b.side_b = ["hts"], ["third_corps"], ["third_corps"], ["hts"]
    assert actor_score(a, b, RULES) == 1.0


def test_reports_blaming_different_forces_weigh_against_but_do_not_rule_out():
    a, b = rec(day(9)), rec(day(9))
    a.member.type = b.member.type = "SHELLING"
    a.actor_keys, b.actor_keys = ["saa_4th_div"], ["iran_backed_militias"]
    a.side_a, b.side_a = ["saa_4th_div"], ["iran_backed_militias"]
    assert 0 < actor_score(a, b, RULES) < RULES.unknown


def test_an_assassination_and_a_clash_may_be_one_killing_told_two_ways():
    assert RULES.type_score("ASSASSINATION", "ARMED_CLASH") is not None
