"""Arabic numbers: digits and number words to integers, vague quantities kept as said.

Counts in conflict reports come as digits (Western, Eastern ٠-٩ or Persian ۰-۹,
all folded to ASCII by the normalised view), as words ("أربعة عناصر",
"خمسة وعشرين", "مئة وخمسون", "ثلاثة آلاف"), as duals of the counted noun
("عنصران" = 2) or as vague quantities ("عدد من", "عشرات") that must not be
turned into a number: the stored value keeps what the text said.

Choices:
- "أحد" / "إحدى" before a noun means "one of" ("أحد قياديي الدفاع الوطني"): it
  names one person but is not a toll, so it is a count of 1 only when the
  caller passes `one_of=True`. "أحد عشر" (11) is always a number.
- Ordinals (الخامس، الثاني عشر) are not counts; `parse_ordinal` reads them.
- Mention spans start after a conjunction or preposition glued to the first
  word ("وخمسة" -> "خمسة", "بعدة" -> "عدة") but include an approximation
  marker ("نحو 25").
- A digit run joined to others by . / : - ("2021.02.24", "19:54", "10-15") is
  a date, a time or a range, not a count, and is skipped. "1,500" and
  "1٬500" are thousands; a decimal counts only before a multiplier ("1.5 مليون").
- Every word of vocabulary is in data/numbers.yaml, loaded once on first use.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property, lru_cache, partial
from pathlib import Path
from typing import Callable, Generic, Iterable, Sequence, TypeVar

from marsad.arabic.normalize import NormalizedView, normalize
from marsad.config import DATA_DIR, Options, load_data_yaml
from marsad.errors import DataFileError
from marsad.model import Span

V = TypeVar("V")

NUMBERS_FILE = "numbers.yaml"


# --------------------------------------------------------------------------- tokens


@dataclass(frozen=True, slots=True)
class WordToken:
    """A word, a digit run or one punctuation mark of the normalised view.

    Unlike marsad.arabic.tokenize, letters and digits are separate tokens
    ("الـ47" -> "ال", "47") and digits joined by . / : - stay one token
    ("2021.02.24"), which is what number and date patterns need.
    """

    text: str    # normalised; Latin letters lower-cased
    start: int   # offsets into the view text
    end: int
    new_line: bool = False   # a line break comes between this token and the previous one
    # asked many times of every token by the number and date scanners, so computed once
    is_digits: bool = field(init=False)
    is_word: bool = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "is_digits", self.text[:1].isdigit())
        object.__setattr__(self, "is_word", self.text[:1].isalpha())


@lru_cache(maxsize=1)
def _token_re() -> re.Pattern[str]:
    # digits (with joined separators) | letters (plus the combining hamza/madda the
    # view keeps) | any other single visible character
    return re.compile(r"\d+(?:[.,:/\-\u066b\u066c]\d+)*|(?:[^\W\d_]|[\u0653-\u0655])+|[^\w\s]|_")


def word_tokens(view_text: str, start: int = 0, end: int | None = None) -> Sequence[WordToken]:
    """Tokens of (a slice of) normalised text, with view offsets."""
    if start == 0 and end is None:
        return _all_word_tokens(view_text)
    return _word_tokens(view_text, start, end)


@lru_cache(maxsize=4)
def _all_word_tokens(view_text: str) -> tuple[WordToken, ...]:
    # the date and the number scanners both read each document's whole view: tokenise it once
    return tuple(_word_tokens(view_text, 0, None))


def _word_tokens(view_text: str, start: int, end: int | None) -> list[WordToken]:
    rx = _token_re()
    end = len(view_text) if end is None else end
    out: list[WordToken] = []
    prev = start
    for m in rx.finditer(view_text, start, end):
        out.append(WordToken(m.group().lower(), m.start(), m.end(), "\n" in view_text[prev:m.start()]))
        prev = m.end()
    return out


def crosses_line(toks: Sequence[WordToken], start: int, end: int) -> bool:
    """Tokens [start, end) run over a line break: no expression does (a headline's
    last word and the next line's first are not one number or one date)."""
    return any(toks[k].new_line for k in range(start + 1, end))


def original_span(text: str, view: NormalizedView, vstart: int, vend: int) -> Span:
    """The original span of view characters [vstart, vend), with the harakat and tanwin
    that follow its last letter ("غداً", "عنصراً"): the view dropped them, the word owns them."""
    span = view.span_to_original(vstart, vend)
    end = span.end
    while end < len(text) and unicodedata.combining(text[end]) and not normalize(text[end]):
        end += 1
    return Span(span.start, end)


def norm_words(form: str) -> tuple[str, ...]:
    """A lexicon form as the tuple of token texts it matches."""
    return tuple(t.text for t in word_tokens(normalize(form)))


@dataclass(frozen=True, slots=True)
class Reading:
    """One reading of a word with proclitics removed.

    `stem` keeps the article unless `article` is True, in which case the article
    was removed too. `prefix` is the number of characters a span leaves out: the
    conjunction and preposition (not the article, and not the ل of لل, which
    has swallowed the article's alef).
    """

    stem: str
    prefix: int
    conj: bool
    prep: bool
    article: bool


def _readings(word: str, conjs: tuple[str, ...], preps: tuple[str, ...], article: str) -> tuple[Reading, ...]:
    out: list[Reading] = []
    if not word[:1].isalpha():
        return (Reading(word, 0, False, False, False),)
    for conj in ("",) + conjs:
        if conj and not word.startswith(conj):
            continue
        w1 = word[len(conj):]
        for prep in ("",) + preps:
            if prep and not w1.startswith(prep):
                continue
            w2 = w1[len(prep):]
            # a preposition leaves at least three letters: "لست" is not ل + ست (6)
            if len(w2) < (3 if prep else 2):
                continue
            plen = len(conj) + len(prep)
            out.append(Reading(w2, plen, bool(conj), bool(prep), False))
            if w2.startswith(article) and len(w2) - len(article) >= 2:
                out.append(Reading(w2[len(article):], plen, bool(conj), bool(prep), True))
            elif prep and prep == article[-1:] and w2.startswith(prep) and len(w2) >= 3:
                # لل = ل + ال with the alef dropped: للخمسة. The span keeps "لل": "لخمسة"
                # alone would be neither the word nor its stem.
                out.append(Reading(w2[1:], len(conj), bool(conj), True, True))
    return tuple(out)


class PhraseTable(Generic[V]):
    """Multi-word forms -> a value, matched longest first on WordTokens."""

    def __init__(self, entries: Iterable[tuple[str, V]]):
        self._table: dict[tuple[str, ...], V] = {}
        for form, value in entries:
            key = norm_words(form)
            if key:
                self._table.setdefault(key, value)
        self.max_len = max((len(k) for k in self._table), default=0)
        self.first_words = frozenset(k[0] for k in self._table)

    def __contains__(self, key: tuple[str, ...]) -> bool:
        return key in self._table

    def get(self, key: tuple[str, ...]) -> V | None:
        return self._table.get(key)


# --------------------------------------------------------------------------- lexicon


@dataclass(frozen=True)
class NumberLexicon:
    units: dict[str, int]
    teen_heads: dict[str, int]
    teen_tails: frozenset[str]
    tens: dict[str, int]
    hundreds: dict[str, int]
    scales: dict[str, tuple[int, str]]      # form -> (value, "one" | "two" | "many")
    article_blocked: frozenset[str]
    one_of: frozenset[str]
    vague: PhraseTable[str]
    approximate: PhraseTable[bool]
    ordinals: dict[str, int]
    dual_forms: dict[str, str]                # dual form -> singular
    dual_nominative: str
    dual_oblique: str
    conjunctions: tuple[str, ...]
    prepositions: tuple[str, ...]
    article: str
    compound: str

    # `readings` and `stems` are asked of every word by the number and date scanners, half a
    # million times per 300 articles: each is a cache keyed by the word alone, whose lookup
    # costs a third less than one keyed by the word and the lexicon's clitics.

    @cached_property
    def readings(self) -> Callable[[str], tuple[Reading, ...]]:
        """A word's readings with this lexicon's proclitics removed."""
        return lru_cache(maxsize=100_000)(
            partial(_readings, conjs=self.conjunctions, preps=self.prepositions, article=self.article))

    @cached_property
    def stems(self) -> Callable[[str], frozenset[str]]:
        """The stems of `readings`, for a quick test of whether any is in a word list."""
        readings = self.readings
        return lru_cache(maxsize=100_000)(lambda word: frozenset(r.stem for r in readings(word)))

    @cached_property
    def starters(self) -> frozenset[str]:
        """Every stem a number, ordinal, vague or approximate quantity can begin with (duals aside):
        a word none of whose readings is one starts nothing, and is passed over at once."""
        return frozenset().union(self.units, self.teen_heads, self.tens, self.hundreds, self.scales,
                                 self.ordinals, self.one_of, self.vague.first_words, self.approximate.first_words)

    def may_start(self, tok: WordToken, duals: dict[str, str]) -> bool:
        if tok.is_digits:
            return True
        if not tok.is_word:
            return tok.text in self.vague.first_words or tok.text in self.approximate.first_words
        stems = self.stems(tok.text)
        return not self.starters.isdisjoint(stems) or any(s in duals for s in stems)

    def duals_of(self, nouns: Iterable[str], nominative_only: Iterable[str] = ()) -> dict[str, str]:
        """Dual forms of counted nouns: عنصر -> عنصران, عنصرين; سيارة -> سيارتان, سيارتين."""
        out: dict[str, str] = {}
        for noun, endings in ((n, (self.dual_nominative, self.dual_oblique)) for n in nouns):
            out.update(self._dual(noun, endings))
        for noun in nominative_only:
            out.update(self._dual(noun, (self.dual_nominative,)))
        return out

    @staticmethod
    def _dual(noun: str, endings: Sequence[str]) -> dict[str, str]:
        n = normalize(noun)
        stem = n[:-1] + "ت" if n.endswith("ه") else n   # ة (folded to ه) is written ت before an ending
        return {stem + e: n for e in endings}


def _forms(raw: dict, key: str) -> dict[str, int]:
    out: dict[str, int] = {}
    for value, forms in (raw.get(key) or {}).items():
        for form in forms:
            words = norm_words(str(form))
            if len(words) != 1:
                raise ValueError(f"{key}: {form!r} must be one word")
            out[words[0]] = int(value)
    return out


def _word_set(items: Iterable[str]) -> frozenset[str]:
    return frozenset(w for form in items for w in norm_words(str(form))[:1])


def build_number_lexicon(raw: dict) -> NumberLexicon:
    """Build the lexicon from the parsed numbers.yaml (ValueError/KeyError/TypeError when malformed)."""
    scales: dict[str, tuple[int, str]] = {}
    for value, forms in raw["scales"].items():
        for kind in ("one", "two", "many"):
            for form in forms.get(kind, []):
                scales[norm_words(form)[0]] = (int(value), kind)
    clitics = raw["proclitics"]
    lex = NumberLexicon(
        units=_forms(raw, "units"),
        teen_heads=_forms(raw, "teen_heads"),
        teen_tails=_word_set(raw["teen_tails"]),
        tens=_forms(raw, "tens"),
        hundreds=_forms(raw, "hundreds"),
        scales=scales,
        article_blocked=_word_set(raw.get("article_blocked", [])),
        one_of=_word_set(raw.get("one_of", [])),
        vague=PhraseTable((form, str(label)) for label, forms in raw["vague"].items() for form in forms),
        approximate=PhraseTable((form, True) for form in raw.get("approximate", [])),
        ordinals=_forms(raw, "ordinals"),
        dual_forms={},
        dual_nominative=normalize(raw["dual_endings"]["nominative"]),
        dual_oblique=normalize(raw["dual_endings"]["oblique"]),
        conjunctions=tuple(normalize(c) for c in clitics["conjunctions"]),
        prepositions=tuple(normalize(c) for c in clitics["prepositions"]),
        article=normalize(clitics["article"]),
        compound=normalize(clitics["compound"]),
    )
    lex.dual_forms.update(lex.duals_of(raw.get("dual_nouns", []), raw.get("dual_nouns_nominative_only", [])))
    return lex


@lru_cache(maxsize=8)
def _load_number_lexicon(data_dir: str) -> NumberLexicon:
    path = Path(data_dir) / NUMBERS_FILE
    raw = load_data_yaml(NUMBERS_FILE, Options(data_dir=Path(data_dir)))
    try:
        return build_number_lexicon(raw)
    except (KeyError, TypeError, ValueError, AttributeError, IndexError) as e:
        raise DataFileError(str(path), f"malformed number vocabulary ({e!r})") from None


def number_lexicon(options: Options | None = None) -> NumberLexicon:
    """The number vocabulary of the options' data directory, loaded once."""
    return _load_number_lexicon(str(options.data_dir if options else DATA_DIR))


# --------------------------------------------------------------------------- matching


@dataclass(frozen=True, slots=True)
class PhraseMatch(Generic[V]):
    value: V
    start: int      # token index of the first token
    end: int        # token index after the last
    prefix: int     # characters of proclitic before the phrase in the first token
    conj: bool      # the first token carried a conjunction


def match_phrase(toks: Sequence[WordToken], i: int, table: PhraseTable[V], lex: NumberLexicon,
                 clitics: str = "all") -> PhraseMatch[V] | None:
    """The longest phrase of `table` at token i.

    clitics: "none" (the first word as written), "conj" (و ف may be glued on) or
    "all" (conjunctions and prepositions). The article is part of the phrase.
    """
    if i >= len(toks) or table.max_len == 0:
        return None
    word = toks[i].text
    readings: Iterable[Reading]
    if clitics == "none" or not toks[i].is_word:
        if word not in table.first_words:
            return None
        readings = (Reading(word, 0, False, False, False),)
    else:
        if table.first_words.isdisjoint(lex.stems(word)):
            return None   # (the date scanner asks a dozen tables at every word that may start a date)
        readings = (r for r in lex.readings(word) if not r.article and (clitics == "all" or not r.prep))
    best: PhraseMatch[V] | None = None
    for r in readings:
        if r.stem not in table.first_words:
            continue
        words = [r.stem]
        for n in range(1, table.max_len + 1):
            if n > 1:
                if i + n - 1 >= len(toks):
                    break
                words.append(toks[i + n - 1].text)
            value = table.get(tuple(words))
            if value is not None and (best is None or i + n > best.end):
                best = PhraseMatch(value, i, i + n, r.prefix, r.conj)
    return best


@dataclass(frozen=True, slots=True)
class _Atom:
    kind: str        # "digits", "unit", "teen", "tens", "hundreds", "scale"
    value: float
    end: int         # token index after the atom
    prefix: int
    form: str = ""   # for scales: "one", "two", "many"


def _digits_value(text: str) -> tuple[float, bool] | None:
    """(value, is_decimal) of a digit token, or None when it is a date, time or range."""
    if text.isdigit():
        return float(int(text)), False
    if re.fullmatch(r"\d{1,3}(?:[,\u066c]\d{3})+", text):
        return float(int(re.sub(r"[,\u066c]", "", text))), False
    if re.fullmatch(r"\d+[.\u066b]\d+", text):
        return float(text.replace("\u066b", ".")), True
    return None


def _atom(toks: Sequence[WordToken], k: int, lex: NumberLexicon, first: bool) -> _Atom | None:
    if k >= len(toks):
        return None
    tok = toks[k]
    if not first and tok.new_line:
        return None            # a number ends at the end of its line
    if tok.is_digits:
        if not first:
            return None
        dv = _digits_value(tok.text)
        return _Atom("digits", dv[0], k + 1, 0, "decimal" if dv[1] else "") if dv else None
    if not tok.is_word:
        return None
    if first:
        readings = lex.readings(tok.text)
    else:
        # the later parts of one number are joined by و and carry nothing else
        if not tok.text.startswith(lex.compound):
            return None
        readings = (Reading(tok.text[len(lex.compound):], len(lex.compound), True, False, False),)
    nxt = toks[k + 1].text if k + 1 < len(toks) and not toks[k + 1].new_line else ""
    for r in readings:
        s = r.stem
        if r.article and s in lex.article_blocked:
            continue
        head = lex.teen_heads.get(s) or (lex.units.get(s) if 3 <= lex.units.get(s, 0) <= 9 else None)
        if head and nxt in lex.teen_tails:
            return _Atom("teen", 10 + head, k + 2, r.prefix)
        unit = lex.units.get(s)
        if unit is not None:
            if not r.article and 3 <= unit <= 9 and lex.hundreds.get(nxt) == 100:
                return _Atom("hundreds", unit * 100, k + 2, r.prefix)     # ثلاث مئة
            return _Atom("unit", unit, k + 1, r.prefix)
        if s in lex.tens:
            return _Atom("tens", lex.tens[s], k + 1, r.prefix)
        if r.article:
            continue   # "بالمئة" (per cent) and "الآلاف" are no counts
        if s in lex.hundreds:
            return _Atom("hundreds", lex.hundreds[s], k + 1, r.prefix)
        if s in lex.scales:
            value, form = lex.scales[s]
            return _Atom("scale", value, k + 1, r.prefix, form)
    return None


def _scale_after(toks: Sequence[WordToken], j: int, lex: NumberLexicon) -> tuple[int, str] | None:
    """A multiplier written right after a number, without و: "ثلاثة آلاف", "5 ملايين"."""
    if j < len(toks) and toks[j].text in lex.scales and not toks[j].new_line:
        return lex.scales[toks[j].text]
    return None


@dataclass(frozen=True, slots=True)
class _Num:
    value: int
    start: int     # token indices
    end: int
    prefix: int


def number_at(toks: Sequence[WordToken], i: int, lex: NumberLexicon) -> _Num | None:
    """The number expression (digits or words) starting at token i."""
    atom = _atom(toks, i, lex, first=True)
    if atom is None:
        return None
    prefix = atom.prefix
    if atom.kind == "digits":
        value, j = atom.value, atom.end
        scale = _scale_after(toks, j, lex)
        if scale and scale[1] != "two":
            value, j = value * scale[0], j + 1
        elif atom.form == "decimal":
            return None
        return _Num(int(round(value)), i, j, prefix)

    total, group, last_scale = 0, 0, float("inf")
    has_h = has_t = has_u = False
    j = i
    while atom is not None:
        if atom.kind == "scale":
            # a multiplier on its own: ألف (1000), ألفان (2000); the plural alone is vague
            if atom.form == "many" or group or atom.value >= last_scale:
                break
            total += int(atom.value) * (2 if atom.form == "two" else 1)
            last_scale, j = atom.value, atom.end
        else:
            # Arabic order: hundreds, then units, then tens ("مئة وخمسة وعشرون")
            ok = {"hundreds": not (has_h or has_t or has_u),
                  "teen": not (has_t or has_u),
                  "tens": not has_t,
                  "unit": not (has_u or has_t)}.get(atom.kind, False)
            if not ok:
                break
            group += int(atom.value)
            has_h |= atom.kind == "hundreds"
            has_t |= atom.kind in ("tens", "teen")
            has_u |= atom.kind in ("unit", "teen")
            j = atom.end
            scale = _scale_after(toks, j, lex)
            if scale and scale[1] != "two" and scale[0] < last_scale:
                total += group * scale[0]
                group, last_scale, j = 0, scale[0], j + 1
                has_h = has_t = has_u = False
        atom = _atom(toks, j, lex, first=False)
    if j == i:
        return None
    return _Num(total + group, i, j, prefix)


def ordinal_at(toks: Sequence[WordToken], i: int, lex: NumberLexicon) -> tuple[int, int, int] | None:
    """(value, end token, prefix) of an ordinal at token i: الخامس, الحادي عشر, الحادي والعشرين, العشرين."""
    if i >= len(toks) or not toks[i].is_word:
        return None
    nxt = toks[i + 1].text if i + 1 < len(toks) and not toks[i + 1].new_line else ""
    for r in lex.readings(toks[i].text):
        unit = lex.ordinals.get(r.stem)
        if unit is not None:
            if unit <= 9 and nxt in lex.teen_tails:
                return unit + 10, i + 2, r.prefix
            if unit <= 9 and nxt.startswith(lex.compound):
                for r2 in lex.readings(nxt):
                    if r2.conj and not r2.prep and r2.stem in lex.tens:   # والعشرين
                        return unit + lex.tens[r2.stem], i + 2, r.prefix
            return unit, i + 1, r.prefix
        if r.article and r.stem in lex.tens:
            return lex.tens[r.stem], i + 1, r.prefix     # العشرين, الثلاثين
    return None


# --------------------------------------------------------------------------- public API


@dataclass(frozen=True, slots=True)
class NumberMention:
    """A quantity as written. `value` None with `vague` set: what the text said instead."""

    span: Span              # into the original text
    value: int | None
    vague: str | None       # "some", "few", "several", "dozens", "many", "hundreds", ...
    approximate: bool       # نحو / حوالي / قرابة / أكثر من ... before it


@dataclass(frozen=True, slots=True)
class _Found:
    start: int          # token indices
    end: int
    prefix: int
    value: int | None
    vague: str | None
    approximate: bool


def _is_conj_one_of(toks: Sequence[WordToken], i: int, lex: NumberLexicon) -> bool:
    word, nxt = toks[i].text, toks[i + 1] if i + 1 < len(toks) else None
    if not word.startswith(lex.compound) or word[len(lex.compound):] not in lex.one_of:
        return False
    return nxt is not None and nxt.is_word and nxt.text.startswith(lex.article)


def _count_at(toks: Sequence[WordToken], i: int, lex: NumberLexicon, duals: dict[str, str],
              one_of: bool) -> _Found | None:
    num = number_at(toks, i, lex)
    if num is not None and num.end == i + 1 and _is_conj_one_of(toks, i, lex):
        # "وأحد الأطباء" normalises to "واحد": before a definite noun it is و + أحد
        # ("and one of"), never the numeral, which follows its noun ("طبيب واحد")
        if not one_of:
            return None
        return _Found(i, i + 1, len(lex.compound), 1, None, False)
    if num is not None:
        return _Found(num.start, num.end, num.prefix, num.value, None, False)
    vague = match_phrase(toks, i, lex.vague, lex)
    if vague is not None:
        return _Found(i, vague.end, vague.prefix, None, vague.value, False)
    tok = toks[i]
    if not tok.is_word:
        return None
    for r in lex.readings(tok.text):
        if r.stem in duals:
            return _Found(i, i + 1, r.prefix, 2, None, False)
    if one_of and i + 1 < len(toks) and toks[i + 1].is_word and toks[i + 1].text not in lex.teen_tails:
        for r in lex.readings(tok.text):
            if not r.article and r.stem in lex.one_of:
                return _Found(i, i + 1, r.prefix, 1, None, False)
    return None


def _find(toks: Sequence[WordToken], lex: NumberLexicon, duals: dict[str, str], one_of: bool) -> list[_Found]:
    out: list[_Found] = []
    i = 0
    while i < len(toks):
        if not lex.may_start(toks[i], duals):
            i += 1
            continue
        found = None
        approx = match_phrase(toks, i, lex.approximate, lex)
        if approx is not None:
            j = approx.end
            # "قرابة الـ50": the article, cut from the digits by the tatweel, is skipped
            if (j + 1 < len(toks) and toks[j].text == lex.article and toks[j + 1].is_digits
                    and toks[j].end == toks[j + 1].start):
                j += 1
            inner = _count_at(toks, j, lex, duals, one_of) if j < len(toks) else None
            if inner is not None:
                found = _Found(i, inner.end, approx.prefix, inner.value, inner.vague, True)
        if found is None:
            ordinal = ordinal_at(toks, i, lex)
            if ordinal is not None:
                i = ordinal[1]     # "الحادي عشر" is an ordinal: its "عشر" is no count
                continue
            found = _count_at(toks, i, lex, duals, one_of)
        if found is None or crosses_line(toks, found.start, found.end):
            i += 1
            continue
        out.append(found)
        i = found.end
    return out


def _duals(lex: NumberLexicon, dual_nouns: Iterable[str] | None) -> dict[str, str]:
    return lex.dual_forms if dual_nouns is None else lex.duals_of(dual_nouns)


def find_numbers(text: str, view: NormalizedView | None = None, *, dual_nouns: Iterable[str] | None = None,
                 one_of: bool = False, lexicon: NumberLexicon | None = None) -> list[NumberMention]:
    """Every quantity in `text`, in order, with spans into the original text.

    dual_nouns: singular nouns whose dual counts two (None: the list in
    numbers.yaml; () for none). one_of: read "أحد"/"إحدى" + noun as 1.
    """
    lex = lexicon or number_lexicon()
    view = view or NormalizedView.of(text)
    toks = word_tokens(view.text)
    out = []
    for f in _find(toks, lex, _duals(lex, dual_nouns), one_of):
        span = original_span(text, view, toks[f.start].start + f.prefix, toks[f.end - 1].end)
        out.append(NumberMention(span, f.value, f.vague, f.approximate))
    return out


def parse_number(text: str, *, dual_nouns: Iterable[str] | None = None, one_of: bool = False,
                 lexicon: NumberLexicon | None = None) -> int | None:
    """The value of one number expression ("خمسة وعشرين", "١٥", "نحو 50", "عنصرين").

    None when the text is not exactly one number (vague quantities included: "عدة"
    has no value). Use find_numbers for running text.
    """
    lex = lexicon or number_lexicon()
    toks = [t for t in word_tokens(normalize(text)) if t.is_word or t.is_digits]
    found = _find(toks, lex, _duals(lex, dual_nouns), one_of)
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(toks):
        return found[0].value
    return None


def parse_ordinal(word: str, *, lexicon: NumberLexicon | None = None) -> int | None:
    """The value of an ordinal ("الخامس" 5, "الحادي عشر" 11, "الحادي والعشرين" 21); None otherwise."""
    lex = lexicon or number_lexicon()
    toks = [t for t in word_tokens(normalize(word)) if t.is_word]
    found = ordinal_at(toks, 0, lex)
    if found is not None and found[1] == len(toks):
        return found[0]
    return None
