from __future__ import annotations

import pytest

from alliancegraph import Store
from alliancegraph.analysis import ties
from alliancegraph.errors import QueryError
from tests.analysis.builders import add, merge, rel, review


def _status(store: Store, actor: str, other: str, relation: str, as_of: str | None = None) -> str:
    found = [v for v in ties(store, actor, as_of=as_of, relation=relation) if v.other == other]
    assert len(found) == 1, found
    return found[0].tie.status


def test_a_plain_claim_makes_an_active_tie_with_its_claims_and_sources(store: Store) -> None:
    add(store, "d1", "2016-05-01", rel("d1", "al-Qaeda", "allied_with", "Taliban", time="2016"))
    add(store, "d2", "2018-09-11", rel("d2", "Taliban", "allied_with", "al-Qaeda"))
    (view,) = ties(store, "al-Qaeda")
    assert (view.other, view.direction, view.tie.status) == ("Taliban", "<->", "active")
    assert view.tie.sources == ("d1", "d2") and len(view.tie.claims) == 2
    assert view.tie.first_stated == "2016-01-01" and view.tie.last_stated == "2018-09-11"
    assert view.best is not None and view.best.doc_id in ("d1", "d2")


def test_directed_types_keep_the_two_directions_apart(store: Store) -> None:
    add(store, "d1", "2018", rel("d1", "al-Qaeda", "supports", "Taliban", support=("training",)),
        rel("d1", "Taliban", "supports", "al-Qaeda", support=("safe_haven",)))
    found = {(v.direction, v.tie.support_kinds) for v in ties(store, "Taliban")}
    assert found == {("<-", ("training",)), ("->", ("safe_haven",))}


def test_a_later_denial_ends_the_tie_but_not_before_it_was_written(store: Store) -> None:
    add(store, "d1", "2000", rel("d1", "al-Qaeda", "supports", "Taliban", support=("funding",), time="1996"))
    add(store, "d2", "2018-09-11", rel("d2", "al-Qaeda", "supports", "Taliban", support=("funding",), negated=True,
                                       time="2018"))
    assert _status(store, "al-Qaeda", "Taliban", "supports", "2018-12-31") == "ended"
    assert _status(store, "al-Qaeda", "Taliban", "supports", "2005") == "active"


def test_an_explicit_end_in_the_past_ends_the_tie(store: Store) -> None:
    add(store, "d1", "2016", rel("d1", "United States", "fights", "al-Qaeda", time="2001/2016"))
    assert _status(store, "al-Qaeda", "United States", "fights", "2018") == "ended"
    assert _status(store, "al-Qaeda", "United States", "fights", "2016-06") == "active"


def test_overlapping_affirmation_and_denial_is_disputed_only_for_the_same_kind_of_help(store: Store) -> None:
    add(store, "d1", "2018", rel("d1", "al-Qaeda", "supports", "Taliban", support=("training",), time="2015/"),
        rel("d1", "al-Qaeda", "supports", "Taliban", support=("funding",), negated=True, time="2018"))
    assert _status(store, "al-Qaeda", "Taliban", "supports") == "active"
    add(store, "d2", "2018", rel("d2", "al-Qaeda", "supports", "Taliban", negated=True, time="2017"))
    assert _status(store, "al-Qaeda", "Taliban", "supports") == "disputed"


def test_only_denials_leave_the_tie_unknown(store: Store) -> None:
    add(store, "d1", "2018", rel("d1", "Taliban", "allied_with", "Islamic State", negated=True))
    assert _status(store, "Taliban", "Islamic State", "allied_with") == "unknown"


def test_as_of_leaves_out_later_documents_and_later_valid_times_but_keeps_undated(store: Store) -> None:
    add(store, "d1", "2020-03-06", rel("d1", "al-Qaeda", "allied_with", "Taliban"))
    add(store, "d2", "2018-01-01", rel("d2", "al-Qaeda", "fights", "Islamic State", time="2019"))
    add(store, "d3", None, rel("d3", "al-Qaeda", "rival_of", "Islamic State"))
    assert {v.tie.relation for v in ties(store, "al-Qaeda", as_of="2018-12-31")} == {"rival_of"}
    assert {v.tie.relation for v in ties(store, "al-Qaeda", as_of="2019-06")} == {"rival_of", "fights"}
    assert len(ties(store, "al-Qaeda")) == 3


def test_names_resolve_through_aliases_and_unknown_names_are_errors(store: Store) -> None:
    add(store, "d1", "2018", rel("d1", "al-Qaeda", "allied_with", "Taliban"))
    assert [v.other for v in ties(store, "AL QAIDA")] == ["Taliban"]
    with pytest.raises(QueryError, match="'Hezbollah'"):
        ties(store, "Hezbollah")
    with pytest.raises(QueryError, match="2018-13"):
        ties(store, "Taliban", as_of="2018-13")
    with pytest.raises(QueryError, match="friends"):
        ties(store, "Taliban", relation="friends")


def test_merged_actors_count_for_the_root_and_are_found_by_their_own_names(store: Store) -> None:
    add(store, "d1", "2018", rel("d1", "al-Qaeda", "allied_with", "Taliban"),
        rel("d1", "Quetta Shura", "allied_with", "al-Qaeda"))
    merge(store, "Quetta Shura", into="Taliban")
    (view,) = ties(store, "Quetta Shura")  # the merged name finds the root
    assert view.actor == "Taliban" and view.other == "al-Qaeda" and len(view.tie.claims) == 2


def test_rejected_facts_are_left_out_and_confirmed_ones_marked(store: Store) -> None:
    wrong = rel("d1", "al-Qaeda", "fights", "Taliban")
    right = rel("d1", "al-Qaeda", "allied_with", "Taliban")
    add(store, "d1", "2018", wrong, right)
    review(store, wrong, "rejected")
    review(store, right, "confirmed")
    (view,) = ties(store, "Taliban")
    assert view.tie.relation == "allied_with" and view.tie.claims[0].confirmed
    assert view.strength.value == 1.5  # the confirmed factor


def test_an_alias_shared_by_two_actors_is_ambiguous_but_an_own_name_wins(store: Store) -> None:
    from sqlalchemy import insert

    from alliancegraph.store import alias_key, schema
    from tests.analysis.builders import actor_id

    add(store, "d1", "2018", rel("d1", "Islamic State", "rival_of", "al-Qaeda"),
        rel("d1", "Islamic Sword", "allied_with", "al-Qaeda"), rel("d1", "IS", "fights", "al-Qaeda"))
    with store.engine.begin() as conn:
        conn.execute(insert(schema.aliases), [dict(actor_id=actor_id(store, n), alias="the IS group",
                                                   key=alias_key("the IS group")) for n in ("Islamic State",
                                                                                            "Islamic Sword")])
    with pytest.raises(QueryError, match="ambiguous actor 'the IS group': it may be Islamic State, Islamic Sword"):
        ties(store, "the IS group")
    assert [v.tie.relation for v in ties(store, "is")] == ["fights"]  # the actor named "IS" itself
