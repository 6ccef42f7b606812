"""Normalising the publication dates that headers and metadata give."""

from __future__ import annotations

import re
from datetime import date

import dateparser

_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?")


def normalize_date(value: str | None) -> str | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` for a date in any common form, else None.

    >>> normalize_date("2018-09-11T08:00:00Z")
    '2018-09-11'
    >>> normalize_date("2016")
    '2016'
    >>> normalize_date("Sept. 11, 2018")
    '2018-09-11'
    """
    if not value:
        return None
    text = value.strip()
    m = _ISO.match(text)
    if m:
        year, month, day = m.groups()
        try:
            if day:
                return date(int(year), int(month), int(day)).isoformat()
            if month and 1 <= int(month) <= 12:
                return f"{year}-{int(month):02d}"
        except ValueError:
            return None
        return year if not month else None
    parsed = dateparser.parse(text, settings={"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["year"]})
    return parsed.date().isoformat() if parsed else None
