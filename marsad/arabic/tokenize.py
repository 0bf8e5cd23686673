"""Tokens with offsets into the original text, and proclitic analysis for matching.

A token keeps its original span; matching uses `stems`, every reading of the
token with the proclitics و ف (conjunction), ب ل ك (preposition) and ال / لل
(article) removed. "للدفاع" reads as للدفاع, دفاع; "وبالبوكمال" as وبالبوكمال,
بالبوكمال, البوكمال, بوكمال.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from marsad.arabic.normalize import WORD_TRAILING, NormalizedView
from marsad.model import Span

# A token is a run of letters/digits (Arabic or Latin), or one other visible character.
_TOKEN_RE = re.compile(r"[^\W_]+|[^\s\w]|_")
# Line breaks of every convention (\n, \r\n, old-Mac \r, Unicode line and paragraph separators).
LINE_BREAKS = "\n\r\u2028\u2029\x85"
LINE_BREAK_RE = re.compile(r"\r\n|[\n\r\u2028\u2029\x85]")
# Sentence ends: line breaks, and . ! ? ؟ … followed by space.
_SENTENCE_END_RE = re.compile(rf"[{LINE_BREAKS}]+|(?<=[.!?؟…])[^\S{LINE_BREAKS}]+")
_CONJ = ("و", "ف")


def has_line_break(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] holds a line break: what it joins stands on two lines."""
    return LINE_BREAK_RE.search(text, start, end) is not None

_PREP = ("ب", "ل", "ك")
_MIN_STEM = 2


@dataclass(frozen=True, slots=True)
class Token:
    span: Span          # into the original text
    text: str           # original characters
    norm: str           # normalised form
    stems: frozenset[str]   # normalised readings with proclitics removed (norm included)
    forms: frozenset[str]   # the same, but never without the article: names keep theirs
    bare: str           # the shortest plausible reading: all proclitics and the article removed
    # a word or a number, not punctuation: asked of every token by every stage, so computed once
    is_word: bool = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "is_word", self.norm[:1].isalnum())


@lru_cache(maxsize=200_000)
def analyse(norm: str) -> tuple[frozenset[str], frozenset[str], str]:
    """Readings of a normalised token with proclitics removed (all; article kept), and the barest."""
    readings = {norm}
    with_article = {norm}
    bare = norm
    if not norm or not norm[0].isalpha():
        return frozenset(readings), frozenset(with_article), bare
    for conj in ("",) + _CONJ:
        if conj and not norm.startswith(conj):
            continue
        w1 = norm[len(conj):]
        for prep in ("",) + _PREP:
            if prep and not w1.startswith(prep):
                continue
            w2 = w1[len(prep):]
            if len(w2) < _MIN_STEM:
                continue
            candidates = [w2]
            if w2.startswith("ال") and len(w2) - 2 >= _MIN_STEM:
                candidates.append(w2[2:])
                with_article.add(w2)
            elif prep == "ل" and w2.startswith("ل") and len(w2) - 1 >= _MIN_STEM:
                # لل = ل + ال with the alef dropped: للدفاع reads as الدفاع and دفاع; but
                # للبنان is ل + لبنان, so the plain reading stays among the forms too
                candidates += ["ا" + w2, w2[1:]]
                with_article.update(("ا" + w2, w2))
            else:
                with_article.add(w2)
            for c in candidates:
                readings.add(c)
                if len(c) < len(bare):
                    bare = c
    return frozenset(readings), frozenset(with_article), bare


def tokenize(text: str, view: NormalizedView | None = None) -> list[Token]:
    view = view or NormalizedView.of(text)
    n = len(text)
    out: list[Token] = []
    # `view.span_to_original` inlined: a document has thousands of tokens, and no token is empty
    offsets, composed_ends = view.original_offsets, view.composed_ends
    for m in _TOKEN_RE.finditer(view.text):
        norm = m.group()
        vstart, vend = m.span()
        start = offsets[vstart]
        end = composed_ends.get(vend - 1, offsets[vend - 1] + 1)
        # harakat after the last letter, and a combining hamza, belong to the word
        while end < n and text[end] in WORD_TRAILING:
            end += 1
        original = text[start:end]
        stems, forms, bare = analyse(norm)
        # tanwin fatha written on a final alef (اجتماعاً): the alef is no letter of the word
        if len(norm) > 3 and norm[-1] == "ا" and ("اً" in original[-3:] or "ًا" in original[-3:]):
            extra, extra_forms, _ = analyse(norm[:-1])
            stems, forms = stems | extra, forms | extra_forms
        out.append(Token(Span(start, end), original, norm, stems, forms, bare))
    return out


def split_sentences(text: str) -> list[Span]:
    """Sentence spans over the original text: never across a line break."""
    spans = []
    pos = 0
    for m in _SENTENCE_END_RE.finditer(text):
        if m.start() > pos:
            spans.append(_trim(text, pos, m.start()))
        pos = m.end()
    if pos < len(text):
        spans.append(_trim(text, pos, len(text)))
    return [s for s in spans if len(s) > 0]


def _trim(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)
