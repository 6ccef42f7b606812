"""The JSON API: every read route, happy path and bad ids and parameters (a 4xx naming the value)."""

from __future__ import annotations

import pytest

from tests.web.conftest import EVIL, TestClient, fact_id, ids


def _error(client: TestClient, url: str, status: int, *words: str) -> None:
    response = client.get(url)
    assert response.status_code == status, (url, response.text)
    message = response.json()["error"]
    for word in words:
        assert word in message, (url, message)


def test_graph_has_every_tie_with_its_actors(client: TestClient) -> None:
    graph = client.get("/api/graph").json()
    names = ids(client)
    assert graph["range"] == {"first": "2015-01-01", "last": "2019-12-31"}
    assert graph["types"] == ["allied_with", "fights", "leads"]
    assert graph["regions"] == ["Iraq", "Syria"]
    assert {n["label"] for n in graph["nodes"]} == set(names)
    fights = next(e for e in graph["edges"] if e["type"] == "fights")
    assert (fights["source"], fights["target"]) == (names["Alpha Front"], names["Beta Army"])
    assert fights["hedged"] is True and fights["disputed"] is False and fights["status"] == "active"
    assert fights["url"] == f"/ties/{names['Alpha Front']}/{names['Beta Army']}?type=fights"
    assert fights["sources"] == 1 and fights["strength"] > 0
    node = next(n for n in graph["nodes"] if n["label"] == "Beta Army")
    assert node == {"id": names["Beta Army"], "label": "Beta Army", "type": "state_force", "region": "Iraq",
                    "url": f"/actors/{names['Beta Army']}"}


def test_graph_as_of_leaves_out_ties_first_stated_later(client: TestClient) -> None:
    graph = client.get("/api/graph", params={"as_of": "2016-12-31"}).json()
    assert graph["as_of"] == "2016-12-31"
    assert sorted(e["type"] for e in graph["edges"]) == ["allied_with", "fights"]
    assert "Gamma Group" not in {n["label"] for n in graph["nodes"]}
    assert graph["range"] == {"first": "2015-01-01", "last": "2019-12-31"}  # the slider's ends do not move
    assert client.get("/api/graph", params={"as_of": "2014"}).json()["edges"] == []


def test_graph_filters(client: TestClient) -> None:
    def types(**params: object) -> list[str]:
        return sorted(e["type"] for e in client.get("/api/graph", params=params).json()["edges"])

    assert types(type=["fights", "leads"]) == ["fights", "leads"]
    assert types(region="Iraq") == ["fights"]
    assert types(min_strength=0.9) == ["allied_with", "leads"]
    assert types(min_sources=2) == []
    assert types(type="") == ["allied_with", "allied_with", "fights", "leads"]


@pytest.mark.parametrize(("url", "status", "words"), [
    ("/api/graph?as_of=2019-13-01", 400, ["'2019-13-01'", "not a date"]),
    ("/api/graph?as_of=yesterday", 400, ["'yesterday'"]),
    ("/api/graph?type=friends", 400, ["'friends'", "relation type"]),
    ("/api/graph?region=Atlantis", 400, ["'Atlantis'", "Iraq, Syria"]),
    ("/api/graph?min_strength=-1", 400, ["'-1'", "min_strength"]),
    ("/api/graph?min_sources=-2", 400, ["'-2'", "min_sources"]),
    ("/api/graph?min_sources=many", 400, ["'many'", "min_sources"]),
    ("/api/actors/99999", 404, ["'99999'"]),
    ("/api/actors/Nobody%20Here", 404, ["'Nobody Here'"]),
    ("/api/actors/1/ties?as_of=2020-02-30", 400, ["'2020-02-30'"]),
    ("/api/actors/1/ties?type=loves", 400, ["'loves'"]),
    ("/api/actors/1/ties?limit=-2", 400, ["'-2'", "limit"]),
    ("/api/actors/1/timeline?other=Nobody", 404, ["'Nobody'"]),
    ("/api/actors/1/quantities?measure=tanks", 400, ["'tanks'"]),
    ("/api/ties/1/1", 400, ["same actor"]),
    ("/api/ties/1/424242", 404, ["'424242'"]),
    ("/api/ties/1/3?type=hugs", 400, ["'hugs'"]),
    ("/api/documents/nope", 404, ["'nope'"]),
    ("/api/metrics?as_of=20x", 400, ["'20x'"]),
    ("/api/metrics?limit=-1", 400, ["limit"]),
    ("/api/contradictions?actor=Nobody", 404, ["'Nobody'"]),
    ("/api/contradictions?other=1", 400, ["'1'"]),
    ("/api/changes?from=2015", 400, ["to"]),
    ("/api/changes?from=2019&to=2015", 400, ["'2015'"]),
    ("/api/changes?from=x&to=2015", 400, ["'x'"]),
    ("/api/jobs/nope", 404, ["'nope'"]),
    ("/api/nowhere", 404, ["'/api/nowhere'"]),
])
def test_bad_ids_and_parameters_are_4xx_with_a_message(client: TestClient, url: str, status: int,
                                                       words: list[str]) -> None:
    _error(client, url, status, *words)


def test_actors_list_search_and_one_actor(client: TestClient) -> None:
    names = ids(client)
    assert list(names)[0] == "Alpha Front"  # most mentioned first
    found = client.get("/api/actors", params={"q": "frente"}).json()["actors"]
    assert [a["name"] for a in found] == ["Alpha Front"]
    assert len(client.get("/api/actors", params={"limit": 2}).json()["actors"]) == 2
    by_id = client.get(f"/api/actors/{names['Alpha Front']}").json()
    by_alias = client.get("/api/actors/AF").json()
    assert by_id == by_alias
    assert by_id["region"] == "Syria" and "Alpha Frente" in by_id["aliases"]
    assert [d["id"] for d in by_id["documents"]] == ["d2", "d1"]


