from __future__ import annotations

import pytest

from alliancegraph import Store
from alliancegraph.analysis import changes, contradictions, evidence, quantities, timeline
from alliancegraph.errors import QueryError
from tests.analysis.builders import add, event, qty, rel


def test_evidence_lists_every_claim_between_two_actors_in_time_order(store: Store) -> None:
    add(store, "late", "2018-09-11", rel("late", "Taliban", "supports", "al-Qaeda", support=("safe_haven",),
                                         attributed_to="Tricia Bacon"))
    add(store, "early", "2016-08-01", rel("early", "al-Qaeda", "allied_with", "Taliban", time="2016", hedged=True),
        event("early", "attack", "al-Qaeda", "Taliban", time="2016-07"),
        rel("early", "al-Qaeda", "fights", "Islamic State"))
    claims = evidence(store, "Taliban", "AQ")
    assert [(c.doc_id, c.kind) for c in claims] == [("early", "relation"), ("early", "event"), ("late", "relation")]
    assert claims[-1].speaker == "Tricia Bacon" and claims[0].speaker == "Ann Writer"  # else the author
    assert claims[0].hedged and claims[0].asserted == "2016-08-01"
    with pytest.raises(QueryError, match="same actor"):
        evidence(store, "al-Qaeda", "al-Qaida")


def test_timeline_marks_first_statements_denials_ends_and_events(store: Store) -> None:
    add(store, "d1", "2016", rel("d1", "United States", "fights", "al-Qaeda", time="2001/2016"),
        event("d1", "airstrike", "United States", "al-Qaeda", time="2015"))
    add(store, "d2", "2018", rel("d2", "United States", "fights", "al-Qaeda", negated=True, time="2018"))
    steps = [(e.date, e.what) for e in timeline(store, "al-Qaeda", "United States")]
    assert steps == [("2001-01-01", "tie stated first"), ("2015-01-01", "event"), ("2016-12-31", "ended"),
                     ("2018-01-01", "denied")]


def test_changes_between_two_days(store: Store) -> None:
    add(store, "d1", "2015", rel("d1", "al-Qaeda", "allied_with", "Taliban"),
        rel("d1", "al-Qaeda", "supports", "Taliban", support=("funding",)),
        rel("d1", "United States", "fights", "al-Qaeda", time="2001/2016"),
        rel("d1", "Islamic State", "allied_with", "Taliban"))
    add(store, "d2", "2017", rel("d2", "al-Qaeda", "supports", "Taliban", support=("training",)),
        rel("d2", "al-Qaeda", "rival_of", "Islamic State"),
        rel("d2", "Islamic State", "allied_with", "Taliban", negated=True))
    found = {(c.tie.source, c.tie.relation, c.tie.target): c.change for c in changes(store, "2015", "2017")}
    assert found == {
        ("Islamic State", "rival_of", "al-Qaeda"): "appeared",
        ("United States", "fights", "al-Qaeda"): "ended",
        ("Islamic State", "allied_with", "Taliban"): "ended",
        ("al-Qaeda", "supports", "Taliban"): "strengthened",
    }  # the alliance only aged: no change
    with pytest.raises(QueryError, match="before"):
        changes(store, "2018", "2017")


def test_quantities_keep_every_estimate_with_its_source(store: Store) -> None:
    add(store, "d1", "2016", qty("d1", "al-Qaeda", "fighters", 300, time="2016", attributed_to="Charles Cleveland"),
        qty("d1", "al-Qaeda", "fighters", 3000, time="2001"), qty("d1", "Taliban", "fighters", 30000))
    add(store, "d2", "2023", qty("d2", "al-Qaeda", "fighters", 400, approximate=True))
    (spread,) = quantities(store, "al-Qaeda", measure="fighters")
    assert [c.value for c in spread.claims] == [3000, 300, 400]
    assert (spread.low, spread.high, spread.median, spread.sources) == (300, 3000, 400, 2)
    assert spread.claims[1].speaker == "Charles Cleveland"
    assert quantities(store, "al-Qaeda", measure="fighters", as_of="2020")[0].values == [3000, 300]
    with pytest.raises(QueryError, match="soldiers"):
        quantities(store, "al-Qaeda", measure="soldiers")


def test_contradictions_of_each_kind_with_both_sides(store: Store) -> None:
    add(store, "d1", "2018", rel("d1", "Taliban", "supports", "al-Qaeda", support=("safe_haven",), time="2018"),
        qty("d1", "Islamic State", "fighters", 1500, time="2016"),
        rel("d1", "Mullah Omar", "leads", "Taliban", role="leader", time="/2013"),
        rel("d1", "Haibatullah Akhundzada", "leads", "Taliban", role="leader", time="2018"),
        rel("d1", "Osama bin Laden", "leads", "al-Qaeda", role="leader"))
    add(store, "d2", "2020", rel("d2", "Taliban", "supports", "al-Qaeda", negated=True, time="2018/2020",
                                 attributed_to="Taliban spokesman"),
        qty("d2", "Islamic State", "fighters", 4000, time="2016"),
        qty("d2", "Islamic State", "fighters", 2000, time="2016"),
        rel("d2", "Akhtar Mohammad Mansour", "leads", "Taliban", role="leader", time="2012/2016"),
        rel("d2", "Ayman al-Zawahiri", "leads", "al-Qaeda", role="leader"),
        rel("d2", "Taliban", "rival_of", "al-Qaeda", time="2018"))
    found = {(c.kind, c.subject): c for c in contradictions(store)}
    assert set(found) == {
        ("affirmed_and_denied", "Taliban supports al-Qaeda"),
        ("allied_and_opposed", "Taliban and al-Qaeda"),
        ("quantities_differ", "Islamic State fighters"),  # 1500 vs 4000 and 2000 vs 4000; not 1500 vs 2000
        ("leaders_differ", "leader of Taliban"),  # Omar vs Mansour overlap; undated leaders are not compared
    }
    denied = found[("affirmed_and_denied", "Taliban supports al-Qaeda")]
    assert [c.doc_id for c in denied.side_a] == ["d1"] and denied.side_b[0].speaker == "Taliban spokesman"
    assert [x.detail for x in contradictions(store) if x.kind == "quantities_differ"] == [
        "1500 vs 4000 for overlapping times", "4000 vs 2000 for overlapping times"]
    leaders = found[("leaders_differ", "leader of Taliban")]
    assert {leaders.side_a[0].source, leaders.side_b[0].source} == {"Mullah Omar", "Akhtar Mohammad Mansour"}
    assert [c.subject for c in contradictions(store, "Islamic State")] == ["Islamic State fighters"] * 2
