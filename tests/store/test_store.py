from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from alliancegraph import Document, Evidence, Extraction, Quantity, Relation, Store
from alliancegraph.errors import StoreError
from alliancegraph.model import Event, Mention
from alliancegraph.store import ActorInfo, fingerprint, schema
from alliancegraph.store.migrations import MIGRATIONS


def _ev(doc: str, text: str, start: int = 0) -> Evidence:
    return Evidence(doc, text, start, start + len(text), start, start + len(text))


def _extraction(doc_id: str) -> Extraction:
    rel = Relation("Iran", "supports", "Houthis", _ev(doc_id, "Iran arms the Houthis."), support=("weapons",),
                   attributed_to="Sam Lee", time="2019/2024")
    qty = Quantity("Houthis", "fighters", 100000, _ev(doc_id, "over 100,000 fighters", 30), approximate=True)
    evt = Event("attack", ("Houthis",), _ev(doc_id, "The Houthis attacked a ship.", 60), place="Red Sea",
                time="2024-01-12")
    mentions = (Mention(doc_id, "Iran", "state", "Iran", 0, 4, "gazetteer"),
                Mention(doc_id, "Houthis", "armed_group", "Houthis", 14, 21, "gazetteer"))
    return Extraction(doc_id, mentions, (rel, qty, evt))


DOC = Document("d1", "Iran arms the Houthis. over 100,000 fighters. The Houthis attacked a ship.", title="T",
               date="2024-02-01", author="Sam Lee")
INFOS = [ActorInfo("Houthis", "armed_group", "Yemen", ("Ansar Allah",), True), ActorInfo("Iran", "state")]


def test_migrations_are_recorded_and_run_once(tmp_path: Path) -> None:
    path = tmp_path / "m.db"
    Store.open(path).close()
    store = Store.open(path)
    with store.engine.connect() as conn:
        names = list(conn.execute(select(schema.migrations.c.name)).scalars())
    assert names == [name for name, _ in MIGRATIONS]
    store.close()


def test_facts_round_trip_with_evidence_and_actors(store: Store) -> None:
    run = store.start_run("test", "1", "none")
    store.save(DOC, _extraction("d1"), run, INFOS)
    facts = store.facts("d1")
    assert [f.facts_record() for f in facts] == [f.facts_record() for f in _extraction("d1").facts]
    counts = store.counts()
    assert (counts["documents"], counts["facts"], counts["relation"], counts["quantity"], counts["event"]) == (
        1, 3, 1, 1, 1)
    houthis = next(a for a in store.actors() if a.name == "Houthis")
    assert houthis.type == "armed_group" and "Ansar Allah" in houthis.aliases and houthis.mentions == 1


def test_saving_a_document_again_replaces_its_facts(store: Store) -> None:
    run = store.start_run("test", "1", "none")
    store.save(DOC, _extraction("d1"), run, INFOS)
    store.save(DOC, _extraction("d1"), run, INFOS)
    assert store.counts()["facts"] == 3 and store.counts()["mentions"] == 2


def test_a_failed_write_loses_nothing_already_stored(store: Store) -> None:
    run = store.start_run("test", "1", "none")
    store.save(DOC, _extraction("d1"), run, INFOS)
    clash = Document("d2", DOC.text)  # same content hash as d1: the unique constraint fails mid-transaction
    with pytest.raises(StoreError, match="d2"):
        store.save(clash, _extraction("d2"), run, INFOS)
    assert store.counts()["documents"] == 1 and store.counts()["facts"] == 3
    assert not store.has_document("d2")


def test_fingerprint_is_stable_and_distinguishes_facts() -> None:
    a, b = _extraction("d1").facts[0], _extraction("d1").facts[1]
    assert fingerprint(a) == fingerprint(_extraction("d1").facts[0])
    assert fingerprint(a) != fingerprint(b)


def test_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="missing"):
        Store.open(tmp_path / "no" / "such" / "dir" / "x.db")
