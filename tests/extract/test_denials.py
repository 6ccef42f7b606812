"""Denials that point back at a claim made just before (extract/denials.py)."""

from __future__ import annotations

from alliancegraph import Document, Relation
from alliancegraph.extract import Extractor


def _relations(extractor: Extractor, text: str) -> list[Relation]:
    document = Document("t", text, date="2022-06-10", author="Ann Writer")
    return [f for f in extractor.extract(document).facts if isinstance(f, Relation)]


def _denied(relations: list[Relation]) -> list[Relation]:
    return [r for r in relations if r.negated]


def test_a_denial_of_it_negates_the_accusation_just_made(extractor: Extractor) -> None:
    relations = _relations(extractor, "Bogota accuses Venezuela of sheltering the ELN. Caracas denies it.")
    claim = [r for r in relations if not r.negated and r.relation == "supports"]
    assert [(r.source, r.target, r.attributed_to) for r in claim] == [
        ("Venezuela", "National Liberation Army (Colombia)", "Colombia")]
    [denial] = _denied(relations)
    assert (denial.source, denial.relation, denial.target) == ("Venezuela", "supports",
                                                               "National Liberation Army (Colombia)")
    assert denial.attributed_to == "Venezuela"
    assert denial.evidence.text == "Caracas denies it."
    assert denial.time == "2022"  # the denial is of now, whatever the claim's time


def test_a_spokesman_rejecting_the_charge_speaks_for_his_group(extractor: Extractor) -> None:
    relations = _relations(extractor, "Islamabad accuses the Taliban of giving the TTP sanctuary. "
                                      "Taliban spokesman Zabihullah Mujahid rejects the charge.")
    [denial] = _denied(relations)
    assert (denial.source, denial.target) == ("Taliban", "Tehrik-i-Taliban Pakistan")
    assert denial.attributed_to == "Zabihullah Mujahid"


def test_a_relative_clause_denial_answers_its_own_sentence(extractor: Extractor) -> None:
    relations = _relations(extractor, "In 2011 monitors found that Eritrea had channelled payments to "
                                      "al-Shabaab, which Eritrea denied.")
    [denial] = _denied(relations)
    assert (denial.source, denial.target, denial.attributed_to) == ("Eritrea", "al-Shabaab", "Eritrea")
    assert denial.time == "2011"  # the time of the claim it answers in the same sentence


def test_a_denial_with_a_clause_of_its_own_is_not_copied(extractor: Extractor) -> None:
    relations = _relations(extractor, "Kabul accuses the Taliban of hosting al-Qaeda. "
                                      "Zabihullah Mujahid denied that the Taliban fund the TTP.")
    assert not [r for r in _denied(relations) if r.target == "al-Qaeda"]


def test_a_denial_by_someone_else_negates_nothing(extractor: Extractor) -> None:
    relations = _relations(extractor, "Bogota accuses Venezuela of sheltering the ELN. Hamas denies it.")
    assert not _denied(relations)


def test_a_denial_far_from_the_claim_negates_nothing(extractor: Extractor) -> None:
    relations = _relations(extractor, "Bogota accuses Venezuela of sheltering the ELN. The border is long. "
                                      "Smuggling thrives there. Trade fell last year. Caracas denies it.")
    assert not _denied(relations)


def test_a_charge_the_accused_rejects_is_a_denial_even_read_as_a_noun_phrase(extractor: Extractor) -> None:
    relations = _relations(extractor, "Kabul accuses Pakistan of backing the TTP, a charge Pakistan rejects.")
    claims = {(r.source, r.target, r.negated, r.attributed_to) for r in relations if r.relation == "supports"}
    assert ("Pakistan", "Tehrik-i-Taliban Pakistan", False, "Afghanistan") in claims
    assert ("Pakistan", "Tehrik-i-Taliban Pakistan", True, "Pakistan") in claims
    relations = _relations(extractor, "Uganda accuses Sudan of arming the LRA, an allegation the Sudanese "
                                      "government dismisses.")
    assert [(r.source, r.target, r.attributed_to) for r in _denied(relations)] == [
        ("Sudan", "Lord's Resistance Army", "Sudan")]


def test_a_relative_clause_of_accusation_ties_the_accused_to_the_noun(extractor: Extractor) -> None:
    relations = _relations(extractor, "The ADF, which Kampala accuses Kinshasa of sheltering, struck Beni again.")
    claims = {(r.source, r.relation, r.target, r.attributed_to) for r in relations}
    assert ("Democratic Republic of the Congo", "supports", "Allied Democratic Forces", "Uganda") in claims
