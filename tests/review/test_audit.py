"""Analysts' decisions: recorded with who, when, before and after; applied when reading; never lost."""
from __future__ import annotations

import datetime as dt

import pytest

from marsad.errors import ReviewError
from marsad.model import Incident, IncidentMember
from marsad.review import ReviewLog
from marsad.review.audit import ReviewRecord, apply_incident_records


@pytest.fixture
def saved(store, full_document):
    doc = full_document()
    store.save(doc)
    return store, ReviewLog(store.engine)


def reviewed(store, log, **kw):
    return next(log.apply_documents(store.iter_documents(), **kw))


def event(doc, event_id):
    return next(e for e in doc.events if e.id == event_id)


def test_edit_changes_the_values_read_and_keeps_before_and_after(saved):
    store, log = saved
    rec = log.record_event(reviewed(store, log), "ev1", "edit", {"killed": 5, "type": "ATTACK"}, by="amal",
                           note="checked")
    assert rec.before == {"killed": None, "type": "ARMED_CLASH"} and rec.after == {"killed": 5, "type": "ATTACK"}
    doc = reviewed(store, log)
    ev = event(doc, "ev1")
    assert (ev.type, ev.casualties.killed_total) == ("ATTACK", 5)
    assert (ev.review.status, ev.review.by, ev.review.fields) == ("edited", "amal", ["killed", "type"])
    assert event(store.get("doc-full"), "ev1").type == "ARMED_CLASH"      # the machine's values stay stored
    [stored] = log.records()
    assert (stored.username, stored.note, stored.target) == ("amal", "checked", "doc-full#ev1")
    assert stored.at.tzinfo is not None


def test_unchanged_values_are_no_edit(saved):
    store, log = saved
    with pytest.raises(ReviewError, match="changes nothing"):
        log.record_event(reviewed(store, log), "ev1", "edit", {"type": "ARMED_CLASH"}, by="amal")
    assert log.records() == []


@pytest.mark.parametrize("changes, message", [
    ({"killed": "many"}, "whole number"),
    ({"date": {"min": "yesterday"}}, "not a day"),
    ({"side_a": ["nobody"]}, "not among the entities"),
    ({"place": "e1"}, "not a place"),
    ({"modality": "negated"}, "cannot edit"),
])
def test_bad_edits_say_why(saved, changes, message):
    store, log = saved
    with pytest.raises(ReviewError, match=message):
        log.record_event(reviewed(store, log), "ev1", "edit", changes, by="amal")


def test_unknown_event_or_action(saved):
    store, log = saved
    doc = reviewed(store, log)
    with pytest.raises(ReviewError, match="no event"):
        log.record_event(doc, "ev99", "accept", by="amal")
    with pytest.raises(ReviewError, match="unknown review action"):
        log.record_event(doc, "ev1", "approve", by="amal")


def test_rejected_events_are_marked_or_dropped(saved):
    store, log = saved
    log.record_event(reviewed(store, log), "ev2", "reject", by="amal")
    assert event(reviewed(store, log), "ev2").review.status == "rejected"
    assert [e.id for e in reviewed(store, log, drop_rejected=True).events] == ["ev1", "ev3"]


def test_the_last_decision_gives_the_status(saved):
    store, log = saved
    log.record_event(reviewed(store, log), "ev2", "reject", by="amal")
    log.record_event(reviewed(store, log), "ev2", "accept", by="omar")
    mark = event(reviewed(store, log), "ev2").review
    assert (mark.status, mark.by) == ("accepted", "omar")
    assert [r.before for r in log.records()] == [{"status": None}, {"status": "rejected"}]


def test_place_and_date_edits(saved):
    store, log = saved
    log.record_event(reviewed(store, log), "ev2", "edit",
                     {"place": "e3", "date": {"min": "2021-02-15", "max": "2021-02-15"}}, by="amal")
    ev = event(reviewed(store, log), "ev2")
    # the place comes with the admin codes another event of the document gives it
    assert (ev.place.name_en, ev.place.admin1_pcode, ev.place.lat) == ("Al-Bukamal", "SY09", 34.4534)
    assert ev.date.value.isoformat() == "2021-02-15" and ev.date.source == "review"


def test_reviews_survive_a_reextraction(saved, full_document):
    store, log = saved
    log.record_event(reviewed(store, log), "ev1", "edit", {"injured": 2}, by="amal")
    store.save(full_document(), replace=True)
    assert event(reviewed(store, log), "ev1").casualties.injured_total == 2


def _member(doc_id: str, killed: int | None) -> IncidentMember:
    return IncidentMember(doc_id=doc_id, event_id="ev1", type="ARMED_CLASH", outlet=doc_id, killed=killed)


def _move(i: int, action: str, members: list[str], into: str) -> ReviewRecord:
    return ReviewRecord(i, "incident", "A", action, {}, {"into": into, "members": members}, "amal",
                        dt.datetime.now(dt.timezone.utc))


def test_merge_and_split_regroup_incidents():
    a = Incident("A", "ARMED_CLASH", [_member("d1", 2), _member("d2", 4)], fatalities=2, fatalities_max=4)
    b = Incident("B", "ARMED_CLASH", [_member("d3", 3)], fatalities=3, fatalities_max=3)
    no_docs = lambda doc_id: None  # noqa: E731  (the reports' own values are enough here)

    merged = apply_incident_records([a, b], [_move(1, "merge", ["d3#ev1"], "A")], no_docs)
    [only] = merged.incidents
    assert only.id == "A" and sorted(m.key for m in only.members) == ["d1#ev1", "d2#ev1", "d3#ev1"]
    assert (only.fatalities, only.fatalities_max) == (2, 4)
    split = apply_incident_records([a, b], [_move(1, "merge", ["d3#ev1"], "A"), _move(2, "split", ["d1#ev1"], "A.new")],
                                   no_docs)
    groups = {i.id: (sorted(m.key for m in i.members), i.fatalities) for i in split.incidents}
    assert groups == {"A": (["d2#ev1", "d3#ev1"], 3), "A.new": (["d1#ev1"], 2)}
    assert [r.action for r in split.changed_by["A"]] == ["merge", "split"]
    untouched = apply_incident_records([a, b], [], no_docs)
    assert untouched.incidents == [a, b] and untouched.changed_by == {}


def test_reviewed_events_change_their_incident(saved):
    store, log = saved
    inc = Incident(id="I", type="ARMED_CLASH", members=[
        IncidentMember(doc_id="doc-full", event_id="ev1", type="ARMED_CLASH", killed=None),
        IncidentMember(doc_id="doc-full", event_id="ev2", type="MOBILIZE", killed=None)])
    log.record_event(reviewed(store, log), "ev1", "edit", {"killed": 6}, by="amal")
    log.record_event(reviewed(store, log), "ev2", "reject", by="amal")
    docs = {d.doc_id: d for d in log.apply_documents(store.iter_documents())}
    result = apply_incident_records([inc], log.records(), docs.get)
    [after] = result.incidents
    assert [m.key for m in after.members] == ["doc-full#ev1"]       # the rejected report left
    assert after.fatalities == 6 and after.members[0].killed == 6
    assert result.marks["doc-full#ev2"].status == "rejected"


def test_the_same_sides_in_another_order_are_no_edit(saved):
    store, log = saved
    log.record_event(reviewed(store, log), "ev1", "edit", {"side_a": ["e1", "e2"]}, by="amal")
    rec = log.record_event(reviewed(store, log), "ev1", "edit", {"side_a": ["e2", "e1"], "killed": 1}, by="amal")
    assert rec.after == {"killed": 1}
