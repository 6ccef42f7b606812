"""Throughput of the extraction against the bare spaCy pipeline, on the same words.

Prints words per second for each, their ratio, and the peak memory of the
process. A benchmark, not a test: run it with ``make bench``.

usage: python bench/extract.py [--words N]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import time
from pathlib import Path

import spacy

from alliancegraph.extract import MODEL, Extractor
from alliancegraph.extract.paragraphs import paragraphs
from alliancegraph.ingest import read_paths
from alliancegraph.model import Document

ROUNDS = 12
CORPUS = Path(__file__).resolve().parents[1] / "examples" / "corpus"


def corpus(words: int) -> list[Document]:
    """The sample corpus repeated (under new ids) until it holds ``words`` words."""
    base = [r.document for r in read_paths([CORPUS]) if r.document is not None]
    docs: list[Document] = []
    total, n = 0, 0
    while total < words:
        doc = base[n % len(base)]
        docs.append(Document(f"{doc.id}-{n}", doc.text, date=doc.date, author=doc.author))
        total += len(doc.text.split())
        n += 1
    return docs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=200_000)
    parser.add_argument("--rules-only", action="store_true", help="without the learned pair reader")
    args = parser.parse_args()
    docs = corpus(args.words)
    words = sum(len(d.text.split()) for d in docs)
    nlp = spacy.load(MODEL)
    extractor = Extractor(learned=not args.rules_only)
    # the words in ROUNDS slices, each read by both in turn, the order swapped every round: a slow spell of the
    # machine then weighs on both alike instead of on whichever ran second; the clock is the process's CPU time
    # (both run on one thread), so that other work on the machine does not count
    slices = [docs[i::ROUNDS] for i in range(ROUNDS)]
    bare_time = full_time = 0.0
    facts = 0
    ratios = []
    for i, part in enumerate(slices):
        texts = [text for d in part for _, text in paragraphs(d.text)]
        timed = {}
        for which in (("bare", "full") if i % 2 == 0 else ("full", "bare")):
            start = time.process_time()
            if which == "bare":
                for _ in nlp.pipe(texts, batch_size=64):
                    pass
            else:
                facts += sum(len(e.facts) for e in extractor.extract_many(part))
            timed[which] = time.process_time() - start
        bare_time += timed["bare"]
        full_time += timed["full"]
        ratios.append(timed["bare"] / timed["full"])
    bare, full = words / bare_time, words / full_time
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"words: {words}  documents: {len(docs)}  facts: {facts}")
    print(f"bare spaCy pipeline: {bare:,.0f} words/s")
    print(f"full extraction:     {full:,.0f} words/s")
    print(f"ratio full/bare:     {full / bare:.2f} over all the words; median of the rounds {statistics.median(ratios):.2f}")
    print(f"rounds:              {', '.join(f'{r:.2f}' for r in ratios)}")
    print(f"peak memory:         {peak_mb:,.0f} MB")


if __name__ == "__main__":
    main()
