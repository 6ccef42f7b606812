"""Reference within a document: descriptions and pronouns that stand for an actor.

No offline coreference model exists for this pipeline, so this is a
heuristic, documented here and tested on its own (tests/extract/test_references.py).
The resolver reads a document's sentences in order and remembers the actors
named so far:

* **descriptions** -- "the group", "the terror group", "the insurgent group",
  "the faction", "the movement", "the militants" -- stand for the armed group
  most recently named;
* "the two groups", "both factions" stand for the last two armed groups;
* **pronouns** -- "it", "its" stand for the last organisation-like actor
  (armed group, state, state force, organisation); "they", "their", "them"
  for the last armed group, or for both members of a pair named together
  ("al-Qaeda and the Taliban ... they"); "he", "his", "him" for the last
  person.  A possessive before the subject it points to ("Through *its*
  alliance with the Taliban, al-Qaeda ...") points forward to that subject.
  The expletive "it" ("it is unclear whether") stands for nothing.

A resolved description or pronoun becomes an :class:`ActorMention` with the
method ``description`` or ``pronoun``; the second member of a pair is added at
the same position with the method ``plural``.  Pronoun mentions fill parse
positions (subject, object, possessor) only: the nearest-actor fallback of the
relation rules never uses them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from spacy.tokens import Span, Token

from .actors import self_named_noun
from .context import LOCATIVE, ActorMention

GROUP_NOUNS = frozenset({"group", "organization", "organisation", "movement", "insurgency", "faction", "network",
                         "militia", "outfit", "franchise", "affiliate", "branch", "offshoot", "splinter"})
# members in the plural stand for their group ("the separatists control Aden"); one member does not
MEMBER_NOUNS = frozenset({"militant", "insurgent", "jihadist", "guerrilla", "rebel", "separatist", "extremist",
                          "terrorist"})
# the men of an armed group, never of a state: "its gunmen" are a group's
IRREGULARS = MEMBER_NOUNS | {"gunman", "fighter", "cadre", "militiaman"}
# nouns that name what kind of body a group is: "the movement" is the recent group that calls itself one
KIND_NOUNS = frozenset({"movement", "network", "militia", "organization", "organisation", "insurgency", "front",
                        "army", "party"})
# kinds that "the <word>" stands for only when the group in view calls itself one: "the party" for Hezbollah,
# the Party of God; never "the army", which mostly means a state's
CALLED_KINDS = frozenset({"party", "front"})
# the head words of bodies' names that "the <word>" stands for when a recent actor's own name has it ("the
# council" after "the Deir ez-Zor Military Council"); not "army" or "force", which mostly mean a state's
NAMED_KINDS = frozenset({"coalition", "alliance", "council", "front", "party", "union", "league", "committee",
                         "brigade", "brigades", "cartel", "gang"})
PAIR_NOUNS = frozenset({"group", "faction", "movement", "organization", "organisation", "ally", "rival",
                        "partner", "militia", "camp", "front", "party", "wing", "outfit", "network", "insurgency",
                        "unit"})
GROUP_TYPES = frozenset({"armed_group"})  # a description never stands for an unknown organisation
ORGANISED = frozenset({"armed_group", "group", "state", "state_force", "organization"})
# the parts of speech a description or pronoun can be ("the group", "it", "the two", "both")
REFERRING_POS = frozenset({"NOUN", "PRON", "NUM", "DET"})
DESCRIBING = GROUP_NOUNS | KIND_NOUNS | PAIR_NOUNS | NAMED_KINDS | MEMBER_NOUNS | CALLED_KINDS | {"side"}
IT = frozenset({"it", "its", "itself"})
THEY = frozenset({"they", "their", "them", "themselves"})
HE = frozenset({"he", "his", "him", "himself"})
# "the Islamic State's Somali branch", "the al-Qaeda affiliate": a part of a named group
AFFILIATE_NOUNS = frozenset({"affiliate", "branch", "franchise", "province", "wing", "offshoot", "chapter"})


@dataclass(frozen=True)
class Affiliates:
    """What the gazetteer knows of branches, for "the Islamic State's Somali branch"."""

    parents: Mapping[str, str] = field(default_factory=dict)  # a branch -> the group it belongs to
    regions: Mapping[str, str] = field(default_factory=dict)  # a group -> its region ("Somalia")
    places: Mapping[str, str] = field(default_factory=dict)  # "somali", "somalia" -> "Somalia"
    named: frozenset[str] = frozenset()  # the actors the document names somewhere
    # read from the above once, not at each description: a group -> its branches; "west africa" -> the region
    children: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    region_names: Mapping[str, str] = field(default_factory=dict)
    states: frozenset[str] = frozenset()  # the places' states

    def __post_init__(self) -> None:
        if self.parents and not self.children:
            children: dict[str, tuple[str, ...]] = {}
            for child, owner in self.parents.items():
                children[owner] = (*children.get(owner, ()), child)
            object.__setattr__(self, "children", children)
        if self.regions and not self.region_names:
            object.__setattr__(self, "region_names", {r.lower(): r for r in self.regions.values()})
        if self.places and not self.states:
            object.__setattr__(self, "states", frozenset(self.places.values()))

    def branch_of(self, parent: str, modifiers: list[str], title: str | None = None) -> str | None:
        """The branch of ``parent`` whose name ends in ``title`` ("West Africa Province"), else the one in the
        place a modifier names, else the one branch the document names."""
        branches = self.children.get(parent, ())
        titled = [b for b in branches if title and b.lower().endswith(" " + title.lower())]
        if len(titled) == 1:
            return titled[0]
        regions = self.region_names  # "West Africa", a region of no one state
        places = {self.places.get(m.lower()) or regions[m.lower()] for m in modifiers
                  if m.lower() in self.places or m.lower() in regions}
        local = [b for b in branches if self.regions.get(b) in places]
        if len(local) > 1:  # "the Sahel affiliate": of the region's branches, the one the document names
            local = [b for b in local if b in self.named]
        if local or self.states & places:  # "Somali branch": the branch of that state, or none
            return local[0] if len(local) == 1 else None
        named = [b for b in branches if b in self.named]
        return named[0] if len(named) == 1 else None


REPORTING_NOUNS = frozenset({"estimate", "report", "figure", "assessment", "data", "official", "source", "monitor",
                             "investigator", "team", "panel", "survey", "intelligence", "analyst"})
RAISING = frozenset({"be", "seem", "appear", "remain", "take", "make"})


def counted_as_two(noun: Token) -> bool:
    """ "the two groups", "both rivals": a plural noun that counts a pair."""
    return noun.tag_ == "NNS" and any(c.lower_ in ("two", "both") for c in noun.children)


def _modifies_pair(mention: ActorMention, sent: Span) -> bool:
    """ "the two ex-Seleka groups": a name that only says what kind the pair is, not a new actor in view."""
    root = sent.doc[mention.start : mention.end].root
    noun = root.head
    return root.dep_ in ("compound", "amod", "nmod") and noun.lemma_.lower() in PAIR_NOUNS and counted_as_two(noun)


def _name_words(name: str) -> set[str]:
    return set(name.lower().replace("-", " ").split())


def _head_word(name: str) -> str:
    """The last word of a name, before any bracketed qualifier: "alliance" in "Three Brotherhood Alliance"."""
    words = name.split(" (")[0].lower().replace("-", " ").split()
    return words[-1] if words else ""


def _plural_people_before(token: Token, mentions: list[ActorMention]) -> bool:
    """A plural subject earlier in the sentence that names no actor ("officials", "residents") is what a
    later "they" means."""
    named = {i for m in mentions for i in range(m.start, m.end)}
    parties = {i for m in mentions if m.type not in ("place", "state") for i in range(m.start, m.end)}
    for other in reversed(list(token.sent)[: token.i - token.sent.start]):
        if other.dep_ in ("nsubj", "nsubjpass") and other.tag_ == "NNS" and other.i not in named:
            return not any(c.i in parties for c in other.subtree)  # "Hamas fighters said they": Hamas
        if other.i in named and other.dep_ in ("nsubj", "nsubjpass"):
            return False
    return False


def _named_possession(owner: ActorMention, sent: Span, groups: list[ActorMention]) -> ActorMention | None:
    """ "A and al-Qaeda's Sahel coalition, JNIM": the pair's second member is the possession named after it."""
    doc = sent.doc
    root = doc[owner.end - 1]
    if root.dep_ != "poss":
        return None
    noun = root.head
    # the apposition, or the name set off by commas right after the noun (the parser often hangs it elsewhere)
    spots = [c.i for c in noun.children if c.dep_ == "appos"]
    if noun.i + 2 < len(doc) and doc[noun.i + 1].text == ",":
        spots.append(noun.i + 2)
    return next((m for i in spots for m in groups if m.start <= i < m.end and m != owner), None)


