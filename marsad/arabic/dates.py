"""Dates in Arabic news text: explicit, relative to the publication day, or vague.

`find_dates` finds every date expression and resolves it against an anchor, the
article's publication date (one day, or a min..max range when only bounds are
known). Without an anchor only self-contained dates ("15 شباط 2021") resolve;
"أمس" stays None: a date is never invented and today's date is never used.

Matching runs on the normalised view (alef/hamza/ya variants, Eastern digits,
no-break spaces folded) and spans are reported in the original text. All
vocabulary is in data/months.yaml (numbers in words from data/numbers.yaml).

Choices for vague expressions (the day counts are in months.yaml):
- "قبل يومين" / "قبل ثلاثة أيام" / "منذ يومين": exactly 2 / 3 days before the anchor.
- "قبل أسبوع": 6-8 days before; "قبل شهر": 25-35; N units: N*unit +/- N*slack.
- "قبل عدة أيام" / "قبل أيام" / "منذ بضعة أيام": 7 to 2 days before the anchor.
- "خلال اليومين الماضيين": anchor-2 .. anchor; "خلال الأيام (القليلة) الماضية":
  anchor-7 .. anchor; "خلال الأسبوع الماضي": anchor-7 .. anchor; "الأسبوع الماضي"
  alone: anchor-7 .. anchor-1. "الشهر الماضي" / "العام الماضي": the calendar month / year.
- Parts of a month: مطلع/بداية/أوائل = days 1-10, منتصف/أواسط = 11-19, أواخر/نهاية
  = 20-end; of a year: months 1-3, 5-8, 10-12.
- A weekday alone ("الاثنين") is the latest such day on or before the anchor;
  "الاثنين الماضي" the latest strictly before it; "الاثنين المقبل" the next after.
  "ليل الاثنين" is Monday; "ليل الاثنين - الثلاثاء" Monday..Tuesday.
- "أمس الثلاثاء": anchor-1 if it is a Tuesday; otherwise the Tuesday among
  anchor-2 .. anchor (the article was written the day before it went out, or the
  anchor is off by one); with a range anchor, the days in it that fit.
- A day and month without a year: the latest such day not after the anchor. "من شهر"
  may stand between them ("الخامس من شهر أيار الجاري"), "الموافق" between a weekday and its
  date ("السبت الموافق 12 تشرين الأول 2019"), and "7 الجاري" is the 7th of the anchor's month.
  A month without a year ("في آذار", "منتصف نوفمبر"): the latest such month not
  after the anchor's; with الماضي/الفائت, the latest strictly before it.
- "مؤخراً", "في وقت سابق", "الفترة الماضية", "منذ بداية الثورة", "الأيام
  المقبلة" and durations counted from another event ("قبل يومين من الهجوم",
  "بعد يومين") are not dates and are skipped. Hijri months are not read.
- "منذ X وحتى Y", "من X إلى Y", "بين 10 و15 شباط" give one "range" mention.
"""
from __future__ import annotations

import bisect
import calendar
import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache, partial
from pathlib import Path
from typing import Callable, Iterable, Sequence

from marsad.arabic.normalize import NormalizedView
from marsad.arabic.tokenize import LINE_BREAK_RE
from marsad.arabic.numbers import (NumberLexicon, PhraseMatch, PhraseTable, WordToken, crosses_line, match_phrase,
                                   norm_words, number_at, number_lexicon, ordinal_at, original_span, word_tokens)
from marsad.config import DATA_DIR, Options, load_data_yaml
from marsad.errors import DataFileError
from marsad.model import DateValue, Document, Span

MONTHS_FILE = "months.yaml"
KINDS = ("absolute", "relative", "weekday", "month-part", "range", "partial")

# Where a dateline may stand: among the first lines of the page, before the body.
TOP_LINES = 15
TOP_CHARS = 1500
# Words besides the date a dateline may carry (a city, "دمشق"); with a label
# ("نشر في") an author's name may follow too.
DATELINE_EXTRA_WORDS = 2
# ... and in each part a separator sets off: an outlet or a byline
BYLINE_WORDS = 4
LABELLED_EXTRA_WORDS = 6
COMMAS = frozenset({",", "،"})
SEPARATORS = frozenset({"|", "-", "/", "•", "·", "‖"})
YEARS = (1900, 2100)
# "قبل N سنة" further back than this is history, not the date of a reported event.
MAX_AGO_DAYS = 100 * 366
# Calendar units back or forward by qualifier: "الشهر الماضي" -1, "الشهر قبل الماضي" -2.
QUALIFIER_OFFSET = {"past": -1, "past2": -2, "current": 0, "next": 1}
# the qualifier of a day and month followed by a year's: "21 آب من العام الماضي" ("of-year:past")
YEAR_QUALIFIER = "of-year:"
# Range anchors longer than this are not searched day by day for a weekday.
MAX_WEEKDAY_SEARCH = 62


# --------------------------------------------------------------------------- lexicon


@dataclass(frozen=True)
class DateLexicon:
    numbers: NumberLexicon
    months: PhraseTable[int]
    weekdays: PhraseTable[int]
    weekday_blocked_before: frozenset[str]
    weekday_blocked_after: frozenset[str]
    relative_days: PhraseTable[int]
    following_days: PhraseTable[int]
    today_blocked_after: frozenset[str]
    today_blocked_before: frozenset[str]
    day_parts: PhraseTable[bool]
    day_word: PhraseTable[bool]
    overnight_joiners: PhraseTable[bool]
    qualifiers: PhraseTable[str]
    current_before: PhraseTable[bool]
    period_fillers: PhraseTable[bool]
    units: dict[str, tuple[str, str]]          # form without article -> (unit, "one" | "two" | "many")
    unit_days: dict[str, int]
    ago: PhraseTable[bool]
    ago_blocked_after: frozenset[str]
    vague_count: PhraseTable[bool]
    vague_ago: dict[str, tuple[int, int]]
    ago_slack: dict[str, int]
    recent: dict[str, int]
    period_words: PhraseTable[bool]
    current_month_ellipsis: PhraseTable[bool]
    weekday_date_joiners: PhraseTable[bool]
    month_before: PhraseTable[bool]
    of: PhraseTable[bool]
    same_words: PhraseTable[bool]
    year_suffix: PhraseTable[bool]
    month_parts: PhraseTable[str]
    part_days: dict[str, tuple[int, int]]
    part_months: dict[str, tuple[int, int]]
    range_openers: PhraseTable[bool]
    range_joiners: PhraseTable[bool]
    published_labels: PhraseTable[bool]
    update_labels: PhraseTable[bool]
    dateline_words: frozenset[str]
    post_markers: tuple[str, ...]
    named_date_before: frozenset[str] = frozenset()
    triggers: frozenset[str] = frozenset()   # words that can start an expression (see _triggers)

    @cached_property
    def patterns_for(self) -> Callable[[str], tuple[Callable[[_Scanner, int], _Match | None], ...]]:
        """The scanner's patterns that can begin at a word token of this text (see
        `_patterns_for`), cached by the word."""
        return lru_cache(maxsize=50_000)(partial(_patterns_for, self))


def _table(items: Iterable[str]) -> PhraseTable[bool]:
    return PhraseTable((str(f), True) for f in items)


def _by_key(raw: dict) -> Iterable[tuple[str, int]]:
    return ((str(form), int(key)) for key, forms in raw.items() for form in forms)


def _words(items: Iterable[str]) -> frozenset[str]:
    return frozenset(w for f in items for w in norm_words(str(f)))


