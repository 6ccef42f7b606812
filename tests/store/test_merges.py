from __future__ import annotations

from alliancegraph import Document, Extraction, MergeProposal, Store, merge_actors, split_actors, suggest_merges, undo
from alliancegraph.model import Mention
from alliancegraph.store import ActorInfo

WHO = dict(who="ana", why="same group")


def _mention(store: Store, doc_id: str, *actors: tuple[str, str, bool]) -> None:
    """A document that mentions each (name, type, from the gazetteer) actor once."""
    text = " ".join(name for name, _, _ in actors) + f" ({doc_id})"
    mentions = tuple(Mention(doc_id, name, kind, name, 0, 1, "ner") for name, kind, _ in actors)
    infos = [ActorInfo(name, kind, from_gazetteer=gaz) for name, kind, gaz in actors]
    store.save(Document(doc_id, text), Extraction(doc_id, mentions), store.start_run("t", "1", "none"), infos)


def _fill(store: Store) -> None:
    _mention(store, "d1", ("Hurras al-Din", "armed_group", True), ("Tehrik-i-Taliban Pakistan", "armed_group", True),
             ("ISIS", "armed_group", False), ("Ahmad Khalil", "person", False))
    _mention(store, "d2", ("Hurras al Deen", "armed_group", False), ("Tehreek-e-Taliban Pakistan", "group", False),
             ("ISIL", "armed_group", False), ("Ahmad Khalili", "armed_group", False))
    _mention(store, "d3", ("Tehreek-e-Taliban Pakistan", "group", False))
    # two gazetteer entries are distinct however alike they are spelled
    _mention(store, "d4", ("Niger Armed Forces", "state_force", True), ("Nigerian Armed Forces", "state_force", True))


def test_alike_names_of_compatible_types_are_proposed_never_merged(store: Store) -> None:
    _fill(store)
    proposals = suggest_merges(store)
    assert proposals == [
        MergeProposal("Tehrik-i-Taliban Pakistan", "Tehreek-e-Taliban Pakistan", 90.2,
                      "Tehrik-i-Taliban Pakistan", "Tehreek-e-Taliban Pakistan"),
        MergeProposal("Hurras al-Din", "Hurras al Deen", 88.9, "Hurras al-Din", "Hurras al Deen"),
    ]
    assert len(store.actors()) == 10
    assert suggest_merges(store, threshold=95) == []


def test_merged_and_split_pairs_are_not_proposed_again(store: Store) -> None:
    _fill(store)
    merge = merge_actors(store, "Hurras al-Din", "Hurras al Deen", **WHO)
    assert [p.drop for p in suggest_merges(store)] == ["Tehreek-e-Taliban Pakistan"]
    split = split_actors(store, "Hurras al Deen", **WHO)
    assert [p.drop for p in suggest_merges(store)] == ["Tehreek-e-Taliban Pakistan"]
    undo(store, split.id, **WHO)
    undo(store, merge.id, **WHO)
    assert [p.drop for p in suggest_merges(store)] == ["Tehreek-e-Taliban Pakistan", "Hurras al Deen"]


def test_names_of_a_merged_group_are_compared_as_its_own(store: Store) -> None:
    _mention(store, "d1", ("Jabhat al-Nusra", "armed_group", True), ("Hay'at Tahrir al-Sham", "armed_group", True))
    _mention(store, "d2", ("Jabhat al Nusrah", "armed_group", False))
    merge_actors(store, "Hay'at Tahrir al-Sham", "Jabhat al-Nusra", **WHO)
    # the other spelling of al-Nusra is proposed once, against the group al-Nusra now belongs to
    assert suggest_merges(store) == [
        MergeProposal("Hay'at Tahrir al-Sham", "Jabhat al Nusrah", 96.8, "Jabhat al-Nusra", "Jabhat al Nusrah")]


def test_a_spelling_that_differs_only_in_punctuation_is_already_the_same_actor(store: Store) -> None:
    _mention(store, "d1", ("Hay'at Tahrir al-Sham", "armed_group", True))
    _mention(store, "d2", ("Hayat Tahrir al Sham", "armed_group", False))
    assert [a.name for a in store.actors()] == ["Hay'at Tahrir al-Sham"]
    assert suggest_merges(store) == []
