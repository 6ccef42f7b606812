"""Time expressions: absolute and relative times, ranges, open ends, and what must not be read as a time."""

from __future__ import annotations

import pytest

from alliancegraph.extract.when import TimeExpression, nearest_time, time_expressions

DOC = "2018-06-14"  # a Thursday


def values(text: str, document_date: str | None = DOC) -> list[str]:
    return [e.value for e in time_expressions(text, document_date)]


def spans(text: str, document_date: str | None = DOC) -> list[tuple[str, str]]:
    return [(text[e.start:e.end], e.value) for e in time_expressions(text, document_date)]


@pytest.mark.parametrize(("text", "expected"), [
    ("The Houthis made large gains in 2015.", ["2015"]),
    ("2016 was a bad year for the group.", ["2016"]),
    ("the news of Shekau's 2013 capture", ["2013"]),
    ("It was founded in 1989.", ["1989"]),
    ("in 2014 and 2015", ["2014", "2015"]),
    ("the 2016-17 fighting season", ["2016/2017"]),
])
def test_years(text: str, expected: list[str]) -> None:
    assert values(text) == expected


@pytest.mark.parametrize("text", [
    "the 30,000 strong insurgency and 3,000 fighters",
    "The Nigerian Army's battered 7th Division has lost villages.",
    "Resolution 2016 was adopted.",
    "Room 2016, No. 1999 and flight 2001",
    "some 2000 fighters crossed the border",
    "they killed 2000 people",
    "between 2,000 and 3,000 fighters",
    "$2015 million, 2017.5 and 12,2015",
    "FY2016, 2016a, 1066 and 2100",
    "in their 90s",
    "He was jailed for 20 years.",
    "Theresa May met the envoy.",
    "They may march on the capital.",
    "Good Friday and Black Thursday",
    "The militants are now and currently active.",
])
def test_not_a_time(text: str) -> None:
    assert values(text) == []


def test_a_count_after_a_time_word_is_still_a_year() -> None:
    assert values("In 2015 Taliban fighters took Kunduz.") == ["2015"]


@pytest.mark.parametrize(("text", "expected"), [
    ("in March 2015", "2015-03"),
    ("May 2015", "2015-05"),
    ("March 3, 2015", "2015-03-03"),
    ("3 March 2015", "2015-03-03"),
    ("the 3rd of March 2015", "2015-03-03"),
    ("Launched on Oct. 7, 2001, the invasion", "2001-10-07"),
    ("Sept. 11, 2001", "2001-09-11"),
    ("Thursday, June 14, 2018", "2018-06-14"),
    ("2015-03-15", "2015-03-15"),
    ("2015-03", "2015-03"),
    ("3/15/2015", "2015-03-15"),
    ("15/3/2015", "2015-03-15"),
    ("3/4/2015", "2015"),
    ("March 3-5, 2015", "2015-03-03/2015-03-05"),
    ("9/11", "2001-09-11"),
    ("the Sept. 11 attacks", "2001-09-11"),
])
def test_absolute_dates(text: str, expected: str) -> None:
    assert values(text) == [expected]
    assert values(text, None) == [expected]


@pytest.mark.parametrize(("text", "document_date", "expected"), [
    ("in March", DOC, "2018-03"),
    ("in March", "2018-03-01", "2018-03"),
    ("in July", DOC, "2017-07"),
    ("since January", DOC, "2018-01/"),
    ("in early March", DOC, "2018-03"),
    ("last March", DOC, "2018-03"),
    ("next March", DOC, "2019-03"),
    ("this March", DOC, "2018-03"),
    ("on 22 May", DOC, "2018-05-22"),
    ("on 22 July", DOC, "2017-07-22"),
    ("on 22 July", "2018-07", "2018-07-22"),
    ("on 22 July", "2018-06", "2017-07-22"),
    ("on June 14", DOC, "2018-06-14"),
    ("on June 15", DOC, "2017-06-15"),
])
def test_months_and_days_without_a_year(text: str, document_date: str, expected: str) -> None:
    assert values(text, document_date) == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    ("last year", "2017"),
    ("late last year", "2017"),
    ("this year", "2018"),
    ("earlier this year", "2018"),
    ("so far this year", "2018"),
    ("next year", "2019"),
    ("last month", "2018-05"),
    ("this month", "2018-06"),
    ("next month", "2018-07"),
    ("last week", "2018-06"),
    ("this week", "2018-06"),
    ("two years ago", "2016"),
    ("a year ago", "2017"),
    ("a decade ago", "2008"),
    ("twenty-five years ago", "1993"),
    ("three months ago", "2018-03"),
    ("three weeks ago", "2018-05"),
    ("5 days ago", "2018-06-09"),
    ("yesterday", "2018-06-13"),
    ("last night", "2018-06-13"),
    ("today", "2018-06-14"),
    ("earlier today", "2018-06-14"),
    ("tomorrow", "2018-06-15"),
    ("recently", "2018"),
    ("until recently", "/2018"),
    ("since last year", "2017/"),
])
def test_relative_to_the_document_date(text: str, expected: str) -> None:
    assert values(text) == [expected]


