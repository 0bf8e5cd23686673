"""Arabic normalisation: one-to-one or deleting folds, and the offset map back to the original."""
from __future__ import annotations

import random
import unicodedata

import pytest

from marsad.arabic.normalize import NormalizedView, fold_char, normalize
from marsad.model import Span

try:  # hypothesis is optional: the plain seeded loops below cover the same properties
    from hypothesis import given, settings
    from hypothesis import strategies as st
except ImportError:  # pragma: no cover - depends on the environment
    given = None

HARAKAT_AND_TANWIN = [chr(c) for c in range(0x064B, 0x0653)]  # ً ٌ ٍ َ ُ ِ ّ ْ
COMBINING_HAMZA = frozenset("\u0653\u0654\u0655")   # madda / hamza above / hamza below of NFD text


# ---------------------------------------------------------------- single characters

@pytest.mark.parametrize("ch", ["أ", "إ", "آ", "ٱ"])
def test_alef_forms_fold_to_bare_alef(ch):
    assert fold_char(ch) == "ا"


@pytest.mark.parametrize("word, expected", [
    ("أحمد", "احمد"), ("إدلب", "ادلب"), ("آليات", "اليات"), ("ٱلله", "الله"), ("الإيراني", "الايراني"),
])
def test_alef_forms_fold_inside_words(word, expected):
    assert normalize(word) == expected


@pytest.mark.parametrize("word, expected", [("مستشفى", "مستشفي"), ("على", "علي"), ("موسى", "موسي")])
def test_alef_maqsura_folds_to_ya(word, expected):
    assert normalize(word) == expected


@pytest.mark.parametrize("word, expected", [("مدينة", "مدينه"), ("حماة", "حماه"), ("الشرطة", "الشرطه")])
def test_ta_marbuta_folds_to_ha(word, expected):
    assert normalize(word) == expected


@pytest.mark.parametrize("word, expected", [("الـ47", "ال47"), ("قـــوات", "قوات"), ("حلـب", "حلب")])
def test_tatweel_is_removed(word, expected):
    assert normalize(word) == expected


@pytest.mark.parametrize("mark", HARAKAT_AND_TANWIN)
def test_each_haraka_and_tanwin_is_deleted(mark):
    assert fold_char(mark) == ""


@pytest.mark.parametrize("word, expected", [
    ("قَصَفَتْ", "قصفت"), ("إنَّ", "ان"), ("روسياً", "روسيا"), ("كتابٌ", "كتاب"), ("بلدةٍ", "بلده"),
    ("مُدُنٍ", "مدن"),
])
def test_harakat_and_tanwin_are_removed_from_words(word, expected):
    assert normalize(word) == expected


@pytest.mark.parametrize("space", ["\u00a0", "\u2009", "\u202f", "\u2002", "\u2003", "\u200a", "\u3000"])
def test_no_break_and_thin_spaces_become_a_plain_space(space):
    assert fold_char(space) == " "
    assert normalize(f"دير{space}الزور") == "دير الزور"


@pytest.mark.parametrize("digits", ["٠١٢٣٤٥٦٧٨٩", "۰۱۲۳۴۵۶۷۸۹"])
def test_eastern_and_persian_digits_become_ascii(digits):
    assert normalize(digits) == "0123456789"


@pytest.mark.parametrize("text, expected", [("١٥ شباط ٢٠٢١", "15 شباط 2021"), ("۱۲ قتيلا", "12 قتيلا")])
def test_digits_fold_inside_text(text, expected):
    assert normalize(text) == expected


@pytest.mark.parametrize("quote", ["\u201c", "\u201d", "\u201e", "«", "»"])
def test_curly_and_angle_quotes_become_straight_double_quote(quote):
    assert fold_char(quote) == '"'


def test_quoted_outlet_name_gets_straight_quotes():
    assert normalize("شبكة “عين الفرات”") == 'شبكه "عين الفرات"'


@pytest.mark.parametrize("ch", ["ا", "ب", "ي", "و", "ه", " ", "\n", "A", "7", ".", "،", "؟"])
def test_plain_characters_are_kept(ch):
    assert fold_char(ch) == ch


def test_normalize_is_idempotent():
    text = "أعلنتْ «قوّاتُ» الـنظام عن مقتل ١٢ عنصراً في مدينةِ حماة"
    assert normalize(normalize(text)) == normalize(text)


# ---------------------------------------------------------------- the view and its offset map

# Characters a random Arabic news string is made of: letters, every folded form, marks,
# tatweel, spaces of every kind, digits, punctuation and invisible format marks.
ALPHABET = (
    "ابتثجحخدذرزسشصضطظعغفقكلمنهوي" "أإآٱىةؤئء" "ـ" + "".join(HARAKAT_AND_TANWIN) + "\u0670"
    + " \n\u00a0\u2009\u202f" + "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹0123456789" + ".,،؛؟!:-\u2013\u201c\u201d«»'\""
    + "\u200c\u200d\u200f\u061c\ufeff" + "SYabc"
)

VARIED = [
    "",
    "ـ",
    "ًٌٍ",
    "قَصَفَتْ قوّاتُ النظامِ بلدةً في ريفِ إدلبَ الجنوبيّ",
    "الـ47 عنصراً من «الدفاع الوطني»",
    "دير\u00a0الزور\u2009–\u202fالبوكمال",
    "قُتل ١٢ مدنياً و۳ عناصر",
    "\ufeffخاص - SY24\u200f",
    "آليات إيرانية أُدخلت إلى مستشفى حماة",
    "ـــ ــ ـ",
]


def _random_strings(n: int, seed: int = 20240312) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 60))) for _ in range(n)]


