"""A small multi-label linear classifier over words: the model behind the learned pair reader.

Each input is a space-separated list of feature words (:func:`.learned.features`);
each label gets its own logistic score from the sum of the weights of the
words present. This is the same family as spaCy's bag-of-words text
classifier, kept in our own hands for two reasons: scoring is a handful of
dictionary look-ups and one small sum per pair (no ``Doc`` to build, which
cost the extractor a tenth of its speed), and the weights can be read back
("which words make a ``supports``?") by an analyst who doubts a fact.

>>> model = fit(["arm ACTOR2", "visit ACTOR2"], [{"supports>"}, set()], ["supports>"], min_count=1)
>>> model.scores(["arm ACTOR2"])[0]["supports>"] > 0.5
True
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..errors import ExtractionError

WEIGHTS = "weights.npz"
META = "model.json"


@dataclass(frozen=True)
class LinearModel:
    """Per-label weights of feature words, and a bias per label."""

    labels: tuple[str, ...]
    index: dict[str, int]
    weights: np.ndarray  # features x labels
    bias: np.ndarray  # labels

    def scores(self, texts: Iterable[str]) -> list[dict[str, float]]:
        """Each label's probability for each text."""
        out = []
        for text in texts:
            rows = [self.index[w] for w in set(text.split()) if w in self.index]
            z = self.bias + self.weights[rows].sum(axis=0) if rows else self.bias
            probabilities = 1.0 / (1.0 + np.exp(-z))
            out.append({name: float(p) for name, p in zip(self.labels, probabilities, strict=True)})
        return out

    def best(self, texts: Iterable[str]) -> list[tuple[str, float]]:
        """The likeliest label of each text and its probability, all texts scored in one sum."""
        rows = [[self.index[w] for w in set(text.split()) if w in self.index] for text in texts]
        if not rows:
            return []
        flat = np.fromiter((i for r in rows for i in r), dtype=np.int64)
        ends = np.cumsum([len(r) for r in rows])
        # each text's sum is a difference of running totals: no per-row Python work, empty rows give zero
        totals = np.vstack([np.zeros((1, len(self.labels))), np.cumsum(self.weights[flat], axis=0)])
        z = totals[ends] - totals[ends - [len(r) for r in rows]] + self.bias
        top = z.argmax(axis=1)
        probability = 1.0 / (1.0 + np.exp(-z[np.arange(len(rows)), top]))
        return [(self.labels[t], p) for t, p in zip(top.tolist(), probability.tolist(), strict=True)]

    def strongest(self, label: str, n: int = 10) -> list[tuple[str, float]]:
        """The words that speak most for a label: what the model has learned."""
        column = self.weights[:, self.labels.index(label)]
        words = sorted(self.index, key=lambda w: -column[self.index[w]])
        return [(w, float(column[self.index[w]])) for w in words[:n]]

    def fingerprint(self) -> str:
        """A short digest of the labels, words and weights: which model read a fact."""
        digest = hashlib.sha256(json.dumps([self.labels, sorted(self.index.items())]).encode())
        digest.update(np.ascontiguousarray(self.weights, dtype=np.float32).tobytes())
        digest.update(np.ascontiguousarray(self.bias, dtype=np.float32).tobytes())
        return digest.hexdigest()[:12]

    def save(self, directory: str | Path) -> None:
        where = Path(directory)
        vocabulary = sorted(self.index, key=self.index.__getitem__)
        try:
            where.mkdir(parents=True, exist_ok=True)
            (where / META).write_text(json.dumps({"labels": list(self.labels), "vocabulary": vocabulary}, indent=0),
                                      encoding="utf-8")
            np.savez_compressed(where / WEIGHTS, weights=self.weights.astype(np.float32),
                                bias=self.bias.astype(np.float32))
        except OSError as err:
            raise ExtractionError(f"cannot write the pair model to {where}: {err}") from None

    @classmethod
    def load(cls, directory: str | Path) -> LinearModel:
        where = Path(directory)
        try:
            meta = json.loads((where / META).read_text(encoding="utf-8"))
            with np.load(where / WEIGHTS) as arrays:
                weights, bias = arrays["weights"], arrays["bias"]
        except (OSError, ValueError, KeyError) as err:
            raise ExtractionError(f"cannot read the pair model in {where}: {err}") from None
        index = {word: i for i, word in enumerate(meta["vocabulary"])}
        if weights.shape != (len(index), len(meta["labels"])):
            raise ExtractionError(f"the pair model in {where} is damaged: weights do not fit its vocabulary")
        return cls(tuple(meta["labels"]), index, weights, bias)


def fit(texts: Sequence[str], labels: Sequence[set[str] | frozenset[str]], names: Sequence[str],
        epochs: int = 300, rate: float = 0.05, l2: float = 1e-3, min_count: int = 2) -> LinearModel:
    """Logistic regression for each label, trained together by full-batch Adam on the mean log loss.
    Words seen fewer than ``min_count`` times are dropped: they would only learn their one example."""
    counts = Counter(w for text in texts for w in set(text.split()))
    vocabulary = sorted(w for w, c in counts.items() if c >= min_count)
    index = {w: i for i, w in enumerate(vocabulary)}
    rows = [[index[w] for w in set(text.split()) if w in index] for text in texts]
    flat = np.array([i for r in rows for i in r], dtype=np.int64)
    owner = np.repeat(np.arange(len(rows)), [len(r) for r in rows])
    y = np.array([[float(n in ls) for n in names] for ls in labels])
    weights = np.zeros((len(vocabulary), len(names)))
    bias = np.zeros(len(names))
    moments = [np.zeros_like(weights), np.zeros_like(weights), np.zeros_like(bias), np.zeros_like(bias)]
    for step in range(1, epochs + 1):
        z = np.zeros_like(y)
        np.add.at(z, owner, weights[flat])
        z += bias
        error = (1.0 / (1.0 + np.exp(-z)) - y) / len(rows)
        grad_w = np.zeros_like(weights)
        np.add.at(grad_w, flat, error[owner])
        grad_w += l2 * weights
        grad_b = error.sum(axis=0)
        for value, grad, first, second in ((weights, grad_w, 0, 1), (bias, grad_b, 2, 3)):
            moments[first] = 0.9 * moments[first] + 0.1 * grad
            moments[second] = 0.999 * moments[second] + 0.001 * grad * grad
            corrected = moments[first] / (1 - 0.9**step)
            value -= rate * corrected / (np.sqrt(moments[second] / (1 - 0.999**step)) + 1e-8)
    return LinearModel(tuple(names), index, weights, bias)
