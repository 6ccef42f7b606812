"""The extractor end to end on short texts written for these tests."""

from __future__ import annotations

from alliancegraph import Document, Quantity, Relation
from alliancegraph.extract import Extractor


def _facts(extractor: Extractor, text: str, **meta: str) -> list:
    return list(extractor.extract(Document("t", text, **meta)).facts)


def _rels(facts: list) -> set[tuple[str, str, str, bool]]:
    return {(f.source, f.relation, f.target, f.negated) for f in facts if isinstance(f, Relation)}


def test_title_abbreviation_does_not_split_a_sentence(extractor: Extractor) -> None:
    doc = extractor.nlp("According to Brig. Gen. Amina Diallo, the rebels retreated.")
    assert len(list(doc.sents)) == 1


def test_gazetteer_names_are_canonical_and_offsets_exact(extractor: Extractor) -> None:
    text = "Officials say ISIS and al-Qaida compete in the Sahel.\n\nDaesh denied it."
    extraction = extractor.extract(Document("t", text))
    names = {m.actor for m in extraction.mentions}
    assert {"Islamic State", "al-Qaeda"} <= names
    for m in extraction.mentions:
        assert text[m.char_start : m.char_end] == m.text


def test_a_surname_resolves_to_the_full_name_seen_in_the_document(extractor: Extractor) -> None:
    text = ("Colonel Amadou Sangare took command of the militia in Burkina Faso.\n\n"
            "Sangare later expelled French forces, said Moussa Keita, an analyst.")
    names = {m.actor for m in extractor.extract(Document("t", text)).mentions}
    assert "Amadou Sangare" in names and "Sangare" not in names


def test_support_with_kind_and_author_attribution(extractor: Extractor) -> None:
    facts = _facts(extractor, "Iran supplies the Houthis with missiles and drones.", author="Lena Ortiz",
                   date="2023-05-01")
    supports = [f for f in facts if isinstance(f, Relation) and f.relation == "supports"]
    assert supports, facts
    assert (supports[0].source, supports[0].target) == ("Iran", "Houthis")
    assert "weapons" in supports[0].support
    assert supports[0].attributed_to == "Lena Ortiz" and supports[0].time == "2023"


def test_negation_sets_the_flag_rather_than_dropping_the_fact(extractor: Extractor) -> None:
    facts = _facts(extractor, "Hamas does not rely on Iran for funding anymore.")
    assert ("Hamas", "supports", "Iran", True) in _rels(facts) or ("Iran", "supports", "Hamas", True) in _rels(facts)


def test_hedge_and_speaker(extractor: Extractor) -> None:
    facts = _facts(extractor, "Al-Shabaab is probably working with AQAP, a UN expert named Karim Haddad said.")
    allied = [f for f in facts if isinstance(f, Relation) and f.relation == "allied_with"]
    assert allied and allied[0].hedged


def test_quantity_with_approximation(extractor: Extractor) -> None:
    facts = _facts(extractor, "Al-Shabaab has roughly 7,000 fighters in southern Somalia.", date="2022-03-01")
    qty = [f for f in facts if isinstance(f, Quantity)]
    assert qty and qty[0].actor == "al-Shabaab" and qty[0].value == 7000 and qty[0].approximate
    assert qty[0].measure == "fighters"


def test_no_facts_from_empty_or_actorless_or_foreign_text(extractor: Extractor) -> None:
    assert _facts(extractor, "   ") == []
    assert _facts(extractor, "The weather was mild and the harvest was good this year.") == []
    assert _facts(extractor, "Der Hund schläft im Garten, und die Katze spielt.") == []
    assert isinstance(_facts(extractor, "<b>broken <i>markup</b> " * 50), list)


def test_a_quoted_speaker_is_not_a_party_to_the_relation(extractor: Extractor) -> None:
    facts = _facts(extractor, '"Iran pays for the rockets," said Layla Haddad, an analyst at a Beirut institute.')
    assert all("Layla Haddad" not in (f.source, f.target) for f in facts if isinstance(f, Relation))


def test_a_state_after_in_is_a_place_not_a_party(extractor: Extractor) -> None:
    facts = _facts(extractor, "Jabhat al-Nusra became al-Qaeda's branch in Syria.")
    targets = {f.target for f in facts if isinstance(f, Relation) and f.relation == "affiliate_of"}
    assert "Syria" not in targets


def test_counting_words_and_populations_are_not_quantities(extractor: Extractor) -> None:
    facts = _facts(extractor, "Hayat Tahrir al-Sham rules Idlib, home to roughly three million people, "
                              "and one faction of the group left.")
    assert [f for f in facts if isinstance(f, Quantity)] == []
    killed = _facts(extractor, "Hayat Tahrir al-Sham killed at least 40 people in the raid.")
    assert [(f.measure, f.value) for f in killed if isinstance(f, Quantity)] == [("casualties", 40)]