def _conjunct_before(token: Token, mentions: list[ActorMention]) -> ActorMention | None:
    """ "the Governing Council and its armed wing": a possessive right after "X and" is X's."""
    if token.lower_ != "its" or token.i < 2 or token.doc[token.i - 1].lower_ not in ("and", "or"):
        return None
    return next((m for m in mentions if m.end == token.i - 1 and m.type in ORGANISED), None)


def _self_naming(sent: Span, mentions: list[ActorMention]) -> dict[int, ActorMention]:
    """ "A splinter calling itself X", "the faction, which now calls itself X": the noun and its "itself" stand
    for the name (by the index of their token)."""
    found: dict[int, ActorMention] = {}
    for mention in mentions:
        name = sent.doc[mention.start : mention.end].root
        noun = self_named_noun(name)
        if noun is None or noun.pos_ != "NOUN" or mention.start <= noun.i < mention.end:
            continue
        found[noun.i] = mention
        found.update({c.i: mention for c in name.head.children if c.lower_ in ("itself", "themselves")})
    return found


def _is_expletive(token: Token) -> bool:
    """ "it is unclear whether", "it seems that", "it took years": an ``it`` that stands for nothing."""
    if token.dep_ == "expl":
        return True
    head = token.head
    if token.lower_ == "it" and token.dep_ == "nsubj" and head.lemma_ == "be" and any(
            c.dep_ == "attr" and any(g.dep_ == "relcl" for g in c.children) for c in head.children):
        return True  # a cleft: "it is not only the Pakistani Taliban who are presenting it"
    if token.lower_ != "it" or head.lemma_.lower() not in RAISING:
        return False
    # the clause "it" stands for follows the verb; one before it is another clause ("X is odd: it is ...")
    return any(c.dep_ in ("ccomp", "xcomp", "acomp", "csubj") and c.i > head.i for c in head.children)


