"""A small hand-made store for the web tests, with hostile markup in names, titles, quotes and text."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI

from alliancegraph import Document, Event, Evidence, Extraction, Quantity, Relation, Store
from alliancegraph.model import Fact, Mention
from alliancegraph.store import ActorInfo
from alliancegraph.web import create_app
from tests.store.fake_extractor import FakeExtractor

with warnings.catch_warnings():
    # starlette's test client warns, on import, that it would rather have httpx2 than httpx
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

SCRIPT = "<script>alert(1)</script>"
EVIL = f"{SCRIPT} Brigade"  # an actor whose name is markup
TOKEN = "s3cret-token"

INFOS = [
    ActorInfo("Alpha Front", "armed_group", "Syria", ("AF", "Alpha Frente"), True),
    ActorInfo("Beta Army", "state_force", "Iraq", (), True),
    ActorInfo("Gamma Group", "armed_group", "Syria", ("Gamma",), True),
    ActorInfo(EVIL, "armed_group", None, (), False),
    ActorInfo("Delta Leader", "person", None, (), False),
]

D1_TEXT = (f"Alpha Front allied with the {EVIL} in 2015, <b>officials</b> said.\n\n"
           "Alpha Front may be fighting Beta Army since 2016. It had some 300 fighters in 2015.\n\n"
           "An attack by Alpha Front on Beta Army followed.")
D2_TEXT = ("Alpha Front allied with Gamma Group in 2019.\n\n"
           "Alpha Front now has 900 fighters. Delta Leader leads Alpha Front.")


def _ev(doc: str, text: str, quote: str) -> Evidence:
    at = text.index(quote)
    return Evidence(doc, quote, at, at + len(quote), at, at + len(quote))


def _mentions(doc: str, text: str, names: list[str]) -> tuple[Mention, ...]:
    out = []
    for name in names:
        at = text.index(name)
        out.append(Mention(doc, name, "armed_group", name, at, at + len(name), "gazetteer"))
    return tuple(out)


def build(path: Path) -> None:
    """Two documents: an alliance with the hostile actor (2015), a hedged war (2016/), estimates, an event,
    then (2019) an alliance with Gamma Group and a leader."""
    store = Store.open(path)
    run = store.start_run("hand", "1", "none")
    d1 = Document("d1", D1_TEXT, title=f"<b>Bold</b> news {SCRIPT}", date="2016-06-01", source="Wire <i>x</i>",
                  author="Ann <em>Writer</em>")
    facts1: list[Fact] = [
        Relation("Alpha Front", "allied_with", EVIL, _ev("d1", D1_TEXT, f"Alpha Front allied with the {EVIL}"),
                 time="2015", attributed_to=f"<img src=x onerror=alert(1)> {SCRIPT}"),
        Relation("Alpha Front", "fights", "Beta Army", _ev("d1", D1_TEXT, "Alpha Front may be fighting Beta Army"),
                 hedged=True, time="2016/"),
        Quantity("Alpha Front", "fighters", 300, _ev("d1", D1_TEXT, "It had some 300 fighters in 2015"),
                 approximate=True, time="2015/2019"),
        Event("attack", ("Alpha Front", "Beta Army"), _ev("d1", D1_TEXT, "An attack by Alpha Front on Beta Army"),
              time="2016"),
    ]
    store.save(d1, Extraction("d1", _mentions("d1", D1_TEXT, ["Alpha Front", EVIL, "Beta Army"]), tuple(facts1)),
               run, INFOS)
    d2 = Document("d2", D2_TEXT, title="Second report", date="2019-03-01", author="Bo Reporter")
    facts2: list[Fact] = [
        Relation("Alpha Front", "allied_with", "Gamma Group", _ev("d2", D2_TEXT, "Alpha Front allied with Gamma Group"),
                 time="2019"),
        Quantity("Alpha Front", "fighters", 900, _ev("d2", D2_TEXT, "Alpha Front now has 900 fighters"), time="2019"),
        Relation("Delta Leader", "leads", "Alpha Front", _ev("d2", D2_TEXT, "Delta Leader leads Alpha Front"),
                 time="2019", role="leader"),
    ]
    store.save(d2, Extraction("d2", _mentions("d2", D2_TEXT, ["Alpha Front", "Gamma Group"]), tuple(facts2)),
               run, INFOS)
    store.finish_run(run, 2)
    store.close()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "web.db"
    build(path)
    return path


def _client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as client:
        yield client


@pytest.fixture
def client(db: Path) -> Iterator[TestClient]:
    """An app without a token, with the fake extractor for ingest."""
    yield from _client(create_app(str(db), extractor_factory=FakeExtractor))


@pytest.fixture
def guarded(db: Path) -> Iterator[TestClient]:
    """An app whose writes need the token."""
    yield from _client(create_app(str(db), token=TOKEN, extractor_factory=FakeExtractor))


@pytest.fixture
def small(db: Path) -> Iterator[TestClient]:
    """An app that takes request bodies of at most 2,000 bytes."""
    yield from _client(create_app(str(db), max_upload_bytes=2000, extractor_factory=FakeExtractor))


def ids(client: TestClient) -> dict[str, str]:
    """Actor names to the ids the API uses."""
    return {a["name"]: str(a["id"]) for a in client.get("/api/actors").json()["actors"]}


def fact_id(client: TestClient, doc: str, evidence_start: str) -> str:
    """The short id of a document's fact whose evidence starts so."""
    facts = client.get(f"/api/documents/{doc}").json()["facts"]
    return next(f["id"] for f in facts if f["evidence"].startswith(evidence_start))
