"""Numbers in Arabic text: digits, words, duals, vague quantities, ordinals."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from marsad.arabic.numbers import find_numbers, number_lexicon, parse_number, parse_ordinal
from marsad.config import DATA_DIR, Options
from marsad.errors import DataFileError


# --------------------------------------------------------------------------- parse_number

@pytest.mark.parametrize("text, value", [
    ("25", 25), ("٢٥", 25), ("۲۵", 25), ("١٥٠٠", 1500), ("1,500", 1500), ("1٬500", 1500),
])
def test_digits_in_every_script(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text, value", [
    ("واحد", 1), ("واحدة", 1), ("واحداً", 1),
    ("اثنان", 2), ("اثنين", 2), ("اثنتان", 2), ("اثنتين", 2), ("إثنان", 2),
    ("ثلاثة", 3), ("ثلاث", 3), ("أربعة", 4), ("أربع", 4), ("اربعة", 4), ("خمسة", 5), ("خمس", 5),
    ("ستة", 6), ("ست", 6), ("سبعة", 7), ("سبع", 7), ("ثمانية", 8), ("ثماني", 8), ("ثمان", 8),
    ("تسعة", 9), ("تسع", 9), ("عشرة", 10), ("عشر", 10),
])
def test_units_in_both_genders(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text, value", [
    ("أحد عشر", 11), ("إحدى عشرة", 11), ("اثنا عشر", 12), ("اثني عشر", 12), ("اثنتا عشرة", 12),
    ("ثلاثة عشر", 13), ("ثلاث عشرة", 13), ("خمسة عشر", 15), ("تسعة عشر", 19), ("تسع عشرة", 19),
])
def test_teens(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text, value", [
    ("عشرون", 20), ("عشرين", 20), ("ثلاثون", 30), ("أربعين", 40), ("خمسون", 50), ("ستين", 60),
    ("سبعون", 70), ("ثمانين", 80), ("تسعون", 90),
])
def test_tens(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text, value", [
    ("مئة", 100), ("مائة", 100), ("مئتان", 200), ("مئتين", 200), ("مائتين", 200),
    ("ثلاثمئة", 300), ("ثلاثمائة", 300), ("ثلاث مئة", 300), ("خمسمائة", 500), ("تسعمئة", 900),
])
def test_hundreds(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text, value", [
    ("ألف", 1000), ("ألفان", 2000), ("ألفين", 2000), ("ثلاثة آلاف", 3000), ("عشرة آلاف", 10000),
    ("مئة ألف", 100_000), ("خمسة وعشرين ألفاً", 25_000), ("مليون", 1_000_000), ("ثلاثة ملايين", 3_000_000),
    ("10 آلاف", 10_000), ("1.5 مليون", 1_500_000),
])
def test_thousands_and_millions(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text, value", [
    ("خمسة وعشرين", 25), ("خمس وعشرون", 25), ("اثنين وعشرين", 22), ("واحد وثلاثون", 31),
    ("مئة وخمسون", 150), ("مئة وخمسة وعشرون", 125), ("ثلاثمئة وأربعة", 304),
    ("ألف ومئتان وخمسون", 1250), ("ألفان وخمسمئة", 2500),
])
def test_compounds_joined_by_waw(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text, value", [
    ("وخمسة", 5), ("بخمسة", 5), ("لخمسة", 5), ("فثلاثة", 3), ("والخمسة", 5), ("بعشرين", 20), ("بمئة", 100),
])
def test_proclitics_are_removed(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["عنصران", "عنصرين", "سيارتان", "سيارتين", "العنصرين", "مدنيان", "امرأتان"])
def test_dual_of_a_counted_noun_is_two(text):
    assert parse_number(text) == 2


def test_dual_of_a_noun_whose_plural_looks_the_same_is_not_two():
    # مدنيين is "civilians" as often as "two civilians": only مدنيان counts
    assert parse_number("مدنيين") is None


def test_dual_nouns_given_by_the_caller():
    assert parse_number("حاجزين", dual_nouns=["حاجز"]) == 2
    assert parse_number("عنصرين", dual_nouns=["حاجز"]) is None


@pytest.mark.parametrize("text", [
    "الاثنين",      # Monday, not "the two"
    "الأحد",        # Sunday
    "بالمئة",       # per cent
    "لست",          # "I am not", not ل + ست
    "الخامس",       # an ordinal
    "عشرات",        # vague
    "عدة",          # vague
    "قتل خمسة",     # not one number expression
    "",
])
def test_not_a_number(text):
    assert parse_number(text) is None


def test_one_of_is_no_count_unless_asked():
    assert parse_number("أحد") is None
    assert parse_number("أحد", one_of=True) is None       # "أحد" needs the noun it counts
    assert parse_number("أحد قياديي", one_of=True) is None  # two words: not one number


def test_approximate_number_parses_to_its_value():
    assert parse_number("نحو 25") == 25


# --------------------------------------------------------------------------- find_numbers

def _found(text, **kw):
    return [(m.span.of(text), m.value, m.vague, m.approximate) for m in find_numbers(text, **kw)]


def test_counts_in_a_sentence_with_original_spans():
    text = "أدت الاشتباكات إلى إصابة أربعة عناصر من الحرس وعنصر واحد من الدفاع الوطني"
    assert _found(text) == [("أربعة", 4, None, False), ("واحد", 1, None, False)]


def test_number_after_its_noun():
    assert _found("قتل عنصرٌ واحدٌ") == [("واحدٌ", 1, None, False)]


def test_two_counts_joined_by_waw_stay_apart():
    assert [v for _, v, _, _ in _found("قتل أربعة عناصر وخمسة مدنيين")] == [4, 5]


@pytest.mark.parametrize("text, label", [
    ("أصيب عدد من العناصر", "some"),
    ("أرسلت عدداً من العناصر", "some"),
    ("عزز مقاره بعدد من العناصر", "some"),
    ("أصيب بعدة طلقات", "several"),
    ("منذ بضعة أيام", "several"),
    ("قتل عشرات المدنيين", "dozens"),
    ("مع العديد من القياديين", "many"),
    ("الكثير من الأسلحة", "many"),
    ("نزح مئات السكان", "hundreds"),
    ("نزح آلاف السكان", "thousands"),
    ("نزح عشرات الآلاف", "tens of thousands"),
])
def test_vague_quantity_keeps_what_the_text_said(text, label):
    (mention,) = find_numbers(text)
    assert mention.value is None and mention.vague == label and not mention.approximate


@pytest.mark.parametrize("text, marker", [
    ("وصل نحو 25 عنصراً", "نحو 25"),
    ("أرسلت حوالي 50 عنصراً", "حوالي 50"),
    ("قرابة الـ50 عنصراً", "قرابة الـ50"),
    ("قتل أكثر من عشرة", "أكثر من عشرة"),
    ("ما يقارب مئة عنصر", "ما يقارب مئة"),
    ("زهاء ألف مقاتل", "زهاء ألف"),
])
def test_approximation_marker_keeps_the_number(text, marker):
    (mention,) = find_numbers(text)
    assert mention.approximate and mention.value is not None
    assert mention.span.of(text) == marker


def test_approximate_vague_quantity():
    (m,) = find_numbers("أكثر من عشرات القتلى")
    assert m.approximate and m.vague == "dozens" and m.value is None


def test_nahw_without_a_number_is_a_preposition():
    assert find_numbers("توجه نحو المدينة") == []


def test_one_of_is_not_counted_by_default():
    assert find_numbers("محاولة اعتقال أحد قياديي الدفاع الوطني") == []


def test_one_of_is_counted_when_asked():
    text = "محاولة اعتقال أحد قياديي الدفاع الوطني"
    assert _found(text, one_of=True) == [("أحد", 1, None, False)]


def test_and_one_of_is_not_the_numeral_one():
    text = "حضر الاجتماع قادة الفصائل وأحد الأطباء"
    assert find_numbers(text) == []
    assert _found(text, one_of=True) == [("أحد", 1, None, False)]


def test_the_numeral_one_after_its_noun_stays_one():
    assert _found("قتل عنصر واحد من الفوج") == [("واحد", 1, None, False)]


def test_eleven_is_always_a_number():
    assert _found("قتل أحد عشر عنصراً") == [("أحد عشر", 11, None, False)]


def test_dual_noun_in_running_text():
    assert _found("وأصيب عنصرين من الفوج") == [("عنصرين", 2, None, False)]


def test_span_leaves_out_a_glued_conjunction_or_preposition():
    text = "قتل ثلاثة وأصيب بخمسة"
    assert [s for s, *_ in _found(text)] == ["ثلاثة", "خمسة"]


def test_spans_point_into_the_original_text_with_eastern_digits_and_no_break_spaces():
    text = "وصل\u00a0نحو\u00a0٢٥ عنصراً"
    (m,) = find_numbers(text)
    assert m.span.of(text) == "نحو\u00a0٢٥" and m.value == 25


@pytest.mark.parametrize("text", ["2021.02.24 | 19:54 دمشق", "في 24/2/2021", "بين 10-15 عنصراً", "2021-02-24"])
def test_dates_times_and_ranges_of_digits_are_not_counts(text):
    assert find_numbers(text) == []


def test_percent_word_is_not_a_hundred():
    assert [m.value for m in find_numbers("ارتفع 50 بالمئة")] == [50]


def test_no_number_runs_over_a_line_break():
    assert [m.value for m in find_numbers("قتل خمسة\nوعشرين جريحاً")] == [5, 20]


def test_unit_number_with_the_article():
    assert _found("الأطراف الثلاثة") == [("الثلاثة", 3, None, False)]


# --------------------------------------------------------------------------- ordinals

@pytest.mark.parametrize("word, value", [
    ("الأول", 1), ("الأولى", 1), ("أول", 1), ("الثاني", 2), ("الثانية", 2), ("الثالث", 3), ("الرابع", 4),
    ("الخامس", 5), ("الخامسة", 5), ("السادس", 6), ("السابع", 7), ("الثامن", 8), ("التاسع", 9), ("العاشر", 10),
    ("الحادي عشر", 11), ("الثاني عشر", 12), ("الخامس عشر", 15), ("التاسع عشر", 19), ("العشرين", 20),
    ("الحادي والعشرين", 21), ("الخامس والعشرين", 25), ("الثلاثين", 30), ("الحادي والثلاثين", 31),
])
def test_parse_ordinal(word, value):
    assert parse_ordinal(word) == value


@pytest.mark.parametrize("word", ["خمسة", "عشرين", "الخامس من", "الثلاثاء", "قيادي"])
def test_not_an_ordinal(word):
    assert parse_ordinal(word) is None


@pytest.mark.parametrize("text", ["الفيلق الخامس", "الحادي عشر من سبتمبر", "الذكرى الخامسة والعشرين"])
def test_ordinals_are_not_counts(text):
    assert find_numbers(text) == []


# --------------------------------------------------------------------------- data

def test_malformed_number_file_is_reported(tmp_path: Path):
    (tmp_path / "numbers.yaml").write_text("units: [1, 2]\n", encoding="utf-8")
    with pytest.raises(DataFileError):
        number_lexicon(Options(data_dir=tmp_path))


def test_vocabulary_comes_from_the_data_directory(tmp_path: Path):
    text = (DATA_DIR / "numbers.yaml").read_text(encoding="utf-8")
    (tmp_path / "numbers.yaml").write_text(text.replace("several: [عدة,", "several: [شوية, عدة,"), encoding="utf-8")
    lex = number_lexicon(Options(data_dir=tmp_path))
    assert [m.vague for m in find_numbers("شوية عناصر", lexicon=lex)] == ["several"]


def test_nothing_is_loaded_at_import():
    code = ("import marsad.arabic.numbers as n, marsad.arabic.dates as d; "
            "print(n._load_number_lexicon.cache_info().currsize, d._load_date_lexicon.cache_info().currsize)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["0", "0"]
