from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from alliancegraph.cli import cli
from alliancegraph.errors import InputError
from alliancegraph.evaluate import load_facts, name_key, score

ROOT = Path(__file__).resolve().parents[1]


def rel(source: str, relation: str, target: str, **extra: object) -> dict[str, object]:
    return {"doc": "d", "kind": "relation", "source": source, "relation": relation, "target": target,
            "negated": False, "hedged": False, **extra}


def test_name_key_drops_titles_articles_and_punctuation() -> None:
    assert name_key("The Taliban") == name_key("taliban")
    assert name_key("Mullah Akhtar Mohammad Mansour") == name_key("Akhtar Mohammad Mansour")
    assert name_key("al-Qa'ida") == name_key("al Qa\u2019ida")


def test_relations_match_on_type_direction_negation_and_aliases() -> None:
    gold = [rel("al-Qaeda", "allied_with", "Taliban", attributed_to="Ann Roe", time="2016"),
            rel("Iran", "supports", "Houthis", support=["weapons", "training"]),
            rel("Hamas", "fights", "Israel"),
            rel("X", "rival_of", "Y", optional=True)]
    system = [rel("Afghan Taliban", "allied_with", "AQ", attributed_to="Ann Roe", time="2015/2016"),  # symmetric
              rel("Houthis", "supports", "Iran"),  # wrong direction
              rel("Iran", "supports", "Houthis", support=["weapons"]),
              rel("Hamas", "fights", "Israel", negated=True),  # negation differs
              rel("X", "rival_of", "Y")]  # optional: neither helps nor hurts
    aliases = {"al-Qaeda": ["AQ"], "Taliban": ["Afghan Taliban"]}
    s = score(gold, system, aliases)
    r = s.kinds["relation"]
    assert (r.tp, r.fp, r.fn) == (2, 2, 1)
    assert s.agreement["attributed_to"] == [1, 1] and s.agreement["time_year"] == [1, 1]
    assert s.agreement["support_kinds_jaccard"] == [0.5, 1]


def test_quantities_match_within_ten_percent_and_events_on_overlapping_actors() -> None:
    gold = [{"doc": "d", "kind": "quantity", "actor": "TTP", "measure": "fighters", "value": 5000},
            {"doc": "d", "kind": "event", "event": "death", "actors": ["Mullah Omar"]}]
    system = [{"doc": "d", "kind": "quantity", "actor": "TTP", "measure": "fighters", "value": 5400},
              {"doc": "d", "kind": "quantity", "actor": "TTP", "measure": "fighters", "value": 6000},
              {"doc": "d", "kind": "event", "event": "death", "actors": ["Mullah Omar", "Taliban"]},
              {"doc": "other", "kind": "event", "event": "death", "actors": ["Mullah Omar"]}]  # not a gold doc
    s = score(gold, system, {})
    assert (s.kinds["quantity"].tp, s.kinds["quantity"].fp) == (1, 1)
    assert (s.kinds["event"].tp, s.kinds["event"].fp) == (1, 0)


def test_a_malformed_gold_file_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(rel("A", "fights", "B")) + "\n{broken\n")
    with pytest.raises(InputError, match=r"gold.jsonl:2: not valid JSON"):
        load_facts(path)


def test_eval_command_prints_the_table(tmp_path: Path) -> None:
    article = tmp_path / "c" / "d.txt"
    article.parent.mkdir()
    article.write_text("title: T\ndate: 2020-01-01\n\nIran supplies the Houthis with missiles.\n")
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(rel("Iran", "supports", "Houthis") | {"doc": "d"}) + "\n")
    db = tmp_path / "ag.db"
    runner = CliRunner()
    assert runner.invoke(cli, ["--db", str(db), "ingest", str(article.parent)]).exit_code == 0
    result = runner.invoke(cli, ["--db", str(db), "eval", str(gold)])
    assert result.exit_code == 0
    line = next(x for x in result.stdout.splitlines() if x.startswith("relation "))
    assert line.split()[1:4] == ["1.000", "1.000", "1.000"]


def test_evaluation_set_gold_is_well_formed() -> None:
    """Every gold fact of tests/data cites a verbatim span of its article."""
    gold, aliases = load_facts(ROOT / "tests" / "data" / "gold.jsonl")
    texts = {p.stem: p.read_text(encoding="utf-8") for p in (ROOT / "tests" / "data" / "articles").glob("*.txt")}
    assert len(texts) >= 8 and aliases
    for fact in gold:
        assert fact["evidence"] in texts[fact["doc"]], fact
