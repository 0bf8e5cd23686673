"""The evaluation export: the exact shape shared/eval/README.md describes, read by score.py."""
from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from marsad.export import evaljson, write_export
from marsad.model import Conflict, ConflictValue, Incident, IncidentMember

SCORER = Path("/work/shared/eval/score.py")


def _export(docs) -> dict:
    out = io.StringIO()
    n = evaljson.write(docs, out)
    data = json.loads(out.getvalue())
    assert n == len(data["documents"])
    return data


def test_top_level_shape(sample_doc):
    data = _export([sample_doc])
    assert set(data) == {"documents", "incidents", "entity_conflicts"}
    assert data["incidents"] == []
    doc = data["documents"][0]
    assert set(doc) == {"doc_id", "text", "outlet", "published", "entities", "relations", "events"}
    assert doc["doc_id"] == "d1" and doc["text"] == sample_doc.text
    assert doc["outlet"] == "Ain al-Furat"
    assert doc["published"] == {"value": "2021-02-16", "min": "2021-02-16", "max": "2021-02-16"}


def test_entities_and_mentions_outside_boilerplate(sample_doc):
    doc = _export([sample_doc])["documents"][0]
    sdf = next(e for e in doc["entities"] if e["id"] == "e5")
    assert set(sdf) == {"id", "type", "name", "name_ar", "kb_id", "stable_id", "mentions"}
    assert sdf["name"] == "Syrian Democratic Forces" and sdf["name_ar"] == "قسد" and sdf["kb_id"] == "sdf"
    # the first "قسد" is in the "read also" line: left out
    assert len(sdf["mentions"]) == 2
    for m in sdf["mentions"]:
        assert sample_doc.text[m["start"]:m["end"]] == "قسد"
        assert not sample_doc.in_boilerplate(type(sample_doc.boilerplate[0])(m["start"], m["end"]))
    person = next(e for e in doc["entities"] if e["id"] == "e6")
    assert person["name"] == "أحمد العلي"            # no English name: the Arabic one


def test_events(sample_doc):
    doc = _export([sample_doc])["documents"][0]
    ev = {e["id"]: e for e in doc["events"]}
    clash = ev["ev1"]
    assert set(clash) == {"id", "type", "evidence", "date", "location", "actors", "side_a", "side_b",
                          "modality", "attribution", "injured", "killed"}
    assert clash["type"] == "ARMED_CLASH"
    assert clash["date"] == {"value": "2021-02-15", "min": "2021-02-15", "max": "2021-02-15"}
    assert clash["location"] == {"entity": "e3", "lat": 34.4534, "lon": 40.936, "name": "Al-Bukamal"}
    assert clash["actors"] == ["e1", "e2"] and clash["side_a"] == ["e1"] and clash["side_b"] == ["e2"]
    assert clash["killed"] == 3 and clash["injured"] == 5
    assert clash["attribution"] == "مصادر محلية"
    s = clash["evidence"][0]
    assert sample_doc.text[s["start"]:s["end"]].startswith("اشتباكات")
    assert ev["ev3"]["modality"] == "denied"
    assert ev["ev4"]["killed"] is None                       # "some" is not a number
    assert ev["ev4"]["date"] == {"value": None, "min": "2021-02-08", "max": "2021-02-14"}
    assert ev["ev4"]["location"]["entity"] is None and ev["ev4"]["location"]["name"] == "Al-Baghouz"
    assert ev["ev5"]["date"] is None and ev["ev5"]["location"] is None


def test_relations(sample_doc):
    rel = _export([sample_doc])["documents"][0]["relations"]
    assert rel == [{"type": "SPONSORED_BY", "head": "e1", "tail": "e4",
                    "evidence": {"start": sample_doc.relations[0].evidence.start,
                                 "end": sample_doc.relations[0].evidence.end}}]


def test_streams_any_iterable_and_empty_input(sample_builder):
    out = io.StringIO()
    n = write_export("eval-json", (sample_builder(f"d{i}") for i in range(3)), out)
    assert n == 3
    assert [d["doc_id"] for d in json.loads(out.getvalue())["documents"]] == ["d0", "d1", "d2"]
    empty = io.StringIO()
    assert evaljson.write(iter(()), empty) == 0
    assert json.loads(empty.getvalue()) == {"documents": [], "incidents": [], "entity_conflicts": []}


