from __future__ import annotations

import networkx as nx

from alliancegraph import Store
from alliancegraph.analysis import metrics
from alliancegraph.analysis.metrics import graph_metrics, wedge_ties
from tests.analysis.builders import add, rel, review


def _two_blocs(store: Store) -> None:
    # two triangles joined by C-D, and G hanging off F; hostile and denied ties are not in the web of allies
    add(store, "d1", "2018",
        rel("d1", "A", "allied_with", "B"), rel("d1", "B", "allied_with", "C"), rel("d1", "C", "allied_with", "A"),
        rel("d1", "D", "allied_with", "E"), rel("d1", "E", "supports", "F"), rel("d1", "F", "allied_with", "D"),
        rel("d1", "C", "supports", "D"), rel("d1", "F", "pledged_allegiance_to", "G"),
        rel("d1", "A", "fights", "E"), rel("d1", "H", "allied_with", "A"))
    add(store, "d2", "2019", rel("d2", "H", "allied_with", "A", negated=True), rel("d2", "B", "allied_with", "A"))


def test_metrics_on_a_known_graph(store: Store) -> None:
    _two_blocs(store)
    result = metrics(store)
    by_name = {m.actor: m for m in result.actors}
    assert set(by_name) == set("ABCDEFG") and result.edges == 8  # H's alliance was denied as often as affirmed
    assert result.actors[0].actor == "D"  # the broker between the two blocs
    assert (by_name["C"].degree, by_name["A"].weighted_degree) == (3, 3.0)  # A-B stated by two documents
    assert by_name["G"].weighted_degree == 1.5  # a pledge weighs 1.5
    assert set(map(frozenset, result.blocs)) == {frozenset("ABC"), frozenset("DEFG")}
    assert [(w.a, w.b, w.cut_off) for w in result.wedges] == [("C", "D", 3), ("F", "G", 1)]


def test_metrics_as_of_a_day_leave_out_later_documents(store: Store) -> None:
    _two_blocs(store)
    result = metrics(store, as_of="2018-12-31")
    assert "H" in {m.actor for m in result.actors}
    assert {m.actor: m.weighted_degree for m in result.actors}["A"] == 3.0  # A-B once, A-C, A-H


def test_wedges_measure_the_smaller_side_of_each_bridge() -> None:
    path = nx.path_graph(["a", "b", "c", "d", "e"])
    nx.set_edge_attributes(path, 1.0, "weight")
    assert [(w.a, w.b, w.cut_off) for w in wedge_ties(path)] == [
        ("b", "c", 2), ("c", "d", 2), ("a", "b", 1), ("d", "e", 1)]
    assert graph_metrics(nx.Graph()).actors == ()


def test_rejected_facts_leave_the_web_of_allies(store: Store) -> None:
    wrong = rel("d1", "A", "allied_with", "B")
    add(store, "d1", "2018", wrong, rel("d1", "B", "allied_with", "C"))
    review(store, wrong, "rejected")
    assert {m.actor for m in metrics(store).actors} == {"B", "C"}
