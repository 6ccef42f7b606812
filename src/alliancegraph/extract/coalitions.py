"""Groups that come together in a new or wider body: each member is an affiliate of that body.

Read from the parse of one sentence, in four shapes:

* merging: "A, B and C merged to form X", "A merged with B into X", "Ghaly merged his A with B",
  "X was formed when A and B merged", "six groups, among them A and B, joined forces as X";
* founding by several groups: "A, B and C formed X" (one group forming another is left to the founding rules);
* a coalition that gathers them: "X brings together A, B and C", "Members of X include A and B";
* a coalition noun: "X, an alliance of A, B and C", "X, an umbrella that includes A".

A coalition verb or noun is only read when the body it names is a group; states that join a bloc are
allies of each other, not its affiliates, and are left to the alliance rules.
"""

from __future__ import annotations

from spacy.tokens import Token

from .arguments import FOUNDING_VERBS
from .context import ActorMention, SentenceContext

MERGING = frozenset({"merge", "unite", "combine", "amalgamate", "fuse", "coalesce"})
GATHERING = frozenset({"include", "comprise", "encompass", "gather", "group", "unite", "bring"})
COALITION_NOUNS = frozenset({"alliance", "coalition", "umbrella", "federation", "bloc", "platform", "grouping",
                             "front", "council", "union", "confederation"})
MEMBERS = frozenset({"armed_group", "group"})
PART_NOUNS = frozenset({"branch", "wing", "faction", "unit", "cell", "remnant", "element", "fighter", "member",
                        "splinter", "part", "section", "chapter", "arm"})
Found = tuple[str, ActorMention, ActorMention, Token]


def coalitions(ctx: SentenceContext) -> list[Found]:
    """ (relation, member, body, token) for each group the sentence places in a coalition or merger."""
    found: list[Found] = []
    for token in ctx.sent:
        lemma = token.lemma_.lower()
        body: ActorMention | None = None
        members: list[ActorMention] = []
        if token.pos_ == "VERB" and (lemma in MERGING or lemma in FOUNDING_VERBS or _joins_forces(token)):
            body = _new_body(token, ctx)
            members = _joining(token, ctx) if body is not None else []
            if lemma in FOUNDING_VERBS and len(members) < 2:
                continue  # "Ansar Dine formed a Sahel branch": a founder, not a merger
        if body is None and token.pos_ == "VERB" and lemma in GATHERING:
            body, members = _gathered(token, ctx)  # "X unites A and B"
        elif token.pos_ == "NOUN" and lemma in COALITION_NOUNS:
            body, members = _coalition_noun(token, ctx)
        if body is None or body.type not in MEMBERS:
            continue
        found.extend(("affiliate_of", m, body, token) for m in dict.fromkeys(members) if m.name != body.name)
    return found


def _joins_forces(verb: Token) -> bool:
    return verb.lemma_.lower() == "join" and any(c.dep_ == "dobj" and c.lower_ == "forces" for c in verb.children)


def _groups(tokens: list[Token], ctx: SentenceContext) -> list[ActorMention]:
    """The groups named in some tokens, in text order, each once; not the group a part is "of" ("the Saharan
    branch of AQIM" merges, not AQIM)."""
    seen: dict[str, ActorMention] = {}
    for token in tokens:
        mention = ctx.mention_at(token)
        if mention is None or mention.type not in MEMBERS or mention.name in seen:
            continue
        before = mention.start - 1 - (mention.start > 0 and token.doc[mention.start - 1].pos_ == "DET")
        if before > 0 and token.doc[before].lower_ == "of" and token.doc[before - 1].lemma_.lower() in PART_NOUNS:
            continue
        seen[mention.name] = mention
    return list(seen.values())


def _phrase(token: Token) -> list[Token]:
    """A noun's phrase without the clauses hung on it ("militias formed in 2014 to fight X" is the militias)."""
    tokens = [token]
    for child in token.children:
        if child.dep_ not in ("acl", "relcl", "advcl"):
            tokens.extend(_phrase(child))
    return sorted(tokens, key=lambda t: t.i)


def _object(verb: Token, ctx: SentenceContext) -> ActorMention | None:
    return next((m for c in verb.children if c.dep_ == "dobj" and (m := ctx.mention_at(c)) is not None), None)


def _new_body(verb: Token, ctx: SentenceContext) -> ActorMention | None:
    """The body a merger or founding makes: its object, "into X", "as X", "to form X", or the subject of
    "X was formed when ..."."""
    if verb.lemma_.lower() in FOUNDING_VERBS and not _joins_forces(verb):
        return _object(verb, ctx)
    for child in (*verb.children, *(t for t in verb.subtree if t.dep_ == "prep" and t.lower_ == "into")):
        if child.dep_ == "prep" and child.lower_ in ("into", "as", "in"):
            body = next((m for g in child.children if g.dep_ == "pobj" and (m := ctx.mention_at(g)) is not None), None)
            if body is not None:
                return body
        if child.dep_ in ("xcomp", "advcl") and child.lemma_.lower() in FOUNDING_VERBS:
            body = _object(child, ctx)  # "merged to form X"
            if body is not None:
                return body
    if not any(c.lower_ == "when" for c in verb.children):
        return None
    for head in verb.ancestors:  # "X was formed in 2017 when A and B merged", however the clause was hung
        if head.pos_ == "VERB" and head.lemma_.lower() in FOUNDING_VERBS:
            return next((m for c in head.children if c.dep_ == "nsubjpass" and (m := ctx.mention_at(c)) is not None),
                        None)
    return None


