"""The full JSON export: one parseable JSON object per line, with evidence text."""
from __future__ import annotations

import io
import json

from marsad.export import jsonexport, write_export


def _lines(docs) -> list[dict]:
    out = io.StringIO()
    n = jsonexport.write(docs, out)
    lines = out.getvalue().splitlines()
    assert n == len(lines)
    return [json.loads(line) for line in lines]


def test_one_line_per_document(sample_builder):
    recs = _lines(sample_builder(f"d{i}") for i in range(3))
    assert [r["doc_id"] for r in recs] == ["d0", "d1", "d2"]
    assert all(r["format"] == "marsad-json-v1" for r in recs)


def test_every_span_carries_its_text(sample_doc):
    rec = _lines([sample_doc])[0]
    text = rec["text"]

    def check(obj):
        if isinstance(obj, dict):
            if set(obj) >= {"start", "end", "text"} and isinstance(obj["start"], int):
                assert text[obj["start"]:obj["end"]] == obj["text"]
            for v in obj.values():
                check(v)
        elif isinstance(obj, list):
            for v in obj:
                check(v)

    check(rec)
    clash = rec["events"][0]
    assert clash["trigger"]["text"] == "اشتباكات"
    assert clash["date"]["expression"]["text"] == "أمس الإثنين"
    assert clash["casualties"]["killed"][0]["span"]["text"] == "3 عناصر"


def test_meta_sources_casualties_and_places(sample_doc):
    rec = _lines([sample_doc])[0]
    assert rec["meta"]["outlet_source"] == "metadata" and rec["meta"]["published_source"] == "metadata"
    assert rec["meta"]["published"]["value"] == "2021-02-16"
    assert rec["content_hash"] == sample_doc.content_hash
    ev = {e["id"]: e for e in rec["events"]}
    assert ev["ev1"]["place"]["admin1_pcode"] == "SY09" and ev["ev1"]["place"]["admin3"] == "Al-Bukamal"
    assert ev["ev1"]["casualties"]["killed_total"] == 3
    assert ev["ev4"]["casualties"]["killed"][0] == {
        "count": None, "vague": "some", "side": "civilian", "entity_id": None,
        "span": {"start": sample_doc.events[3].casualties.killed[0].span.start,
                 "end": sample_doc.events[3].casualties.killed[0].span.end, "text": "عدد من المدنيين"}}
    assert ev["ev1"]["actor_names"] == {"e1": "National Defence Forces", "e2": "Islamic State"}
    assert ev["ev3"]["acled"] is False and ev["ev1"]["acled"] is True
    boiler = [m for m in rec["mentions"] if m["in_boilerplate"]]
    assert [m["span"]["text"] for m in boiler] == ["قسد"]


def test_via_write_export(sample_doc):
    out = io.StringIO()
    assert write_export("json", [sample_doc], out) == 1
    assert out.getvalue().endswith("\n") and out.getvalue().count("\n") == 1
