"""An entity claimed for one side by one outlet and shown against it by another."""
from marsad.merge.affiliations import entity_conflicts
from marsad.model import Document, Entity, Event, Relation, Span


def doc(doc_id: str, relations=(), events=()) -> Document:
    entities = [Entity("e1", "PERSON", "سامر العلي", kb_id=None), Entity("e2", "ARMED_GROUP", "الحرس الثوري", kb_id="irgc")]
    return Document(doc_id, "نص", entities=entities, relations=list(relations), events=list(events))


def test_a_member_shown_attacking_his_group_elsewhere_is_flagged():
    claim = doc("d1", relations=[Relation("MEMBER_OF", "e1", "e2", Span(0, 1), "d1")])
    attack = doc("d2", events=[Event("ev1", "ATTACK", Span(0, 1), side_a=["e1"], side_b=["e2"])])
    [conflict] = entity_conflicts([claim, attack])
    assert (conflict.claimed, conflict.claimed_by, conflict.opposed_by) == ("irgc", ["d1"], ["d2"])


def test_a_meeting_with_the_group_is_no_contradiction():
    claim = doc("d1", relations=[Relation("MEMBER_OF", "e1", "e2", Span(0, 1), "d1")])
    meeting = doc("d2", events=[Event("ev1", "MEETING", Span(0, 1), side_a=["e1"], side_b=["e2"])])
    assert entity_conflicts([claim, meeting]) == []
