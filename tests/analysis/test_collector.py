"""The garbage collector is paused while ties are answered and resumed as it was, errors included."""

from __future__ import annotations

import gc

import pytest

from alliancegraph import Store
from alliancegraph.analysis import ties
from alliancegraph.analysis.collector import collector_paused
from alliancegraph.errors import QueryError
from tests.analysis.builders import add, rel


def test_a_pause_resumes_the_collector_only_if_it_paused_it() -> None:
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():  # nested: the inner one found it off and leaves it off
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()  # switched off by someone else: stays off
    finally:
        gc.enable()


def test_ties_and_their_details_leave_the_collector_on_even_when_they_fail(store: Store) -> None:
    add(store, "d1", "2020", rel("d1", "al-Qaeda", "allied_with", "Taliban"))
    (view,) = ties(store, "al-Qaeda", limit=1)
    assert view.best is not None and view.tie.claims and gc.isenabled()
    with pytest.raises(QueryError, match="Nobody"):
        ties(store, "Nobody")
    assert gc.isenabled()
