"""The reference resolver on its own: descriptions and pronouns, given parsed sentences and named mentions."""

from __future__ import annotations

from alliancegraph import Document, Quantity, Relation
from alliancegraph.extract import Extractor
from alliancegraph.extract.actors import SPANS_KEY
from alliancegraph.extract.context import ActorMention
from alliancegraph.extract.references import DescriptionResolver
from tests.conftest import relation_keys


def _resolve(extractor: Extractor, text: str) -> list[tuple[str, str, str]]:
    """(words, actor, method) for each description or pronoun the resolver links, in text order."""
    doc = extractor.nlp(text)
    named = [ActorMention(s.kb_id_, s.label_, s.start, s.end, "gazetteer") for s in doc.spans[SPANS_KEY] if s.kb_id_]
    resolver = DescriptionResolver()
    linked = []
    for sent in doc.sents:
        mentions = [m for m in named if sent.start <= m.start < sent.end]
        for m in resolver.resolve(sent, mentions):
            if m.method != "gazetteer":
                linked.append((doc[m.start : m.end].text, m.name, m.method))
    return linked


def test_a_description_stands_for_the_last_armed_group(extractor: Extractor) -> None:
    found = _resolve(extractor, "Iran has backed Hezbollah since 1982. The group now fields rockets.")
    assert ("The group", "Hezbollah", "description") in found


def test_a_description_never_stands_for_a_state(extractor: Extractor) -> None:
    assert _resolve(extractor, "Pakistan closed the border. The group complained.") == []


def test_its_prefers_the_recent_subject_over_a_later_object(extractor: Extractor) -> None:
    found = _resolve(extractor, "Al-Shabaab attacked a base run by Kenya. Its fighters withdrew at dawn.")
    assert ("Its", "al-Shabaab", "pronoun") in found


def test_a_fronted_possessive_points_forward_to_the_subject(extractor: Extractor) -> None:
    found = _resolve(extractor, "Through its alliance with the Houthis, Hezbollah keeps a foothold.")
    assert ("its", "Hezbollah", "pronoun") in found


def test_they_after_a_pair_means_both(extractor: Extractor) -> None:
    found = _resolve(extractor, "Hamas and Hezbollah met in Beirut. They agreed to coordinate.")
    assert ("They", "Hamas", "pronoun") in found and ("They", "Hezbollah", "plural") in found


def test_the_two_groups_are_the_last_two_armed_groups(extractor: Extractor) -> None:
    found = _resolve(extractor, "Boko Haram lost ground to ISWAP in 2021. The two groups still clash.")
    names = {name for words, name, _ in found if words.lower().startswith("the two")}
    assert names == {"Boko Haram", "Islamic State West Africa Province"}


def test_an_expletive_it_stands_for_nothing(extractor: Extractor) -> None:
    found = _resolve(extractor, "The Houthis fired drones. It is unclear whether they hit anything.")
    assert not any(words == "It" for words, _, _ in found)


def test_his_is_the_last_person(extractor: Extractor) -> None:
    found = _resolve(extractor, "Abu Bakr al-Baghdadi died in 2019. His successor was named days later.")
    assert ("His", "Abu Bakr al-Baghdadi", "pronoun") in found


def test_a_possessive_in_its_own_predicate_is_someone_else(extractor: Extractor) -> None:
    found = _resolve(extractor, "Al-Shabaab pledged allegiance to al-Qaeda in 2012 and remains its affiliate.")
    assert ("its", "al-Qaeda", "pronoun") in found


def test_a_possessive_in_an_apposition_is_someone_else(extractor: Extractor) -> None:
    text = ("Al-Qaeda has many branches. Al-Qaeda in the Indian Subcontinent, {}, attacked a base. "
            "Ansaru, the al-Qaeda-aligned group, struck too.")
    assert ("its", "al-Qaeda", "pronoun") in _resolve(extractor, text.format("its regional branch"))
    found = _resolve(extractor, text.format("the group's regional branch"))
    assert ("the group", "al-Qaeda", "description") in found
    # the noun set beside a name is still that name
    assert ("the al-Qaeda-aligned group", "Ansaru", "description") in found


def test_an_object_deep_in_the_predicate_is_not_the_named_subject(extractor: Extractor) -> None:
    found = _resolve(extractor, "AQAP has bombed Houthi gatherings. Houthi officials deny any contact with the group.")
    assert ("the group", "al-Qaeda in the Arabian Peninsula", "description") in found


def test_a_description_in_object_position_is_not_its_clause_subject(extractor: Extractor) -> None:
    found = _resolve(extractor, "The Taliban hold Kandahar. Al-Qaeda is providing skills to the insurgent group.")
    assert any(name == "Taliban" and method == "description" for _, name, method in found)



