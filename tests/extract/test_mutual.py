"""Ties that parties hold with each other: several subjects acting together or on one another."""

from __future__ import annotations

from alliancegraph.extract import Extractor
from tests.conftest import relation_keys

ELN = "National Liberation Army (Colombia)"
EPL = "Popular Liberation Army (Colombia)"
DRC = "Democratic Republic of the Congo"


def _pairs(extractor: Extractor, text: str, relation: str) -> set[frozenset[str]]:
    return {frozenset((s, t)) for s, r, t, neg in relation_keys(extractor, text) if r == relation and not neg}


def test_three_parties_that_coordinate_are_each_others_allies(extractor: Extractor) -> None:
    text = "Hamas, Hezbollah and Palestinian Islamic Jihad coordinate through a shared command centre."
    assert _pairs(extractor, text, "allied_with") == {
        frozenset(("Hamas", "Hezbollah")), frozenset(("Hamas", "Palestinian Islamic Jihad")),
        frozenset(("Hezbollah", "Palestinian Islamic Jihad"))}


def test_a_list_read_as_an_apposition_still_clashes_pair_by_pair(extractor: Extractor) -> None:
    found = _pairs(extractor, "The ELN, the FARC and the EPL clashed near Saravena.", "fights")
    assert {frozenset((ELN, "FARC")), frozenset((ELN, EPL)), frozenset(("FARC", EPL))} <= found


def test_rivals_in_a_place_are_still_each_others_rivals(extractor: Extractor) -> None:
    assert frozenset((ELN, "FARC")) in _pairs(extractor, "The ELN and the FARC were bitter rivals in Arauca.",
                                               "rival_of")
    # a party of the noun's own is not the subjects' tie to each other
    assert frozenset(("Hamas", "Fatah")) not in _pairs(extractor, "Hamas and Fatah were rivals of Israel.", "rival_of")


def test_the_parties_to_a_joint_offensive_are_allies(extractor: Extractor) -> None:
    assert frozenset(("Uganda", DRC)) in _pairs(extractor, "Uganda and Congo launched a joint offensive in 2021.",
                                                "allied_with")
    text = "The attack embarrassed Operation Lightning, the joint offensive that Uganda and Congo began in 2021."
    assert frozenset(("Uganda", DRC)) in _pairs(extractor, text, "allied_with")
    # an offensive that is not joint makes no allies of those who launch it
    assert not _pairs(extractor, "Uganda and Congo each launched an offensive in 2021.", "allied_with")


def test_whoever_is_kept_as_a_partner_is_one(extractor: Extractor) -> None:
    text = "The withdrawal leaves Rwanda as Mozambique's main foreign partner."
    assert frozenset(("Rwanda", "Mozambique")) in _pairs(extractor, text, "allied_with")


def test_its_in_what_the_object_is_cast_as_is_the_subjects(extractor: Extractor) -> None:
    text = "Hezbollah is strong. Iran regards Hamas as its closest ally."
    assert frozenset(("Iran", "Hamas")) in _pairs(extractor, text, "allied_with")


def test_a_group_armed_and_commanded_by_a_state_is_supported_by_it(extractor: Extractor) -> None:
    found = relation_keys(extractor, "Kinshasa says the M23 is armed and commanded by Rwanda.")
    assert ("Rwanda", "supports", "M23", False) in found


def test_a_group_spelled_another_way_is_still_the_group(extractor: Extractor) -> None:
    text = "Gamaa Islamiya and Egyptian Islamic Jihad shared a goal. The two cooperated only once."
    assert frozenset(("al-Gama'a al-Islamiyya", "Egyptian Islamic Jihad")) in _pairs(extractor, text, "allied_with")


def test_two_groups_that_remain_aligned_are_allies(extractor: Extractor) -> None:
    text = "Al-Qaeda and the Taliban fought the Soviets. The two movements remain closely aligned."
    assert frozenset(("al-Qaeda", "Taliban")) in _pairs(extractor, text, "allied_with")


def test_the_parties_that_sign_an_agreement_negotiate_but_its_brokers_do_not(extractor: Extractor) -> None:
    text = "The Sinjar Agreement, signed in October 2020 by Baghdad and the Kurdistan Regional Government, failed."
    assert frozenset(("Iraq", "Kurdistan Regional Government")) in _pairs(extractor, text, "negotiates_with")
    text = "Talks in Jeddah, co-hosted by Saudi Arabia and the United States, collapsed in late 2023."
    assert frozenset(("Saudi Arabia", "United States")) not in _pairs(extractor, text, "negotiates_with")


def test_a_group_brought_to_the_table_negotiates_with_the_home_state(extractor: Extractor) -> None:
    text = ("Colombia's war drags on in Cauca. President Gustavo Petro's peace policy brought the EMC to the table "
            "in October 2023.")
    assert frozenset(("Estado Mayor Central", "Colombia")) in _pairs(extractor, text, "negotiates_with")
    text = "Colombia's war drags on in Cauca. Petro brought new proposals to the table in October."
    assert not _pairs(extractor, text, "negotiates_with")


def test_two_groups_that_fought_a_war_fought_each_other_unless_it_was_against_another(extractor: Extractor) -> None:
    assert frozenset({"Amal", "Hezbollah"}) in _pairs(
        extractor, "Amal and Hezbollah fought a bloody war between 1988 and 1990.", "fights")
    assert frozenset({"Amal", "Hezbollah"}) not in _pairs(
        extractor, "Amal and Hezbollah fought a long war against Israel.", "fights")


def test_a_pair_described_by_their_tie_has_that_tie(extractor: Extractor) -> None:
    text = "Hamas seized Gaza from Fatah in 2007. Since then the two rivals have traded arrests and accusations."
    assert frozenset(("Hamas", "Fatah")) in _pairs(extractor, text, "rival_of")
    text = "Hamas and PIJ fought Israel in 2023. The two allies share a command room in Gaza."
    assert frozenset(("Hamas", "Palestinian Islamic Jihad")) in _pairs(extractor, text, "allied_with")
    # "the rivals" alone may be any of the parties named before
    text = "Hamas, Fatah and PIJ fought Israel in 2023. The rivals share a command room in Gaza."
    assert not _pairs(extractor, text, "rival_of")
