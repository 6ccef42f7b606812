"""Article text is untrusted: the hostile article's markup shows as text and never runs.

``tests/data/web/hostile_markup.txt`` carries ``<script>``, event handlers and
links in its title, author, source and a quoted sentence; the real pipeline
draws facts from it (al-Shabaab and al-Qaeda), so it reaches every page.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

import pytest

from .conftest import HOSTILE_ID, LiveServer, Tab, get_json

SCRIPT = "<script>window.__pwned=1</script>"

# Anything the markup would have become had it been read as HTML.
INJECTED = """() => {
    const found = [];
    for (const el of document.querySelectorAll("*")) {
        for (const attr of el.attributes) {
            if (attr.name.startsWith("on")) found.push(el.tagName + "[" + attr.name + "]");
            const value = attr.value.trim().toLowerCase();
            if (attr.name === "href" && value.startsWith("javascript:")) found.push("a[href=javascript:]");
        }
    }
    for (const script of document.scripts) {
        if (script.textContent.includes("__pwned")) found.push("script: " + script.textContent);
    }
    for (const tag of ["b", "i", "img"]) {
        for (const el of document.querySelectorAll(tag)) {
            const content = el.textContent + (el.getAttribute("src") || "");
            if (/^(Shabaab|al-Qaeda|always|x)$/.test(content)) found.push(tag);
        }
    }
    return found;
}"""


def node_id(live: LiveServer, label: str) -> str:
    nodes: list[dict[str, Any]] = get_json(live, "/api/graph")["nodes"]
    for node in nodes:
        if node["label"].lower() == label.lower():
            return str(node["id"])
    raise AssertionError(f"no actor {label!r} in the graph: {[n['label'] for n in nodes]}")


def assert_inert(tab: Tab, *, literal: str = SCRIPT) -> str:
    """The page shows ``literal`` as text, and nothing of the article ran or became markup."""
    tab.page.wait_for_load_state("networkidle")
    assert tab.page.evaluate("window.__pwned") is None
    assert tab.page.evaluate(INJECTED) == []
    assert tab.errors == []
    text: str = tab.page.locator("body").inner_text()
    assert literal in text
    return text


def test_document_page_shows_the_markup_as_text(tab: Tab) -> None:
    response = tab.open(f"/documents/{HOSTILE_ID}")
    assert response.status == 200
    text = assert_inert(tab)
    assert "Mallory" in text
    # the quoted sentence's facts are on the page, and its evidence is highlighted
    assert tab.page.locator(".fact").count() >= 1
    assert tab.page.locator("mark.evidence").count() >= 1
    tab.shot("document")


def test_search_echoes_and_finds_the_markup_as_text(tab: Tab) -> None:
    response = tab.open("/search?" + urlencode({"q": "window.__pwned"}))
    assert response.status == 200
    assert_inert(tab, literal="__pwned")
    tab.shot("search")

    response = tab.open("/search?" + urlencode({"q": SCRIPT}))
    assert response.status == 200
    assert_inert(tab, literal="__pwned")


def test_actor_page_of_an_actor_named_in_the_article(tab: Tab, live_server: LiveServer) -> None:
    response = tab.open(f"/actors/{node_id(live_server, 'al-Shabaab')}")
    assert response.status == 200
    text = assert_inert(tab, literal="al-Shabaab")
    assert tab.page.locator("h1").inner_text().strip().lower().startswith("al-shabaab")
    assert "<b>Shabaab</b>" in text or SCRIPT in text or "Mallory" in text, "the hostile article is not on the page"
    tab.shot("actor")


@pytest.mark.parametrize("relation", ["allied_with", "pledged_allegiance_to"])
def test_tie_page_of_the_quoted_sentence(tab: Tab, live_server: LiveServer, relation: str) -> None:
    source = node_id(live_server, "al-Shabaab")
    target = node_id(live_server, "al-Qaeda")
    edges = [edge for edge in get_json(live_server, "/api/graph")["edges"]
             if {edge["source"], edge["target"]} == {source, target} and edge["type"] == relation]
    assert edges, f"no {relation} tie between al-Shabaab and al-Qaeda"
    response = tab.open(edges[0]["url"])
    assert response.status == 200
    assert_inert(tab, literal="Somali officials said" if relation == "pledged_allegiance_to" else SCRIPT)
