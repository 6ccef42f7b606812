"""The extractor on the project's own articles, scored against their gold facts.

``tests/data/articles`` is the evaluation set the rules were developed
against; ``tests/data/dev2`` a second one, written later by six other
writers; ``tests/data/heldout`` was written by other writers again and not
tuned on.  Each gold file is scored with its own aliases (two writers may
give one short name to different groups) and the tallies are summed.  The
floors sit a little under the measured scores: a change that makes the
extractor worse on prose it has not seen fails here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from alliancegraph import Store, ingest
from alliancegraph.api import written_facts
from alliancegraph.evaluate import Scores, load_facts, score
from alliancegraph.export.facts import once_per_document
from alliancegraph.extract import Extractor
from tests.conftest import ROOT

DATA = ROOT / "tests" / "data"
SETS = {
    # name: (articles, gold files, floors for relation, quantity and event F1)
    "evaluation": (DATA / "articles", [DATA / "gold.jsonl"], (0.60, 0.50, 0.60)),
    "dev2": (DATA / "dev2", sorted((DATA / "dev2").glob("*/gold.jsonl")), (0.24, 0.22, 0.33)),
    "heldout": (DATA / "heldout", sorted((DATA / "heldout").glob("*/gold.jsonl")), (0.41, 0.36, 0.48)),
}


def _scores(tmp_path: Path, extractor: Extractor, articles: Path, golds: list[Path]) -> Scores:
    store = Store.open(tmp_path / "own.db")
    report = ingest([articles], store, extractor)
    assert report.ok
    system = [f.facts_record() for f in once_per_document(written_facts(store, store.facts()))]
    store.close()
    total = Scores()
    for path in golds:
        gold, aliases = load_facts(path)
        for kind, tally in score(gold, system, aliases).kinds.items():
            total.kinds[kind].tp += tally.tp
            total.kinds[kind].fp += tally.fp
            total.kinds[kind].fn += tally.fn
    return total


@pytest.mark.parametrize("name", sorted(SETS))
def test_scores_stay_above_their_floor(name: str, tmp_path: Path, extractor: Extractor) -> None:
    articles, golds, floors = SETS[name]
    scores = _scores(tmp_path, extractor, articles, golds)
    for kind, floor in zip(("relation", "quantity", "event"), floors, strict=True):
        assert scores.kinds[kind].f1 >= floor, f"{name} {kind} F1 {scores.kinds[kind].f1:.3f} < {floor}"


@pytest.mark.parametrize("name", sorted(SETS))
def test_gold_evidence_is_verbatim(name: str) -> None:
    articles, golds, _ = SETS[name]
    texts = {p.stem: p.read_text(encoding="utf-8") for p in articles.rglob("*.txt")}
    for path in golds:
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            if record.get("kind") != "aliases":
                assert record["evidence"] in texts[record["doc"]], (path.name, record["evidence"][:60])
