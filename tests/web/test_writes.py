"""Corrections through the API and the forms (reject, confirm, merge, undo) and the write token."""

from __future__ import annotations

from click.testing import CliRunner

from alliancegraph.cli import cli
from alliancegraph.cli.web import is_loopback
from tests.web.conftest import TOKEN, TestClient, fact_id, ids

WHY = {"reason": "misread: the article says no such thing", "who": "ana"}


def _fights(client: TestClient) -> list[dict[str, object]]:
    return [e for e in client.get("/api/graph").json()["edges"] if e["type"] == "fights"]


def test_reject_through_the_api_removes_the_fact_everywhere(client: TestClient) -> None:
    short = fact_id(client, "d1", "Alpha Front may")
    assert _fights(client)
    response = client.post(f"/api/facts/{short}/reject", json=WHY)
    assert response.status_code == 200, response.text
    assert response.json()["action"] == "reject" and response.json()["subject"] == short
    assert f'data-fact-id="{short}"' not in client.get("/ties/1/3").text
    assert f'data-fact-id="{short}"' not in client.get("/documents/d1").text
    assert short not in {f["id"] for f in client.get("/api/documents/d1").json()["facts"]}
    assert _fights(client) == []
    again = client.post(f"/api/facts/{short}/reject", json=WHY)
    assert again.status_code == 409 and "already rejected" in again.json()["error"]
    history = client.get("/api/decisions").json()["decisions"]
    assert [(d["action"], d["who"], d["why"]) for d in history] == [("reject", "ana", WHY["reason"])]


def test_confirm_weighs_more_and_undo_restores(client: TestClient) -> None:
    short = fact_id(client, "d1", "Alpha Front may")
    before = _fights(client)[0]["strength"]
    decision = client.post(f"/api/facts/{short}/confirm", json={"reason": "matches the UN report"}).json()
    assert decision["who"] == "web"  # the server's default when the request names nobody
    assert _fights(client)[0]["strength"] > before
    assert 'class="badge confirmed"' in client.get("/ties/1/3").text
    undone = client.post(f"/api/decisions/{decision['id']}/undo", json={"reason": "too early"})
    assert undone.status_code == 200 and undone.json()["action"] == "undo"
    assert _fights(client)[0]["strength"] == before


def test_bad_writes_are_4xx_with_a_message(client: TestClient) -> None:
    short = fact_id(client, "d1", "Alpha Front may")
    cases = [
        ("/api/facts/ffffffffff/reject", WHY, 404, "'ffffffffff'"),
        ("/api/facts/zz/reject", WHY, 400, "'zz'"),
        (f"/api/facts/{short}/reject", {"reason": "  "}, 400, "reason"),
        (f"/api/facts/{short}/confirm", {}, 400, "reason"),
        ("/api/actors/merge", {"keep": "Alpha Front", "merge": "Nobody", "reason": "same"}, 404, "'Nobody'"),
        ("/api/actors/merge", {"keep": "1", "merge": "AF", "reason": "same"}, 400, "itself"),
        ("/api/decisions/999/undo", {"reason": "x"}, 404, "999"),
        ("/api/decisions/-3/undo", {"reason": "x"}, 404, "-3"),
        ("/api/decisions/abc/undo", {"reason": "x"}, 400, "'abc'"),
    ]
    for url, body, status, word in cases:
        response = client.post(url, json=body)
        assert response.status_code == status, (url, response.text)
        assert word in response.json()["error"], (url, response.json())
    assert client.get("/api/decisions").json()["decisions"] == []  # nothing was written


def test_merge_and_undo(client: TestClient) -> None:
    names = ids(client)
    merged = client.post("/api/actors/merge", json={"keep": names["Alpha Front"], "merge": "Gamma Group",
                                                    "reason": "the same group"})
    assert merged.status_code == 200 and merged.json()["url"] == f"/actors/{names['Alpha Front']}"
    assert "Gamma Group" not in {n["label"] for n in client.get("/api/graph").json()["nodes"]}
    assert "Gamma Group" in client.get("/api/actors/Alpha Front").json()["merged"]
    assert client.get("/api/actors/Gamma Group").json()["name"] == "Alpha Front"
    undo = client.post(f"/api/decisions/{merged.json()['id']}/undo", json={"reason": "two groups after all"})
    assert undo.status_code == 200
    assert "Gamma Group" in {n["label"] for n in client.get("/api/graph").json()["nodes"]}


