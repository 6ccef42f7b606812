from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from alliancegraph import (
    PENDING_EVIDENCE,
    Document,
    Event,
    Evidence,
    Extraction,
    QueryError,
    Relation,
    Store,
    add_fact,
    confirm_fact,
    decisions,
    merge_actors,
    reject_fact,
    split_actors,
    split_alias,
    undo,
)
from alliancegraph.model import Mention
from alliancegraph.store import ActorInfo, schema

WHO = dict(who="ana", why="checked the sources")
TEXT = "Iran arms the Houthis. Hurras al Deen fights the Syrian Army. Ansar Allah took Sanaa in 2014."


def _ev(doc: str, quote: str) -> Evidence:
    at = TEXT.index(quote)
    return Evidence(doc, quote, at, at + len(quote), at, at + len(quote))


def _fill(store: Store, doc_id: str = "d1") -> None:
    """One document: Iran supports the Houthis; 'Hurras al Deen' (read as text) fights the Syrian Army."""
    facts = (Relation("Iran", "supports", "Houthis", _ev(doc_id, "Iran arms the Houthis."), support=("weapons",)),
             Relation("Hurras al Deen", "fights", "Syrian Army", _ev(doc_id, "Hurras al Deen fights the Syrian Army.")))
    mentions = (Mention(doc_id, "Iran", "state", "Iran", 0, 4, "gazetteer"),
                Mention(doc_id, "Houthis", "armed_group", "Houthis", 14, 21, "gazetteer"),
                Mention(doc_id, "Hurras al Deen", "armed_group", "Hurras al Deen", 23, 37, "ner"))
    infos = [ActorInfo("Houthis", "armed_group", "Yemen", ("Ansar Allah", "Houthi movement"), True),
             ActorInfo("Iran", "state", from_gazetteer=True),
             ActorInfo("Hurras al-Din", "armed_group", "Syria", ("Guardians of Religion",), True),
             ActorInfo("Hurras al Deen", "armed_group"), ActorInfo("Syrian Army", "state_force")]
    store.save(Document(doc_id, TEXT), Extraction(doc_id, mentions, facts), store.start_run("t", "1", "none"), infos)
    # the gazetteer actor is stored by a second (empty) document that mentions it
    store.save(Document("d0", "Hurras al-Din."), Extraction("d0", (Mention("d0", "Hurras al-Din", "armed_group",
               "Hurras al-Din", 0, 13, "gazetteer"),)), store.start_run("t", "1", "none"), infos)


def _ids(store: Store) -> dict[str, str]:
    return {f"{getattr(s.fact, 'source', '')}>{getattr(s.fact, 'target', '')}": s.fingerprint
            for s in store.stored_facts()}


