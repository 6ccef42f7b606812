"""Finding actors: the gazetteer's aliases, then spaCy's entities for the gaps.

The ``alliancegraph_actors`` component marks candidate spans in
``doc.spans["actors"]`` for one paragraph: gazetteer matches carry the
canonical name in ``kb_id_`` and the actor type as label; entities that the
gazetteer does not know carry an empty ``kb_id_`` and are named later, at the
level of the whole document, by :class:`ActorResolver` (a surname such as
"Zawahiri" can only be resolved once the full name has been seen).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.attrs import LOWER
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from .context import OBJECT_DOERS, ActorMention
from .gazetteer import Gazetteer, GazetteerEntry, strip_name
from .places import is_place

DOCUMENT_NAMES = frozenset({"Agreement", "Accord", "Accords", "Treaty", "Protocol", "Declaration", "Resolution",
                            "Charter", "Roadmap", "Memorandum"})
FORCE_NOUNS = frozenset({"army", "military", "forces", "troops", "soldiers", "navy", "police", "air force"})
GOVERNMENT_NOUNS = frozenset({"government", "regime", "administration", "junta", "cabinet"})
FOLLOWER_NOUNS = frozenset({"men", "fighters", "forces", "loyalists", "militia", "militiamen", "followers", "gunmen",
                            "troops", "rebels", "camp", "movement", "organisation", "organization", "group"})
UNIT_NOUNS = frozenset({"corps", "division", "brigade", "battalion", "regiment", "squadron", "command"})
# a capital stands for its state only where it acts or owns: "Ankara says", "Moscow's intervention", "talks with Manila"
AGENT_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "agent"})
AGENT_PREPS = frozenset({"with", "by", "between", "against"})
# "relied on Tehran", "ties to Moscow", "loyal to Ankara": after these words a capital is a party, not a place
PARTY_AFTER = {"on": frozenset({"rely", "depend", "lean", "count"}),
               "to": frozenset({"tie", "link", "relation", "close", "closer", "loyal", "allegiance", "proxy",
                                "ally", "beholden", "answerable"})}
# "Beirut's southern suburbs" are the city's (but "Bamako's airport", a state installation, is the state's)
CITY_PARTS = frozenset({"suburb", "suburbs", "outskirts", "outskirt", "street", "streets", "district",
                        "neighbourhood", "neighborhood", "centre", "center", "slum", "quarter", "edge", "periphery",
                        "mayor", "residents", "people", "hospitals"})
NER_TYPES = {"PERSON": "person", "ORG": "group", "GPE": "place", "LOC": "place", "FAC": "place", "NORP": "group"}
SPANS_KEY = "actors"
# "Jaish" for Jaish-e-Mohammed, "Maute" for the Maute group: the distinctive first word of a group's name
_LINKED_NAME = re.compile(r"^([A-Z][a-z]{3,})(?:-(?:e|i|ul|al|ut|as|ud|us)-| (?:al|ad|as|ash|an|ar|at|az|ul|el)-)")
_NAMED_GROUP = re.compile(r"^([A-Z][a-z]{3,}) (?:[Gg]roup|[Nn]etwork|[Mm]ovement|[Bb]rigades?|[Ff]action|[Mm]ilitia)$")


ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")


def _before_open_bracket(ent: Span) -> int:
    """Where an entity ends that the small model ran into a bracket it does not close ("the National Council
    for the Safeguard of the Homeland (CNSP"): before the bracket."""
    brackets = [t.i for t in ent if t.text == "("]
    if brackets and not any(t.text == ")" for t in ent):
        return brackets[0]
    return ent.end


UNIT_WORDS = frozenset({"Forces", "Division", "Brigade", "Brigades", "Battalion", "Regiment", "Corps", "Command"})


def is_case_sensitive(alias: str) -> bool:
    """Short aliases and acronyms (``US``, ``AQ``, ``TTP``) must match in their exact case, and so must a
    body named like a nation's forces or a place's unit ("Lebanese Forces", not "Lebanese forces"; "Gaza
    Division", not a group's "northern Gaza division")."""
    letters = [c for c in alias if c.isalpha()]
    words = alias.split()
    if len(words) == 2 and words[1] in UNIT_WORDS:
        return True
    return len(alias) <= 3 or (len(letters) <= 6 and all(c.isupper() for c in letters))


NAME_PARTICLES = frozenset({"abu", "bin", "ibn", "bint", "ould", "wad", "ag", "al", "el"})
KINSHIP = frozenset({"abu", "bin", "ibn", "bint", "ould", "ag"})


def _joined_names(doc: Doc, spans: list[Span]) -> list[Span]:
    """ "Ataullah abu Ammar Jununi": two person names the small model split at a lower-case particle are one."""
    out: list[Span] = []
    for span in spans:
        last = out[-1] if out else None
        particle = doc[last.end].text if last is not None and last.end < len(doc) else ""
        # the first part may be mistyped ("Ataullah" as a place) when a kinship word ties it to a name
        kin = particle in KINSHIP and last is not None and len(last) == 1
        if (last is not None and span.label_ == "person" and (last.label_ == "person" or kin)
                and span.start - last.end == 1 and particle in NAME_PARTICLES):
            out[-1] = Span(doc, last.start, span.end, label="person")
        else:
            out.append(span)
    return out


ARMY_WORDS = frozenset({"army", "military"})


def _generic_forms(force: GazetteerEntry, state: GazetteerEntry | None) -> int:
    """How many of a force's names are its state's generic ones ("Pakistani army", "Pakistan armed forces"): the
    state's main force has most of them, its intelligence service or a historical unit none."""
    if state is None:
        return 0
    owners = {form.lower() for form in (state.name, *state.demonyms)}
    owners |= {f"{owner} armed" for owner in owners}
    count = 0
    for form in (force.name, *force.aliases):
        words = form.lower().replace("'s", "").split()
        count += len(words) >= 2 and words[-1] in ARMY_WORDS | {"forces"} and " ".join(words[:-1]) in owners
    return count


class ActorMatcher:
    """A pipeline component: gazetteer aliases and named entities become candidate actor spans."""

    def __init__(self, nlp: Language, gazetteer: Gazetteer, state_agents: frozenset[str] = frozenset(),
                 state_agent_modifiers: frozenset[str] = frozenset()) -> None:
        self.gazetteer = gazetteer
        self.state_agents = state_agents
        self.state_agent_modifiers = state_agent_modifiers
        # "Lebanon's army" is the state's force: state -> its armed forces, from the gazetteer's links (the force
        # some of whose names are "army" or "military", not its police or its intelligence service)
        self.forces: dict[str, str] = {}
        best: dict[str, int] = {}
        for entry in gazetteer:
            words = {w for alias in entry.aliases for w in alias.lower().split()}
            if entry.type != "state_force" or not words & ARMY_WORDS:
                continue
            for link in entry.links:
                if link.get("relation") == "affiliate_of" and (
                        score := _generic_forms(entry, gazetteer.entries.get(link["target"]))) > best.get(
                        link["target"], -1):
                    self.forces[link["target"]], best[link["target"]] = entry.name, score
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.folded = PhraseMatcher(nlp.vocab, attr="LOWER")
        for entry in gazetteer:
            for alias in {entry.name, *entry.aliases}:
                if alias[:4].lower() == "the ":  # "The Base", "the Officials": never "the base", "the officials"
                    self.exact.add(entry.name, [nlp.make_doc(article + alias[4:]) for article in ("the ", "The ")])
                    continue
                matcher = self.exact if is_case_sensitive(alias) else self.folded
                matcher.add(entry.name, [nlp.make_doc(alias)])
        self.demonyms = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.capitals = PhraseMatcher(nlp.vocab, attr="ORTH")
        for entry in gazetteer:
            if entry.demonyms:
                self.demonyms.add(entry.name, [nlp.make_doc(d) for d in entry.demonyms])
            if entry.capitals:
                self.capitals.add(entry.name, [nlp.make_doc(c) for c in entry.capitals])

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for matcher in (self.exact, self.folded):
            for match_id, start, end in matcher(doc):
                name = doc.vocab.strings[match_id]
                entry = self.gazetteer.entries[name]
                spans.append(Span(doc, start, end, label=entry.type, kb_id=name))
        spans = [self._force(doc, s) for s in spans if not self._inside_a_longer_name(doc, s)]
        spans += self._states_by_adjective(doc) + self._states_by_capital(doc)
        places = [ent for ent in doc.ents if ent.label_ in ("LOC", "FAC")]
        # "Lake Chad", "the Gulf of Aden": a state inside a wider place name is that place, not the state
        spans = [s for s in spans if not any(p.start <= s.start and s.end <= p.end and len(p) > len(s)
                                             and s.label_ == "state" for p in places)]
        spans = [_region_of_state(doc, s, spans) for s in spans]
        known = filter_spans(spans)
        taken = {i for span in known for i in range(span.start, span.end)}
        extra = []
        for ent in doc.ents:
            start, end = _ordinal_start(doc, ent), _before_open_bracket(ent)
            if ent.label_ in NER_TYPES and end > start and not taken.intersection(range(start, ent.end)):
                extra.append(Span(doc, start, end, label=NER_TYPES[ent.label_]))
        extra = _joined_names(doc, extra)
        extra, known = _with_named_bodies(doc, extra, known)
        extra, known = _self_named(doc, extra, known)
        doc.spans[SPANS_KEY] = sorted((named_after(doc, s) for s in known + extra), key=lambda s: s.start)
        return doc


    def _inside_a_longer_name(self, doc: Doc, span: Span) -> bool:
        """ "Ataullah abu Ammar Jununi", "Hamza bin Laden": a known man's alias inside another man's full name,
        a capitalised name word right before or after it (not a title, an acronym or a sentence's first word)."""
        if span.label_ != "person":
            return False
        titles = {t.lower().rstrip(".") for t in self.gazetteer.titles}

        def name_word(token: Token) -> bool:
            return (token.pos_ == "PROPN" and token.text[:1].isupper() and not token.text.isupper()
                    and token.lower_.rstrip(".") not in titles and not token.is_sent_start)

        before = span.start > 0 and name_word(doc[span.start - 1])
        after = span.end < len(doc) and name_word(doc[span.end]) and doc[span.end].ent_iob_ == "I"
        return before or after

    def _states_by_adjective(self, doc: Doc) -> list[Span]:
        """ "Turkish drones", "Pakistani security forces", "Indian officials", "Saudi-led": the state acting."""
        found = []
        matches = self.demonyms(doc)
        starts = {start for _, start, _ in matches}
        for match_id, start, end in matches:
            stop, i, shared, reach = None, end, False, end + 5  # "Pakistani counter-terrorism officials"
            if end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].tag_ in ("VBN", "VBD"):
                stop, i = end, len(doc)  # "Turkish-led", "Iranian-backed": the state, fused into a modifier
            while i < len(doc) and i < reach:
                word, pair = doc[i].lower_, " ".join(t.lower_ for t in doc[i : i + 2])
                if word in ("and", "or", ",") and i + 1 in starts:
                    shared, reach = True, i + 5  # "the British and Irish governments": each state's own
                    i += 2
                    continue
                if i + 1 < len(doc) and pair in self.state_agents:
                    stop = i + 2
                    break
                if word in self.state_agents:
                    stop = i + 1
                if word not in self.state_agent_modifiers:
                    break
                i += 1
            if shared and stop is not None:
                stop = end
            # "Syrian Democratic Forces" is a name of its own, not Syria's forces
            if stop is None or any(e.start <= start < e.end and e.end > stop for e in doc.ents):
                continue
            name = doc.vocab.strings[match_id]
            found.append(Span(doc, start, stop, label="state", kb_id=name))
        return found

    def _states_by_capital(self, doc: Doc) -> list[Span]:
        """ "Ankara says", "Moscow's intervention", "talks with Manila" are the state; "in Kabul" is the city."""
        found = []
        for match_id, start, end in self.capitals(doc):
            root = doc[start:end].root
            while root.dep_ == "conj" and root.head.i < root.i:
                root = root.head
            prep = root.head
            agent = root.dep_ in AGENT_DEPS or (root.dep_ == "pobj" and (prep.lower_ in AGENT_PREPS or (
                prep.head.lemma_.lower() in PARTY_AFTER.get(prep.lower_, ()))))
            # "accused Tehran of arming", "urged Kabul to act": the capital does what follows
            agent = agent or (root.dep_ == "dobj" and prep.lemma_.lower() in OBJECT_DOERS)
            if root.dep_ == "poss" and root.head.lemma_.lower() in CITY_PARTS:
                agent = False  # "Beirut's southern suburbs" are the city's, not the state's
            if agent:
                found.append(Span(doc, start, end, label="state", kb_id=doc.vocab.strings[match_id]))
            else:  # the city itself, which the small model does not always tag: "seized the capital Sanaa"
                found.append(Span(doc, start, end, label="place"))
        return found

    def _force(self, doc: Doc, span: Span) -> Span:
        force = self.forces.get(span.kb_id_) if span.label_ == "state" else None
        if force is None or span.end + 1 >= len(doc) or doc[span.end].lower_ not in ("'s", "’s"):
            return span
        noun = doc[span.end + 1]
        if noun.lower_ in ("armed", "security", "air") and span.end + 2 < len(doc):
            noun = doc[span.end + 2]
        if noun.lower_ not in FORCE_NOUNS and noun.lower_ != "force":
            return span
        return Span(doc, span.start, noun.i + 1, label="state_force", kb_id=force)


# "the Hafiz Gul Bahadur group", "Misrata brigades": a band named after its leader or its town
AFTER_LEADER = frozenset({"group", "faction", "network"})
AFTER_TOWN = frozenset({"brigades", "militias"})


# "Northern Ireland", "Southern Yemen": a compass word before a state's name makes a region, not the state
COMPASS = frozenset({"Northern", "Southern", "Eastern", "Western", "North", "South", "East", "West", "Central",
                     "Upper", "Lower"})


def _region_of_state(doc: Doc, span: Span, spans: list[Span]) -> Span:
    """A state's name right after a capitalised compass word is a region of it ("Northern Ireland"), unless the
    whole is a name of its own ("South Sudan", "North Korea")."""
    if span.label_ != "state" or span.start == 0 or doc[span.start - 1].text not in COMPASS:
        return span
    if any(o.start < span.start and o.end >= span.end for o in spans):
        return span
    return Span(doc, span.start - 1, span.end, label="place")


def named_after(doc: Doc, span: Span) -> Span:
    """A person or town span followed by "group", "brigades" and the like, grown into that group."""
    if span.end >= len(doc) or not doc[span.end].text.islower():
        return span
    noun = doc[span.end].text
    leader = span.label_ == "person" and len(span) >= 2 and noun in AFTER_LEADER
    if leader or (span.label_ == "place" and noun in AFTER_TOWN):
        return Span(doc, span.start, span.end + 1, label="armed_group")
    return span


# the head words of an armed body's name ("the Bui Warriors", "the Military Council for the Liberation of Syria")
ARMED_HEADS = frozenset({"army", "front", "movement", "brigade", "brigades", "warriors", "militia", "militias",
                         "forces", "battalion", "battalions", "regiment", "legion", "guard", "guards", "tigers",
                         "defenders", "council", "coalition", "alliance", "league", "party", "union", "command",
                         "group", "organisation", "organization", "committee", "network", "resistance", "mujahideen"})
NAME_JOINERS = frozenset({"of", "for", "the", "and", "de", "del", "la", "al", "el", "wal", "-", "in", "y", "e", "et",
                          "da", "do", "dos", "du", "des"})


def _with_named_bodies(doc: Doc, extra: list[Span], known: list[Span]) -> tuple[list[Span], list[Span]]:
    """Names the small model misses or cuts short: a run of capitalised words (joined by "of", "for", "and"...)
    that holds the head word of an armed body ("the Bui Warriors", "the Nationalist and Integrationist Front").
    A run replaces the model's entities it overlaps; a gazetteer name stops it, but for a place after "of"
    ("the Military Council for the Liberation of Syria")."""
    taken = {i for span in known for i in range(span.start, span.end)}
    place_ends = {span.start: span.end for span in known if span.label_ in ("state", "place")}
    found: list[Span] = []
    i = 0
    while i < len(doc):
        if i in taken or not _title_word(doc[i]) or doc[i].lower_ in NAME_JOINERS or (
                doc[i].is_sent_start and doc[i].pos_ != "PROPN"):
            i += 1  # "Fighters of the ...": a capital that only starts the sentence
            continue
        end = i
        while end < len(doc):
            if end in place_ends and doc[end - 1].lower_ in ("of", "for"):
                end = place_ends[end]
                break
            if end in taken or not (_title_word(doc[end]) or doc[end].lower_ in NAME_JOINERS):
                break
            end += 1
        while end > i and not _title_word(doc[end - 1]):
            end -= 1  # a name ends on a capitalised word
        heads = [t.i for t in doc[i:end] if t.lower_ in ARMED_HEADS and t.text[:1].isupper()]
        if heads and end - i >= 2 and not (doc[i].is_sent_start and end - i == 2):
            # past its head word the name goes on only through "for"/"of" ("Front for the Liberation of X")
            head = heads[0]
            stop = end if head + 1 == end or doc[head + 1].lower_ in ("for", "of") else head + 1
            person = next((t.i for t in doc[head + 1 : stop] if t.ent_type_ == "PERSON"), None)
            if person is not None:  # "the Petroleum Facilities Guard of Ibrahim Jadhran": his, not its name
                stop = head + 1
            if stop - i >= 2:
                found.append(Span(doc, i, stop, label="group"))
        i = max(end, i + 1)
    if not found:
        return extra, known
    kept = [s for s in extra if not any(s.start < f.end and f.start < s.end and len(f) > len(s) for f in found)]
    found = [f for f in found if not any(s.start < f.end and f.start < s.end for s in kept)]
    known = [k for k in known if not any(f.start <= k.start and k.end <= f.end for f in found)]
    return sorted(kept + found, key=lambda s: s.start), known


# "a splinter calling itself X", "the faction, which now calls itself X": the words after are a name
SELF_NAMING = frozenset({"call", "name", "dub", "style", "rename", "brand"})


def _self_named(doc: Doc, extra: list[Span], known: list[Span]) -> tuple[list[Span], list[Span]]:
    """The name a body gives itself ("calling itself Lashkar-e-Jhangvi al-Alami", "calls itself BLA-Azad"),
    whole: it replaces the shorter names found inside it."""
    found: list[Span] = []
    for token in doc:
        if token.lower_ not in ("itself", "themselves") or token.head.lemma_.lower() not in SELF_NAMING:
            continue
        start = token.i + 1 + (token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "the")
        end = start
        while end < len(doc) and (_title_word(doc[end]) or doc[end].lower_ in NAME_JOINERS
                                  or doc[end - 1].text == "-" or (end + 1 < len(doc) and doc[end + 1].text == "-")):
            end += 1
        while end > start and not _title_word(doc[end - 1]):
            end -= 1
        if end > start and not any(s.start <= start and end <= s.end for s in known):
            found.append(Span(doc, start, end, label="group"))
    if not found:
        return extra, known
    def outside(span: Span) -> bool:
        return not any(f.start < span.end and span.start < f.end for f in found)
    return sorted([s for s in extra if outside(s)] + found, key=lambda s: s.start), [k for k in known if outside(k)]


def _title_word(token: Token) -> bool:
    return token.text[:1].isupper() and token.pos_ in ("PROPN", "NOUN", "ADJ", "VERB") and not token.is_punct


def _ordinal_start(doc: Doc, ent: Span) -> int:
    """ "the 10th Front", "the 1st Division": an ordinal left outside an organisation's name is part of it."""
    before = doc[ent.start - 1] if ent.start > 0 else None
    if ent.label_ == "ORG" and before is not None and ORDINAL.fullmatch(before.text):
        return ent.start - 1
    return ent.start


def _shared_surname(span: Span) -> str | None:
    """ "the brothers Omar and Abdullah Maute": a lone given name coordinated with a full name shares its surname."""
    doc = span.doc
    if span.end + 1 >= len(doc) or doc[span.end].lower_ != "and":
        return None
    other = next((e for e in doc.spans[SPANS_KEY] if e.start == span.end + 1 and e.label_ == "person" and len(e) >= 2),
                 None)
    return f"{span.text} {other[-1].text}" if other is not None else None


def units_as_forces(doc: Doc, mentions: list[ActorMention]) -> list[ActorMention]:
    """ "The Afghan Army's 215th Corps", "Nigeria's 7th Division": a unit a state's force owns is that force.

    Only an unknown name (from NER) ending in a unit noun, whose possessor is a state or its force.
    """
    out = []
    for mention in mentions:
        last = doc[mention.end - 1]
        owner = next((m for m in mentions for c in last.children
                      if c.dep_ == "poss" and m.covers(c) and m.type in ("state", "state_force")), None)
        if mention.method == "ner" and last.lower_ in UNIT_NOUNS and owner is not None:
            mention = ActorMention(owner.name, owner.type, mention.start, mention.end, "unit")
        out.append(mention)
    return out


# "the army", "soldiers", "security forces" with no nation named: the forces of the state the document is about
HOME_FORCES = frozenset({"army", "military", "soldiers", "soldier", "police", "policemen", "gendarmes",
                         "security forces", "armed forces", "government forces", "government troops",
                         "junta", "regime", "air force", "security services", "paratroopers", "commandos",
                         "government", "authorities"})
HOME_MODIFIERS = frozenset({"national", "federal", "regular", "government", "security", "armed"})


def home_state(counts: dict[str, int]) -> str | None:
    """The state a document is about: named at least twice and more often than any other."""
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


def home_forces(doc: Doc, mentions: list[ActorMention], home: str | None) -> list[ActorMention]:
    """ "struck some 30 police posts", "ambushed an army patrol", "the army fought the militia": forces that
    name no state are the document's own state's."""
    if home is None:
        return mentions
    last_words = {doc.vocab.strings.add(w.split()[-1]) for w in HOME_FORCES}
    spots = [i for i, lower in enumerate(doc.to_array(LOWER).tolist()) if lower in last_words]
    if not spots:
        return mentions
    taken = {i for m in mentions for i in range(m.start, m.end)}
    added = []
    for token in (doc[i] for i in spots):
        if token.i in taken or token.pos_ != "NOUN" or not token.text.islower():
            continue
        words = token.lower_
        first = token
        if token.i > 0 and f"{doc[token.i - 1].lower_} {words}" in HOME_FORCES:
            first, words = doc[token.i - 1], f"{doc[token.i - 1].lower_} {words}"
        if words not in HOME_FORCES or (first.i > 0 and doc[first.i - 1].text == "-"):
            continue
        if any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "of") or (
                c.dep_ in ("amod", "compound", "nmod") and c.i < first.i and c.lower_ not in HOME_MODIFIERS)
               for c in token.children):
            continue  # "its soldiers", "the army of Mali", "rebel soldiers", "Wagner's troops"
        if first.i in taken or (token.dep_ == "compound" and any(
                c.dep_ in ("amod", "poss", "compound", "nmod") and c.i != token.i and c.lower_ not in HOME_MODIFIERS
                for c in token.head.children)):
            continue  # "US-backed army units", "a Turkish army base": the head's owner is named
        added.append(ActorMention(_local_state(doc, mentions, token) or home, "state", first.i, token.i + 1, "home"))
        taken.update(range(first.i, token.i + 1))
    return sorted(mentions + added, key=lambda m: m.start) if added else mentions


