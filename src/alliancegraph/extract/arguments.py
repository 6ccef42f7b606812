"""Who is tied to whom: the two arguments of a relation trigger, read from the parse.

A trigger is a word from the lexicon ("train", "alliance", "leader",
"faction"...).  Its arguments are looked for in *frames*, tried in order:

1. **between**: "the alliance between A and B", "fighting broke out between A and B";
2. **reciprocal**: "A and B clashed", "the factions have fought each other";
3. **noun**: a relation noun with an *owner* (possessor "A's", a name before
   it "al-Qaeda leader", or "of A") and a *filler* (an appositive "A's
   leader, X", the name it modifies "leader X", the subject of a copula "X is
   a faction of A", a list after "including").  Role nouns ("leader",
   "patron", "affiliate") point from the filler to the owner; other nouns
   ("alliance", "support") from the owner to their "with/for/to/against"
   object;
4. **verb**: the subject (through relative pronouns, coordinated and
   controlled verbs, and "by" agents of passives) and the object (direct,
   prepositional, or the noun a relative clause modifies);
5. **nearest**: when the parse gives one side only, the nearest actor on the
   other side of the trigger.

Coordinated names multiply the arguments: "patrons, including Pakistan, Iran
and Russia" gives three sources.  Each frame returns *pairs* of mentions.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from .context import LOCATIVE, OBJECT_DOERS, ActorMention, SentenceContext, has_cue

SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
CLIMB = frozenset({"xcomp", "conj", "advcl", "pcomp", "acl", "relcl", "ccomp", "acomp"})
OBJECTS = frozenset({"dobj", "dative", "attr", "oprd"})
RELATIVE = frozenset({"who", "which", "that", "whom", "whose"})
# a noun after these is where or when, not who ("fighters in Syria", "attacks since 2015")
SETTING = LOCATIVE | {"within", "during", "since", "until", "after", "before"}
OBJECT_PREPS = frozenset({"with", "to", "for", "against", "on", "of", "toward", "towards", "over", "from", "by",
                          "alongside", "behind", "upon", "at", "into"})
# nouns naming a role that the filler holds in the owner: "the Taliban's patrons" help the Taliban
ROLE_NOUNS = frozenset({"patron", "sponsor", "backer", "benefactor", "protector", "paymaster", "financier",
                        "bankroller", "armourer", "armorer", "leader", "head", "chief",
                        "commander", "founder", "deputy", "emir", "amir", "affiliate", "branch", "franchise",
                        "faction", "wing", "offshoot", "caliph", "province", "spokesman", "member", "operative",
                        "militant", "fighter", "official", "ally", "partner", "rival", "enemy", "foe", "adversary",
                        "arm", "subsidiary", "cell", "proxy", "client", "splinter", "secretary", "governor",
                        "successor", "predecessor", "ideologue", "loyalist", "founding", "mentor", "protege",
                        "umbrella", "creation"})
PARENT_NOUNS = frozenset({"umbrella", "parent"})  # role nouns whose filler holds the owner, not the other way
# role nouns of the one supported, not the supporter: "Iran's proxy" is backed by Iran
CLIENT_NOUNS = frozenset({"proxy", "client", "surrogate", "puppet", "protege", "protégé", "pawn"})
FRONT_NOUNS = frozenset({"front", "cover", "proxy"})  # "a front for Lashkar-e-Taiba": X's front
ONE_OF = frozenset({"one", "some", "several", "two", "three"})  # "X, one of its commanders": X is one
OWNER_PREPS = frozenset({"of", "within", "inside", "to", "in"})  # "leader of", "a commander in Hezbollah's ..."
RECIPROCAL = frozenset({"each other", "one another"})
# "A and B clashed": verbs whose coordinated subjects act on each other
MUTUAL_VERBS = frozenset({"clash", "skirmish", "feud", "compete", "cooperate", "collaborate", "ally", "align", "merge",
                          "negotiate", "talk", "coordinate", "work", "fight", "spar", "battle", "reconcile", "unite",
                          "mend", "restore", "normalise", "normalize", "renew", "patch"})
MERGING = frozenset({"merge", "unite", "fuse", "amalgamate"})
JOINT_WORDS = frozenset({"joint", "combined"})  # "a joint offensive": done by its subjects together
# the nouns for a commander's men or his body: "his fighters", "Shekau's movement" stand for his group
FOLLOWERS = frozenset({"fighter", "man", "force", "militia", "militiaman", "movement", "group", "organisation",
                       "organization", "faction", "loyalist", "follower", "gunman", "cadre", "guerrilla", "insurgent",
                       "militant", "unit", "brigade", "outfit"})
# what two parties mend or restore between them: "A and B mended ties" names no third party
TIES = frozenset({"tie", "ties", "relation", "relations", "relationship", "fence", "fences", "rift"})
WARS = frozenset({"war", "battle", "feud", "turf war", "gunfight", "skirmish"})  # what fighters wage on each other
# "X rose to the number two spot in Y": verbs by which one reaches a role
RISING = frozenset({"ascend", "rise", "promote", "elevate", "move", "climb", "appoint", "name", "return"})
# "X is believed to have taken": the passive subject of these verbs is the actor of the verb they govern
RAISING = frozenset({"believe", "say", "report", "think", "expect", "know", "understand", "allege", "suspect",
                     "reckon", "rumour", "rumor", "see", "consider", "estimate", "claim"})

ORGANISED = frozenset({"armed_group", "group", "state", "state_force", "organization"})

Pair = tuple[ActorMention, ActorMention]


# "have a rival in X": the verbs and relations where "in" names the counterpart, not a place
HAVING = frozenset({"have", "find", "see", "gain", "share"})
FOUND_IN = frozenset({"rival_of", "allied_with", "supports", "fights"})


def head_of(mention: ActorMention, ctx: SentenceContext) -> Token:
    """The syntactic head of a mention's tokens."""
    return ctx.sent.doc[mention.start : mention.end].root


def mention_in(tokens: list[Token] | Span, ctx: SentenceContext, exclude: ActorMention | None = None,
               ) -> ActorMention | None:
    for token in tokens:
        found = ctx.mention_at(token)
        if found is not None and found != exclude:
            return found
    return None


# nouns that stand for their owner: "Colombia's government", "the group's fighters"
OWNED_BODIES = frozenset({"government", "army", "military", "forces", "troops", "regime", "administration", "fighters",
                          "men", "militia", "authorities", "leadership", "negotiators", "delegation"})


def with_conjuncts(mention: ActorMention, ctx: SentenceContext) -> list[ActorMention]:
    """A mention and those coordinated with it: "Pakistan, Iran and Russia" -> three mentions."""
    found = [mention] + [m for m in ctx.mentions if m.method == "plural" and m.start == mention.start]
    head = head_of(mention, ctx)
    stack = [c for c in head.children if c.dep_ in ("conj", "appos") or (c.dep_ == "prep" and c.lower_ == "as")]
    if head.dep_ == "poss" and head.head.lemma_.lower() in OWNED_BODIES and ctx.mention_at(head.head) is None:
        stack += [c for c in head.head.children if c.dep_ == "conj"]  # "Colombia's government and the ELN"
    while stack:
        token = stack.pop()
        if token.dep_ == "prep":  # "Abu Ubaidah, also known as ..." is not a second actor
            continue
        other = ctx.mention_at(token) or _set_off_name(token, ctx) or mention_in(list(token.subtree)[:4], ctx)
        alike = other is not None and (other.type == mention.type or {other.type, mention.type} <= ORGANISED)
        # "The ELN, the FARC and the EPL", parsed as an apposition with a conjunct: a list, not a second name
        listed = token.dep_ == "appos" and ctx.mention_at(token) is not None and any(
            c.dep_ == "conj" and ctx.mention_at(c) is not None for c in token.children)
        if (token.dep_ == "conj" or listed) and other is not None and other not in found and alike:
            found.append(other)
            stack.extend(c for c in head_of(other, ctx).children if c.dep_ == "conj")
    found.extend(m for m in _shared_noun(mention, head, ctx) if m not in found)
    if mention.type in ("state", "state_force"):  # "the British and Irish governments", "Rwandan and Mozambican
        # troops": each adjective names a state
        shared = [m for c in head.children if c.dep_ == "amod" and c.i < mention.start
                  and any(g.dep_ == "conj" and mention.start <= g.i < mention.end for g in c.children)
                  and (m := ctx.mention_at(c)) is not None and m.type == "state"]
        found.extend(m for m in shared if m not in found)
    return found


def _shared_noun(mention: ActorMention, head: Token, ctx: SentenceContext) -> list[ActorMention]:
    """ "ARSA and RSO fighters": names joined before the one noun they both modify (the parser hangs each on
    the noun, the "and" on the first)."""
    if head.dep_ not in ("compound", "nmod") or head.head.pos_ != "NOUN":
        return []
    doc, found = ctx.sent.doc, []
    for child in head.head.children:
        other = ctx.mention_at(child) if child.dep_ in ("compound", "nmod") and child.i != head.i else None
        if other is None or other == mention or not ({other.type, mention.type} <= ORGANISED
                                                      or other.type == mention.type):
            continue
        first, second = (other, mention) if other.start < mention.start else (mention, other)
        if all(t.lower_ in ("and", ",", "or") for t in doc[first.end : second.start]) and second.start > first.end:
            found.append(other)
    return found


