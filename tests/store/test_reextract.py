from __future__ import annotations

from pathlib import Path

import pytest

from alliancegraph import (
    PENDING_EVIDENCE,
    Evidence,
    QueryError,
    Relation,
    Store,
    add_fact,
    confirm_fact,
    ingest,
    merge_actors,
    reextract,
    reject_fact,
    undo,
)
from alliancegraph.store import fingerprint
from tests.conftest import write
from tests.store.fake_extractor import FakeExtractor

WHO = dict(who="ana", why="read the report")
A = "Alpha fights Beta. Gamma supports Alpha. Delta fights Beta."
B = "Alfa fights Gamma."


def _relations(store: Store) -> set[str]:
    return {f"{f.source} {f.relation} {f.target}" for f in store.facts() if isinstance(f, Relation)}


def _fp(store: Store, evidence: str) -> str:
    return next(s.fingerprint for s in store.stored_facts() if s.fact.evidence.text == evidence)


def _reviews(store: Store) -> dict[str, str | None]:
    return {s.fact.evidence.text: s.review for s in store.stored_facts()}


@pytest.fixture
def decided(tmp_path: Path, store: Store) -> tuple[Store, dict[str, int]]:
    """A store of two documents and one decision of each kind."""
    write(tmp_path / "c" / "a.txt", A)
    write(tmp_path / "c" / "b.txt", B)
    assert ingest([tmp_path / "c"], store, FakeExtractor()).added == ["a", "b"]
    ids = {
        "reject": reject_fact(store, _fp(store, "Delta fights Beta.")[:8], **WHO).id,
        "confirm": confirm_fact(store, _fp(store, "Alpha fights Beta.")[:8], **WHO).id,
        "merge": merge_actors(store, "Alpha", "Alfa", **WHO).id,
        "add": add_fact(store, Relation("Gamma", "allied_with", "Beta", PENDING_EVIDENCE), citation="a.txt",
                        quote="Gamma supports Alpha", doc_id="a", **WHO).id,
    }
    return store, ids


EXPECTED = {"Alpha fights Beta", "Gamma supports Alpha", "Alpha fights Gamma", "Gamma allied_with Beta"}


def test_decisions_hold_after_reextraction_and_undo_removes_each(decided: tuple[Store, dict[str, int]]) -> None:
    store, ids = decided
    assert _relations(store) == EXPECTED
    report = reextract(store, extractor=FakeExtractor())
    assert (report.documents, report.facts_before, report.facts_after, report.lost_reviews) == (["a", "b"], 4, 4, [])
    assert _relations(store) == EXPECTED
    assert _reviews(store)["Alpha fights Beta."] == "confirmed"
    assert _reviews(store)["Delta fights Beta."] == "rejected"

    for key in ids:
        undo(store, ids[key], **WHO)
    assert _relations(store) == {"Alpha fights Beta", "Gamma supports Alpha", "Alfa fights Gamma", "Delta fights Beta"}
    assert set(_reviews(store).values()) == {None}


def test_reextraction_reports_reviews_whose_fact_is_no_longer_found(decided: tuple[Store, dict[str, int]]) -> None:
    store, _ = decided
    report = reextract(store, ["a"], FakeExtractor(skip={"fights"}))
    assert (report.documents, report.facts_before, report.facts_after) == (["a"], 3, 1)
    assert report.lost_reviews == sorted([_fp_of("a", "Delta fights Beta."), _fp_of("a", "Alpha fights Beta.")])
    assert _relations(store) == {"Gamma supports Alpha", "Alpha fights Gamma", "Gamma allied_with Beta"}
    reextract(store, ["a"], FakeExtractor())  # the facts come back, and so do their reviews
    assert _reviews(store)["Delta fights Beta."] == "rejected"


def _fp_of(doc: str, evidence: str) -> str:
    """The fingerprint the fake extractor's fact for a sentence of A has, whether stored or not."""
    subject, relation, target = evidence.rstrip(".").split()
    at = A.index(evidence)
    return fingerprint(Relation(subject, relation, target, Evidence(doc, evidence, at, at + len(evidence), 0, 0)))


def test_reingesting_a_changed_file_keeps_the_decisions(tmp_path: Path, decided: tuple[Store, dict[str, int]]) -> None:
    store, _ = decided
    changed = "A new first sentence. Delta fights Beta. Alpha fights Beta. Gamma supports Alpha. Epsilon fights Beta."
    write(tmp_path / "c" / "a.txt", changed)
    assert ingest([tmp_path / "c"], store, FakeExtractor()).updated == ["a"]
    assert _relations(store) == EXPECTED | {"Epsilon fights Beta"}
    assert _reviews(store)["Alpha fights Beta."] == "confirmed"
    analyst = next(s.fact.evidence for s in store.stored_facts() if s.origin == "analyst")
    # the hand-made fact's evidence follows its quote into the new text
    assert changed[analyst.char_start:analyst.char_end] == "Gamma supports Alpha"
    assert changed[analyst.sentence_start:analyst.sentence_end] == "Gamma supports Alpha."


def test_reextract_skips_citation_documents_and_names_unknown_ids(decided: tuple[Store, dict[str, int]]) -> None:
    store, _ = decided
    add_fact(store, Relation("Beta", "rival_of", "Delta", PENDING_EVIDENCE), citation="Interview, 2024", **WHO)
    assert reextract(store, extractor=FakeExtractor()).documents == ["a", "b"]
    with pytest.raises(QueryError, match="no document with id 'zz'"):
        reextract(store, ["a", "zz"], FakeExtractor())
    assert "Beta rival_of Delta" in _relations(store)