def _local_state(doc: Doc, mentions: list[ActorMention], token: Token) -> str | None:
    """ "In Turkey, police have raided ...": a state the sentence sets the scene in, before the force."""
    sent = token.sent
    for m in mentions:
        if m.type == "state" and sent.start <= m.start < token.i:
            root = doc[m.start : m.end].root
            if root.dep_ == "pobj" and root.head.lower_ == "in":
                return m.name
    return None


PLACE_PREPS = frozenset({"in", "near", "around", "outside", "inside", "into", "across", "toward", "towards", "from",
                         "through", "throughout", "at", "to", "of"})


def unnamed_places(doc: Doc, mentions: list[ActorMention], places: frozenset[str]) -> list[ActorMention]:
    """ "seized Aleppo", "fighting near Kidal", "overran Kidal, Gao and Timbuktu", "the port of Mocimboa da Praia":
    a known town that no mention covers (the small model left it untagged, or mistyped it and the resolver dropped
    it), where a place is expected: after a preposition of place, taken by a capture verb, or listed with such a
    place."""
    taken = {i for m in mentions if m.type != "place" for i in range(m.start, m.end)}
    places_at = {i for m in mentions if m.type in ("place", "state") for i in range(m.start, m.end)}
    blocked = taken | places_at
    added: list[ActorMention] = []
    i = 0
    while i < len(doc):
        token = doc[i]
        if token.i in blocked or token.pos_ != "PROPN" or not token.text[:1].isupper() or (
                token.dep_ == "poss") or (i > 0 and (doc[i - 1].pos_ == "PROPN" or doc[i - 1].lower_ in (
                    NAME_JOINERS - {"of", "in", "for", "and", "the"}))):
            i += 1
            continue
        end = _place_name_end(doc, i, taken, places) if token.ent_type_ not in ("DATE", "TIME") else None
        named = end is None and _after_settlement_noun(doc, i)
        if named:  # "the central Haitian town of Mirebalais": a name the small model does not know is a place
            end = _name_run_end(doc, i, taken)
        if end is None:
            i += 1
            continue
        root = doc[i:end].root
        if named or _where_a_place_is_expected(root, places_at | {a for m in added for a in range(m.start, m.end)}):
            added.append(ActorMention(doc[i:end].text, "place", i, end, "ner"))
        i = end
    if not added:
        return mentions
    # a longer name replaces the place found inside it ("Mocimboa da Praia", not "Praia")
    kept = [m for m in mentions if not any(a.start <= m.start and m.end <= a.end for a in added)]
    return sorted(kept + added, key=lambda m: m.start)