def resolve_token(token: Token, ctx: SentenceContext) -> ActorMention | None:
    """The actor a token stands for: its own mention, or for a relative pronoun the noun it relates to."""
    if token.lower_ in RELATIVE and token.tag_ in ("WP", "WDT", "WP$"):
        clause = token.head
        while clause.dep_ not in ("relcl", "acl") and clause.head.i != clause.i:
            clause = clause.head
        if clause.dep_ in ("relcl", "acl"):
            return antecedent(clause, ctx)
        return _before_fronted_preposition(token, ctx)
    found = ctx.mention_at(token)
    if found is not None:
        return found
    if (led := followers_of(token, ctx)) is not None:
        return led
    if token.lemma_.lower() in ROLE_NOUNS or token.pos_ == "NOUN":
        # "the Taliban's leader, X, said", "its chief competitor, Jaish-e-Mohammed, was set up": X, not its owner
        for child in token.children:
            named = ctx.mention_at(child) if child.dep_ == "appos" else None
            if named is not None:
                return named
        named = _set_off_name(token, ctx) or _name_set_before(token, ctx)
        if named is not None:
            return named
        if token.dep_ == "appos" and (named := ctx.mention_at(token.head)) is not None:
            return named  # "Danab, a commando brigade trained by the United States": the brigade is Danab
    if token.pos_ == "NOUN" and token.lemma_.lower() in ctx.lexicon.instruments and (
            doer := doer_of(token, ctx)) is not None:
        return doer  # "the U.S.-led invasion of Afghanistan overthrew ...": the United States
    if token.pos_ == "NOUN":  # "the Haqqani Network faction of the Taliban": the name before the noun
        named = next((m for c in token.children if c.dep_ == "compound" and (m := ctx.mention_at(c)) is not None
                      and not _hyphen_modifier(m, ctx)), None)
        if named is not None:
            return named
    troops = token.pos_ == "NOUN" and token.lemma_.lower() in TROOP_NOUNS
    if troops and token.dep_ == "dobj" and token.head.pos_ == "VERB":
        owner = subject(token.head, ctx)  # "the United States has 900 troops in Syria providing ...": its troops
        if owner is not None and not owner[1]:
            return owner[0]
    if token.dep_ == "csubj" or token.pos_ in ("NOUN", "PROPN", "PRON"):  # "What remains of al-Qaeda ..."
        # "the insurgency in Afghanistan is not about ...": a place the noun is set in does not act for it
        return _argument_in(token, ctx, None, limit=8, settings=token.dep_ not in SUBJECTS)
    return None


def _before_fronted_preposition(pronoun: Token, ctx: SentenceContext) -> ActorMention | None:
    """ "loyal to al-Qaeda, to which it pledged allegiance": when the parser hangs the clause elsewhere, a
    relative pronoun after a comma and a preposition stands for the actor just before the comma."""
    doc = pronoun.doc
    if pronoun.i < 3 or doc[pronoun.i - 1].pos_ not in ("ADP", "PART") or doc[pronoun.i - 2].text != ",":
        return None
    return next((m for m in ctx.mentions if m.end == pronoun.i - 2), None)


# the armed men of a group: "gunmen from the Viv Ansanm coalition overran Mirebalais" (the coalition did)
GUNMEN = frozenset({"gunman", "militant", "insurgent", "rebel", "guerrilla", "militiaman", "cadre", "member",
                    "jihadist", "recruit", "loyalist", "bomber", "attacker", "operative", "assailant"})
TROOP_NOUNS = frozenset({"troop", "soldier", "force", "fighter", "adviser", "advisor", "instructor", "personnel",
                         "officer", "commando", "mercenary", "contractor", "man"})


def _set_off_name(noun: Token, ctx: SentenceContext) -> ActorMention | None:
    """ "al-Qaeda's Sahel coalition, JNIM, avoided ...": a name between commas right after a noun is its
    apposition, wherever the parser hung it."""
    doc = noun.doc
    if noun.pos_ != "NOUN" or noun.i + 2 >= len(doc) or doc[noun.i + 1].text != ",":
        return None
    named = ctx.mention_at(doc[noun.i + 2])
    if named is None or named.start != noun.i + 2 or named.end >= len(doc) or doc[named.end].text != ",":
        return None
    return named if named.type not in ("place", "person") else None


def _name_set_before(noun: Token, ctx: SentenceContext) -> ActorMention | None:
    """ "MINUSCA, the UN mission, has 14,000 personnel": the parser makes the description the subject and hangs
    the name before it on the verb; the name is what the description stands for."""
    if noun.dep_ not in ("nsubj", "nsubjpass"):
        return None
    named = next((m for c in noun.head.children if c.dep_ == "npadvmod" and c.i < noun.i
                  and (m := ctx.mention_at(c)) is not None), None)
    doc = noun.doc
    left = noun.left_edge.i
    if named is None or left < 1 or doc[left - 1].text != "," or named.end != left - 1:
        return None
    return named if named.type not in ("place", "person") else None


def doer_of(noun: Token, ctx: SentenceContext) -> ActorMention | None:
    """Who carries out an attack noun: an actor before it ("a US drone strike", "al-Qaeda's campaign",
    "the Saudi-led offensive", "a Jaish suicide bomber") or its "by X"; never the target after it ("of X")."""
    for token in noun.subtree:
        if token.i >= noun.i:
            break
        found = ctx.mention_at(token)
        if found is not None and found.type != "place":
            return found
    for child in noun.children:
        if child.dep_ in ("prep", "agent") and child.lower_ == "by":
            return mention_in(list(child.subtree), ctx)
    return None


def antecedent(clause: Token, ctx: SentenceContext) -> ActorMention | None:
    """The actor a relative clause is about: "Hezbollah, the movement that Tehran founded" is Hezbollah,
    "the SDF is the coalition that Washington armed" the SDF; never an actor inside the clause itself."""
    noun = clause.head
    found = ctx.mention_at(noun)
    if found is None and noun.dep_ == "appos":
        found = ctx.mention_at(noun.head)
    if found is None and noun.dep_ == "attr" and noun.head.pos_ == "AUX":
        owner = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
        found = ctx.mention_at(owner) if owner is not None else None
    if found is None and noun.pos_ == "NOUN" and noun.lemma_.lower() in ctx.lexicon.instruments:
        found = doer_of(noun, ctx)  # "U.S. forces run a campaign that goes after X": the campaign's owner
        if found is None and noun.dep_ == "dobj":
            doer = subject(noun.head, ctx)
            found = doer[0] if doer is not None and not doer[1] else None
        return found
    if found is None:
        before = [t for t in noun.subtree if t.i < clause.left_edge.i]
        found = mention_in(before[-6:], ctx)
    return found


def subject(verb: Token, ctx: SentenceContext) -> tuple[ActorMention, bool] | None:
    """The subject of a verb's clause, climbing to governing verbs; the flag says it is a passive subject."""
    climbed = False
    for _ in range(4):
        own = [c for c in verb.children if c.dep_ in SUBJECTS and not _place_before_gerund(c, verb, ctx)]
        # two subjects is a misparse of an apposition ("Its rival, Jaish, was set up"): the name is the subject
        own.sort(key=lambda c: ctx.mention_at(c) is None)
        for child in own:
            found = resolve_token(child, ctx)
            if found is not None:
                raised = climbed and verb.lemma_.lower() in RAISING
                return found, child.dep_ == "nsubjpass" and not raised
        if own:
            return None  # the clause has a subject of its own, and it is no actor
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        if verb.dep_ in ("relcl", "acl") and verb.tag_ in ("VBN", "VBG") and not infinitive:
            # "the group, founded by X" / "fighters, loyal to" / "Jaish commanders trained in ..."
            found = ctx.mention_at(verb.head) or (resolve_token(verb.head, ctx) if verb.head.pos_ == "NOUN" else None)
            if found is not None and not (verb.head.dep_ == "pobj" and verb.head.head.lower_ in SETTING):
                return found, verb.tag_ == "VBN"
        if verb.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            owner = next((m for c in verb.head.children if c.dep_ == "poss" and (m := ctx.mention_at(c))), None)
            if owner is not None:
                return owner, False  # "the Taliban's decision to host X", "the group's claims to have formed"
        if verb.dep_ == "xcomp" and (controller := _controller(verb.head, ctx)) is not None:
            return controller, False  # "armed the SDF to fight X": the SDF fights
        accused = _accused(verb, ctx)
        if accused is not None:
            return accused, False  # "Washington accuses Tehran of funding Hamas": Tehran funds it
        if verb.dep_ in CLIMB and verb.head.i != verb.i:
            climbed = verb.dep_ == "xcomp"
            gerund = verb.dep_ == "pcomp"
            verb = verb.head
            if gerund and verb.pos_ == "ADP" and verb.head.pos_ == "NOUN" and verb.head.dep_ == "dobj":
                verb = verb.head.head  # "needed X's help in challenging Y": whoever needed it challenges
            elif gerund and verb.pos_ == "ADP" and verb.lower_ in LOCATIVE and verb.head.pos_ in ("VERB", "AUX"):
                verb = verb.head  # "X has troops in Afghanistan providing advice": X provides it
        else:
            break
    return None


def _accused(verb: Token, ctx: SentenceContext) -> ActorMention | None:
    """The object of "accuse X of", "suspect X of", "credit X with": who does what the gerund says."""
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.lower_ not in ("of", "with", "for") or prep.head.lemma_.lower() not in OBJECT_DOERS:
        return None
    # "accused Tehran of arming X"; "Pakistan's ISI has been accused of supporting X"
    return next((m for c in prep.head.children if c.dep_ in ("dobj", "nsubjpass")
                 and (m := resolve_token(c, ctx)) is not None), None)


def _place_before_gerund(child: Token, verb: Token, ctx: SentenceContext) -> bool:
    """ "10,000 troops still in Afghanistan providing advice": the parser makes the place the gerund's subject;
    the ones in the place act."""
    found = ctx.mention_at(child)
    return (verb.tag_ == "VBG" and verb.dep_ == "pcomp" and verb.head.lower_ in LOCATIVE and found is not None
            and found.type in ("state", "place") and child.i == verb.head.i + 1)


def _controller(verb: Token, ctx: SentenceContext) -> ActorMention | None:
    """The object that does what a verb's complement says: "armed X to fight", "the coalition that Washington
    armed to fight"."""
    if verb.lemma_.lower() in RAISING:
        return None
    found = next((m for c in verb.children if c.dep_ == "dobj" and (m := ctx.mention_at(c)) is not None), None)
    if found is None and verb.dep_ == "relcl" and not any(c.dep_ == "dobj" for c in verb.children):
        pairs = object_relative(verb, ctx)
        found = pairs[0][1] if pairs else None
    return found


