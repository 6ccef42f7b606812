from __future__ import annotations

from pathlib import Path

import pytest

from alliancegraph.errors import InputError
from alliancegraph.ingest import read_paths
from alliancegraph.ingest.dates import normalize_date
from alliancegraph.ingest.text import split_header
from tests.conftest import ARTICLE, write


def test_header_block_gives_metadata_and_body(tmp_path: Path) -> None:
    path = write(tmp_path / "wire_01.txt", ARTICLE)
    [read] = list(read_paths([path]))
    doc = read.document
    assert doc is not None
    assert (doc.id, doc.title, doc.source, doc.author, doc.date) == (
        "wire_01", "Militias on the border", "Test Wire", "Dana Whitfield", "2021-05-04")
    assert doc.text.startswith("Hezbollah has long received")
    assert "title:" not in doc.text


def test_unknown_values_become_none_and_year_dates_stay_years() -> None:
    fields, body = split_header("title: unknown\nauthor: unknown\ndate: 2016\n\n\n\nText here.")
    assert fields == {"title": "unknown", "author": "unknown", "date": "2016"}
    assert body == "Text here."


def test_a_first_line_that_is_not_a_header_key_means_no_header() -> None:
    fields, body = split_header("Editor's note: this is prose.\n\nMore prose.")
    assert fields == {}
    assert body.startswith("Editor's note")


def test_text_without_header_keeps_all_text(tmp_path: Path) -> None:
    path = write(tmp_path / "plain.txt", "The Houthis fired missiles.\n\nSecond paragraph.")
    [read] = list(read_paths([path]))
    assert read.document is not None and read.document.title is None
    assert read.document.text.startswith("The Houthis")


@pytest.mark.parametrize(("raw", "expected"), [
    ("2018-09-11", "2018-09-11"), ("2016", "2016"), ("2020-03", "2020-03"),
    ("Sept. 11, 2018", "2018-09-11"), ("2018-09-11T08:30:00Z", "2018-09-11"),
    ("not a date", None), ("2018-13-45", None), (None, None),
])
def test_dates_are_normalised(raw: str | None, expected: str | None) -> None:
    assert normalize_date(raw) == expected


def test_header_only_file_is_a_problem(tmp_path: Path) -> None:
    path = write(tmp_path / "hollow.txt", "title: Nothing\ndate: 2020-01-01\n\n   \n")
    [read] = list(read_paths([path]))
    assert isinstance(read.problem, InputError)
    assert "hollow.txt" in str(read.problem)
