"""JSON Lines: one document per line, ``text`` required.

Optional fields: ``id``, ``title``, ``date``, ``source``, ``author``, ``url``.
Without an ``id`` a record is named ``<file stem>-<line number>``.  A file
whose records are facts (they carry ``kind`` and no ``text``, as a gold file
does) is not a document file; inside a folder it is passed over.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError
from ..model import Document
from .base import Read, read_text_file
from .text import document_from_fields

FACT_KINDS = frozenset({"relation", "quantity", "event", "aliases"})
META_FIELDS = ("title", "date", "source", "author", "url")


def _is_facts_record(obj: object) -> bool:
    return isinstance(obj, dict) and obj.get("kind") in FACT_KINDS and "text" not in obj


def read_jsonl(path: Path, *, named: bool = True) -> Iterator[Read]:
    """Every document of a ``.jsonl`` file; a bad line is a problem naming its line number."""
    lines = read_text_file(path).splitlines()
    records = [(n, line) for n, line in enumerate(lines, 1) if line.strip()]
    first = _parse(records[0][1]) if records else None
    if _is_facts_record(first):
        if named:
            raise InputError(path, "a facts file (records have 'kind', no 'text'), not documents")
        yield Read(str(path), skipped="a facts file, not documents")
        return
    for number, line in records:
        try:
            yield Read(str(path), document=_document(path, number, line))
        except InputError as err:
            yield Read(str(path), problem=err)


def _parse(line: str) -> object:
    try:
        return json.loads(line)
    except json.JSONDecodeError:
        return None


def _document(path: Path, number: int, line: str) -> Document:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as err:
        raise InputError(path, f"not valid JSON ({err.msg} at column {err.colno})", line=number) from None
    if not isinstance(obj, dict):
        raise InputError(path, f"expected a JSON object, got {type(obj).__name__}", line=number)
    text = obj.get("text")
    if not isinstance(text, str):
        raise InputError(path, "missing 'text' (a string)", line=number)
    if not text.strip():
        raise InputError(path, "empty 'text'", line=number)
    doc_id = obj.get("id")
    if doc_id is not None and not isinstance(doc_id, str | int):
        raise InputError(path, "'id' must be a string or a number", line=number)
    fields = {k: (str(obj[k]) if obj.get(k) is not None else None) for k in META_FIELDS}
    name = str(doc_id).strip() if doc_id is not None and str(doc_id).strip() else f"{path.stem}-{number}"
    return document_from_fields(name, text.strip(), fields, path)
