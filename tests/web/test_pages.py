"""The HTML pages: each renders with its heading, the contract's ids, and every piece of article text escaped."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from alliancegraph import Store
from tests.analysis.builders import add, rel
from tests.web.conftest import SCRIPT, TestClient, fact_id, ids

PAGES = ["/", "/actors", "/actors/1", "/actors/2", "/ties/1/2", "/ties/1/3?type=fights", "/documents/d1",
         "/documents/d2", "/search?q=alpha", "/search?q=%3Cscript%3E", "/ingest", "/decisions", "/login"]


@pytest.mark.parametrize("url", PAGES)
def test_every_page_renders_with_a_heading_and_escapes_the_markup(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/html")
    html = response.text
    assert re.search(r"<h1>.+?</h1>", html, re.S)
    # the article's, the titles', the names' and the quotes' markup never comes through as markup
    for raw in (SCRIPT, "<b>", "<i>", "<em>", "<img"):
        assert raw not in html, (url, raw)
    # only the page's own scripts (from /static) appear at all
    assert re.findall(r"<script[^>]*>", html) == [s for s in re.findall(r"<script[^>]*>", html) if "/static/" in s]


def test_hostile_text_is_shown_escaped(client: TestClient) -> None:
    document = client.get("/documents/d1").text
    assert "&lt;b&gt;Bold&lt;/b&gt; news &lt;script&gt;alert(1)&lt;/script&gt;" in document
    assert "&lt;b&gt;officials&lt;/b&gt;" in document
    actor = client.get("/actors/2").text
    assert "<h1>&lt;script&gt;alert(1)&lt;/script&gt; Brigade</h1>" in actor
    tie = client.get("/ties/1/2").text
    assert "&lt;img src=x onerror=alert(1)&gt;" in tie  # the speaker


def test_graph_page_has_the_contract_elements(client: TestClient) -> None:
    html = client.get("/").text
    for needle in ['<div id="graph"></div>', 'type="range" id="as-of"', '<output id="as-of-label"',
                   '<form id="filters"', '<select id="filter-type" name="type" multiple', '<select id="filter-region"',
                   'type="number" id="min-strength"', 'type="number" id="min-sources"',
                   '<script src="/static/vendor/cytoscape.min.js"></script>',
                   '<script src="/static/graph.js"></script>',
                   '<option value="Syria">']:
        assert needle in html, needle


def test_tie_page_marks_the_evidence_in_its_paragraph(client: TestClient) -> None:
    html = client.get("/ties/1/3", params={"type": "fights"}).text
    short = fact_id(client, "d1", "Alpha Front may")
    assert f'data-fact-id="{short}"' in html
    paragraph = re.search(r'<p class="paragraph">(.*?)</p>', html, re.S)
    assert paragraph is not None
    assert paragraph.group(1) == ('<mark class="evidence">Alpha Front may be fighting Beta Army</mark>'
                                  " since 2016. It had some 300 fighters in 2015.")
    assert 'class="badge hedged"' in html and "2016" in html
    article = re.search(rf'<article class="fact claim" data-fact-id="{short}".*?</article>', html, re.S)
    assert article is not None
    for needle in ('name="reason"', 'class="reject"', 'class="confirm"', 'method="post"'):
        assert needle in article.group(0)
    assert "Pair strength" in html and "# Alpha Front and Beta Army" in html


def test_document_page_highlights_facts_and_actors_and_links_facts_to_ties(client: TestClient) -> None:
    html = client.get("/documents/d2").text
    names = ids(client)
    assert f'<a class="mention" href="/actors/{names["Gamma Group"]}">Gamma Group</a>' in html
    assert html.count('<mark class="evidence"') >= 3
    assert f'href="/ties/{names["Alpha Front"]}/{names["Gamma Group"]}?type=allied_with"' in html
    assert html.count('class="fact"') == 3


def test_actor_page_sections(client: TestClient) -> None:
    html = client.get("/actors/Alpha Front").text
    for section in ("aliases", "leaders", "ties", "quantities", "timeline", "documents", "merge"):
        assert f'<section id="{section}">' in html
    assert "Delta Leader" in html.split('<section id="leaders">')[1].split("</section>")[0]
    assert html.count('class="point"') == 2  # one point per estimate
    assert "Alpha Frente" in html


def test_actor_page_says_how_many_ties_a_limit_left_out_and_keeps_every_leader(client: TestClient,
                                                                               db: Path) -> None:
    with Store.open(db) as store:  # a second document: the Gamma Group alliance outranks the leader's tie
        add(store, "d9", "2019-05-01", rel("d9", "Alpha Front", "allied_with", "Gamma Group"))
    names = ids(client)
    html = client.get("/actors/Alpha Front").text
    assert "4 tie(s), strongest first." in html and html.count('<tr class="tie">') == 4
    html = client.get("/actors/Alpha Front", params={"limit": 1, "as_of": "2019-12-31"}).text
    assert html.count('<tr class="tie">') == 1 and "rel-allied_with" in html and "rel-leads" not in html
    assert "Showing the 1 strongest of 4 ties" in html
    assert f'href="/actors/{names["Alpha Front"]}?limit=0&amp;as_of=2019-12-31"' in html
    assert "Delta Leader" in html.split('<section id="leaders">')[1].split("</section>")[0]
    html = client.get("/actors/Alpha Front", params={"limit": 0}).text
    assert html.count('<tr class="tie">') == 4 and "Showing the" not in html


@pytest.mark.parametrize(("url", "status", "needle"), [
    ("/actors/99999", 404, "no actor with id &#39;99999&#39;"),
    ("/actors/1?limit=-1", 400, "&#39;-1&#39;"),
    ("/actors/Nobody", 404, "unknown actor: &#39;Nobody&#39;"),
    ("/ties/1/2?type=hugs", 400, "&#39;hugs&#39;"),
    ("/ties/1/2?as_of=someday", 400, "&#39;someday&#39;"),
    ("/actors/1?as_of=2019-02-30", 400, "&#39;2019-02-30&#39;"),
    ("/ties/1/abc", 404, "&#39;abc&#39;"),
    ("/documents/missing", 404, "&#39;missing&#39;"),
    ("/ingest?job=nope", 404, "&#39;nope&#39;"),
    ("/nowhere/at/all", 404, "&#39;/nowhere/at/all&#39;"),
    (f"/actors/{SCRIPT}", 404, "&lt;script&gt;"),
])
def test_bad_pages_are_html_errors_with_a_message(client: TestClient, url: str, status: int, needle: str) -> None:
    response = client.get(url)
    assert response.status_code == status
    assert response.headers["content-type"].startswith("text/html")
    assert '<p class="error-message" id="error-message">' in response.text and needle in response.text
    assert SCRIPT not in response.text
