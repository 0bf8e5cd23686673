"""Decoding a trained CRFsuite model with NumPy, many sentences at once.

python-crfsuite's `Tagger.tag` copies every feature string of every token into C++ and
decodes one sentence per call; on news text that was a third of the whole pipeline. The
tagger's features are mostly a word's own and what its neighbours see of it, so their
weights can be summed once per word type (`Weights.sum_bags`) and a sentence's scores built
from those sums by adding rows; Viterbi then runs over a whole batch of sentences with one
NumPy step per position.

The weights come from CRFsuite's own dump of the model, read as `Tagger.info()` reads it;
the dump prints them with six decimals. The decoded tags are checked against `Tagger.tag` on ANERcorp in
`tests/extract/test_crf_decode.py`.
"""
from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Iterator, Sequence

import numpy as np


class Weights:
    """Attribute strings → rows of state weights: (attributes, labels) for one model, or
    (attributes, models, labels) for several scored at once (`joint`)."""

    def __init__(self, attributes: dict[str, int], state: np.ndarray):
        self.attributes = attributes
        self.state = state

    @classmethod
    def joint(cls, tables: Sequence[WeightTable]) -> Weights:
        """One lookup per attribute for all the models: rows of (models, labels), zero where
        a model does not weigh the attribute."""
        attributes: dict[str, int] = {}
        for t in tables:
            for attr in t.attributes:
                attributes.setdefault(attr, len(attributes))
        state = np.zeros((len(attributes), len(tables), max(len(t.labels) for t in tables)))
        for m, t in enumerate(tables):
            rows = [attributes[attr] for attr in t.attributes]
            state[rows, m, : len(t.labels)] = t.state
        return cls(attributes, state)

    def sum_bags(self, bags: Sequence[Sequence[str]]) -> np.ndarray:
        """(bags, …): the label scores of each bag of attributes."""
        out = np.zeros((len(bags), *self.state.shape[1:]))
        self.add_bags(out, bags)
        return out

    def add_bags(self, scores: np.ndarray, bags: Sequence[Sequence[str]]) -> None:
        """Add to each token's row of `scores` the weights of its bag of attributes, with one
        NumPy reduction for the whole sentence. Attributes no model weighs add nothing, as in
        CRFsuite."""
        get = self.attributes.get
        self.add_rows(scores, [[r for r in map(get, bag) if r is not None] for bag in bags])

    def add_rows(self, scores: np.ndarray, bags: Sequence[Sequence[int]]) -> None:
        """`add_bags` for bags of the attributes' rows, which are all weighed."""
        starts: list[int] = []      # where each non-empty bag begins in `rows`
        owners: list[int] = []      # its token
        rows: list[int] = []
        for i, found in enumerate(bags):
            if found:
                starts.append(len(rows))
                owners.append(i)
                rows += found
        if rows:
            scores[owners] += np.add.reduceat(self.state[rows], starts)


