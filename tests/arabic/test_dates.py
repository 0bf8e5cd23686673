"""Dates in Arabic text: explicit, relative to an anchor, vague; publication dates; the stage."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from marsad.arabic.dates import (DateStage, date_lexicon, detect_published, find_dates, narrow_published)
from marsad.arabic.normalize import NormalizedView
from marsad.config import DATA_DIR, Options
from marsad.errors import DataFileError
from marsad.model import DateValue, Document, DocumentMeta, Span

D = dt.date
WED = DateValue.day(D(2021, 2, 24))      # a Wednesday
MON = DateValue.day(D(2021, 2, 22))      # a Monday
SEEDS = Path("/work/shared/corpus/seeds")


def only(text: str, anchor: DateValue | None = WED):
    """The one date mention of `text`."""
    found = find_dates(text, anchor)
    assert len(found) == 1, [(m.text, m.kind) for m in found]
    return found[0]


def days(text: str, anchor: DateValue | None = WED) -> tuple[dt.date, dt.date] | None:
    v = only(text, anchor).value
    return None if v is None else (v.min, v.max)


def day(text: str, anchor: DateValue | None = WED) -> dt.date | None:
    v = only(text, anchor).value
    assert v is None or v.is_day, v
    return None if v is None else v.value


# --------------------------------------------------------------------------- month names

MONTH_FORMS = [
    (1, ["يناير", "كانون الثاني", "كانون ثاني", "جانفي", "January"]),
    (2, ["فبراير", "شباط", "فيفري", "February"]),
    (3, ["مارس", "آذار", "اذار", "March"]),
    (4, ["أبريل", "ابريل", "إبريل", "نيسان", "أفريل", "افريل", "April"]),
    (5, ["مايو", "أيار", "ايار", "ماي", "May"]),
    (6, ["يونيو", "يونيه", "حزيران", "جوان", "June"]),
    (7, ["يوليو", "يوليه", "تموز", "جويلية", "يوليوز", "July"]),
    (8, ["أغسطس", "اغسطس", "آب", "أوت", "غشت", "August"]),
    (9, ["سبتمبر", "أيلول", "شتنبر", "September"]),
    (10, ["أكتوبر", "اكتوبر", "تشرين الأول", "تشرين الاول", "تشرين اول", "October"]),
    (11, ["نوفمبر", "تشرين الثاني", "تشرين ثاني", "نونبر", "November"]),
    (12, ["ديسمبر", "كانون الأول", "كانون اول", "دجنبر", "December"]),
]


@pytest.mark.parametrize("month, form", [(m, f) for m, forms in MONTH_FORMS for f in forms])
def test_every_month_name(month, form):
    assert day(f"وقع الهجوم في 15 {form} 2020", None) == D(2020, month, 15)


@pytest.mark.parametrize("form, weekday", [
    ("الاثنين", 0), ("الإثنين", 0), ("الأثنين", 0), ("الثلاثاء", 1), ("الأربعاء", 2), ("الاربعاء", 2),
    ("الخميس", 3), ("الجمعة", 4), ("الجمعه", 4), ("السبت", 5), ("الأحد", 6), ("الاحد", 6),
])
def test_every_weekday_name(form, weekday):
    sunday = DateValue.day(D(2021, 2, 28))
    d = day(f"قتل يوم {form}", sunday)
    assert d.weekday() == weekday and D(2021, 2, 22) <= d <= D(2021, 2, 28)


# --------------------------------------------------------------------------- explicit dates

@pytest.mark.parametrize("text", [
    "١٥ فبراير ٢٠٢١", "15 شباط 2021", "15 شباط/فبراير 2021", "15 فبراير (شباط) 2021", "15 شباط من عام 2021",
    "الخامس عشر من شباط 2021", "الاثنين، ١٥ فبراير ٢٠٢١", "February 15, 2021", "15 شباط 2021م",
    "2021.02.15", "15/2/2021", "2021-02-15", "15-02-2021", "2/15/2021", "١٥/٢/٢٠٢١",
])
def test_explicit_date(text):
    m = only(f"في {text} وقع الهجوم", None)
    assert m.kind == "absolute" and m.value.value == D(2021, 2, 15) and m.value.source == "text"


@pytest.mark.parametrize("text", ["2021.02.30", "31/4/2021"])
def test_impossible_date_is_no_date(text):
    assert find_dates(text, None) == []


def test_impossible_day_keeps_only_the_month():
    m = only("30 شباط 2021", None)
    assert m.text == "شباط 2021" and m.value.precision == "month"


@pytest.mark.parametrize("text", ["شباط 2021", "فبراير 2021", "شهر شباط من عام 2021"])
def test_month_and_year_is_the_month(text):
    m = only(f"خلال {text}", None)
    assert (m.value.min, m.value.max, m.value.precision) == (D(2021, 2, 1), D(2021, 2, 28), "month")


def test_year_alone_after_am():
    assert days("منذ عام 2019", None) == (D(2019, 1, 1), D(2019, 12, 31))


@pytest.mark.parametrize("text, expected", [
    ("20 شباط", D(2021, 2, 20)),      # earlier this month
    ("24 شباط", D(2021, 2, 24)),      # the anchor day itself
    ("3 آذار", D(2020, 3, 3)),        # not after the anchor: last year's
    ("الخامس من آذار", D(2020, 3, 5)),
    ("15 كانون الثاني", D(2021, 1, 15)),
])
def test_day_and_month_take_the_year_of_the_latest_occurrence(text, expected):
    m = only(text)
    assert m.kind == "partial" and m.value.value == expected


def test_day_and_month_without_anchor_is_unresolved():
    assert only("20 شباط", None).value is None


def test_29_february_waits_for_a_leap_year():
    assert day("29 شباط", DateValue.day(D(2023, 6, 1))) == D(2020, 2, 29)


@pytest.mark.parametrize("text, expected", [
    ("في آذار", (D(2020, 3, 1), D(2020, 3, 31))),
    ("في شباط", (D(2021, 2, 1), D(2021, 2, 28))),
    ("شباط الماضي", (D(2020, 2, 1), D(2020, 2, 29))),
    ("كانون الثاني الماضي", (D(2021, 1, 1), D(2021, 1, 31))),
    ("في شهر تموز", (D(2020, 7, 1), D(2020, 7, 31))),
    ("آذار المقبل", (D(2021, 3, 1), D(2021, 3, 31))),
])
def test_month_without_year(text, expected):
    assert days(text) == expected


def test_month_name_that_is_also_a_verb_needs_context():
    assert find_dates("مارس الحرس الثوري الضغط على الفصائل", WED) == []


# --------------------------------------------------------------------------- relative days

@pytest.mark.parametrize("text, offset", [
    ("اليوم", 0), ("أمس", -1), ("البارحة", -1), ("بالأمس", -1), ("يوم أمس", -1),
    ("أول أمس", -2), ("أول من أمس", -2), ("أمس الأول", -2), ("غداً", 1), ("بعد غد", 2),
    ("صباح اليوم", 0), ("فجر اليوم", 0), ("مساء أمس", -1), ("ليلة أمس", -1), ("ليلة البارحة", -1),
    ("وأمس", -1), ("ظهر غد الخميس", 1),
])
def test_relative_day(text, offset):
    m = only(f"قالت المصادر {text} إن", WED)
    assert m.kind == "relative" and m.value.value == WED.value + dt.timedelta(days=offset)


def test_future_day_is_still_a_date():
    m = only("يصل الوفد غداً إلى المدينة")
    assert m.text == "غداً" and m.kind == "relative" and m.value.value == D(2021, 2, 25)


@pytest.mark.parametrize("text", [
    "لليوم الثالث على التوالي", "ذلك اليوم", "اليوم الذي وصل فيه", "نقلت روسيا اليوم", "اليوم الخامس",
])
def test_the_day_in_general_is_not_today(text):
    assert find_dates(text, WED) == []


@pytest.mark.parametrize("text", ["في اليوم التالي", "اليوم نفسه"])
def test_the_next_or_same_day_with_no_day_told_before_stays_unknown(text):
    assert [m.value for m in find_dates(text, WED)] == [None]


@pytest.mark.parametrize("text, expected", [
    ("هاجم مسلحون الحاجز مساء الاثنين، وفي اليوم التالي استقدمت الميليشيا تعزيزات.", D(2021, 2, 23)),
    ("اندلعت اشتباكات في 12 شباط، وتجددت في اليوم نفسه مساءً.", D(2021, 2, 12)),
    ("قتل عنصران مساء الأحد، واستقدمت الميليشيا تعزيزات صباح اليوم التالي.", D(2021, 2, 22)),
    # (not from the day a source spoke, today: the day after it is still to come)
    ("قتل عنصران مساء الاثنين. وقال مصدر، اليوم الأربعاء، إن الطرفين اجتمعا في اليوم التالي.", D(2021, 2, 23)),
])
def test_the_next_day_counts_from_the_day_told_before(text, expected):
    assert find_dates(text, WED)[-1].value.value == expected
    assert _run(text, DocumentMeta(published=WED)).date_mentions[-1].value.value == expected


def test_relative_day_without_anchor_is_unresolved():
    m = only("اندلعت الاشتباكات أمس", None)
    assert m.kind == "relative" and m.value is None


def test_relative_day_over_a_range_anchor_is_a_range():
    anchor = DateValue.between(D(2021, 2, 15), D(2021, 2, 16))
    assert days("أمس", anchor) == (D(2021, 2, 14), D(2021, 2, 15))


@pytest.mark.parametrize("text, expected", [
    ("أمس الثلاثاء", D(2021, 2, 23)),      # fits: anchor - 1
    ("اليوم الأربعاء", D(2021, 2, 24)),    # fits: the anchor
    ("أمس الاثنين", D(2021, 2, 22)),       # written the day before: the Monday just before
    ("يوم أمس الثلاثاء", D(2021, 2, 23)),
])
def test_relative_day_with_its_weekday(text, expected):
    m = only(text)
    assert m.kind == "relative" and m.value.value == expected


def test_relative_day_with_weekday_picks_the_fitting_day_of_a_range_anchor():
    anchor = DateValue.between(D(2021, 2, 15), D(2021, 2, 16))      # Mon..Tue
    assert day("أمس الإثنين", anchor) == D(2021, 2, 15)


# --------------------------------------------------------------------------- weekdays

@pytest.mark.parametrize("text, expected", [
    ("الاثنين", D(2021, 2, 22)),                 # latest Monday on or before
    ("يوم الاثنين", D(2021, 2, 22)),
    ("الأربعاء", D(2021, 2, 24)),                # the anchor day is a Wednesday
    ("الأربعاء الماضي", D(2021, 2, 17)),         # strictly before
    ("يوم الأربعاء الفائت", D(2021, 2, 17)),
    ("الاثنين الماضي", D(2021, 2, 22)),
    ("الخميس المقبل", D(2021, 2, 25)),
    ("الأربعاء القادم", D(2021, 3, 3)),
    ("ليل الاثنين", D(2021, 2, 22)),             # the night of Monday: Monday's date
    ("ليلة الاثنين", D(2021, 2, 22)),
    ("فجر الثلاثاء", D(2021, 2, 23)),
    ("مساء الخميس", D(2021, 2, 18)),
    ("الاثنين قبل الماضي", D(2021, 2, 15)),
])
def test_weekday(text, expected):
    m = only(f"وقع الهجوم {text} في المدينة")
    assert m.kind == "weekday" and m.value.value == expected


def test_monday_past_is_strictly_before_a_monday_anchor():
    assert day("الاثنين الماضي", MON) == D(2021, 2, 15)
    assert day("الاثنين", MON) == D(2021, 2, 22)


def test_overnight_between_two_weekdays():
    assert days("ليل الاثنين - الثلاثاء") == (D(2021, 2, 22), D(2021, 2, 23))


@pytest.mark.parametrize("text", ["كلا الاثنين", "الاثنين معاً"])
def test_the_two_is_not_monday(text):
    assert find_dates(text, WED) == []


@pytest.mark.parametrize("text", ["أعيان سوق الثلاثاء", "في منطقة سوق الجمعة"])
def test_a_market_named_after_its_day_is_a_place(text):
    assert find_dates(text, WED) == []


def test_weekday_without_anchor_is_unresolved():
    m = only("ليل الاثنين", None)
    assert m.kind == "weekday" and m.value is None


# --------------------------------------------------------------------------- durations

@pytest.mark.parametrize("text, lo, hi", [
    ("قبل يوم", -1, -1),
    ("قبل يومين", -2, -2),
    ("منذ يومين", -2, -2),
    ("قبل ثلاثة أيام", -3, -3),
    ("قبل 3 أيام", -3, -3),
    ("قبل أسبوع", -8, -6),
    ("قبل أسبوعين", -16, -12),
    ("قبل شهر", -35, -25),
    ("قبل عدة أيام", -7, -2),
    ("قبل أيام", -7, -2),
    ("منذ بضعة أيام", -7, -2),
    ("منذ ساعات", -1, 0),
    ("قبل ساعتين", -1, 0),
])
def test_time_ago(text, lo, hi):
    m = only(f"وقع ذلك {text} في المدينة")
    assert m.kind == "relative"
    assert (m.value.min, m.value.max) == (WED.value + dt.timedelta(days=lo), WED.value + dt.timedelta(days=hi))


@pytest.mark.parametrize("text", [
    "قبل يومين من الهجوم",       # counted from another event
    "قبل عام 2011",              # "before 2011": the year is a date, not "a year ago"
    "قبل يوم الانتخابات",
])
def test_before_something_else_is_not_ago(text):
    assert all(m.text not in ("قبل يومين", "قبل عام", "قبل يوم") for m in find_dates(text, WED))
    assert all(not m.text.startswith("قبل") for m in find_dates(text, WED))


@pytest.mark.parametrize("text, lo, hi", [
    ("خلال اليومين الماضيين", -2, 0),
    ("خلال الأيام الماضية", -7, 0),
    ("خلال الأيام القليلة الماضية", -7, 0),
    ("في الأيام الأخيرة الماضية", -7, 0),
    ("خلال الأسبوع الماضي", -7, 0),
    ("الأسبوع الماضي", -13, -1),      # the calendar week before, whichever day weeks start on
    ("خلال الأسبوعين الماضيين", -14, 0),
    ("خلال الـ24 ساعة الماضية", -1, 0),
    ("خلال الأيام الثلاثة الماضية", -3, 0),
    ("هذا الأسبوع", -6, 0),
    ("الأسبوع المقبل", 1, 7),
])
def test_recent_period(text, lo, hi):
    m = only(text)
    assert (m.value.min, m.value.max) == (WED.value + dt.timedelta(days=lo), WED.value + dt.timedelta(days=hi))


@pytest.mark.parametrize("text, expected", [
    ("الشهر الماضي", (D(2021, 1, 1), D(2021, 1, 31))),
    ("الشهر الفائت", (D(2021, 1, 1), D(2021, 1, 31))),
    ("خلال الشهر الجاري", (D(2021, 2, 1), D(2021, 2, 28))),
    ("هذا الشهر", (D(2021, 2, 1), D(2021, 2, 28))),
    ("الشهر المقبل", (D(2021, 3, 1), D(2021, 3, 31))),
    ("العام الماضي", (D(2020, 1, 1), D(2020, 12, 31))),
    ("السنة الماضية", (D(2020, 1, 1), D(2020, 12, 31))),
    ("العام الجاري", (D(2021, 1, 1), D(2021, 12, 31))),
])
def test_calendar_month_and_year(text, expected):
    assert days(text) == expected


# --------------------------------------------------------------------------- parts of a month

@pytest.mark.parametrize("text, expected", [
    ("منتصف الشهر الجاري", (D(2021, 2, 11), D(2021, 2, 19))),
    ("منتصف الشهر الحالي", (D(2021, 2, 11), D(2021, 2, 19))),
    ("مطلع الشهر الجاري", (D(2021, 2, 1), D(2021, 2, 10))),
    ("بداية الشهر الجاري", (D(2021, 2, 1), D(2021, 2, 10))),
    ("أوائل الشهر الماضي", (D(2021, 1, 1), D(2021, 1, 10))),
    ("أواخر الشهر الجاري", (D(2021, 2, 20), D(2021, 2, 28))),
    ("نهاية الشهر الفائت", (D(2021, 1, 20), D(2021, 1, 31))),
    ("منتصف نوفمبر الفائت", (D(2020, 11, 11), D(2020, 11, 19))),
    ("منتصف تشرين الثاني الماضي", (D(2020, 11, 11), D(2020, 11, 19))),
    ("منتصف شباط", (D(2021, 2, 11), D(2021, 2, 19))),
    ("مطلع شهر آذار 2020", (D(2020, 3, 1), D(2020, 3, 10))),
    ("أواخر عام 2020", (D(2020, 10, 1), D(2020, 12, 31))),
    ("مطلع العام الجاري", (D(2021, 1, 1), D(2021, 3, 31))),
    # the month or the year alone is the current one
    ("مطلع العام", (D(2021, 1, 1), D(2021, 3, 31))),
    ("بداية الشهر", (D(2021, 2, 1), D(2021, 2, 10))),
    ("مطلع العام 2020", (D(2020, 1, 1), D(2020, 3, 31))),
])
def test_part_of_a_month_or_year(text, expected):
    m = only(text)
    assert m.kind == "month-part" and (m.value.min, m.value.max) == expected


def test_end_of_a_leap_february():
    assert days("أواخر الشهر الجاري", DateValue.day(D(2020, 2, 10))) == (D(2020, 2, 20), D(2020, 2, 29))


@pytest.mark.parametrize("text, expected", [
    ("الخامس من الشهر الجاري", D(2021, 2, 5)),
    ("الخامس من الجاري", D(2021, 2, 5)),
    ("العاشر من الشهر الماضي", D(2021, 1, 10)),
    ("الحادي والعشرين من الشهر الجاري", D(2021, 2, 21)),
    ("5 من الشهر الجاري", D(2021, 2, 5)),
])
def test_ordinal_day_of_a_relative_month(text, expected):
    assert day(text) == expected


def test_day_beyond_the_month_is_unresolved():
    assert only("الحادي والثلاثين من الشهر الجاري").value is None


# --------------------------------------------------------------------------- not dates

@pytest.mark.parametrize("text", [
    "وشهدت المدينة مؤخراً توتراً", "منذ بداية الثورة السورية", "في وقت سابق", "خلال الفترة الماضية",
    "بالأيام القادمة", "الأول من نوعه", "الفيلق الخامس", "الفوج 47", "خلال الآونة الأخيرة",
])
def test_too_vague_or_not_a_date(text):
    assert find_dates(text, WED) == []


# --------------------------------------------------------------------------- ranges

def test_range_between_two_expressions():
    m = only("الهجمات منذ منتصف نوفمبر الفائت وحتى الخامس من الشهر الجاري تجاوزت 17 هجمة",
             DateValue.day(D(2020, 12, 20)))
    assert m.kind == "range" and m.text == "منذ منتصف نوفمبر الفائت وحتى الخامس من الشهر الجاري"
    assert (m.value.min, m.value.max) == (D(2020, 11, 11), D(2020, 12, 5))


@pytest.mark.parametrize("text, expected", [
    ("بين 10 و15 شباط", (D(2021, 2, 10), D(2021, 2, 15))),
    ("من 10 إلى 15 شباط 2021", (D(2021, 2, 10), D(2021, 2, 15))),
    ("10-15 شباط", (D(2021, 2, 10), D(2021, 2, 15))),
    ("بين الاثنين والأربعاء", (D(2021, 2, 22), D(2021, 2, 24))),
    ("منذ الاثنين الماضي وحتى اليوم", (D(2021, 2, 22), D(2021, 2, 24))),
])
def test_range_of_days(text, expected):
    m = only(text)
    assert m.kind == "range" and (m.value.min, m.value.max) == expected


def test_absolute_range_needs_no_anchor():
    assert days("من 10 إلى 15 شباط 2021", None) == (D(2021, 2, 10), D(2021, 2, 15))


# --------------------------------------------------------------------------- spans and anchors

def test_spans_point_into_the_original_text():
    text = "وقالت\u00a0المصادر، أَمْسِ الثُّلاثاء، إن الاشتباكات بدأت يوم ١٥\u00a0شـباط ٢٠٢١."
    found = find_dates(text, WED)
    assert [m.text for m in found] == ["أَمْسِ الثُّلاثاء", "يوم ١٥\u00a0شـباط ٢٠٢١"]
    assert all(m.span.of(text) == m.text for m in found)


def test_no_expression_runs_over_a_line_break():
    assert [m.text for m in find_dates("قتل 15\nشباط 2021", None)] == ["شباط 2021"]


def test_a_given_view_is_used():
    text = "اندلعت الاشتباكات أمس"
    view = NormalizedView.of(text)
    assert find_dates(text, WED, view)[0].span == Span(18, 21)


def test_glued_conjunction_is_outside_the_span():
    assert only("وأمس قتل عنصر").text == "أمس"


def test_value_carries_expression_and_source():
    m = only("قتل أمس")
    assert m.value.expression == m.span and m.value.source == "relative:أمس"


def test_mention_can_be_resolved_against_another_anchor():
    m = only("خلال اليومين الماضيين", None)
    assert m.value is None
    v = m.resolve(DateValue.day(D(2021, 2, 15)))
    assert (v.min, v.max) == (D(2021, 2, 13), D(2021, 2, 15))


@pytest.mark.parametrize("text, expected", [
    ("قتل في 21 آذار (مارس) من العام الماضي", (D(2016, 3, 21), D(2016, 3, 21))),
    ("سيعقد في الخامس من آب من العام المقبل", (D(2018, 8, 5), D(2018, 8, 5))),
    # the year the text told last, not the publication's
    ("تحاصرها القوات منذ عام 2013، وشهدت في 21 آب من العام ذاته هجوماً", (D(2013, 8, 21), D(2013, 8, 21))),
])
def test_a_day_and_month_of_a_year_named_after_them(text, expected):
    m = find_dates(text, DateValue.day(D(2017, 5, 5)))[-1]
    assert (m.value.min, m.value.max) == expected


@pytest.mark.parametrize("text, expected", [
    ("تعرضت، فجر الأربعاء الثامن عشر من الشهر الجاري، لهجوم، وحقل كونيكو ليل التاسع عشر من الشهر ذاته", D(2023, 10, 19)),
    ("قصفت في 3 أيلول الماضي، ثم في 19 من الشهر نفسه", D(2023, 9, 19)),
])
def test_a_day_of_the_same_month_is_of_the_month_the_text_told_last(text, expected):
    assert find_dates(text, DateValue.day(D(2023, 10, 28)))[-1].value.value == expected


def test_the_same_month_with_no_month_told_is_no_date():
    assert find_dates("وقع في التاسع عشر من الشهر ذاته", DateValue.day(D(2023, 10, 28)))[0].value is None


def test_the_same_year_with_no_year_told_is_no_date():
    assert find_dates("وقع في 21 آب من العام ذاته", DateValue.day(D(2017, 5, 5)))[0].value is None


def test_no_anchor_means_no_date_for_anything_relative():
    text = "قتل أمس وقبل يومين ومنتصف الشهر الجاري والاثنين الماضي و15 شباط"
    assert [m.value for m in find_dates(text, None)] == [None] * 5


# --------------------------------------------------------------------------- publication date

@pytest.mark.parametrize("text, expected", [
    ("بعد فشل المفاوضات.. تعزيزات\n\n2021.02.24 | 19:54 دمشق\n\nأرسلت ميليشيا تعزيزات.", D(2021, 2, 24)),
    ("عنوان الخبر\nالأربعاء 24 شباط 2021\nنص الخبر", D(2021, 2, 24)),
    ("عنوان الخبر\n24 فبراير 2021 - 10:30 ص بتوقيت دمشق\nنص", D(2021, 2, 24)),
    ("عنوان الخبر\nنشر في: 24/02/2021 - 10:30\nنص", D(2021, 2, 24)),
    ("عنوان الخبر\nتاريخ النشر: الأربعاء، 24 فبراير 2021\nنص", D(2021, 2, 24)),
    ("عنوان الخبر\nآخر تحديث: 25 فبراير 2021\nنص", D(2021, 2, 25)),
    # a byline set off by a separator, and a Hijri date with a print issue's number
    ("عنوان الخبر\n\n24 شباط 2021 | خاص - ستيب الإخبارية\n\nنص", D(2021, 2, 24)),
    ("عنوان الخبر\nالأربعاء - 12 رجب 1442 هـ - 24 فبراير 2021 مـ رقم العدد [ 15430 ]\nنص", D(2021, 2, 24)),
])
def test_dateline(text, expected):
    v = detect_published(text, [])
    assert v.value == expected and v.source == "dateline"
    assert v.expression is not None and "2021" in v.expression.of(text)


def test_labelled_date_beats_an_update():
    text = "عنوان\nآخر تحديث: 25 فبراير 2021\nنشر في: 24 فبراير 2021\nنص"
    assert detect_published(text, []).value == D(2021, 2, 24)


@pytest.mark.parametrize("text", [
    "عنوان\nوقعت الاشتباكات في 15 شباط 2021 في مدينة البوكمال بين الطرفين.\nنص",
    "هجوم 15 شباط 2021\nنص",
    "عنوان\nقالت مصادر إن اشتباكات وقعت أمس الثلاثاء.",
    "\n".join(["سطر طويل فيه كلام كثير عن الأحداث الجارية في المنطقة"] * 30) + "\n24 شباط 2021",
    "عنوان\n24 شباط\nنص",           # no year: not a dateline
    "عنوان\nاندلعت اشتباكات في 15 شباط 2021 - واستمرت حتى ساعات الفجر\nنص",
])
def test_no_dateline(text):
    assert detect_published(text, []) is None


def test_embedded_posts_give_the_day_after_the_latest():
    text = ("نص الخبر\nتم النشر بواسطة عين الفرات في الاثنين، ١٥ فبراير ٢٠٢١\nنص آخر\n"
            "تم النشر بواسطة عين الفرات في الأحد، ١٤ فبراير ٢٠٢١\nنهاية")
    v = detect_published(text, [])
    assert (v.min, v.max, v.source) == (D(2021, 2, 15), D(2021, 2, 16), "embedded-post")


def test_embedded_tweet():
    v = detect_published("نص\n— عين الفرات (@EyeEuphrates) February 15, 2021\nنص", [])
    assert (v.min, v.max, v.source) == (D(2021, 2, 15), D(2021, 2, 16), "embedded-post")


def test_dateline_beats_embedded_posts():
    text = "عنوان\n2021.02.24 | 19:54\nنص\nتم النشر بواسطة شبكة في الاثنين، ١٥ فبراير ٢٠٢١"
    assert detect_published(text, []).source == "dateline"


def test_dateline_inside_a_larger_boilerplate_block_is_ignored():
    text = "عنوان\n2021.02.24 | 19:54 دمشق\nنص"
    assert detect_published(text, [Span(0, len(text))]) is None


def test_dateline_marked_as_boilerplate_on_its_own_still_counts():
    text = "عنوان\n2021.02.24 | 19:54 دمشق\nنص"
    assert detect_published(text, [Span(6, 29)]).value == D(2021, 2, 24)


def test_narrowing_a_publication_range_by_yesterday_and_weekday():
    published = DateValue.between(D(2021, 2, 15), D(2021, 2, 16), source="embedded-post")
    mentions = find_dates("اجتماع أمس الإثنين", None)
    narrowed = narrow_published(published, mentions)
    assert narrowed.value == D(2021, 2, 16) and narrowed.source == "embedded-post"


def test_no_narrowing_when_nothing_decides():
    published = DateValue.between(D(2021, 2, 15), D(2021, 2, 16))
    assert narrow_published(published, find_dates("اجتماع أمس", None)) is None


# --------------------------------------------------------------------------- the stage

def _run(text: str, meta: DocumentMeta | None = None, boilerplate: list[Span] | None = None) -> Document:
    doc = Document(doc_id="t", text=text, meta=meta or DocumentMeta(), boilerplate=boilerplate or [])
    doc.view = NormalizedView.of(text)
    DateStage(Options())(doc)
    return doc


def _seed(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def test_stage_declares_its_fields():
    assert DateStage.name == "dates"
    assert DateStage.requires == ("text", "view", "boilerplate")
    assert DateStage.provides == ("meta.published", "date_mentions")


def test_stage_loads_its_vocabulary_lazily():
    assert DateStage(Options())._lexicon is None


def test_stage_sets_publication_from_a_dateline():
    doc = _run("عنوان\n2021.02.24 | 19:54 دمشق\nقال مصدر اليوم الأربعاء إن اشتباكات وقعت أمس الثلاثاء.")
    assert doc.meta.published.value == D(2021, 2, 24) and doc.meta.published_source == "dateline"
    assert [m.value.value for m in doc.date_mentions] == [D(2021, 2, 24), D(2021, 2, 24), D(2021, 2, 23)]


def test_stage_keeps_metadata_publication_date():
    meta = DocumentMeta(published=DateValue.day(D(2021, 3, 1), source="metadata"), published_source="metadata")
    doc = _run("عنوان\n2021.02.24 | 19:54\nقتل أمس", meta)
    assert doc.meta.published.value == D(2021, 3, 1) and doc.meta.published_source == "metadata"
    assert doc.date_mentions[-1].value.value == D(2021, 2, 28)


def test_stage_narrows_embedded_posts_by_yesterday_and_weekday():
    doc = _run("اجتماع أمس الإثنين في المدينة\nتم النشر بواسطة شبكة في الاثنين، ١٥ فبراير ٢٠٢١")
    assert doc.meta.published.value == D(2021, 2, 16) and doc.meta.published_source == "embedded-post"
    assert doc.date_mentions[0].value.value == D(2021, 2, 15)


def test_stage_skips_mentions_in_boilerplate():
    text = "قتل أمس عنصر\nاقرأ أيضاً: اشتباكات يوم الاثنين"
    doc = _run(text, boilerplate=[Span(13, len(text))])
    assert [m.text for m in doc.date_mentions] == ["أمس"]


def test_stage_without_any_date_leaves_publication_unset():
    doc = _run("اندلعت اشتباكات أمس بين الطرفين")
    assert doc.meta.published is None and doc.date_mentions[0].value is None


def test_stage_uses_the_options_data_directory(tmp_path: Path):
    (tmp_path / "numbers.yaml").write_text((DATA_DIR / "numbers.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "months.yaml").write_text("months: {}\n", encoding="utf-8")
    doc = Document(doc_id="t", text="أمس", view=NormalizedView.of("أمس"))
    with pytest.raises(DataFileError):
        DateStage(Options(data_dir=tmp_path))(doc)


def test_malformed_month_file_is_reported(tmp_path: Path):
    (tmp_path / "numbers.yaml").write_text((DATA_DIR / "numbers.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "months.yaml").write_text("- a list\n", encoding="utf-8")
    with pytest.raises(DataFileError):
        date_lexicon(Options(data_dir=tmp_path))


# --------------------------------------------------------------------------- seeds (sanity check)

@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed corpus not available")
def test_seed_000_embedded_posts_and_yesterday_monday():
    doc = _run(_seed("000"))
    assert doc.meta.published_source == "embedded-post" and doc.meta.published.value == D(2021, 2, 16)
    meeting = next(m for m in doc.date_mentions if m.text == "أمس الإثنين")
    assert meeting.value.value == D(2021, 2, 15)


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed corpus not available")
def test_seed_001_dateline_and_relative_expressions():
    doc = _run(_seed("001"))
    assert doc.meta.published.value == D(2021, 2, 24) and doc.meta.published_source == "dateline"
    got = {m.text: (m.value.min, m.value.max) for m in doc.date_mentions}
    assert got["أمس الثلاثاء"] == (D(2021, 2, 23), D(2021, 2, 23))
    assert got["منتصف الشهر الجاري"] == (D(2021, 2, 11), D(2021, 2, 19))
    assert got["اليوم الأربعاء"] == (D(2021, 2, 24), D(2021, 2, 24))


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed corpus not available")
@pytest.mark.parametrize("prefix", ["002", "003", "004"])
def test_seeds_without_publication_date_resolve_nothing(prefix):
    doc = _run(_seed(prefix))
    assert doc.meta.published is None
    assert doc.date_mentions and all(m.value is None for m in doc.date_mentions)


@pytest.mark.parametrize("text, expected", [
    ("في الخامس من شهر شباط الجاري", D(2021, 2, 5)),                 # "of the month of"
    ("يوم السبت الموافق 20 شباط 2021", D(2021, 2, 20)),              # a weekday "falling on" a date
    ("الأحد الموافق 14 شباط", D(2021, 2, 14)),
    ("الاثنين 15 الجاري", D(2021, 2, 15)),                           # the current month, in figures
    ("في 7 الجاري", D(2021, 2, 7)),
])
def test_a_day_named_with_its_month_in_other_words(text, expected):
    assert day(text) == expected
