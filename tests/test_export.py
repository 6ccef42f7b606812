"""The facts export writes each fact once per document, as FACTS.md asks."""

from __future__ import annotations

import io
import json

from alliancegraph import Event, Evidence, Quantity, Relation
from alliancegraph.export.facts import once_per_document, write_facts


def _ev(doc: str, text: str) -> Evidence:
    return Evidence(doc, text, 0, len(text), 0, len(text))


def test_repeated_relations_fold_into_one_with_merged_support() -> None:
    first = Relation("Iran", "supports", "Houthis", _ev("d", "Iran arms the Houthis."), support=("weapons",))
    again = Relation("Iran", "supports", "Houthis", _ev("d", "Iran funds them."), support=("funding",))
    other_doc = Relation("Iran", "supports", "Houthis", _ev("e", "Iran arms the Houthis."), support=("weapons",))
    negated = Relation("Iran", "supports", "Houthis", _ev("d", "Iran denies it."), negated=True)
    kept = list(once_per_document([first, again, other_doc, negated]))
    assert len(kept) == 3
    assert isinstance(kept[0], Relation) and kept[0].support == ("weapons", "funding")
    assert kept[0].evidence.text == "Iran arms the Houthis."


def test_symmetric_relations_fold_in_either_order() -> None:
    a = Relation("Hamas", "allied_with", "Hezbollah", _ev("d", "a"))
    b = Relation("Hezbollah", "allied_with", "Hamas", _ev("d", "b"))
    c = Relation("Hezbollah", "fights", "Hamas", _ev("d", "c"))
    d = Relation("Hamas", "fights", "Hezbollah", _ev("d", "d"))
    assert len(list(once_per_document([a, b, c, d]))) == 3


def test_events_with_overlapping_actors_and_close_quantities_fold() -> None:
    facts = [
        Event("death", ("Mullah Omar",), _ev("d", "Omar died.")),
        Event("death", ("Mullah Omar", "Taliban"), _ev("d", "Omar's death.")),
        Event("death", ("Osama bin Laden",), _ev("d", "Bin Laden died.")),
        Quantity("al-Qaeda", "fighters", 300, _ev("d", "300 fighters")),
        Quantity("al-Qaeda", "fighters", 310, _ev("d", "about 310 fighters")),
        Quantity("al-Qaeda", "fighters", 3000, _ev("d", "3,000 fighters")),
    ]
    kept = list(once_per_document(facts))
    assert len(kept) == 4


def test_written_names_drop_the_gazetteer_qualifier() -> None:
    out = io.StringIO()
    write_facts([Relation("Colombia", "fights", "National Liberation Army (Colombia)", _ev("d", "x"))], out)
    assert json.loads(out.getvalue())["target"] == "National Liberation Army"