def _in_main_clause(token: Token) -> bool:
    """Whether a subject belongs to the sentence's main clause (its root verb, or a verb conjoined to it)."""
    verb = token.head.head if token.dep_ in ("poss", "appos", "compound") else token.head
    while verb.dep_ == "conj" and verb.head != verb:
        verb = verb.head
    return verb.dep_ == "ROOT"


def _is_subject(token: Token) -> bool:
    """A subject, or the possessor of one ("the Taliban's coffers are ...")."""
    if token.dep_ in ("nsubj", "nsubjpass"):
        return True
    if token.dep_ == "compound" and token.head.lemma_.lower() in REPORTING_NOUNS:
        return False  # "UN estimates put its strength at ...": the estimates speak, about someone else
    return token.dep_ in ("poss", "appos", "compound") and token.head.dep_ in ("nsubj", "nsubjpass")


def _named_in_parentheses(sent: Span, mentions: list[ActorMention]) -> list[tuple[ActorMention, ActorMention]]:
    """ "The Islamic State faction in Somalia (ISIL-Somalia)": the name in parentheses says which group the
    description before it is; returns (description, renamed) pairs."""
    doc = sent.doc
    renamed: list[tuple[ActorMention, ActorMention]] = []
    for named in mentions:
        if (named.type != "armed_group" or named.start - 2 < sent.start or named.end >= sent.end
                or doc[named.start - 1].text != "(" or doc[named.end].text != ")"):
            continue
        token = doc[named.start - 2]
        path = [token]
        while token.dep_ in ("pobj", "prep") and token.head.i != token.i and len(path) < 4:
            token = token.head  # "faction in Somalia (...)": the parenthesis hangs on the place
            path.append(token)
        for mention in mentions:
            if mention.method == "description" and mention.name != named.name and any(
                    mention.covers(t) for t in path):
                renamed.append((mention, replace(mention, name=named.name, type=named.type)))
                break
    return renamed


