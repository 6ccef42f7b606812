"""The graph page: Cytoscape draws /api/graph, the time slider and filters redraw it, clicks open pages."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any
from urllib.parse import urlencode

from .conftest import LiveServer, Tab, get_json

READY = '#graph[data-ready="1"]'

# What a person's drag does to a range input: a new value, then input and change events.
MOVE_SLIDER = """(slider, position) => {
    slider.value = String(position);
    slider.dispatchEvent(new Event("input", {bubbles: true}));
    slider.dispatchEvent(new Event("change", {bubbles: true}));
}"""

# The node or edge (its midpoint) farthest from every other node on screen, so
# that a click there hits it and nothing else.
CLEAREST = """kind => {
    const cy = window.allianceGraph;
    const width = cy.width(), height = cy.height();
    const centres = cy.nodes().map(n => [n.id(), n.renderedPosition()]);
    let best = null;
    cy[kind]().forEach(element => {
        const p = kind === "nodes" ? element.renderedPosition() : element.renderedMidpoint();
        if (p.x < 10 || p.y < 10 || p.x > width - 10 || p.y > height - 10) return;
        let clearance = Infinity;
        for (const [id, c] of centres) {
            if (id === element.id()) continue;
            clearance = Math.min(clearance, Math.hypot(c.x - p.x, c.y - p.y));
        }
        if (best === null || clearance > best.clearance) best = {id: element.id(), x: p.x, y: p.y, clearance};
    });
    return best;
}"""


def drawn_edges(tab: Tab) -> set[str]:
    ids: list[str] = tab.page.evaluate("window.allianceGraph.edges().map(e => e.id())")
    return set(ids)


def open_graph(tab: Tab) -> Any:
    tab.open("/")
    tab.page.wait_for_selector(READY)
    return tab.page.locator("#graph")


def move_to(tab: Tab, first: str, day: date | None) -> None:
    """Put the slider on ``day`` (None: its last position, every tie) and wait for the redraw."""
    slider = tab.page.locator("#as-of")
    position = int(slider.get_attribute("max") or 0) if day is None else (day - date.fromisoformat(first)).days
    slider.evaluate(MOVE_SLIDER, position)
    expected = "" if day is None else day.isoformat()
    tab.page.wait_for_selector(f'#graph[data-ready="1"][data-as-of="{expected}"]')


def test_graph_renders_nodes_and_edges(tab: Tab, live_server: LiveServer) -> None:
    graph = open_graph(tab)
    api = get_json(live_server, "/api/graph")

    assert int(graph.get_attribute("data-nodes")) > 0
    assert int(graph.get_attribute("data-nodes")) == len(api["nodes"])
    assert int(graph.get_attribute("data-edges")) == len(api["edges"]) > 0
    assert drawn_edges(tab) == {edge["id"] for edge in api["edges"]}
    # the legend names the relation types drawn
    legend = tab.page.locator("#graph-legend").inner_text()
    for edge in api["edges"][:5]:
        assert edge["type"].replace("_", " ") in legend
    assert tab.errors == []
    tab.shot("graph")


def test_slider_before_a_ties_first_date_hides_it(tab: Tab, live_server: LiveServer) -> None:
    api = get_json(live_server, "/api/graph")
    first = api["range"]["first"]
    assert first is not None
    # the tie that starts last, so that a day before it is inside the slider's span
    dated = [edge for edge in api["edges"] if edge["first"] and edge["first"] > first]
    assert dated, "the demo store should hold ties starting on different days"
    tie = max(dated, key=lambda edge: edge["first"])
    day_before = date.fromisoformat(tie["first"][:10]) - timedelta(days=1)

    open_graph(tab)
    assert tie["id"] in drawn_edges(tab)

    move_to(tab, first, day_before)
    assert tab.page.locator("#as-of-label").inner_text() == day_before.isoformat()
    then = get_json(live_server, "/api/graph?" + urlencode({"as_of": day_before.isoformat()}))
    assert tie["id"] not in {edge["id"] for edge in then["edges"]}
    assert tie["id"] not in drawn_edges(tab)
    assert drawn_edges(tab) == {edge["id"] for edge in then["edges"]}
    tab.shot("graph-before-" + day_before.isoformat())

    move_to(tab, first, None)
    assert tie["id"] in drawn_edges(tab)
    assert tab.errors == []


def test_type_filter_draws_only_that_type(tab: Tab, live_server: LiveServer) -> None:
    api = get_json(live_server, "/api/graph")
    counts: dict[str, int] = {}
    for edge in api["edges"]:
        counts[edge["type"]] = counts.get(edge["type"], 0) + 1
    kind = max(counts, key=lambda k: counts[k])

    open_graph(tab)
    tab.page.evaluate("document.querySelector('#graph').removeAttribute('data-ready')")
    tab.page.locator("#filter-type").select_option(kind)
    tab.page.wait_for_selector(READY)
    types = tab.page.evaluate("window.allianceGraph.edges().map(e => e.data('type'))")
    assert types and set(types) == {kind}
    assert len(types) == counts[kind]


def test_clicking_an_edge_opens_its_tie_page(tab: Tab, live_server: LiveServer) -> None:
    open_graph(tab)
    edges = {edge["id"]: edge for edge in get_json(live_server, "/api/graph")["edges"]}
    target = tab.page.evaluate(CLEAREST, "edges")
    edge = edges[target["id"]]
    box = tab.page.locator("#graph").bounding_box()
    tab.page.mouse.click(box["x"] + target["x"], box["y"] + target["y"])
    tab.page.wait_for_url("**/ties/**")
    assert tab.page.url.endswith(edge["url"])
    assert tab.page.locator("h1").count() == 1


def test_clicking_a_node_opens_its_actor_page(tab: Tab, live_server: LiveServer) -> None:
    open_graph(tab)
    nodes = {node["id"]: node for node in get_json(live_server, "/api/graph")["nodes"]}
    target = tab.page.evaluate(CLEAREST, "nodes")
    node = nodes[target["id"]]
    box = tab.page.locator("#graph").bounding_box()
    tab.page.mouse.click(box["x"] + target["x"], box["y"] + target["y"])
    tab.page.wait_for_url("**/actors/**")
    assert tab.page.url.endswith(node["url"])
    assert tab.page.locator("h1").count() == 1