def _joining(verb: Token, ctx: SentenceContext) -> list[ActorMention]:
    """The groups that merge: the subject's (with any list hung on it), and for a merger its object's and
    those "with" it."""
    members = []
    for child in verb.children:
        if child.dep_ == "nsubj":
            tokens = list(child.subtree)
            members += _listed_before(tokens[0], ctx) + _groups(tokens, ctx)
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        # no subject parsed ("In 2020 six groups, among them A and B, joined forces"): what comes before the
        # verb in its own clause
        members += _groups([t for t in verb.subtree if t.i < verb.i and _same_clause(t, verb)], ctx)
    if verb.lemma_.lower() in MERGING:
        for child in verb.children:
            if child.dep_ == "dobj":
                members += _groups(list(child.subtree), ctx)
            elif child.dep_ == "prep" and child.lower_ == "with":
                members += _groups(list(child.subtree), ctx)
    return members


def _same_clause(token: Token, verb: Token) -> bool:
    head = token.head
    while head != verb and head.head != head:
        if head.pos_ in ("VERB", "AUX"):
            return False
        head = head.head
    return head == verb


def _listed_before(first: Token, ctx: SentenceContext) -> list[ActorMention]:
    """ "In 2020 the FPRC, the UPC and the 3R formed ...": list items before the subject that the parser hung
    elsewhere, each set off by a comma."""
    found: list[ActorMention] = []
    i = first.i
    while i >= 2 and first.doc[i - 1].text == ",":
        j = i - 2
        mention = ctx.mention_at(first.doc[j])
        if mention is None or mention.type not in MEMBERS:
            break
        found.insert(0, mention)
        i = mention.start - (1 if mention.start > 0 and first.doc[mention.start - 1].pos_ == "DET" else 0)
    return found


def _listed_after(members: list[ActorMention], ctx: SentenceContext) -> list[ActorMention]:
    """The members, and the list items that follow the last of them ("of A, B and C") wherever the parser
    hung them."""
    if not members:
        return members
    found = list(members)
    doc, i = ctx.sent.doc, members[-1].end
    while i + 1 < ctx.sent.end and doc[i].lower_ in (",", "and", "or"):
        i += 2 if doc[i].text == "," and doc[i + 1].lower_ in ("and", "or") else 1
        if i < ctx.sent.end and doc[i].pos_ == "DET":
            i += 1
        mention = ctx.mention_at(doc[i]) if i < ctx.sent.end else None
        if mention is None or mention.type not in MEMBERS:
            break
        found.append(mention)
        i = mention.end
    return list(dict.fromkeys(found))


def _gathered(verb: Token, ctx: SentenceContext) -> tuple[ActorMention | None, list[ActorMention]]:
    """ "X brings together A and B", "Members of X include A": a coalition and the groups it holds."""
    if verb.lemma_.lower() == "bring" and not any(c.lower_ == "together" for c in verb.children):
        return None, []
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects:
        return None, []
    body = _coalition(subjects[0], ctx)
    if body is None and subjects[0].lemma_.lower() == "member":
        body = next((m for p in subjects[0].children if p.dep_ == "prep" and p.lower_ == "of"
                     for g in p.children if g.dep_ == "pobj" and (m := ctx.mention_at(g)) is not None), None)
    if body is None:
        return None, []
    objects = [c for c in verb.children if c.dep_ in ("dobj", "attr")]
    tokens = [t for c in objects for t in c.subtree]
    if objects:
        after = max(t.i for t in tokens) + 1
        if after < ctx.sent.end and verb.doc[after].text == ":":
            tokens += list(verb.doc[after : ctx.sent.end])  # "brings together three armies: A, B and C"
    return body, _listed_after(_groups(tokens, ctx), ctx)


def _coalition(token: Token, ctx: SentenceContext) -> ActorMention | None:
    """The group a word stands for when it is a coalition: a name with a coalition noun in it ("the Alliance of
    ..."), or a coalition noun set beside such a group ("the CPC, a coalition that ...")."""
    mention = ctx.mention_at(token)
    if mention is not None:
        words = {t.lemma_.lower() for t in token.doc[mention.start : mention.end]}
        return mention if words & COALITION_NOUNS else None
    if token.lemma_.lower() in COALITION_NOUNS and token.dep_ == "appos":
        return ctx.mention_at(token.head)
    return None


def _coalition_noun(noun: Token, ctx: SentenceContext) -> tuple[ActorMention | None, list[ActorMention]]:
    """ "X, an alliance of A, B and C" / "X, an umbrella that also includes A": the groups of X."""
    if noun.dep_ != "appos" or ctx.mention_at(noun) is not None:
        return None, []
    body = ctx.mention_at(noun.head)
    tokens = [t for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for t in _phrase(p)]
    tokens += [t for r in noun.children if r.dep_ == "relcl" and r.lemma_.lower() in GATHERING
               for c in r.children if c.dep_ == "dobj" for t in c.subtree]
    return body, _listed_after(_groups(tokens, ctx), ctx)