class WeightTable(Weights):
    """The state weights (attribute × label) and transition weights of one CRFsuite model."""

    def __init__(self, labels: Sequence[str], attributes: dict[str, int], state: np.ndarray,
                 transitions: np.ndarray):
        super().__init__(attributes, state)   # state: (attributes, labels)
        self.labels = list(labels)
        self.transitions = transitions         # (labels, labels): from row to column

    @classmethod
    def from_crfsuite(cls, path: Path) -> WeightTable:
        import pycrfsuite

        tagger = pycrfsuite.Tagger()
        tagger.open(str(path))
        labels = tagger.labels()
        with tempfile.TemporaryDirectory() as tmp:
            dump = Path(tmp) / "model.txt"
            tagger.dump(str(dump))
            text = dump.read_bytes().decode("utf-8")
        tagger.close()
        label_index = {lab: i for i, lab in enumerate(labels)}
        attributes: dict[str, int] = {}
        weights: list[tuple[int, int, float]] = []
        for attr, lab, w in _dump_weights(text, "STATE_FEATURES"):
            weights.append((attributes.setdefault(attr, len(attributes)), label_index[lab], w))
        state = np.zeros((len(attributes), len(labels)))
        for row, col, w in weights:
            state[row, col] = w
        transitions = np.zeros((len(labels), len(labels)))
        for src, dst, w in _dump_weights(text, "TRANSITIONS"):
            transitions[label_index[src], label_index[dst]] = w
        return cls(labels, attributes, state, transitions)

    def viterbi(self, emissions: Sequence[np.ndarray], batch: int = 128) -> list[list[str]]:
        """The best label sequence of each sentence, given its (tokens, labels) state scores.

        Sentences are decoded `batch` at a time, grouped by length so that little padding is
        scored. Ties go to the lower label index, as in CRFsuite."""
        order = sorted(range(len(emissions)), key=lambda k: len(emissions[k]))
        out: list[list[str]] = [[] for _ in emissions]
        for lo in range(0, len(order), batch):
            group = order[lo:lo + batch]
            for k, path in zip(group, self._viterbi([emissions[k] for k in group])):
                out[k] = [self.labels[j] for j in path]
        return out

    def _viterbi(self, emissions: Sequence[np.ndarray]) -> list[list[int]]:
        """Sentences are padded to the longest. Each one's final scores are taken at its own
        last token, and the backward pass starts each path there: what the padding computes
        is never read.

        The arrays are time-major and every step writes into buffers made once: on news text a
        batch is a dozen sentences of 9 labels, so the time goes to NumPy calls, not to
        arithmetic, and each step makes as few as it can. The sums are the same as before."""
        lengths = [len(e) for e in emissions]
        batch, longest, n_lab = len(emissions), max(lengths), len(self.labels)
        scores = np.zeros((longest, batch, n_lab))
        ends_at: list[list[int]] = [[] for _ in range(longest)]
        for b, e in enumerate(emissions):
            scores[: len(e), b] = e
            ends_at[len(e) - 1].append(b)
        back = np.empty((longest, batch, n_lab), dtype=np.intp)   # row 0 is never read
        final = np.empty((batch, n_lab))
        delta = scores[0]
        # (batch, to, from): the best previous label is sought along contiguous memory
        cand = np.empty((batch, n_lab, n_lab))
        into = self.transitions.T.copy()                           # (to, from)
        # where each (sentence, label) row of `cand` starts, flattened: the best score is read at
        # the place argmax found it rather than sought again with max (the same number)
        rows_at = np.arange(batch * n_lab).reshape(batch, n_lab) * n_lab
        flat = cand.reshape(-1)
        for t in range(longest):
            if t:
                np.add(delta[:, None, :], into, out=cand)
                cand.argmax(axis=2, out=back[t])
                delta = flat[rows_at + back[t]] + scores[t]
            if ends_at[t]:
                final[ends_at[t]] = delta[ends_at[t]]
        last = final.argmax(axis=1)
        path = np.zeros((longest, batch), dtype=np.intp)
        rows = np.arange(batch)
        for t in range(longest - 1, -1, -1):
            if ends_at[t]:
                path[t, ends_at[t]] = last[ends_at[t]]
            if t:
                path[t - 1] = back[t, rows, path[t]]
        return [column[:n] for column, n in zip(path.T.tolist(), lengths)]


def _dump_weights(dump: str, section: str) -> Iterator[tuple[str, str, float]]:
    """(attribute or source label, label, weight) of each line of one section of CRFsuite's dump
    ("  (0) bias --> B-LOC: -0.287193"), in the dump's order. The same reading as python-crfsuite's
    `Tagger.info()`, with its pattern (the last " --> " of a line splits it), applied to the whole
    section at once rather than line by line: that took 0.3 s per model at every start."""
    start = dump.find(f"\n{section} = {{\n")
    if start < 0:
        return
    start = dump.index("\n", start + 1)
    end = dump.find("\n}", start)
    for m in re.finditer(r"^[^\S\n]*\(\d+\) (.+) --> (.+): ([+-]?\d+\.\d+)", dump[start:end], re.M):
        yield m.group(1), m.group(2), float(m.group(3))
