"""The resolver on hand-made event records: blocking, linkage with vetoes, one event per document."""
import datetime as dt

import pytest

from marsad.merge.cluster import IncidentResolver, incident_id_for
from marsad.merge.records import EventRecord, MergeRules
from marsad.model import DateValue, IncidentMember, PlaceRef

TOWN = PlaceRef(name_en="Town", lat=35.0, lon=40.0, kb_id="town")
SENTENCE = ["اشتباكات", "عنيفه", "عناصر", "لواء", "باقر", "حي", "جوره", "اسفرت", "مقتل"]


def record(doc: str, day: int | None, *, event="ev1", type_="ARMED_CLASH", place=TOWN, words=SENTENCE,
           actors=("a1", "a2")) -> EventRecord:
    date = DateValue.day(dt.date(2023, 5, day)) if day else None
    member = IncidentMember(doc, event, type_, date=date, place=place, actors=list(actors))
    return EventRecord(member, sentences=[list(words)], place_ids=[place.kb_id] if place else [],
                       side_a=list(actors[:1]), side_b=list(actors[1:]), actor_keys=list(actors))


@pytest.fixture
def resolver():
    return IncidentResolver(MergeRules.load())


def groups(resolver):
    return sorted(sorted(keys) for keys in resolver.members.values())


def test_the_same_report_in_two_documents_merges(resolver):
    resolver.add([record("a", 9), record("b", 9)])
    assert groups(resolver) == [["a#ev1", "b#ev1"]]


def test_two_events_of_one_document_never_merge(resolver):
    resolver.add([record("a", 9), record("a", 9, event="ev2")])
    assert groups(resolver) == [["a#ev1"], ["a#ev2"]]


def test_reports_do_not_chain_into_one_incident(resolver):
    """a~b and b~c (b's date range covers both), but a and c are days apart: no incident holds a and c."""
    b = record("b", None)
    b.member.date = DateValue.between(dt.date(2023, 5, 9), dt.date(2023, 5, 13))
    resolver.add([record("a", 9), b, record("c", 13)])
    assert not any({"a#ev1", "c#ev1"} <= set(g) for g in groups(resolver))


def test_a_pair_under_the_threshold_does_not_keep_an_incident_apart_when_the_others_carry_it(resolver):
    """b tells what a and c tell; a and c share no actor nor wording and name places 17 km apart,
    so a~c falls under the threshold, but nothing forbids it and the pairs score enough on average."""
    near = PlaceRef(name_en="Near", lat=35.15, lon=40.0, kb_id="near")
    other = ["استعراض", "قوات", "مدينه", "جاهزيه", "مواقع", "ارتال"]
    resolver.add([record("a", 9), record("b", 9, words=SENTENCE + other, actors=("a1", "a3")),
                  record("c", 9, words=other, actors=("a3", "a4"), place=near)])
    assert resolver.score("a#ev1", "c#ev1") < resolver.rules.threshold
    assert groups(resolver) == [["a#ev1", "b#ev1", "c#ev1"]]


@pytest.mark.parametrize("other", [
    {"type_": "MEETING"},                                               # incompatible type
    {"place": PlaceRef(name_en="Far", lat=36.5, lon=41.5, kb_id="far")},  # > far_km away
])
def test_incompatible_reports_stay_apart(resolver, other):
    resolver.add([record("a", 9), record("b", 9, **other)])
    assert groups(resolver) == [["a#ev1"], ["b#ev1"]]


def test_undated_reports_need_alike_wording(resolver):
    other_words = ["استعراض", "قوات", "مدينه", "جاهزيه", "مواقع", "ارتال"]
    resolver.add([record("a", 9), record("b", None, words=other_words)])
    assert groups(resolver) == [["a#ev1"], ["b#ev1"]]


def test_a_stored_incident_keeps_its_id_when_a_new_report_joins(resolver):
    resolver.load("inc-stored", [record("a", 9)])
    changes = resolver.add([record("b", 9)])
    assert resolver.members == {"inc-stored": ["a#ev1", "b#ev1"]}
    assert changes.changed == {"inc-stored"} and not changes.removed


def test_a_new_incident_is_named_after_its_first_report(resolver):
    changes = resolver.add([record("a", 9)])
    assert changes.changed == {incident_id_for("a#ev1")}


def test_forgetting_a_document_leaves_the_other_reports(resolver):
    resolver.add([record("a", 9), record("b", 9)])
    resolver.forget_document("a")
    assert groups(resolver) == [["b#ev1"]]


def test_towns_a_road_joins_are_compared_across_grid_cells(resolver):
    """Amuda and Qamishli, 26 km apart and two blocking cells apart: one drone strike on the road."""
    amuda = PlaceRef(name_en="Amuda", lat=37.104, lon=40.930, kb_id="amuda")
    qamishli = PlaceRef(name_en="Qamishli", lat=37.052, lon=41.232, kb_id="qamishli")
    resolver.add([record("a", 10, type_="AIRSTRIKE", place=amuda), record("b", 10, type_="AIRSTRIKE", place=qamishli)])
    assert groups(resolver) == [["a#ev1", "b#ev1"]]