def build_date_lexicon(raw: dict, numbers: NumberLexicon) -> DateLexicon:
    """Build the lexicon from the parsed months.yaml (KeyError/TypeError/ValueError when malformed)."""
    units: dict[str, tuple[str, str]] = {}
    for unit, spec in raw["units"].items():
        for form_kind in ("one", "two", "many"):
            for form in spec[form_kind]:
                units[norm_words(form)[0]] = (str(unit), form_kind)
    parts = raw["month_parts"]
    pub = raw["published"]
    return DateLexicon(
        numbers=numbers,
        months=PhraseTable(_by_key(raw["months"])),
        weekdays=PhraseTable(_by_key(raw["weekdays"])),
        weekday_blocked_before=_words(raw.get("weekday_blocked_before", [])),
        weekday_blocked_after=_words(raw.get("weekday_blocked_after", [])),
        relative_days=PhraseTable(_by_key(raw["relative_days"])),
        following_days=PhraseTable(_by_key(raw.get("following_days", {}))),
        today_blocked_after=_words(raw.get("today_blocked_after", [])),
        today_blocked_before=_words(raw.get("today_blocked_before", [])),
        day_parts=_table(raw["day_parts"]),
        day_word=_table(raw["day_word"]),
        overnight_joiners=_table(raw["overnight_joiners"]),
        qualifiers=PhraseTable((str(f), str(q)) for q, forms in raw["qualifiers"].items() for f in forms),
        current_before=_table(raw["current_before"]),
        period_fillers=_table(raw.get("period_fillers", [])),
        units=units,
        unit_days={str(u): int(spec["days"]) for u, spec in raw["units"].items()},
        ago=_table(raw["ago"]),
        ago_blocked_after=_words(raw.get("ago_blocked_after", [])),
        vague_count=_table(raw["vague_count"]),
        vague_ago={str(u): (int(v[0]), int(v[1])) for u, v in raw["vague_ago"].items()},
        ago_slack={str(u): int(v) for u, v in raw["ago_slack"].items()},
        recent={str(u): int(v) for u, v in raw["recent"].items()},
        period_words=_table(raw["period_words"]),
        current_month_ellipsis=_table(raw.get("current_month_ellipsis", [])),
        weekday_date_joiners=_table(raw.get("weekday_date_joiners", [])),
        month_before=_table(raw["month_before"]),
        of=_table(raw["of"]),
        same_words=_table(raw.get("same_words", [])),
        year_suffix=_table(raw.get("year_suffix", [])),
        month_parts=PhraseTable((str(f), str(p)) for p, spec in parts.items() for f in spec["forms"]),
        part_days={str(p): (int(spec["days"][0]), int(spec["days"][1])) for p, spec in parts.items()},
        part_months={str(p): (int(spec["months"][0]), int(spec["months"][1])) for p, spec in parts.items()},
        range_openers=_table(raw["range_openers"]),
        range_joiners=_table(raw["range_joiners"]),
        published_labels=_table(pub["labels"]),
        update_labels=_table(pub.get("update_labels", [])),
        dateline_words=_words(pub.get("dateline_words", [])),
        post_markers=tuple(" ".join(norm_words(str(m))) for m in pub.get("embedded_post_markers", [])),
        named_date_before=_words(raw.get("named_date_before", [])),
    )


def _triggers(lex: DateLexicon) -> frozenset[str]:
    """Every word (proclitics and article removed or not) that can start a date
    expression: the scanner tries its patterns only there."""
    words: set[str] = set()
    for table in (lex.months, lex.weekdays, lex.relative_days, lex.following_days, lex.day_parts, lex.day_word, lex.ago,
                  lex.period_words, lex.current_before, lex.month_parts, lex.range_openers,
                  lex.month_before):
        words |= table.first_words
    n = lex.numbers
    words |= set(lex.units) | set(n.ordinals) | set(n.units) | set(n.tens) | set(n.teen_heads)
    words.add(n.article)
    return frozenset(words)


def _patterns_for(lex: DateLexicon, word: str) -> tuple[Callable[[_Scanner, int], _Match | None], ...]:
    """The patterns of `_Scanner.at` that can match at a token whose text is `word`, in `at`'s
    order. Each of the others first needs a word the token is not: a phrase of a table that
    neither the word nor one of its readings begins (what `match_phrase` checks first, in any
    clitic mode), a unit, an ordinal or digits. The scanner tries the patterns at every word
    that may start a date, and most start nothing there."""
    nlex = lex.numbers
    stems = nlex.stems(word) if word[:1].isalpha() else frozenset()

    def begins(*tables: PhraseTable) -> bool:
        return any(word in t.first_words or not t.first_words.isdisjoint(stems) for t in tables)

    digits = word[:1].isdigit()
    unit = not stems.isdisjoint(lex.units)
    day = digits or not stems.isdisjoint(nlex.ordinals) or not stems.isdisjoint(nlex.tens)   # `day`, `ordinal_at`
    can = {
        _Scanner.with_day_prefix: begins(lex.day_parts, lex.day_word),
        _Scanner.explicit: day or unit or begins(lex.months, lex.range_openers, lex.weekdays),
        _Scanner.relative_day: begins(lex.following_days, lex.relative_days),
        _Scanner.weekday: begins(lex.weekdays),
        _Scanner.relative_month_day: day,
        _Scanner.ago: begins(lex.ago),
        _Scanner.period: True,   # (a count, a unit, the article or a phrase of several tables)
        _Scanner.month_part: begins(lex.month_parts),
        _Scanner.year_alone: unit,
        _Scanner.bare_month: begins(lex.month_before),
    }
    return tuple(parse for parse, ok in can.items() if ok)


@lru_cache(maxsize=8)
def _load_date_lexicon(data_dir: str) -> DateLexicon:
    options = Options(data_dir=Path(data_dir))
    raw = load_data_yaml(MONTHS_FILE, options)
    try:
        lex = build_date_lexicon(raw, number_lexicon(options))
        return dataclasses.replace(lex, triggers=_triggers(lex))
    except (KeyError, TypeError, ValueError, AttributeError, IndexError) as e:
        raise DataFileError(str(Path(data_dir) / MONTHS_FILE), f"malformed date vocabulary ({e!r})") from None


def date_lexicon(options: Options | None = None) -> DateLexicon:
    """The date vocabulary of the options' data directory, loaded once."""
    return _load_date_lexicon(str(options.data_dir if options else DATA_DIR))


# --------------------------------------------------------------------------- expressions

Window = tuple[dt.date, dt.date]
Resolved = tuple[dt.date, dt.date, str]      # min, max, precision


def _month_end(y: int, m: int) -> int:
    return calendar.monthrange(y, m)[1]


def _month_window(y: int, m: int) -> Window | None:
    if not YEARS[0] <= y <= YEARS[1]:
        return None
    return dt.date(y, m, 1), dt.date(y, m, _month_end(y, m))


def _shift_month(y: int, m: int, offset: int) -> tuple[int, int]:
    n = y * 12 + (m - 1) + offset
    return n // 12, n % 12 + 1


def _days(lo: dt.date, hi: dt.date) -> Iterable[dt.date]:
    d = lo
    while d <= hi:
        yield d
        d += dt.timedelta(days=1)


class DateExpr:
    """What a date expression means, before it meets an anchor.

    Anchored expressions give the window of days they denote for one anchor day;
    over an anchor range the windows of its first and last day are joined (every
    rule here moves forward with the anchor, so the days in between add nothing).
    """

    precision = "day"
    absolute = False

    def fixed(self) -> Window | None:
        """The days of an absolute expression."""
        return None

    def window(self, day: dt.date) -> Window | None:
        raise NotImplementedError

    def resolve(self, anchor: DateValue | None) -> Resolved | None:
        if self.absolute:
            w = self.fixed()
            return (w[0], w[1], self.precision) if w else None
        if anchor is None or anchor.min is None or anchor.max is None:
            return None
        a, b = self.window(anchor.min), self.window(anchor.max)
        if a is None or b is None:
            return None
        return min(a[0], b[0]), max(a[1], b[1]), self.precision


@dataclass(frozen=True)
class FullDate(DateExpr):
    day: dt.date
    absolute = True

    def fixed(self) -> Window:
        return self.day, self.day


@dataclass(frozen=True)
class MonthOfYear(DateExpr):
    year: int
    month: int
    absolute = True
    precision = "month"

    def fixed(self) -> Window | None:
        return _month_window(self.year, self.month)

    def month_on(self, day: dt.date | None) -> tuple[int, int]:
        return self.year, self.month


