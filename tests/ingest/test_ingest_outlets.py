"""Which outlet an article is from: signatures, not every outlet it quotes."""
from pathlib import Path

import pytest

from marsad.arabic.stage import TextLayer
from marsad.config import Options
from marsad.ingest.boilerplate import find_boilerplate
from marsad.ingest.metadata import OutletBook, detect_outlet
from marsad.ingest.stage import Boilerplate, Metadata
from marsad.model import Document, DocumentMeta

BODY = "قصفت قوات النظام بالمدفعية الثقيلة بلدة كفرنبل في ريف إدلب الجنوبي، ما أدى إلى مقتل مدنيين اثنين."


@pytest.fixture(scope="module")
def book():
    return OutletBook(Options())


def detect(text, book):
    return detect_outlet(text, find_boilerplate(text), book)


@pytest.mark.parametrize("text, outlet_id, signature", [
    (f"خاص - عنب بلدي\n{BODY}", "enab_baladi", "exclusive"),
    (f"خاص-نداء سوريا\n{BODY}", "nedaa_syria", "exclusive"),
    (f"العنوان\nزمان الوصل - خاص\n{BODY}", "zaman_al_wasl", "exclusive-after"),
    (f"{BODY}\nوقال مصدر عسكري لموقع تلفزيون سوريا إن القصف مستمر.", "syria_tv", "told-to-outlet"),
    (f"{BODY}\nوقالت مصادر محلية لمنصة SY24 إن الأهالي نزحوا.", "sy24", "told-to-outlet"),
    (f"وأفاد مراسل نورث برس في الحسكة بأن دورية أمريكية جابت المنطقة.\n{BODY}", "north_press", "correspondent"),
    (f"{BODY}\nوقالت مراسلة تلفزيون سوريا إن الطيران الروسي حلق فوق المنطقة.", "syria_tv", "correspondent"),
    (f"{BODY}\n\nالمصدر: عنب بلدي", "enab_baladi", "source-line"),
    (f"{BODY}\n\nالمصدر: الجزيرة نت", "al_jazeera", "source-line"),
    (f"{BODY}\n\nالمصدر: المدن", "al_modon", "source-line"),
    (f"العنوان\nالقامشلي – نورث برس\n{BODY}", "north_press", "place-dash"),
    (f"العنوان\nريف درعا - تجمع أحرار حوران\n{BODY}", "horan_free_league", "place-dash"),
    (f"العنوان\nعفرين – سوريا على طول\n{BODY}", "syria_direct", "place-dash"),
    (f"العنوان\nالمرصد السوري لحقوق الإنسان\n{BODY}", "sohr", "name-line"),
    (f"دمشق (سانا) - {BODY}", "sana", "dateline"),
    (f"بيروت (رويترز) - {BODY}", "reuters", "dateline"),
    (f"{BODY}\n(الأناضول)", "anadolu", "dateline"),
    (f"{BODY} وقال قيادي في الفصيل لـ«عنب بلدي» إن الهجوم صُد.", "enab_baladi", "told-to"),
    (f"بيروت - الوكالة الوطنية للإعلام - {BODY}", "nna_lebanon", "place-dash"),
    (f"السومرية نيوز/ كركوك\n{BODY}", "alsumaria", "outlet-place"),
    (f"أربيل - رووداو\n{BODY}", "rudaw", "place-dash"),
    # a dateline's outlet over the radio a source spoke to
    (f"السويداء – حرية برس\n{BODY} وقال قيادي في تصريح لإذاعة \"شام إف إم\" إن الهجوم صُد.", "horrya_press",
     "place-dash"),
    (f"{BODY} وأكد ناشط في حديث لـ \"المدن\" أن القصف تجدد.", "al_modon", "told-to"),
    (f"{BODY}\nتم النشر بواسطة فرات بوست في الأحد، ١٤ فبراير ٢٠٢١", "furat_post", "published-by"),
    (f"أفاد مراسلنا في دير الزور بوصول تعزيزات.\n{BODY}\nشبكة دير الزور 24", "deir_ezzor_24", "own-voice"),
])
def test_signature_names_the_outlet(book, text, outlet_id, signature):
    match = detect(text, book)
    assert match is not None and (match.id, match.signature) == (outlet_id, signature)
    assert book.find(match.span.of(text)).id == outlet_id


