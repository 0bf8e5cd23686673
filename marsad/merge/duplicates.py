"""Near-duplicate articles: the same text republished by another site, with other boilerplate.

A document's sketch is the `size` smallest hashes of its word 5-shingles
(normalised words outside boilerplate), a bottom-k MinHash: the share of the
smallest hashes of the union that both sketches hold estimates the Jaccard
similarity of the two shingle sets. Candidates are the documents sharing one
of a sketch's first `BANDS` hashes, so finding copies costs about the same for
the ten-thousandth document as for the tenth.
"""
from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass

from marsad.arabic.normalize import normalize
from marsad.model import Document

SHINGLE = 5
BANDS = 16
_WORD = re.compile(r"\w+")


def body_words(doc: Document) -> list[str]:
    """Normalised words of the text outside boilerplate (share buttons differ between copies)."""
    spans = sorted(doc.boilerplate)
    parts, pos = [], 0
    for b in spans:
        parts.append(doc.text[pos:b.start])
        pos = max(pos, b.end)
    parts.append(doc.text[pos:])
    return _WORD.findall(normalize(" ".join(parts)))


def sketch(words: list[str], size: int) -> list[int]:
    shingles = {" ".join(words[i:i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    hashes = {int.from_bytes(hashlib.blake2b(s.encode("utf-8"), digest_size=8).digest(), "big")
              for s in shingles if s}
    return sorted(hashes)[:size]


def similarity(a: list[int], b: list[int], size: int) -> float:
    union = sorted(set(a) | set(b))[:size]
    if not union:
        return 0.0
    sa, sb = set(a), set(b)
    return sum(1 for h in union if h in sa and h in sb) / len(union)


@dataclass(slots=True)
class Copy:
    original: str        # doc id of the earlier document
    similarity: float


class DuplicateFinder:
    """Remembers sketches; tells for a new one which earlier document it copies, if any."""

    def __init__(self, threshold: float, size: int):
        self.threshold = threshold
        self.size = size
        self.sketches: dict[str, list[int]] = {}
        self._bands: dict[int, list[str]] = defaultdict(list)

    def remember(self, doc_id: str, sk: list[int]) -> None:
        self.sketches[doc_id] = sk
        for h in sk[:BANDS]:
            self._bands[h].append(doc_id)

    def add(self, doc_id: str, sk: list[int]) -> Copy | None:
        """Record `sk` and return the most similar earlier document at or above the threshold."""
        candidates = {d for h in sk[:BANDS] for d in self._bands.get(h, ()) if d != doc_id}
        best = max(((similarity(sk, self.sketches[d], self.size), d) for d in candidates), default=None)
        self.remember(doc_id, sk)
        if best is not None and best[0] >= self.threshold:
            return Copy(best[1], round(best[0], 4))
        return None