def agent(verb: Token, ctx: SentenceContext) -> ActorMention | None:
    """The "by X" of a passive verb, or of the passive verbs coordinated with it ("armed, paid and trained by X")."""
    own = _own_agent(verb, ctx)
    misread = verb.pos_ == "ADJ" and any(c.dep_ == "auxpass" for c in verb.children)  # "is armed and paid by X"
    if own is not None or (verb.tag_ != "VBN" and not misread):
        return own
    first = verb
    while first.dep_ == "conj" and first.head.tag_ == "VBN":
        first = first.head
    for token in first.subtree:
        other = token.head
        if token.dep_ != "agent" or other == verb or other.tag_ != "VBN" or not _same_clause(other, first):
            continue
        if (found := mention_in(list(token.subtree), ctx)) is not None:
            return found
    return None


def _same_clause(token: Token, top: Token) -> bool:
    """No subject of its own between ``token`` and ``top``: "by X" there still belongs to top's clause."""
    while token != top:
        # a clause of its own, or the description of the subject ("X, founded by Y, has relied on Z")
        if any(c.dep_ in SUBJECTS for c in token.children) or token.dep_ in ("relcl", "advcl", "ccomp", *SUBJECTS):
            return False
        token = token.head
    return True


def _own_agent(verb: Token, ctx: SentenceContext) -> ActorMention | None:
    for child in verb.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by" and verb.tag_ == "VBN"):
            return mention_in(list(child.subtree), ctx)
    return None


def objects(head: Token, ctx: SentenceContext, relation: str, exclude: ActorMention | None) -> list[ActorMention]:
    """Direct and prepositional objects of a trigger (skipping "in Syria"-like places unless controlled)."""
    found: list[ActorMention] = []
    if relation == "controls" and runs_a_thing(head, ctx):
        return found  # "ran the weapons pipeline through Syria": the pipeline is what is run, not Syria
    for child in head.children:
        candidates: list[Token] = []
        if child.dep_ in OBJECTS or child.dep_ in ("xcomp", "acomp", "advmod", "npadvmod"):
            candidates = [child]
        elif child.dep_ == "prep" and child.lower_ == "against" and relation in ("allied_with", "supports"):
            continue  # "fought alongside X against Y", "sent drones against Y": Y is the enemy, not the friend
        elif child.dep_ == "prep" and child.lower_ in ("alongside", "beside") and relation != "allied_with":
            continue  # "fought alongside X against Y": X is the friend, not the enemy
        elif child.dep_ == "prep" and child.lower_ in ("on", "over", "about") and relation == "negotiates_with":
            continue  # "the Agreement on the Bangsamoro with Manila": what is negotiated, not with whom
        elif child.dep_ == "prep" and child.lower_ == "with" and child.i > 0 and child.nbor(-1).lower_ in (
                "together", "along") and relation != "allied_with":
            continue  # "broke with X together with Y": Y broke too
        elif child.dep_ == "prep" and (child.lower_ in OBJECT_PREPS or relation == "controls"):
            candidates = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
        elif child.dep_ == "prt":  # "took over Sanaa": the object may hang on the particle
            candidates = [c for c in child.children if c.dep_ == "pobj"]
        for token in candidates:
            appos = [c for c in token.children if c.dep_ == "appos" and ctx.mention_at(c) is not None]
            if token.lower_ in RELATIVE and token.tag_ in ("WP", "WDT"):
                other = resolve_token(token, ctx)
            elif appos and ctx.mention_at(token) is None:  # "the Taliban's new head, Mullah Mansour"
                other = ctx.mention_at(appos[0])
            elif (led := followers_of(token, ctx)) is not None:
                other = led  # "ambushed Mumin's fighters": his group
            elif (owner := _possessor(token, ctx)) is not None and not _same(owner, exclude):
                other = owner  # "needed al-Qaeda's assistance"; not "cut its ties with X", which is X
            else:
                other = ctx.mention_at(token) or _argument_in(token, ctx, exclude)
            # not "its guns" in "turned its guns on X", which are its own; a pledge "to its leadership" is read by
            # the relation rules as one to the other group named before it
            own = _same(other, exclude) if other is not None and relation != "pledged_allegiance_to" else False
            if other is not None and not own and other != exclude and other not in found:
                found.append(other)
    return found


RUNNING = frozenset({"run", "operate", "manage"})


def runs_a_thing(verb: Token, ctx: SentenceContext) -> bool:
    """A verb of running whose direct object is a thing, no actor or place ("ran the pipeline"); not "controls
    swaths of territory, including Helmand", where what is held is land."""
    return verb.lemma_.lower() in RUNNING and any(c.dep_ == "dobj" and c.pos_ == "NOUN" and not _names_one(c, ctx)
                                                  for c in verb.children)