def _place_name_end(doc: Doc, start: int, taken: set[int], places: frozenset[str]) -> int | None:
    """The end of the known place name that starts at ``start`` and fills the whole run of capitalised words
    (joined by "da", "de", "al"...) there, else None ("Mocimboa da Praia", not "Praia")."""
    end = _name_run_end(doc, start, taken)
    return end if end is not None and is_place(doc[start:end].text, places) else None


def _after_settlement_noun(doc: Doc, start: int) -> bool:
    """Whether a name follows "the town of", "the port of", "the district of"."""
    return start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lemma_.lower() in SETTLEMENTS


def _name_run_end(doc: Doc, start: int, taken: set[int]) -> int | None:
    """The end of the run of capitalised words (joined by "da", "al"...) from ``start``, if it is short."""
    end = start
    while end < len(doc) and end not in taken and (
            (doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper())
            or (doc[end].lower_ in NAME_JOINERS - {"of", "in", "for", "and", "the"} and end + 1 < len(doc)
                and doc[end + 1].pos_ == "PROPN")):
        end += 1
    return end if 0 < end - start <= 4 else None


def _where_a_place_is_expected(token: Token, places_at: set[int]) -> bool:
    """After a preposition of place, as the object of a capture verb, or in a list with a place."""
    while token.dep_ == "conj" and token.head.i != token.i:
        if token.head.i in places_at:
            return True  # "Kidal, Gao and Timbuktu" after a known place
        token = token.head
    head = token.head
    return (token.dep_ == "pobj" and head.lower_ in PLACE_PREPS) or (
        token.dep_ == "dobj" and (head.lemma_.lower() in TAKING or head.lower_ in TAKING))


