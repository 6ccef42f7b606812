from __future__ import annotations

from pathlib import Path

import pytest

from alliancegraph import Document, Relation, Store
from alliancegraph.extract import Extractor

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEV_CORPUS = SHARED / "corpus" / "dev"


def relation_keys(extractor: Extractor, text: str, date: str = "2021-03-02") -> set[tuple[str, str, str, bool]]:
    """(source, relation, target, negated) of every relation the extractor reads in one short text."""
    facts = extractor.extract(Document("t", text, date=date)).facts
    return {(f.source, f.relation, f.target, f.negated) for f in facts if isinstance(f, Relation)}


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    """One real extractor (spaCy model, shipped gazetteer) for the whole run."""
    return Extractor()


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store.open(tmp_path / "test.db")
    yield s
    s.close()


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


ARTICLE = """title: Militias on the border
source: Test Wire
author: Dana Whitfield
date: 2021-05-04

Hezbollah has long received weapons and funding from Iran, according to Israeli officials.

The Islamic State has fought the Taliban in eastern Afghanistan since 2015.
"""
