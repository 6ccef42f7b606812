"""Leaders who follow each other (extract/succession.py)."""

from __future__ import annotations

from alliancegraph import Document, Relation
from alliancegraph.extract import Extractor


def _leads(extractor: Extractor, text: str) -> dict[tuple[str, str], str | None]:
    document = Document("t", text, date="2024-05-02")
    return {(f.source, f.target): f.time for f in extractor.extract(document).facts
            if isinstance(f, Relation) and f.relation == "leads" and not f.negated}


def test_a_predecessor_led_the_group_his_successor_leads(extractor: Extractor) -> None:
    leads = _leads(extractor, "Hezbollah is led by Hassan Nasrallah, who took over in 1992 when an Israeli "
                              "strike killed his predecessor, Abbas al-Musawi.")
    assert leads[("Hassan Nasrallah", "Hezbollah")]
    assert leads[("Abbas al-Musawi", "Hezbollah")] == "/1992"


def test_a_successor_leads_from_the_change(extractor: Extractor) -> None:
    leads = _leads(extractor, "Qasim al-Raymi, the leader of AQAP, was killed in January 2020; "
                              "his successor, Khalid Batarfi, kept a low profile.")
    assert leads[("Khalid Batarfi", "al-Qaeda in the Arabian Peninsula")] == "2020-01/"


def test_succeeded_gives_both_people_the_group_named_elsewhere(extractor: Extractor) -> None:
    leads = _leads(extractor, "Ismail Haniyeh is the leader of Hamas. "
                              "Haniyeh succeeded Khaled Meshaal as head of the bureau in 2017.")
    assert leads[("Khaled Mashal", "Hamas")] == "/2017"


def test_the_group_that_names_a_successor_is_the_group_he_leads(extractor: Extractor) -> None:
    leads = _leads(extractor, "The Islamic State has named a little-known successor, Abu Hafs al-Hashimi al-Qurashi.")
    assert ("Abu Hafs al-Hashimi al-Qurashi", "Islamic State") in leads


def test_no_group_in_the_document_no_leader(extractor: Extractor) -> None:
    leads = _leads(extractor, "Karim Haddad succeeded Omar Farouk as chairman in 2010.")
    assert not leads


def test_his_predecessor_in_the_next_sentence(extractor: Extractor) -> None:
    leads = _leads(extractor, "Hassan Nasrallah leads Hezbollah. His predecessor, Abbas al-Musawi, was killed "
                              "in 1992, and al-Musawi's predecessor, Subhi al-Tufayli, later broke with the group.")
    assert leads[("Abbas al-Musawi", "Hezbollah")] == "/1992"


def test_a_man_who_takes_command_leads_the_group_in_view(extractor: Extractor) -> None:
    leads = _leads(extractor, "Boko Haram was founded by Mohammed Yusuf. After Yusuf was killed in police custody "
                              "in 2009, Abubakar Shekau took command.")
    assert leads[("Abubakar Shekau", "Boko Haram")] == "2009/"
    leads = _leads(extractor, "Hezbollah lost its leader in 1992. Hassan Nasrallah took command of the group.")
    assert ("Hassan Nasrallah", "Hezbollah") in leads


def test_a_man_named_emir_leads_the_group_in_view(extractor: Extractor) -> None:
    leads = _leads(extractor, "Al-Shabaab lost its emir in an American strike. Ahmed Diriye was chosen as the "
                              "new emir.")
    assert ("Ahmad Diriye", "al-Shabaab") in leads


def test_taking_command_gives_no_group_the_man_is_known_to_lead_another(extractor: Extractor) -> None:
    leads = _leads(extractor, "The GSPC was founded in 1998 by Hassan Hattab. The ADF took heavy losses in 2003. "
                              "In 2004 Abdelmalek Droukdel took command.")
    assert ("Abdelmalek Droukdel", "Allied Democratic Forces") not in leads
