"""Training the learned pair reader (:mod:`.learned`) from annotated articles.

An example is one pair of actors in one sentence, as :func:`.learned.features`
renders it, with the labels the gold file gives that pair. A pair the gold
ties in another sentence of the article (its ``evidence`` is elsewhere) is
left out rather than taught as "no tie": the gold writes a fact once, in its
clearest sentence, and the other sentences may say it too.

>>> examples = collect(Extractor(learned=False), documents, gold, aliases)   # doctest: +SKIP
>>> train(examples, "model/")                                               # doctest: +SKIP
>>> train_from([("tests/data/articles", "tests/data/gold.jsonl")], "model/") # doctest: +SKIP
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..evaluate import Record, load_facts, name_key
from ..ingest import read_paths
from ..model import SYMMETRIC_RELATIONS, Document, Fact, Relation
from .context import SentenceContext
from .learned import Candidate, candidates, features, label
from .linear import LinearModel, fit
from .pipeline import Extractor

EPOCHS = 300  # full passes of the optimiser over the examples


@dataclass(frozen=True)
class PairExample:
    """One pair of actors in one sentence: what the classifier reads and the labels it should give."""

    doc_id: str
    sentence: str
    text: str
    first: str
    second: str
    labels: frozenset[str] = frozenset()


@dataclass
class _Collector:
    """Stands in for the pair model while the rules read: keeps every candidate pair, adds no fact."""

    seen: list[tuple[str, str, str, str]] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)

    def propose(self, ctx: SentenceContext, stated: list[Relation]) -> list[Candidate]:
        for first, second in candidates(ctx):
            self.seen.append((ctx.document.id, ctx.sent.text, first.name, second.name))
            self.texts.append(features(ctx, first, second))
        return []

    def decide(self, found: list[Candidate], facts: list[Fact]) -> list[Relation]:
        return []


def collect(extractor: Extractor, documents: Iterable[Document], gold: list[Record],
            aliases: dict[str, list[str]]) -> list[PairExample]:
    """Every candidate pair of the documents, labelled from the gold facts."""
    collector = _Collector()
    saved = extractor.second_reader
    extractor.second_reader = collector
    try:
        for _ in extractor.extract_many(documents):
            pass
    finally:
        extractor.second_reader = saved
    table = {name_key(form): name_key(canon) for canon, forms in aliases.items() for form in [canon, *forms]}

    def key(name: str | None) -> str:
        return table.get(name_key(name), name_key(name))

    ties: dict[tuple[str, frozenset[str]], list[Record]] = {}
    for record in gold:
        if record.get("kind") == "relation":
            pair = frozenset((key(record.get("source")), key(record.get("target"))))
            ties.setdefault((str(record.get("doc")), pair), []).append(record)
    examples = []
    for (doc_id, sentence, first, second), text in zip(collector.seen, collector.texts, strict=True):
        records = ties.get((doc_id, frozenset((key(first), key(second)))), [])
        here = [r for r in records if _same_sentence(str(r.get("evidence") or ""), sentence)]
        if records and not here:
            continue  # tied elsewhere in the article: not an example of "no tie"
        labels = frozenset(label(str(r["relation"]), key(r.get("source")) == key(first)) for r in here
                           if r.get("relation") in RELATIONS)
        examples.append(PairExample(doc_id, sentence, text, first, second, labels))
    return examples


RELATIONS = ("allied_with", "supports", "fights", "rival_of", "pledged_allegiance_to", "affiliate_of", "split_from",
             "leads", "member_of", "negotiates_with", "controls")


def all_labels() -> list[str]:
    """Every label the classifier can give."""
    return [label(r, forward) for r in RELATIONS for forward in ((True,) if r in SYMMETRIC_RELATIONS
                                                                   else (True, False))]


def _squash(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def _same_sentence(evidence: str, sentence: str) -> bool:
    """The gold's evidence is this sentence or a part of it (quotes and spacing aside)."""
    e, s = _squash(evidence), _squash(sentence)
    return bool(e) and (e in s or (len(s) > 20 and s in e))


def train(examples: list[PairExample], out_dir: str | Path, epochs: int = EPOCHS) -> LinearModel:
    """A multi-label linear classifier over the examples' feature words, saved to ``out_dir``."""
    model = fit([e.text for e in examples], [e.labels for e in examples], all_labels(), epochs=epochs)
    model.save(out_dir)
    return model


def train_from(sets: Iterable[tuple[str | Path, str | Path]], out_dir: str | Path, epochs: int = EPOCHS,
               ) -> list[PairExample]:
    """Train on article folders, each with its gold facts file; returns the examples it was trained on."""
    extractor = Extractor(learned=False)
    examples: list[PairExample] = []
    sets = list(sets)
    for docs_path, gold_path in sets:
        documents = []
        for read in read_paths([docs_path]):
            if read.problem is not None:
                raise read.problem
            if read.document is not None:
                documents.append(read.document)
        if not documents:
            raise InputError(docs_path, "no documents to train on")
        gold, aliases = load_facts(gold_path)
        examples.extend(collect(extractor, documents, gold, aliases))
    if not any(e.labels for e in examples):
        golds = ", ".join(str(gold) for _, gold in sets)
        raise InputError(golds, "no relation in the gold facts ties two actors found in the documents")
    train(examples, out_dir, epochs=epochs)
    return examples
