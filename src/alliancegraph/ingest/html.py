"""HTML pages: the main text and the page's metadata, via trafilatura.

Boilerplate (menus, footers, comments) is left out by trafilatura; each block
of text it keeps becomes a paragraph, separated by a blank line as in the
plain-text format.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import trafilatura

from ..errors import InputError
from .base import Read, read_text_file
from .text import document_from_fields


def read_html(path: Path, *, named: bool = True) -> Iterator[Read]:
    """The one document of an HTML page; its id is the file name without extension."""
    html = read_text_file(path)
    try:
        result = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                             include_tables=False, deduplicate=True)
    except Exception as err:  # trafilatura raises many kinds of parser errors
        raise InputError(path, f"cannot parse HTML: {err}") from None
    data = {} if result is None else result if isinstance(result, dict) else result.as_dict()
    text = str(data.get("text") or "")
    if not text.strip():
        raise InputError(path, "no article text found in the HTML")
    paragraphs = [line.strip() for line in text.splitlines() if line.strip()]
    fields = {key: data.get(key) for key in ("title", "author", "date", "url")}
    fields["source"] = data.get("sitename")
    yield Read(str(path), document=document_from_fields(path.stem, "\n\n".join(paragraphs), fields, path))
