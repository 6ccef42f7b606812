"""The library's main jobs, each a plain function that the CLI wraps.

>>> from alliancegraph import Store, ingest            # doctest: +SKIP
>>> report = ingest(["articles/"], Store.open("ag.db"))  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING

from .errors import InputError, QueryError
from .export.facts import write_facts
from .export.spelling import GROUPS, as_written, spellings
from .ingest import read_paths
from .model import Document, Fact
from .store import Store
from .store.decisions import ANALYST_PREFIX

if TYPE_CHECKING:
    from .extract import Extractor


@dataclass
class IngestReport:
    """What one ingest did: documents added, updated, skipped as duplicates, and problems."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (path or id, existing id)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, why)
    problems: list[InputError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def ingest(
    paths: Iterable[str | Path],
    store: Store,
    extractor: Extractor | None = None,
    *,
    progress: Callable[[Iterable[Document]], Iterable[Document]] | None = None,
) -> IngestReport:
    """Read, deduplicate, extract and store every document under ``paths``.

    A document whose content is already stored is skipped; one whose id is
    stored with other content replaces it (its facts are extracted anew).
    Problems are collected in the report, never raised: the other files are
    still ingested, and nothing already stored is lost.
    """
    report = IngestReport()
    fresh: list[Document] = []
    seen_hashes: dict[str, str] = {}
    for outcome in read_paths(paths):
        if outcome.problem is not None:
            report.problems.append(outcome.problem)
        elif outcome.skipped is not None:
            report.skipped.append((outcome.path, outcome.skipped))
        elif outcome.document is not None:
            doc = outcome.document
            existing = store.document_id_for_hash(doc.content_hash) or seen_hashes.get(doc.content_hash)
            if existing is not None:
                report.duplicates.append((doc.id, existing))
                continue
            seen_hashes[doc.content_hash] = doc.id
            fresh.append(doc)
    if not fresh:
        return report
    if extractor is None:
        from .extract import Extractor

        extractor = Extractor()
    run_id = store.start_run(extractor.name, extractor.version, extractor.model)
    stream: Iterable[Document] = progress(fresh) if progress else fresh
    done = 0
    for doc, extraction in zip(fresh, extractor.extract_many(stream), strict=True):
        replaced = store.has_document(doc.id)
        store.save(doc, extraction, run_id, extractor.actor_infos(extraction))
        (report.updated if replaced else report.added).append(doc.id)
        done += 1
    store.finish_run(run_id, done)
    return report


@dataclass
class ReextractReport:
    """What one re-extraction did: the run, the documents read again, and what changed."""

    run_id: int | None = None
    documents: list[str] = field(default_factory=list)
    facts_before: int = 0  # extracted facts of these documents before the run
    facts_after: int = 0
    # reviewed facts of these documents that the new run no longer finds (their reviews wait, unused)
    lost_reviews: list[str] = field(default_factory=list)


def reextract(
    store: Store,
    doc_ids: Sequence[str] | None = None,
    extractor: Extractor | None = None,
    *,
    progress: Callable[[Iterable[Document]], Iterable[Document]] | None = None,
) -> ReextractReport:
    """Run the extractor again over stored documents (all, or ``doc_ids``) as a new run.

    Each document's extracted facts and mentions are replaced; analysts'
    decisions stay and apply to the new facts: reviews by fingerprint, merges
    on actors, and facts added by hand.  Documents made for an analyst's
    citation are not extracted.  An unknown id raises :class:`QueryError`
    before anything is read.
    """
    if doc_ids is None:
        docs = [d for d in store.documents() if not d.id.startswith(ANALYST_PREFIX)]
    else:
        missing = [d for d in doc_ids if not store.has_document(d)]
        if missing:
            raise QueryError(f"no document with id {missing[0]!r}")
        docs = [doc for d in dict.fromkeys(doc_ids) if (doc := store.document(d)) is not None]
    report = ReextractReport(documents=[d.id for d in docs])
    if not docs:
        return report
    wanted = set(report.documents)
    before = [s for s in store.stored_facts() if s.doc_id in wanted and s.origin == "extracted"]
    if extractor is None:
        from .extract import Extractor

        extractor = Extractor()
    report.run_id = store.start_run(extractor.name, extractor.version, extractor.model)
    stream: Iterable[Document] = progress(docs) if progress else docs
    for doc, extraction in zip(docs, extractor.extract_many(stream), strict=True):
        store.save(doc, extraction, report.run_id, extractor.actor_infos(extraction))
    store.finish_run(report.run_id, len(docs))
    after = [s for s in store.stored_facts() if s.doc_id in wanted and s.origin == "extracted"]
    report.facts_before, report.facts_after = len(before), len(after)
    found = {s.fingerprint for s in after}
    report.lost_reviews = sorted({s.fingerprint for s in before if s.review and s.fingerprint not in found})
    return report


def export_facts(store: Store, out: IO[str], *, doc_ids: Sequence[str] | None = None) -> int:
    """Write the stored facts as FACTS.md JSON Lines; return how many were written."""
    facts = store.facts() if not doc_ids else [f for d in doc_ids for f in store.facts(d)]
    return write_facts(written_facts(store, facts), out)


def written_facts(store: Store, facts: Iterable[Fact]) -> Iterator[Fact]:
    """Facts with people and groups under the names of their own document (see ``export/spelling.py``)."""
    return as_written(facts, spellings(store.mention_texts(types=("person",)), store.mention_texts(types=GROUPS)))
