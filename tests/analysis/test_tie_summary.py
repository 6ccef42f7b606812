"""``ties`` read from the tie summary equals ``ties`` computed from the claims, tie by tie, after every write.

With a limit, both give the first ties of the full list, in the same order, and its count.
"""

from __future__ import annotations

import random
from typing import Any

import pytest
from sqlalchemy import event

from alliancegraph import PENDING_EVIDENCE, Relation, Store, add_fact, confirm_fact, merge_actors, reject_fact, undo
from alliancegraph.analysis.questions import TieView, live_ties, ties
from alliancegraph.errors import QueryError
from alliancegraph.store import fingerprint
from tests.analysis.builders import add, rel

WHO = dict(who="ana", why="read the report")
ACTORS = ("al-Qaeda", "Taliban", "Islamic State", "Haqqani Network")


def _digest(v: TieView) -> tuple[Any, ...]:
    t = v.tie
    return (v.other, v.direction, t.relation, t.source, t.target, t.status, t.reason, v.strength.value, t.sources,
            t.support_kinds, t.first_stated, t.last_stated, t.claim_count, v.best.fact_id if v.best else None,
            tuple(c.fact_id for c in t.claims))


def _summarized(views: list[TieView]) -> bool:
    return bool(views) and all(p.fact_id is None for v in views for p in v.strength.parts)


def assert_same(store: Store, actor: str, relation: str | None = None, *, summarized: bool = True) -> None:
    """The summary's answer equals the live one tie by tie; and it did come from the summary (or not)."""
    fast, live = ties(store, actor, relation=relation), live_ties(store, actor, relation=relation)
    assert [_digest(v) for v in fast] == [_digest(v) for v in live]
    if fast:
        assert _summarized(fast) is summarized


def _world(store: Store) -> dict[str, Relation]:
    """A few documents with denials, hedges, kinds of help, cues, open and closed times, an undated one."""
    f = {
        "ally": rel("d1", "al-Qaeda", "allied_with", "Taliban", time="2015"),
        "ally_again": rel("d1", "Taliban", "allied_with", "al-Qaeda"),
        "help": rel("d1", "al-Qaeda", "supports", "Taliban", support=("training", "funding"), hedged=True),
        "closer": rel("d1", "al-Qaeda", "supports", "Taliban", text="al-Qaeda works more closely with the Taliban"),
        "no_ally": rel("d2", "Taliban", "allied_with", "al-Qaeda", negated=True, time="2017"),
        "fought": rel("d2", "al-Qaeda", "fights", "Islamic State", time="2014/2016"),
        "arms": rel("d2", "al-Qaeda", "supports", "Taliban", support=("weapons",)),
        "no_funds": rel("d2", "al-Qaeda", "supports", "Taliban", support=("funding",), negated=True),
        "rivals": rel("d3", "al-Qaeda", "rival_of", "Islamic State"),
        "open": rel("d4", "Haqqani Network", "affiliate_of", "al-Qaeda", time="2017/"),
        "late": rel("d4", "Islamic State", "supports", "Haqqani Network", time="2018/2025"),
        "pledge": rel("d5", "Haqqani Network", "pledged_allegiance_to", "Taliban", time="2012"),
        "strained": rel("d5", "Haqqani Network", "allied_with", "al-Qaeda",
                        text="ties between the Haqqani Network and al-Qaeda have strained"),
    }
    add(store, "d1", "2016-03-01", f["ally"], f["ally_again"], f["help"], f["closer"])
    add(store, "d2", "2018-05", f["no_ally"], f["fought"], f["arms"], f["no_funds"])
    add(store, "d3", None, f["rivals"])
    add(store, "d4", "2019-01-02", f["open"], f["late"])
    add(store, "d5", "2013", f["pledge"], f["strained"])
    return f


