"""ACLED CSV: ACLED's columns, only the events ACLED would record, ACLED's coding conventions."""
from __future__ import annotations

import csv
import datetime as dt
import io
import logging
import shutil

import pytest

from marsad.cli import EXPORT_FORMATS
from marsad.config import DATA_DIR, Options
from marsad.errors import UsageError
from marsad.export import FORMATS, acled, write_export
from marsad.model import (
    Casualties,
    DateValue,
    Document,
    Entity,
    Event,
    PlaceRef,
    Relation,
    SideCasualties,
    Span,
)

# The header of a CSV downloaded from ACLED (2023 data, 31 columns).
ACLED_HEADER = ("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,"
                "actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,"
                "region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,"
                "source_scale,notes,fatalities,tags,timestamp")


def _rows(docs, options=None) -> tuple[int, list[str], list[dict[str, str]]]:
    out = io.StringIO()
    n = acled.write(docs, out, options)
    out.seek(0)
    reader = csv.DictReader(out)
    rows = list(reader)
    assert n == len(rows)
    return n, list(reader.fieldnames or []), rows


def _by_event(rows) -> dict[str, dict[str, str]]:
    return {r["tags"].split("marsad_event=")[1].split("#")[1]: r for r in rows}


SYRIA = PlaceRef(name_en="Hajin", name_ar="هجين", lat=34.69, lon=40.83, admin1="Deir-ez-Zor",
                 admin1_pcode="SY09", geo_precision=1)


def _doc(*events: Event, entities=(), relations=(), doc_id="x") -> Document:
    text = "نص تجريبي فيه انتحاري وعبارات أخرى " * 3
    return Document(doc_id=doc_id, text=text, entities=list(entities), relations=list(relations),
                    events=list(events))


def _event(eid="a", type_="ATTACK", modality="asserted", **kw) -> Event:
    kw.setdefault("date", DateValue.day(dt.date(2022, 5, 1)))
    kw.setdefault("place", SYRIA)
    return Event(eid, type_, Span(0, 2), [Span(0, 30)], modality, **kw)


def test_header_is_acleds_31_columns_in_order(sample_doc):
    _, header, _ = _rows([sample_doc])
    assert header == ACLED_HEADER.split(",")
    assert len(header) == 31 and tuple(header) == acled.COLUMNS


def test_only_acled_events_are_written(sample_doc, caplog):
    with caplog.at_level(logging.WARNING, logger="marsad.export.acled"):
        n, _, rows = _rows([sample_doc])
    # ev2 THREATEN has no ACLED event, ev3 is denied, ev5 has no date
    assert n == 3
    assert sorted(_by_event(rows)) == ["ev1", "ev4", "ev6"]
    assert "1 event(s) without a date" in caplog.text


@pytest.mark.parametrize("type_", ["THREATEN", "ACCUSE", "INVESTIGATE", "REJECT"])
def test_types_without_acled_event(type_):
    assert _rows([_doc(_event(type_=type_))])[0] == 0


@pytest.mark.parametrize("modality", ["planned", "threatened", "negated", "denied", "aggregate"])
def test_non_factual_modalities(modality):
    assert _rows([_doc(_event(modality=modality))])[0] == 0


def test_exporter_counts_what_it_leaves_out(sample_doc):
    ex = acled.AcledExporter()
    n = ex.write([sample_doc], io.StringIO())
    assert (n, ex.skipped_undated, ex.skipped_not_acled) == (3, 1, 2)


def test_armed_clash_row(sample_doc):
    r = _by_event(_rows([sample_doc])[2])["ev1"]
    assert r["event_id_cnty"].startswith("SYR") and r["event_id_cnty"][3:].isdigit()
    assert (r["event_date"], r["year"], r["time_precision"]) == ("2021-02-15", "2021", "1")
    assert (r["disorder_type"], r["event_type"], r["sub_event_type"]) == ("Political violence", "Battles", "Armed clash")
    # the actor columns under ACLED's own names (actors.yaml: acled_name), the notes under the reader's
    assert (r["actor1"], r["inter1"], r["actor2"], r["inter2"]) == (
        "NDF: National Defense Forces", "3", "Islamic State (Syria)", "2")
    assert r["interaction"] == "23" and r["civilian_targeting"] == ""
    assert (r["iso"], r["region"], r["country"]) == ("760", "Middle East", "Syria")
    assert (r["admin1"], r["admin2"], r["admin3"], r["location"]) == ("Deir-ez-Zor", "Al-Bukamal", "Al-Bukamal", "Al-Bukamal")
    assert (r["latitude"], r["longitude"], r["geo_precision"]) == ("34.4534", "40.9360", "1")
    assert (r["source"], r["source_scale"]) == ("Ain al-Furat", "Subnational")
    assert r["fatalities"] == "3"
    assert r["notes"] == ("On 15 February 2021, National Defence Forces clashed with Islamic State "
                          "in Al-Bukamal (Deir-ez-Zor). 3 killed. 5 injured.")
    assert r["timestamp"].isdigit()


