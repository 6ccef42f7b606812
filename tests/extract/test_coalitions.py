"""Groups that merge, found or fill a coalition are its affiliates (extract/coalitions.py)."""

from __future__ import annotations

from alliancegraph.extract import Extractor
from tests.conftest import relation_keys

CPC = "Coalition of Patriots for Change"
FPRC = "Popular Front for the Renaissance of the Central African Republic"
UPC = "Union for Peace in the Central African Republic"
JNIM = "Jama'at Nusrat al-Islam wal-Muslimin"


def _members(extractor: Extractor, text: str, body: str) -> set[str]:
    return {s for s, r, t, neg in relation_keys(extractor, text) if r == "affiliate_of" and t == body and not neg}


def test_groups_that_merge_into_a_new_one_are_its_affiliates(extractor: Extractor) -> None:
    text = "In 2017 Ansar Dine, al-Mourabitoun and Katiba Macina merged to form JNIM."
    assert _members(extractor, text, JNIM) == {"Ansar Dine", "al-Mourabitoun", "Katiba Macina"}
    text = "JNIM was formed in March 2017, when Ansar Dine, Katiba Macina and al-Mourabitoun merged."
    assert _members(extractor, text, JNIM) == {"Ansar Dine", "al-Mourabitoun", "Katiba Macina"}


def test_a_part_of_a_group_merges_not_the_group(extractor: Extractor) -> None:
    text = "JNIM was formed in 2017 when Ansar Dine and the Saharan branch of al-Qaeda in the Islamic Maghreb merged."
    assert _members(extractor, text, JNIM) == {"Ansar Dine"}


def test_groups_listed_under_a_coalition_are_its_affiliates_not_its_allies(extractor: Extractor) -> None:
    text = f"In December 2020 six groups, among them the FPRC and the UPC, joined forces as the {CPC}."
    found = relation_keys(extractor, text)
    assert {FPRC, UPC} <= _members(extractor, text, CPC)
    assert not any(r == "allied_with" and CPC in (s, t) for s, r, t, _ in found)
    assert {FPRC, UPC} <= _members(extractor, f"The {CPC}, an alliance of the FPRC and the UPC, attacked Bangui.", CPC)
    assert {FPRC, UPC} <= _members(extractor, f"Members of the {CPC} include the FPRC and the UPC.", CPC)


def test_one_group_forming_another_or_a_coalition_noun_without_a_list_gives_no_members(extractor: Extractor) -> None:
    assert _members(extractor, f"In 2020 the FPRC formed the {CPC}.", CPC) == set()
    text = "The Popular Mobilization Forces, a coalition of Shia militias formed to fight the Islamic State, grew."
    assert _members(extractor, text, "Popular Mobilization Forces") == set()


def test_several_groups_that_merge_are_not_each_others_allies(extractor: Extractor) -> None:
    text = "The coalition was born in 2019, when Ansar Dine, Katiba Macina and al-Mourabitoun merged under one emir."
    assert not any(r == "allied_with" for _, r, _, _ in relation_keys(extractor, text))
