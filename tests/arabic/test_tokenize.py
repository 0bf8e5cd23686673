"""Tokens keep original offsets; proclitic readings; sentence splitting."""
from __future__ import annotations

import unicodedata

import pytest

from marsad.arabic.normalize import normalize
from marsad.arabic.tokenize import analyse, has_line_break, split_sentences, tokenize
from marsad.model import Span


def _words(text):
    return [t for t in tokenize(text) if t.is_word]


def _token(text, written):
    """The token whose original text is `written`."""
    found = [t for t in tokenize(text) if t.text == written]
    assert found, f"no token {written!r} in {[t.text for t in tokenize(text)]}"
    return found[0]


# ---------------------------------------------------------------- spans into the original

@pytest.mark.parametrize("text", [
    "قصفت قوات النظام بلدة كفرنبل جنوبي إدلب",
    "قَصَفَتْ قوّاتُ النظامِ بلدةَ كفرنبلَ",
    "وصل عناصر الـ47 إلى مطار دير الزور العسكري",
    "انسحبت قـــوات الفرقة الرابعة من حـلب",
    "اجتماع مدعوم روسياً وإيرانياً في المدينة",
    "مدينة\u00a0دير\u00a0الزور و\u202fالميادين",
    "\ufeffخاص - SY24\u200f: مقتل ١٢ عنصراً",
    "قال «المرصد»: إنّ 3 مدنيين قُتلوا، وأُصيب آخرون!",
    "ـــ ً بداية بعلامات",
    "",
])
def test_every_token_span_points_at_its_original_characters(text):
    for t in tokenize(text):
        assert t.text == text[t.span.start:t.span.end]
        assert t.span.of(text) == t.text
        assert len(t.span) > 0


@pytest.mark.parametrize("text", [
    "قَصَفَتْ قوّاتُ النظامِ بلدةَ كفرنبلَ",
    "وصل عناصر الـ47 إلى مطار دير الزور",
    "مدينة\u00a0دير\u00a0الزور",
])
def test_token_norm_is_the_normalised_original(text):
    for t in tokenize(text):
        assert normalize(t.text) == t.norm


@pytest.mark.parametrize("text, written, norm", [
    ("وصل عناصر الـ47 أمس", "الـ47", "ال47"),
    ("قَصَفَتْ الطائرات", "قَصَفَتْ", "قصفت"),
    ("إنَّ القوات", "إنَّ", "ان"),
    ("قـــوات النظام", "قـــوات", "قوات"),
])
def test_harakat_and_tatweel_stay_inside_the_token_span(text, written, norm):
    t = _token(text, written)
    assert t.norm == norm
    assert t.span == Span(text.index(written), text.index(written) + len(written))


@pytest.mark.parametrize("text, word", [
    ("ميليشيا مدعومة روسياً في المنطقة", "روسياً"),
    ("عقدوا اجتماعاً مغلقاً أمس", "اجتماعاً"),
    ("وصل قائدٌ جديدٌ", "قائدٌ"),
    ("في مدينةٍ قريبة", "مدينةٍ"),
])
def test_span_includes_the_final_tanwin(text, word):
    t = _token(text, word)
    start = text.index(word)
    assert t.span == Span(start, start + len(word))
    assert t.text.endswith(word[-1])


def test_tanwin_on_final_alef_adds_the_reading_without_the_alef():
    t = _token("عقدوا اجتماعاً مغلقاً", "اجتماعاً")
    assert "اجتماع" in t.stems


@pytest.mark.parametrize("space", ["\u00a0", "\u202f", "\u2009"])
def test_no_break_and_thin_spaces_separate_tokens_and_are_not_in_spans(space):
    text = f"مدينة{space}دير{space}الزور"
    words = [t.text for t in tokenize(text)]
    assert words == ["مدينة", "دير", "الزور"]
    for t in tokenize(text):
        assert space not in t.text


@pytest.mark.parametrize("text, punct", [
    ("قال المصدر: إن", ":"),
    ("قتل مدني، وأصيب آخر", "،"),
    ("هل انتهت المعارك؟", "؟"),
    ("انتهى الاجتماع.", "."),
    ("«الدفاع الوطني»", "«"),
    ("«الدفاع الوطني»", "»"),
    ('شبكة "عين الفرات"', '"'),
    ("(قسد)", "("),
    ("عاجل!", "!"),
])
def test_punctuation_is_its_own_token(text, punct):
    tokens = tokenize(text)
    hits = [t for t in tokens if t.text == punct]
    assert hits, [t.text for t in tokens]
    for t in hits:
        assert len(t.span) == 1 and not t.is_word
    assert all(punct not in t.text for t in tokens if t.is_word)


