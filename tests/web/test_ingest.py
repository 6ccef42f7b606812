"""Ingest from the web: uploads and pasted text, run as a background job; type and size limits."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from alliancegraph.web.jobs import safe_stem
from tests.web.conftest import SCRIPT, TestClient


def _finish(client: TestClient, job: dict[str, Any]) -> dict[str, Any]:
    """Wait for the job to end, then read it as the page's script does."""
    client.app.state.web.jobs.wait(job["id"], timeout=30)  # type: ignore[attr-defined]
    status = client.get(job["url"]).json()
    assert status["state"] == "done", status
    return status


def test_upload_files_and_see_the_facts(client: TestClient) -> None:
    files = [("files", ("Kappa news.txt", b"title: Kappa\ndate: 2020-01-02\n\nKappa fights Lambda.\n", "text/plain")),
             ("files", ("more.jsonl", json.dumps({"id": "j1", "text": "Mu allied_with Nu."}).encode(), "x/y")),
             ("files", ("one.json", json.dumps({"id": "j2", "text": "Xi supports Omicron."}).encode(), "x/y"))]
    response = client.post("/api/ingest", files=files)
    assert response.status_code == 202, response.text
    assert response.json()["state"] in ("queued", "running", "done")
    status = _finish(client, response.json())
    assert sorted(status["report"]["added"]) == ["Kappa_news", "j1", "j2"]
    assert status["done"] == status["total"] == 3
    assert status["report"]["documents"][0]["url"].startswith("/documents/")
    edges = {(e["type"]) for e in client.get("/api/graph").json()["edges"]}
    assert {"fights", "allied_with", "supports"} <= edges
    assert client.get("/api/documents/Kappa_news").json()["title"] == "Kappa"


def test_pasted_text_becomes_a_document(client: TestClient) -> None:
    text = f"Rho allied_with Sigma. {SCRIPT} <b>bold</b>"
    response = client.post("/api/ingest", data={"text": text, "title": f"Pasted {SCRIPT}", "date": "2021-05"})
    status = _finish(client, response.json())
    (doc_id,) = status["report"]["added"]
    assert doc_id.startswith("pasted-")
    doc = client.get(f"/api/documents/{doc_id}").json()
    assert doc["title"] == f"Pasted {SCRIPT}" and doc["date"] == "2021-05"
    page = client.get(f"/documents/{doc_id}").text
    assert SCRIPT not in page and "<b>bold" not in page and "&lt;script&gt;" in page


def test_the_form_redirects_to_the_job_and_its_progress(client: TestClient) -> None:
    response = client.post("/ingest", data={"text": "Tau fights Upsilon."}, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"].startswith("/ingest?job=")
    job_id = response.headers["location"].split("=", 1)[1]
    client.app.state.web.jobs.wait(job_id, timeout=30)  # type: ignore[attr-defined]
    page = client.get(response.headers["location"]).text
    assert '<progress id="ingest-progress"' in page and 'data-state="done"' in page
    assert "1 added" in page


def test_a_re_upload_is_a_duplicate_and_problems_name_the_file_not_the_server_path(client: TestClient) -> None:
    body = [("files", ("a.txt", b"Phi fights Chi.", "text/plain"))]
    _finish(client, client.post("/api/ingest", files=body).json())
    again = _finish(client, client.post("/api/ingest", files=body).json())
    assert again["report"]["duplicates"] == [{"document": "a", "existing": "a"}]
    broken = _finish(client, client.post("/api/ingest", files=[("files", ("bad.jsonl", b"{not json", "x/y"))]).json())
    (problem,) = broken["report"]["problems"]
    assert problem.startswith("bad.jsonl:1") and "/tmp" not in problem


def test_wrong_types_and_empty_requests_are_refused(client: TestClient) -> None:
    for name in ("tool.exe", "notes.pdf", "noext", "../../etc/passwd"):
        response = client.post("/api/ingest", files=[("files", (name, b"x", "text/plain"))])
        assert response.status_code == 400, name
        assert "not accepted" in response.json()["error"]
    empty = client.post("/api/ingest", data={"text": "   "})
    assert empty.status_code == 400 and "nothing to ingest" in empty.json()["error"]
    bad_date = client.post("/api/ingest", data={"text": "Eta fights Theta.", "date": "soon"})
    assert bad_date.status_code == 400 and "'soon'" in bad_date.json()["error"]
    bad_json = client.post("/api/ingest", files=[("files", ("x.json", b"[1,", "x/y"))])
    assert bad_json.status_code == 400 and "x.json" in bad_json.json()["error"]


def test_uploads_over_the_size_limit_are_413(small: TestClient) -> None:
    big = b"Alpha fights Beta. " * 200  # 3,800 bytes > 2,000
    declared = small.post("/api/ingest", files=[("files", ("big.txt", big, "text/plain"))])
    assert declared.status_code == 413 and "2000 bytes" in declared.json()["error"]

    def chunks() -> Iterator[bytes]:  # no Content-Length: the body is counted as it arrives
        boundary = b"--xyz\r\nContent-Disposition: form-data; name=\"files\"; filename=\"big.txt\"\r\n\r\n"
        yield boundary
        for _ in range(10):
            yield big
        yield b"\r\n--xyz--\r\n"

    streamed = small.post("/api/ingest", content=chunks(),
                          headers={"Content-Type": "multipart/form-data; boundary=xyz"})
    assert streamed.status_code == 413 and "2000 bytes" in streamed.json()["error"]
    page = small.post("/ingest", files=[("files", ("big.txt", big, "text/plain"))])
    assert page.status_code == 413
    ok = small.post("/api/ingest", files=[("files", ("fine.txt", b"Alpha fights Beta.", "text/plain"))])
    assert ok.status_code == 202


def test_file_names_never_reach_the_file_system_as_paths() -> None:
    assert safe_stem("../../etc/passwd.txt", "x") == "passwd"
    assert safe_stem("C:\\Users\\me\\report 1.txt", "x") == "report_1"
    assert safe_stem("...txt", "fallback") == "fallback"
    assert safe_stem("<script>.txt", "x") == "script"