@dataclass(frozen=True)
class YearOnly(DateExpr):
    year: int
    absolute = True
    precision = "range"

    def fixed(self) -> Window:
        return dt.date(self.year, 1, 1), dt.date(self.year, 12, 31)

    def year_on(self, day: dt.date | None) -> int:
        return self.year


def _year_for_month(month: int, qualifier: str | None, day: dt.date) -> int:
    """The year of a named month seen from `day`, by its qualifier."""
    if qualifier == "current":
        return day.year
    if qualifier == "next":
        return day.year if month > day.month else day.year + 1
    if qualifier in ("past", "past2"):
        y = day.year if month < day.month else day.year - 1
        return y - 1 if qualifier == "past2" else y
    return day.year if month <= day.month else day.year - 1     # latest not after


@dataclass(frozen=True)
class NamedMonth(DateExpr):
    month: int
    qualifier: str | None = None
    precision = "month"

    def month_on(self, day: dt.date) -> tuple[int, int]:
        return _year_for_month(self.month, self.qualifier, day), self.month

    def window(self, day: dt.date) -> Window | None:
        return _month_window(*self.month_on(day))


@dataclass(frozen=True)
class DayOfMonth(DateExpr):
    """A day and month without a year: the latest such day not after the anchor; with
    `year_offset`, of the year so far from the anchor's ("21 آب من العام الماضي")."""

    month: int
    day: int
    qualifier: str | None = None
    year_offset: int | None = None

    def window(self, day: dt.date) -> Window | None:
        if self.year_offset is not None:
            try:
                d = dt.date(day.year + self.year_offset, self.month, self.day)
            except ValueError:
                return None
            return d, d
        step = 1 if self.qualifier == "next" else -1
        y = day.year
        for _ in range(9):      # 29 February waits for a leap year
            try:
                d = dt.date(y, self.month, self.day)
            except ValueError:
                d = None
            if d is not None:
                if self.qualifier == "current":
                    return d, d
                ok = (d > day if self.qualifier == "next" else
                      d < day if self.qualifier in ("past", "past2") else d <= day)
                if ok:
                    return d, d
            y += step
        return None


@dataclass(frozen=True)
class RelMonth(DateExpr):
    offset: int
    precision = "month"

    def month_on(self, day: dt.date) -> tuple[int, int]:
        return _shift_month(day.year, day.month, self.offset)

    def window(self, day: dt.date) -> Window | None:
        return _month_window(*self.month_on(day))


@dataclass(frozen=True)
class RelMonthDay(DateExpr):
    """"الخامس من الشهر الجاري": a day of a month named relative to the anchor."""

    offset: int
    day: int

    def window(self, day: dt.date) -> Window | None:
        y, m = _shift_month(day.year, day.month, self.offset)
        if not 1 <= self.day <= _month_end(y, m):
            return None
        d = dt.date(y, m, self.day)
        return d, d


@dataclass(frozen=True)
class MonthPart(DateExpr):
    ref: MonthOfYear | NamedMonth | RelMonth
    first: int
    last: int
    precision = "range"

    @property
    def absolute(self) -> bool:      # type: ignore[override]
        return self.ref.absolute

    def _part(self, y: int, m: int) -> Window | None:
        if not YEARS[0] <= y <= YEARS[1]:
            return None
        return dt.date(y, m, self.first), dt.date(y, m, min(self.last, _month_end(y, m)))

    def fixed(self) -> Window | None:
        return self._part(*self.ref.month_on(None)) if isinstance(self.ref, MonthOfYear) else None

    def window(self, day: dt.date) -> Window | None:
        return self._part(*self.ref.month_on(day))


@dataclass(frozen=True)
class RelYear(DateExpr):
    offset: int
    precision = "range"

    def year_on(self, day: dt.date) -> int:
        return day.year + self.offset

    def window(self, day: dt.date) -> Window:
        y = self.year_on(day)
        return dt.date(y, 1, 1), dt.date(y, 12, 31)


@dataclass(frozen=True)
class YearPart(DateExpr):
    ref: YearOnly | RelYear
    first_month: int
    last_month: int
    precision = "range"

    @property
    def absolute(self) -> bool:      # type: ignore[override]
        return self.ref.absolute

    def _part(self, y: int) -> Window:
        return dt.date(y, self.first_month, 1), dt.date(y, self.last_month, _month_end(y, self.last_month))

    def fixed(self) -> Window | None:
        return self._part(self.ref.year) if isinstance(self.ref, YearOnly) else None

    def window(self, day: dt.date) -> Window:
        return self._part(self.ref.year_on(day))


@dataclass(frozen=True)
class RelDays(DateExpr):
    """Days counted from the anchor: "أمس" (-1, -1), "قبل عدة أيام" (-7, -2)."""

    lo: int
    hi: int
    span_precision: str = "range"

    @property
    def precision(self) -> str:      # type: ignore[override]
        return "day" if self.lo == self.hi else self.span_precision

    def window(self, day: dt.date) -> Window | None:
        try:
            return day + dt.timedelta(days=self.lo), day + dt.timedelta(days=self.hi)
        except OverflowError:          # "قبل ألف عام" from an early anchor: no calendar day
            return None


@dataclass(frozen=True)
class FollowingDay(DateExpr):
    """"في اليوم التالي" (1), "في اليوم نفسه" (0): counted from the day the text told last, not
    from the anchor. `find_dates` resolves it against the last mention with a known day."""

    offset: int

    def resolve(self, anchor: DateValue | None) -> Resolved | None:
        return None    # the publication day is not the day the text speaks of

    def after(self, told: DateValue, span: Span) -> DateValue | None:
        if told.value is None:
            return None
        day = told.value + dt.timedelta(days=self.offset)
        return DateValue.day(day, expression=span, source=f"after:{told.value.isoformat()}")


@dataclass(frozen=True)
class DayOfSameYear(DateExpr):
    """"21 آب من العام ذاته": a day of the year the text told last (`find_dates` resolves it
    against the last mention that lies within one year), not of the anchor's."""

    month: int
    day: int

    def resolve(self, anchor: DateValue | None) -> Resolved | None:
        return None

    def within(self, told: DateValue, span: Span) -> DateValue | None:
        try:
            day = dt.date(told.min.year, self.month, self.day)     # type: ignore[union-attr]
        except ValueError:
            return None
        return DateValue.day(day, expression=span, source=f"same-year:{day.year}")


@dataclass(frozen=True)
class DayOfSameMonth(DateExpr):
    """"التاسع عشر من الشهر ذاته": a day of the month the text told last (`find_dates` resolves it
    against the last mention that lies within one month), not of the anchor's."""

    day: int

    def resolve(self, anchor: DateValue | None) -> Resolved | None:
        return None

    def within(self, told: DateValue, span: Span) -> DateValue | None:
        try:
            day = dt.date(told.min.year, told.min.month, self.day)     # type: ignore[union-attr]
        except ValueError:
            return None
        return DateValue.day(day, expression=span, source=f"same-month:{day:%Y-%m}")


@dataclass(frozen=True)
class Weekday(DateExpr):
    weekday: int                   # Monday = 0
    mode: str = "latest"           # "latest" (on or before), "past" (strictly before), "past2", "next"
    overnight: bool = False        # "ليل الاثنين - الثلاثاء": the day and the next

    @property
    def precision(self) -> str:      # type: ignore[override]
        return "range" if self.overnight else "day"

    def window(self, day: dt.date) -> Window:
        wd = day.weekday()
        if self.mode == "next":
            d = day + dt.timedelta(days=(self.weekday - wd - 1) % 7 + 1)
        elif self.mode in ("past", "past2"):
            d = day - dt.timedelta(days=(wd - self.weekday - 1) % 7 + 1)
            if self.mode == "past2":
                d -= dt.timedelta(days=7)
        else:
            d = day - dt.timedelta(days=(wd - self.weekday) % 7)
        return d, d + dt.timedelta(days=1 if self.overnight else 0)


