from __future__ import annotations

from pathlib import Path

from alliancegraph import Store, ingest
from alliancegraph.extract import Extractor
from tests.conftest import ARTICLE, write


def test_ingest_twice_adds_nothing_the_second_time(tmp_path: Path, store: Store, extractor: Extractor) -> None:
    write(tmp_path / "c" / "one.txt", ARTICLE)
    write(tmp_path / "c" / "two.txt", "title: Two\ndate: 2020-01-01\n\nAl-Shabaab fights the Somali army.")
    first = ingest([tmp_path / "c"], store, extractor)
    counts = store.counts()
    second = ingest([tmp_path / "c"], store, extractor)
    assert sorted(first.added) == ["one", "two"] and second.added == [] and len(second.duplicates) == 2
    assert store.counts() == counts
    assert counts["facts"] > 0 and counts["actors"] > 0


def test_same_content_under_another_name_is_a_duplicate(tmp_path: Path, store: Store, extractor: Extractor) -> None:
    write(tmp_path / "a.txt", ARTICLE)
    write(tmp_path / "copy.txt", ARTICLE.replace("\n\n", "\n\n\n"))  # whitespace differences do not matter
    report = ingest([tmp_path / "a.txt", tmp_path / "copy.txt"], store, extractor)
    assert report.added == ["a"] and report.duplicates == [("copy", "a")]


def test_changed_content_under_the_same_id_replaces_the_document(tmp_path: Path, store: Store,
                                                                 extractor: Extractor) -> None:
    path = write(tmp_path / "a.txt", ARTICLE)
    ingest([path], store, extractor)
    write(path, ARTICLE.replace("Hezbollah has long received weapons and funding from Iran",
                                "Hamas has long received funding from Qatar"))
    report = ingest([path], store, extractor)
    assert report.updated == ["a"] and store.counts()["documents"] == 1
    doc = store.document("a")
    assert doc is not None and "Qatar" in doc.text


def test_bad_files_are_reported_and_good_ones_still_stored(tmp_path: Path, store: Store,
                                                          extractor: Extractor) -> None:
    write(tmp_path / "c" / "good.txt", ARTICLE)
    write(tmp_path / "c" / "empty.txt", "")
    write(tmp_path / "c" / "bad.jsonl", '{"text": "fine"}\n{oops\n')
    report = ingest([tmp_path / "c"], store, extractor)
    assert not report.ok
    assert sorted(report.added) == ["bad-1", "good"]
    assert sorted(Path(p.path).name for p in report.problems) == ["bad.jsonl", "empty.txt"]
    assert [p.line for p in report.problems if p.path.endswith("bad.jsonl")] == [2]
