from __future__ import annotations

from pathlib import Path

import pytest

from alliancegraph.ingest import read_paths
from tests.conftest import write


@pytest.mark.parametrize(("name", "content", "message"), [
    ("empty.txt", "", "empty file"),
    ("blank.txt", "  \n\n \t\n", "empty file"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR", "binary file"),
    ("latin1.txt", "caf\xe9 des militants".encode("latin-1"), "not UTF-8"),
    ("empty.jsonl", "", "empty file"),
    ("binary.html", b"\x00\x01\x02", "binary file"),
])
def test_unreadable_files_are_problems_naming_the_file(tmp_path: Path, name: str, content: str | bytes,
                                                        message: str) -> None:
    path = write(tmp_path / name, content)
    [read] = list(read_paths([path]))
    assert read.document is None
    assert read.problem is not None
    assert str(read.problem).startswith(str(path))
    assert message in str(read.problem)


def test_missing_file_and_unknown_type(tmp_path: Path) -> None:
    missing, odd = tmp_path / "nope.txt", write(tmp_path / "data.csv", "a,b\n")
    reads = list(read_paths([missing, odd]))
    assert "no such file" in str(reads[0].problem)
    assert "unknown file type" in str(reads[1].problem) and "data.csv" in str(reads[1].problem)


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    path = write(tmp_path / "bom.txt", "\ufefftitle: T\n\nThe Houthis fired a missile.".encode())
    [read] = list(read_paths([path]))
    assert read.document is not None and read.document.title == "T"
