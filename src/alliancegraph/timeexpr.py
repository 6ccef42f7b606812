"""Times in the interchange form: ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or ``START/END``."""

from __future__ import annotations

import calendar
import re

_POINT = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


def point_bounds(point: str) -> tuple[str, str] | None:
    """The first and last day a point time covers.

    >>> point_bounds("2016")
    ('2016-01-01', '2016-12-31')
    >>> point_bounds("2015-02")
    ('2015-02-01', '2015-02-28')
    """
    m = _POINT.match(point.strip())
    if not m:
        return None
    year, month, day = m.groups()
    if day:
        return f"{year}-{month}-{day}", f"{year}-{month}-{day}"
    if month:
        last = calendar.monthrange(int(year), int(month))[1]
        return f"{year}-{month}-01", f"{year}-{month}-{last:02d}"
    return f"{year}-01-01", f"{year}-12-31"


def interval_bounds(time: str | None) -> tuple[str | None, str | None]:
    """The (start, end) days of a time; an open side, or no time, is None.

    >>> interval_bounds("2001/2018")
    ('2001-01-01', '2018-12-31')
    >>> interval_bounds("/2001")
    (None, '2001-12-31')
    >>> interval_bounds(None)
    (None, None)
    """
    if not time:
        return None, None
    if "/" in time:
        start, _, end = time.partition("/")
        first = point_bounds(start) if start else None
        last = point_bounds(end) if end else None
        return (first[0] if first else None), (last[1] if last else None)
    bounds = point_bounds(time)
    return bounds if bounds else (None, None)
