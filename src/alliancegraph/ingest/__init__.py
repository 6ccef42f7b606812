"""Readers that turn files into :class:`~alliancegraph.model.Document` objects.

``read_paths`` walks files and folders (recursively) and yields, for every
document or problem it meets, a :class:`Read` outcome, so that one bad file
never stops the others from being read.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import InputError
from .base import Read
from .html import read_html
from .jsonl import read_jsonl
from .text import read_text

READERS = {".txt": read_text, ".text": read_text, ".html": read_html, ".htm": read_html, ".jsonl": read_jsonl}

__all__ = ["READERS", "Read", "discover", "read_paths"]



def discover(paths: Iterable[str | Path]) -> Iterator[tuple[Path, bool]]:
    """Yield ``(file, named)`` for every readable file under ``paths``, sorted.

    ``named`` is true for a file given directly: an unknown extension there is
    a problem, while inside a folder it is passed over silently.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if child.suffix.lower() in READERS and not child.name.startswith("."):
                    yield child, False
        else:
            yield path, True


def read_paths(paths: Iterable[str | Path]) -> Iterator[Read]:
    """Read every document under ``paths``; problems are yielded, never raised."""
    for path, named in discover(paths):
        reader = READERS.get(path.suffix.lower())
        if reader is None:
            known = ", ".join(sorted(READERS))
            yield Read(str(path), problem=InputError(path, f"unknown file type (expected one of {known})"))
            continue
        try:
            yield from reader(path, named=named)
        except InputError as err:
            yield Read(str(path), problem=err)