@dataclass(frozen=True)
class RelDayWeekday(DateExpr):
    """"أمس الثلاثاء", "اليوم الأربعاء": a relative day that names its weekday."""

    offset: int
    weekday: int

    def candidates(self, anchor: DateValue, widen: int = 0) -> list[dt.date]:
        lo = anchor.min + dt.timedelta(days=self.offset - widen)
        hi = anchor.max + dt.timedelta(days=self.offset + widen)
        if (hi - lo).days > MAX_WEEKDAY_SEARCH:
            return []
        return [d for d in _days(lo, hi) if d.weekday() == self.weekday]

    def resolve(self, anchor: DateValue | None) -> Resolved | None:
        if anchor is None or anchor.min is None or anchor.max is None:
            return None
        # the days that fit; else one day either side (written the evening before,
        # or the anchor off by one); else the weekday is ignored
        for widen in (0, 1):
            days = self.candidates(anchor, widen)
            if days:
                return days[0], days[-1], "day" if len(days) == 1 else "range"
        lo = anchor.min + dt.timedelta(days=self.offset)
        hi = anchor.max + dt.timedelta(days=self.offset)
        return lo, hi, "day" if lo == hi else "range"

    def publication_days(self, published: DateValue) -> list[dt.date]:
        """The days of a publication range on which this expression's weekday fits."""
        if published.min is None or published.max is None:
            return []
        if (published.max - published.min).days > MAX_WEEKDAY_SEARCH:
            return []
        return [p for p in _days(published.min, published.max)
                if (p + dt.timedelta(days=self.offset)).weekday() == self.weekday]


@dataclass(frozen=True)
class RangeExpr(DateExpr):
    first: DateExpr
    last: DateExpr
    precision = "range"

    @property
    def absolute(self) -> bool:      # type: ignore[override]
        return self.first.absolute and self.last.absolute

    def resolve(self, anchor: DateValue | None) -> Resolved | None:
        a, b = self.first.resolve(anchor), self.last.resolve(anchor)
        if a is None or b is None:
            return None
        return min(a[0], b[0]), max(a[1], b[1]), "range"


# --------------------------------------------------------------------------- scanner


@dataclass(frozen=True, slots=True)
class _Match:
    start: int            # token indices
    end: int
    prefix: int           # proclitic characters in the first token, outside the span
    conj: bool            # the first token carried و / ف
    kind: str
    expr: DateExpr