def test_its_inside_the_subject_is_not_the_subject(extractor: Extractor) -> None:
    found = _resolve(extractor, "Hamas governs Gaza. Its main rival for recruits, Fatah, was founded in 1959.")
    assert ("Its", "Hamas", "pronoun") in found


def test_a_sentence_about_a_person_keeps_the_group_subject_in_view(extractor: Extractor) -> None:
    found = _resolve(extractor, "Al-Shabaab took Baidoa. Under Godane it swore loyalty to al-Qaeda. "
                                "Godane died in 2014; his successor now runs the group.")
    assert ("the group", "al-Shabaab", "description") in found


def test_a_subordinate_clause_subject_does_not_displace_the_main_subject(extractor: Extractor) -> None:
    text = ("Hayat Tahrir al-Sham was formed in 2017 when Jabhat Fateh al-Sham, Harakat Nour al-Din al-Zenki "
            "and smaller factions merged. Its leader spoke in Idlib.")
    found = _resolve(extractor, text)
    assert ("Its", "Hayat Tahrir al-Sham", "pronoun") in found


def test_a_branch_resolves_to_the_groups_branch_in_that_place() -> None:
    from alliancegraph.extract.references import Affiliates

    book = Affiliates(parents={"IS Somalia": "IS", "IS Sahel": "IS", "AQAP": "AQ"},
                      regions={"IS Somalia": "Somalia", "IS Sahel": "Mali"},
                      places={"somali": "Somalia", "somalia": "Somalia"}, named=frozenset({"IS Sahel"}))
    assert book.branch_of("IS", ["Somali"]) == "IS Somalia"  # the place wins over what the text names
    assert book.branch_of("IS", []) == "IS Sahel"  # the one branch the document names
    assert book.branch_of("IS", ["Yemeni"]) == "IS Sahel"  # a word that names no known place is no place
    assert book.branch_of("AQ", []) is None  # AQAP is not named in the document


def test_the_groups_affiliate_in_text_is_that_affiliate(extractor: Extractor) -> None:
    text = ("Islamic State West Africa Province raided a base. "
            "The Islamic State's Somali branch was founded in 2015 in Puntland.")
    facts = list(extractor.extract(Document("t", text, date="2020-01-01")).facts)
    rels = {(f.source, f.relation, f.target) for f in facts if isinstance(f, Relation)}
    assert ("Islamic State Somalia Province", "affiliate_of", "Islamic State") in rels


def test_a_name_in_parentheses_says_which_group_a_description_is(extractor: Extractor) -> None:
    text = ("The Islamic State faction in Somalia (ISIL-Somalia) remains confined to Puntland. "
            "Member States estimate its strength at 200 fighters.")
    facts = extractor.extract(Document("t", text)).facts
    assert ("Islamic State Somalia Province", "affiliate_of", "Islamic State") in {
        (f.source, f.relation, f.target) for f in facts if isinstance(f, Relation)}
    assert [f.actor for f in facts if isinstance(f, Quantity)] == ["Islamic State Somalia Province"]


def test_the_two_are_the_pair_just_named_and_nothing_without_one(extractor: Extractor) -> None:
    named = extractor.extract(Document("t", "Relations between HTS and the Syrian National Army are tense. "
                                            "The two have clashed repeatedly.", date="2023-01-01")).facts
    rels = {(f.source, f.relation, f.target) for f in named if isinstance(f, Relation)}
    assert ("Hayat Tahrir al-Sham", "fights", "Syrian National Army") in rels
    unnamed = extractor.extract(Document("t", "HTS met the Islamic State once. Later the Syrian National Army "
                                              "arrived. The two have clashed repeatedly.", date="2023-01-01")).facts
    assert not any(isinstance(f, Relation) and f.relation == "fights" for f in unnamed)


def test_a_group_named_after_the_topic_is_what_the_group_then_means(extractor: Extractor) -> None:
    text = ("When the Taliban returned to Kabul in 2021, officials celebrated. Months later the bill is arriving, "
            "and it is not only the Pakistani Taliban who present it. Consider Jaish-e-Mohammed. The group, "
            "founded by Masood Azhar in 2000, has spent its existence attacking India.")
    facts = extractor.extract(Document("t", text, date="2023-03-08")).facts
    rels = {(f.source, f.relation, f.target) for f in facts if isinstance(f, Relation)}
    assert ("Masood Azhar", "leads", "Jaish-e-Mohammed") in rels
    assert ("Masood Azhar", "leads", "Taliban") not in rels


