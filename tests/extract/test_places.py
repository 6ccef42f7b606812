"""Place names from the registry packages, against the small model's mistyped entities."""

from __future__ import annotations

from alliancegraph import Document, Relation
from alliancegraph.extract import Extractor
from alliancegraph.extract.actors import SPANS_KEY
from alliancegraph.extract.places import is_place, known_places


def test_countries_provinces_and_towns_are_places_and_acronyms_are_not() -> None:
    places = known_places()
    for name in ("Vanuatu", "Borno", "Sulu", "Narino", "Nariño", "Kismayo", "Batticaloa"):
        assert is_place(name, places), name
    for name in ("GAO", "Hezbollah", "Abu Sayyaf", "Sinjar Resistance Units"):
        assert not is_place(name, places), name


def test_a_province_the_model_takes_for_a_person_is_no_party(extractor: Extractor) -> None:
    text = "Jama'at Nusrat al-Islam wal-Muslimin, al-Qaeda's Sahel branch, has pushed south into Benin."
    extraction = extractor.extract(Document("t", text))
    assert "person" not in {m.actor_type for m in extraction.mentions if m.text == "Sahel"}
    found = {(f.source, f.relation, f.target) for f in extraction.facts if isinstance(f, Relation)}
    assert ("Jama'at Nusrat al-Islam wal-Muslimin", "affiliate_of", "al-Qaeda") in found


def _held(extractor: Extractor, text: str) -> set[tuple[str, str]]:
    facts = extractor.extract(Document("t", text)).facts
    return {(f.source, f.target) for f in facts if isinstance(f, Relation) and f.relation == "controls"}


def test_towns_listed_after_a_taken_town_are_taken_too(extractor: Extractor) -> None:
    held = _held(extractor, "In 2012 the MNLA overran Kidal, Gao and Timbuktu.")
    assert {t for _, t in held} >= {"Kidal", "Gao", "Timbuktu"}


def test_a_town_of_several_words_is_one_place(extractor: Extractor) -> None:
    held = _held(extractor, "In 2021 the Mozambican army recaptured the port of Mocimboa da Praia.")
    assert {t for _, t in held} == {"Mocimboa da Praia"}


def test_a_month_is_no_town(extractor: Extractor) -> None:
    held = _held(extractor, "In March 2021 the insurgents of Ansar al-Sunna overran Palma.")
    assert "March" not in {t for _, t in held}


def test_a_name_after_the_town_of_is_a_place_even_when_no_register_knows_it(extractor: Extractor) -> None:
    text = "Gunmen from the Viv Ansanm gang coalition overran the hill town of Kalembouly on Monday."
    facts = extractor.extract(Document("t", text)).facts
    assert ("Viv Ansanm", "controls", "Kalembouly") in {(f.source, f.relation, f.target) for f in facts
                                                         if isinstance(f, Relation)}


def test_a_compass_word_before_a_state_makes_a_region_of_it(extractor: Extractor) -> None:
    doc = extractor.nlp("Loyalist paramilitaries in Northern Ireland killed hundreds, while South Sudan and "
                        "North Korea stayed silent.")
    found = {(s.text, s.label_) for s in doc.spans[SPANS_KEY]}
    assert ("Northern Ireland", "place") in found and not any(t == "Ireland" for t, _ in found)
    assert {("South Sudan", "state"), ("North Korea", "state")} <= found
