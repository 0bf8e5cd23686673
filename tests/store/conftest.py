"""Fixtures for the store tests: a document with every field of the model set."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from marsad.model import (
    Casualties,
    DateValue,
    Document,
    DocumentMeta,
    Entity,
    Event,
    Mention,
    PlaceRef,
    Quantity,
    Relation,
    SideCasualties,
    Span,
)

TEXT = ("شارك\u00a0الآن\n"
        "اشتباكات بين الدفاع الوطني والحرس الثوري في البوكمال أمس الإثنين، ومقتل 3 عناصر وإصابة عدد من المدنيين.\n"
        "وأفاد مراسل عين الفرات أن 5 عربات عسكرية وصلت.")


def _find(text: str, needle: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return Span(start, start + len(needle))


def build_full_document(doc_id: str = "doc-full", text: str = TEXT) -> Document:
    """Every dataclass field set to a non-default value somewhere, plus the awkward cases:
    a mention only in an entity's list, a dangling entity id, an empty PlaceRef and DateValue."""
    t = text
    ndf, irgc, town = _find(t, "الدفاع الوطني"), _find(t, "الحرس الثوري"), _find(t, "البوكمال")
    m_ndf = Mention(ndf, ndf.of(t), "ARMED_GROUP", entity_id="e1", kb_id="ndf", source="lexicon", confidence=0.9)
    m_irgc = Mention(irgc, irgc.of(t), "ARMED_GROUP", entity_id="e2", kb_id="irgc", source="model", confidence=0.75)
    m_town = Mention(town, town.of(t), "LOCATION", entity_id="e3", kb_id="al_bukamal", source="pattern")
    outlet = _find(t, "عين الفرات")
    m_outlet_only_in_entity = Mention(outlet, outlet.of(t), "MEDIA", entity_id="e4", source="coref", confidence=0.5)
    entities = [
        Entity("e1", "ARMED_GROUP", "قوات الدفاع الوطني", "National Defence Forces", "ndf", [m_ndf], 0.9),
        Entity("e2", "ARMED_GROUP", "الحرس الثوري", "IRGC", "irgc", [m_irgc], 0.8),
        Entity("e3", "LOCATION", "البوكمال", "Al-Bukamal", "al_bukamal", [m_town], 1.0, lat=34.4534, lon=40.9360),
        Entity("e4", "MEDIA", "عين الفرات", None, None, [m_outlet_only_in_entity], 0.6),
    ]
    clash = _find(t, "اشتباكات")
    sentence2 = Span(t.index("اشتباكات"), t.index("\n", t.index("اشتباكات")))
    sentence3 = Span(t.index("وأفاد"), len(t))
    yesterday = _find(t, "أمس الإثنين")
    killed, hurt, vehicles = _find(t, "3 عناصر"), _find(t, "عدد من المدنيين"), _find(t, "5 عربات عسكرية")
    reporter = _find(t, "مراسل عين الفرات")
    full_event = Event(
        id="ev1", type="ARMED_CLASH", trigger=clash, evidence=[sentence2, sentence3],
        modality="attempted",
        date=DateValue.between(dt.date(2021, 2, 14), dt.date(2021, 2, 16), precision="range",
                               expression=yesterday, source="relative:أمس"),
        place=PlaceRef(entity_id="e3", name_ar="البوكمال", name_en="Al-Bukamal", lat=34.4534, lon=40.936,
                       admin1="Deir-ez-Zor", admin2="Al-Bukamal", admin3="Al-Bukamal",
                       admin1_pcode="SY09", admin2_pcode="SY0903", admin3_pcode="SY090300",
                       geo_precision=1, kb_id="al_bukamal", span=town),
        side_a=["e1"], side_b=["e2", "missing-entity"], associated=["e4"],
        casualties=Casualties(
            killed=[SideCasualties(count=3, side="a", entity_id="e1", span=killed),
                    SideCasualties(count=None, vague="several", side="b", entity_id="e2", span=None)],
            injured=[SideCasualties(count=None, vague="some", side="civilian", span=hurt)]),
        quantities=[Quantity("vehicles", 5, vehicles.of(t), vehicles, approximate=False),
                    Quantity("fighters", None, "نحو", Span(0, 0), approximate=True)],
        attribution="مراسل عين الفرات", attribution_span=reporter, confidence=0.65,
    )
    bare_event = Event(id="ev2", type="MOBILIZE", trigger=_find(t, "وصلت"))
    empty_parts = Event(id="ev3", type="OTHER", trigger=Span(0, 0), evidence=[Span(0, 4)], modality="negated",
                        date=DateValue(), place=PlaceRef())
    meta = DocumentMeta(
        source_path="/data/in/doc-full.txt", url="https://example.org/a?id=1", title="اشتباكات في البوكمال",
        outlet="Ain al-Furat", outlet_ar="عين الفرات", outlet_id="ain_al_furat", outlet_source="text:مراسل",
        outlet_span=outlet, published=DateValue.day(dt.date(2021, 2, 16), expression=None, source="metadata"),
        published_source="metadata", language="ar",
        extra={"feed": "rss", "rank": 2, "tags": ["a", "ب"], "nested": {"ok": True, "n": None}},
    )
    return Document(
        doc_id=doc_id, text=t, meta=meta,
        boilerplate=[_find(t, "شارك\u00a0الآن")],
        sentences=[Span(0, 9), sentence2, sentence3],
        mentions=[m_ndf, m_irgc, m_town],
        entities=entities,
        relations=[Relation("AFFILIATED_WITH", "e1", "e2", sentence2, doc_id, 0.7),
                   Relation("SPONSORED_BY", "e1", "ghost", Span(0, 0), "other-doc", 1.0)],
        events=[full_event, bare_event, empty_parts],
    )


@pytest.fixture
def full_document() -> Callable[..., Document]:
    return build_full_document


# --------------------------------------------------------------------------- databases
# (store_url, the database of each backend, is in tests/conftest.py)

@pytest.fixture
def store(store_url):
    from marsad.store import Store

    s = Store.open(store_url)
    try:
        yield s
    finally:
        s.close()