def governments_as_states(doc: Doc, mentions: list[ActorMention], led: dict[str, str],
                          commanded: dict[str, str] | None = None) -> list[ActorMention]:
    """ "the government of Nicolas Maduro", "Assad's regime": a ruler's government is the state he leads;
    "Machar's men", "Darassa's fighters": a commander's men are the armed group he leads.

    ``led`` maps a person to the state the gazetteer says he leads, ``commanded`` to the one armed group;
    a person it does not know stays a person.
    """
    out = []
    for mention in mentions:
        state = led.get(mention.name) if mention.type == "person" else None
        head = doc[mention.end - 1]
        group = (commanded or {}).get(mention.name) if mention.type == "person" else None
        named = any(m.start <= head.head.i < m.end for m in mentions)  # "Jibril's Justice and Equality Movement"
        if group is not None and head.dep_ == "poss" and head.head.lower_ in FOLLOWER_NOUNS and not named:
            out.append(ActorMention(group, "armed_group", mention.start, head.head.i + 1, "followers"))
            continue
        noun = None
        if state is not None and head.dep_ == "poss" and head.head.lower_ in GOVERNMENT_NOUNS | FORCE_NOUNS:
            noun = head.head  # "Maduro's government", "Assad's forces"
        elif state is not None and head.dep_ == "pobj" and head.head.lower_ == "of" and (
                head.head.head.lower_ in GOVERNMENT_NOUNS):
            noun = head.head.head  # "the government of Nicolas Maduro"
        if noun is not None and state is not None:
            start = min(mention.start, *(c.i for c in noun.lefts))
            mention = ActorMention(state, "state", start, max(mention.end, noun.i + 1), "government")
        out.append(mention)
    return out