def _names_one(noun: Token, ctx: SentenceContext) -> bool:
    """Whether a noun is an actor or a place, or its name is on it ("the province of Helmand", "Idlib province")."""
    near = [noun, *(c for c in noun.children if c.dep_ in ("compound", "poss", "appos"))]
    near += [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
    return any(ctx.mention_at(t) is not None for t in near)


def opposed(verb: Token, ctx: SentenceContext) -> list[ActorMention]:
    """Who a verb's "against" phrase names: "armed the SDF against the Islamic State and its allies"."""
    found = [m for c in verb.children if c.dep_ == "prep" and c.lower_ == "against"
             if (m := _argument_in(c, ctx, None, settings=False)) is not None]
    return [c for m in found for c in with_conjuncts(m, ctx)]


# "named X as governor", "regards the YPG as an offshoot of the PKK": the object takes the role, not the subject
CASTING_VERBS = frozenset({"name", "appoint", "designate", "choose", "regard", "consider", "view", "see",
                           "describe", "call", "label", "brand", "treat", "recognise", "recognize", "list",
                           "count", "confirm", "install", "elect"})
CHOOSING_VERBS = frozenset({"name", "appoint", "designate", "choose", "elect", "install", "select"})
STATE_TITLES = frozenset({"president", "premier", "king", "emir", "sultan"})


def _ruled_state(person: ActorMention, ctx: SentenceContext) -> ActorMention | None:
    state = ctx.rulers.get(person.name) if person.type == "person" else None
    return ActorMention(state, "state", person.start, person.end, "title") if state is not None else None


def _awaits_object(verb: Token) -> bool:
    """A verb with nothing after it but a conjunction: "armed, paid and trained X", "talked to and bombarded X"
    (not "broke away and pledged allegiance to X")."""
    after = [c for c in verb.children if c.i > verb.i and c.dep_ not in ("punct", "cc", "conj")]
    return bool([c for c in verb.children if c.dep_ == "conj"]) and all(
        c.dep_ == "prep" and not list(c.children) for c in after)


TRAINING_PLACES = frozenset({"camp", "camps", "base", "bases", "facility", "facilities", "school", "academy",
                             "centre", "center"})


def _trained_in(verb: Token, ctx: SentenceContext) -> ActorMention | None:
    """ "trained in al-Qaeda camps", "trained at Hezbollah's bases": the owner of the camps did the training;
    "had trained with AQIM": AQIM trained him."""
    if verb.lemma_.lower() != "train" or any(c.dep_ == "dobj" for c in verb.children):
        return None
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "with":
            host = next((m for c in prep.children if c.dep_ == "pobj" and (m := ctx.mention_at(c)) is not None), None)
            if host is not None and host.type in ("armed_group", "state_force", "state"):
                return host
        if prep.dep_ == "prep" and prep.lower_ in ("in", "at", "inside"):
            for place in prep.children:
                if place.dep_ == "pobj" and TRAINING_PLACES & {place.lemma_.lower(), place.lower_}:
                    owner = next((m for c in place.children if c.dep_ in ("poss", "compound", "nmod")
                                  if (m := ctx.mention_at(c)) is not None), None)
                    if owner is not None and owner.type != "place":
                        return owner
    return None


def of_owner(ctx: SentenceContext) -> list[tuple[str, ActorMention, ActorMention, Token]]:
    """ "the FPRC of Noureddine Adam", "Yasser Arafat's PLO" (he leads it), "the Quds Force of Iran's Revolutionary
    Guards" (a unit of it): a group's name with a person or another group as its owner."""
    found = []
    for mention in ctx.mentions:
        if mention.type not in OWNED_TYPES or mention.method not in ("gazetteer", "ner"):
            continue
        if ctx.sent.doc[mention.end - 1].text.islower():
            continue  # "French soldiers of Operation Barkhane": forces named generically belong to no one here
        head = head_of(mention, ctx)
        owner = _possessor_of_name(mention, ctx)
        left = owner is not None and owner.method == "pronoun" and _left_behind(head)
        if owner is not None and owner.type == "person" and not left:
            # "Yasser Arafat's PLO", "Machar's SPLM-IO", "Iyad Ag Ghaly merged his Ansar Dine"
            found.append(("leads", owner, mention, head))
        elif owner is not None and owner.type in BRANCHED and owner.method != "pronoun" and owner.name != mention.name:
            found.append(("affiliate_of", mention, owner, head))  # "Fatah's al-Aqsa Martyrs' Brigades"
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ != "of" or prep.i < mention.end:
                continue
            owner = next((ctx.mention_at(c) for c in prep.children if c.dep_ == "pobj"), None)
            if owner is None or owner.name == mention.name or owner.method == "pronoun":
                continue
            if owner.type == "person":
                found.append(("leads", owner, mention, head))
            elif owner.type in ("armed_group", "state_force"):
                found.append(("affiliate_of", mention, owner, head))
        founder = _of_person_after(mention, ctx)
        if founder is not None and not any(f[1] == founder and f[2] == mention for f in found):
            found.append(("leads", founder, mention, head))
    return found


OWNED_TYPES = frozenset({"armed_group", "state_force", "group", "organization"})
BRANCHED = frozenset({"armed_group", "group"})  # a state's or a party's named body is its own, not a branch


def _left_behind(head: Token) -> bool:
    """ "He quit his party", "expelled from his movement", "broke with his faction": a group its man leaves, which
    "his" does not make his to lead.  "His Ansar Dine joined JNIM" and "defected with his Sudan Shield Forces" are
    his."""
    if head.dep_ == "dobj":
        return head.head.lemma_.lower() in LEAVING
    if head.dep_ != "pobj":
        return False
    prep, verb = head.head.lower_, head.head.head.lemma_.lower()
    return verb in LEAVING and (prep == "from" or (prep == "with" and verb in ("break", "split")))


def _possessor_of_name(mention: ActorMention, ctx: SentenceContext) -> ActorMention | None:
    """The actor written as the owner of a name: "Machar's Sudan People's Liberation Movement" (the parser may
    hang the possessive on a word inside a long name), "the ELN's Western War Front"."""
    doc = ctx.sent.doc
    for token in doc[ctx.sent.start : mention.start]:
        if token.dep_ == "poss" and mention.start <= token.head.i < mention.end and token.head.i >= token.i:
            owner = ctx.mention_at(token)
            if owner is not None and owner.end <= mention.start:
                return owner
    return None


def _of_person_after(mention: ActorMention, ctx: SentenceContext) -> ActorMention | None:
    """ "the Popular Front ... (FPRC) of Noureddine Adam": "of" and a person right after the name, or after its
    acronym in brackets, which the parser hangs elsewhere."""
    doc, i = ctx.sent.doc, mention.end
    if i + 3 < ctx.sent.end and doc[i].text == "(" and doc[i + 2].text == ")":
        i += 3
    elif i < ctx.sent.end and doc[i].text == ")":
        i += 1
    if i + 1 >= ctx.sent.end or doc[i].lower_ != "of":
        return None
    owner = ctx.mention_at(doc[i + 1])
    return owner if owner is not None and owner.type == "person" and owner.method != "pronoun" else None


# "he quit his Hezb-e-Islami": a man who leaves a group, or joins it, is no leader of it
LEAVING = frozenset({"leave", "quit", "desert", "defect", "abandon", "betray", "break", "split", "join", "rejoin",
                     "expel", "oust", "suspend"})
FOUNDING_VERBS = frozenset({"found", "form", "create", "establish", "launch", "rebuild", "build", "start"})


# titles of a head of state or government: "under President X" dates a rule, an emir's group is led by him
RULER_TITLES = frozenset({"president", "premier", "prime", "king", "sultan", "chancellor", "dictator", "shah"})


def led_under(ctx: SentenceContext) -> list[tuple[str, ActorMention, ActorMention, Token]]:
    """ "Under Djamel Zitouni, the GIA exported its war", "the IRA's leadership, under its chief of staff
    Cathal Goulding, voted": a person the clause's group acted under leads it."""
    found = []
    for prep in ctx.sent:
        if prep.lower_ != "under" or prep.dep_ != "prep":
            continue
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        person = resolve_token(obj, ctx) if obj is not None else None
        if obj is None or person is None or person.type != "person":
            continue
        if person.name in ctx.rulers or any(t.lower_ in RULER_TITLES for t in obj.subtree if t.i < person.start):
            continue  # "under President Kaboré, the VDP grew": a ruler's time, not the group's leader
        part = prep.head.lemma_.lower() in ctx.lexicon.relation_triggers.get("affiliate_of", ())
        owned = ctx.mention_at(prep.head) or (next((m for c in prep.head.children if c.dep_ == "poss"
                                                    and (m := ctx.mention_at(c)) is not None), None) if part else None)
        if owned is not None and owned.type == "armed_group":
            found.append(("leads", person, owned, prep))  # "the IRA under Mac Stiofain", "its faction under X"
            continue
        verb = prep.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        made = next((m for c in verb.children if c.dep_ == "dobj" and (m := ctx.mention_at(c)) is not None), None)
        if made is not None and verb.lemma_.lower() in FOUNDING_VERBS:
            group: tuple[ActorMention, bool] | None = (made, False)  # "founded Hurras al-Din under X": X leads it
        else:
            group = subject(verb, ctx) if verb.pos_ in ("VERB", "AUX") else None
        if group is not None and not group[1] and group[0].type == "armed_group":
            found.append(("leads", person, group[0], prep))
    return found


LOST_PEOPLE = TROOP_NOUNS | GUNMEN | {"man", "life", "commander", "leader", "cadre"}


def lost_people(verb: Token) -> bool:
    """ "lost several dozen fighters", "lost 40 men": people lost, not ground."""
    return verb.lemma_.lower() == "lose" and any(c.dep_ == "dobj" and c.lemma_.lower() in LOST_PEOPLE
                                                  for c in verb.children)


def lost_to(ctx: SentenceContext) -> list[tuple[str, ActorMention, ActorMention, Token]]:
    """ "The Islamic State lost Mosul to Iraqi forces": the winner holds the place and fought the loser; "Amal lost
    dozens of fighters to Israeli strikes": the strikers fought the loser."""
    found = []
    for verb in ctx.sent:
        if verb.lemma_.lower() != "lose" or verb.pos_ != "VERB":
            continue
        people = lost_people(verb)
        place = None if people else next(
            (m for c in verb.children if c.dep_ == "dobj" and (m := _argument_in(c, ctx, None)) is not None
             and m.type in ("place", "state")), None)
        winner = next((m for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"
                       and (m := _argument_in(c, ctx, None)) is not None and m.type != "place"), None)
        if (place is None and not people) or winner is None:
            continue
        if place is not None:
            found.append(("controls", winner, place, verb))
        loser = subject(verb, ctx)
        if loser is not None and not loser[1] and loser[0].name != winner.name:
            found.append(("fights", winner, loser[0], verb))
    return found


def broke_and_formed(verb: Token, ctx: SentenceContext) -> list[Pair]:
    """ "a handful of fighters broke away from the EPP and formed the ACA": the new group split from the old."""
    if verb.pos_ != "VERB":
        return []
    holders = (verb.i, *(p.i for p in verb.children if p.dep_ in ("prt", "advmod")))  # "broke away from"
    old = next((m for c in verb.subtree if c.dep_ == "prep" and c.lower_ in ("from", "with") and c.head.i in holders
                for g in c.children if g.dep_ == "pobj" and (m := ctx.mention_at(g)) is not None), None)
    new = next((m for c in verb.children if c.dep_ == "conj" and c.lemma_.lower() in FOUNDING_VERBS
                for g in c.children if g.dep_ == "dobj" and (m := ctx.mention_at(g)) is not None), None)
    if old is None or new is None or old == new or new.type not in ("armed_group", "group"):
        return []
    return [(new, old)]


def joint_with(adverb: Token, ctx: SentenceContext) -> list[Pair]:
    """ "X claimed attacks jointly with Y", "X fought together with Y": X and Y are allies."""
    verb = adverb.head
    # "side by side with Y", "shoulder to shoulder with Y": the "with" may hang from the phrase's last word
    repeated = [t for t in adverb.doc[adverb.i + 2 : adverb.i + 3] if t.lower_ == adverb.lower_]
    partner = next((m for holder in (adverb, *repeated, verb) for c in holder.children
                    if c.dep_ == "prep" and c.lower_ == "with"
                    if (m := _argument_in(c, ctx, None, settings=False)) is not None
                    and not _opposed_within(m, c, ctx)), None)
    found = subject(verb, ctx) if verb.pos_ in ("VERB", "AUX") else None
    if partner is None or found is None or found[1] or found[0] == partner:
        return []
    return [(s, partner) for s in with_conjuncts(found[0], ctx)]


def _opposed_within(mention: ActorMention, prep: Token, ctx: SentenceContext) -> bool:
    """ "together with Saleh's forces against the coalition": the actor found under ``prep`` is the enemy."""
    token = ctx.sent.doc[mention.start : mention.end].root
    while token.i != prep.i and token.head.i != token.i:
        if token.dep_ == "prep" and token.lower_ in ("against", "versus"):
            return True
        token = token.head
    return False


def _with_the_help(noun: Token) -> bool:
    """ "signed by Baghdad and Erbil with the backing of the United Nations": the "of" is the giver."""
    return noun.dep_ == "pobj" and noun.head.lower_ in ("with", "under") and noun.lemma_.lower() in (
        "backing", "support", "help", "blessing", "assistance", "aid", "protection", "sponsorship")


def _receiving(verb: Token, ctx: SentenceContext) -> bool:
    """A verb whose subject is the one helped ("needed", "received", "obtained"), from the lexicon's phrases."""
    return verb.pos_ == "VERB" and any(phrase.split()[0] == verb.lemma_.lower()
                                       for phrase in ctx.lexicon.support_received)


def followers_of(noun: Token, ctx: SentenceContext) -> ActorMention | None:
    """ "his fighters seized Qandala", "Shekau's movement": a commander's men or movement stand for the one
    armed group he is known to lead."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in FOLLOWERS:
        return None
    owner = next((m for c in noun.children if c.dep_ == "poss" and (m := ctx.mention_at(c)) is not None), None)
    if owner is None or owner.type != "person" or owner.name not in ctx.commanders:
        return None
    return replace(owner, name=ctx.commanders[owner.name], type="armed_group")


def _possessor(noun: Token, ctx: SentenceContext) -> ActorMention | None:
    """The owner of a plain object noun ("al-Qaeda's assistance"), not of a title ("the group's leader X")."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() in ROLE_NOUNS or ctx.mention_at(noun) is not None:
        return None
    if any(c.dep_ in ("compound", "appos") and ctx.mention_at(c) is not None for c in noun.children):
        return None
    found = next((ctx.mention_at(c) for c in noun.children if c.dep_ == "poss"), None)
    return found if found is not None and found.type != "place" else None


def object_relative(head: Token, ctx: SentenceContext) -> list[Pair]:
    """ "the coalition that Washington armed", "the SNA, which Turkey arms and pays": the clause's subject acts on
    the noun the clause relates to.  The small model often reads "that" as a conjunction or "which Turkey arms" as
    a noun phrase, so the clause is found by its words: a relative word, then an actor, then the trigger."""
    if (charged := _charged_relative(head, ctx)) is not None:
        return [charged]
    clause = head
    while clause.dep_ == "conj" and clause.head.i < clause.i:
        clause = clause.head
    if clause.dep_ != "relcl":
        return []
    words = ctx.sent.doc[clause.left_edge.i : clause.i]
    relative = next((t for t in words if t.lower_ in ("that", "which", "whom")), None)
    if relative is None or relative.dep_ in ("nsubj", "nsubjpass"):
        return []
    doer = mention_in([t for t in words if t.i > relative.i], ctx)
    target = antecedent(clause, ctx)
    if doer is None or target is None or doer == target:
        return []
    return [(d, target) for d in with_conjuncts(doer, ctx)]


def _charged_relative(head: Token, ctx: SentenceContext) -> Pair | None:
    """ "the M23, whom Kinshasa accuses Rwanda of backing": the accused does it to the noun the clause relates to."""
    prep = head.head
    if head.dep_ not in ("pcomp", "pobj") or prep.lower_ not in ("of", "with", "for"):
        return None
    verb = prep.head
    if verb.dep_ != "relcl" or verb.lemma_.lower() not in OBJECT_DOERS:
        return None
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if not any(c.lower_ in ("that", "which", "whom") for c in objects):
        return None
    doer = next((m for c in objects if (m := ctx.mention_at(c)) is not None), None)
    target = antecedent(verb, ctx)
    return (doer, target) if doer is not None and target is not None and doer != target else None


def _argument_in(token: Token, ctx: SentenceContext, exclude: ActorMention | None, limit: int = 40,
                 settings: bool = True) -> ActorMention | None:
    """The actor a phrase is about: the head of a nested object before a modifier ("allegiance to al-Qaeda leader
    Ayman al-Zawahiri" is allegiance to Zawahiri, not to al-Qaeda)."""
    fallback: ActorMention | None = None
    setting: ActorMention | None = None
    modifier: ActorMention | None = None
    owner: ActorMention | None = None  # "his" in "the leader of his Jamiat-e-Islami party": the name comes first
    for inner in list(token.subtree)[:limit]:
        found = ctx.mention_at(inner)
        if found is None or found == exclude or _in_relative_clause(inner, token):
            continue
        found_head = head_of(found, ctx)
        members = found_head.head.lower_ == "from" and found.type in ("armed_group", "group") and (
            token.lemma_.lower() in TROOP_NOUNS | GUNMEN or token.lemma_.lower() in OWNED_BODIES)
        if members and found_head.head.head == token:
            return found  # "fighters from Hayat Tahrir al-Sham": its fighters, not where they come from
        if found_head.dep_ == "pobj" and found_head.head.lower_ in LOCATIVE and found_head.head != token:
            setting = setting or found  # "Hurras al-Din safe houses around Idlib": where, not whose
            continue
        if _hyphen_modifier(found, ctx):
            modifier = modifier or found  # "US-backed SDF fighters": the SDF's fighters, backed by the US
            continue
        if found_head.dep_ in ("pobj", "dobj", "appos", "attr"):
            return found
        if found_head.dep_ == "poss" and found.method == "pronoun" and fallback is None:
            owner = owner or found
            continue
        fallback = fallback or found
    if modifier is not None and (named := _of_name(token, ctx)) is not None:
        return named  # "Turkish-backed factions of the SNA": the SNA's; "UAE-backed forces" name only the UAE
    return fallback or owner or (setting if settings else None) or modifier


def _of_name(noun: Token, ctx: SentenceContext) -> ActorMention | None:
    """The actor named after "of" in a noun's phrase ("factions of the Syrian National Army")."""
    return next((m for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children
                 if o.dep_ == "pobj" and (m := ctx.mention_at(o)) is not None), None)


def _same(mention: ActorMention, other: ActorMention | None) -> bool:
    """Whether two mentions are one actor (a name and the pronoun that stands for it)."""
    return other is not None and mention.name == other.name


def _in_relative_clause(inner: Token, top: Token) -> bool:
    """ "militants who rejected Berri's line": a name inside a clause that describes the phrase is not what it
    stands for."""
    while inner.i != top.i and inner.head.i != inner.i:
        if inner.dep_ == "relcl":
            return True
        inner = inner.head
    return False


def fused_to_unnamed(head: Token, ctx: SentenceContext) -> bool:
    """ "Iran-backed militias": an actor fused into a participle that modifies a noun naming no actor."""
    doc = ctx.sent.doc
    if not (head.dep_ == "amod" and head.tag_ in ("VBN", "VBD", "JJ") and head.i >= 2 and doc[head.i - 1].text == "-"
            and head.head.i > head.i):
        return False
    modifier = ctx.mention_at(doc[head.i - 2])
    named = resolve_token(head.head, ctx)  # "Turkish-backed factions of the SNA" name the SNA
    return modifier is not None and (named is None or named == modifier)


def fused_modifier(head: Token, ctx: SentenceContext) -> Pair | None:
    """ "US-backed SDF fighters", "the Iran-aligned militias", "a small al-Qaeda-aligned faction": the actor fused
    into a participle, and the actor the modified noun stands for (itself, or the name it is in apposition with)."""
    word = fused_word(head)
    if word is None:
        return None
    modifier = ctx.mention_at(word)
    found = _fused_noun(head, ctx)
    if modifier is None or found is None or found == modifier or modifier.end != head.i - 1:
        return None
    return modifier, found


def fused_word(head: Token) -> Token | None:
    """The word fused into a participle before its hyphen: "US" of "US-backed", "government" of
    "government-held"."""
    doc = head.doc
    if head.dep_ != "amod" or head.tag_ not in ("VBN", "VBD", "JJ") or head.i < 2 or doc[head.i - 1].text != "-":
        return None
    return doc[head.i - 2]


def _fused_noun(head: Token, ctx: SentenceContext) -> ActorMention | None:
    """The actor a noun modified by a fused participle stands for: itself, or the name it is in apposition with."""
    noun = head.head
    found = ctx.mention_at(noun) if noun.i > head.i else None
    if found is None and noun.i > head.i and not any(c.dep_ == "appos" for c in noun.children):
        found = _of_name(noun, ctx)  # "Turkish-backed factions of the SNA"
    if found is None and noun.dep_ == "appos":
        found = ctx.mention_at(noun.head)
    if found is None:
        found = next((m for c in noun.children if c.dep_ == "appos" and (m := ctx.mention_at(c)) is not None), None)
    return found


# words for the state itself fused into a participle: "government-held", "army-controlled", "regime-backed"
STATE_WORDS = frozenset({"government", "army", "regime", "military", "junta", "state"})


def fused_state(head: Token, ctx: SentenceContext) -> Pair | None:
    """ "government-held Marib", "the last army-held city": the home state and what the noun stands for; None
    when the fused word names no actor and no state ("rebel-held Idlib" names no one)."""
    word = fused_word(head)
    if word is None or ctx.mention_at(word) is not None or word.lower_ not in STATE_WORDS or not ctx.home:
        return None
    found = _fused_noun(head, ctx)
    if found is None or found.name == ctx.home:
        return None
    return ActorMention(ctx.home, "state", word.i, word.i + 1, "home"), found


def _hyphen_modifier(mention: ActorMention, ctx: SentenceContext) -> bool:
    """A name fused into a modifier: "US-backed", "Iran-aligned", "Saudi-led"."""
    doc = ctx.sent.doc
    return mention.end + 1 < len(doc) and doc[mention.end].text == "-" and doc[mention.end + 1].tag_ in (
        "VBN", "JJ", "VBD")


def between(head: Token, ctx: SentenceContext) -> Pair | None:
    """ "between A and B" on the trigger or on the verb it is the subject or object of."""
    for token in (head, head.head):
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in ("between", "among"):
                pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
                # "between Kiir's government and Machar's SPLM-IO": each side is its phrase's head, not its owner
                sides = [ctx.mention_at(h) for h in ((pobj, *pobj.conjuncts) if pobj is not None else ())]
                named = list(dict.fromkeys(m for m in sides if m is not None))
                if len(named) >= 2 and len({m.name for m in named}) >= 2:
                    first = named[0]
                    return first, next(m for m in named if m.name != first.name)
                inside = [m for m in ctx.mentions if any(m.covers(t) for t in child.subtree)]
                other = [m for m in inside[1:] if m.name != inside[0].name]  # "the ELN (National ...) and X"
                if inside and other:
                    return inside[0], other[0]
    return _hyphened_pair(head, ctx) if head.pos_ == "NOUN" else None


def _hyphened_pair(noun: Token, ctx: SentenceContext) -> Pair | None:
    """ "the Israel-Hezbollah war", "the Saudi-Houthi talks": two parties joined by a hyphen right before the noun."""
    doc = ctx.sent.doc
    i = noun.i - 1
    while i > ctx.sent.start and doc[i].pos_ == "ADJ" and ctx.mention_at(doc[i]) is None:
        i -= 1  # "the Israel-Hezbollah border war"
    second = ctx.mention_at(doc[i]) if i > ctx.sent.start else None
    if second is None or second.end != i + 1 or second.start < 2 or doc[second.start - 1].text != "-":
        return None
    first = ctx.mention_at(doc[second.start - 2])
    if first is None or first.name == second.name or first.type == "place" or second.type == "place":
        return None
    return first, second


def reciprocal(head: Token, ctx: SentenceContext, relation: str = "") -> list[Pair]:
    """ "A and B clashed", "the two groups fought each other": subjects acting on each other, each pair of them
    ("A, B and C coordinate"); "A and B fought side by side": a pair acting together, allies (and no fight
    between them)."""
    verb = head
    while verb.pos_ not in ("VERB", "AUX") and verb.dep_ in ("npadvmod", "advmod", "dobj", "pobj", "prep", "attr",
                                                             "oprd"):
        verb = verb.head
    if relation == "negotiates_with" and (signers := _signers(head, ctx)):
        return signers  # "the Sinjar Agreement, signed by Baghdad and Erbil": the parties to it
    joint = relation == "allied_with" and _joint_noun(head)
    if joint:  # "the joint offensive that Uganda and Congo launched": the relative clause's subjects
        verb = next((c for c in head.children if c.dep_ == "relcl"), verb)
    found = subject(verb, ctx)
    if found is None:
        return []
    first = found[0]
    together = with_conjuncts(first, ctx)
    if joint and len(together) >= 2:  # "Uganda and Congo launched a joint offensive"
        return _each_pair(together)
    if jointly(verb, ctx):
        return [(together[0], together[1])] if relation == "allied_with" and len(together) >= 2 else []
    each_other = any(" ".join(t.lower_ for t in head.doc[c.i - 1 : c.i + 1]) in RECIPROCAL
                     for c in head.subtree if c.lower_ in ("other", "another"))
    # "Hamas, Hezbollah and PIJ coordinate through ...": a verb the small tagger reads as a noun with a subject
    as_verb = head.pos_ != "NOUN" or (head.dep_ == "ROOT" and any(c.dep_ == "nsubj" for c in head.children))
    mutual_verb = head.lemma_.lower() in MUTUAL_VERBS and as_verb
    # "A and B would begin talks on restoring relations": talks with no other party are between the subjects
    mutual_noun = relation == "negotiates_with" and head.pos_ == "NOUN" and not any(
        c.dep_ == "prep" and c.lower_ in ("with", "between") for c in head.children)
    if len(together) > 2 and verb.lemma_.lower() in MERGING:
        return []  # "A, B, C and D merged under X": parts of a new body, not allies of each other
    if len(together) >= 2 and (each_other or mutual_noun or (mutual_verb and not _takes_object(head))
                               or _plural_predicate(head, ctx)):
        return _each_pair(together)
    plural = [m for m in ctx.mentions if m.method == "plural" and m.start == first.start and m != first]
    if each_other and plural:
        return [(first, plural[0])]
    return []


def _each_pair(parties: list[ActorMention]) -> list[Pair]:
    """Every pair of several parties, in text order: A, B and C give A-B, A-C and B-C."""
    return [(a, b) for i, a in enumerate(parties) for b in parties[i + 1 :]]


SIGNING = frozenset({"sign", "reach", "strike", "conclude", "agree", "seal", "negotiate", "ink", "forge", "clinch"})


def _signers(noun: Token, ctx: SentenceContext) -> list[Pair]:
    """The parties that a clause on an agreement names: "an accord signed by A and B", "the deal A and B struck"."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return []
    for clause in noun.children:
        if clause.dep_ not in ("acl", "relcl") or clause.pos_ != "VERB" or clause.lemma_.lower() not in SIGNING:
            continue  # "a ceasefire brokered by A and B", "talks hosted by A and B": go-betweens, not parties
        by = agent(clause, ctx)
        own = [c for c in clause.children if c.dep_ == "nsubj"] if clause.dep_ == "relcl" else []
        first = by or next((m for c in own if (m := resolve_token(c, ctx)) is not None), None)
        parties = with_conjuncts(first, ctx) if first is not None else []
        if len(parties) >= 2:
            return _each_pair(parties)
    return []


def _joint_noun(head: Token) -> bool:
    """ "a joint offensive", "a joint operations room": a noun of something the parties do as one."""
    noun = head.head if head.dep_ == "compound" else head
    return head.pos_ == "NOUN" and any(c.dep_ == "amod" and c.lower_ in JOINT_WORDS for c in noun.children)


def _plural_predicate(head: Token, ctx: SentenceContext) -> bool:
    """ "A and B are rivals", "A and B became allies", "A and B were sworn enemies": a plural noun said of the
    subjects, with no party of its own ("allies of Iran")."""
    noun: Token | None = None
    if head.tag_ == "NNS" and head.dep_ in ("attr", "oprd"):
        noun = head
    elif head.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.lemma_ == "be" for c in head.children):
        # "were sworn enemies", parsed as a passive verb with an object
        noun = next((c for c in head.children if c.dep_ == "dobj" and c.tag_ == "NNS" and c.i == head.i + 1), None)
    else:
        return False
    if noun is None:
        return False
    # "rivals in Arauca" names where; "allies of Iran" names a party of the noun's own
    return mention_in([t for t in noun.subtree if t.i > noun.i and not _set_in(t, noun)], ctx) is None


def _set_in(token: Token, top: Token) -> bool:
    """Whether a token hangs from ``top`` through a preposition of place or time ("rivals in Arauca")."""
    while token.i != top.i and token.head.i != token.i:
        if token.dep_ == "prep" and token.lower_ in SETTING:
            return True
        token = token.head
    return False


def jointly(verb: Token, ctx: SentenceContext) -> bool:
    """ "fought side by side", "fought together", "jointly attacked", "joined forces": the subjects act as one."""
    words = [verb] + [c for c in verb.children if c.dep_ in ("advmod", "npadvmod", "prep", "dobj", "prt")
                      and not any(g.dep_ == "pobj" and ctx.mention_at(g) for g in c.children)]
    doc = verb.doc
    return any(has_cue(doc[w.i : w.i + 3], ctx.lexicon.joint) for w in words)


def _takes_object(verb: Token) -> bool:
    """ "A and B fought the Americans" has an object, named or not: A and B did not fight each other; "A and B
    mended ties" has none (the ties are between them)."""
    for c in verb.children:
        if c.dep_ == "dobj" and c.lemma_.lower() in WARS and not any(
                g.dep_ == "prep" and g.lower_ in ("against", "with", "on") for g in c.children):
            continue  # "A and B fought a bloody war": the war is between them
        if c.dep_ == "dobj" and c.lower_ not in TIES:
            return True
        if c.dep_ == "prep" and c.lower_ in ("against", "on", "over") and any(g.dep_ == "pobj" for g in c.children):
            return True
        if c.dep_ == "prep" and c.lower_ == "with" and any(g.dep_ == "pobj" and g.lower_ not in ("other", "another")
                                                           for g in c.children):
            return True  # "A and B deny working with the military": with the military, not with each other
    return False


def _with_hyphened_parts(head: Token) -> list[Token]:
    """A noun's children, and those of the parts before it of one hyphenated word ("its vice-president"), which
    the small parser hangs beside it rather than on it."""
    children = list(head.children)
    doc, i = head.doc, head.i
    while i >= 2 and doc[i - 1].text == "-" and doc[i - 1].whitespace_ == "" and not doc[i - 2].whitespace_:
        i -= 2
        children += [c for c in doc[i].children if c.i != i + 1 and not (i <= c.i <= head.i)]
    return children


KNOWN_AS = frozenset({"know", "call", "name", "nickname", "dub"})


def _known_as(verb: Token, ctx: SentenceContext) -> ActorMention | None:
    """The name after "known as", "called", "nicknamed" ("a commander known as Sadiku")."""
    for child in verb.children:
        if child.dep_ in ("oprd", "attr", "dobj", "xcomp") and (found := ctx.mention_at(child)) is not None:
            return found
        if child.dep_ == "prep" and child.lower_ == "as":
            found = next((m for c in child.children if c.dep_ == "pobj" and (m := ctx.mention_at(c))), None)
            if found is not None:
                return found
    return None


def owner_and_filler(head: Token, ctx: SentenceContext, role_noun: bool = True,
                     ) -> tuple[ActorMention | None, list[ActorMention]]:
    """For a relation noun: who owns it ("A's", "A leader", "of A") and who fills it (appositive, list...)."""
    owner: ActorMention | None = None
    fillers: list[ActorMention] = []
    compound: ActorMention | None = None
    of_object: ActorMention | None = None
    for child in _with_hyphened_parts(head):
        if child.dep_ == "poss" and child.lower_ == "whose":
            owner = _whose(child, ctx)  # "the Quds Force, whose commander, Esmail Qaani, ..."
        elif child.dep_ == "poss":
            owner = ctx.mention_at(child) or mention_in(list(child.subtree), ctx)
        elif child.dep_ in ("compound", "amod", "nmod") and (named := ctx.mention_at(child)) is not None:
            if named.type != "place":  # "al-Qaeda's Sahel branch": where the branch is, not who
                compound = named
        elif child.dep_ == "prep" and (child.lower_ in (OWNER_PREPS if role_noun else ("of",)) or (
                child.lower_ == "for" and head.lemma_.lower() in FRONT_NOUNS)):  # "a front for X"
            if child.lower_ == "in" and not _names_group(child, ctx):
                continue  # "a commander in Syria" is where, not whose
            of_object = _argument_in(child, ctx, None)
            if of_object is not None and head_of(of_object, ctx).head.lower_ == "against" and (
                    head_of(of_object, ctx).head.head != head):
                of_object = None  # "the commander of the coalition against the Islamic State": its enemy
        elif child.dep_ == "appos":
            found = resolve_token(child, ctx)
            if found is not None:
                fillers.extend(with_conjuncts(found, ctx))
        elif child.dep_ == "prep" and child.lower_ in ("including", "like", "such"):
            found = mention_in(list(child.subtree), ctx)
            if found is not None:
                fillers.extend(with_conjuncts(found, ctx))
        elif child.dep_ == "acl" and child.lemma_ == "include":
            found = mention_in(list(child.subtree), ctx)
            if found is not None:
                fillers.extend(with_conjuncts(found, ctx))
        elif child.dep_ == "acl" and child.lemma_.lower() in KNOWN_AS and (found := _known_as(child, ctx)):
            fillers.append(found)  # "a Boko Haram commander known as Sadiku"
    if owner is None and of_object is None and compound is None:
        owner, extra = _owner_from_context(head, ctx)
        fillers.extend(extra)
    if of_object is not None:
        owner = owner or of_object
        if compound is not None and compound != owner:
            fillers.append(compound)  # "the Haqqani Network faction of the Taliban"
    elif owner is None:
        owner = compound  # "al-Qaeda leader X"
    elif compound is not None and compound != owner:
        fillers.append(compound)  # "the Islamic State's Khorasan branch" / "Hezbollah's Radwan Force"
    anchor = head
    while anchor.dep_ == "conj" and anchor.head.pos_ == "NOUN":
        anchor = anchor.head  # "X, the Taliban's minister and the head of Y": the second title is X's too
    if anchor.dep_ in ("appos", "compound", "nmod") and (named := ctx.mention_at(anchor.head)) is not None:
        fillers.append(named)  # "X, the leader of Y" / "leader Ayman al-Zawahiri"
    elif anchor.dep_ == "pobj" and anchor.head.lower_ == "of" and anchor.head.head.lower_ in ONE_OF:
        one = anchor.head.head  # "X, one of its most senior commanders", "X is one of the group's founders"
        if one.dep_ == "appos" and (named := ctx.mention_at(one.head)) is not None:
            fillers.append(named)
        elif one.dep_ == "attr" and (said := subject(one.head, ctx)) is not None and not said[1]:
            fillers.append(said[0])
    if head.dep_ == "pobj" and head.head.lower_ == "as":
        owner = _risen_to(head, ctx, owner, fillers)  # "formed a caliphate with X as the caliph": X, not the subject
    if not fillers and (head.dep_ in ("attr", "oprd") or (head.dep_ == "pobj" and head.head.lower_ == "as")):
        verb = head.head if head.dep_ != "pobj" else head.head.head
        subj = subject(verb, ctx)
        # "calls X the PKK's offshoot", "named X as governor of Y", "leaves Rwanda as Maputo's main partner": the
        # object is what the noun says it is, after "as" whatever the verb
        casts = (head.dep_ == "pobj" and verb.pos_ == "VERB") or (head.dep_ == "oprd" and verb.lemma_.lower()
                                                                   in CASTING_VERBS)
        obj = next((resolve_token(c, ctx) for c in verb.children if c.dep_ == "dobj"), None) if casts else None
        if subj is None and head.dep_ == "pobj" and verb.lemma_.lower() in CHOOSING_VERBS and owner is None:
            # "the group's shura council named X as emir": the body's owner chose its own emir
            council = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            body = mention_in(list(council.subtree), ctx) if council is not None else None
            if body is not None and body.type in ORGANISED and obj is not None and obj.type == "person":
                owner = body
                fillers.append(obj)
        elif obj is not None:
            fillers.append(obj)
            chooser = subj[0] if subj is not None and verb.lemma_.lower() in CHOOSING_VERBS else None
            if owner is None and chooser is not None and chooser.type in ORGANISED:
                owner = chooser  # "the Taliban named Haibatullah as emir": the Taliban's emir
        elif subj is not None and not (casts and any(c.dep_ == "dobj" and (c.lower_ in RELATIVE or resolve_token(
                c, ctx) is not None) for c in verb.children)):
            # "X is a faction of Y", "X remains its affiliate", "X served as its envoy"; not the one who casts
            # an object he names ("which Turkey regards as an offshoot of the PKK")
            fillers.append(subj[0])
    if not fillers and head.dep_ == "nsubj" and head.head.lemma_ == "be":
        # "the RSF's most important backer is the United Arab Emirates": the copula's complement fills it
        fillers.extend(found for c in head.head.children if c.dep_ == "attr" and (found := resolve_token(c, ctx)))
    if not fillers:
        owner = _risen_to(head, ctx, owner, fillers)
    if not fillers and (beside := _set_off_before(head, ctx)) is not None:
        fillers.append(beside)
    if head.i + 1 < len(head.doc) and head.nbor(1).lower_ == ",":
        start = head.i + 3 if head.i + 3 < len(head.doc) and head.doc[head.i + 2].pos_ == "DET" else head.i + 2
        after = ctx.mention_at(head.doc[min(start, len(head.doc) - 1)])
        rest = after.end if after is not None else len(head.doc)
        while rest < len(head.doc) and head.doc[rest].pos_ in ("NOUN", "PROPN"):
            rest += 1  # past "group" in "the Amjad Farooqi group"
        listed = rest < len(head.doc) and head.doc[rest].lower_ in ("and", "or")
        if start > head.i + 2 and listed:
            after = None  # "the Hakimullah faction, the Amjad Farooqi group and ...": a list, not an apposition
        if after is not None and after not in fillers:
            fillers.append(after)  # "its emir, Iyad Ag Ghaly" / "its wing, the ADF," parsed without an apposition
    fillers = [f for f in dict.fromkeys(fillers) if f is not None and f != owner]
    return owner, fillers


def _set_off_before(head: Token, ctx: SentenceContext) -> ActorMention | None:
    """ "JNIM, al-Qaeda's Sahel branch, ...": the name just before a noun phrase set off by commas, which the
    parser did not hang on it as an apposition."""
    doc = head.doc
    left = min(t.i for t in head.subtree)
    closed = head.i + 1 >= ctx.sent.end or doc[head.i + 1].text in (",", ")", ";", ".")
    if left < ctx.sent.start + 2 or doc[left - 1].text != "," or not closed:
        return None
    found = ctx.mention_at(doc[left - 2])
    return found if found is not None and found.end == left - 1 and found.type != "place" else None


def _whose(word: Token, ctx: SentenceContext) -> ActorMention | None:
    """What "whose" stands for: the noun its relative clause hangs from."""
    clause = next((a for a in word.ancestors if a.dep_ == "relcl"), None)
    if clause is not None:
        found = ctx.mention_at(clause.head)
    elif word.i >= 2 and word.nbor(-1).text == ",":  # no clause parsed: the name set off just before
        found = ctx.mention_at(word.nbor(-2))
    else:
        return None
    if found is not None and found.type == "person" and found.method == "ner" and found.end - found.start == 1:
        return None  # "a former chief for Orakzai, whose pledge ...": a one-word "person" is mostly a place
    return found


def _risen_to(head: Token, ctx: SentenceContext, owner: ActorMention | None,
              fillers: list[ActorMention]) -> ActorMention | None:
    """A role reached or held through a preposition: "X ascended to the number two spot in the Taliban",
    "a caliphate with X as the caliph".  Adds the filler; returns the owner (found here if not before)."""
    position = head.head if head.dep_ in ("nmod", "compound") and head.head.pos_ == "NOUN" else head
    if position.dep_ != "pobj" or position.head.lower_ not in ("as", "to"):
        return owner
    prep, above = position.head, position.head.head
    if prep.lower_ == "to" and above.pos_ == "VERB" and above.lemma_.lower() in RISING:
        found = subject(above, ctx)
        if found is not None and not found[1]:
            fillers.append(found[0])
    elif prep.lower_ == "as" and above.pos_ in ("NOUN", "VERB"):
        # "with X as the caliph" hangs from the noun or, parsed the other way, from the verb and its object
        holders = [above, *(c for c in above.children if c.dep_ == "dobj")] if above.pos_ == "VERB" else [above]
        partner = next((m for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "with"
                        for g in c.children if g.dep_ == "pobj" and (m := ctx.mention_at(g)) is not None), None)
        if partner is not None and partner.type == "person":
            fillers.append(partner)
            verb = above if above.pos_ == "VERB" else above.head
            if owner is None and verb.pos_ == "VERB":
                found = subject(verb, ctx)  # "the Islamic State declared a caliphate with X as caliph"
                owner = found[0] if found is not None and not found[1] else None
    if owner is None and fillers:
        owner = next((m for c in position.children if c.dep_ == "prep" and c.lower_ in ("in", "of")
                      if (m := _argument_in(c, ctx, None)) is not None), None)
    return owner


def _owner_from_context(head: Token, ctx: SentenceContext) -> tuple[ActorMention | None, list[ActorMention]]:
    """An owner found above the noun: "its relations with patrons" (the relations' owner), "they have a rival in X"."""
    if head.dep_ == "pobj" and head.head.head.pos_ == "NOUN":
        for child in head.head.head.children:
            if child.dep_ == "poss" and ctx.mention_at(child) is not None:
                return ctx.mention_at(child), []
    if head.dep_ == "dobj" and head.head.lemma_.lower() in ("have", "find", "see", "gain", "face", "acquire"):
        found = subject(head.head, ctx)
        fillers = [mention_in(list(c.subtree), ctx) for c in head.children if c.dep_ == "prep" and c.lower_ == "in"]
        if found is not None and any(fillers):
            return found[0], [f for f in fillers if f is not None]
    return None, []


def accepted_pledge(head: Token, ctx: SentenceContext) -> list[Pair]:
    """ "Mansour accepted Zawahiri's pledge": the pledge's owner pledged to whoever accepted it."""
    if head.dep_ != "dobj":
        return []
    pledger = next((ctx.mention_at(c) for c in head.children if c.dep_ == "poss"), None)
    found = subject(head.head, ctx)
    if pledger is None or found is None or found[1] or found[0] == pledger:
        return []
    return [(pledger, found[0])]


def noun_pairs(head: Token, relation: str, role_noun: bool, ctx: SentenceContext) -> list[Pair]:
    if relation in FOUND_IN and head.dep_ == "dobj" and head.head.lemma_.lower() in HAVING:
        # "they now have a mutual rival in the Islamic State", "Hamas found an ally in Tehran"
        found = subject(head.head, ctx)
        counterpart = next((t for c in head.children if c.dep_ == "prep" and c.lower_ == "in"
                            if (t := _argument_in(c, ctx, None)) is not None), None)
        if found is not None and not found[1] and counterpart is not None and counterpart != found[0]:
            return [(s, counterpart) for s in with_conjuncts(found[0], ctx)]
    owner, fillers = owner_and_filler(head, ctx, role_noun)
    if role_noun:
        itself = ctx.mention_at(head)  # "the Islamic State's Somali branch", resolved to that branch
        if owner is not None and not fillers and itself is not None and itself.name != owner.name:
            fillers = [itself]
        prime = head.lower_ == "minister" and head.i > 0 and head.nbor(-1).lower_ == "prime"
        if owner is None and len(fillers) == 1 and (head.lower_ in STATE_TITLES or prime):
            owner = _ruled_state(fillers[0], ctx)  # "President Filipe Nyusi": the state the gazetteer says he leads
        if owner is None and len(fillers) == 1 and relation in ("rival_of", "allied_with") and (
                seer := _caster(head, ctx)) is not None:
            owner = seer  # "Turkey no longer sees Haftar as an enemy": an enemy of Turkey's
        if owner is None or not fillers:
            return []
        if head.lemma_.lower() in PARENT_NOUNS or any(c.lower_ in PARENT_NOUNS for c in head.children
                                                      if c.dep_ in ("compound", "amod")):
            return [(owner, filler) for filler in fillers]  # "the PKK's umbrella body, the KCK": the PKK is in it
        if relation == "supports" and head.lemma_.lower() in CLIENT_NOUNS:
            return [(owner, filler) for filler in fillers]  # "Hezbollah is Iran's proxy": Iran backs Hezbollah
        return [(filler, owner) for filler in fillers]
    source = owner
    if relation == "supports" and owner is not None and _with_the_help(head):
        verb = head.head.head  # "signed by Baghdad with the backing of the UN": the UN backs Baghdad
        by = agent(verb, ctx)
        found = (by, False) if by is not None else subject(verb, ctx)
        return [(owner, r) for r in with_conjuncts(found[0], ctx) if r != owner] if found and not found[1] else []
    if relation == "supports" and owner is not None and head.dep_ == "dobj" and _receiving(head.head, ctx):
        found = subject(head.head, ctx)  # "the Taliban needed al-Qaeda's assistance": al-Qaeda gives, to the Taliban
        return [(owner, r) for r in with_conjuncts(found[0], ctx)] if found and not found[1] else []
    # "attacks by the Taliban", "support by Iran": the noun's own agent acts, not the clause's subject
    by = next((_argument_in(c, ctx, None) for c in head.children if c.dep_ == "prep" and c.lower_ == "by"), None)
    if source is None and by is not None:
        targets = [t for t in objects(head, ctx, relation, by) if t != by]
        return [(by, t) for t in with_conjuncts(targets[0], ctx)] if targets else []
    anchor = head
    while anchor.dep_ == "conj" and anchor.head.pos_ in ("NOUN", "PROPN"):
        anchor = anchor.head  # "launched air and artillery strikes against X": the first noun is the object
    # "share antipathy towards X" with the noun taken for an adverb: it is still the verb's object
    misread = anchor.dep_ == "advmod" and anchor.pos_ == "ADJ" and anchor.head.pos_ == "VERB"
    governing = anchor.head if anchor.dep_ in ("dobj", "attr", "pobj", "nsubj") or misread else None
    if source is None:  # "X announced its support for Y", "X has close ties to Y", "X declared war on Y"
        if governing is not None and governing.pos_ in ("VERB", "AUX", "ADP"):
            verb = governing if governing.pos_ != "ADP" else governing.head
            for _ in range(3):  # "X sustained a web of relationships with Y": up through the nouns to the verb
                if verb.pos_ != "NOUN" or verb.dep_ not in ("dobj", "attr", "pobj"):
                    break
                verb = verb.head.head if verb.dep_ == "pobj" else verb.head
            found = subject(verb, ctx)
            # "it is locked in a war with X", "was drawn into talks with X": a passive subject is in it too
            inside = governing.pos_ == "ADP" and governing.lower_ in ("in", "into")
            source = found[0] if found is not None and (not found[1] or inside) else None
    giver = next((_argument_in(c, ctx, source) for c in head.children if c.dep_ == "prep" and c.lower_ == "from"),
                 None)
    if relation == "supports" and giver is not None and source is not None:
        return [(g, source) for g in with_conjuncts(giver, ctx)]  # "with help from Iran": Iran is the giver
    if source is None and relation in ("rival_of", "allied_with") and head.dep_ in ("oprd", "appos"):
        source = _caster(head, ctx)  # "the emir has called the Islamic State a sedition"
    targets = objects(head, ctx, relation, source)
    if not targets and source is not None and (cast := _cast_as(head, ctx)) is not None and cast != source:
        targets = [cast]  # "Turkey sees Haftar as an enemy", "Delhi regards the group as a rival"
    if not targets and (anchor.dep_ == "dobj" or misread) and governing is not None and governing.pos_ == "VERB":
        # "launched strikes on Tuesday against camps of the ADF": the target hangs on the light verb
        preps = LIGHT_VERB_PREPS | ({"with"} if relation in ("negotiates_with", "allied_with") else set())
        targets = [t for c in governing.children if c.dep_ == "prep" and c.lower_ in preps
                   if (t := _argument_in(c, ctx, source)) is not None]
    if source is None or not targets:
        return []
    return [(s, t) for s in with_conjuncts(source, ctx) for t in with_conjuncts(targets[0], ctx)]


def _casting_verb(head: Token) -> Token | None:
    """The verb of seeing or calling that casts someone as what a noun after "as" names ("sees X as an enemy"),
    not one that names a man to a post."""
    if head.dep_ == "pobj" and head.head.lower_ == "as":
        verb = head.head.head
    elif head.dep_ == "oprd":  # "has called the Islamic State a sedition"
        verb = head.head
    elif head.dep_ == "appos" and head.head.dep_ == "dobj":  # "call Kadyrov a traitor", parsed as an apposition
        verb = head.head.head
    else:
        return None
    return verb if verb.lemma_.lower() in CASTING_VERBS - CHOOSING_VERBS else None


def _caster(head: Token, ctx: SentenceContext) -> ActorMention | None:
    """Who sees, calls or treats someone as what the noun names: "Turkey" in "Turkey sees X as an enemy"."""
    verb = _casting_verb(head)
    found = subject(verb, ctx) if verb is not None else None
    return found[0] if found is not None and not found[1] else None


def _cast_as(head: Token, ctx: SentenceContext) -> ActorMention | None:
    """Whom such a verb casts in the role: "X" in "sees X as an enemy"."""
    verb = _casting_verb(head)
    if verb is None:
        return None
    return next((found for c in verb.children if c.dep_ == "dobj" and (found := resolve_token(c, ctx))), None)


LIGHT_VERB_PREPS = frozenset({"against", "on", "towards", "toward"})


def _names_group(prep: Token, ctx: SentenceContext) -> bool:
    found = _argument_in(prep, ctx, None)
    return found is not None and found.type not in ("place", "state")


PITTING = frozenset({"pit"})  # "the war pitted A against B": the verb's subject is the war, not a party


def pitted(head: Token, ctx: SentenceContext) -> list[Pair]:
    """ "The conflict pits Los Chapitos against La Mayiza": the object and the one it is set against, both ways
    round taken as the text gives them."""
    if head.lemma_.lower() not in PITTING:
        return []
    obj = next((c for c in head.children if c.dep_ == "dobj"), None)
    if obj is None:
        return []
    # "against" hangs from the verb, the object, or a clause set beside the object ("A, the faction run by X,
    # against B")
    against = [g for p in head.subtree if p.dep_ == "prep" and p.lower_ == "against" and p.i > obj.i
               for g in p.children if g.dep_ == "pobj"]
    first = ctx.mention_at(obj) or _argument_in(obj, ctx, None)
    second = (ctx.mention_at(against[0]) or _argument_in(against[0], ctx, first)) if against else None
    if first is None or second is None or first.name == second.name:
        return []
    return [(a, b) for a in with_conjuncts(first, ctx) for b in with_conjuncts(second, ctx) if a.name != b.name]


def verb_pairs(head: Token, relation: str, ctx: SentenceContext) -> list[Pair]:
    found = subject(head, ctx)
    by = agent(head, ctx)
    passive = found is not None and found[1]
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in head.children)  # "has relied": active
    if by is not None and (passive or (head.tag_ == "VBN" and not perfect)):
        target = found[0] if found is not None else None
        return [(b, target) for b in with_conjuncts(by, ctx) if b != target] if target is not None else []
    if found is None:
        return []
    source = found[0]
    if relation == "supports" and (host := _trained_in(head, ctx)) is not None and host != source:
        return [(host, s) for s in with_conjuncts(source, ctx)]  # "X trained in al-Qaeda camps": al-Qaeda trains
    if passive:  # "Mumin was expelled from al-Shabaab" has no agent: the subject is the target
        return []
    targets = objects(head, ctx, relation, source)
    if not targets and _awaits_object(head):
        # "Israel armed, paid and trained the SLA": the verbs share the last one's object
        for verb in head.conjuncts:
            if verb.i > head.i and verb.pos_ == "VERB" and not any(c.dep_ in SUBJECTS for c in verb.children) and (
                    targets := objects(verb, ctx, relation, source)):
                break
    if not targets:
        return []
    return [(s, t) for s in with_conjuncts(source, ctx) for t in with_conjuncts(targets[0], ctx)]


def nearest(ctx: SentenceContext, trigger: Span, side: str, allowed: frozenset[str] | None,
            exclude: ActorMention | None = None) -> ActorMention | None:
    pool = [m for m in ctx.mentions if (allowed is None or m.type in allowed) and m.method != "pronoun"
            and m != exclude]
    if side == "left":
        left = [m for m in pool if m.end <= trigger.start]
        return left[-1] if left else None
    right = [m for m in pool if m.start >= trigger.end]
    return right[0] if right else None
