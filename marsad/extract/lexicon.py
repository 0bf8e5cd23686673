"""Phrase matching over tokens: clitic-aware, normalisation-aware, longest match wins.

Entries are written as they appear in a dictionary ("الدفاع الوطني"); a text
token matches an entry word when one of its proclitic readings (`Token.stems`)
is that word. So "للدفاع الوطني" and "والدفاع الوطني" both match "الدفاع
الوطني", with the span covering the whole written words. An entry word with the
article needs the article in the text ("الأشارة" does not match "إشارة"); one
without it also matches the word with it ("اشتباك" matches "الاشتباك").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, Iterable, Sequence, TypeVar

from marsad.arabic.normalize import normalize
from marsad.arabic.tokenize import Token, tokenize

T = TypeVar("T")

# Spelling variants that normalisation does not fold: ميليشيا / مليشيا / مليشات …
_MILITIA_RE = re.compile(r"^(ال)?مي?لي?شي?(ا|ات|يا|يات)$")


# Bounded caches: word forms repeat across documents, and memory must not grow with the corpus.
@lru_cache(maxsize=200_000)
def key_of(stem: str) -> str:
    """Matching key of one normalised word (article kept: callers strip it)."""
    if _MILITIA_RE.match(stem):
        plural = stem.endswith("ات")
        return ("ال" if stem.startswith("ال") else "") + ("مليشيات" if plural else "مليشيا")
    return stem.lower()


@lru_cache(maxsize=50_000)
def entry_key(word: str) -> str:
    """Key of one dictionary word: normalised, spelling variants folded."""
    return key_of(normalize(word))


def token_keys(token: Token) -> frozenset[str]:
    """Every reading of a token: for triggers and cue words, where the article is optional."""
    return _keys(token.stems)


def name_keys(token: Token) -> frozenset[str]:
    """Readings that keep the article: for names ("سورية" must not match "السورية")."""
    return _keys(token.forms)


@lru_cache(maxsize=200_000)
def _keys(readings: frozenset[str]) -> frozenset[str]:
    return frozenset(key_of(s) for s in readings)


@dataclass(frozen=True, slots=True)
class Match(Generic[T]):
    start: int      # token index
    end: int        # token index, exclusive
    payload: T


class PhraseMatcher(Generic[T]):
    """Dictionary of phrases → payloads, matched over a token list."""

    def __init__(self) -> None:
        self._by_first: dict[str, list[tuple[tuple[str, ...], T]]] = {}
        # first key → (one-word entries, second key → longer entries), each with its rank in
        # the first key's bucket: "ريف" begins hundreds of entries, and only the second word
        # tells which few can match. Built on first use after an add.
        self._index: dict[str, tuple[list, dict[str, list]]] | None = None
        self._firsts: frozenset[str] = frozenset()

    def add(self, phrase: str, payload: T) -> None:
        # a dash may be written or not: "طريق تدمر - دير الزور", "طريق تدمر دير الزور" (the text keeps it
        # as a token of its own)
        dashed = tuple(entry_key(t.norm) for t in tokenize(normalize(phrase)) if t.is_word or t.norm == "-")
        for keys in dict.fromkeys((dashed, tuple(k for k in dashed if k != "-"))):
            if keys and keys[0] != "-":
                self._by_first.setdefault(keys[0], []).append((keys, payload))
        self._index = None

    def _build_index(self) -> dict[str, tuple[list, dict[str, list]]]:
        index: dict[str, tuple[list, dict[str, list]]] = {}
        for first, bucket in self._by_first.items():
            # longest first, then as added (a stable sort), once here rather than at every add:
            # the dictionaries add tens of thousands of entries at start
            bucket.sort(key=lambda e: -len(e[0]))
            singles: list = []
            by_second: dict[str, list] = {}
            for rank, (entry, payload) in enumerate(bucket):
                if len(entry) == 1:
                    singles.append((rank, entry, payload))
                else:
                    by_second.setdefault(entry[1], []).append((rank, entry, payload))
            index[first] = (singles, by_second)
        self._index = index
        self._firsts = frozenset(index)
        return index

    def add_all(self, items: Iterable[tuple[str, T]]) -> PhraseMatcher[T]:
        for phrase, payload in items:
            self.add(phrase, payload)
        return self

    def starts_with(self, word: str) -> bool:
        """Some entry begins with this exact word (a name that itself starts with "ب", say)."""
        return key_of(word) in self._by_first

    def __len__(self) -> int:
        return sum(len(v) for v in self._by_first.values())

    def candidates_at(self, tokens: Sequence[Token], i: int, keys: Sequence[frozenset[str]]) -> list[Match[T]]:
        """Every entry matching at token i, longest first."""
        index = self._index if self._index is not None else self._build_index()
        out: list[Match[T]] = []
        n_tokens = len(tokens)
        for k in keys[i]:
            found = index.get(k)
            if found is None:
                continue
            singles, by_second = found
            hits = list(singles)
            if by_second and i + 1 < n_tokens:
                for k2 in keys[i + 1]:
                    for rank, entry, payload in by_second.get(k2, ()):
                        if i + len(entry) <= n_tokens and all(entry[n] in keys[i + n] for n in range(2, len(entry))):
                            hits.append((rank, entry, payload))
            if len(hits) > 1:
                hits.sort(key=lambda h: h[0])    # the bucket's order: longest first, then as added
            out.extend(Match(i, i + len(entry), payload) for _, entry, payload in hits)
        out.sort(key=lambda m: -(m.end - m.start))
        return out

    def find(self, tokens: Sequence[Token], keys: Sequence[frozenset[str]] | None = None) -> list[Match[T]]:
        """Non-overlapping matches, left to right, the longest at each position."""
        keys = keys if keys is not None else [token_keys(t) for t in tokens]
        firsts = self._first_keys()
        out: list[Match[T]] = []
        i = 0
        while i < len(tokens):
            found = self.candidates_at(tokens, i, keys) if tokens[i].is_word and not firsts.isdisjoint(keys[i]) else []
            if found:
                out.append(found[0])
                i = found[0].end
            else:
                i += 1
        return out

    def find_all(self, tokens: Sequence[Token], keys: Sequence[frozenset[str]]) -> list[Match[T]]:
        """Every match at every position (overlapping), for callers that arbitrate themselves."""
        firsts = self._first_keys()
        out: list[Match[T]] = []
        for i, tok in enumerate(tokens):
            if tok.is_word and not firsts.isdisjoint(keys[i]):
                out.extend(self.candidates_at(tokens, i, keys))
        return out

    def _first_keys(self) -> frozenset[str]:
        """The keys entries begin with: most tokens have none among their readings, and one set
        operation passes them over."""
        if self._index is None:
            self._build_index()
        return self._firsts