@Language.factory("alliancegraph_actors", default_config={"gazetteer_path": ""})
def make_actor_matcher(nlp: Language, name: str, gazetteer_path: str) -> ActorMatcher:
    from .lexicon import Lexicon

    lexicon = Lexicon.load()
    return ActorMatcher(nlp, Gazetteer.load(gazetteer_path or None, lexicon.titles), lexicon.state_agents,
                        lexicon.state_agent_modifiers)


@dataclass(frozen=True)
class Resolved:
    """A candidate span given its canonical actor, or ``None`` when it is no actor."""

    name: str
    type: str
    method: str
    entry: GazetteerEntry | None = None


class ActorResolver:
    """Names the candidate spans of one document consistently.

    A person named in full once ("Ayman al-Zawahiri") is the referent of later
    partial names ("Zawahiri"); titles, articles and possessives are dropped;
    NORP entities count only when the gazetteer knows them.
    """

    def __init__(self, gazetteer: Gazetteer, not_actors: frozenset[str] = frozenset(), text: str = "",
                 known_places: frozenset[str] = frozenset()) -> None:
        self.gazetteer = gazetteer
        self.not_actors = not_actors
        self.known_places = known_places  # countries, provinces and towns (places.py)
        self.text = text  # the whole document, to choose between actors that share a name
        self.chosen: dict[str, GazetteerEntry | None] = {}
        self.places: set[str] = set()  # unknown names the small model took for a place somewhere in the document
        self.people: dict[str, str] = {}  # name part -> full name, this document
        self.also_known: dict[str, Resolved] = {}  # "Abu Ubaidah" -> Ahmed Diriye, this document
        self.armed: set[str] = set()  # unknown names this document describes as armed bodies
        self.short: dict[str, set[str]] = {}  # "Jaish" -> {Jaish-e-Mohammed}, groups named in full in this document

    def learn(self, span: Span) -> None:
        """Remember a full personal name so that its parts resolve to it, a group's short form, and the
        unknown names used as places."""
        if not span.kb_id_ and span.label_ == "place":
            self.places.add(strip_name(span.text, self.gazetteer.titles))
        resolved = self.resolve(span)
        if resolved is not None and resolved.type == "armed_group" and resolved.entry is not None:
            for name in (span.text, resolved.name):
                found = _LINKED_NAME.match(name) or _NAMED_GROUP.match(name)
                if found:
                    self.short.setdefault(found.group(1), set()).add(resolved.name)
        if resolved is None or resolved.type != "person":
            return
        parts = resolved.name.replace("-", " ").split()
        if len(parts) < 2:
            return
        for part in {parts[-1], resolved.name.split()[-1]} | ({parts[0]} if len(parts) > 2 else set()):
            self.people.setdefault(part.lower(), resolved.name)

    def short_forms(self) -> dict[str, str]:
        """Short forms that name exactly one group of this document and no person in it."""
        return {word: next(iter(names)) for word, names in self.short.items()
                if len(names) == 1 and word.lower() not in self.people and word.lower() not in self.not_actors}

    def add_short_forms(self, doc: Doc, forms: dict[str, str]) -> None:
        """Mark "Jaish" (and "Jaish's") as the group named in full elsewhere in the document."""
        if not forms:
            return
        # an unnamed entity that is just the short form ("Jaish" taken for an ORG) gives way
        spans = [s for s in doc.spans[SPANS_KEY] if s.kb_id_ or strip_name(s.text) not in forms]
        taken = {i for span in spans for i in range(span.start, span.end)}
        for token in doc:
            name = forms.get(token.text)
            if name is None or token.i in taken or (token.i + 1 < len(doc) and doc[token.i + 1].text == "-"):
                continue
            spans.append(Span(doc, token.i, token.i + 1, label="armed_group", kb_id=name))
        doc.spans[SPANS_KEY] = sorted(spans, key=lambda s: s.start)

    def learn_aliases(self, doc: Doc) -> None:
        """ "Ahmed Diriye, also known as Abu Ubaidah": the second name is the first actor's, in this document."""
        spans = list(doc.spans[SPANS_KEY])
        for first, second in zip(spans, spans[1:], strict=False):
            between = " ".join(t.lower_ for t in doc[first.end : second.start])
            if between.strip(",( ") in ("also known as", "known as", "aka", "a.k.a.", "alias"):
                named = self.resolve(first)
                if named is not None and not second.kb_id_:
                    self.also_known[second.text] = Resolved(named.name, named.type, "alias", named.entry)
        for span in spans:
            if not span.kb_id_ and span.label_ == "group" and described_as_armed(span):
                self.armed.add(strip_name(span.text, self.gazetteer.titles))
        for span in spans:
            short = _acronym_after(span)
            named = self.resolve(span) if short is not None and short.text not in self.also_known else None
            if short is not None and named is not None and named.type in ACRONYMED:
                # "the Union for Peace in the Central African Republic (UPC)": in this document UPC is that
                # group, whatever else the gazetteer knows by the letters
                self.also_known[short.text] = Resolved(named.name, named.type, "alias", named.entry)

    def add_acronyms(self, doc: Doc) -> None:
        """Mark the acronyms the document defined wherever they recur untagged ("The AA has been fighting")."""
        acronyms = {text for text, found in self.also_known.items() if text.isupper() and found.type in ACRONYMED}
        spots = [token for token in doc if token.text in acronyms] if acronyms else []
        if not spots:
            return
        spans = list(doc.spans[SPANS_KEY])
        taken = {i for span in spans for i in range(span.start, span.end)}
        added = [Span(doc, t.i, t.i + 1, label=self.also_known[t.text].type) for t in spots if t.i not in taken]
        if added:
            doc.spans[SPANS_KEY] = sorted(spans + added, key=lambda s: s.start)

    def _family_group(self, span: Span, word: str) -> Resolved | None:
        """ "Haqqani protection", "Maute fighters": a family name that also names a group of this document,
        used to modify a common noun, is the group, not the person."""
        names = self.short.get(word)
        root = span.root
        if names is None or len(names) != 1 or root.dep_ not in ("compound", "amod", "nmod"):
            return None
        if root.head.pos_ != "NOUN" or root.head.lemma_.lower() in self.gazetteer.titles:
            return None
        entry = self.gazetteer.entries.get(next(iter(names)))
        return Resolved(entry.name, entry.type, "short", entry) if entry is not None else None

    def resolve(self, span: Span) -> Resolved | None:
        if span.text in self.also_known:
            return self.also_known[span.text]
        if span.kb_id_:
            entry = self.gazetteer.entries.get(span.kb_id_)
            if span.kb_id_ in self.gazetteer.sharers:
                if span.text not in self.chosen:
                    self.chosen[span.text] = self.gazetteer.choose(span.text, self.text)
                entry = self.chosen[span.text] or entry
            if entry is not None:
                return Resolved(entry.name, entry.type, "gazetteer", entry)
            return Resolved(span.kb_id_, span.label_, "gazetteer", entry)
        text = strip_name(span.text, self.gazetteer.titles)
        if not text or not any(c.isupper() for c in text) or text.lower() in self.not_actors:
            return None
        if text.split()[-1] in DOCUMENT_NAMES:
            return None  # "the Good Friday Agreement", "the Doha Accord": a text, not an actor
        if span.label_ == "person" and text.lower().rstrip("s") in self.gazetteer.demonyms:
            return None  # "three Sri Lankan men", "the Tajiks": people of a state, no one person
        if span.label_ == "person" and " " not in text:
            text = _shared_surname(span) or text
        entry = self.gazetteer.lookup(text) or self.gazetteer.lookup_spelling(text)  # "Gamaa Islamiya"
        if entry is not None:
            return Resolved(entry.name, entry.type, "gazetteer", entry)
        group = self._family_group(span, text)
        if group is not None:
            return group
        branch = self.gazetteer.branch_titled(text)
        if branch is not None:  # "the West Africa Province": the branch the gazetteer knows by that title
            return Resolved(branch.name, branch.type, "gazetteer", branch)
        if " " not in text and text.lower() in self.people:  # "Baluku" after "Musa Baluku", whatever NER said
            return Resolved(self.people[text.lower()], "person", "coref")
        if span.label_ == "person":
            if " " not in text:
                full = self.people.get(text.lower().replace("-", " ").split()[-1])
                if full is not None:
                    return Resolved(full, "person", "coref")
            if _a_town(span, text, self.places) or is_place(text, self.known_places):
                return Resolved(text, "place", "ner")
            return Resolved(text, "person", "ner")
        if span.root.ent_type_ == "NORP" or len(text) < 2:
            return None
        if span.label_ == "group" and (_a_place(span, text, self.places) or _a_known_place(text, self.known_places)):
            return Resolved(text, "place", "ner")
        if span.label_ == "group" and _a_person_by_context(span):
            return Resolved(text, "person", "ner")
        if span.label_ == "group" and (text in self.armed or armed_name(text)):
            return Resolved(text, "armed_group", "ner")
        return Resolved(text, span.label_, "ner")


