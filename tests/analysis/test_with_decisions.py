"""The graph answers through analysts' decisions made with the decisions API, and undoing them."""

from __future__ import annotations

from alliancegraph import Store, merge_actors, reject_fact
from alliancegraph.analysis import ties
from alliancegraph.store import fingerprint
from alliancegraph.store.decisions import undo
from tests.analysis.builders import add, rel


def test_a_rejection_and_a_merge_change_the_ties_until_undone(store: Store) -> None:
    wrong = rel("d1", "al-Qaeda", "fights", "Taliban")
    add(store, "d1", "2018-01-01", wrong, rel("d1", "Quetta Shura", "allied_with", "al-Qaeda"),
        rel("d1", "Taliban", "allied_with", "al-Qaeda"))
    assert {v.tie.relation for v in ties(store, "Taliban")} == {"fights", "allied_with"}

    rejected = reject_fact(store, fingerprint(wrong)[:12], who="ana", why="misread")
    merged = merge_actors(store, "Taliban", "Quetta Shura", who="ana", why="the leadership council")
    (view,) = ties(store, "Taliban")
    assert view.tie.relation == "allied_with" and len(view.tie.claims) == 2

    undo(store, merged.id, who="ana", why="too early")
    undo(store, rejected.id, who="ana", why="it was right")
    assert {(v.other, v.tie.relation) for v in ties(store, "Taliban")} == {("al-Qaeda", "fights"),
                                                                        ("al-Qaeda", "allied_with")}
    assert [len(v.tie.claims) for v in ties(store, "Taliban") if v.tie.relation == "allied_with"] == [1]
