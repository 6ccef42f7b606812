"""The dev articles in ../shared (when present): ingest, export and score end to end."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from alliancegraph import Store, export_facts, ingest
from alliancegraph.extract import Extractor
from tests.conftest import DEV_CORPUS, SHARED

pytestmark = pytest.mark.skipif(not (DEV_CORPUS / "gold.jsonl").exists(), reason="../shared/corpus/dev not present")


def test_dev_corpus_exports_facts_that_the_scorer_reads(tmp_path: Path, extractor: Extractor) -> None:
    store = Store.open(tmp_path / "dev.db")
    report = ingest([DEV_CORPUS], store, extractor)
    assert report.ok and len(report.added) == 2 and report.skipped  # gold.jsonl is passed over
    out = tmp_path / "dev.jsonl"
    with out.open("w") as fh:
        assert export_facts(store, fh) > 0
    store.close()
    scored = subprocess.run([sys.executable, str(SHARED / "score_facts.py"), str(DEV_CORPUS / "gold.jsonl"),
                             str(out), "--json"], capture_output=True, text=True, check=True)
    scores = json.loads(scored.stdout)
    assert {"relation", "quantity", "event"} <= set(scores["kinds"])
    # every exported evidence is a verbatim span of its article
    texts = {p.stem: p.read_text(encoding="utf-8") for p in DEV_CORPUS.glob("*.txt")}
    for line in out.read_text().splitlines():
        record = json.loads(line)
        assert record["evidence"] in texts[record["doc"]]