def test_the_summary_answers_as_the_claims_do(store: Store) -> None:
    _world(store)
    for actor in ACTORS:
        assert_same(store, actor)
    assert_same(store, "al-Qaeda", "supports")
    assert_same(store, "Islamic State", "fights")
    # the shape of the answer, not only its equality with the live path
    by_other = {(v.other, v.tie.relation): v for v in ties(store, "al-Qaeda")}
    ally = by_other[("Taliban", "allied_with")]
    assert ally.tie.status == "ended" and ally.tie.claim_count == 3 and ally.tie.sources == ("d1",)  # "no longer"
    assert [p.label for p in ally.strength.parts] == ["2 affirmed claim(s) in 1 document(s)", "1 denial(s)"]
    assert by_other[("Islamic State", "fights")].tie.status == "active"  # a point in the past is not an end


def test_a_claim_ending_after_the_reference_day_counts_in_full(store: Store) -> None:
    _world(store)
    (late,) = [v for v in ties(store, "Islamic State", relation="supports")]
    assert late.strength.value == 1.0  # recency 1: it speaks for days after the latest document


def test_reviews_and_their_undoing_reach_the_summary(store: Store) -> None:
    f = _world(store)
    decision = reject_fact(store, fingerprint(f["no_ally"]), **WHO)
    assert_same(store, "al-Qaeda")
    ally = next(v for v in ties(store, "al-Qaeda") if v.tie.relation == "allied_with" and v.other == "Taliban")
    assert ally.tie.status == "active" and ally.tie.claim_count == 2
    confirmed = confirm_fact(store, fingerprint(f["help"]), **WHO)
    assert_same(store, "Taliban")
    help_ = next(v for v in ties(store, "Taliban") if v.tie.relation == "supports")
    assert help_.best is not None and help_.best.fact_id == next(
        c.fact_id for c in help_.tie.claims if c.fingerprint == fingerprint(f["help"]))
    undo(store, decision.id, **WHO)
    undo(store, confirmed.id, **WHO)
    assert_same(store, "al-Qaeda")
    assert_same(store, "Taliban")


def test_a_fact_added_by_hand_and_undone_reaches_the_summary(store: Store) -> None:
    _world(store)
    fact = Relation("Taliban", "fights", "Islamic State", PENDING_EVIDENCE, time="2019")
    decision = add_fact(store, fact, citation="UN report 2019", quote="The Taliban fight IS-K.", **WHO)
    assert ("Islamic State", "fights") in {(v.other, v.tie.relation) for v in ties(store, "Taliban")}
    assert_same(store, "Taliban")
    undo(store, decision.id, **WHO)
    assert ("Islamic State", "fights") not in {(v.other, v.tie.relation) for v in ties(store, "Taliban")}
    assert_same(store, "Taliban")


def test_reextraction_that_drops_a_fact_drops_it_from_the_summary(store: Store) -> None:
    f = _world(store)
    add(store, "d2", "2018-05", f["fought"], f["arms"])  # the denials are gone from the new extraction
    assert_same(store, "al-Qaeda")
    ally = next(v for v in ties(store, "al-Qaeda") if v.tie.relation == "allied_with" and v.other == "Taliban")
    assert ally.tie.status == "active" and ally.tie.negated == ()
    add(store, "d4", "2020-06-01")  # a document with no facts left: its ties go, its date no longer counts
    assert ("Haqqani Network", "affiliate_of") not in {(v.other, v.tie.relation) for v in ties(store, "al-Qaeda")}
    assert_same(store, "al-Qaeda")
    assert_same(store, "Islamic State")


