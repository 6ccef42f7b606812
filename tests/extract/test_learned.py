"""The learned pair reader: its examples, its training, and how it adds to the rules."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from alliancegraph import Document, Relation
from alliancegraph.cli import cli
from alliancegraph.errors import ExtractionError, InputError
from alliancegraph.extract import Extractor
from alliancegraph.extract.context import SentenceContext
from alliancegraph.extract.learned import Candidate, PairModel, candidates, features, label, unlabel
from alliancegraph.extract.training import PairExample, all_labels, collect, train, train_from
from alliancegraph.model import Evidence, Fact

TEXT = ("Ansar Dine fought alongside AQIM in northern Mali in 2012. "
        "Later the French army drove Ansar Dine out of Kidal.")
GOLD = [
    {"doc": "t", "kind": "relation", "source": "Ansar Dine", "relation": "allied_with",
     "target": "al-Qaeda in the Islamic Maghreb", "evidence": "Ansar Dine fought alongside AQIM in northern Mali"},
    {"doc": "t", "kind": "relation", "source": "French Armed Forces", "relation": "fights", "target": "Ansar Dine",
     "evidence": "Later the French army drove Ansar Dine out of Kidal."},
]


def _contexts(extractor: Extractor, text: str) -> list[SentenceContext]:
    seen: list[SentenceContext] = []

    class Keep:
        def propose(self, ctx: SentenceContext, stated: list[Relation]) -> list[Candidate]:
            seen.append(ctx)
            return []

        def decide(self, found: list[Candidate], facts: list[Fact]) -> list[Relation]:
            return []

    saved, extractor.second_reader = extractor.second_reader, Keep()
    try:
        extractor.extract(Document("t", text))
    finally:
        extractor.second_reader = saved
    return seen


def test_labels_say_which_actor_of_the_pair_is_the_source() -> None:
    assert unlabel(label("supports", True)) == ("supports", True)
    assert unlabel(label("supports", False)) == ("supports", False)
    assert label("allied_with", False) == label("allied_with", True)  # symmetric: no direction
    assert len(all_labels()) == len(set(all_labels()))


def test_features_name_types_and_words_never_the_actors(extractor: Extractor) -> None:
    ctx = _contexts(extractor, "Iran armed the Houthis in 2015.")[0]
    (first, second), = candidates(ctx)
    text = features(ctx, first, second)
    assert "TYPE1_state" in text and "TYPE2_armed_group" in text and "arm" in text.split()
    assert "Iran" not in text and "Houthis" not in text


def test_organisations_known_only_to_ner_are_not_candidates(extractor: Extractor) -> None:
    ctx = _contexts(extractor, '"It will not last," said Rohan Patel, a fellow at the Brookings Institution.')[0]
    assert all(m.method != "ner" or m.type != "organization" for pair in candidates(ctx) for m in pair)


def test_collect_labels_the_evidence_sentence_and_skips_pairs_tied_elsewhere(extractor: Extractor) -> None:
    examples = collect(extractor, [Document("t", TEXT)], GOLD, {"al-Qaeda in the Islamic Maghreb": ["AQIM"]})
    by_pair = {(e.first, e.second): e for e in examples}
    allied = by_pair[("Ansar Dine", "al-Qaeda in the Islamic Maghreb")]
    assert allied.labels == {"allied_with"}
    fights = next(e for e in examples if {e.first, e.second} == {"French Armed Forces", "Ansar Dine"})
    assert fights.labels == {label("fights", fights.first == "French Armed Forces")}
    assert extractor.second_reader is not None  # the shipped reader is put back


def test_a_trained_model_saves_loads_and_scores_every_label(tmp_path: Path) -> None:
    examples = [PairExample("d", "s", "TYPE1_state arm ACTOR2", "A", "B", frozenset({"supports>"})),
                PairExample("d", "s", "TYPE1_state visit ACTOR2", "A", "C", frozenset())] * 10
    train(examples, tmp_path / "m", epochs=5)
    model = PairModel.load(tmp_path / "m")
    assert model is not None
    armed, visited = model.model.scores(["TYPE1_state arm ACTOR2", "TYPE1_state visit ACTOR2"])
    assert set(armed) == set(all_labels())
    assert armed["supports>"] > visited["supports>"]


def test_a_missing_model_is_an_error_only_when_asked_for(tmp_path: Path) -> None:
    with pytest.raises(ExtractionError, match="no trained pair model"):
        PairModel.load(tmp_path / "nothing")
    assert PairModel.load() is not None  # the shipped one


def test_an_extractor_can_read_with_the_rules_alone() -> None:
    assert Extractor(learned=False).second_reader is None


def test_the_rules_read_a_pair_first(extractor: Extractor) -> None:
    ctx = _contexts(extractor, "Iran armed the Houthis in 2015.")[0]
    (first, second), = candidates(ctx)
    model = PairModel.load()
    assert model is not None
    model = PairModel(model.model, threshold=0.0)  # would tie every pair it is asked about
    tied_by_rule = Relation(first.name, "supports", second.name, Evidence("t", "x", 0, 1, 0, 1))
    assert model.decide([Candidate(ctx, first, second)], [tied_by_rule]) == []
    assert model.decide([Candidate(ctx, first, second)], [])


def test_a_learned_leader_needs_more_confidence_than_other_ties(extractor: Extractor) -> None:
    from alliancegraph.extract.learned import LEADS_THRESHOLD

    ctx = _contexts(extractor, "Mohammed Al Jaber travelled to Sanaa with the Houthis.")[0]
    pair = next((a, b) for a, b in candidates(ctx) if {a.type, b.type} == {"person", "armed_group"})

    class Sure:  # every pair is a leader's, at the score given
        def __init__(self, score: float) -> None:
            self.score = score

        def best(self, texts: list[str]) -> list[tuple[str, float]]:
            return [("leads>" if pair[0].type == "person" else "leads<", self.score) for _ in texts]

    below = PairModel(Sure(LEADS_THRESHOLD - 0.05), threshold=0.0)  # type: ignore[arg-type]
    above = PairModel(Sure(LEADS_THRESHOLD + 0.05), threshold=0.0)  # type: ignore[arg-type]
    assert below.decide([Candidate(ctx, *pair)], []) == []
    assert [r.relation for r in above.decide([Candidate(ctx, *pair)], [])] == ["leads"]


def test_train_from_names_a_gold_file_that_ties_nothing(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "t.txt").write_text("Iran armed the Houthis in 2015.", encoding="utf-8")
    (tmp_path / "gold.jsonl").write_text("", encoding="utf-8")
    with pytest.raises(InputError, match="no relation in the gold facts"):
        train_from([(tmp_path / "docs", tmp_path / "gold.jsonl")], tmp_path / "m")


def test_the_train_pairs_command_writes_a_model(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "t.txt").write_text(TEXT, encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps(g) for g in GOLD), encoding="utf-8")
    result = CliRunner().invoke(cli, ["train-pairs", "--set", str(tmp_path / "docs"), str(gold),
                                      "-o", str(tmp_path / "m"), "--epochs", "2"], obj={})
    assert result.exit_code == 0, result.output
    assert "tied" in result.output and PairModel.load(tmp_path / "m") is not None


def test_an_extractor_reads_with_the_pair_model_it_is_given(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    examples = [PairExample("d", "s", "TYPE1_state arm ACTOR2", "A", "B", frozenset({"supports>"}))] * 3
    train(examples, tmp_path / "m", epochs=5)
    own = Extractor(pair_model=tmp_path / "m")
    shipped = PairModel.load()
    assert isinstance(own.second_reader, PairModel) and shipped is not None
    assert own.second_reader.model.fingerprint() != shipped.model.fingerprint()
    assert own.model.endswith(own.second_reader.model.fingerprint())  # the run records which model read
    monkeypatch.setenv("ALLIANCEGRAPH_PAIR_MODEL", "none")
    assert Extractor().second_reader is None