class _Scanner:
    """Date expressions over the word tokens of a normalised text."""

    def __init__(self, view_text: str, lex: DateLexicon):
        self.lex = lex
        self.nlex = lex.numbers
        self.toks: Sequence[WordToken] = word_tokens(view_text)

    # -- small helpers

    def text(self, k: int) -> str:
        return self.toks[k].text if 0 <= k < len(self.toks) else ""

    def ph(self, table: PhraseTable, k: int, clitics: str = "none") -> PhraseMatch | None:
        return match_phrase(self.toks, k, table, self.nlex, clitics) if k < len(self.toks) else None

    def qualifier(self, k: int) -> tuple[str, int] | None:
        q = self.ph(self.lex.qualifiers, k)
        return (q.value, q.end) if q else None

    def unit(self, k: int, article: bool | None) -> tuple[str, str, int] | None:
        """(unit, form, end) of a unit word at k; article True/False to require it or not, None: either."""
        if k >= len(self.toks) or not self.toks[k].is_word:
            return None
        for r in self.nlex.readings(self.toks[k].text):
            if r.prefix or (article is not None and r.article != article):
                continue
            if r.stem in self.lex.units:
                u, form = self.lex.units[r.stem]
                return u, form, k + 1
        return None

    def digits(self, k: int, lo: int, hi: int, width: tuple[int, ...]) -> int | None:
        t = self.text(k)
        if t.isdigit() and len(t) in width and lo <= int(t) <= hi:
            return int(t)
        return None

    def day(self, k: int) -> tuple[int, int, int] | None:
        """(day of month, end, prefix): "15", "الخامس", "الحادي والعشرين"."""
        d = self.digits(k, 1, 31, (1, 2))
        if d is not None:
            return d, k + 1, 0
        o = ordinal_at(self.toks, k, self.nlex)
        if o is not None and 1 <= o[0] <= 31:
            return o
        return None

    def month(self, k: int, clitics: str = "none") -> tuple[int, int, int] | None:
        """(month, end, prefix), with an alternative name after / or in brackets: "شباط/فبراير"."""
        m = self.ph(self.lex.months, k, clitics)
        if m is None:
            return None
        end = m.end
        if self.text(end) in ("/", "(", "-"):
            alt = self.ph(self.lex.months, end + 1)
            if alt is not None:
                end = alt.end + (1 if self.text(end) == "(" and self.text(alt.end) == ")" else 0)
        return m.value, end, m.prefix

    def year(self, k: int, need_word: bool = False) -> tuple[int, int] | None:
        """(year, end): "2021", ", 2021", "من عام 2021", "2021م"."""
        j = k + 1 if self.text(k) in COMMAS else k
        of = self.ph(self.lex.of, j)
        j = of.end if of else j
        unit = self.unit(j, None)
        if unit is not None and unit[0] == "year" and unit[1] == "one":
            j = unit[2]
        elif need_word:
            return None
        y = self.digits(j, YEARS[0], YEARS[1], (4,))
        if y is None:
            return None
        j += 1
        suffix = self.ph(self.lex.year_suffix, j)
        # "2021م" glued, or "2021 م" closing the phrase; a word after a lone م is its own
        if suffix is not None and (self.toks[j].start == self.toks[j - 1].end
                                   or not self.text(suffix.end)[:1].isalpha()):
            j = suffix.end
        return y, j

    def unit_rel(self, k: int, unit: str, bare: bool = False) -> tuple[int, int] | None:
        """(offset, end) of a calendar unit named from the anchor: "الشهر الجاري" 0,
        "الشهر الماضي" -1, "هذا الشهر" 0, "العام المقبل" +1; with `bare`, the unit alone is the
        current one ("منذ مطلع العام"), unless a number names it ("مطلع العام 2020")."""
        cur = self.ph(self.lex.current_before, k)
        u = self.unit(cur.end if cur else k, True)
        if u is None or u[0] != unit or u[1] != "one":
            return None
        if cur is not None:
            return 0, u[2]
        q = self.qualifier(u[2])
        if q is None and bare and not (u[2] < len(self.toks) and self.toks[u[2]].is_digits):
            return 0, u[2]
        return (QUALIFIER_OFFSET[q[0]], q[1]) if q else None

    def month_rel(self, k: int, bare: bool = False) -> tuple[int, int] | None:
        return self.unit_rel(k, "month", bare)

    def year_rel(self, k: int, bare: bool = False) -> tuple[int, int] | None:
        return self.unit_rel(k, "year", bare)

    # -- patterns; each returns a _Match starting at token i, or None

    def numeric(self, i: int) -> _Match | None:
        """"2021.02.24", "24/2/2021", "2021-02-24"; "10-15 شباط" is a range of days."""
        t = self.text(i)
        m = _numeric_re().fullmatch(t)
        if m:
            a, b, c = m.group(1), m.group(3), m.group(4)
            if len(a) == 4:
                y, mo, d = int(a), int(b), int(c)
            elif len(c) == 4:
                y, mo, d = int(c), int(b), int(a)
                if mo > 12 and d <= 12:          # month first (US style)
                    mo, d = d, mo
            else:
                return None
            try:
                day = dt.date(y, mo, d)
            except ValueError:
                return None
            if not YEARS[0] <= y <= YEARS[1]:
                return None
            return _Match(i, i + 1, 0, False, "absolute", FullDate(day))
        m = _day_range_re().fullmatch(t)
        if m:
            tail = self.month_tail(i + 1)
            if tail is not None:
                d1, d2 = int(m.group(1)), int(m.group(2))
                expr = self.range_of_days(d1, d2, tail[0], tail[1], tail[2])
                if expr is not None:
                    return _Match(i, tail[3], 0, False, "range", expr)
        return None

    def month_tail(self, k: int) -> tuple[int, int | None, str | None, int] | None:
        """(month, year, qualifier, end) of "[من] شباط [2021 | الماضي]" after a day."""
        of = self.ph(self.lex.of, k)
        j = of.end if of else k
        word = self.unit(j, False)
        if word is not None and word[0] == "month" and word[1] == "one":
            j = word[2]   # "في الخامس من شهر أيار الجاري"
        mo = self.month(j)
        if mo is None:
            return None
        month, end, _ = mo
        y = self.year(end)
        if y is not None:
            return month, y[0], None, y[1]
        q = self.qualifier(end)
        if q is not None:
            return month, None, q[0], q[1]
        of_year = self.of_year(end)
        if of_year is not None:
            return month, None, f"{YEAR_QUALIFIER}{of_year[0]}", of_year[1]
        return month, None, None, end

    def of_year(self, k: int) -> tuple[str, int] | None:
        """(qualifier or "same", end) of "من العام الماضي", "من العام ذاته" after a month."""
        of = self.ph(self.lex.of, k)
        word = self.unit(of.end, True) if of else None
        if word is None or word[0] != "year" or word[1] != "one":
            return None
        q = self.qualifier(word[2])
        if q is not None:
            return q
        same = self.ph(self.lex.same_words, word[2])
        return ("same", same.end) if same else None

    @staticmethod
    def day_expr(month: int, day: int, year: int | None, qualifier: str | None) -> DateExpr | None:
        if year is not None:
            try:
                return FullDate(dt.date(year, month, day))
            except ValueError:
                return None
        if day > calendar.monthrange(2000, month)[1]:     # 2000: a leap year
            return None
        if qualifier is not None and qualifier.startswith(YEAR_QUALIFIER):
            of_year = qualifier[len(YEAR_QUALIFIER):]
            if of_year == "same":
                return DayOfSameYear(month, day)
            return DayOfMonth(month, day, year_offset=QUALIFIER_OFFSET[of_year])
        return DayOfMonth(month, day, qualifier)

    def range_of_days(self, d1: int, d2: int, month: int, year: int | None,
                      qualifier: str | None) -> DateExpr | None:
        if d1 >= d2:
            return None
        a = self.day_expr(month, d1, year, qualifier)
        b = self.day_expr(month, d2, year, qualifier)
        return RangeExpr(a, b) if a and b else None

    def explicit(self, i: int) -> _Match | None:
        """Dates that name their month: "الأربعاء 24 شباط 2021", "15 شباط", "شباط 2021",
        "February 15, 2021", "شهر آذار الماضي", "بين 10 و15 شباط"."""
        cands = [self.numeric(i), self._day_month(i), self._month_first(i)]
        # "بين 10 و15 شباط": the opener belongs to a range of days
        opener = self.ph(self.lex.range_openers, i, "conj")
        if opener is not None:
            m = self._day_month(opener.end)
            if m is not None and m.kind == "range":
                cands.append(_Match(i, m.end, opener.prefix, opener.conj, "range", m.expr))
        # a weekday in front belongs to the date: "الاثنين، ١٥ فبراير ٢٠٢١"
        wd = self.ph(self.lex.weekdays, i, "conj")
        if wd is not None:
            k = wd.end + (1 if self.text(wd.end) in COMMAS else 0)
            joiner = self.ph(self.lex.weekday_date_joiners, k)
            k = joiner.end if joiner else k   # "السبت الموافق 12 تشرين الأول 2019"
            inner = _longest([self.numeric(k), self._day_month(k), self._month_first(k), self.relative_month_day(k)])
            if inner is not None and isinstance(inner.expr, (FullDate, DayOfMonth, RelMonthDay)):
                cands.append(_Match(i, inner.end, wd.prefix, wd.conj, inner.kind, inner.expr))
        return _longest(cands)

    def _day_month(self, k: int) -> _Match | None:
        d = self.day(k)
        if d is None:
            return None
        day, j, prefix = d
        # a range of days: "10 و15 شباط", "10 إلى 15 شباط", "10 - 15 شباط"
        joiner = self.ph(self.lex.range_joiners, j, "none")
        if joiner is not None and self.toks[k].is_digits:
            d2 = self.day(joiner.end)
            if d2 is not None and self.toks[joiner.end].is_digits:
                tail = self.month_tail(d2[1])
                if tail is not None:
                    expr = self.range_of_days(day, d2[0], tail[0], tail[1], tail[2])
                    if expr is not None:
                        return _Match(k, tail[3], prefix, prefix > 0, "range", expr)
        tail = self.month_tail(j)
        if tail is None:
            return None
        month, year, qualifier, end = tail
        expr = self.day_expr(month, day, year, qualifier)
        if expr is None:
            return None
        return _Match(k, end, prefix, prefix > 0, "absolute" if year else "partial", expr)

    def _month_first(self, i: int) -> _Match | None:
        """A match that starts with the month (or "شهر" + month)."""
        k = i
        word = self.unit(i, False)
        has_word = False
        prefix, conj = 0, False
        if word is not None and word[0] == "month" and word[1] == "one":
            k, has_word = word[2], True
        mo = self.month(k, "none" if has_word else "conj")
        if mo is None:
            return None
        month, end, mprefix = mo
        if not has_word:
            prefix, conj = mprefix, mprefix > 0
        # English order: "February 15, 2021"
        d = self.digits(end, 1, 31, (1, 2))
        if d is not None:
            y = self.year(end + 1)
            expr = self.day_expr(month, d, y[0], None) if y else None
            if y and expr is not None:
                return _Match(i, y[1], prefix, conj, "absolute", expr)
        y = self.year(end)
        if y is not None:
            return _Match(i, y[1], prefix, conj, "absolute", MonthOfYear(y[0], month))
        q = self.qualifier(end)
        if q is not None:
            return _Match(i, q[1], prefix, conj, "partial", NamedMonth(month, q[0]))
        if has_word:
            return _Match(i, end, prefix, conj, "partial", NamedMonth(month))
        return None

    def bare_month(self, i: int) -> _Match | None:
        """"في آذار", "منذ نيسان": a month name alone needs a preposition before it."""
        before = self.ph(self.lex.month_before, i, "conj")
        if before is None:
            return None
        k = before.end
        m = self._month_first(k)
        if m is not None:
            return m
        mo = self.month(k)
        if mo is None:
            return None
        return _Match(k, mo[1], 0, False, "partial", NamedMonth(mo[0]))

    def relative_day(self, i: int, clitics: str = "conj") -> _Match | None:
        """"اليوم", "أمس", "أول من أمس", "غداً", and "أمس الثلاثاء"."""
        following = self.ph(self.lex.following_days, i, clitics)
        if following is not None:
            return _Match(i, following.end, following.prefix, following.conj, "relative", FollowingDay(following.value))
        rel = self.ph(self.lex.relative_days, i, clitics)
        if rel is None:
            return None
        offset = rel.value
        wd = self.ph(self.lex.weekdays, rel.end)
        if wd is not None:
            return _Match(i, wd.end, rel.prefix, rel.conj, "relative", RelDayWeekday(offset, wd.value))
        if offset == 0:
            # "اليوم التالي", "اليوم الثالث", "ذلك اليوم", "روسيا اليوم": not today
            nxt = self.text(rel.end)
            if (nxt in self.lex.today_blocked_after or self.text(i - 1) in self.lex.today_blocked_before
                    or ordinal_at(self.toks, rel.end, self.nlex) is not None):
                return None
        return _Match(i, rel.end, rel.prefix, rel.conj, "relative", RelDays(offset, offset))

    def weekday(self, i: int, clitics: str = "conj") -> _Match | None:
        """"الاثنين", "يوم الاثنين الماضي", "الخميس المقبل", "الاثنين - الثلاثاء" (one night)."""
        wd = self.ph(self.lex.weekdays, i, clitics)
        if wd is None:
            return None
        if self.text(i - 1) in self.lex.weekday_blocked_before or self.text(wd.end) in self.lex.weekday_blocked_after:
            return None
        end, mode = wd.end, "latest"
        q = self.qualifier(end)
        if q is not None and q[0] != "current":
            mode, end = q[0], q[1]
        overnight = False
        join = self.ph(self.lex.overnight_joiners, end)
        if join is not None:
            wd2 = self.ph(self.lex.weekdays, join.end)
            if wd2 is not None and wd2.value == (wd.value + 1) % 7:
                overnight, end = True, wd2.end
        return _Match(i, end, wd.prefix, wd.conj, "weekday", Weekday(wd.value, mode, overnight))

    def relative_month_day(self, i: int) -> _Match | None:
        """"الخامس من الشهر الجاري", "10 من الشهر الماضي", "الخامس من الجاري"."""
        d = self.day(i)
        if d is None:
            return None
        day, j, prefix = d
        of = self.ph(self.lex.of, j)
        j = of.end if of else j
        rel = self.month_rel(j)
        if rel is None and of:
            # "التاسع عشر من الشهر ذاته": of the month told last
            month = self.unit(j, True)
            same = self.ph(self.lex.same_words, month[2]) if month and month[0] == "month" and month[1] == "one" else None
            if same is not None:
                return _Match(i, same.end, prefix, prefix > 0, "relative", DayOfSameMonth(day))
        if rel is None:
            # "الخامس من الجاري", and in figures without "من": "الأحد 7 الجاري"
            ell = self.ph(self.lex.current_month_ellipsis, j) if of or self.toks[i].is_digits else None
            if ell is None:
                return None
            rel = (0, ell.end)
        return _Match(i, rel[1], prefix, prefix > 0, "relative", RelMonthDay(rel[0], day))

    def ago(self, i: int) -> _Match | None:
        """"قبل يومين", "منذ ثلاثة أيام", "قبل أسبوع", "قبل عدة أيام", "منذ ساعات"."""
        a = self.ph(self.lex.ago, i, "conj")
        if a is None:
            return None
        k = a.end
        count: int | None = None
        vague = False
        num = number_at(self.toks, k, self.nlex)
        if num is not None and num.prefix == 0:
            count, k = num.value, num.end
        else:
            v = self.ph(self.lex.vague_count, k)
            if v is not None:
                vague, k = True, v.end
        u = self.unit(k, False)
        if u is None:
            return None
        unit, form, end = u
        if self.text(end) in self.lex.ago_blocked_after:
            return None          # "قبل يومين من الهجوم": counted from another event
        if count is None and not vague and form == "one" and self.construct_after(end):
            return None          # "قبل يوم الانتخابات", "قبل عام 2011": "before", not "ago"
        if count is None and not vague:
            count = {"one": 1, "two": 2}.get(form)
        elif count is not None and form == "two":
            return None
        expr = self._ago_expr(unit, count)
        return _Match(i, end, a.prefix, a.conj, "relative", expr) if expr else None

    def construct_after(self, k: int) -> bool:
        """A year, a definite noun, a month or a weekday right after a singular unit:
        the unit is in construct ("يوم الجمعة", "عام 2011"), not a duration."""
        if k >= len(self.toks):
            return False
        t = self.toks[k]
        if t.is_digits:
            return True
        if not t.is_word:
            return False
        return (t.text.startswith(self.nlex.article) or self.ph(self.lex.months, k) is not None
                or self.ph(self.lex.weekdays, k) is not None)

    def _ago_expr(self, unit: str, count: int | None) -> DateExpr | None:
        lex = self.lex
        prec = "week" if unit == "week" else "range"
        if count is None:
            lo, hi = lex.vague_ago[unit]
            return RelDays(lo, hi, prec)
        if lex.unit_days[unit] == 0:          # hours: today, or the day before
            back = count // 24
            return RelDays(-back - 1, -back, prec)
        days = count * lex.unit_days[unit]
        if days > MAX_AGO_DAYS:
            return None                # "قبل ألف عام": history, not an event date
        slack = count * lex.ago_slack[unit]
        return RelDays(-days - slack, -days + slack, prec)

    def period(self, i: int) -> _Match | None:
        """"خلال اليومين الماضيين", "الأيام القليلة الماضية", "الأسبوع الماضي",
        "الشهر الماضي", "هذا العام", "الـ24 ساعة الماضية", "الأيام الثلاثة الماضية"."""
        pw = self.ph(self.lex.period_words, i, "conj")
        k = pw.end if pw else i
        cur = self.ph(self.lex.current_before, k)
        if cur is not None:
            k = cur.end
        count: int | None = None
        # a count before the unit: "الـ24 ساعة", "الثلاثة أيام"
        if (self.text(k) == self.nlex.article and k + 1 < len(self.toks) and self.toks[k + 1].is_digits
                and self.toks[k].end == self.toks[k + 1].start):
            num = number_at(self.toks, k + 1, self.nlex)
            if num is not None:
                count, k = num.value, num.end
        else:
            num = number_at(self.toks, k, self.nlex)
            if num is not None and num.prefix == 0 and self.unit(num.end, False):
                count, k = num.value, num.end
        u = self.unit(k, None if count is not None else True)
        if u is None:
            return None
        unit, form, k = u
        if count is None:
            num = number_at(self.toks, k, self.nlex)        # "الأيام الثلاثة الماضية"
            if num is not None and form == "many":
                count, k = num.value, num.end
        filler = self.ph(self.lex.period_fillers, k)
        if filler is not None and (form == "many" or count is not None):
            k = filler.end
        if cur is not None:
            qual, end = "current", k
        else:
            q = self.qualifier(k)
            if q is None:
                return None
            qual, end = q
        if form == "two" and count is None:
            count = 2
        expr = self._period_expr(unit, form, count, qual, pw is not None)
        if expr is None:
            return None
        start_prefix = pw.prefix if pw else (cur.prefix if cur else 0)
        return _Match(i, end, start_prefix, bool(pw and pw.conj), "relative", expr)

    def _period_expr(self, unit: str, form: str, count: int | None, qual: str,
                     during: bool) -> DateExpr | None:
        lex = self.lex
        days = lex.unit_days[unit]
        prec = "week" if unit == "week" else "range"
        if form == "one" and count is None:
            # a calendar unit: "الشهر الماضي", "العام الجاري", "الأسبوع المقبل"
            offset = QUALIFIER_OFFSET[qual]
            if unit == "month":
                return RelMonth(offset)
            if unit == "year":
                return RelYear(offset)
            if unit == "week":
                if offset == 0:
                    return RelDays(-6, 0, "week")
                if offset > 0:
                    return RelDays(1, 7, "week")
                if during and offset == -1:
                    return RelDays(-7, 0, "week")        # "خلال الأسبوع الماضي": the last 7 days
                # "الأسبوع الماضي": the calendar week before this one, whatever day weeks start on:
                # from 13 days before (told on a week's last day) to the day before (on its first)
                return RelDays(7 * offset - 6, 7 * offset + 6, "week")
            if unit == "day" and offset == 0:
                return RelDays(0, 0)
            return None
        if qual in ("past", "past2"):
            if count is None:
                return RelDays(-lex.recent[unit], 0, prec)
            if days == 0:
                return RelDays(-((count + 23) // 24), 0, prec)
            return RelDays(-count * days, 0, prec)
        if qual == "next" and count is not None:
            if days == 0:
                return RelDays(0, (count + 23) // 24, prec)
            return RelDays(1, count * days, prec)
        return None          # "الأيام المقبلة": too vague to date

    def month_part(self, i: int) -> _Match | None:
        """"منتصف الشهر الجاري", "مطلع شباط", "منتصف نوفمبر الفائت", "أواخر عام 2020"."""
        p = self.ph(self.lex.month_parts, i, "all")
        if p is None:
            return None
        k = p.end
        of = self.ph(self.lex.of, k)
        k = of.end if of else k
        first, last = self.lex.part_days[p.value]
        m1, m2 = self.lex.part_months[p.value]
        # (the month or the year alone after a part of it is the current one: "منذ مطلع العام")
        rel = self.month_rel(k, bare=True)
        if rel is not None:
            return _Match(i, rel[1], p.prefix, p.conj, "month-part", MonthPart(RelMonth(rel[0]), first, last))
        named = self._month_first(k)
        if named is None:
            word = self.unit(k, False)
            kk = word[2] if word and word[0] == "month" and word[1] == "one" else k
            mo = self.month(kk)
            if mo is not None:
                named = _Match(k, mo[1], 0, False, "partial", NamedMonth(mo[0]))
        if named is not None and isinstance(named.expr, (NamedMonth, MonthOfYear)):
            return _Match(i, named.end, p.prefix, p.conj, "month-part", MonthPart(named.expr, first, last))
        yrel = self.year_rel(k, bare=True)
        if yrel is not None:
            return _Match(i, yrel[1], p.prefix, p.conj, "month-part", YearPart(RelYear(yrel[0]), m1, m2))
        y = self.year(k, need_word=True)
        if y is not None:
            return _Match(i, y[1], p.prefix, p.conj, "month-part", YearPart(YearOnly(y[0]), m1, m2))
        return None

    def year_alone(self, i: int) -> _Match | None:
        """"عام 2020", "سنة 2019"."""
        u = self.unit(i, None)
        if u is None or u[0] != "year" or u[1] != "one":
            return None
        y = self.digits(u[2], YEARS[0], YEARS[1], (4,))
        if y is None:
            return None
        return _Match(i, u[2] + 1, 0, False, "absolute", YearOnly(y))

    def with_day_prefix(self, i: int) -> _Match | None:
        """"صباح اليوم", "ليل الاثنين", "يوم أمس", "مساء يوم 15 شباط": a time of day
        or "يوم" before a day expression belongs to it."""
        k, first = i, None
        dp = self.ph(self.lex.day_parts, i, "conj")
        if dp is not None:
            k, first = dp.end, dp
        dw = self.ph(self.lex.day_word, k, "conj" if first is None else "none")
        if dw is not None:
            k, first = dw.end, first or dw
        if first is None:
            return None
        core = _longest([self.relative_day(k, "none"), self.weekday(k, "none"), self.explicit(k),
                         self.relative_month_day(k)])
        if core is None:
            return None
        return _Match(i, core.end, first.prefix, first.conj, core.kind, core.expr)

    def at(self, i: int) -> _Match | None:
        # with_day_prefix, explicit, relative_day, weekday, relative_month_day, ago, period,
        # month_part, year_alone and bare_month, less those whose first word this is not
        best = _longest([parse(self, i) for parse in self.lex.patterns_for(self.toks[i].text)])
        if best is not None and self.is_name(best, i):
            return None
        return best

    def is_name(self, m: _Match, i: int) -> bool:
        """"قوى 14 آذار", "ثورة 25 يناير": a day and month without a year that names something."""
        expr = m.expr.first if isinstance(m.expr, RangeExpr) else m.expr
        return isinstance(expr, DayOfMonth) and self.text(i - 1) in self.lex.named_date_before

    def may_start(self, i: int) -> bool:
        tok = self.toks[i]
        if tok.is_digits:
            return True
        if not tok.is_word:
            return False
        triggers = self.lex.triggers
        return not triggers or not triggers.isdisjoint(self.nlex.stems(tok.text))

    def scan(self) -> list[_Match]:
        out: list[_Match] = []
        i = 0
        while i < len(self.toks):
            m = self.at(i) if self.may_start(i) else None
            if m is None or crosses_line(self.toks, m.start, m.end):
                i += 1
                continue
            out.append(m)
            i = m.end
        return self.join_ranges(out)

    def join_ranges(self, found: list[_Match]) -> list[_Match]:
        """"منذ X وحتى Y", "من X إلى Y", "بين X و Y": one range mention."""
        out: list[_Match] = []
        n = 0
        while n < len(found):
            a = found[n]
            if n + 1 < len(found) and a.kind != "range" and found[n + 1].kind != "range":
                b = found[n + 1]
                opener = self._opener_before(a)
                if opener is not None and self._joined(a, b):
                    out.append(_Match(opener.start, b.end, opener.prefix, opener.conj, "range",
                                      RangeExpr(a.expr, b.expr)))
                    n += 2
                    continue
            out.append(a)
            n += 1
        return out

    def _opener_before(self, a: _Match) -> PhraseMatch | None:
        if a.prefix:
            return None
        for width in range(self.lex.range_openers.max_len, 0, -1):
            s = a.start - width
            if s < 0:
                continue
            o = self.ph(self.lex.range_openers, s, "conj")
            if o is not None and o.end == a.start:
                return o
        return None

    def _joined(self, a: _Match, b: _Match) -> bool:
        if b.start == a.end:
            return b.conj and self.text(b.start).startswith(self.nlex.compound)   # "والثلاثاء"
        j = self.ph(self.lex.range_joiners, a.end, "none")
        return j is not None and j.end == b.start and b.prefix == 0


def _longest(matches: Sequence[_Match | None]) -> _Match | None:
    best = None
    for m in matches:
        if m is not None and (best is None or m.end > best.end):
            best = m
    return best


@lru_cache(maxsize=1)
def _numeric_re() -> re.Pattern[str]:
    return re.compile(r"(\d{1,4})([./-])(\d{1,2})\2(\d{1,4})")


@lru_cache(maxsize=1)
def _day_range_re() -> re.Pattern[str]:
    return re.compile(r"(\d{1,2})-(\d{1,2})")


# --------------------------------------------------------------------------- public API


@dataclass(slots=True)
class DateMention:
    """A date expression as written, what it resolves to against the anchor, and its kind.

    `value` is None when the expression needs an anchor and there is none.
    `resolve` re-reads the expression against another anchor (an event's own
    date, for "خلال اليومين الماضيين" said of a meeting).
    """

    span: Span
    text: str
    value: DateValue | None
    kind: str                       # one of KINDS
    expr: DateExpr | None = field(default=None, repr=False, compare=False)

    def resolve(self, anchor: DateValue | None) -> DateValue | None:
        return _value(self.expr, anchor, self.span, self.text) if self.expr else None


def _value(expr: DateExpr, anchor: DateValue | None, span: Span, text: str) -> DateValue | None:
    r = expr.resolve(anchor)
    if r is None:
        return None
    lo, hi, precision = r
    source = "text" if expr.absolute else f"relative:{text}"
    return DateValue.between(lo, hi, precision=precision, expression=span, source=source)


def _scan(text: str, view: NormalizedView | None, lex: DateLexicon) -> tuple[NormalizedView, _Scanner, list[_Match]]:
    view = view or NormalizedView.of(text)
    scanner = _Scanner(view.text, lex)
    return view, scanner, scanner.scan()


def _mentions(text: str, view: NormalizedView, scanner: _Scanner, found: list[_Match],
              anchor: DateValue | None) -> list[DateMention]:
    toks = scanner.toks
    out = []
    for m in found:
        span = original_span(text, view, toks[m.start].start + m.prefix, toks[m.end - 1].end)
        out.append(DateMention(span, span.of(text), None, m.kind, m.expr))
    return _resolved(out, anchor)


def _resolved(mentions: list[DateMention], anchor: DateValue | None) -> list[DateMention]:
    """The mentions, in text order, resolved against the anchor; "في اليوم التالي" against the
    last day the text told before it, and "من العام ذاته", "من الشهر ذاته" against the last year or
    month it told."""
    out = []
    told: DateValue | None = None
    # (the day after is counted from a day before publication: "وقال مصدر، اليوم الخميس، إن …" dates
    # what the source said, and "في اليوم التالي" after it would be a day still to come)
    told_before: DateValue | None = None
    told_year: DateValue | None = None        # the last mention within one year: "منذ عام 2013"
    told_month: DateValue | None = None       # ... and within one month: "الثامن عشر من الشهر الجاري"
    today = anchor.value if anchor is not None else None
    for m in mentions:
        if isinstance(m.expr, FollowingDay):
            base = told_before if m.expr.offset > 0 and today is not None else told
            value = m.expr.after(base, m.span) if base is not None else None
        elif isinstance(m.expr, DayOfSameYear):
            value = m.expr.within(told_year, m.span) if told_year is not None else None
        elif isinstance(m.expr, DayOfSameMonth):
            value = m.expr.within(told_month, m.span) if told_month is not None else None
        else:
            value = m.resolve(anchor)
        if value is not None and value.min is not None and value.max is not None and (
                value.min.year == value.max.year):
            told_year = value
            if value.min.month == value.max.month:
                told_month = value
        if value is not None and value.value is not None:
            told = value
            if today is None or value.value < today:
                told_before = value
        out.append(DateMention(m.span, m.text, value, m.kind, m.expr))
    return out


def find_dates(text: str, anchor: DateValue | None, view: NormalizedView | None = None, *,
               lexicon: DateLexicon | None = None) -> list[DateMention]:
    """Every date expression in `text`, in order, resolved against `anchor` (the publication date)."""
    lex = lexicon or date_lexicon()
    view, scanner, found = _scan(text, view, lex)
    return _mentions(text, view, scanner, found, anchor)


# --------------------------------------------------------------------------- publication date



def _lines(view_text: str) -> Iterable[tuple[int, int]]:
    """(start, end) of every line, whatever the line-ending convention (\n, \r\n, \r, U+2028)."""
    pos = 0
    for m in LINE_BREAK_RE.finditer(view_text):
        yield pos, m.start()
        pos = m.end()
    yield pos, len(view_text)


def _in_other_block(span: Span, boilerplate: Sequence[Span]) -> bool:
    """The line lies in a boilerplate block larger than itself (a list of related
    articles): its dates are not this article's. A boilerplate span that is just the
    line (page chrome such as a dateline) does not count."""
    return any(b.overlaps(span) and (b.start < span.start - 1 or b.end > span.end + 1) for b in boilerplate)


def _published(text: str, view: NormalizedView, boilerplate: Sequence[Span], scanner: _Scanner,
               found: list[_Match]) -> DateValue | None:
    lex, toks = scanner.lex, scanner.toks
    # only lines holding a whole day with its year can be datelines or posts
    line_starts: list[int] = []
    nonempty_before: list[int] = []
    count = 0
    for vs, ve in _lines(view.text):
        line_starts.append(vs)
        nonempty_before.append(count)
        count += bool(view.text[vs:ve].strip())
    by_line: dict[int, list[_Match]] = {}
    for m in found:
        if isinstance(m.expr, FullDate):
            by_line.setdefault(bisect.bisect_right(line_starts, toks[m.start].start) - 1, []).append(m)
    match_starts = [m.start for m in found]
    starts = [t.start for t in toks]
    labelled: list[_Match] = []
    updated: list[_Match] = []
    top: list[_Match] = []
    posts: list[_Match] = []
    for li in sorted(by_line):
        vs = line_starts[li]
        ve = line_starts[li + 1] - 1 if li + 1 < len(line_starts) else len(view.text)
        days = [m for m in by_line[li] if toks[m.end - 1].end <= ve]
        if not days or _in_other_block(view.span_to_original(vs, ve), boilerplate):
            continue
        lo, hi = bisect.bisect_left(starts, vs), bisect.bisect_left(starts, ve)
        low = " ".join(t.text for t in toks[lo:hi])
        if any(marker in low for marker in lex.post_markers):
            posts.extend(days)
            continue
        first = lo
        while first < hi and not (toks[first].is_word or toks[first].is_digits):
            first += 1
        label = scanner.ph(lex.published_labels, first)
        update = scanner.ph(lex.update_labels, first) if label is None else None
        covered = set(range(first, (label or update).end)) if (label or update) else set()
        for n in range(bisect.bisect_left(match_starts, lo), len(found)):
            m = found[n]
            if m.start >= hi:
                break
            covered.update(range(m.start, m.end))
        # words besides the date: in the date's own part of the line, and in the
        # largest other part a separator sets off ("٨ أيار ٢٠١٧ | خاص - ستيب الإخبارية")
        extra = byline = segment = 0
        marks = holds_date = False
        for k in range(lo, hi + 1):
            t = toks[k] if k < hi else None
            if t is None or t.text in SEPARATORS:
                if holds_date:
                    extra = segment
                else:
                    byline = max(byline, segment)
                marks |= t is not None
                segment, holds_date = 0, False
                continue
            if k in covered:
                holds_date = True
                continue
            marks |= t.is_digits and ":" in t.text        # a time, "19:54"
            # a number beside the date is a time, a Hijri day or year or an issue number
            if not t.is_word or t.text in lex.dateline_words:
                continue
            segment += 1
        if label is not None and extra <= LABELLED_EXTRA_WORDS:
            labelled.append(days[0])
        elif update is not None and extra <= LABELLED_EXTRA_WORDS:
            updated.append(days[0])
        elif (nonempty_before[li] < TOP_LINES and vs <= TOP_CHARS
              and extra <= (DATELINE_EXTRA_WORDS if marks else 0) and byline <= BYLINE_WORDS):
            top.append(days[0])

    def day_value(m: _Match, source: str) -> DateValue:
        span = original_span(text, view, toks[m.start].start + m.prefix, toks[m.end - 1].end)
        d = m.expr.day       # type: ignore[attr-defined]
        return DateValue.day(d, expression=span, source=source)

    for group in (labelled, top, updated):
        if group:
            return day_value(group[0], "dateline")
    if posts:
        # an article that embeds posts went out on or after the latest of them,
        # usually within a day
        latest = max(posts, key=lambda m: m.expr.day)      # type: ignore[attr-defined]
        d = latest.expr.day                                  # type: ignore[attr-defined]
        span = original_span(text, view, toks[latest.start].start + latest.prefix, toks[latest.end - 1].end)
        return DateValue.between(d, d + dt.timedelta(days=1), expression=span, source="embedded-post")
    return None


def detect_published(text: str, boilerplate: list[Span], view: NormalizedView | None = None, *,
                     lexicon: DateLexicon | None = None) -> DateValue | None:
    """The publication date the page itself shows, or None (most articles).

    A dateline: a line near the top that is a full date with little else
    ("2021.02.24 | 19:54 دمشق", "الأربعاء 24 شباط 2021"), or a line that starts
    with a label ("نشر في: …", "تاريخ النشر"). Else the embedded posts
    ("تم النشر بواسطة … في الاثنين، ١٥ فبراير ٢٠٢١"): latest post .. latest + 1 day.
    source is "dateline" or "embedded-post".
    """
    lex = lexicon or date_lexicon()
    view, scanner, found = _scan(text, view, lex)
    return _published(text, view, boilerplate, scanner, found)


def _narrowing(published: DateValue, mentions: Iterable[DateMention]) -> tuple[DateValue, DateMention] | None:
    if published.is_day or published.min is None or published.max is None:
        return None
    for m in mentions:
        if isinstance(m.expr, RelDayWeekday):
            days = m.expr.publication_days(published)
            if len(days) == 1:
                return DateValue.day(days[0], expression=published.expression, source=published.source), m
    return None


def narrow_published(published: DateValue, mentions: Iterable[DateMention]) -> DateValue | None:
    """A publication range narrowed by "أمس الإثنين" / "اليوم الأربعاء": the one day of
    the range on which the named weekday fits (the first such mention decides);
    None when no mention decides it."""
    found = _narrowing(published, mentions)
    return found[0] if found else None


class DateStage:
    """Publication date from the text when metadata gave none, then every date mention."""

    name = "dates"
    requires = ("text", "view", "boilerplate")
    provides = ("meta.published", "date_mentions")

    def __init__(self, options: Options):
        self.options = options
        self._lexicon: DateLexicon | None = None

    @property
    def lexicon(self) -> DateLexicon:
        if self._lexicon is None:            # loaded on the first document, not at import
            self._lexicon = date_lexicon(self.options)
        return self._lexicon

    def __call__(self, doc: Document) -> None:
        view, scanner, found = _scan(doc.text, doc.view, self.lexicon)
        meta = doc.meta
        if meta.published is None:
            published = _published(doc.text, view, doc.boilerplate, scanner, found)
            if published is not None:
                meta.published, meta.published_source = published, published.source
        raw = [m for m in _mentions(doc.text, view, scanner, found, None) if not doc.in_boilerplate(m.span)]
        if meta.published is not None:
            narrowed = _narrowing(meta.published, raw)
            if narrowed is not None:
                meta.published = narrowed[0]
                meta.extra["published_narrowed_by"] = narrowed[1].text   # say why, for review
        anchor = meta.published
        doc.date_mentions = _resolved(raw, anchor)