def test_merges_fall_back_to_the_claims_and_count_the_merged_actor(store: Store) -> None:
    _world(store)
    add(store, "d6", "2019-02-01", rel("d6", "al-Qaida Central", "allied_with", "Taliban"),
        rel("d6", "ISKP", "fights", "Haqqani Network"))
    merge_actors(store, "al-Qaeda", "al-Qaida Central", **WHO)
    merge_actors(store, "Islamic State", "ISKP", **WHO)
    views = ties(store, "al-Qaeda")
    assert_same(store, "al-Qaeda", summarized=False)  # the actor has a merged member
    ally = next(v for v in views if v.tie.relation == "allied_with" and v.other == "Taliban")
    assert ally.tie.claim_count == 4 and ally.tie.sources == ("d1", "d6")
    assert_same(store, "Haqqani Network", summarized=False)  # a counterpart is merged
    fights = next(v for v in ties(store, "Haqqani Network") if v.tie.relation == "fights")
    assert fights.other == "Islamic State"


def test_the_summary_loads_a_ties_claims_only_when_asked(store: Store) -> None:
    _world(store)
    view = next(v for v in ties(store, "Haqqani Network") if v.tie.relation == "pledged_allegiance_to")
    assert view.tie._claims is None  # not read yet
    assert [c.evidence for c in view.tie.claims] == [c.evidence for c in live_ties(
        store, "Haqqani Network", relation="pledged_allegiance_to")[0].tie.claims]


def _random_store(store: Store, seed: int) -> None:
    rng = random.Random(seed)
    names = ["al-Qaeda", "Taliban", "Islamic State", "Haqqani Network", "Hamas", "Hezbollah"]
    relations = ["allied_with", "supports", "fights", "rival_of", "pledged_allegiance_to", "negotiates_with",
                 "leads", "split_from"]
    texts = ["{a} and {b}", "{a} works more closely with {b}", "{a} keeps its distance from {b}",
             "{a} stepped up help to {b}", "{a} and {b}, reportedly"]
    facts: list[Relation] = []
    for d in range(25):
        date = rng.choice([None, f"{rng.randint(2005, 2020)}", f"{rng.randint(2005, 2020)}-{rng.randint(1, 12):02d}",
                           f"{rng.randint(2005, 2020)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"])
        doc = []
        for _ in range(rng.randint(1, 6)):
            a, b = rng.sample(names, 2)
            relation = rng.choice(relations)
            y = rng.randint(2000, 2024)
            time = rng.choice([None, None, str(y), f"{y}/{y + rng.randint(0, 8)}", f"{y}/", f"/{y}"])
            support = tuple(rng.sample(["training", "funding", "weapons", "safe_haven"], rng.randint(0, 3))) \
                if relation == "supports" else ()
            doc.append(rel(f"r{d}", a, relation, b, negated=rng.random() < 0.2, hedged=rng.random() < 0.25,
                           time=time, support=support, text=f"{rng.choice(texts).format(a=a, b=b)} ({d}-{len(doc)})"))
        add(store, f"r{d}", date, *doc)
        facts += doc
    for fact in rng.sample(facts, 8):
        review = confirm_fact if rng.random() < 0.5 else reject_fact
        review(store, fingerprint(fact), **WHO)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_random_store_answers_the_same_from_the_summary(store: Store, seed: int) -> None:
    _random_store(store, seed)
    for actor in ("al-Qaeda", "Taliban", "Islamic State", "Haqqani Network", "Hamas", "Hezbollah"):
        assert_same(store, actor)
        assert_same(store, actor, "supports")


# -- a limit -------------------------------------------------------------------


