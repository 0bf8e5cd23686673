"""Arabic normalisation as a *view* of the original text, with an offset map back.

The view only ever replaces one character by one character or deletes a
character, so every view position maps to exactly one original position and a
view span maps to the original span that covers the same characters.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from marsad.model import Span

# Deleted: harakat and tanwin, superscript alef, tatweel, invisible format marks.
_DELETE = frozenset(
    [chr(c) for c in range(0x064B, 0x0653)]
    + ["\u0670", "\u0640", "\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u061c", "\ufeff",
       "\u202a", "\u202b", "\u202c", "\u202d", "\u202e"]
)

_REPLACE = {
    # alef forms, alef maqsura, ta marbuta
    "\u0623": "\u0627", "\u0625": "\u0627", "\u0622": "\u0627", "\u0671": "\u0627",
    "\u0649": "\u064a", "\u0629": "\u0647",
    # Persian letters often typed in Arabic text
    "\u06cc": "\u064a", "\u06a9": "\u0643",
    # punctuation variants that matter for patterns
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"', "\u2033": '"',
    "\u2018": "'", "\u2019": "'", "\u2032": "'",
    "\u2013": "-", "\u2014": "-",
}
# Eastern Arabic and Persian digits to ASCII.
_REPLACE.update({chr(0x0660 + i): str(i) for i in range(10)})
_REPLACE.update({chr(0x06F0 + i): str(i) for i in range(10)})
# Every kind of space (no-break, thin, ideographic...) becomes a plain space.
_REPLACE.update({c: " " for c in ["\u00a0", "\u202f", "\u205f", "\u3000", "\t"]
                 + [chr(c) for c in range(0x2000, 0x200B)]})


@lru_cache(maxsize=4096)
def fold_char(ch: str) -> str:
    """The normalised form of one character: '' when it is deleted."""
    if ch in _DELETE:
        return ""
    return _REPLACE.get(ch, ch)


# Combining hamza and madda of decomposed (NFD) text: they join the letter before them.
_COMBINING_HAMZA = frozenset("\u0653\u0654\u0655")
# What may follow a word's last letter and still belong to it: harakat and the other characters
# the view deletes, and a combining hamza.
WORD_TRAILING = _DELETE | _COMBINING_HAMZA

# Every character `fold_char` changes, with what it becomes. No character a fold gives is one
# that folds, so the order in which they are replaced does not matter.
_FOLDS = tuple(_REPLACE.items()) + tuple((c, "") for c in sorted(_DELETE))
assert not {r for _, r in _FOLDS} & {c for c, _ in _FOLDS}
_DELETE_RE = re.compile("[" + "".join(map(re.escape, sorted(_DELETE))) + "]")


def _fold_all(text: str) -> str:
    """`fold_char` of every character of a text with no combining hamza: ~60 `in` tests and a few
    str.replace over the whole text instead of one call per character (an article has a dozen of
    the characters that fold)."""
    for ch, folded in _FOLDS:
        if ch in text:
            text = text.replace(ch, folded)
    return text


def _has_combining_hamza(text: str) -> bool:
    """A combining hamza composes with the letter before it: such a text is folded in the slow way."""
    return any(c in text for c in _COMBINING_HAMZA)


def normalize(text: str) -> str:
    """Normalised string, for lexicon entries and other text that needs no offsets."""
    # words and names recur in every document: remember short strings, not whole texts
    return _normalize_short(text) if len(text) <= 40 else _normalize(text)


@lru_cache(maxsize=100_000)
def _normalize_short(text: str) -> str:
    return _normalize(text)


def _normalize(text: str) -> str:
    # (words and names, mostly: for a few characters this beats `_fold_all`, made for documents)
    if not _COMBINING_HAMZA.intersection(text):
        return "".join(fold_char(c) for c in text)
    return NormalizedView.of(text).text


@dataclass(slots=True)
class NormalizedView:
    """Normalised text plus, for each of its characters, the original offset."""

    text: str
    original_offsets: list[int]   # len(text) + 1 entries; the last is len(original)
    # view characters composed with a following combining hamza: where they end in the original
    composed_ends: dict[int, int] = field(default_factory=dict)

    @classmethod
    def of(cls, original: str) -> NormalizedView:
        if not _has_combining_hamza(original):
            return cls._folded_alone(original)
        out: list[str] = []
        offsets: list[int] = []
        composed_ends: dict[int, int] = {}
        for i, ch in enumerate(original):
            if ch in _COMBINING_HAMZA and out:
                # "ا" + U+0654 is "أ": fold the composed letter into the one already in the view
                composed = unicodedata.normalize("NFC", original[offsets[-1]] + ch)
                if len(composed) == 1:
                    out[-1] = fold_char(composed)
                composed_ends[len(out) - 1] = i + 1
                continue
            folded = fold_char(ch)
            if folded:
                out.append(folded)
                offsets.append(i)
        offsets.append(len(original))
        return cls("".join(out), offsets, composed_ends)

    @classmethod
    def _folded_alone(cls, original: str) -> NormalizedView:
        """The view of a text whose every character folds alone (no combining hamza): what the
        loop of `of` gives, without a call per character."""
        offsets: list[int] = []
        kept_from = 0
        for m in _DELETE_RE.finditer(original):   # a few harakat and marks in a whole article
            offsets.extend(range(kept_from, m.start()))
            kept_from = m.start() + 1
        offsets.extend(range(kept_from, len(original) + 1))
        return cls(_fold_all(original), offsets, {})

    def to_original(self, i: int) -> int:
        """Original offset of view position i (i may be len(text))."""
        return self.original_offsets[i]

    def span_to_original(self, start: int, end: int) -> Span:
        """The original span covering view characters [start, end)."""
        if end <= start:
            o = self.original_offsets[start]
            return Span(o, o)
        last = end - 1
        return Span(self.original_offsets[start], self.composed_ends.get(last, self.original_offsets[last] + 1))

    def from_original(self, i: int) -> int:
        """First view position at or after original offset i."""
        return bisect.bisect_left(self.original_offsets, i, 0, len(self.text))
