from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from alliancegraph import Store, ingest
from alliancegraph.cli import cli
from tests.conftest import write
from tests.store.fake_extractor import FakeExtractor

A = "Alpha fights Beta. Gamma supports Alpha. Delta fights Beta."
B = "Alphah fights Gamma."


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A store of two documents read by the fake extractor (no NLP model)."""
    path = tmp_path / "ag.db"
    write(tmp_path / "c" / "a.txt", A)
    write(tmp_path / "c" / "b.txt", B)
    with Store.open(path) as store:
        ingest([tmp_path / "c"], store, FakeExtractor())
    return path


def run(db: Path, *args: str, **kwargs: Any) -> tuple[int, str, str]:
    env = {"ALLIANCEGRAPH_USER": "ana", **kwargs.pop("env", {})}
    result = CliRunner().invoke(cli, ["--db", str(db), *args], env=env, **kwargs)
    return result.exit_code, result.stdout, result.stderr


def facts(db: Path) -> dict[str, list[str]]:
    """The 'facts' listing as {fact: [id, review, ...]}, split on the column gaps."""
    _, out, _ = run(db, "facts")
    lines = out.splitlines()
    starts = [m.start() for m in re.finditer(r"\S+(?: \S+)*", lines[0])]
    rows = [[line[a:b].strip() for a, b in zip(starts, [*starts[1:], None], strict=True)] for line in lines[2:]]
    return {row[4]: row for row in rows}


def test_merge_split_undo_and_the_history(db: Path) -> None:
    assert run(db, "merge", "Alpha", "Alphah", "--why", "same group") == (
        0, "decision 1: Alphah is now read as Alpha\n", "")
    assert "Alpha --fights--> Gamma" in facts(db)
    assert run(db, "split", "Alphah", "--why", "two groups after all", "--who", "bo") == (
        0, "decision 2: Alphah is separate from Alpha\n", "")
    assert "Alphah --fights--> Gamma" in facts(db)
    assert run(db, "undo", "2", "--why", "no, one group") == (0, "decision 3: undid decision 2 (split)\n", "")
    code, out, _ = run(db, "decisions")
    when = "WHEN".ljust(25)  # a UTC timestamp, 2025-01-01T00:00:00+00:00
    lines = [re.sub(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00", when, line) for line in out.splitlines()]
    assert code == 0 and lines == [
        "id  made at (UTC)              who  action  subject  why                   undone by",
        "--  -------------------------  ---  ------  -------  --------------------  ---------",
        f"3   {when}  ana  undo    2        no, one group",
        f"2   {when}  bo   split   Alphah   two groups after all  3",
        f"1   {when}  ana  merge   Alphah   same group",
    ]
    assert [line.split()[0] for line in run(db, "decisions", "--subject", "Alphah")[1].splitlines()[2:]] == ["2", "1"]


def test_facts_are_named_by_the_id_the_listing_shows(db: Path) -> None:
    listed = facts(db)
    fact_id = listed["Delta --fights--> Beta"][0]
    assert re.fullmatch(r"[0-9a-f]{10}", fact_id) and listed["Delta --fights--> Beta"][1] == ""
    assert run(db, "reject", fact_id, "--why", "Delta is not named") == (
        0, f"decision 1: fact {fact_id} rejected\n", "")
    assert facts(db)["Delta --fights--> Beta"][1] == "rejected"
    other = listed["Alpha --fights--> Beta"][0]
    assert run(db, "confirm", other[:8], "--why", "seen") == (0, f"decision 2: fact {other} confirmed\n", "")
    code, out, _ = run(db, "export")
    assert code == 0 and "Delta" not in {json.loads(line)["source"] for line in out.splitlines()}


def test_add_fact_by_hand_with_a_quote_of_a_stored_document(db: Path) -> None:
    code, out, err = run(db, "add-fact", "Gamma", "supports", "Beta", "--support", "weapons", "--support", "funding",
                         "--citation", "a.txt", "--quote", "Gamma supports Alpha", "--doc", "a", "--time", "2020",
                         "--why", "read it")
    assert (code, err) == (0, "") and re.fullmatch(r"decision 1: fact [0-9a-f]{10} added in document a\n", out)
    row = facts(db)["Gamma --supports--> Beta [weapons, funding]"]
    assert row[0] == out.split()[3] and row[5:7] == ["BY-HAND", "2020"]
    code, out, _ = run(db, "add-fact", "Beta", "rival_of", "Delta", "--citation", "Interview, 2024", "--why", "heard")
    assert code == 0 and re.fullmatch(r"decision 2: fact \w{10} added in document analyst:[0-9a-f]{12}\n", out)


def test_merge_proposals_and_reextraction(db: Path) -> None:
    assert run(db, "merges") == (0, "\n".join([
        "score  keep   drop    names that matched",
        "-----  -----  ------  ------------------",
        "90.9   Alpha  Alphah  Alpha ~ Alphah",
    ]) + "\n", "")
    assert run(db, "merges", "--threshold", "95")[1].splitlines()[2:] == []
    code, out, _ = run(db, "reextract", obj={"extractor": FakeExtractor()})
    assert (code, out) == (0, "2 document(s) extracted again: 4 facts before, 4 after\n")


@pytest.mark.parametrize(("args", "message"), [
    (["merge", "Alpha", "Nobody", "--why", "x"], "no actor named 'Nobody'"),
    (["split", "Alpha", "--why", "x"], "'Alpha' is not merged into another actor"),
    (["split", "Alpha", "--alias", "Omega", "--why", "x"], "'Omega' is not an alias of 'Alpha'"),
    (["confirm", "deadbeef00", "--why", "x"], "no fact 'deadbeef00'"),
    (["reject", "xyz", "--why", "x"], "'xyz' is not a fact id"),
    (["merge", "Alpha", "Alphah", "--why", ""], "a decision needs a reason (why): got ''"),
    (["merge", "Alpha", "Alphah", "--why", "x", "--who", " "], "a decision needs who makes it: got ' '"),
    (["undo", "7", "--why", "x"], "no decision 7"),
    (["add-fact", "Alpha", "fights", "Beta", "--citation", "c", "--doc", "a", "--quote", "Alpha bombs", "--why", "x"],
     "the quote 'Alpha bombs' does not occur in document 'a'"),
    (["add-fact", "Alpha", "fights", "Beta", "--citation", "c", "--time", "soon", "--why", "x"], "time 'soon'"),
    (["reextract", "--doc", "zz"], "no document with id 'zz'"),
])
def test_bad_values_are_named_and_nothing_is_decided(db: Path, args: list[str], message: str) -> None:
    code, out, err = run(db, *args)
    assert (code, out) == (1, "") and err.startswith("Error: ") and message in err
    assert run(db, "decisions")[1].splitlines()[2:] == []


def test_unknown_relations_and_support_kinds_are_refused_by_name(db: Path) -> None:
    code, _, err = run(db, "add-fact", "Alpha", "befriends", "Beta", "--citation", "c", "--why", "x")
    assert code == 2 and "'befriends' is not one of 'allied_with'" in err
    code, _, err = run(db, "add-fact", "Alpha", "supports", "Beta", "--support", "love", "--citation", "c",
                       "--why", "x")
    assert code == 2 and "'love' is not one of" in err
    code, _, err = run(db, "merge", "Alpha", "Alphah")
    assert code == 2 and "Missing option '--why'" in err