def test_ranges_civilians_and_vague_tolls(sample_doc):
    rows = _by_event(_rows([sample_doc])[2])
    shelling = rows["ev4"]
    # a 7-day range: its middle day, time precision 2
    assert (shelling["event_date"], shelling["time_precision"]) == ("2021-02-11", "2")
    assert shelling["actor1"] == "Unidentified Armed Group (Syria)" and shelling["inter1"] == "3"
    assert shelling["actor2"] == "Civilians (Syria)" and shelling["inter2"] == "7"
    assert shelling["interaction"] == "37" and shelling["civilian_targeting"] == "Civilian targeting"
    assert shelling["fatalities"] == "3"                          # "some" -> 3 (acled.yaml)
    assert "fatalities_vague=some" in shelling["tags"]
    assert shelling["latitude"] == "" and shelling["country"] == "Syria"   # admin units, no coordinates
    killing = rows["ev6"]
    assert (killing["event_date"], killing["time_precision"]) == ("2021-01-16", "3")   # a month
    assert (killing["event_type"], killing["sub_event_type"]) == ("Violence against civilians", "Attack")
    assert killing["notes"].startswith("In January 2021, an unidentified armed group assassinated أحمد العلي")


def test_event_ids_are_stable_and_distinct(sample_doc, sample_builder):
    a = _rows([sample_doc])[2]
    b = _rows([sample_builder()])[2]
    assert [r["event_id_cnty"] for r in a] == [r["event_id_cnty"] for r in b]
    assert len({r["event_id_cnty"] for r in a}) == len(a)
    other = _rows([sample_builder("d2")])[2]
    assert not {r["event_id_cnty"] for r in a} & {r["event_id_cnty"] for r in other}


def test_attempted_attack():
    doc = _doc(_event(modality="attempted", side_a=["g"], side_b=["p"]),
               entities=[Entity("g", "ARMED_GROUP", "مسلحون", "Gunmen"),
                         Entity("p", "ARMED_GROUP", "قوات النظام", "Government of Syria", "syrian_government")])
    r = _rows([doc])[2][0]
    assert "modality=attempted" in r["tags"]
    assert r["notes"] == "On 1 May 2022, Gunmen attempted to attack Government of Syria in Hajin (Deir-ez-Zor)."
    assert (r["inter1"], r["inter2"], r["interaction"]) == ("3", "1", "13")   # kb kind state_force


@pytest.mark.parametrize("tolls, expected", [
    ([SideCasualties(count=2), SideCasualties(count=4)], 6),
    ([SideCasualties(vague="dozens")], 12),
    ([SideCasualties(vague="tens")], 10),
    ([SideCasualties(vague="hundreds")], 100),
    ([SideCasualties(vague="several"), SideCasualties(count=1)], 4),
    ([SideCasualties(vague="a word nobody mapped")], 0),
    ([], 0),
])
def test_fatalities(tolls, expected):
    r = _rows([_doc(_event(casualties=Casualties(killed=tolls)))])[2][0]
    assert r["fatalities"] == str(expected)


def test_states_at_home_and_abroad():
    ents = [Entity("sy", "STATE", "سوريا", "Syria", "country:SYR"),
            Entity("ir", "STATE", "إيران", "Iran", "country:IRN")]
    r = _rows([_doc(_event(type_="ARMED_CLASH", side_a=["sy"], side_b=["ir"]), entities=ents)])[2][0]
    assert (r["inter1"], r["inter2"], r["interaction"]) == ("1", "8", "18")


@pytest.mark.parametrize("place, inter", [
    (PlaceRef(name_en="Ramadi", lat=33.42, lon=43.31, geo_precision=1, kb_id="ramadi"), "1"),   # at home
    (SYRIA, "8"),                                                                                # abroad
])
def test_a_states_forces_are_state_forces_at_home_and_external_abroad(place, inter):
    ents = [Entity("iq", "ARMED_GROUP", "قوات الأمن العراقية", "Military Forces of Iraq", "iraqi_forces")]
    r = _rows([_doc(_event(type_="ARREST", side_a=["iq"], place=place), entities=ents)])[2][0]
    assert r["inter1"] == inter


