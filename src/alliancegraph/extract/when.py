"""Time expressions in a sentence, resolved to the interchange form of FACTS.md.

:func:`time_expressions` finds every time expression in a piece of text and gives
its value as FACTS writes a ``time``: ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or an
interval ``START/END`` whose sides may be empty (``2015/``, ``/2001``).  It uses
the standard library only; text with no digit, no month or weekday name and no
relative word ("year", "month", "week", "day", "recent"...) costs three literal
regex searches (a couple of microseconds) and gives ``[]``.

It works in two passes.  The first finds *atoms*, single times:

* years ``2016`` (1800-2099, not inside a larger number, not a count such as
  "some 2000 fighters", not a label such as "Resolution 2016"), with a neutral
  lead-in kept in the span: "as recently as 2015", "as early as 2009", "early/late/mid
  2011", "the spring of 2019", "summer 2019", "the end of 2014" -> the year;
* months and dates: "March 2015" -> ``2015-03``; "March 3, 2015", "3 March 2015",
  "Oct. 7, 2001", "2015-03-03" -> ``2015-03-03``; "March 3-5, 2015" -> an interval
  of days; "9/11" -> ``2001-09-11``, and so is "September 11" with no year when
  "attacks" follows or "since/after/before/pre-/post-" comes before it; "3/15/2015"
  and "15/3/2015" when day and month cannot be confused, else the year;
* year spans "2014-2018", "2014–18", "2014/15" -> ``2014/2018`` etc.  A two-digit end
  is a span only up to ten years long: "2011-12" is ``2011/2012``, "2015-03" the month;
* decades "the 1990s", "the '90s", "the nineties" -> ``1990/1999``; "the early 2000s"
  -> ``2000/2003``, "the mid-1990s" -> ``1994/1996``, "the late 1990s" -> ``1997/1999``;
  a two-digit decade needs "the" or an apostrophe ("in their 90s" is an age) and is
  in the 1900s except "the '00s" and "the '10s";
* times relative to the document date (a relative time with no document date, or
  with a document date too coarse to place it, is dropped, never guessed):

  - "today", "tonight", "this morning" -> the document date; "this week", "this
    month" -> its month; "this year", "earlier this year" -> its year.  These name
    a period that holds the document date, so they are cut to the precision the
    document date has ("today" in a document dated ``2016`` is ``2016``);
  - "yesterday", "last night", "tomorrow" need a day; "last month", "next month",
    "two months ago" need a month; "last year", "next year", "two years ago",
    "a decade ago" need a year; "three weeks ago", "five days ago" need a day;
  - weekdays "(on|last|next) Thursday" need a day: the most recent such day on or
    before the document date ("last" excludes the date itself, "next" looks ahead);
    "Good Friday", "Black Thursday" and the like are not read;
  - months with no year, "in March", "since January", "on 22 July", "March 22": the
    most recent such month (or day) not after the document date; this needs the
    document's month.  A bare month name is read only after a preposition, after
    "last/this/next/early/late/mid" or "as recently as", so "may" the verb and
    "Theresa May" are safe; "last March" is the last March before the document's
    month, "next March" the first after it;
  - look-back windows end at the document date: "recently" -> the document year;
    "in recent years" -> 3 years back (``2015/2018``); "in recent months" -> the
    last six calendar months (``2018-01/2018-06``); "in recent weeks" -> 4 weeks;
    "in recent days" -> 7 days; "over the past (N) years/months/weeks/days/decades",
    "in the last year" -> N units back (few/several: 3, couple: 2);
    "for (over) N years" after a present perfect ("has endured for over 20 years")
    -> N years back; "(the) N years since" -> N years back, or, when a time follows
    at once ("17 years since 9/11"), from that time to the document year (to the
    time plus N years when there is no document date).  A window shorter than a
    year is cut to the precision the document date has;
  - "now", "currently", "present" give nothing: they are too weak to date a fact.

The second pass joins atoms with the words around them; the span grows to hold
those words:

* ranges: "from A to B", "A to/until/through B", "between A and B", "A - B" (the
  dash between absolute times only) -> ``A/B``; "from March to June 2015" and
  "between January and March" are read in the first pass;
* open ends: "since A", "ever since", "after", "following", "starting in",
  "beginning in", "post-A", "A onwards", "A to the present" -> ``A/``;
  "until A", "till", "through", "before", "prior to", "pre-A" -> ``/A``.  The
  word must come right before the time: "until it was destroyed in 2015" is just
  ``2015``.  Of a time that is itself a period, "since" keeps the start and "until"
  the end ("since the 1990s" -> ``1990/``, "until the 1990s" -> ``/1999``), while
  "before" ends at its start and "after" begins at its end (``/1990``, ``1999/``);
* "two years after 2001" -> ``2003``, "shortly after 9/11" -> ``2001-09-11``.

Expressions never overlap; where two readings compete, the longer span wins.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal, NamedTuple

__all__ = ["TimeExpression", "nearest_time", "time_expressions"]


@dataclass(frozen=True)
class TimeExpression:
    """One time expression: where it is in the text and what time it gives.

    ``kind`` is ``"point"`` (``2016``, ``2015-03``, ``2021-06-03``), ``"interval"``
    (``2014/2018``), ``"open_start"`` (no start: ``/2001``) or ``"open_end"`` (no end:
    ``2015/``).  ``text[start:end]`` is the expression, with its governing words
    ("since 2014", "between 2014 and 2018") but not a neutral "in", "on" or "during".
    """

    start: int
    end: int
    value: str
    kind: str


class _Anchor(NamedTuple):
    """The document date, as precise as it was given."""

    year: int
    month: int | None
    day: int | None


@dataclass(frozen=True)
class _Atom:
    """A single time from the first pass; ``lo`` is None while it cannot be resolved."""

    start: int
    end: int
    lo: str | None
    hi: str | None
    absolute: bool
    since_years: int = 0  # "N years since": N years, waiting for the time that may follow


# --- vocabulary -------------------------------------------------------------------------------------------------

_MONTH_NUMBERS = {name: i for i, name in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_NUMBER_WORDS = {
    "a": 1, "an": 1, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "few": 3, "several": 3, "couple of": 2,
    **_UNITS,
}
_WORD_DECADES = {"sixties": 1960, "seventies": 1970, "eighties": 1980, "nineties": 1990}
# Early / mid / late part of a decade, as offsets of its first and last year.
_DECADE_PARTS = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}

# --- regex pieces -----------------------------------------------------------------------------------------------

_YEAR = r"(?:1[89]\d\d|20\d\d)"
_YEAR_START = r"(?<![\w$£€#/.,])(?<!\d[-–])"  # not inside a number, an amount or a code
_YEAR_END = r"(?![\w%]|[.,]\d)"
_MONTH_FULL = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_MONTH = rf"(?:{_MONTH_FULL}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)(?![a-z])"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?(?:\s*[-–]\s*(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?)?"
_NUM = (r"(?:(?<![\d,.])\d{1,3}|an?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
        r"(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine"
        r"|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)")
# Words right before a date that do not change it but belong to the expression.  Leading words are looked
# for backwards from a match, which is much cheaper than an optional group at the head of every pattern.
_LEAD_BEFORE = re.compile(
    r"(?:\b(?i:as\s+(?:recently|early|late|far\s+back|long\s+ago)\s+as\s+"
    r"|(?:the\s+)?(?:(?:early|late)\s+)?(?:spring|summer|fall|autumn|winter|end|beginning|start|middle"
    r"|(?:first|second|latter)\s+half|early\s+part|latter\s+part)\s+of\s+"
    r"|(?:spring|summer|autumn|winter)\s+|(?:early|late|mid)(?:\s+|-)))?"
    rf"(?:\b{_WEEKDAY},?\s+)?$")
_DECADE_BEFORE = re.compile(r"(?:\b(?P<the>the)\s+)?(?:\b(?P<part>early|mid|late)(?:\s+|-))?$", re.I)
_WEEKDAY_BEFORE = re.compile(r"\b(?P<mod>last|this|next|past|on)\s+$", re.I)
_HOLIDAY_BEFORE = re.compile(r"\b(?:Good|Black|Bloody|Ash|Super|Holy|Palm|Easter|Maundy)\s+$")

# --- first pass: atoms ------------------------------------------------------------------------------------------

_ISO_DATE = re.compile(rf"{_YEAR_START}(?P<y>{_YEAR})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\d-])")
_NUMERIC_DATE = re.compile(rf"(?<![\d/.])(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<y>{_YEAR})(?![\d/])")
_NINE_ELEVEN = re.compile(r"(?<![\d/.])9/11(?![\d/])")
_MONTH_DAY_YEAR = re.compile(
    rf"\b(?P<mon>{_MONTH})\s+{_DAY}(?:,\s*|\s+)(?:of\s+)?(?P<y>{_YEAR}){_YEAR_END}")
_DAY_MONTH_YEAR = re.compile(
    rf"(?:\b(?i:the)\s+)?(?<![\w.,/$-]){_DAY}\s+(?:of\s+)?(?P<mon>{_MONTH}),?\s+(?P<y>{_YEAR}){_YEAR_END}")
_MONTH_YEAR = re.compile(rf"\b(?P<mon>{_MONTH}),?\s+(?:of\s+)?{_YEAR_START}(?P<y>{_YEAR}){_YEAR_END}")
_MONTH_DAY = re.compile(rf"\b(?P<mon>{_MONTH})\s+(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\b(?![.,:]?\d)")
_DAY_MONTH = re.compile(
    rf"(?:\b(?i:the)\s+)?(?<![\w.,/$-])(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{_MONTH})")
_BARE_MONTH = re.compile(
    r"\b(?P<prep>(?i:in|since|until|till|through|during|before|after|from|by|last|this|next|early|late|mid"
    r"|as\s+(?:recently|early|late|far\s+back)\s+as))"
    rf"(?:\s+|-)(?:(?P<mod>(?i:early|late|mid))(?:\s+|-))?(?P<mon>{_MONTH_FULL})\b(?!['’]s)")
_MONTH_SPAN = re.compile(
    rf"\b(?:(?P<pre>(?i:between|from))\s+)?(?P<m1>{_MONTH_FULL})\s*(?P<sep>[-–—]|\s(?i:and|to|until|till|through)\s)"
    rf"\s*(?P<m2>{_MONTH_FULL})\b(?:,?\s+{_YEAR_START}(?P<y>{_YEAR}){_YEAR_END})?")
_YEAR_SPAN = re.compile(rf"{_YEAR_START}(?P<y1>{_YEAR})\s*(?P<sep>[-–—/])\s*(?P<y2>{_YEAR}|\d\d){_YEAR_END}")
_YEAR_ALONE = re.compile(rf"{_YEAR_START}(?P<y>{_YEAR}){_YEAR_END}")
_DECADE = re.compile(r"(?<![\w$£€#/.,])(?P<dec>(?:1[89]|20)\d0)['’]?s\b")
_SHORT_DECADE = re.compile(r"(?<![\w$£€#/.,])(?P<apo>['’])?(?P<dec>\d0)['’]?s\b")
_WORD_DECADE = re.compile(r"(?i:\b(?P<the>the\s+)(?:(?P<part>early|mid|late)(?:\s+|-))?)"
                          r"(?P<word>(?i:sixties|seventies|eighties|nineties))\b")

_THIS = re.compile(r"\b(?:(?:earlier|later|early|late)\s+|so\s+far\s+)?this\s+(?P<unit>year|month|week)\b", re.I)
_LAST_NEXT = re.compile(r"\b(?:(?:earlier|later|early|late)\s+)?(?P<dir>last|next)\s+(?P<unit>year|month|week)\b",
                        re.I)
_AGO = re.compile(r"\b(?P<unit>year|month|week|day|decade)s?\s+ago\b", re.I)
_COUNT_BEFORE = re.compile(rf"\b(?P<n>{_NUM})\s+$", re.I)
_DAY_WORD = re.compile(r"\b(?:(?P<today>today|tonight|(?:earlier|later)\s+today|this\s+(?:morning|afternoon|evening))"
                       r"|(?P<yesterday>yesterday|last\s+night)|(?P<tomorrow>tomorrow))\b", re.I)
_RECENTLY = re.compile(r"(?<!\bas\s)\brecently\b(?!\s+as\b)", re.I)
_RECENT = re.compile(r"\b(?:(?:in|over|during|within)\s+)?(?:the\s+)?(?:most\s+)?recent\s+"
                     r"(?P<unit>year|month|week|day|decade)s\b", re.I)
_WINDOW = re.compile(rf"\b(?:(?:in|over|during|for|within|throughout)\s+)?(?:the|this)\s+(?:past|last)\s+"
                     rf"(?:(?P<n>{_NUM}|few|several|couple\s+of)\s+)?(?P<unit>year|month|week|day|decade)s?\b", re.I)
_FOR_YEARS = re.compile(rf"\bfor\s+(?:(?:over|more\s+than|nearly|almost|about|some|at\s+least|around|roughly"
                        rf"|close\s+to|well\s+over)\s+)?(?P<n>{_NUM})\s+(?P<unit>year|decade)s?\b", re.I)
_YEARS_SINCE = re.compile(r"\b(?P<unit>year|decade)s?\s+since\b", re.I)
_YEARS_SINCE_LEAD = re.compile(rf"\b(?:(?:in|over|during|for)\s+)?(?:the\s+)?(?:(?:nearly|almost|more\s+than|over"
                               rf"|some|about)\s+)?(?P<n>{_NUM})\s+$", re.I)
_WEEKDAY_REF = re.compile(rf"\b(?P<wd>{_WEEKDAY})\b")

# Checks around a bare year.
_LABEL_BEFORE = re.compile(r"(?:\b(?:resolutions?|no|nos|number|flight|route|highway|article|room|pages?|chapter"
                           r"|section|model|code|unit|box|pp?)\.?|#)\s*$", re.I)
_AMOUNT_BEFORE = re.compile(r"\b(?:some|nearly|roughly|approximately|almost|estimated|at\s+least|more\s+than"
                            r"|fewer\s+than|less\s+than|another|additional|total\s+of)\s+$", re.I)
_TIME_WORD_BEFORE = re.compile(r"\b(?:in|since|until|till|during|before|after|circa)\s+$", re.I)
_COUNT_AFTER = re.compile(
    r"\s+(?:(?:more|other|additional|new|foreign|armed|[A-Z][\w’'-]*)\s+)?(?:fighters|troops|soldiers|militants"
    r"|men|women|children|people|members|recruits|civilians|police(?:men)?|officers|personnel|insurgents|rebels"
    r"|refugees|families|residents|casualties|deaths|dead|killed|wounded|attacks|airstrikes|strikes|rockets"
    r"|missiles|vehicles|weapons|rifles|tons|tonnes|km|kilometers|kilometres|miles|meters|metres|feet|dollars"
    r"|euros|votes|hours|pages|words|times)\b")
_NINE_ELEVEN_CONTEXT_BEFORE = re.compile(r"(?:\b(?:since|after|before|following|until|prior\s+to)\s+|\b(?:pre|post)-)"
                                         r"(?:the\s+)?$", re.I)
_NINE_ELEVEN_CONTEXT_AFTER = re.compile(r"(?:th)?,?\s+(?:attacks?|terror|terrorist|hijack)", re.I)
_PERFECT = re.compile(r"\b(?:has|have)\b|['’]ve\b", re.I)

# --- second pass: joining words ---------------------------------------------------------------------------------

_RANGE_JOIN = re.compile(r"\s*(?:(?P<dash>[-–—])|(?P<word>to|until|till|through|thru|and))\s*", re.I)
_RANGE_LEAD = re.compile(r"\b(?P<w>from|between)\s+$", re.I)
_TO_PRESENT = re.compile(r"\s*(?:[-–—]|\s(?:to|until|till|through)\s)\s*(?:the\s+)?(?:present(?:\s+day)?|date|now"
                         r"|today)\b|\s+(?:and\s+)?onwards?\b|\s+and\s+beyond\b", re.I)
_OFFSET_BEFORE = re.compile(rf"\b(?P<n>{_NUM})\s+(?P<unit>year|decade)s?\s+(?P<dir>after|before|later\s+than"
                            r"|earlier\s+than)\s+$", re.I)
_CLOSE_BEFORE = re.compile(r"\b(?:shortly|soon|just|right|immediately|days|weeks|hours|moments|minutes)\s+"
                           r"(?:after|before)\s+$", re.I)
_OPEN_BEFORE = re.compile(r"(?:\b(?P<start>(?:ever\s+)?since|after|following|starting(?:\s+(?:in|from|on))?"
                          r"|beginning(?:\s+(?:in|on))?)\s+|\b(?P<end>until|till|through|before|prior\s+to"
                          r"|up\s+until)\s+|(?P<til>['’]til)\s+|\b(?P<pre>pre|post)-)$", re.I)

# --- cues: three cheap searches decide which rules a sentence needs, and most need none --------------------------

_DIGIT = re.compile(r"\d")
_NAME = re.compile(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)")
_WORD = re.compile(r"year|month|week|decade|day|tonight|tomorrow|recent|night|morning|afternoon|evening"
                   r"|nineties|eighties|seventies|sixties")  # searched in the lower-cased text


_DOCUMENT_DATE = re.compile(r"\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


# --- small helpers ----------------------------------------------------------------------------------------------

def _anchor(document_date: str | None) -> _Anchor | None:
    """The document date, keeping only its valid leading part ("2018-13-02" is 2018)."""
    if not document_date:
        return None
    m = _DOCUMENT_DATE.match(document_date)
    if not m:
        return None
    year = int(m[1])
    month = int(m[2]) if m[2] else 0
    if not 1 <= month <= 12:
        return _Anchor(year, None, None)
    day = int(m[3]) if m[3] else 0
    if not _valid_day(year, month, day):
        return _Anchor(year, month, None)
    return _Anchor(year, month, day)


def _valid_day(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def _ym(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _ymd(year: int, month: int, day: int) -> str:
    return f"{year:04d}-{month:02d}-{day:02d}"


def _add_months(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + months
    return index // 12, index % 12 + 1


def _month_of(name: str) -> int:
    return _MONTH_NUMBERS[name[:3].lower()]


def _number(word: str) -> int | None:
    word = " ".join(word.lower().split())
    if word.isdigit():
        return int(word)
    tens, _, unit = word.partition("-")
    if unit:
        return _NUMBER_WORDS.get(tens, 0) + _UNITS.get(unit, 0)
    return _NUMBER_WORDS.get(word)


def _doc_date(anchor: _Anchor) -> date | None:
    if anchor.month is None or anchor.day is None:
        return None
    return date(anchor.year, anchor.month, anchor.day)


def _current(anchor: _Anchor, unit: str) -> str:
    """The document's own year, month (also for "week") or day, no finer than the document date."""
    if unit == "year" or anchor.month is None:
        return str(anchor.year)
    if unit in ("month", "week") or anchor.day is None:
        return _ym(anchor.year, anchor.month)
    return _ymd(anchor.year, anchor.month, anchor.day)


