"""Pieces of the extractor that need no model."""

from __future__ import annotations

import pytest

from alliancegraph.extract.gazetteer import Gazetteer, GazetteerEntry, spelling_key, strip_name
from alliancegraph.extract.paragraphs import MAX_PARAGRAPH_CHARS, paragraphs
from alliancegraph.store import alias_key
from alliancegraph.timeexpr import interval_bounds, point_bounds

TITLES = ("mullah", "gen.", "brig.", "president", "sheikh")


def test_paragraph_offsets_point_at_the_text() -> None:
    text = "\n\nFirst para.\n\n  \n\nSecond para\nstill second.\n\n\nThird."
    pieces = list(paragraphs(text))
    assert [p for _, p in pieces] == ["First para.", "Second para\nstill second.", "Third."]
    for offset, piece in pieces:
        assert text[offset : offset + len(piece)] == piece


def test_a_wall_of_text_is_cut_into_bounded_pieces_at_sentence_ends() -> None:
    sentence = "The militia attacked a convoy near the river. "
    text = sentence * 400
    pieces = list(paragraphs(text))
    assert len(pieces) > 1
    assert all(len(p) <= MAX_PARAGRAPH_CHARS for _, p in pieces)
    assert all(p.endswith(".") for _, p in pieces)
    for offset, piece in pieces:
        assert text[offset : offset + len(piece)] == piece


def test_text_without_sentence_ends_is_still_bounded() -> None:
    pieces = list(paragraphs("x" * (3 * MAX_PARAGRAPH_CHARS + 10)))
    assert all(len(p) <= MAX_PARAGRAPH_CHARS for _, p in pieces) and len(pieces) == 4


@pytest.mark.parametrize(("raw", "expected"), [
    ("the Taliban's", "Taliban"), ("Mullah Akhtar Mohammad Mansour", "Akhtar Mohammad Mansour"),
    ("Brig. Gen. Charles Cleveland", "Charles Cleveland"), ("President", "President"),
    ("Haqqanis\u2019", "Haqqanis"),
])
def test_strip_name(raw: str, expected: str) -> None:
    assert strip_name(raw, TITLES) == expected


def test_gazetteer_lookup_ignores_case_hyphens_titles_and_possessives() -> None:
    g = Gazetteer([GazetteerEntry("al-Qaeda", "armed_group", ("al-Qaida", "AQ")),
                   GazetteerEntry("Mullah Omar", "person", ("Mohammad Omar",))], TITLES)
    assert g.lookup("Al Qaida").name == "al-Qaeda"  # type: ignore[union-attr]
    assert g.lookup("al-Qaeda's").name == "al-Qaeda"  # type: ignore[union-attr]
    assert g.lookup("Mullah Mohammad Omar").name == "Mullah Omar"  # type: ignore[union-attr]
    assert g.lookup("al-Shabaab") is None


def test_a_rulers_terms_say_when_he_led_his_state() -> None:
    ruler = GazetteerEntry("Ann Bee", "person", links=(
        {"relation": "leads", "target": "Alpha Front", "role": "founder"},
        {"relation": "leads", "target": "Uganda", "role": "leader", "terms": [[1986, 1990], [2001, None]]}))
    assert [ruler.in_office("Uganda", y) for y in (1985, 1986, 1990, 1995, 2001, 2030)] == [
        False, True, True, False, True, True]
    assert ruler.in_office("Alpha Front", 1990) is None  # no terms: the gazetteer does not say


def test_a_transliteration_of_a_group_finds_it_but_not_a_person_or_a_shared_spelling() -> None:
    assert spelling_key("Gama'a al-Islamiyya") == spelling_key("Gamaa Islamiya")
    assert spelling_key("Harakat ash-Shabab al-Mujahidin") == spelling_key("Harakat al-Shabaab al-Mujahideen")
    assert spelling_key("Jabhat an-Nusra") != spelling_key("Jabhat Fatah al-Sham")
    g = Gazetteer([GazetteerEntry("al-Gama'a al-Islamiyya", "armed_group", ()),
                   GazetteerEntry("Ahmed Hassan Abdallah", "person", ()),
                   GazetteerEntry("Jaish al-Islam", "armed_group", ()),
                   GazetteerEntry("Jaysh al-Islam (Gaza)", "armed_group", ("Jaysh al-Islam",))])
    assert g.lookup("Gamaa Islamiya") is None
    assert g.lookup_spelling("Gamaa Islamiya").name == "al-Gama'a al-Islamiyya"  # type: ignore[union-attr]
    assert g.lookup_spelling("Ahmad Hasan Abdalla") is None  # a person's spelling is too easily another man's
    assert g.lookup_spelling("Jaish al Islam") is None  # two groups spell it so


def test_a_shared_alias_goes_to_the_actor_whose_region_the_document_names() -> None:
    g = Gazetteer([GazetteerEntry("Allied Democratic Forces", "armed_group", ("ADF",), region="Uganda"),
                   GazetteerEntry("Ambazonia Defence Forces", "armed_group", ("ADF", "Amba Boys"), region="Cameroon"),
                   GazetteerEntry("Cameroon", "state", (), demonyms=("Cameroonian",), capitals=("Yaound\u00e9",))])
    assert set(g.shared) == {alias_key("ADF")}
    assert g.lookup("ADF").name == "Allied Democratic Forces"  # type: ignore[union-attr]
    def chosen(form: str, text: str) -> str | None:
        entry = g.choose(form, text)
        return entry.name if entry is not None else None

    assert chosen("the ADF's", "Cameroonian troops met the ADF. The Amba Boys fled.") == "Ambazonia Defence Forces"
    assert chosen("ADF", "Ugandan jets hit the ADF in Uganda.") == "Allied Democratic Forces"
    assert chosen("ADF", "Nothing points either way.") == "Allied Democratic Forces"
    assert chosen("Amba Boys", "in Cameroon") is None  # a form of one actor only


def test_time_bounds() -> None:
    assert point_bounds("2016-02") == ("2016-02-01", "2016-02-29")
    assert interval_bounds("2015/") == ("2015-01-01", None)
    assert interval_bounds("garbage") == (None, None)