@pytest.mark.parametrize("text", ["١٢ قتيلاً", "12 قتيلاً", "۱۲ قتيلاً"])
def test_digits_form_one_word_token(text):
    first = tokenize(text)[0]
    assert first.norm == "12" and first.is_word


# ---------------------------------------------------------------- proclitics

@pytest.mark.parametrize("word, stems", [
    ("وبالبوكمال", {"وبالبوكمال", "بالبوكمال", "البوكمال", "بوكمال"}),
    ("فالقوات", {"فالقوات", "القوات", "قوات"}),
    ("بالمدينة", {"بالمدينه", "المدينه", "مدينه"}),
    ("كالعادة", {"كالعاده", "العاده", "عاده"}),
    ("والحرس", {"والحرس", "الحرس", "حرس"}),
    ("ولقوات", {"ولقوات", "لقوات", "قوات"}),
    ("وسوريا", {"وسوريا", "سوريا"}),
])
def test_proclitic_readings_are_in_stems(word, stems):
    t = tokenize(word)[0]
    assert stems <= t.stems


@pytest.mark.parametrize("word, with_article, without", [
    ("للدفاع", "الدفاع", "دفاع"),
    ("وللدفاع", "الدفاع", "دفاع"),
    ("للنظام", "النظام", "نظام"),
    ("وبالبوكمال", "البوكمال", "بوكمال"),
    ("والحرس", "الحرس", "حرس"),
])
def test_article_reading_is_in_stems_and_forms_but_bare_word_only_in_stems(word, with_article, without):
    t = tokenize(word)[0]
    assert with_article in t.stems
    assert without in t.stems
    assert with_article in t.forms
    assert without not in t.forms


@pytest.mark.parametrize("word, name", [("للبنان", "لبنان"), ("للواء", "لواء"), ("لليبيا", "ليبيا")])
def test_lam_before_a_word_starting_with_lam_keeps_the_plain_reading_in_stems(word, name):
    assert name in tokenize(word)[0].stems


@pytest.mark.parametrize("word, name", [("للبنان", "لبنان"), ("للواء", "لواء"), ("لليبيا", "ليبيا")])
def test_lam_before_a_name_starting_with_lam_keeps_the_name_in_forms(word, name):
    assert name in tokenize(word)[0].forms


@pytest.mark.parametrize("word, bare", [("وبالبوكمال", "بوكمال"), ("للدفاع", "دفاع"), ("فالقوات", "قوات")])
def test_bare_is_the_shortest_reading(word, bare):
    assert tokenize(word)[0].bare == bare


@pytest.mark.parametrize("word", ["بل", "كل", "لا", "ول", "فل", "بك"])
def test_short_word_is_not_over_stripped(word):
    t = tokenize(word)[0]
    assert word in t.stems
    assert t.bare == word
    assert all(len(s) >= 2 for s in t.stems)


@pytest.mark.parametrize("word", ["فبل", "وكل", "ولا"])
def test_conjunction_on_short_word_keeps_a_two_letter_reading(word):
    t = tokenize(word)[0]
    assert word[1:] in t.stems
    assert all(len(s) >= 2 for s in t.stems)


@pytest.mark.parametrize("word", ["ال", "وال", "لل"])
def test_article_alone_is_not_reduced_to_nothing(word):
    stems, forms, bare = analyse(normalize(word))
    assert all(len(s) >= 2 for s in stems | forms)
    assert len(bare) >= 2


@pytest.mark.parametrize("word", ["47", "SY24", "2024"])
def test_non_arabic_tokens_have_only_themselves_as_stem(word):
    t = tokenize(word)[0]
    assert t.stems == frozenset({t.norm})


def test_stems_include_the_normalised_token():
    for t in _words("وقالت مصادر محلية إن قوات النظام قصفت بلدةً في ريفِ حماة"):
        assert t.norm in t.stems and t.norm in t.forms
        assert t.forms <= t.stems


# ---------------------------------------------------------------- sentences

@pytest.mark.parametrize("text, sentences", [
    ("قصفت الطائرات البلدة. وقتل مدنيان", ["قصفت الطائرات البلدة.", "وقتل مدنيان"]),
    ("عاجل! انفجار في السوق", ["عاجل!", "انفجار في السوق"]),
    ("هل انتهت المعارك؟ لا أحد يعرف", ["هل انتهت المعارك؟", "لا أحد يعرف"]),
    ("أولى. ثانية! ثالثة؟ رابعة", ["أولى.", "ثانية!", "ثالثة؟", "رابعة"]),
])
def test_split_sentences_on_period_exclamation_and_arabic_question_mark(text, sentences):
    assert [s.of(text) for s in split_sentences(text)] == sentences