# what an unknown organisation is called when it is an armed one: "X, a Lendu militia", "X is a rebel group"
ARMED_NOUNS = frozenset({"militia", "rebel", "insurgent", "guerrilla", "faction", "insurgency", "offshoot", "splinter",
                         "outfit", "gang", "cartel", "paramilitary", "brigade", "battalion", "jihadist", "militant",
                         "separatist", "warlord"})
BODY_NOUNS = frozenset({"group", "movement", "organisation", "organization", "front", "army", "force", "network",
                        "coalition", "alliance", "umbrella", "cell", "wing", "unit", "squad"})
ARMED_MODIFIERS = frozenset({"armed", "rebel", "militant", "jihadist", "jihadi", "terrorist", "insurgent", "separatist",
                             "extremist", "islamist", "paramilitary", "guerrilla", "vigilante", "criminal", "maoist",
                             "secessionist", "self-defence", "self-defense", "defence", "defense", "resistance"})
# words that make a name an armed body's by themselves ("the Kivu Liberation Army", "the Wolf Brigade")
ARMED_NAME_WORDS = frozenset({"army", "brigade", "brigades", "militia", "militias", "warriors", "battalion",
                              "battalions", "regiment", "legion", "tigers", "mujahideen", "liberation", "guerrillas",
                              "rebels", "commandos", "jaish", "katiba", "kataib", "liwa", "jabhat", "ansar"})