def test_forms_reject_merge_and_undo_and_redirect_back(client: TestClient) -> None:
    short = fact_id(client, "d2", "Alpha Front allied with Gamma")
    here = "/ties/1/4?type=allied_with"
    response = client.post(f"/facts/{short}/reject", data={"reason": "wrong", "next": here}, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == here
    assert 'class="fact claim"' not in client.get(here).text
    outside = client.post(f"/facts/{short}/confirm", data={"reason": "right after all", "next": "//evil.example/"},
                          follow_redirects=False)
    assert outside.status_code == 303 and outside.headers["location"] == "/"
    merged = client.post("/actors/merge", data={"keep": "1", "merge": "Gamma Group", "reason": "same"},
                         follow_redirects=False)
    assert merged.status_code == 303 and merged.headers["location"] == "/actors/1"
    page = client.get("/decisions").text
    assert page.count('class="decision"') == 3 and 'class="undo"' in page
    newest = client.get("/api/decisions").json()["decisions"][0]["id"]
    undone = client.post(f"/decisions/{newest}/undo", data={"reason": "oops"}, follow_redirects=False)
    assert undone.status_code == 303 and undone.headers["location"] == "/decisions"
    assert f"undone by #{newest + 1}" in client.get("/decisions").text
    empty = client.post(f"/facts/{short}/reject", data={"reason": ""})
    assert empty.status_code == 400 and "reason" in empty.text and "text/html" in empty.headers["content-type"]


def test_a_token_guards_every_write_and_only_writes(guarded: TestClient) -> None:
    short = fact_id(guarded, "d1", "Alpha Front may")
    assert guarded.get("/api/graph").status_code == 200
    writes = [(f"/api/facts/{short}/reject", WHY), ("/api/actors/merge", {"keep": "1", "merge": "4", "reason": "x"}),
              ("/api/decisions/1/undo", {"reason": "x"})]
    for url, body in writes:
        refused = guarded.post(url, json=body)
        assert refused.status_code == 401 and "token" in refused.json()["error"]
        wrong = guarded.post(url, json=body, headers={"Authorization": "Bearer nope"})
        assert wrong.status_code == 401
    assert guarded.post("/api/ingest", data={"text": "Alpha fights Beta."}).status_code == 401
    form = guarded.post(f"/facts/{short}/reject", data={"reason": "x"})
    assert form.status_code == 401 and "/login" in form.text
    assert guarded.get("/api/decisions").json()["decisions"] == []
    ok = guarded.post(f"/api/facts/{short}/reject", json=WHY, headers={"Authorization": f"Bearer {TOKEN}"})
    assert ok.status_code == 200


def test_login_sets_the_cookie_the_forms_use(guarded: TestClient) -> None:
    short = fact_id(guarded, "d1", "Alpha Front may")
    assert "Sign in to make changes" in guarded.get("/").text
    bad = guarded.post("/login", data={"token": "guess"})
    assert bad.status_code == 401 and "not the server" in bad.text
    signed = guarded.get("/login", params={"token": TOKEN}, follow_redirects=False)
    assert signed.status_code == 303 and "httponly" in signed.headers["set-cookie"].lower()
    assert "samesite=strict" in signed.headers["set-cookie"].lower()
    assert "Sign out" in guarded.get("/").text
    done = guarded.post(f"/facts/{short}/reject", data={"reason": "x", "next": "/documents/d1"},
                        follow_redirects=False)
    assert done.status_code == 303
    guarded.post("/logout")
    assert guarded.post(f"/facts/{short}/confirm", data={"reason": "x"}).status_code == 401


def test_cross_site_writes_are_refused(client: TestClient) -> None:
    short = fact_id(client, "d1", "Alpha Front may")
    other = client.post(f"/facts/{short}/reject", data={"reason": "x"}, headers={"Origin": "http://evil.example"})
    assert other.status_code == 403 and "evil.example" in other.text
    sandboxed = client.post(f"/api/facts/{short}/reject", json=WHY, headers={"Origin": "null"})
    assert sandboxed.status_code == 403
    same = client.post(f"/facts/{short}/reject", data={"reason": "x"}, headers={"Origin": "http://testserver"},
                       follow_redirects=False)
    assert same.status_code == 303


def test_serve_refuses_a_public_host_without_a_token(db: object) -> None:
    result = CliRunner().invoke(cli, ["--db", str(db), "serve", "--host", "0.0.0.0"], env={"ALLIANCEGRAPH_TOKEN": ""})
    assert result.exit_code == 2 and "'0.0.0.0'" in result.output and "token" in result.output
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost") and is_loopback("127.1.2.3")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.5") and not is_loopback("example.org")