@pytest.mark.parametrize("text, sentences", [
    ("عنوان الخبر\nنص الخبر الأول", ["عنوان الخبر", "نص الخبر الأول"]),
    ("عنوان\n\n\nنص", ["عنوان", "نص"]),
    ("خاص - SY24\nدير الزور - الثلاثاء", ["خاص - SY24", "دير الزور - الثلاثاء"]),
    ("سطر بلا نقطة،\nوسطر آخر", ["سطر بلا نقطة،", "وسطر آخر"]),
    ("سطر ويندوز\r\nسطر ثان", ["سطر ويندوز", "سطر ثان"]),
])
def test_split_sentences_splits_at_every_line_break(text, sentences):
    assert [s.of(text) for s in split_sentences(text)] == sentences


@pytest.mark.parametrize("text", [
    "قصفت الطائرات\nالبلدة. وقتل مدنيان\nفي الغارة! وأصيب آخرون؟\n\nالمصدر: المرصد",
    "  سطر بمسافات  \n   \n\tسطر آخر.  ",
    "عنوان..\nنص. المزيد.\n",
])
def test_no_sentence_crosses_a_line_break(text):
    spans = split_sentences(text)
    assert spans
    for s in spans:
        assert "\n" not in s.of(text)
        assert s.of(text) == s.of(text).strip() and len(s) > 0


@pytest.mark.parametrize("text", ["ارتفعت الأسعار 3.5 بالمئة", "الساعة 10.30 صباحاً", "موقع SY24.com"])
def test_period_without_following_space_does_not_split(text):
    assert [s.of(text) for s in split_sentences(text)] == [text]


@pytest.mark.parametrize("text", ["", "\n\n", "   "])
def test_blank_text_has_no_sentences(text):
    assert split_sentences(text) == []


@pytest.mark.parametrize("text", [
    "جملة أولى. جملة ثانية!\nسطر جديد؟ وأخير",
    "  مسافة في البداية. ونهاية  ",
])
def test_sentence_spans_are_ordered_and_disjoint(text):
    spans = split_sentences(text)
    for a, b in zip(spans, spans[1:]):
        assert a.end <= b.start


# ---------------------------------------------------------------- other line breaks, decomposed text

@pytest.mark.parametrize("brk", ["\r", "\r\n", "\u2028", "\u2029", "\x85", "\r\n\r\n"])
def test_split_sentences_splits_at_every_line_break_convention(brk):
    text = f"سطر أول{brk}سطر ثان"
    assert [s.of(text) for s in split_sentences(text)] == ["سطر أول", "سطر ثان"]


@pytest.mark.parametrize("brk", ["\r", "\u2028"])
def test_sentence_after_period_stops_at_a_line_break(brk):
    text = f"انتهى الاجتماع.{brk}  بدأ القصف"
    assert [s.of(text) for s in split_sentences(text)] == ["انتهى الاجتماع.", "بدأ القصف"]


NFD_WORDS = ["أحمد", "آليات", "مسؤول", "إدلب", "رئيس", "الإيراني"]


@pytest.mark.parametrize("word", NFD_WORDS)
def test_decomposed_hamza_does_not_split_a_word(word):
    nfd = unicodedata.normalize("NFD", word)
    assert nfd != word
    assert [t.text for t in tokenize(nfd)] == [nfd]


@pytest.mark.parametrize("word", NFD_WORDS)
def test_decomposed_and_composed_words_normalise_alike(word):
    nfd = unicodedata.normalize("NFD", word)
    assert tokenize(nfd)[0].norm == tokenize(word)[0].norm == normalize(word) == normalize(nfd)


@pytest.mark.parametrize("text, word", [("شاطئ البحر", "شاطئ"), ("يقرأ الخبر", "يقرأ"), ("مبادئ عامة", "مبادئ"),
                                        ("لؤلؤ", "لؤلؤ")])
def test_decomposed_word_ending_in_hamza_keeps_the_mark_in_its_span(text, word):
    nfd_text = unicodedata.normalize("NFD", text)
    nfd_word = unicodedata.normalize("NFD", word)
    t = tokenize(nfd_text)[0]
    assert t.text == nfd_word
    assert normalize(t.text) == t.norm


@pytest.mark.parametrize("text, expected", [
    ("الباب.\n\nهدنة", True),
    ("الباب.\r\nهدنة", True),
    ("الباب.\u2028هدنة", True),
    ("الباب، هدنة", False),
])
def test_a_line_break_between_two_places_is_found(text, expected):
    assert has_line_break(text, 0, len(text)) is expected
