"""The must-show questions over the sample corpus and the dev articles, read by the real extractor.

Loose on purpose: the extractor improves in parallel, so these check what the
graph must show of any fair extraction, not exact numbers.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from alliancegraph import Store, ingest
from alliancegraph.analysis import brief, contradictions, ties
from alliancegraph.extract import Extractor
from tests.conftest import DEV_CORPUS, ROOT

pytestmark = pytest.mark.skipif(not (DEV_CORPUS / "gold.jsonl").exists(), reason="../shared/corpus/dev not present")
DEV_ARTICLES = sorted(DEV_CORPUS.glob("*.txt"))


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory: pytest.TempPathFactory, extractor: Extractor) -> Store:
    store = Store.open(tmp_path_factory.mktemp("graph") / "corpus.db")
    report = ingest([ROOT / "examples" / "corpus", *DEV_ARTICLES], store, extractor)
    assert report.ok
    yield store
    store.close()


def test_al_qaeda_taliban_tie_is_active_in_2018_with_kinds_and_sources(corpus_store: Store) -> None:
    views = [v for v in ties(corpus_store, "al-Qaida", as_of="2018-12-31") if v.other == "Taliban"]
    assert any(v.tie.status == "active" for v in views)
    assert any(v.tie.support_kinds for v in views if v.tie.relation == "supports")
    sources = {doc for v in views for doc in v.tie.sources}
    assert sources >= {p.stem for p in DEV_ARTICLES}
    assert all(c.asserted is None or c.asserted <= "2018-12-31" for v in views for c in v.tie.claims)


def test_the_brief_cites_both_dev_articles(corpus_store: Store) -> None:
    result = brief(corpus_store, "al-Qaeda", "Taliban")
    assert {c.doc_id for c in result.sources} >= {Path(p).stem for p in DEV_ARTICLES}
    assert result.markdown.startswith("# al-Qaeda and Taliban\n")


def test_contradictions_between_the_two_are_listed_with_both_sides(corpus_store: Store) -> None:
    for found in contradictions(corpus_store, "Taliban", "al-Qaeda"):
        assert found.side_a and found.side_b
        assert {c.source for c in found.side_a + found.side_b} <= {"Taliban", "al-Qaeda"}