def test_actor_ties_timeline_and_quantities(client: TestClient) -> None:
    ties = client.get("/api/actors/Alpha Front/ties").json()["ties"]
    assert {(t["relation"], t["other"]) for t in ties} == {("allied_with", "Gamma Group"), ("allied_with", EVIL),
                                                            ("fights", "Beta Army"), ("leads", "Delta Leader")}
    fights = next(t for t in ties if t["relation"] == "fights")
    assert fights["strength"]["lines"][-1].startswith("= ") and fights["best"]["hedged"] is True
    assert fights["url"].startswith("/ties/")
    early = client.get("/api/actors/Alpha Front/ties", params={"as_of": "2016", "type": "allied_with"}).json()
    assert [t["other"] for t in early["ties"]] == [EVIL]
    timeline = client.get("/api/actors/1/timeline").json()["timeline"]
    assert [e["date"] for e in timeline] == sorted(e["date"] for e in timeline)
    assert "event" in {e["what"] for e in timeline}
    pair = client.get("/api/actors/1/timeline", params={"other": "Beta Army"}).json()["timeline"]
    assert pair and all("Beta Army" in e["text"] for e in pair)
    spreads = client.get("/api/actors/1/quantities").json()["quantities"]
    assert [(s["measure"], s["low"], s["high"]) for s in spreads] == [("fighters", 300, 900)]
    assert client.get("/api/actors/1/quantities", params={"measure": "troops"}).json()["quantities"] == []


def test_actor_ties_limit_keeps_the_strongest_and_gives_the_total(client: TestClient) -> None:
    every = client.get("/api/actors/Alpha Front/ties").json()
    assert every["total"] == len(every["ties"]) == 4
    values = [t["strength"]["value"] for t in every["ties"]]
    assert values == sorted(values, reverse=True)  # strongest first
    two = client.get("/api/actors/Alpha Front/ties", params={"limit": 2}).json()
    assert two["total"] == 4 and two["ties"] == every["ties"][:2]
    assert client.get("/api/actors/Alpha Front/ties", params={"limit": 0}).json() == every
    early = client.get("/api/actors/Alpha Front/ties", params={"as_of": "2016", "limit": 1}).json()
    assert early["total"] == 2 and len(early["ties"]) == 1  # the path that reads the claims, limited too


def test_tie_has_evidence_explanation_and_brief(client: TestClient) -> None:
    tie = client.get("/api/ties/Alpha Front/Beta Army").json()
    assert [c["kind"] for c in tie["evidence"]] == ["relation", "event"]
    assert tie["evidence"][0]["hedged"] is True and tie["evidence"][0]["doc_url"] == "/documents/d1"
    assert tie["explain"]["ties"][0]["relation"] == "fights"
    assert tie["brief"].startswith("# Alpha Front and Beta Army")
    only = client.get("/api/ties/1/3", params={"type": "fights", "as_of": "2017"}).json()
    assert [c["kind"] for c in only["evidence"]] == ["relation"] and only["as_of"] == "2017-12-31"


def test_document_search_metrics_contradictions_changes_decisions(client: TestClient) -> None:
    doc = client.get("/api/documents/d1").json()
    assert doc["title"].startswith("<b>Bold</b>") and len(doc["facts"]) == 4 and len(doc["mentions"]) == 3
    assert client.get("/api/documents/d2").json()["facts"][0]["tie_url"].startswith("/ties/")
    found = client.get("/api/search", params={"q": "900 FIGHTERS"}).json()
    assert [d["id"] for d in found["documents"]] == ["d2"] and found["documents"][0]["hit"] == "900 fighters"
    assert [a["name"] for a in client.get("/api/search", params={"q": "gamma"}).json()["actors"]] == ["Gamma Group"]
    assert client.get("/api/search", params={"q": "100%_"}).json()["documents"] == []  # wildcards are literal
    metrics = client.get("/api/metrics", params={"as_of": "2019"}).json()
    assert metrics["edges"] == 2 and {a["actor"] for a in metrics["actors"]} >= {"Alpha Front", "Gamma Group"}
    contradictions = client.get("/api/contradictions").json()["contradictions"]
    assert [c["kind"] for c in contradictions] == ["quantities_differ"]
    assert client.get("/api/contradictions", params={"actor": "Beta Army"}).json()["contradictions"] == []
    changes = client.get("/api/changes", params={"from": "2016", "to": "2019"}).json()["changes"]
    assert {(c["change"], c["relation"]) for c in changes} >= {("appeared", "allied_with")}
    assert client.get("/api/decisions").json() == {"decisions": []}


def test_openapi_is_served_and_docs_from_a_cdn_are_not(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert "/api/graph" in spec["paths"] and "/api/facts/{fact_id}/reject" in spec["paths"]
    assert client.get("/docs").status_code == 404
    assert client.get("/redoc").status_code == 404


def test_responses_are_not_cached(client: TestClient) -> None:
    assert client.get("/api/graph").headers["cache-control"] == "no-store"
    assert client.get("/").headers["cache-control"] == "no-store"
    assert "no-store" not in client.get("/static/app.css").headers.get("cache-control", "")


def test_fact_ids_are_the_short_ids_of_the_cli(client: TestClient) -> None:
    short = fact_id(client, "d1", "Alpha Front may")
    assert len(short) == 10 and all(ch in "0123456789abcdef" for ch in short)