def test_they_after_a_plural_subject_that_names_no_actor_is_that_subject(extractor: Extractor) -> None:
    quiet = extractor.extract(Document("t", "When the Taliban returned to Kabul, officials in Islamabad "
                                            "celebrated what they assumed would be a friendly government.",
                                       date="2023-03-08")).mentions
    assert [m.text for m in quiet if m.method == "pronoun"] == []
    named = extractor.extract(Document("t", "Hamas fighters said they would attack Israel.",
                                       date="2023-03-08")).facts
    assert ("Hamas", "fights", "Israel") in {(f.source, f.relation, f.target) for f in named
                                             if isinstance(f, Relation)}


def test_the_it_of_a_cleft_stands_for_nothing(extractor: Extractor) -> None:
    mentions = extractor.extract(Document("t", "It was Hamas that attacked first.", date="2023-03-08")).mentions
    assert [m.method for m in mentions] == ["gazetteer"]


def test_a_description_set_beside_a_name_is_that_name_not_the_actor_fused_into_it(extractor: Extractor) -> None:
    text = ("Security services captured two senior figures of Ansaru, the al-Qaeda-aligned group that has "
            "spent years among the bandits.")
    facts = extractor.extract(Document("t", text, date="2025-08-19")).facts
    rels = {(f.source, f.relation, f.target) for f in facts if isinstance(f, Relation)}
    assert ("al-Qaeda", "allied_with", "Ansaru") in rels
    assert not any(r[0] == r[2] or "fights" == r[1] for r in rels)


def test_its_right_after_x_and_is_xs(extractor: Extractor) -> None:
    found = _resolve(extractor, "Kenya hosted the talks. They were joined by al-Shabaab and its allies in Somalia.")
    assert ("its", "al-Shabaab", "pronoun") in found
    found = _resolve(extractor, "Kenya hosted the talks. Its army and al-Shabaab met in Somalia.")
    assert ("Its", "Kenya", "pronoun") in found


def test_it_after_a_clause_that_precedes_its_verb_is_no_expletive(extractor: Extractor) -> None:
    found = _resolve(extractor, "The PKK, known as the Kurdistan Workers' Party, is different: it is a guerrilla army.")
    assert ("it", "Kurdistan Workers' Party", "pronoun") in found
    assert _resolve(extractor, "The PKK is strong. It is unclear whether the talks will resume.") == []


def test_a_groups_branch_in_a_country_is_that_countrys_branch(extractor: Extractor) -> None:
    facts = extractor.extract(Document("t", "The Islamic State's branch in Somalia was long a footnote.")).facts
    rels = {(f.source, f.relation, f.target) for f in facts if isinstance(f, Relation)}
    assert ("Islamic State Somalia Province", "affiliate_of", "Islamic State") in rels
    assert not any(f.source == "Somalia" for f in facts if isinstance(f, Relation))


def test_a_groups_province_named_after_a_place_is_its_branch(extractor: Extractor) -> None:
    text = "In 2019 the Islamic State named the faction its Mozambique Province; its Central Africa Province grew too."
    facts = extractor.extract(Document("t", text)).facts
    rels = {(f.source, f.relation, f.target) for f in facts if isinstance(f, Relation)}
    assert ("Islamic State Mozambique Province", "affiliate_of", "Islamic State") in rels
    assert not any(f.source in ("Mozambique", "Central Africa") for f in facts if isinstance(f, Relation))


def test_they_before_a_pair_named_later_in_the_sentence_is_not_that_pair(extractor: Extractor) -> None:
    found = _resolve(extractor, "Katiba Macina grew fast. By 2016 they had broken with the old leadership together "
                                "with smaller factions such as Ansar Dine and al-Mourabitoun.")
    they = [name for words, name, _ in found if words == "they"]
    assert they == ["Katiba Macina"]


def test_a_group_acting_together_with_others_does_not_break_from_them(extractor: Extractor) -> None:
    text = ("Ansar Dine rose in 2012. In 2013 it broke with the old leadership together with smaller factions such as "
            "Katiba Macina and al-Mourabitoun.")
    rels = {(r.source, r.relation, r.target) for r in extractor.extract(Document("t", text)).facts
            if isinstance(r, Relation)}
    assert ("Ansar Dine", "split_from", "Katiba Macina") not in rels


def test_the_two_groups_can_be_a_group_the_gazetteer_does_not_know(extractor: Extractor) -> None:
    text = ("The Butembo Self-Protection Committee emerged in 2019. Its main rival is the FDLR. The two groups have "
            "clashed repeatedly near Lubero.")
    rels = {(r.source, r.relation, r.target) for r in extractor.extract(Document("t", text)).facts
            if isinstance(r, Relation)}
    assert {("Butembo Self-Protection Committee", "fights", "Democratic Forces for the Liberation of Rwanda"),
            ("Democratic Forces for the Liberation of Rwanda", "fights", "Butembo Self-Protection Committee")} & rels