CASES = VARIED + _random_strings(300)


def _check_view_maps_back(text: str) -> None:
    view = NormalizedView.of(text)
    assert view.text == normalize(text)
    assert len(view.original_offsets) == len(view.text) + 1
    assert view.to_original(len(view.text)) == len(text)
    for i in range(len(view.text)):
        assert fold_char(text[view.to_original(i)]) == view.text[i]


def _check_spans(text: str) -> None:
    view = NormalizedView.of(text)
    n = len(view.text)
    for start in range(n + 1):
        for end in range(start, n + 1):
            span = view.span_to_original(start, end)
            assert isinstance(span, Span)
            if end == start:
                assert len(span) == 0
                continue
            # starts at the first covered character, ends right after the last one
            assert span.start == view.to_original(start)
            assert span.end == view.to_original(end - 1) + 1
            # and what it covers folds to exactly the view slice
            assert normalize(span.of(text)) == view.text[start:end]


def _check_from_original(text: str) -> None:
    view = NormalizedView.of(text)
    kept = view.original_offsets[:-1]
    assert kept == sorted(set(kept))
    if not COMBINING_HAMZA.intersection(text):
        assert kept == [i for i, ch in enumerate(text) if fold_char(ch)]
    for v, o in enumerate(kept):
        assert view.from_original(o) == v
        assert view.to_original(view.from_original(o)) == o
    # a character with no view character of its own maps to the next kept one (or the end of the view)
    kept_set = set(kept)
    for o in range(len(text)):
        if o not in kept_set:
            assert view.from_original(o) == sum(1 for k in kept if k < o)


def _check_view_slices_fold(text: str) -> None:
    """With decomposed hamza a view character may stand for a letter and the mark after it: the
    original characters from its offset up to the next one's fold to it."""
    view = NormalizedView.of(text)
    for i in range(len(view.text)):
        piece = text[view.to_original(i):view.to_original(i + 1)]
        assert normalize(piece) == view.text[i], (text, i, piece)


@pytest.mark.parametrize("text", VARIED)
def test_view_characters_map_back_to_characters_that_fold_to_them(text):
    _check_view_maps_back(text)


def test_view_maps_back_on_random_strings():
    for text in _random_strings(300):
        _check_view_maps_back(text)


@pytest.mark.parametrize("text", VARIED)
def test_span_to_original_covers_exactly_the_original_characters(text):
    _check_spans(text)


def test_span_to_original_on_random_strings():
    for text in _random_strings(150, seed=7):
        _check_spans(text)


@pytest.mark.parametrize("text", VARIED)
def test_from_original_is_the_inverse_of_to_original_on_kept_characters(text):
    _check_from_original(text)


def test_from_original_on_random_strings():
    for text in _random_strings(300, seed=11):
        _check_from_original(text)


@pytest.mark.parametrize("text, needle", [
    ("قَصَفَتْ قوّاتُ النظامِ بلدةً", "قوات"),
    ("عناصر الـ47 في المدينة", "ال47"),
    ("مدينة\u00a0دير\u00a0الزور", "دير الزور"),
    ("مقتل ١٢ مدنياً", "12"),
    ("شبكة «عين الفرات»", '"عين الفرات"'),
])
def test_a_match_in_the_view_maps_to_the_written_original(text, needle):
    view = NormalizedView.of(text)
    start = view.text.index(needle)
    span = view.span_to_original(start, start + len(needle))
    assert normalize(span.of(text)) == needle
    assert not text[span.start].isspace() and fold_char(text[span.start])


# ---------------------------------------------------------------- decomposed (NFD) hamza and madda

NFD_CASES = ["أحمد", "إدلب", "آليات", "مسؤول", "رئيس", "شاطئ", "يقرأ", "الإيراني", "لؤلؤ"]


@pytest.mark.parametrize("word", NFD_CASES)
def test_decomposed_word_normalises_like_the_composed_one(word):
    nfd = unicodedata.normalize("NFD", word)
    assert nfd != word
    assert normalize(nfd) == normalize(word)
    assert NormalizedView.of(nfd).text == normalize(word)


def _random_nfd_strings(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    alphabet = ALPHABET + "\u0653\u0654\u0655" * 6 + "اويى" * 4
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 50))) for _ in range(n)]


@pytest.mark.parametrize("word", NFD_CASES)
def test_decomposed_word_view_maps_back(word):
    nfd = unicodedata.normalize("NFD", word)
    _check_view_slices_fold(nfd)
    _check_from_original(nfd)


def test_view_with_combining_hamza_maps_back_on_random_strings():
    for text in _random_nfd_strings(300, seed=5):
        view = NormalizedView.of(text)
        assert len(view.original_offsets) == len(view.text) + 1
        assert view.to_original(len(view.text)) == len(text)
        _check_view_slices_fold(text)
        _check_from_original(text)


@pytest.mark.parametrize("word", ["شاطئ", "يقرأ", "لؤلؤ", "مبادئ"])
def test_span_to_original_covers_a_final_combining_hamza(word):
    nfd = unicodedata.normalize("NFD", word)
    view = NormalizedView.of(nfd)
    span = view.span_to_original(0, len(view.text))
    assert span.of(nfd) == nfd


def test_empty_view_span_is_empty_and_at_the_mapped_position():
    view = NormalizedView.of("قوّات")
    assert view.span_to_original(2, 2) == Span(view.to_original(2), view.to_original(2))


if given is not None:
    @settings(max_examples=300, deadline=None)
    @given(st.text(alphabet=ALPHABET, max_size=40))
    def test_view_properties_hypothesis(text):
        _check_view_maps_back(text)
        _check_spans(text)
        _check_from_original(text)