@pytest.mark.parametrize(("text", "document_date", "expected"), [
    ("told reporters on Thursday", DOC, "2018-06-14"),
    ("told reporters Thursday", DOC, "2018-06-14"),
    ("on Sunday", DOC, "2018-06-10"),
    ("on Friday", DOC, "2018-06-08"),
    ("last Thursday", DOC, "2018-06-07"),
    ("last Monday", DOC, "2018-06-11"),
    ("next Thursday", DOC, "2018-06-21"),
    ("Monday's attack", DOC, "2018-06-11"),
])
def test_weekdays(text: str, document_date: str, expected: str) -> None:
    assert values(text, document_date) == [expected]


@pytest.mark.parametrize("document_date", ["2018", "2018-06", None])
def test_weekdays_need_a_day_in_the_document_date(document_date: str | None) -> None:
    assert values("told reporters Thursday", document_date) == []


@pytest.mark.parametrize("text", [
    "in March", "on 22 July", "last year", "this year", "last month", "two years ago", "yesterday", "today",
    "on Thursday", "recently", "in recent months", "in recent years", "since January", "over the past decade",
    "The partnership has lasted for over 20 years", "in the 15 years since the embassy bombings",
])
def test_relative_times_need_a_document_date(text: str) -> None:
    assert values(text, None) == []
    assert values(text, "garbage") == []


@pytest.mark.parametrize(("text", "document_date", "expected"), [
    # a period that holds the document date is cut to the precision the date has
    ("today", "2016", ["2016"]),
    ("this week", "2018", ["2018"]),
    ("in recent months", "2016", ["2016"]),
    # a past time finer than the document date is not guessed
    ("yesterday", "2018-06", []),
    ("last month", "2018", []),
    ("in March", "2018", []),
    # the valid leading part of a bad date is used
    ("last year", "2018-02-30", ["2017"]),
])
def test_coarse_document_dates(text: str, document_date: str, expected: list[str]) -> None:
    assert values(text, document_date) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("since 2014", ("since 2014", "2014/")),
    ("ever since 2014", ("ever since 2014", "2014/")),
    ("since the 1990s", ("since the 1990s", "1990/")),
    ("starting in 2014", ("starting in 2014", "2014/")),
    ("from 2014 onwards", ("from 2014 onwards", "2014/")),
    ("2014 to the present", ("2014 to the present", "2014/")),
    ("post-2001 order", ("post-2001", "2001/")),
    ("after 9/11", ("after 9/11", "2001-09-11/")),
    ("after the 1990s", ("after the 1990s", "1999/")),
    ("until 2013", ("until 2013", "/2013")),
    ("till 2013", ("till 2013", "/2013")),
    ("through 2013", ("through 2013", "/2013")),
    ("until the 1990s", ("until the 1990s", "/1999")),
    ("before 9/11", ("before 9/11", "/2001-09-11")),
    ("Before 2001, the group", ("Before 2001", "/2001")),
    ("in the years prior to 2001", ("prior to 2001", "/2001")),
    ("pre-2001", ("pre-2001", "/2001")),
    ("before the 1990s", ("before the 1990s", "/1990")),
])
def test_open_intervals(text: str, expected: tuple[str, str]) -> None:
    assert spans(text) == [expected]


def test_until_must_come_right_before_the_time() -> None:
    assert spans("al-Qaeda operated a camp until it was destroyed in 2015") == [("2015", "2015")]
    assert values("throughout 2013") == ["2013"]


@pytest.mark.parametrize(("text", "expected"), [
    ("from 2014 to 2018", ("from 2014 to 2018", "2014/2018")),
    ("between 2014 and 2018", ("between 2014 and 2018", "2014/2018")),
    ("It ran from 1979 until 1989.", ("from 1979 until 1989", "1979/1989")),
    ("from 2001 through 2014", ("from 2001 through 2014", "2001/2014")),
    ("2014-2018", ("2014-2018", "2014/2018")),
    ("2014–18", ("2014–18", "2014/2018")),
    ("2014 – 2018", ("2014 – 2018", "2014/2018")),
    ("from March 2014 to June 2015", ("from March 2014 to June 2015", "2014-03/2015-06")),
    ("March 2014 – June 2015", ("March 2014 – June 2015", "2014-03/2015-06")),
    ("from March to June 2015", ("from March to June 2015", "2015-03/2015-06")),
    ("between January and March", ("between January and March", "2018-01/2018-03")),
    ("from November to February", ("from November to February", "2017-11/2018-02")),
])
def test_ranges(text: str, expected: tuple[str, str]) -> None:
    assert spans(text) == [expected]


def test_and_without_between_is_two_times() -> None:
    assert values("in 2014 and 2018") == ["2014", "2018"]