@pytest.mark.parametrize("text", [
    f"ونقل موقع عين الفرات عن مصدر محلي أن الميليشيا انسحبت. {BODY}",
    f"وبحسب ما نقلته وكالة رويترز، فإن القصف استهدف السوق. {BODY}",
    f"وذكرت قناة الجزيرة أن الاشتباكات توقفت. {BODY}",
    f"أفاد مراسلنا بأن الاشتباكات توقفت، بحسب ما نقلته قناة الجزيرة.\n{BODY}",
    f"الميادين - خاص\n{BODY}",                        # a dateline for the town, not Al Mayadeen
    f"وصلت تعزيزات إلى الجزيرة السورية قادمة من المدن الكبرى. {BODY}",
    f"أفاد مراسلنا في الميادين بوصول تعزيزات. {BODY}",
    # an article compiled from others' reports: who its sources spoke to is another outlet
    f"صنعاء – متابعات\nقالت مصادر محلية لـ\"المصدر أونلاين\" إن الحوثيين أطلقوا صاروخين. {BODY}",
    f"إدلب (وكالات)\nوقال مصدر عسكري لموقع تلفزيون سوريا إن القصف مستمر. {BODY}",
    BODY,
])
def test_quoted_or_ambiguous_names_are_not_the_source(book, text):
    assert detect(text, book) is None


def test_self_reference_beats_a_quoted_outlet(book):
    text = f"ونقل موقع عين الفرات عن مصدر محلي أن الميليشيا انسحبت.\n{BODY}\n\nالمصدر: المدن"
    assert detect(text, book).id == "al_modon"


def test_byline_beats_statements_given_to_another_outlet(book):
    text = f"خاص - SY24\n{BODY}\nوقال مصدر لوكالة سانا إن الطريق أغلق."
    assert detect(text, book).id == "sy24"


def test_names_inside_furniture_are_not_evidence(book):
    text = f"{BODY}\nاقرأ أيضاً: مراسل عنب بلدي يروي تفاصيل القصف"
    assert detect(text, book) is None


@pytest.mark.parametrize("name, outlet_id", [
    ("Syria TV", "syria_tv"),
    ("تلفزيون سوريا", "syria_tv"),
    ("www.syria.tv", "syria_tv"),
    ("https://www.enabbaladi.net/archives/123", "enab_baladi"),
    ("عنب بلدي - Enab Baladi", "enab_baladi"),
    ("صحيفة عنب بلدي", "enab_baladi"),
    ("«الحل نت»", "al_hal_net"),
    ("Al Hal Net", "al_hal_net"),
    ("المدن", "al_modon"),
    ("arabic.rt.com", "rt_arabic"),
    ("فرانس برس", "afp"),
])
def test_book_finds_names_sites_and_domains(book, name, outlet_id):
    assert book.find(name).id == outlet_id


@pytest.mark.parametrize("name", ["", "Some Local Blog", "example.com", "الحرس الثوري"])
def test_book_does_not_invent_outlets(book, name):
    assert book.find(name) is None


def test_book_has_enough_outlets_and_keeps_ambiguous_names_out_of_aliases(book):
    assert len(book.entries) >= 30
    mayadeen = next(e for e in book.entries if e.id == "al_mayadeen")
    assert "الميادين" not in mayadeen.aliases and "قناة الميادين" in mayadeen.aliases


def run_metadata(doc):
    options = Options()
    for stage in (Boilerplate(options), TextLayer(options), Metadata(options)):
        stage(doc)
    return doc.meta


def test_metadata_stage_maps_page_site_name_to_the_book():
    meta = run_metadata(Document("d", BODY, DocumentMeta(outlet="تلفزيون سوريا", outlet_source="metadata")))
    assert (meta.outlet, meta.outlet_ar, meta.outlet_id, meta.outlet_source) == (
        "Syria TV", "تلفزيون سوريا", "syria_tv", "metadata")


def test_metadata_stage_keeps_an_unknown_outlet_as_given():
    meta = run_metadata(Document("d", f"خاص - عنب بلدي\n{BODY}", DocumentMeta(outlet="Some Blog", outlet_source="jsonl")))
    assert (meta.outlet, meta.outlet_id, meta.outlet_source) == ("Some Blog", None, "jsonl")


def test_metadata_stage_uses_the_url_domain():
    meta = run_metadata(Document("d", BODY, DocumentMeta(url="https://www.enabbaladi.net/archives/1")))
    assert (meta.outlet_id, meta.outlet_source) == ("enab_baladi", "url")


def test_metadata_stage_falls_back_on_text_signatures():
    doc = Document("d", f"{BODY}\n\nالمصدر: عنب بلدي")
    meta = run_metadata(doc)
    assert (meta.outlet, meta.outlet_id, meta.outlet_source) == ("Enab Baladi", "enab_baladi", "text:source-line")
    assert meta.outlet_span.of(doc.text) == "عنب بلدي"


SEEDS = Path("/work/shared/corpus/seeds")


@pytest.mark.skipif(not SEEDS.is_dir(), reason="shared seed corpus not available")
def test_seed_articles_outlets():
    found = {}
    for path in sorted(SEEDS.glob("*.txt")):
        found[path.stem[:3]] = run_metadata(Document(path.stem, path.read_text(encoding="utf-8"))).outlet
    assert found == {"000": "Ain al-Furat", "001": "Syria TV", "002": "Al-Hal Net", "003": "Al-Modon", "004": "SY24"}
