"""Plain-text articles, with an optional header block of metadata.

The header is a run of ``key: value`` lines at the very top (keys ``title``,
``source``, ``author``, ``date``, ``url``), ended by a blank line.  A first
line that is not one of those keys means the file has no header.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError
from ..model import Document
from .base import Read, clean_meta, read_text_file
from .dates import normalize_date

HEADER_KEYS = frozenset({"title", "source", "author", "date", "url"})
_HEADER_LINE = re.compile(r"^([A-Za-z_]+):[ \t]*(.*)$")


def split_header(text: str) -> tuple[dict[str, str], str]:
    """Split ``text`` into its header fields and its body.

    >>> split_header("title: T\\ndate: 2016\\n\\nBody.")
    ({'title': 'T', 'date': '2016'}, 'Body.')
    >>> split_header("Note: not a header.\\n\\nBody.")[0]
    {}
    """
    lines = text.splitlines()
    fields: dict[str, str] = {}
    for i, line in enumerate(lines):
        if not line.strip():
            if fields:
                return fields, "\n".join(lines[i + 1 :]).strip("\n")
            break
        m = _HEADER_LINE.match(line)
        if not m or m.group(1).lower() not in HEADER_KEYS:
            break
        fields[m.group(1).lower()] = m.group(2).strip()
    return {}, text


def document_from_fields(doc_id: str, body: str, fields: dict[str, str | None], path: Path) -> Document:
    """A Document from a body and raw metadata, normalising blanks and dates."""
    return Document(
        id=doc_id,
        text=body,
        title=clean_meta(fields.get("title")),
        date=normalize_date(clean_meta(fields.get("date"))),
        source=clean_meta(fields.get("source")),
        author=clean_meta(fields.get("author")),
        url=clean_meta(fields.get("url")),
        path=str(path),
    )


def read_text(path: Path, *, named: bool = True) -> Iterator[Read]:
    """The one document in a ``.txt`` file; its id is the file name without extension."""
    fields, body = split_header(read_text_file(path))
    if not body.strip():
        raise InputError(path, "no text after the header block")
    yield Read(str(path), document=document_from_fields(path.stem, body, dict(fields), path))
