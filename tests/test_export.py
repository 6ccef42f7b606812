"""The facts export writes each fact once per document, as FACTS.md asks."""

from __future__ import annotations

import io
import json
from pathlib import Path

from alliancegraph import Event, Evidence, Quantity, Relation
from alliancegraph.export.facts import once_per_document, write_facts
from alliancegraph.model import public_name


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


def test_events_with_the_same_actors_and_close_quantities_fold() -> None:
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


def test_one_killer_of_two_people_is_two_events() -> None:
    facts = [
        Event("killing", ("United States", "Qasim al-Raymi"), _ev("d", "A US strike killed al-Raymi.")),
        Event("killing", ("United States", "Abdullahi Nadir"), _ev("d", "A US strike killed Nadir.")),
        Event("killing", ("United States",), _ev("d", "US strikes killed others.")),
    ]
    kept = list(once_per_document(facts))
    assert [e.actors for e in kept if isinstance(e, Event)] == [("United States", "Qasim al-Raymi"),
                                                                ("United States", "Abdullahi Nadir")]


def test_written_names_drop_the_gazetteer_qualifier() -> None:
    out = io.StringIO()
    write_facts([Relation("Colombia", "fights", "National Liberation Army (Colombia)", _ev("d", "x"))], out)
    assert json.loads(out.getvalue())["target"] == "National Liberation Army"


def test_a_persons_spelling_follows_the_document_only_when_it_is_a_spelling() -> None:
    from alliancegraph.export.spelling import document_spelling

    assert document_spelling("Nicolás Maduro", ["Nicolas Maduro", "Maduro"]) == "Nicolas Maduro"
    assert document_spelling("Abu Mohammad al-Julani", ["Abu Mohammad al-Jolani", "Jolani"]) == "Abu Mohammad al-Jolani"
    assert document_spelling("Assimi Goïta", ["Colonel Assimi Goita"]) == "Assimi Goita"
    # another name of the same man, or the canonical form written too, keeps the canonical name
    assert document_spelling("Abu Bakr al-Baghdadi", ["Ibrahim Awad al-Badri"]) == "Abu Bakr al-Baghdadi"
    assert document_spelling("Nicolás Maduro", ["Nicolas Maduro", "Nicolás Maduro"]) == "Nicolás Maduro"
    assert document_spelling("Hassan al-Turabi", ["Hassan al-Turabi's"]) == "Hassan al-Turabi"


def test_a_group_goes_by_the_fullest_proper_name_its_document_writes() -> None:
    from alliancegraph.export.spelling import document_name

    assert document_name("Kurdistan Democratic Party of Iran",
                         ["KDPI", "Democratic Party of Iranian Kurdistan"]) == "Democratic Party of Iranian Kurdistan"
    assert document_name("Provisional IRA", ["the Provisionals"]) == "Provisionals"
    # the canonical name written anywhere in the document wins; possessives and lower-case forms are no names
    assert document_name("Palestinian Islamic Jihad", ["Islamic Jihad", "Palestinian Islamic Jihad"]) == \
        "Palestinian Islamic Jihad"
    assert document_name("Islamic Revolutionary Guard Corps", ["Iran's Revolutionary Guards", "IRGC"]) == "IRGC"
    assert document_name("Séléka", ["ex-Seleka"]) == "Séléka"
    assert document_name("Sudan People's Liberation Army-in-Opposition",
                         ["SPLM-IO", "Sudan People's Liberation Movement-in-Opposition"]) == \
        "Sudan People's Liberation Movement-in-Opposition"
    assert document_name("Islamic State", ["IS", "the group's"]) == "IS"


def test_the_facts_export_writes_actors_as_their_document_names_them(tmp_path: Path) -> None:
    from alliancegraph import Document, Extraction, Mention, Store
    from alliancegraph.api import export_facts
    from alliancegraph.store import ActorInfo

    text = "Nicolas Maduro shelters the ELN."
    store = Store.open(tmp_path / "s.db")
    run = store.start_run("test", "1", "none")
    mentions = (Mention("d", "Nicolás Maduro", "person", "Nicolas Maduro", 0, 14, "gazetteer"),
                Mention("d", "National Liberation Army (Colombia)", "armed_group", "ELN", 28, 31, "gazetteer"))
    fact = Relation("Nicolás Maduro", "supports", "National Liberation Army (Colombia)", _ev("d", text),
                    support=("safe_haven",))
    store.save(Document("d", text), Extraction("d", mentions, (fact,)), run,
               [ActorInfo("Nicolás Maduro", "person"), ActorInfo("National Liberation Army (Colombia)", "armed_group")])
    out = io.StringIO()
    export_facts(store, out)
    line = json.loads(out.getvalue())
    assert (line["source"], line["target"]) == ("Nicolas Maduro", "ELN")
    assert [f.source for f in store.facts()] == ["Nicolás Maduro"]  # the store keeps the canonical name


def test_a_bracket_that_is_part_of_a_name_stays_in_what_is_written() -> None:
    assert public_name("National Liberation Army (Colombia)") == "National Liberation Army"
    assert public_name("Communist Party of India (Maoist)") == "Communist Party of India (Maoist)"
    leninists, marxists = "Communist Party of India (Marxist-Leninist)", "Communist Party of India (Marxist)"
    assert public_name(leninists) != public_name(marxists)
