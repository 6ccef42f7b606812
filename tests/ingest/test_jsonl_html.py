from __future__ import annotations

import json
from pathlib import Path

from alliancegraph.ingest import read_paths
from tests.conftest import write

PAGE = """<!doctype html><html><head><title>Sahel brief</title>
<meta name="author" content="Ines Moreau"><meta name="date" content="2022-02-17"></head>
<body><nav><a href="/">Home</a> <a href="/about">About us</a> <a href="/subscribe">Subscribe</a></nav>
<article><h1>Sahel brief</h1>
<p>Jama'at Nusrat al-Islam wal-Muslimin remains al-Qaeda's affiliate in the Sahel and fights the Islamic State.</p>
<p>The group attacked an army post near the border last week, according to officials in Bamako.</p>
</article><footer>Copyright 2022 Example Media. All rights reserved. Cookie settings.</footer></body></html>"""


def test_jsonl_records_become_documents_with_metadata(tmp_path: Path) -> None:
    lines = [
        {"id": "a1", "text": "The Houthis attacked ships.", "title": "Red Sea", "date": "2024-01-12",
         "source": "Wire", "author": "Sam Lee", "url": "https://example.org/a1"},
        {"text": "Al-Shabaab pledged allegiance to al-Qaeda in 2012."},
    ]
    path = write(tmp_path / "batch.jsonl", "\n".join(json.dumps(x) for x in lines) + "\n\n")
    docs = [r.document for r in read_paths([path])]
    assert [d.id for d in docs if d] == ["a1", "batch-2"]
    first = docs[0]
    assert first is not None
    assert (first.title, first.date, first.source, first.author, first.url) == (
        "Red Sea", "2024-01-12", "Wire", "Sam Lee", "https://example.org/a1")


def test_bad_jsonl_lines_are_reported_with_their_line_and_the_rest_read(tmp_path: Path) -> None:
    body = "\n".join([
        json.dumps({"id": "ok1", "text": "Hamas and Hezbollah coordinate."}),
        "{not json",
        json.dumps({"id": "no-text"}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "blank", "text": "   "}),
        json.dumps({"id": "ok2", "text": "Iran arms the Houthis."}),
    ])
    path = write(tmp_path / "mixed.jsonl", body)
    reads = list(read_paths([path]))
    assert [r.document.id for r in reads if r.document] == ["ok1", "ok2"]
    problems = [str(r.problem) for r in reads if r.problem]
    assert len(problems) == 4
    assert problems[0].startswith(f"{path}:2: not valid JSON")
    assert f"{path}:3: missing 'text'" in problems[1]
    assert f"{path}:4: expected a JSON object" in problems[2]
    assert f"{path}:5: empty 'text'" in problems[3]


def test_a_facts_file_in_a_folder_is_skipped_but_named_explicitly_is_an_error(tmp_path: Path) -> None:
    write(tmp_path / "corpus" / "gold.jsonl", json.dumps({"doc": "x", "kind": "relation", "source": "A"}) + "\n")
    write(tmp_path / "corpus" / "a.txt", "Some text about al-Qaeda.")
    reads = list(read_paths([tmp_path / "corpus"]))
    assert [r.skipped for r in reads if r.skipped] == ["a facts file, not documents"]
    [named] = list(read_paths([tmp_path / "corpus" / "gold.jsonl"]))
    assert named.problem is not None and "facts file" in str(named.problem)


def test_html_gives_main_text_without_boilerplate_and_page_metadata(tmp_path: Path) -> None:
    path = write(tmp_path / "sahel.html", PAGE)
    [read] = list(read_paths([path]))
    doc = read.document
    assert doc is not None, read.problem
    assert doc.id == "sahel"
    assert (doc.title, doc.author, doc.date) == ("Sahel brief", "Ines Moreau", "2022-02-17")
    assert "affiliate in the Sahel" in doc.text and "according to officials" in doc.text
    assert "Subscribe" not in doc.text and "Cookie settings" not in doc.text
    assert "\n\n" in doc.text  # paragraphs kept apart


def test_html_without_article_text_is_a_problem(tmp_path: Path) -> None:
    page = "<html><head><title>x</title></head><body><script>var a = 1;</script><div> </div></body></html>"
    path = write(tmp_path / "empty.html", page)
    [read] = list(read_paths([path]))
    assert read.problem is not None and "empty.html" in str(read.problem)


def test_folders_are_read_recursively_in_order_and_unknown_files_passed_over(tmp_path: Path) -> None:
    write(tmp_path / "c" / "b.txt", "Text B about the Taliban.")
    write(tmp_path / "c" / "sub" / "a.txt", "Text A about al-Qaeda.")
    write(tmp_path / "c" / "notes.md", "# not an article")
    write(tmp_path / "c" / "page.htm", PAGE)
    ids = [r.document.id for r in read_paths([tmp_path / "c"]) if r.document]
    assert ids == ["b", "page", "a"]
