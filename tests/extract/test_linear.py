"""The linear classifier behind the learned pair reader."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from alliancegraph.errors import ExtractionError
from alliancegraph.extract.linear import LinearModel, fit

TEXTS = ["TYPE1_state arm ACTOR2", "TYPE1_state train ACTOR2", "TYPE1_state visit ACTOR2",
         "TYPE1_person lead ACTOR2", "TYPE1_person head ACTOR2"] * 4
LABELS = [{"supports>"}, {"supports>"}, set(), {"leads>"}, {"leads>"}] * 4
NAMES = ["supports>", "leads>"]


def test_it_learns_which_words_make_which_label() -> None:
    model = fit(TEXTS, LABELS, NAMES, min_count=1)
    armed, visited, led = model.scores(["TYPE1_state arm ACTOR2", "TYPE1_state visit ACTOR2",
                                        "TYPE1_person lead ACTOR2"])
    assert armed["supports>"] > 0.5 > visited["supports>"]
    assert led["leads>"] > 0.5 > led["supports>"]
    assert model.strongest("leads>", 2)[0][0] in ("TYPE1_person", "lead", "head")


def test_best_agrees_with_the_full_scores_and_handles_unknown_words() -> None:
    model = fit(TEXTS, LABELS, NAMES, min_count=1)
    texts = ["TYPE1_state arm ACTOR2", "never seen words", "", "TYPE1_person head ACTOR2"]
    for (name, p), full in zip(model.best(texts), model.scores(texts), strict=True):
        assert name == max(full, key=full.__getitem__)
        assert p == pytest.approx(full[name], rel=1e-5)
    assert model.best([]) == []


def test_rare_words_are_left_out_of_the_vocabulary() -> None:
    model = fit(["a b", "a c"], [{"x"}, set()], ["x"], min_count=2)
    assert set(model.index) == {"a"}


def test_a_saved_model_loads_the_same(tmp_path: Path) -> None:
    model = fit(TEXTS, LABELS, NAMES, min_count=1)
    model.save(tmp_path)
    again = LinearModel.load(tmp_path)
    assert again.labels == model.labels and again.index == model.index
    assert np.allclose(again.scores(TEXTS[:3])[0]["supports>"], model.scores(TEXTS[:3])[0]["supports>"])


def test_a_damaged_model_is_a_clear_error(tmp_path: Path) -> None:
    fit(TEXTS, LABELS, NAMES, min_count=1).save(tmp_path)
    (tmp_path / "model.json").write_text('{"labels": ["x"], "vocabulary": []}', encoding="utf-8")
    with pytest.raises(ExtractionError, match="damaged"):
        LinearModel.load(tmp_path)
    (tmp_path / "weights.npz").unlink()
    with pytest.raises(ExtractionError, match="cannot read the pair model"):
        LinearModel.load(tmp_path)


def test_a_model_that_cannot_be_written_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("not a folder", encoding="utf-8")
    with pytest.raises(ExtractionError, match="cannot write the pair model"):
        fit(TEXTS, LABELS, NAMES, min_count=1).save(tmp_path / "file" / "model")