def test_a_body_that_calls_itself_by_a_name_is_that_name(extractor: Extractor) -> None:
    found = _resolve(extractor, "In 2012 a new militia calling itself the Nusra Front bombed Damascus.")
    assert ("a new militia", "Jabhat al-Nusra", "description") in found
    assert ("itself", "Jabhat al-Nusra", "description") in found


def test_it_in_what_a_states_officials_say_is_not_their_state(extractor: Extractor) -> None:
    found = _resolve(extractor, "Hamas is the larger faction. Egyptian officials estimate that it has 30,000 fighters.")
    assert ("it", "Hamas", "pronoun") in found


def test_the_party_is_a_group_whose_own_names_call_it_one(extractor: Extractor) -> None:
    text = "Iran has armed Hezbollah since 1982. The party's chief, Naim Qassem, spoke on Friday."
    assert ("Naim Qassem", "leads", "Hezbollah", False) in relation_keys(extractor, text)
    text = "Iran has armed the Houthis since 2014. The party's chief, Naim Qassem, spoke on Friday."
    assert ("Naim Qassem", "leads", "Houthis", False) not in relation_keys(extractor, text)


def test_a_possessive_in_the_predicate_of_a_titled_man_is_his_body(extractor: Extractor) -> None:
    text = ("Israel killed Hezbollah's leader, Hassan Nasrallah, in September. The party's deputy "
            "secretary-general, Naim Qassem, was named its leader in October.")
    found = relation_keys(extractor, text)
    assert ("Naim Qassem", "leads", "Hezbollah", False) in found
    assert ("Naim Qassem", "leads", "Israel", False) not in found


def test_it_after_a_preposition_is_not_the_subject_of_the_governing_verb(extractor: Extractor) -> None:
    text = ("The Patriotic Liberation Front attacked a pipeline in Niger. The junta calls it a terrorist group and "
            "has refused to talk to it.")
    assert ("Niger", "negotiates_with", "Patriotic Liberation Front (Niger)", True) in relation_keys(extractor, text)


def test_the_alliance_is_the_body_named_an_alliance_not_a_group_with_the_word_inside(extractor: Extractor) -> None:
    text = ("The Three Brotherhood Alliance launched Operation 1027 in October. The MNDAA seized Laukkai. The Arakan "
            "Army took Paletwa. The United Wa State Army is believed to have supplied the alliance with rifles.")
    found = extractor.extract(Document("t", text)).facts
    support = [f for f in found if isinstance(f, Relation) and f.relation == "supports"]
    assert [(f.source, f.target) for f in support] == [("United Wa State Army", "Three Brotherhood Alliance")]
    assert support[0].support == ("weapons",)


def test_the_two_sides_are_the_pair_just_named_even_a_state_force(extractor: Extractor) -> None:
    rels = relation_keys(extractor, "The Sudanese Armed Forces and the RSF clashed in Omdurman. By May the two "
                                    "sides had agreed to talks in Jeddah.")
    assert ("Rapid Support Forces", "negotiates_with", "Sudanese Armed Forces", False) in rels or (
        "Sudanese Armed Forces", "negotiates_with", "Rapid Support Forces", False) in rels
    rels = relation_keys(extractor, "The Sudanese Armed Forces and the RSF clashed in Omdurman. Neither side has "
                                    "agreed to talks.")
    assert any(r[1] == "negotiates_with" and r[3] for r in rels)
    rels = relation_keys(extractor, "The SAF fought the RSF in Omdurman while Egypt watched. The two sides later "
                                    "agreed to talks.")  # no pair just named: no guess
    assert not any(r[1] == "negotiates_with" for r in rels)


def test_the_two_groups_of_a_named_kind_are_the_pair_just_named(extractor: Extractor) -> None:
    text = ("The FPRC and the UPC broke up in 2014. The two ex-Seleka groups fought each other repeatedly around "
            "Bria in 2017.")
    found = {frozenset((s, t)) for s, r, t, neg in relation_keys(extractor, text) if r == "fights"}
    assert frozenset(("Popular Front for the Renaissance of the Central African Republic",
                      "Union for Peace in the Central African Republic")) in found


def test_its_gunmen_are_the_armed_groups_not_the_states(extractor: Extractor) -> None:
    text = ("Egypt fought the Gamaa Islamiya in Upper Egypt. Between 1992 and 1997 its gunmen attacked police and "
            "tourists across Upper Egypt.")
    assert ("al-Gama'a al-Islamiyya", "fights", "Egypt", False) in relation_keys(extractor, text)
    # a state's own troops stay the state's
    text = "Egypt fought the Gamaa Islamiya in Upper Egypt. In 1993 its troops raided villages near Asyut."
    assert not any(s == "al-Gama'a al-Islamiyya" for s, *_ in relation_keys(extractor, text))
