from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from alliancegraph.cli import cli
from tests.conftest import ARTICLE, write


def run(db: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--db", str(db), *args])
    return result.exit_code, result.stdout, result.stderr


def test_ingest_export_and_listings(tmp_path: Path) -> None:
    db = tmp_path / "ag.db"
    write(tmp_path / "c" / "wire.txt", ARTICLE)
    code, out, _ = run(db, "ingest", str(tmp_path / "c"))
    assert code == 0
    assert out.strip() == "1 added, 0 updated, 0 duplicate(s) skipped, 0 problem(s)"
    code, out, _ = run(db, "ingest", str(tmp_path / "c"))
    assert out.strip() == "0 added, 0 updated, 1 duplicate(s) skipped, 0 problem(s)"

    target = tmp_path / "facts.jsonl"
    code, _, err = run(db, "export", "--format", "facts", "-o", str(target))
    assert code == 0 and "facts written" in err
    records = [json.loads(line) for line in target.read_text().splitlines()]
    assert records and all(r["doc"] == "wire" and r["kind"] in ("relation", "quantity", "event") for r in records)
    assert all(r["evidence"] in ARTICLE for r in records)

    code, out, _ = run(db, "actors")
    assert code == 0 and out.splitlines()[0].split() == ["actor", "type", "mentions", "aliases"]
    assert any(line.startswith("Hezbollah ") for line in out.splitlines())

    code, out, _ = run(db, "facts", "--doc", "wire")
    assert code == 0 and "wire" in out

    code, out, _ = run(db, "summary")
    assert code == 0 and out.startswith("1 documents, ")


def test_problems_give_a_failing_exit_status_and_name_the_file(tmp_path: Path) -> None:
    db = tmp_path / "ag.db"
    write(tmp_path / "c" / "good.txt", ARTICLE)
    write(tmp_path / "c" / "bin.txt", b"\x00\x01binary")
    code, out, err = run(db, "ingest", str(tmp_path / "c"))
    assert code == 1
    assert f"error: {tmp_path / 'c' / 'bin.txt'}: binary file" in err
    assert out.strip() == "1 added, 0 updated, 0 duplicate(s) skipped, 1 problem(s)"


def test_unknown_document_is_a_clear_error(tmp_path: Path) -> None:
    code, _, err = run(tmp_path / "ag.db", "facts", "--doc", "nope")
    assert code == 1 and "no document with id 'nope'" in err


def test_bad_database_location_is_a_clear_error(tmp_path: Path) -> None:
    code, _, err = run(tmp_path / "missing" / "ag.db", "summary")
    assert code == 1 and "missing" in err