@pytest.mark.parametrize(("text", "expected"), [
    ("the 1990s", "1990/1999"),
    ("as it did against the Sri Lankan army during the 1990s", "1990/1999"),
    ("the 1990's", "1990/1999"),
    ("in the 2010s", "2010/2019"),
    ("the early 2000s", "2000/2003"),
    ("the mid-1990s", "1994/1996"),
    ("the late 1990s", "1997/1999"),
    ("the '90s", "1990/1999"),
    ("the mid-'80s", "1984/1986"),
    ("the nineties", "1990/1999"),
])
def test_decades(text: str, expected: str) -> None:
    assert values(text, None) == [expected]


@pytest.mark.parametrize(("text", "document_date", "expected"), [
    ("in recent months", DOC, "2018-01/2018-06"),
    ("in recent years", DOC, "2015/2018"),
    ("in recent weeks", DOC, "2018-05/2018-06"),
    ("in recent days", DOC, "2018-06"),
    ("over the past decade", DOC, "2008/2018"),
    ("over the last two years", DOC, "2016/2018"),
    ("in the past few years", DOC, "2015/2018"),
    ("in the last year", DOC, "2017/2018"),
    ("the past six months", DOC, "2017-12/2018-06"),
    ("The partnership has lasted for over 20 years", DOC, "1998/2018"),
    ("in the 15 years since the embassy bombings", DOC, "2003/2018"),
    ("In the 15 years since", "2016", "2001/2016"),
])
def test_windows_back_from_the_document_date(text: str, document_date: str, expected: str) -> None:
    assert values(text, document_date) == [expected]


@pytest.mark.parametrize(("text", "document_date", "expected"), [
    ("Today marks 17 years since 9/11", "2018-09-11", [("Today", "2018-09-11"), ("17 years since 9/11", "2001/2018")]),
    ("17 years since 9/11", None, [("17 years since 9/11", "2001/2018")]),
    ("two decades since the 1990s", DOC, [("two decades since the 1990s", "1990/2018")]),
])
def test_years_since_a_time(text: str, document_date: str | None, expected: list[tuple[str, str]]) -> None:
    assert spans(text, document_date) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("As recently as 2015, the PKK ran a training camp", ("As recently as 2015", "2015")),
    ("as early as 2009", ("as early as 2009", "2009")),
    ("in the spring of 2019", ("the spring of 2019", "2019")),
    ("summer 2019", ("summer 2019", "2019")),
    ("late 2011", ("late 2011", "2011")),
    ("In early 2011", ("early 2011", "2011")),
    ("mid-2014", ("mid-2014", "2014")),
    ("by the end of 2014", ("the end of 2014", "2014")),
    ("in early March 2015", ("early March 2015", "2015-03")),
    ("two years after 2001", ("two years after 2001", "2003")),
    ("shortly after 9/11", ("9/11", "2001-09-11")),
])
def test_lead_words_that_keep_the_time(text: str, expected: tuple[str, str]) -> None:
    assert spans(text) == [expected]


def test_expressions_come_in_text_order_and_do_not_overlap() -> None:
    text = "Since 2014, and especially last year and on 3 March 2015, the group grew; as recently as May it fought."
    found = time_expressions(text, DOC)
    assert [e.value for e in found] == ["2014/", "2017", "2015-03-03", "2018-05"]
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))
    assert [e.kind for e in found] == ["open_end", "point", "point", "point"]


def test_kinds() -> None:
    kinds = {e.value: e.kind for e in time_expressions("between 2014 and 2018, until 2001, since 2015, in 2016", None)}
    assert kinds == {"2014/2018": "interval", "/2001": "open_start", "2015/": "open_end", "2016": "point"}


def test_offsets_point_at_the_text() -> None:
    text = "Begun on Oct. 7, 2001, the Kenyan offensive soon pushed the militia south."
    (found,) = time_expressions(text, "2018-09-11")
    assert text[found.start:found.end] == "Oct. 7, 2001"


def test_text_with_no_cue_gives_nothing() -> None:
    assert time_expressions("The group attacked a convoy near the river.", DOC) == []
    assert time_expressions("", DOC) == []


def _at(start: int, end: int, value: str = "2016") -> TimeExpression:
    return TimeExpression(start, end, value, "point")


def test_nearest_time() -> None:
    before, after = _at(0, 4, "2014"), _at(20, 24, "2018")
    assert nearest_time([], 5) is None
    assert nearest_time([before, after], 6) is before  # 2 characters away against 14
    assert nearest_time([before, after], 18) is after
    assert nearest_time([before, after], 22) is after  # inside it
    assert nearest_time([before, after], 12) is after  # a tie: the one after wins
    assert nearest_time([before, after], 12, prefer="before") is before
    assert nearest_time([before, after], 12, max_distance=5) is None


def test_nearest_time_in_a_sentence() -> None:
    text = "In 2001 the Taliban sheltered al-Qaeda, and in 2015 they took Kunduz."
    found = time_expressions(text, None)
    assert nearest_time(found, text.index("took")).value == "2015"  # type: ignore[union-attr]
    assert nearest_time(found, text.index("sheltered")).value == "2001"  # type: ignore[union-attr]