class DescriptionResolver:
    """Remembers the actors named so far in a document and links descriptions and pronouns to them."""

    def __init__(self, kinds: Mapping[str, frozenset[str]] | None = None, affiliates: Affiliates | None = None,
                 ) -> None:
        self.kinds = kinds or {}  # a group's name -> the KIND_NOUNS its own names use
        self.affiliates = affiliates or Affiliates()
        self.last_group: ActorMention | None = None
        self.last_group_age = 0
        self.last_organised: ActorMention | None = None
        self.last_person: ActorMention | None = None
        self.topic: ActorMention | None = None  # the last organised subject, this sentence or the one before
        self.topic_age = 0
        self.main_topic = False  # whether this sentence's main-clause subject has been seen
        self.group_topic: ActorMention | None = None  # the last armed group that was a subject, lately
        self.group_topic_age = 0
        self.groups: list[str] = []  # distinct armed groups, most recent last
        self.pair: tuple[ActorMention, ActorMention] | None = None
        self.pair_age = 0
        self.described: dict[str, ActorMention] = {}  # "faction" -> the group last called a faction
        self.recent: list[ActorMention] = []  # organised actors, most recent last
        self.people: list[ActorMention] = []

    def _remember(self, mention: ActorMention, sent: Span) -> None:
        if mention.type == "person":
            self.last_person = mention
            self.people = [m for m in self.people[-5:] if m.name != mention.name] + [mention]
            return
        head = sent.doc[mention.start : mention.end].root
        if mention.type == "state" and head.dep_ == "pobj" and head.head.lower_ in LOCATIVE | {"to"}:
            return  # "its branch in Syria": a place named in passing is no antecedent
        if mention.type in ORGANISED:
            self.last_organised = mention
            self.recent = [m for m in self.recent[-5:] if m.name != mention.name] + [mention]
            root = sent.doc[mention.start : mention.end].root
            # the main clause's subject is the topic; a subordinate clause's ("when A and B merged") does
            # not displace it
            if _is_subject(root) and (_in_main_clause(root) or not self.main_topic):
                self.topic, self.topic_age = mention, 0
                self.main_topic = self.main_topic or _in_main_clause(root)
                if mention.type in GROUP_TYPES:
                    self.group_topic, self.group_topic_age = mention, 0
        if mention.type in GROUP_TYPES:
            self.last_group, self.last_group_age = mention, 0
            if self.pair is not None and mention.name not in (self.pair[0].name, self.pair[1].name):
                self.pair = None
            noun = sent.doc[mention.end] if mention.end < sent.end else None
            if noun is not None and noun.lemma_.lower() in GROUP_NOUNS:
                self.described[noun.lemma_.lower()] = mention  # "the Haqqani Network faction"
        if mention.type == "armed_group":
            if mention.name in self.groups:
                self.groups.remove(mention.name)
            self.groups.append(mention.name)

    def _organised(self) -> ActorMention | None:
        """What "it" most likely means: the recent subject, else the last organisation named."""
        return self.topic if self.topic is not None and self.topic_age <= 1 else self.last_organised

    def _group(self) -> ActorMention | None:
        topic = self.topic if self.topic is not None and self.topic_age <= 1 else None
        if topic is not None and topic.type in GROUP_TYPES:
            return topic
        # "X was killed; his successor still leads the group": a person's sentence keeps the group in view
        recent = self.group_topic if self.group_topic is not None and self.group_topic_age <= 2 else None
        if recent is not None and self.last_group is not None and self.last_group_age < self.group_topic_age <= 2:
            return self.last_group  # "Consider Jaish-e-Mohammed. The group ...": named since the topic was
        return recent or self.last_group

    def _kin(self, kinds: set[str]) -> ActorMention | None:
        """The body "the alliance", "the council" stands for: a name that ends in the word ("the Three Brotherhood
        Alliance", not "the ... Alliance Army") among the recent actors, then among all the groups named so far;
        else a recent name that has the word anywhere."""
        recent = [m for m in reversed(self.recent) if m.type not in ("state", "state_force")]
        ending = next((m for m in recent if _head_word(m.name) in kinds), None)
        group = next((g for g in reversed(self.groups) if _head_word(g) in kinds), None)
        if ending is None and group is not None:
            ending = ActorMention(group, "armed_group", 0, 0, "description")
        return ending or next((m for m in recent if kinds & _name_words(m.name)), None)

    def group_in_view(self) -> ActorMention | None:
        """The armed group "the group" would stand for at this point of the document."""
        return self._group()

    def _copy(self, antecedent: ActorMention, start: int, end: int, method: str) -> ActorMention:
        return ActorMention(antecedent.name, antecedent.type, start, end, method)

    def resolve(self, sent: Span, mentions: list[ActorMention]) -> list[ActorMention]:
        """The sentence's mentions plus those its descriptions and pronouns stand for, in token order."""
        found = list(mentions)
        taken = {i for m in mentions for i in range(m.start, m.end)}
        by_start = {m.start: m for m in mentions}
        self.topic_age += 1
        self.main_topic = False
        self.group_topic_age += 1
        self.last_group_age += 1
        self.pair_age += 1
        pending = self._find_pair(sent, mentions)
        # "a militia calling itself the Bui Warriors": the noun and "itself" are the name
        self_named = _self_naming(sent, mentions)
        for token in sent:
            if pending is not None and token.i >= pending[1].end:
                self.pair, self.pair_age, pending = pending, 0, None
            named = by_start.get(token.i)
            if named is not None:
                if not _modifies_pair(named, sent):
                    self._remember(named, sent)
                continue
            if token.i in self_named and token.i not in taken:
                start = token.i if token.pos_ == "PRON" else min([token.i] + [
                    c.i for c in token.children if c.dep_ in ("det", "amod", "compound", "nummod")])
                mention = self._copy(self_named[token.i], start, token.i + 1, "description")
                self._remember(mention, sent)
                found.append(mention)
                continue
            # "the Islamic State's West Africa Province", which the small model takes for a place
            named_place = token.pos_ == "PROPN" and any(m.type == "place" and m.end == token.i + 1 for m in found)
            if (token.i in taken and not named_place) or token.pos_ not in REFERRING_POS | {"PROPN"}:
                continue
            branch = self._branch(token, found)
            if token.pos_ == "PROPN" and not branch:
                continue
            if branch:
                self._remember(branch[0], sent)
            found.extend(branch or self._refer(token, sent, mentions))
        if pending is not None:
            self.pair, self.pair_age = pending, 0
        for old, new in _named_in_parentheses(sent, found):
            found[found.index(old)] = new
            self._remember(new, sent)
        return sorted(found, key=lambda m: (m.start, m.method == "plural"))

    def _branch(self, token: Token, found: list[ActorMention]) -> list[ActorMention]:
        """ "The Islamic State's Somali branch", "its branch in Somalia": the branch of that group the gazetteer
        knows, if just one fits."""
        if token.pos_ not in ("NOUN", "PROPN") or token.lemma_.lower() not in AFFILIATE_NOUNS or (
                not self.affiliates.parents):
            return []
        owners = [m for m in found for c in token.children
                  if c.dep_ in ("poss", "compound", "nmod") and m.covers(c) and m.type in GROUP_TYPES]
        if not owners or any(c.dep_ == "appos" for c in token.children):
            return []  # "its branch, ISKP" names it already
        modifiers = [c.text for c in token.children if c.dep_ in ("amod", "compound") and not c.ent_type_ == "ORG"]
        modifiers += [f"{a.text} {c.text}" for c in token.children if c.dep_ in ("amod", "compound")
                      for a in c.children if a.dep_ in ("amod", "compound")]  # "West African"
        modifiers += [g.text for p in token.children if p.dep_ == "prep" and p.lower_ == "in"
                      for g in p.children if g.dep_ == "pobj"]  # "its branch in Somalia"
        compounds = [c.left_edge.i for c in token.children if c.dep_ == "compound"]
        title = token.doc[min(compounds, default=token.i) : token.i + 1].text  # "West Africa Province"
        branch = self.affiliates.branch_of(owners[0].name, modifiers, title if token.pos_ == "PROPN" else None)
        if branch is None or branch == owners[0].name:
            return []
        start = token.i
        if token.pos_ == "PROPN":  # "its Somalia Province": the place is part of the branch's name
            places = [m for m in found if m.type in ("place", "state") and m.end in (token.i, token.i + 1)]
            for place in places:
                found.remove(place)
                start = min(start, place.start)
        return [ActorMention(branch, "armed_group", start, token.i + 1, "description")]

    def _find_pair(self, sent: Span, mentions: list[ActorMention]) -> tuple[ActorMention, ActorMention] | None:
        """Two armed groups or states coordinated in this sentence ("A and B") are what a later "they" means
        (from the end of the pair on: "they broke with X, as did A and B" is someone else)."""
        groups = [m for m in mentions if m.type in GROUP_TYPES | {"state", "state_force"}]
        for first, second in zip(groups, groups[1:], strict=False):
            between = sent.doc[first.end : second.start]
            root = sent.doc[first.start : first.end].root
            if root.dep_ == "pobj" and root.head.lower_ in LOCATIVE:
                continue  # "US forces in Iraq and Syria": places, not a pair that acts
            if first.name != second.name and len(between) <= 2 and any(t.lower_ in ("and", "&") for t in between):
                return first, _named_possession(second, sent, groups) or second
        return None

    def _refer(self, token: Token, sent: Span, mentions: list[ActorMention]) -> list[ActorMention]:
        word = token.lower_
        if word == "both" and token.dep_ in ("pobj", "dobj", "nsubj") and self.pair is not None and self.pair_age <= 1:
            first, second = self.pair  # "Hezbollah says it coordinates with both"
            return [self._copy(first, token.i, token.i + 1, "pronoun"),
                    self._copy(second, token.i, token.i + 1, "plural")]
        if token.pos_ == "PRON" or token.tag_ in ("PRP", "PRP$"):
            if word in IT and not _is_expletive(token):
                joined = _conjunct_before(token, mentions)
                if joined is not None:  # "Hamas and its allies": the actor just named
                    return [self._copy(joined, token.i, token.i + 1, "pronoun")]
                forward = self._forward_subject(token, sent, mentions)
                antecedent = forward or self._organised()
                other = self._other_than_subject(token, mentions, self.recent)
                antecedent = other or antecedent
                antecedent = self._not_own_subject(token, antecedent, mentions, self.recent)
                antecedent = self._not_the_speakers(token, antecedent, sent)
                antecedent = self._armed_owner(token, antecedent)
                if antecedent is None:
                    return []
                mention = self._copy(antecedent, token.i, token.i + 1, "pronoun")
                if _is_subject(token):
                    self._remember(mention, sent)  # "It is believed to ...": the subject stays the topic
                return [mention]
            if word in THEY:
                if _plural_people_before(token, mentions):
                    return []  # "officials in Islamabad celebrated what they assumed": the officials
                if self.pair is not None and self.pair_age <= 1:
                    first, second = self.pair
                    return [self._copy(first, token.i, token.i + 1, "pronoun"),
                            self._copy(second, token.i, token.i + 1, "plural")]
                group = self._group()
                return [self._copy(group, token.i, token.i + 1, "pronoun")] if group else []
            if word in HE and self.last_person is not None:
                person = self._other_than_subject(token, mentions, self.people) or self.last_person
                return [self._copy(person, token.i, token.i + 1, "pronoun")]
            return []
        if word == "two" and token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") and any(
                c.lower_ == "the" for c in token.children):  # "The two have clashed repeatedly": the pair just named
            start = min(c.i for c in token.children if c.lower_ == "the")
            if self.pair is not None and self.pair_age <= 1:
                return [self._copy(self.pair[0], start, token.i + 1, "description"),
                        self._copy(self.pair[1], start, token.i + 1, "plural")]
            return []
        if token.pos_ != "NOUN":
            return []
        lemma = token.lemma_.lower()
        if lemma not in DESCRIBING:
            return []  # no noun but these describes an actor (most nouns of a sentence: skip them at once)
        dets = [c for c in token.children if c.dep_ in ("det", "nummod", "predet") or c.lower_ == "both"]
        words = {c.lower_ for c in dets}
        start = min([token.i] + [c.i for c in token.children
                                 if c.dep_ in ("det", "amod", "compound", "nummod", "predet")])
        if any(c.dep_ in ("compound", "amod", "nmod") and c.ent_type_ for c in token.children) and not (
                words & {"two", "both"} and token.tag_ == "NNS"):
            return []  # "the Islamic State faction": a name, not a description; "the two ex-Seleka groups" is one
        left = token.doc[min(t.i for t in token.subtree)]
        beside = left.i >= 2 and token.doc[left.i - 1].text == "," and token.dep_ != "poss"
        if beside and lemma in GROUP_NOUNS | KIND_NOUNS:
            named = next((m for m in mentions if m.end == left.i - 1 and m.type in GROUP_TYPES), None)
            if named is not None:  # "Ansaru, the al-Qaeda-aligned group": the name it is set beside
                return [self._copy(named, left.i, token.i + 1, "description")]
        plural = token.tag_ == "NNS" and "the" in words and lemma in PAIR_NOUNS
        if plural and not words & {"two", "both"} and len(self.groups) >= 2:
            return [ActorMention(self.groups[-2], "armed_group", start, token.i + 1, "description"),
                    ActorMention(self.groups[-1], "armed_group", start, token.i + 1, "plural")]
        if (words & {"two", "both"} and lemma in PAIR_NOUNS) or (words & {"two", "both", "neither", "either", "each"}
                                                                and lemma == "side"):
            # "the two sides": the two parties just named together, states as much as groups
            found = self._pair_for(GROUP_TYPES | {"group"}) if lemma != "side" else (
                self.pair if self.pair is not None and self.pair_age <= 1 else None)
            if found is not None:
                older, newer = found
                return [self._copy(older, start, token.i + 1, "description"),
                        self._copy(newer, start, token.i + 1, "plural")]
        if lemma in NAMED_KINDS and words & {"the", "this", "that"} and (
                token.tag_ != "NNS" or token.lower_ in NAMED_KINDS) and not any(
                c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
            kin = None if any(c.dep_ in ("compound", "amod") and c.pos_ == "PROPN" for c in token.children) else (
                self._kin({lemma, token.lower_}))  # "the Wharf Jeremie gang" names a gang of its own
            if kin is not None:  # "the Coalition of Patriots for Change ... the coalition's coordinator"
                mention = self._copy(kin, start, token.i + 1, "description")
                self._remember(mention, sent)
                return [mention]
        antecedent = self.described.get(lemma) or self._group()
        if lemma in KIND_NOUNS and antecedent is not None and lemma not in self.kinds.get(antecedent.name, ()):
            # "the Haqqani Network, the Taliban faction ..., the movement's deputy": the group called a movement
            kind = [name for name in self.groups[-4:] if lemma in self.kinds.get(name, ())]
            if kind:
                antecedent = ActorMention(kind[-1], "armed_group", 0, 0, "description")
        subject = self._clause_subject(token, mentions)
        if token.dep_ == "poss" and token.head.dep_ == "appos" and antecedent is not None:
            other = self._other_than_subject(token, mentions, [m for m in self.recent if m.type in GROUP_TYPES])
            antecedent = other or antecedent  # "X, the group's regional branch": the group is not X
        if antecedent is not None and subject is not None and antecedent.name == subject:
            # "al-Qaeda is providing skills to the insurgent group": an object is not its own clause's subject
            others = [name for name in self.groups if name != subject]
            antecedent = ActorMention(others[-1], "armed_group", 0, 0, "description") if others else None
        described = lemma in GROUP_NOUNS or (lemma in MEMBER_NOUNS and token.tag_ == "NNS") or (
            lemma in CALLED_KINDS and antecedent is not None and lemma in self.kinds.get(antecedent.name, ()))
        if words & {"the", "this", "that"} and described and antecedent is not None:
            if any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
                return []  # "the faction of the Taliban" names a part, not the group itself
            mention = self._copy(antecedent, start, token.i + 1, "description")
            self._remember(mention, sent)
            return [mention]
        return []

    def _pair_for(self, kinds: frozenset[str]) -> tuple[ActorMention, ActorMention] | None:
        """What "the two groups" means: the pair just joined by "and", else the last two distinct actors of
        ``kinds`` named or described (known to the gazetteer or not)."""
        if self.pair is not None and self.pair_age <= 1:
            return self.pair
        last: list[ActorMention] = []
        for mention in reversed(self.recent):
            if mention.type in kinds and all(m.name != mention.name for m in last):
                last.append(mention)
            if len(last) == 2:
                return last[1], last[0]
        if len(self.groups) < 2:
            return None
        return (ActorMention(self.groups[-2], "armed_group", 0, 0, "description"),
                ActorMention(self.groups[-1], "armed_group", 0, 0, "description"))

    def _clause_subject(self, token: Token, mentions: list[ActorMention]) -> str | None:
        """For a noun in object position, the actor that is its clause's subject."""
        if token.dep_ not in ("dobj", "pobj", "dative"):
            return None
        verb = token.head.head if token.dep_ == "pobj" else token.head
        for _ in range(4):  # "Houthi officials deny any contact with the group": up through the nouns to the verb
            if verb.pos_ in ("VERB", "AUX") or verb.dep_ not in ("dobj", "pobj", "prep", "attr") or verb.head == verb:
                break
            verb = verb.head
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        for _ in range(3):  # "has refused to talk to it", "and has refused ...": the governing verb's subject
            if subjects or verb.dep_ not in ("xcomp", "conj") or verb.head == verb:
                break
            verb = verb.head
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects:
            return None
        # the subject's own name, or the name on it ("Houthi officials", "the group's leaders")
        words = [subjects[0], *(c for c in subjects[0].children if c.dep_ in ("compound", "poss", "amod"))]
        own = next((m for w in words for m in mentions if m.start <= w.i < m.end), None)
        return own.name if own is not None else None

    def _other_than_subject(self, token: Token, mentions: list[ActorMention], recent: list[ActorMention],
                            ) -> ActorMention | None:
        """ "X continues to function as its affiliate", "X, its regional branch": a possessive in X's own predicate
        or apposition is someone else."""
        noun = token.head
        if token.dep_ == "poss" and noun.dep_ == "appos":
            named = next((m for m in mentions if m.start <= noun.head.i < m.end), None)
            if named is None:
                return None
            others = [m for m in recent if m.name != named.name]
            return others[-1] if others else None
        predicate = noun.dep_ in ("attr", "oprd") or (noun.dep_ == "pobj" and noun.head.lower_ == "as")
        if token.dep_ != "poss" or not predicate:
            return None
        verb = noun.head if noun.dep_ != "pobj" else noun.head.head
        cast = next((m for c in verb.children if c.dep_ == "dobj" for m in mentions if m.start <= c.i < m.end), None)
        if noun.dep_ == "pobj" and cast is not None:  # "Iran regards Hamas as its ally": the one cast is not "its"
            others = [m for m in [*recent, *mentions] if m.name != cast.name and m.start < token.i]
            return others[-1] if others else None
        while verb.dep_ in ("xcomp", "conj") and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            verb = verb.head
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects:
            return None
        own = next((m for m in mentions if m.start <= subjects[0].i < m.end), None)
        beside = [c.i for c in subjects[0].children if c.dep_ == "appos"]
        if own is None and any(m.type == "person" and m.start <= i < m.end for m in mentions for i in beside):
            return None  # "The party's deputy, X, was named its leader": the man's body, not another
        subject_actor = own or self._group()
        name = subject_actor.name if subject_actor is not None else None
        others = [m for m in recent if m.name != name]
        return others[-1] if others else None

    def _not_own_subject(self, token: Token, antecedent: ActorMention | None, mentions: list[ActorMention],
                         recent: list[ActorMention]) -> ActorMention | None:
        """ "The United States still lists it as a terrorist group": an object pronoun that is not reflexive is
        not its own clause's subject, but the group the passage is about, else the last other actor named."""
        if antecedent is None or token.dep_ not in ("dobj", "dative", "pobj") or token.lower_.endswith("self"):
            return antecedent
        if self._clause_subject(token, mentions) != antecedent.name:
            return antecedent
        group = self._group()
        if group is not None and group.name != antecedent.name:
            return group  # the group the passage is about
        others = [m for m in recent if m.name != antecedent.name]
        return others[-1] if others else None

    def _armed_owner(self, token: Token, antecedent: ActorMention | None) -> ActorMention | None:
        """ "Egypt fought the Gamaa Islamiya. ... its gunmen attacked police": a state has troops, not gunmen or
        guerrillas; whose they are is the armed group the passage is about."""
        if antecedent is None or antecedent.type not in ("state", "state_force") or token.dep_ != "poss":
            return antecedent
        if token.head.lemma_.lower() not in IRREGULARS:
            return antecedent
        return self._group() or antecedent

    def _not_the_speakers(self, token: Token, antecedent: ActorMention | None, sent: Span) -> ActorMention | None:
        """ "Nigerian officials estimate that it has 5,000 fighters": "it" inside what a state's officials say is
        not their state (people are "they"), but the group the passage is about."""
        if antecedent is None or antecedent.type != "state" or antecedent.start >= token.i:
            return antecedent
        speakers = sent.doc[antecedent.start : antecedent.end].root
        verb = token.head
        while verb.dep_ in ("conj", "xcomp") and verb.head.i != verb.i:
            verb = verb.head
        if speakers.tag_ != "NNS" or speakers.dep_ != "nsubj" or verb.dep_ != "ccomp" or verb.head != speakers.head:
            return antecedent
        group = self._group()
        return group if group is not None and group.name != antecedent.name else antecedent

    def _forward_subject(self, token: Token, sent: Span, mentions: list[ActorMention]) -> ActorMention | None:
        """ "Through its alliance with the Taliban, al-Qaeda ...": the main subject after a fronted phrase."""
        root = sent.root
        if token.i >= root.i:
            return None
        if any(a.head == root and a.dep_ in ("nsubj", "nsubjpass") for a in token.ancestors):
            return None  # "Its chief rival, X, was founded ...": inside the subject, "its" is not the subject
        for child in root.children:
            if any(t.text == ";" for t in sent.doc[token.i : child.i]):
                continue  # "named it its X Province; its Y Province grew": another clause's subject
            if child.dep_ in ("nsubj", "nsubjpass") and child.i > token.i:
                for mention in mentions:
                    if mention.start <= child.i < mention.end and mention.type in ORGANISED:
                        return mention
        return None