def _incident(*doc_ids: str) -> Incident:
    return Incident("inc1", "ARMED_CLASH",
                    [IncidentMember(d, "ev1", "ARMED_CLASH") for d in doc_ids],
                    conflicts=[Conflict("date", [ConflictValue("2021-02-23", [f"{doc_ids[0]}#ev1"])])])


def test_incidents_of_several_documents_are_written_after_the_documents(sample_doc):
    out = io.StringIO()
    evaljson.write([sample_doc], out, incidents=lambda: [_incident("d1", "d2")])
    written = json.loads(out.getvalue())["incidents"]
    assert [(i["id"], i["events"], [c["field"] for c in i["conflicts"]]) for i in written] == \
        [("inc1", ["d1#ev1", "d2#ev1"], ["date"])]


def test_an_incident_one_document_reports_is_not_written(sample_doc):
    out = io.StringIO()
    evaljson.write([sample_doc], out, incidents=lambda: [_incident("d1")])
    assert json.loads(out.getvalue())["incidents"] == []


def _gold_for(doc) -> dict:
    """A gold-v1 file that says exactly what the sample says."""
    reg = {e.id: {"type": e.type, "name_en": e.name_en, "name_ar": e.name_ar, "lat": e.lat, "lon": e.lon}
           for e in doc.entities}
    reg["ain"] = {"type": "MEDIA", "name_en": "Ain al-Furat", "name_ar": "عين الفرات"}
    ents = [{"key": e.id, "type": e.type, "core": True,
             "mentions": [{"start": m.span.start, "end": m.span.end} for m in e.mentions
                          if not doc.in_boilerplate(m.span)]} for e in doc.entities]
    events = []
    for ev in doc.events:
        d = ev.date
        events.append({
            "key": f"{doc.doc_id}#{ev.id}", "type": ev.type, "core": True, "modality": ev.modality,
            "evidence": [{"start": s.start, "end": s.end} for s in ev.evidence],
            "date": {"min": d.min.isoformat(), "max": d.max.isoformat()} if d and d.min else None,
            "location": ev.place.entity_id if ev.place else None,
            "actors": ev.actors,
            "injured": ev.casualties.injured_total, "killed": ev.casualties.killed_total})
    return {"format": "gold-v1", "registry": reg, "incidents": [], "conflicts": [],
            "documents": [{"doc_id": doc.doc_id, "file": f"{doc.doc_id}.txt", "outlet": "Ain al-Furat",
                           "published": {"min": "2021-02-16", "max": "2021-02-16"},
                           "boilerplate": [{"start": b.start, "end": b.end} for b in doc.boilerplate],
                           "entities": ents, "events": events,
                           "relations": [{"type": "SPONSORED_BY", "head": "e1", "tail": "e4"}]}]}


@pytest.mark.skipif(not SCORER.exists(), reason=f"the scorer {SCORER} is not available here")
def test_score_py_reads_the_export_as_intended(sample_doc, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "d1.txt").write_text(sample_doc.text, encoding="utf-8")
    (tmp_path / "gold.json").write_text(json.dumps(_gold_for(sample_doc), ensure_ascii=False), encoding="utf-8")
    with open(tmp_path / "pred.json", "w", encoding="utf-8") as out:
        evaljson.write([sample_doc], out)
    res = subprocess.run([sys.executable, str(SCORER), "--gold", str(tmp_path / "gold.json"),
                          "--pred", str(tmp_path / "pred.json"), "--corpus", str(corpus), "--json"],
                         capture_output=True, text=True, check=True)
    summary = json.loads(res.stdout)
    assert summary["problems"] == []
    assert summary["entities"]["f1"] == 1.0 and summary["entities"]["typed_accuracy"] == 1.0
    assert summary["events"]["tp"] == len(sample_doc.events) and summary["events"]["fp"] == 0
    attrs = summary["event_attributes"]
    for k in ("date", "location", "injured", "killed", "modality"):
        assert attrs[k]["acc"] == 1.0, k
    assert attrs["actors"]["mean_f1"] == 1.0 and attrs["date_invented"] == 0
    assert summary["relations"]["f1"] == 1.0
    assert summary["metadata"]["outlet_acc"] == 1.0 and summary["metadata"]["published_acc"] == 1.0
