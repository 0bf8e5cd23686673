"""GeoJSON: a valid FeatureCollection with one Point per located event."""
from __future__ import annotations

import io
import json

from marsad.export import geojson, write_export


def test_feature_collection(sample_doc):
    out = io.StringIO()
    n = geojson.write([sample_doc], out)
    fc = json.loads(out.getvalue())
    assert fc["type"] == "FeatureCollection"
    located = [e for e in sample_doc.events if e.place and e.place.lat is not None and e.place.lon is not None]
    assert n == len(fc["features"]) == len(located) == 3
    for f in fc["features"]:
        assert f["type"] == "Feature"
        assert f["geometry"]["type"] == "Point"
        lon, lat = f["geometry"]["coordinates"]           # RFC 7946 order: longitude first
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert isinstance(f["properties"], dict)


def test_properties(sample_doc):
    out = io.StringIO()
    geojson.write([sample_doc], out)
    f = json.loads(out.getvalue())["features"][0]
    assert f["geometry"]["coordinates"] == [40.936, 34.4534]
    p = f["properties"]
    assert p["doc_id"] == "d1" and p["event_id"] == "ev1" and p["type"] == "ARMED_CLASH"
    assert p["modality"] == "asserted" and p["date"] == "2021-02-15"
    assert p["place_name_en"] == "Al-Bukamal" and p["place_name_ar"] == "البوكمال"
    assert (p["admin1"], p["admin2"], p["admin3"]) == ("Deir-ez-Zor", "Al-Bukamal", "Al-Bukamal")
    assert p["geo_precision"] == 1
    assert p["actors"] == ["National Defence Forces", "Islamic State"]
    assert p["outlet"] == "Ain al-Furat"
    assert p["evidence"][0].startswith("اشتباكات عنيفة")


def test_empty(sample_doc):
    sample_doc.events = []
    out = io.StringIO()
    assert write_export("geojson", [sample_doc], out) == 0
    assert json.loads(out.getvalue()) == {"type": "FeatureCollection", "features": []}