def assert_same_limited(store: Store, actor: str, limit: int, relation: str | None = None, **kw: Any) -> None:
    """Both paths with a limit give the first ``limit`` ties of the full list, and the full list's count."""
    full = live_ties(store, actor, relation=relation, **kw)
    for found in (ties(store, actor, relation=relation, limit=limit, **kw),
                  live_ties(store, actor, relation=relation, limit=limit, **kw)):
        assert [_digest(v) for v in found] == [_digest(v) for v in full[:limit]]
        assert found.total == len(full) and found.more == max(0, len(full) - limit)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_limit_keeps_the_first_ties_of_the_full_list(store: Store, seed: int) -> None:
    _random_store(store, seed)
    for actor in ("al-Qaeda", "Taliban", "Islamic State", "Haqqani Network", "Hamas", "Hezbollah"):
        n = len(ties(store, actor))
        assert n > 3  # so that the limits below cut the list
        for limit in sorted({0, 1, 2, 3, n // 2, n - 1, n, n + 1}):
            assert_same_limited(store, actor, limit)
        assert_same_limited(store, actor, 2, "supports")


def test_ties_in_strength_are_cut_by_the_other_actors_name_then_type_then_direction(store: Store) -> None:
    # one claim each in one document: every tie below weighs 1, but the alliance (two documents)
    add(store, "d1", "2020-01-01", rel("d1", "al-Qaeda", "fights", "Zeta Front"),
        rel("d1", "al-Qaeda", "fights", "Beta Army"), rel("d1", "al-Qaeda", "supports", "Beta Army"),
        rel("d1", "Beta Army", "supports", "al-Qaeda"), rel("d1", "al-Qaeda", "fights", "Alpha Brigade"),
        rel("d1", "al-Qaeda", "allied_with", "Taliban"))
    add(store, "d2", "2020-01-01", rel("d2", "Taliban", "allied_with", "al-Qaeda"))
    listed = [(v.other, v.tie.relation, v.direction, v.strength.value) for v in ties(store, "al-Qaeda", limit=4)]
    assert listed == [("Taliban", "allied_with", "<->", 2.5), ("Alpha Brigade", "fights", "->", 1.0),
                      ("Beta Army", "fights", "->", 1.0), ("Beta Army", "supports", "->", 1.0)]
    for limit in range(7):
        assert_same_limited(store, "al-Qaeda", limit)
    assert ties(store, "al-Qaeda", limit=4).more == 2


def test_the_claims_path_honours_the_limit(store: Store) -> None:
    _world(store)
    assert_same_limited(store, "al-Qaeda", 2, as_of="2018-12-31")
    found = ties(store, "al-Qaeda", as_of="2018-12-31", limit=2)
    assert len(found) == 2 and found.total == len(ties(store, "al-Qaeda", as_of="2018-12-31")) > 2
    add(store, "d6", "2019-02-01", rel("d6", "al-Qaida Central", "allied_with", "Taliban"))
    merge_actors(store, "al-Qaeda", "al-Qaida Central", **WHO)
    assert not _summarized(ties(store, "al-Qaeda", limit=2))  # a merge: read from the claims
    assert_same_limited(store, "al-Qaeda", 2)


def test_a_limit_of_none_is_all_and_a_negative_one_is_refused(store: Store) -> None:
    _world(store)
    every = ties(store, "al-Qaeda")
    assert every.total == len(every) and every.more == 0
    assert ties(store, "al-Qaeda", limit=0) == [] and ties(store, "al-Qaeda", limit=0).total == len(every)
    with pytest.raises(QueryError, match="-1"):
        ties(store, "al-Qaeda", limit=-1)


def test_a_write_between_ranking_and_reading_the_shown_ties_is_not_mixed_in(store: Store) -> None:
    _world(store)
    (strongest,) = ties(store, "al-Qaeda", limit=1)
    reads: list[str] = []

    def write_before_the_second_read(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if "tie_summary.reason" in statement:
            reads.append(statement)
            if len(reads) == 1:  # the shown rows, read after ranking: a review lands just before
                reject_fact(store, strongest.tie.claims[0].fingerprint, **WHO)

    event.listen(store.engine, "before_cursor_execute", write_before_the_second_read)
    try:
        found = ties(store, "al-Qaeda", limit=2)
    finally:
        event.remove(store.engine, "before_cursor_execute", write_before_the_second_read)
    assert len(reads) == 2  # the shown rows had changed: every column read again at once
    assert [_digest(v) for v in found] == [_digest(v) for v in live_ties(store, "al-Qaeda", limit=2)]
