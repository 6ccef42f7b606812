from __future__ import annotations

import pytest

from alliancegraph import Store
from alliancegraph.analysis import explain, ties, trend
from tests.analysis.builders import add, rel


def _strength(store: Store, a: str, b: str, relation: str, as_of: str = "2018-12-31") -> float:
    (view,) = [v for v in ties(store, a, as_of=as_of, relation=relation) if v.other == b]
    return view.strength.value


@pytest.mark.parametrize(("kw", "expected"), [
    ({}, 1.0),
    ({"hedged": True}, 0.5),
    ({"support": ("training", "funding", "weapons")}, 1.5),  # 1 + 0.25 per further kind
    ({"text": "al-Qaeda is now working more closely with the Taliban"}, 1.5),
    ({"text": "al-Qaeda's support to the Taliban has cooled and strained"}, 0.5),
])
def test_a_single_recent_claim_weighs_what_the_formula_says(store: Store, kw: dict[str, object],
                                                               expected: float) -> None:
    add(store, "d1", "2018-12-31", rel("d1", "al-Qaeda", "supports", "Taliban", **kw))
    assert _strength(store, "al-Qaeda", "Taliban", "supports") == expected


def test_recency_halves_the_weight_every_five_years(store: Store) -> None:
    add(store, "d1", "2008-12-31", rel("d1", "al-Qaeda", "allied_with", "Taliban", time="2008-12-31"))
    assert _strength(store, "al-Qaeda", "Taliban", "allied_with", "2013-12-31") == pytest.approx(0.5, abs=0.01)


def test_corroboration_restatement_and_denial(store: Store) -> None:
    add(store, "d1", "2018-12-31", rel("d1", "al-Qaeda", "allied_with", "Taliban"),
        rel("d1", "al-Qaeda", "allied_with", "Taliban"))
    assert _strength(store, "al-Qaeda", "Taliban", "allied_with") == 1.5  # 1 + 1/2 restated in one document
    add(store, "d2", "2018-12-31", rel("d2", "Taliban", "allied_with", "al-Qaeda"))
    assert _strength(store, "al-Qaeda", "Taliban", "allied_with") == 3.12  # (1.5 + 1) x 1.25
    add(store, "d3", "2018-12-31", rel("d3", "Taliban", "allied_with", "al-Qaeda", negated=True))
    assert _strength(store, "al-Qaeda", "Taliban", "allied_with") == 2.12


def test_the_parts_shown_add_up_to_the_score_and_name_the_facts(store: Store) -> None:
    add(store, "d1", "2016", rel("d1", "al-Qaeda", "supports", "Taliban", support=("training",), hedged=True))
    add(store, "d2", "2018", rel("d2", "al-Qaeda", "supports", "Taliban", support=("funding",)),
        rel("d2", "al-Qaeda", "fights", "Taliban"))
    result = explain(store, "al-Qaeda", "Taliban", as_of="2018-12-31")
    for v in result.ties:
        assert sum(p.value for p in v.strength.parts) == pytest.approx(v.strength.value, abs=0.02)
        assert {p.fact_id for p in v.strength.parts if p.fact_id} == {c.fact_id for c in v.tie.claims}
    support = next(v for v in result.ties if v.tie.relation == "supports").strength.value
    fights = next(v for v in result.ties if v.tie.relation == "fights").strength.value
    assert result.pair.value == pytest.approx(support - fights, abs=0.01)


def test_trend_rises_with_new_support_and_falls_with_denial_and_fighting(store: Store) -> None:
    add(store, "d1", "2015-06-01", rel("d1", "al-Qaeda", "allied_with", "Taliban", time="2015"))
    add(store, "d2", "2016-06-01", rel("d2", "al-Qaeda", "supports", "Taliban", support=("training",), time="2016"))
    rising = trend(store, "al-Qaeda", "Taliban", "2015-12-31", "2016-12-31")
    assert rising.direction == "stronger" and rising.delta > 0
    add(store, "d3", "2017-06-01", rel("d3", "al-Qaeda", "supports", "Taliban", negated=True, time="2017",
                                       text="al-Qaeda no longer supports the Taliban"),
        rel("d3", "Taliban", "fights", "al-Qaeda", time="2017"))
    falling = trend(store, "al-Qaeda", "Taliban", "2016-12-31", "2017-12-31")
    assert falling.direction == "weaker" and falling.delta < 0
    assert trend(store, "Taliban", "al-Qaeda", "2016-12-31", "2017-12-31") == falling  # the order of names aside


def test_scores_are_deterministic(store: Store) -> None:
    add(store, "d1", "2018", rel("d1", "al-Qaeda", "allied_with", "Taliban"),
        rel("d1", "al-Qaeda", "allied_with", "Islamic State"), rel("d1", "al-Qaeda", "allied_with", "Hamas"))
    first = [(v.other, v.strength) for v in ties(store, "al-Qaeda")]
    assert first == [(v.other, v.strength) for v in ties(store, "al-Qaeda")]
    assert [o for o, _ in first] == ["Hamas", "Islamic State", "Taliban"]  # equal strength: by name
