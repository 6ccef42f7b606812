"""The ``tie_summary`` table: filled by its migration, kept equal to a full rebuild by every write."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete, select, text

from alliancegraph import (
    PENDING_EVIDENCE,
    Document,
    Extraction,
    Relation,
    Store,
    add_fact,
    confirm_fact,
    reject_fact,
    undo,
)
from alliancegraph.errors import StoreError
from alliancegraph.store import fingerprint, schema
from tests.analysis.builders import INFOS, add, rel

WHO = dict(who="ana", why="read the report")


def _rows(store: Store) -> list[dict[str, Any]]:
    t = schema.tie_summary
    with store.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(select(t).order_by(t.c.source_id, t.c.relation,
                                                                          t.c.target_id))]


def _fill(store: Store) -> dict[str, Relation]:
    f = {
        "ally": rel("d1", "al-Qaeda", "allied_with", "Taliban", time="2015"),
        "ally_back": rel("d1", "Taliban", "allied_with", "al-Qaeda"),
        "no_ally": rel("d2", "Taliban", "allied_with", "al-Qaeda", negated=True, time="2017"),
        "help": rel("d2", "al-Qaeda", "supports", "Taliban", support=("training",)),
        "fight": rel("d2", "al-Qaeda", "fights", "Islamic State", time="2014/2016"),
    }
    add(store, "d1", "2016-03-01", f["ally"], f["ally_back"])
    add(store, "d2", "2018", f["no_ally"], f["help"], f["fight"])
    return f


def test_both_directions_of_a_symmetric_tie_share_one_row(store: Store) -> None:
    _fill(store)
    rows = _rows(store)
    keys = [(r["relation"], r["affirmed"], r["negated"]) for r in rows]
    assert sorted(keys) == [("allied_with", 2, 1), ("fights", 1, 0), ("supports", 1, 0)]
    ally = next(r for r in rows if r["relation"] == "allied_with")
    assert ally["source_id"] < ally["target_id"] and ally["status"] == "ended"


def test_the_migration_fills_the_table_of_a_store_made_before_it(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with Store.open(path) as store:
        _fill(store)
        before = _rows(store)
        with store.engine.begin() as conn:  # the store as it was before migration 0003
            conn.execute(text("DROP TABLE tie_summary"))
            conn.execute(delete(schema.migrations).where(schema.migrations.c.name == "0003_tie_summary"))
    with Store.open(path) as store:
        assert _rows(store) == before and len(before) == 3


def test_the_document_count_migration_fills_the_column_as_a_rebuild_would(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with Store.open(path) as store:
        _fill(store)
        add(store, "d3", "2019", rel("d3", "al-Qaeda", "supports", "Taliban", support=("funding",)),
            rel("d3", "Taliban", "fights", "Islamic State", negated=True))
        before = _rows(store)
        with store.engine.begin() as conn:  # the table as migration 0003 made it before the column came
            conn.execute(text("ALTER TABLE tie_summary DROP COLUMN documents"))
            conn.execute(delete(schema.migrations).where(schema.migrations.c.name == "0004_tie_documents"))
    with Store.open(path) as store:
        assert _rows(store) == before
    assert sorted(r["documents"] for r in before) == [0, 1, 1, 2]  # only a denial, one document, two


def test_every_write_leaves_the_table_as_a_full_rebuild_would(store: Store) -> None:
    f = _fill(store)
    steps = [
        lambda: reject_fact(store, fingerprint(f["no_ally"]), **WHO),
        lambda: confirm_fact(store, fingerprint(f["help"]), **WHO),
        lambda: add_fact(store, Relation("Taliban", "fights", "Islamic State", PENDING_EVIDENCE, time="2019"),
                         citation="UN report", quote="The Taliban fight IS-K.", **WHO),
        lambda: add(store, "d2", "2019-06-01", f["help"]),  # re-extracted: the denial and the fight are gone
        lambda: add(store, "d3", None, rel("d3", "Islamic State", "rival_of", "al-Qaeda")),
    ]
    decisions = []
    for step in steps:
        decisions.append(step())
        incremental = _rows(store)
        assert store.refresh_tie_summary() == len(incremental)
        assert _rows(store) == incremental
    for decision in reversed([d for d in decisions if d is not None]):
        undo(store, decision.id, **WHO)
        incremental = _rows(store)
        store.refresh_tie_summary()
        assert _rows(store) == incremental
    assert {r["relation"] for r in _rows(store)} == {"allied_with", "supports", "rival_of"}


def test_refreshing_some_ties_leaves_the_others(store: Store) -> None:
    _fill(store)
    with store.engine.begin() as conn:
        conn.execute(delete(schema.tie_summary))
    fights = next(r for r in _rows_of_rebuild(store) if r["relation"] == "fights")
    with store.engine.begin() as conn:
        conn.execute(delete(schema.tie_summary))
    assert store.refresh_tie_summary([(fights["source_id"], "fights", fights["target_id"])]) == 1
    assert _rows(store) == [fights]


def _rows_of_rebuild(store: Store) -> list[dict[str, Any]]:
    store.refresh_tie_summary()
    return _rows(store)


def test_a_failed_save_leaves_the_summary_as_it_was(store: Store) -> None:
    _fill(store)
    before = _rows(store)
    run = store.start_run("hand", "1", "none")
    clash = Document("d9", "The text of d1.")  # d1's content hash: the insert fails
    with pytest.raises(StoreError, match="d9"):
        store.save(clash, Extraction("d9", (), (rel("d9", "al-Qaeda", "fights", "Taliban"),)), run, INFOS)
    assert _rows(store) == before