def test_person_takes_the_code_of_the_group_named_as_theirs():
    ents = [Entity("p", "PERSON", "أبو علي", "Abu Ali"), Entity("g", "ARMED_GROUP", "داعش", "Islamic State", "isis")]
    civilian = _rows([_doc(_event(type_="ASSASSINATION", side_b=["p"]), entities=ents)])[2][0]
    assert (civilian["event_type"], civilian["civilian_targeting"]) == ("Violence against civilians", "Civilian targeting")
    member = _rows([_doc(_event(type_="ASSASSINATION", side_b=["p"]), entities=ents,
                         relations=[Relation("MEMBER_OF", "p", "g", Span(0, 1), "x")])])[2][0]
    assert (member["event_type"], member["sub_event_type"], member["inter2"]) == ("Battles", "Armed clash", "2")
    assert member["actor2"] == "Abu Ali" and member["civilian_targeting"] == ""


def test_textual_cue_refines_sub_event_type():
    r = _rows([_doc(_event(type_="EXPLOSION"))])[2][0]      # the evidence text says انتحاري
    assert (r["event_type"], r["sub_event_type"]) == ("Explosions/Remote violence", "Suicide bomb")


def test_protest_uses_acled_generic_actor():
    ents = [Entity("t", "ORGANIZATION", "أبناء العشائر", "Tribesmen")]
    r = _rows([_doc(_event(type_="PROTEST", side_a=["t"]), entities=ents)])[2][0]
    assert (r["event_type"], r["disorder_type"]) == ("Protests", "Demonstrations")
    assert (r["actor1"], r["inter1"], r["assoc_actor_1"], r["interaction"]) == ("Protesters (Syria)", "6", "Tribesmen", "60")


def test_unknown_country_and_place():
    r = _rows([_doc(_event(place=None, date=DateValue.between(dt.date(2022, 1, 1), dt.date(2022, 1, 3))))])[2][0]
    assert r["event_id_cnty"].startswith("XXX")
    assert (r["iso"], r["country"], r["region"], r["location"]) == ("", "", "", "")
    assert r["actor1"] == "Unidentified Armed Group"
    assert (r["event_date"], r["time_precision"]) == ("2022-01-02", "2")


@pytest.mark.parametrize("kb_id, name_en, iso, iso3, country", [
    ("gn:97990", "Baqubah", "368", "IRQ", "Iraq"), ("gn:273675", "Aarsal", "422", "LBN", "Lebanon"),
    ("baghdad", "Baghdad", "368", "IRQ", "Iraq"),
    ("gn:1138958", "Kabul", "4", "AFG", "Afghanistan"), ("washington", "Washington, D.C.", "840", "USA", "United States"),
])
def test_a_town_abroad_is_in_its_own_country(kb_id, name_en, iso, iso3, country):
    place = PlaceRef(name_en=name_en, lat=33.0, lon=44.0, geo_precision=1, kb_id=kb_id)
    r = _rows([_doc(_event(place=place))])[2][0]
    assert (r["iso"], r["country"], r["admin1"]) == (iso, country, "")
    assert r["event_id_cnty"].startswith(iso3)


def test_assoc_actors_and_lone_actor():
    ents = [Entity("a", "ARMED_GROUP", "أ", "Group A", "ndf"), Entity("b", "ARMED_GROUP", "ب", "Group B"),
            Entity("c", "ARMED_GROUP", "ج", "Group C"), Entity("loc", "LOCATION", "هجين", "Hajin")]
    r = _rows([_doc(_event(type_="MOBILIZE", side_a=["a", "b", "loc", "ghost"], associated=["c"]),
                    entities=ents)])[2][0]
    assert (r["actor1"], r["assoc_actor_1"]) == ("NDF: National Defense Forces", "Group B; Group C")
    assert (r["actor2"], r["inter2"], r["interaction"]) == ("", "0", "30")
    assert (r["disorder_type"], r["event_type"], r["sub_event_type"]) == (
        "Strategic developments", "Strategic developments", "Change to group/activity")


def test_a_tribe_the_knowledge_base_lacks_is_an_identity_militia():
    ents = [Entity("t", "ARMED_GROUP", "عشيرة البكير", "Ashirat al-Bakir"), Entity("s", "ARMED_GROUP", "قسد", "SDF", "sdf")]
    r = _rows([_doc(_event(type_="ARMED_CLASH", side_a=["t"], side_b=["s"]), entities=ents)])[2][0]
    assert (r["inter1"], r["inter2"], r["interaction"]) == ("4", "2", "24")


