"""A small but realistic annotated article for the export tests."""
from __future__ import annotations

import datetime as dt

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
    Relation,
    SideCasualties,
    Span,
)

TEXT = (
    "اقرأ أيضاً: قسد تعتقل شباناً في الشحيل\n"
    "اشتباكات عنيفة بين قوات الدفاع الوطني وتنظيم داعش في مدينة البوكمال أمس الإثنين، "
    "أسفرت عن مقتل 3 عناصر وإصابة 5 آخرين.\n"
    "وهدد الحرس الثوري باستهداف قوات قسد.\n"
    "ونفت قسد وقوع غارة على الميادين.\n"
    "وقتل عدد من المدنيين في قصف مدفعي على قرية الباغوز خلال الأسبوع الماضي.\n"
    "وحاول مسلحون مهاجمة حاجز لقوات الدفاع الوطني.\n"
    "واغتيل الناشط أحمد العلي في الميادين الشهر الماضي بتفجير انتحاري."
)


def find(needle: str, nth: int = 0, text: str = TEXT) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return Span(start, start + len(needle))


def line_of(needle: str, text: str = TEXT) -> Span:
    s = text.index(needle)
    start = text.rfind("\n", 0, s) + 1
    end = text.find("\n", s)
    return Span(start, len(text) if end < 0 else end)


def build_sample(doc_id: str = "d1") -> Document:
    def mention(needle: str, type_: str, eid: str, nth: int = 0) -> Mention:
        sp = find(needle, nth)
        return Mention(sp, sp.of(TEXT), type_, entity_id=eid)

    ndf = [mention("الدفاع الوطني", "ARMED_GROUP", "e1", 0), mention("الدفاع الوطني", "ARMED_GROUP", "e1", 1)]
    isis = [mention("داعش", "ARMED_GROUP", "e2")]
    town = [mention("البوكمال", "LOCATION", "e3")]
    irgc = [mention("الحرس الثوري", "ARMED_GROUP", "e4")]
    # the first "قسد" is in the "read also" line (boilerplate): not a mention of this article
    sdf = [mention("قسد", "ARMED_GROUP", "e5", 0), mention("قسد", "ARMED_GROUP", "e5", 1),
           mention("قسد", "ARMED_GROUP", "e5", 2)]
    person = [mention("أحمد العلي", "PERSON", "e6")]
    mayadin = [mention("الميادين", "LOCATION", "e7", 1)]
    entities = [
        Entity("e1", "ARMED_GROUP", "قوات الدفاع الوطني", "National Defence Forces", "ndf", ndf),
        Entity("e2", "ARMED_GROUP", "تنظيم داعش", "Islamic State", "isis", isis),
        Entity("e3", "LOCATION", "البوكمال", "Al-Bukamal", "al_bukamal", town, lat=34.4534, lon=40.936),
        Entity("e4", "ARMED_GROUP", "الحرس الثوري", "Islamic Revolutionary Guard Corps", "irgc", irgc),
        Entity("e5", "ARMED_GROUP", "قسد", "Syrian Democratic Forces", "sdf", sdf),
        Entity("e6", "PERSON", "أحمد العلي", None, None, person),
        Entity("e7", "LOCATION", "الميادين", "Al-Mayadin", "al_mayadin", mayadin, lat=35.0196, lon=40.4516),
    ]
    bukamal = PlaceRef(entity_id="e3", name_ar="البوكمال", name_en="Al-Bukamal", lat=34.4534, lon=40.936,
                       admin1="Deir-ez-Zor", admin2="Al-Bukamal", admin3="Al-Bukamal",
                       admin1_pcode="SY09", admin2_pcode="SY0903", admin3_pcode="SY090300",
                       geo_precision=1, span=find("البوكمال"))
    mayadin_place = PlaceRef(entity_id="e7", name_ar="الميادين", name_en="Al-Mayadin", lat=35.0196, lon=40.4516,
                             admin1="Deir-ez-Zor", admin2="Al-Mayadin", admin1_pcode="SY09", geo_precision=1)
    events = [
        Event("ev1", "ARMED_CLASH", find("اشتباكات"), [line_of("اشتباكات")], "asserted",
              date=DateValue.day(dt.date(2021, 2, 15), expression=find("أمس الإثنين"), source="relative:أمس"),
              place=bukamal, side_a=["e1"], side_b=["e2"],
              casualties=Casualties(killed=[SideCasualties(count=3, span=find("3 عناصر"))],
                                    injured=[SideCasualties(count=5, span=find("5 آخرين"))]),
              attribution="مصادر محلية"),
        Event("ev2", "THREATEN", find("وهدد"), [line_of("وهدد")], "asserted", side_a=["e4"], side_b=["e5"],
              date=DateValue.day(dt.date(2021, 2, 15))),
        Event("ev3", "AIRSTRIKE", find("غارة"), [line_of("ونفت")], "denied",
              date=DateValue.day(dt.date(2021, 2, 15)), place=mayadin_place),
        Event("ev4", "SHELLING", find("قصف مدفعي"), [line_of("قصف مدفعي")], "asserted",
              date=DateValue.between(dt.date(2021, 2, 8), dt.date(2021, 2, 14), precision="week"),
              place=PlaceRef(name_ar="الباغوز", name_en="Al-Baghouz", admin1="Deir-ez-Zor", admin2="Abu Kamal",
                             geo_precision=2),
              casualties=Casualties(killed=[SideCasualties(vague="some", side="civilian",
                                                           span=find("عدد من المدنيين"))])),
        Event("ev5", "ATTACK", find("مهاجمة"), [line_of("وحاول")], "attempted", side_b=["e1"]),
        Event("ev6", "ASSASSINATION", find("واغتيل"), [line_of("واغتيل")], "asserted",
              date=DateValue.between(dt.date(2021, 1, 1), dt.date(2021, 1, 31), precision="month"),
              place=mayadin_place, side_b=["e6"]),
    ]
    meta = DocumentMeta(outlet="Ain al-Furat", outlet_ar="عين الفرات", outlet_id="ain_al_furat",
                        outlet_source="metadata", url="https://example.org/1",
                        published=DateValue.day(dt.date(2021, 2, 16)), published_source="metadata")
    return Document(
        doc_id=doc_id, text=TEXT, meta=meta, boilerplate=[line_of("اقرأ أيضاً")],
        mentions=[m for e in entities for m in e.mentions], entities=entities,
        relations=[Relation("SPONSORED_BY", "e1", "e4", line_of("اشتباكات"), doc_id)],
        events=events,
    )


@pytest.fixture
def sample_doc() -> Document:
    return build_sample()


@pytest.fixture
def sample_builder():
    return build_sample