def test_merge_reads_the_dropped_actor_as_the_kept_one(store: Store) -> None:
    _fill(store)
    decision = merge_actors(store, "Hurras al-Din", "Hurras al Deen", **WHO)
    assert (decision.action, decision.subject, decision.who, decision.why) == (
        "merge", "Hurras al Deen", "ana", "checked the sources")
    assert re.match(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$", decision.made_at)
    fights = [f for f in store.facts() if isinstance(f, Relation) and f.relation == "fights"]
    assert [(f.source, f.target) for f in fights] == [("Hurras al-Din", "Syrian Army")]
    hurras = next(a for a in store.actors() if a.name == "Hurras al-Din")
    assert hurras.mentions == 2 and hurras.merged == ("Hurras al Deen",) and "Hurras al Deen" in hurras.aliases
    assert "Hurras al Deen" not in {a.name for a in store.actors()}


def test_merge_resolves_names_through_aliases_and_refuses_self_and_cycles(store: Store) -> None:
    _fill(store)
    with pytest.raises(QueryError, match="'Ansar Allah' into itself"):
        merge_actors(store, "Houthis", "Ansar Allah", **WHO)
    merge_actors(store, "Guardians of Religion", "Hurras al Deen", **WHO)
    with pytest.raises(QueryError, match="cycle"):
        merge_actors(store, "Hurras al Deen", "Hurras al-Din", **WHO)
    with pytest.raises(QueryError, match="no actor named 'Nobody'"):
        merge_actors(store, "Nobody", "Iran", **WHO)
    with pytest.raises(QueryError, match="reason"):
        merge_actors(store, "Iran", "Houthis", who="ana", why="  ")
    assert [d.action for d in decisions(store)] == ["merge"]


def test_a_merge_moves_the_whole_group_of_the_dropped_actor(store: Store) -> None:
    _fill(store)
    merge_actors(store, "Hurras al-Din", "Hurras al Deen", **WHO)
    merge_actors(store, "Iran", "Hurras al Deen", **WHO)  # nonsense, but it must stay consistent
    assert {a.name for a in store.actors()} == {"Iran", "Houthis", "Syrian Army"}
    assert {f.source for f in store.facts() if isinstance(f, Relation)} == {"Iran"}


def test_split_separates_a_merged_actor_and_undo_merges_it_again(store: Store) -> None:
    _fill(store)
    merge_actors(store, "Hurras al-Din", "Hurras al Deen", **WHO)
    with pytest.raises(QueryError, match="'Iran' is not merged"):
        split_actors(store, "Iran", **WHO)
    split = split_actors(store, "Hurras al Deen", **WHO)
    assert split.payload["from"] == "Hurras al-Din"
    assert "Hurras al Deen" in {a.name for a in store.actors()}
    undo(store, split.id, **WHO)
    assert "Hurras al Deen" not in {a.name for a in store.actors()}


def test_undo_refuses_a_decision_that_later_ones_superseded(store: Store) -> None:
    _fill(store)
    merge = merge_actors(store, "Hurras al-Din", "Hurras al Deen", **WHO)
    split = split_actors(store, "Hurras al Deen", **WHO)
    with pytest.raises(QueryError, match=f"decision {merge.id} no longer holds"):
        undo(store, merge.id, **WHO)
    undo(store, split.id, **WHO)
    undo(store, merge.id, **WHO)
    assert "Hurras al Deen" in {a.name for a in store.actors()}


def test_undo_errors_name_the_decision(store: Store) -> None:
    _fill(store)
    merge = merge_actors(store, "Hurras al-Din", "Hurras al Deen", **WHO)
    undone = undo(store, merge.id, **WHO)
    with pytest.raises(QueryError, match=f"decision {merge.id} was already undone by decision {undone.id}"):
        undo(store, merge.id, **WHO)
    with pytest.raises(QueryError, match="cannot be undone"):
        undo(store, undone.id, **WHO)
    with pytest.raises(QueryError, match="no decision 99"):
        undo(store, 99, **WHO)
    history = decisions(store)
    assert [(d.action, d.undone_by) for d in history] == [("undo", None), ("merge", undone.id)]


def test_split_alias_makes_a_wrong_alias_an_actor_of_its_own(store: Store) -> None:
    _fill(store)
    decision = split_alias(store, "Houthis", "Houthi movement", **WHO)
    assert store.actor_id("Houthi movement") != store.actor_id("Houthis")
    assert "Houthi movement" not in next(a for a in store.actors() if a.name == "Houthis").aliases
    with pytest.raises(QueryError, match="'Sanaa' is not an alias of 'Houthis'"):
        split_alias(store, "Houthis", "Sanaa", **WHO)
    undo(store, decision.id, **WHO)
    assert store.actor_id("Houthi movement") == store.actor_id("Houthis")
    assert "Houthi movement" not in {a.name for a in store.actors()}


def test_reviews_by_fingerprint_prefix_or_id(store: Store) -> None:
    _fill(store)
    fps = _ids(store)
    supports, fights = fps["Iran>Houthis"], fps["Hurras al Deen>Syrian Army"]
    reject_fact(store, supports[:8], **WHO)
    assert [f.relation for f in store.facts() if isinstance(f, Relation)] == ["fights"]
    assert {s.fingerprint: s.review for s in store.stored_facts()}[supports] == "rejected"
    fights_id = next(s.id for s in store.stored_facts() if s.fingerprint == fights)
    confirm_fact(store, str(fights_id), **WHO)
    with pytest.raises(QueryError, match="already confirmed"):
        confirm_fact(store, fights[:12], **WHO)
    confirmed = confirm_fact(store, supports[:10], **WHO)  # a confirmation over a rejection
    assert len(store.facts()) == 2
    undo(store, confirmed.id, **WHO)  # back to rejected
    assert len(store.facts()) == 1


@pytest.mark.parametrize(("ref", "message"), [
    ("deadbeef00", "no fact 'deadbeef00'"), ("abc", "'abc' is not a fact id"),
    ("4242", "no fact '4242'"), ("not-hex!!", "'not-hex!!' is not a fact id"),
])
def test_unknown_fact_references_are_named(store: Store, ref: str, message: str) -> None:
    _fill(store)
    with pytest.raises(QueryError, match=re.escape(message)):
        reject_fact(store, ref, **WHO)


def test_an_analyst_fact_quoted_from_a_stored_document(store: Store) -> None:
    _fill(store)
    fact = Relation("Ansar Allah", "controls", "Sanaa", PENDING_EVIDENCE, time="2014")
    decision = add_fact(store, fact, citation="d1, third sentence", quote="took Sanaa in 2014", doc_id="d1", **WHO)
    stored = next(s for s in store.stored_facts() if s.origin == "analyst")
    assert stored.fingerprint == decision.subject
    ev = stored.fact.evidence
    assert (ev.doc_id, ev.text, TEXT[ev.char_start:ev.char_end]) == ("d1", "took Sanaa in 2014", "took Sanaa in 2014")
    assert TEXT[ev.sentence_start:ev.sentence_end] == "Ansar Allah took Sanaa in 2014."
    assert isinstance(stored.fact, Relation) and (stored.fact.source, stored.fact.target) == ("Houthis", "Sanaa")
    place = store.actor_id("Sanaa")
    with store.engine.connect() as conn:
        row = conn.execute(select(schema.actors).where(schema.actors.c.id == place)).first()
    assert row is not None and (row.type, row.origin) == ("place", "analyst")
    with pytest.raises(QueryError, match="stored already"):
        add_fact(store, fact, citation="again", quote="took Sanaa in 2014", doc_id="d1", **WHO)
    undo(store, decision.id, **WHO)
    assert [s for s in store.stored_facts() if s.origin == "analyst"] == []
    with pytest.raises(QueryError, match="no actor named 'Sanaa'"):
        store.actor_id("Sanaa")


def test_an_analyst_fact_without_a_document_gets_one_for_its_citation(store: Store) -> None:
    fact = Event("death", ("Abu Example",), PENDING_EVIDENCE, time="2020")
    decision = add_fact(store, fact, citation="UN report S/2020/1", quote="Abu Example died in 2020", **WHO)
    doc_id = decision.payload["doc_id"]
    assert re.fullmatch(r"analyst:[0-9a-f]{12}", doc_id)
    doc = store.document(doc_id)
    assert doc is not None and (doc.text, doc.source) == ("Abu Example died in 2020", "UN report S/2020/1")
    assert [f.facts_record()["actors"] for f in store.facts()] == [["Abu Example"]]
    undo(store, decision.id, **WHO)
    assert store.document(doc_id) is None and store.counts()["actors"] == 0


@pytest.mark.parametrize(("fact", "kwargs", "message"), [
    (Relation("Iran", "befriends", "Houthis", PENDING_EVIDENCE), {}, "unknown relation 'befriends'"),
    (Relation("Iran", "supports", "Houthis", PENDING_EVIDENCE, support=("love",)), {}, "unknown support kind 'love'"),
    (Relation("Iran", "fights", "Houthis", PENDING_EVIDENCE, time="last year"), {}, "time 'last year'"),
    (Relation("Iran", "fights", "Houthis", PENDING_EVIDENCE), {"doc_id": "nope", "quote": "x"},
     "no document with id 'nope'"),
    (Relation("Iran", "fights", "Houthis", PENDING_EVIDENCE), {"doc_id": "d1", "quote": "Iran bombs"},
     "the quote 'Iran bombs' does not occur in document 'd1'"),
    (Relation("Iran", "fights", "Houthis", PENDING_EVIDENCE), {"citation": " "}, "needs a citation"),
    (Relation("Ansar Allah", "fights", "Houthis", PENDING_EVIDENCE), {}, "'Ansar Allah' and 'Houthis' are both read"),
])
def test_bad_analyst_facts_are_refused_and_nothing_is_written(store: Store, fact: Relation, kwargs: dict[str, str],
                                                              message: str) -> None:
    _fill(store)
    before = store.counts()
    args = {"citation": "a report", **kwargs}
    with pytest.raises(QueryError, match=re.escape(message)):
        add_fact(store, fact, **args, **WHO)  # type: ignore[arg-type]
    assert store.counts() == before and decisions(store) == []


def test_a_relation_between_two_merged_actors_is_refused(store: Store) -> None:
    _fill(store)
    merge_actors(store, "Hurras al-Din", "Hurras al Deen", **WHO)
    with pytest.raises(QueryError, match="are both read as 'Hurras al-Din'"):
        add_fact(store, Relation("Hurras al Deen", "fights", "Guardians of Religion", PENDING_EVIDENCE),
                 citation="a report", **WHO)


def test_history_newest_first_and_by_subject(store: Store) -> None:
    _fill(store)
    merge_actors(store, "Hurras al-Din", "Hurras al Deen", **WHO)
    fp = _ids(store)["Iran>Houthis"]
    reject_fact(store, fp[:8], who="bo", why="misread")
    assert [d.action for d in decisions(store)] == ["reject", "merge"]
    assert [d.action for d in decisions(store, "Guardians of Religion")] == ["merge"]
    assert [d.who for d in decisions(store, fp[:9])] == ["bo"]
    assert decisions(store, "Iran") == []


def test_another_spelling_of_a_stored_actor_is_that_actor(store: Store) -> None:
    run = store.start_run("t", "1", "none")

    def save(doc_id: str, name: str, kind: str, from_gazetteer: bool = False) -> None:
        text = f"{name} is here {doc_id}."
        mention = Mention(doc_id, name, kind, name, 0, len(name), "ner")
        store.save(Document(doc_id, text), Extraction(doc_id, (mention,)), run,
                   [ActorInfo(name, kind, from_gazetteer=from_gazetteer)])

    save("a", "Jaish al Adl", "armed_group")
    save("b", "Jaish al-Adl", "group")  # same name up to punctuation, untyped: the same actor
    save("c", "JAISH AL ADL", "person")  # a person of that name is someone else
    names = {a.name: a.mentions for a in store.actors()}
    assert names == {"Jaish al Adl": 2, "JAISH AL ADL": 1}
    save("d", "Jaish al-Adl", "armed_group", from_gazetteer=True)  # the gazetteer's name wins over a text's
    assert {a.name: a.mentions for a in store.actors()} == {"Jaish al-Adl": 3, "JAISH AL ADL": 1}