ACRONYMED = frozenset({"armed_group", "group", "organization", "state_force"})


def _acronym_after(span: Span) -> Token | None:
    """The acronym in parentheses right after a name: "the Arakan Army (AA)"."""
    doc, i = span.doc, span.end
    if i + 2 >= len(doc) or doc[i].text != "(" or doc[i + 2].text != ")":
        return None
    token = doc[i + 1]
    text = token.text
    if not 2 <= len(text) <= 10 or not text[0].isupper() or sum(c.isupper() for c in text) < 2:
        return None
    return token if text.replace("-", "").isalnum() else None


def armed_name(text: str) -> bool:
    return any(w.lower() in ARMED_NAME_WORDS for w in text.replace("-", " ").split())


def _armed_noun(noun: Token) -> bool:
    lemma = noun.lemma_.lower()
    if lemma in ARMED_NOUNS:
        return True
    return lemma in BODY_NOUNS and any(c.dep_ in ("amod", "compound") and c.lower_ in ARMED_MODIFIERS
                                       for c in noun.children)


def described_as_armed(span: Span) -> bool:
    """Whether the sentence calls a name an armed body: an apposition ("X, a Lendu militia"), a copula ("X is a
    rebel group") or the noun it names ("the X militia")."""
    root = span.root
    # the parser may hang the apposition on the name's last word ("the Front for ... in Ituri, a militia")
    said = [c for t in span for c in t.children if c.dep_ == "appos" and not span.start <= c.i < span.end]
    if root.dep_ in ("appos", "compound") and root.head.pos_ == "NOUN":
        said.append(root.head)
    if root.dep_ == "nsubj" and root.head.lemma_ == "be":
        said += [c for c in root.head.children if c.dep_ == "attr"]
    if (named := self_named_noun(root)) is not None:
        said.append(named)  # "a militia calling itself X"
    return any(_armed_noun(noun) for noun in said if noun.pos_ == "NOUN")


