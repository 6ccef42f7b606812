"""What every reader shares: the outcome type and safe reading of raw files."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..model import Document


@dataclass(frozen=True)
class Read:
    """One outcome of reading: a document, a problem, or a file skipped on purpose."""

    path: str
    document: Document | None = None
    problem: InputError | None = None
    skipped: str | None = None

MAX_FILE_BYTES = 50 * 1024 * 1024


def read_text_file(path: Path) -> str:
    """The file's text as UTF-8 (BOM allowed), or an :class:`InputError` saying why not."""
    try:
        if not path.exists():
            raise InputError(path, "no such file")
        if not path.is_file():
            raise InputError(path, "not a regular file")
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InputError(path, f"file too large ({size} bytes; limit {MAX_FILE_BYTES})")
        raw = path.read_bytes()
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except OSError as err:
        raise InputError(path, f"cannot read file: {err.strerror or err}") from None
    if b"\x00" in raw[:8192]:
        raise InputError(path, "binary file (contains NUL bytes), not text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(path, f"not UTF-8 text (bad byte at offset {err.start})") from None
    if not text.strip():
        raise InputError(path, "empty file")
    return text


def clean_meta(value: object) -> str | None:
    """A metadata value as a stripped string, with blanks and 'unknown' as None."""
    if value is None:
        return None
    text = str(value).strip()
    if not text or text.lower() in {"unknown", "n/a", "none", "null"}:
        return None
    return text