def test_without_knowledge_base_codes_come_from_entity_types(sample_doc, tmp_path):
    shutil.copy(DATA_DIR / "acled.yaml", tmp_path / "acled.yaml")      # no actors.yaml here
    r = _by_event(_rows([sample_doc], Options(data_dir=tmp_path))[2])["ev1"]
    assert (r["inter1"], r["inter2"]) == ("3", "3")                     # ARMED_GROUP default


def test_utf8_arabic_round_trips(sample_doc):
    out = io.StringIO()
    acled.write([sample_doc], out)
    raw = out.getvalue().encode("utf-8")
    assert "أحمد العلي".encode() in raw
    assert b"\r\n" not in raw


def test_write_export_dispatch(sample_doc):
    assert FORMATS == EXPORT_FORMATS      # the CLI's choices, kept without importing the exporters
    assert write_export("acled-csv", [sample_doc], io.StringIO()) == 3
    with pytest.raises(UsageError, match="unknown export format 'xml'.*acled-csv"):
        write_export("xml", [sample_doc], io.StringIO())


@pytest.mark.parametrize("killed, expected", [
    ([SideCasualties(count=2, side="civilian"), SideCasualties(count=3)], "5 killed, 2 of them civilians."),
    ([SideCasualties(count=4, side="civilian")], "4 civilians killed."),
    ([SideCasualties(count=4)], "4 killed."),
])
def test_notes_say_how_many_of_the_dead_were_civilians(killed, expected):
    doc = _doc(_event(casualties=Casualties(killed=killed), side_a=["g"]),
               entities=[Entity("g", "ARMED_GROUP", "مسلحون", "Gunmen")])
    assert _rows([doc])[2][0]["notes"].endswith(expected)


DISPERSED = "خرج العشرات في مظاهرة قبل أن يفرقها عناصر الهيئة بإطلاق النار في الهواء"


def _protest_broken_up(killed=()):
    text = DISPERSED
    ents = [Entity("h", "ARMED_GROUP", "هيئة تحرير الشام", "Hay'at Tahrir al-Sham", kb_id="hts")]
    ev = Event("p", "PROTEST", Span(14, 20), [Span(0, len(text))], "asserted", side_b=["h"],
               date=DateValue.day(dt.date(2022, 5, 1)), place=SYRIA,
               casualties=Casualties(killed=list(killed)))
    return Document(doc_id="x", text=text, entities=ents, events=[ev])


def test_protest_broken_up_is_protest_with_intervention():
    r = _rows([_protest_broken_up()])[2][0]
    assert (r["event_type"], r["sub_event_type"]) == ("Protests", "Protest with intervention")
    assert (r["actor1"], r["actor2"]) == ("Protesters (Syria)", "Hay'at Tahrir al-Sham")


def test_protesters_killed_is_excessive_force_by_who_broke_it_up():
    r = _rows([_protest_broken_up(killed=[SideCasualties(count=2)])])[2][0]
    assert (r["event_type"], r["sub_event_type"]) == ("Violence against civilians", "Excessive force against protesters")
    assert (r["actor1"], r["actor2"], r["inter2"], r["fatalities"]) == ("Hay'at Tahrir al-Sham", "Protesters (Syria)", "6", "2")
    assert "Hay'at Tahrir al-Sham used lethal force against protesters" in r["notes"]


@pytest.mark.parametrize("type_, side_b, actor2", [
    ("ATTACK", [], "Civilians (Syria)"),
    ("ASSASSINATION", [], "Civilians (Syria)"),
    # a force named on the other side: the person is its man, not a civilian
    ("ATTACK", ["g"], "Group G"),
])
def test_a_person_an_attack_names_with_no_force_against_is_a_civilian_victim(type_, side_b, actor2):
    ents = [Entity("p", "PERSON", "محمد المسالمة", "Muhammad al-Masalma"), Entity("g", "ARMED_GROUP", "ج", "Group G")]
    r = _rows([_doc(_event(type_=type_, side_b=side_b, associated=["p"]), entities=ents)])[2][0]
    assert (r["actor2"], r["assoc_actor_1"], r["assoc_actor_2"]) == (actor2, "", "Muhammad al-Masalma")


def test_an_actor_acled_names_by_country_takes_the_events_country():
    ents = [Entity("is", "ARMED_GROUP", "تنظيم الدولة", "Islamic State", "isis")]
    place = PlaceRef(name_en="Baqubah", lat=33.75, lon=44.6, geo_precision=1, kb_id="gn:97990")
    r = _rows([_doc(_event(side_a=["is"], place=place), entities=ents)])[2][0]
    assert r["actor1"] == "Islamic State (Iraq)"