def _window(anchor: _Anchor, unit: str, n: int) -> tuple[str, str]:
    """The n units before the document date, as (start, end) at the precision it allows."""
    year, month = anchor.year, anchor.month
    if unit in ("year", "decade"):
        return str(year - n * (10 if unit == "decade" else 1)), str(year)
    if unit == "month":
        if month is None:
            return str(year - n // 12), str(year)
        start = _add_months(year, month, -n)
        return _ym(*start), _ym(year, month)
    days = n * 7 if unit == "week" else n
    if month is None:
        return str(year - days // 365), str(year)
    today = _doc_date(anchor)
    if today is None:
        return _ym(*_add_months(year, month, -(days // 30))), _ym(year, month)
    first = today - timedelta(days=days)
    return _ym(first.year, first.month), _ym(year, month)


def _year_of(point: str) -> int:
    return int(point[:4])


def _point(start: int, end: int, value: str, absolute: bool = True) -> _Atom:
    return _Atom(start, end, value, value, absolute)


def _unresolved(start: int, end: int) -> _Atom:
    return _Atom(start, end, None, None, False)


def _month_without_year(month: int, day: int | None, anchor: _Anchor | None, rule: str = "") -> int | None:
    """The year of the most recent such month (day) not after the document date; None if it cannot tell.

    ``rule`` is "last" (strictly before the document's month), "next" (strictly after) or "this" (its year).
    """
    if anchor is None:
        return None
    if rule == "this":
        return anchor.year
    if anchor.month is None:
        return None
    if rule == "last":
        return anchor.year if month < anchor.month else anchor.year - 1
    if rule == "next":
        return anchor.year if month > anchor.month else anchor.year + 1
    here = (anchor.month, anchor.day or 31)
    return anchor.year if (month, day or 1) <= here else anchor.year - 1


# --- first-pass handlers: (match, text, anchor) -> atom or None ------------------------------------------------

_Handler = Callable[[re.Match[str], str, _Anchor | None], _Atom | None]


def _on_iso_date(m: re.Match[str], text: str, anchor: _Anchor | None) -> _Atom | None:
    year, month, day = int(m["y"]), int(m["m"]), int(m["d"])
    return _point(m.start(), m.end(), _ymd(year, month, day)) if _valid_day(year, month, day) else None


def _on_numeric_date(m: re.Match[str], text: str, anchor: _Anchor | None) -> _Atom | None:
    a, b, year = int(m["a"]), int(m["b"]), int(m["y"])
    if a > 12 >= b:
        month, day = b, a
    elif b > 12 >= a or a == b:
        month, day = a, b
    else:  # 3/4/2015: month and day cannot be told apart, the year is sure
        return _point(m.start(), m.end(), str(year)) if 1 <= a <= 12 and 1 <= b <= 12 else None
    return _point(m.start(), m.end(), _ymd(year, month, day)) if _valid_day(year, month, day) else None


def _on_nine_eleven(m: re.Match[str], text: str, anchor: _Anchor | None) -> _Atom | None:
    return _point(m.start(), m.end(), "2001-09-11")


def _lead_start(text: str, start: int) -> int:
    """Where a date starts once the neutral words before it are taken in ("as early as", "Thursday,")."""
    lead = _LEAD_BEFORE.search(text, max(0, start - 45), start)
    return lead.start() if lead else start


def _on_full_date(m: re.Match[str], text: str, anchor: _Anchor | None) -> _Atom | None:
    year, month, day = int(m["y"]), _month_of(m["mon"]), int(m["d1"])
    if not _valid_day(year, month, day):
        return None
    lo = hi = _ymd(year, month, day)
    if m["d2"] and _valid_day(year, month, int(m["d2"])) and int(m["d2"]) > day:
        hi = _ymd(year, month, int(m["d2"]))
    return _Atom(_lead_start(text, m.start()), m.end(), lo, hi, True)


def _on_month_year(m: re.Match[str], text: str, anchor: _Anchor | None) -> _Atom | None:
    return _point(_lead_start(text, m.start()), m.end(), _ym(int(m["y"]), _month_of(m["mon"])))


def _on_day_no_year(m: re.Match[str], text: str, anchor: _Anchor | None) -> _Atom | None:
    month, day = _month_of(m["mon"]), int(m["d1"])
    if not 1 <= day <= 31:
        return None
    start, end = _lead_start(text, m.start()), m.end()
    if (month, day) == (9, 11) and (_NINE_ELEVEN_CONTEXT_BEFORE.search(text, max(0, start - 20), start)
                                    or _NINE_ELEVEN_CONTEXT_AFTER.match(text, end)):
        return _point(start, end, "2001-09-11")
    year = _month_without_year(month, day, anchor)
    if year is None:
        return _unresolved(start, end)
    return _point(start, end, _ymd(year, month, day), False) if _valid_day(year, month, day) else None


def _on_bare_month(m: re.Match[str], text: str, anchor: _Anchor | None) -> _Atom | None:
    prep, month = m["prep"].lower(), _month_of(m["mon"])
    governing = prep in ("last", "this", "next", "early", "late", "mid") or prep.startswith("as")
    start = m.start("prep") if governing else m.start("mod") if m["mod"] else m.start("mon")
    year = _month_without_year(month, None, anchor, prep if prep in ("last", "this", "next") else "")
    if year is None:
        return _unresolved(start, m.end())
    return _point(start, m.end(), _ym(year, month), False)


def _on_month_span(m: re.Match[str], text: str, anchor: _Anchor | None) -> _Atom | None:
    lead = (m["pre"] or "").lower()
    if (m["sep"].strip().lower() == "and" and lead != "between") or (not m["y"] and not lead):
        return None
    first, last = _month_of(m["m1"]), _month_of(m["m2"])
    if m["y"]:
        end_year: int | None = int(m["y"])
        absolute = True
    else:
        end_year, absolute = _month_without_year(last, None, anchor), False
    if end_year is None:
        return _unresolved(m.start(), m.end())
    start_year = end_year if first <= last else end_year - 1
    return _Atom(m.start(), m.end(), _ym(start_year, first), _ym(end_year, last), absolute)


def _on_year_span(m: re.Match[str], text: str, anchor: _Anchor | None) -> _Atom | None:
    first, raw = int(m["y1"]), m["y2"]
    if len(raw) == 4:
        last = int(raw)
    else:
        last = first // 100 * 100 + int(raw)
        if last <= first:
            last += 100
        if last - first > 10:  # "2015-03" is no span: read it as the month if it can be one
            if m["sep"] == "-" and 1 <= int(raw) <= 12:
                return _point(m.start(), m.end(), _ym(first, int(raw)))
            return None
    return _Atom(m.start(), m.end(), str(first), str(last), True) if last > first else None


def _on_year(m: re.Match[str], text: str, anchor: _Anchor | None) -> _Atom | None:
    start, end = _lead_start(text, m.start()), m.end()
    if start == m.start():
        before = text[max(0, start - 25):start]
        if _LABEL_BEFORE.search(before) or _AMOUNT_BEFORE.search(before):
            return None
        if _COUNT_AFTER.match(text, end) and not _TIME_WORD_BEFORE.search(before):
            return None
    return _point(start, end, m["y"])


def _decade_atom(start: int, end: int, first_year: int, part: str | None) -> _Atom:
    lo, hi = _DECADE_PARTS.get((part or "").lower(), (0, 9))
    return _Atom(start, end, str(first_year + lo), str(first_year + hi), True)


def _on_decade(m: re.Match[str], text: str, anchor: _Anchor | None) -> _Atom | None:
    lead = _DECADE_BEFORE.search(text, max(0, m.start() - 12), m.start())
    if lead is None:
        return None
    dec = int(m["dec"])
    if len(m["dec"]) == 2:
        if not (lead["the"] or m["apo"]):  # "in their 90s" is an age
            return None
        dec += 2000 if dec in (0, 10) else 1900
    return _decade_atom(lead.start(), m.end(), dec, lead["part"])


def _on_word_decade(m: re.Match[str], text: str, anchor: _Anchor | None) -> _Atom | None:
    return _decade_atom(m.start(), m.end(), _WORD_DECADES[m["word"].lower()], m["part"])


def _on_this(m: re.Match[str], text: str, anchor: _Anchor | None) -> _Atom | None:
    if anchor is None:
        return _unresolved(m.start(), m.end())
    return _point(m.start(), m.end(), _current(anchor, m["unit"].lower()), False)


def _on_last_next(m: re.Match[str], text: str, anchor: _Anchor | None) -> _Atom | None:
    step = -1 if m["dir"].lower() == "last" else 1
    unit = m["unit"].lower()
    start, end = m.span()
    if anchor is None or (unit != "year" and anchor.month is None):
        return _unresolved(start, end)
    if unit == "year":
        return _point(start, end, str(anchor.year + step), False)
    if unit == "month" and anchor.month is not None:
        return _point(start, end, _ym(*_add_months(anchor.year, anchor.month, step)), False)
    today = _doc_date(anchor)
    if today is None:  # a week away from a month-only date: its month is the best it can say
        return _point(start, end, _current(anchor, "month"), False)
    then = today + timedelta(days=7 * step)
    return _point(start, end, _ym(then.year, then.month), False)


def _on_ago(m: re.Match[str], text: str, anchor: _Anchor | None) -> _Atom | None:
    count = _COUNT_BEFORE.search(text, max(0, m.start() - 16), m.start())
    n, unit = _number(count["n"]) if count else None, m["unit"].lower()
    if count is None or n is None:
        return None
    start, end = count.start(), m.end()
    if anchor is None:
        return _unresolved(start, end)
    if unit in ("year", "decade"):
        return _point(start, end, str(anchor.year - n * (10 if unit == "decade" else 1)), False)
    if unit == "month":
        if anchor.month is None:
            return _unresolved(start, end)
        return _point(start, end, _ym(*_add_months(anchor.year, anchor.month, -n)), False)
    today = _doc_date(anchor)
    if today is None:
        return _unresolved(start, end)
    then = today - timedelta(days=n * (7 if unit == "week" else 1))
    value = _ym(then.year, then.month) if unit == "week" else then.isoformat()
    return _point(start, end, value, False)


def _on_day_word(m: re.Match[str], text: str, anchor: _Anchor | None) -> _Atom | None:
    start, end = m.span()
    if anchor is None:
        return _unresolved(start, end)
    if m["today"]:
        return _point(start, end, _current(anchor, "day"), False)
    today = _doc_date(anchor)
    if today is None:
        return _unresolved(start, end)
    then = today + timedelta(days=-1 if m["yesterday"] else 1)
    return _point(start, end, then.isoformat(), False)


def _on_recently(m: re.Match[str], text: str, anchor: _Anchor | None) -> _Atom | None:
    if anchor is None:
        return _unresolved(m.start(), m.end())
    return _point(m.start(), m.end(), str(anchor.year), False)


_RECENT_SPANS = {"year": 3, "month": 5, "week": 4, "day": 7, "decade": 3}


def _window_atom(m: re.Match[str], anchor: _Anchor | None, unit: str, n: int | None) -> _Atom | None:
    if n is None:
        return None
    if anchor is None:
        return _unresolved(m.start(), m.end())
    lo, hi = _window(anchor, unit, n)
    return _Atom(m.start(), m.end(), lo, hi, False)


def _on_recent(m: re.Match[str], text: str, anchor: _Anchor | None) -> _Atom | None:
    unit = m["unit"].lower()
    return _window_atom(m, anchor, unit, _RECENT_SPANS[unit])


def _on_window(m: re.Match[str], text: str, anchor: _Anchor | None) -> _Atom | None:
    return _window_atom(m, anchor, m["unit"].lower(), _number(m["n"]) if m["n"] else 1)


def _on_for_years(m: re.Match[str], text: str, anchor: _Anchor | None) -> _Atom | None:
    if not _PERFECT.search(text, 0, m.start()):  # "was jailed for 20 years" does not reach the document date
        return None
    return _window_atom(m, anchor, m["unit"].lower(), _number(m["n"]))


def _on_years_since(m: re.Match[str], text: str, anchor: _Anchor | None) -> _Atom | None:
    lead = _YEARS_SINCE_LEAD.search(text, max(0, m.start() - 40), m.start())
    n = _number(lead["n"]) if lead else None
    if lead is None or n is None:
        return None
    years = n * (10 if m["unit"].lower() == "decade" else 1)
    if anchor is None:
        return _Atom(lead.start(), m.end(), None, None, False, years)
    return _Atom(lead.start(), m.end(), str(anchor.year - years), str(anchor.year), False, years)


def _on_weekday(m: re.Match[str], text: str, anchor: _Anchor | None) -> _Atom | None:
    window = max(0, m.start() - 10)
    if _HOLIDAY_BEFORE.search(text, window, m.start()):
        return None
    before = _WEEKDAY_BEFORE.search(text, window, m.start())
    mod = before["mod"].lower() if before else ""
    start = before.start() if before and mod != "on" else m.start()
    today = _doc_date(anchor) if anchor else None
    if today is None:
        return _unresolved(start, m.end())
    wanted = _WEEKDAYS.index(m["wd"].lower())
    if mod == "next":
        then = today + timedelta(days=(wanted - today.weekday()) % 7 or 7)
    else:
        back = (today.weekday() - wanted) % 7
        then = today - timedelta(days=back or (7 if mod in ("last", "past") else 0))
    return _point(start, m.end(), then.isoformat(), False)


class _Rule(NamedTuple):
    pattern: re.Pattern[str]
    handler: _Handler
    cue: Literal["digit", "name", "word"]


_RULES: tuple[_Rule, ...] = (
    _Rule(_ISO_DATE, _on_iso_date, "digit"),
    _Rule(_NUMERIC_DATE, _on_numeric_date, "digit"),
    _Rule(_NINE_ELEVEN, _on_nine_eleven, "digit"),
    _Rule(_MONTH_DAY_YEAR, _on_full_date, "digit"),
    _Rule(_DAY_MONTH_YEAR, _on_full_date, "digit"),
    _Rule(_MONTH_YEAR, _on_month_year, "digit"),
    _Rule(_MONTH_DAY, _on_day_no_year, "digit"),
    _Rule(_DAY_MONTH, _on_day_no_year, "digit"),
    _Rule(_YEAR_SPAN, _on_year_span, "digit"),
    _Rule(_YEAR_ALONE, _on_year, "digit"),
    _Rule(_DECADE, _on_decade, "digit"),
    _Rule(_SHORT_DECADE, _on_decade, "digit"),
    _Rule(_BARE_MONTH, _on_bare_month, "name"),
    _Rule(_MONTH_SPAN, _on_month_span, "name"),
    _Rule(_WEEKDAY_REF, _on_weekday, "name"),
    _Rule(_WORD_DECADE, _on_word_decade, "word"),
    _Rule(_THIS, _on_this, "word"),
    _Rule(_LAST_NEXT, _on_last_next, "word"),
    _Rule(_AGO, _on_ago, "word"),
    _Rule(_DAY_WORD, _on_day_word, "word"),
    _Rule(_RECENTLY, _on_recently, "word"),
    _Rule(_RECENT, _on_recent, "word"),
    _Rule(_WINDOW, _on_window, "word"),
    _Rule(_FOR_YEARS, _on_for_years, "word"),
    _Rule(_YEARS_SINCE, _on_years_since, "word"),
)


def _atoms(text: str, anchor: _Anchor | None, cues: dict[str, bool]) -> list[_Atom]:
    """All first-pass atoms, non-overlapping: the longer span wins, then the resolved one, then the earlier."""
    found = [atom for rule in _RULES if cues[rule.cue]
             for m in rule.pattern.finditer(text) if (atom := rule.handler(m, text, anchor)) is not None]
    chosen: list[_Atom] = []
    for atom in sorted(found, key=lambda a: (a.start - a.end, a.lo is None, a.start)):
        if all(atom.end <= c.start or atom.start >= c.end for c in chosen):
            chosen.append(atom)
    return sorted(chosen, key=lambda a: a.start)


# --- second pass ------------------------------------------------------------------------------------------------

def _expression(start: int, end: int, lo: str, hi: str) -> TimeExpression:
    if lo == hi:
        return TimeExpression(start, end, lo, "point")
    kind = "open_start" if not lo else "open_end" if not hi else "interval"
    return TimeExpression(start, end, f"{lo}/{hi}", kind)


def _join(text: str, atoms: Sequence[_Atom], anchor: _Anchor | None) -> list[TimeExpression]:
    out: list[TimeExpression] = []
    i = 0
    while i < len(atoms):
        atom, after = atoms[i], atoms[i + 1] if i + 1 < len(atoms) else None
        i += 1
        if atom.since_years and after is not None and after.lo and not text[atom.end:after.start].strip():
            first = _year_of(after.lo)  # "17 years since 9/11": from that time to now
            last = anchor.year if anchor else first + atom.since_years
            out.append(_expression(atom.start, after.end, str(first), str(last)))
            i += 1
            continue
        if atom.lo is None or atom.hi is None:
            continue
        floor = out[-1].end if out else 0  # words taken in never reach into the expression before
        lead = _RANGE_LEAD.search(text, max(floor, atom.start - 10), atom.start)
        start = lead.start() if lead else atom.start
        present = _TO_PRESENT.match(text, atom.end)
        if present:
            out.append(_expression(start, present.end(), atom.lo, ""))
            continue
        if after is not None and after.lo and after.hi:
            join = _RANGE_JOIN.fullmatch(text, atom.end, after.start)
            if join and _year_of(atom.lo) <= _year_of(after.hi) and (
                    (join["word"] and (join["word"].lower() != "and" or (lead and lead["w"].lower() == "between")))
                    or (join["dash"] and atom.absolute and after.absolute)):
                out.append(_expression(start, after.end, atom.lo, after.hi))
                i += 1
                continue
        out.append(_with_lead_words(text, atom.start, atom.end, atom.lo, atom.hi, max(floor, atom.start - 40)))
    return out


def _with_lead_words(text: str, start: int, end: int, lo: str, hi: str, window: int) -> TimeExpression:
    """A time, opened or shifted by the words right before it ("since", "until", "two years after").

    Those words are looked for in ``text[window:start]``.
    """
    offset = _OFFSET_BEFORE.search(text, window, start)
    if offset:
        n = _number(offset["n"]) or 0
        n *= 10 if offset["unit"].lower() == "decade" else 1
        later = offset["dir"].lower().startswith(("after", "later"))
        year = _year_of(hi) + n if later else _year_of(lo) - n
        return _expression(offset.start(), end, str(year), str(year))
    if _CLOSE_BEFORE.search(text, window, start):
        return _expression(start, end, lo, hi)
    word = _OPEN_BEFORE.search(text, window, start)
    if not word:
        return _expression(start, end, lo, hi)
    said = (word["start"] or word["end"] or word["til"] or word["pre"]).lower()
    if said in ("pre", "before") or said.startswith("prior"):  # before a period: before it begins
        return _expression(word.start(), end, "", lo)
    if said in ("post", "after", "following"):  # after a period: once it is over
        return _expression(word.start(), end, hi, "")
    if word["start"]:
        return _expression(word.start(), end, lo, "")
    return _expression(word.start(), end, "", hi)


# --- public API -------------------------------------------------------------------------------------------------

def time_expressions(text: str, document_date: str | None) -> list[TimeExpression]:
    """All time expressions in a sentence, in text order, non-overlapping (longest wins).

    ``document_date`` ("YYYY", "YYYY-MM" or "YYYY-MM-DD", or None) anchors relative times;
    without it they are left out.  The rules are in the module docstring.

    >>> [e.value for e in time_expressions("Launched on Oct. 7, 2001, the invasion ...", None)]
    ['2001-10-07']
    >>> [e.value for e in time_expressions("It has held since 2014, as it did last year.", "2018-06-14")]
    ['2014/', '2017']
    """
    cues = {"digit": _DIGIT.search(text) is not None, "name": _NAME.search(text) is not None,
            "word": _WORD.search(text.lower()) is not None}
    if not any(cues.values()):
        return []
    anchor = _anchor(document_date)
    return _join(text, _atoms(text, anchor, cues), anchor)


def nearest_time(expressions: Sequence[TimeExpression], position: int, *,
                 prefer: Literal["after", "before"] = "after",
                 max_distance: int | None = None) -> TimeExpression | None:
    """The expression closest to a character position, or None.

    The distance is 0 for an expression that holds the position, else the number of
    characters between the position and the near edge of the expression (``end`` is
    exclusive, so an expression ending right at ``position`` is at distance 0).  On a
    tie the expression after the position wins (``prefer="after"``: English usually puts
    the time after the verb, "took Kunduz in 2015"), or the one before it.  Expressions
    farther than ``max_distance`` are ignored.
    """
    best: TimeExpression | None = None
    best_key: tuple[int, int] | None = None
    for expression in expressions:
        if expression.start <= position < expression.end:
            distance, side = 0, 0
        elif position < expression.start:
            distance, side = expression.start - position, 0 if prefer == "after" else 1
        else:
            distance, side = position - expression.end, 0 if prefer == "before" else 1
        if max_distance is not None and distance > max_distance:
            continue
        if best_key is None or (distance, side) < best_key:
            best, best_key = expression, (distance, side)
    return best
