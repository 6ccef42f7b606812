"""The shipped gazetteer and lexicon load, and hold what the product promises."""

from __future__ import annotations

import importlib.util
import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from alliancegraph.errors import ExtractionError
from alliancegraph.extract import Gazetteer, Lexicon
from alliancegraph.model import EVENT_TYPES, MEASURES, RELATION_TYPES, ROLES, SUPPORT_KINDS
from alliancegraph.store import alias_key
from tests.conftest import ROOT


def test_gazetteer_loads_and_links_resolve() -> None:
    g = Gazetteer.load()
    counts = Counter(e.type for e in g)
    assert counts["armed_group"] >= 300 and counts["person"] >= 150
    for entry in g:
        for link in entry.links:
            assert link["target"] in g.entries, (entry.name, link)


def test_an_alias_shared_by_actors_is_deliberate_and_each_sharer_can_be_told_apart() -> None:
    g = Gazetteer.load()
    # a shared form is rare: each is an acronym or name two real actors go by, decided by region
    assert 0 < len(g.shared) <= 20
    for key, holders in g.shared.items():
        assert len({e.type for e in holders}) == 1, key
        regions = [e.region for e in holders]
        assert all(regions) and len(set(regions)) == len(regions), (key, regions)
        for entry in holders:
            assert any(alias_key(a) not in g.shared for a in (entry.name, *entry.aliases)), entry.name


def test_lexicon_keys_are_the_interchange_vocabulary() -> None:
    lexicon = Lexicon.load()
    assert set(lexicon.relation_triggers) == set(RELATION_TYPES)
    assert set(lexicon.support_kinds) <= set(SUPPORT_KINDS)
    assert set(lexicon.roles) == set(ROLES)
    assert set(lexicon.measures) <= set(MEASURES)
    assert set(lexicon.event_triggers) <= set(EVENT_TYPES)


def test_a_malformed_lexicon_list_is_an_error_naming_the_file(tmp_path: Path) -> None:
    shipped = json.loads((ROOT / "src" / "alliancegraph" / "data" / "lexicon.json").read_text("utf-8"))
    shipped["not_actors"] = "Special Operations"
    path = tmp_path / "lexicon.json"
    path.write_text(json.dumps(shipped), encoding="utf-8")
    with pytest.raises(ExtractionError, match="lexicon.json.*not_actors"):
        Lexicon.load(path)


def test_hedge_cues_split_into_phrases_and_words() -> None:
    lexicon = Lexicon.load()
    assert "if true" in lexicon.hedge_phrases and "probably" in lexicon.hedge_words
    assert not set(lexicon.hedge_phrases) & lexicon.hedge_words


def _checker() -> Any:
    """scripts/check_gazetteer.py, which is a script, not a module of the package."""
    spec = importlib.util.spec_from_file_location("check_gazetteer", ROOT / "scripts" / "check_gazetteer.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_shipped_gazetteer_passes_its_checker() -> None:
    checker = _checker()
    problems, counts = checker.check(ROOT / "src" / "alliancegraph" / "data" / "actors.jsonl")
    assert problems == [] and counts["armed_group"] >= 300


def test_the_gazetteer_checker_finds_a_clash_and_an_unsorted_file(tmp_path: Path) -> None:
    checker = _checker()
    lines = [{"name": "Zeta Front", "type": "armed_group", "aliases": ["ZF"], "region": "Mali", "links": []},
             {"name": "Alpha Front", "type": "armed_group", "aliases": ["ZF"], "region": "Mali", "links": []}]
    path = tmp_path / "actors.jsonl"
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    problems, _ = checker.check(path)
    assert any("clashes" in p for p in problems) and any("not sorted" in p for p in problems)


def test_the_gazetteer_checker_rejects_terms_that_are_not_a_rulers_years(tmp_path: Path) -> None:
    lines = [{"name": "Uganda", "type": "state", "aliases": [], "region": "Uganda", "links": []},
             {"name": "Alpha Front", "type": "armed_group", "aliases": [], "region": "Uganda", "links": []},
             {"name": "Ann Bee", "type": "person", "aliases": [], "region": "Uganda",
              "links": [{"relation": "leads", "target": "Uganda", "role": "leader", "terms": [[1990, 1985]]},
                        {"relation": "leads", "target": "Alpha Front", "role": "leader", "terms": [[1980, None]]}]},
             {"name": "Cy Dee", "type": "person", "aliases": [], "region": "Uganda",
              "links": [{"relation": "leads", "target": "Uganda", "role": "leader", "terms": [[1986, None]]}]}]
    lines.sort(key=lambda x: (x["type"], x["name"].casefold()))
    path = tmp_path / "actors.jsonl"
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    problems, _ = _checker().check(path)
    assert [p.split(":")[0] for p in problems if "terms" in p] == ["'Ann Bee'", "'Ann Bee'"]


@pytest.mark.parametrize("links", ['"Uganda"', '[{"relation": "leads"}]',
                                   '[{"relation": "leads", "target": "Uganda", "terms": [1986]}]',
                                   '[{"relation": "leads", "target": "Uganda", "terms": [["1986", null]]}]'])
def test_a_gazetteer_with_malformed_links_is_an_error_naming_the_file_and_line(tmp_path: Path, links: str) -> None:
    path = tmp_path / "mine.jsonl"
    path.write_text('{"name": "Uganda", "type": "state"}\n'
                    f'{{"name": "Ann Bee", "type": "person", "links": {links}}}\n', encoding="utf-8")
    with pytest.raises(ExtractionError, match=r"mine\.jsonl:2: the links of 'Ann Bee'"):
        Gazetteer.load(path)


def test_a_gazetteer_that_is_not_text_is_an_error_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "mine.jsonl"
    path.write_bytes(b"\xff\xfe\x00 not text")
    with pytest.raises(ExtractionError, match=r"mine\.jsonl: not UTF-8"):
        Gazetteer.load(path)


def test_the_gazetteer_checker_names_a_file_it_cannot_read(tmp_path: Path) -> None:
    path = tmp_path / "actors.jsonl"
    path.write_bytes(b"\xff\xfe\x00 not text")
    problems, counts = _checker().check(path)
    assert problems and "actors.jsonl" in problems[0] and "UTF-8" in problems[0] and not counts
    problems, _ = _checker().check(tmp_path / "missing.jsonl")
    assert problems and "missing.jsonl" in problems[0]