def self_named_noun(name: Token) -> Token | None:
    """The noun that gives itself a name: "a *militia* calling itself X", "the *faction*, which calls itself X"."""
    verb = name.head
    if name.dep_ not in ("oprd", "attr", "dobj", "appos") or verb.lemma_.lower() not in SELF_NAMING or not any(
            c.lower_ in ("itself", "themselves") for c in verb.children):
        return None
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    if verb.dep_ in ("acl", "relcl"):
        return verb.head
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)


PERSON_ROLES = frozenset({"leader", "commander", "chief", "founder", "spokesman", "spokesperson", "deputy", "emir",
                          "head", "preacher", "cleric", "warlord", "lieutenant", "ideologue", "negotiator", "brother",
                          "son", "father", "successor", "predecessor"})


def _a_person_by_context(span: Span) -> bool:
    """ "Its leader, Lucas Ayaba Cho, who ...": a name the small model took for an organisation but the sentence
    treats as a man (a role noun it stands in apposition with, "who" after it), with no body word in it."""
    if any(t.lower_ in BODY_WORDS or t.lower_ in ARMED_HEADS for t in span) or not 2 <= len(span) <= 4:
        return False
    root = span.root
    if root.dep_ == "appos" and root.head.lemma_.lower() in PERSON_ROLES:
        return True
    if root.dep_ == "pobj" and (root.head.lower_ == "under" or (
            root.head.dep_ == "agent" and root.head.head.lemma_ in ("lead", "head", "command"))):
        return True  # "the Provisional IRA under Sean Mac Stiofain", "a faction led by X"
    if any(c.dep_ == "appos" and c.lemma_.lower() in PERSON_ROLES for c in root.children):
        return True
    return any(c.dep_ == "relcl" and any(g.lower_ in ("who", "whom") and g.i > root.i for g in c.children)
               for c in root.children)


LOCATIVE = frozenset({"in", "at", "near", "around", "outside", "inside", "into", "across", "throughout", "towards",
                      "toward", "from"})
BODY_WORDS = frozenset({"army", "front", "party", "movement", "group", "forces", "force", "brigade", "brigades",
                        "council", "union", "organization", "organisation", "committee", "league", "alliance",
                        "coalition", "government", "ministry", "agency", "service", "services", "court", "centre",
                        "center", "institute", "foundation", "network", "commission", "guard", "guards", "militia",
                        "battalion", "unit", "command", "jamaat", "jamath", "jama'at", "tanzim", "harakat", "jabhat",
                        "jaish", "katiba", "liwa", "hizb", "hezb", "ansar"})


# buildings and institutions named like organisations: what is attacked there is a place
INSTITUTIONS = frozenset({"university", "college", "school", "academy", "hospital", "clinic", "hotel", "mosque",
                          "church", "cathedral", "temple", "synagogue", "shrine", "airport", "airfield", "stadium",
                          "market", "mall", "station", "prison", "jail", "camp", "hall", "theatre", "theater"})


def _a_place(span: Span, text: str, places: set[str]) -> bool:
    """An unknown name the small model took for an organisation that is a place: one it calls a place elsewhere
    in the document, or a plain name where a place stands ("fighting near Bamenda").  An acronym, a name with
    "the", or one with a word for a body ("Council", "Front") stays a group."""
    words = text.replace("-", " ").split()
    if text.isupper() or any(w.lower() in BODY_WORDS for w in words):
        return False
    if text in places or (len(words) >= 2 and words[-1].lower() in INSTITUTIONS):
        return True  # "Garissa University College", "the Radisson Hotel": a place struck, not a party
    before = span.doc[span.start - 1] if span.start > 0 else None
    root = span.root
    return (before is not None and before.lower_ != "the" and len(words) <= 2 and root.dep_ == "pobj"
            and root.head.lower_ in LOCATIVE)


# nouns for a settlement or an area whose name follows "of": "the town of Mirebalais", "the port of Hodeidah"
SETTLEMENTS = frozenset({"town", "city", "village", "port", "district", "province", "region", "county",
                         "municipality", "enclave", "settlement", "hamlet", "island", "oasis", "valley", "governorate",
                         "prefecture", "department", "commune"})
TAKING = frozenset({"retake", "retook", "recapture", "seize", "capture", "overrun", "storm", "take", "liberate",
                    "besiege"})  # "retook": the small model has no lemma for it


def _a_known_place(text: str, known: frozenset[str]) -> bool:
    """A name the small model took for an organisation that is a country, a province or a town, unless it
    has a word for a body ("Sinjar" is a place, "Sinjar Resistance Units" a group)."""
    return is_place(text, known) and not any(w.lower() in BODY_WORDS for w in text.replace("-", " ").split())


def _a_town(span: Span, text: str, places: set[str]) -> bool:
    """An unknown "person" that is a town: one the document calls a place elsewhere, one a place preposition
    governs ("fighting near Bamenda", but not "from" or "by", which people follow too), or what is taken
    ("retook Adan Yabaal")."""
    if text in places:
        return True
    root = span.root
    if root.dep_ == "pobj":
        return root.head.lower_ in LOCATIVE - {"from"} and not any(c.dep_ == "poss" for c in root.children)
    return root.dep_ == "dobj" and root.head.lemma_.lower() in TAKING

