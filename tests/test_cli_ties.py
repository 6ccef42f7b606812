"""``ties --limit``: the strongest ties first, and a line saying how many more there are."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from alliancegraph import Store
from alliancegraph.cli import cli
from tests.analysis.builders import add, rel

OTHERS = ("Alpha Brigade", "Beta Army", "Gamma Front", "Delta Group")


def run(db: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--db", str(db), *args])
    return result.exit_code, result.stdout, result.stderr


def _store(tmp_path: Path) -> Path:
    """al-Qaeda with five ties: the Taliban alliance (two documents) strongest, four fights of equal strength."""
    db = tmp_path / "t.db"
    with Store.open(db) as store:
        add(store, "d1", "2020-01-01", rel("d1", "al-Qaeda", "allied_with", "Taliban"),
            *(rel("d1", "al-Qaeda", "fights", other) for other in OTHERS))
        add(store, "d2", "2020-01-01", rel("d2", "Taliban", "allied_with", "al-Qaeda"))
    return db


def _others(out: str) -> list[str]:
    rows = out.splitlines()[2:]  # below the header and its rule
    return [line.split("  ")[1].strip() for line in rows if line.startswith(("->", "<-", "<->"))]


def test_the_default_lists_a_small_actor_in_full_with_no_note(tmp_path: Path) -> None:
    code, out, _ = run(_store(tmp_path), "ties", "al-Qaeda")
    assert code == 0 and _others(out) == ["Taliban", *sorted(OTHERS)]
    assert "more ties" not in out


def test_a_limit_shows_the_strongest_and_says_how_many_more(tmp_path: Path) -> None:
    db = _store(tmp_path)
    code, out, _ = run(db, "ties", "al-Qaeda", "--limit", "2")
    assert code == 0 and _others(out) == ["Taliban", "Alpha Brigade"]
    assert out.splitlines()[-1] == "\u2026 3 more ties (5 in all); use --limit 0 for all"
    code, out, _ = run(db, "ties", "al-Qaeda", "--limit", "0")
    assert code == 0 and len(_others(out)) == 5 and "more ties" not in out
    code, out, _ = run(db, "ties", "al-Qaeda", "--limit", "2", "--as-of", "2020-06-30")  # read from the claims
    assert code == 0 and _others(out) == ["Taliban", "Alpha Brigade"] and "3 more ties (5 in all)" in out


def test_json_stays_one_document_and_the_note_goes_to_stderr(tmp_path: Path) -> None:
    code, out, err = run(_store(tmp_path), "ties", "al-Qaeda", "--json", "--limit", "1")
    views = json.loads(out)
    assert code == 0 and [v["other"] for v in views] == ["Taliban"]
    assert "4 more ties (5 in all)" in err


def test_a_negative_limit_is_refused_and_names_the_value(tmp_path: Path) -> None:
    code, _, err = run(_store(tmp_path), "ties", "al-Qaeda", "--limit", "-3")
    assert code == 2 and "-3" in err
