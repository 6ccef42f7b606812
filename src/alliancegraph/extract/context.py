"""What a sentence says about its own facts: who says so, how sure, and when.

These are small functions over one sentence and its paragraph, shared by the
relation, quantity and event extractors.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from spacy.attrs import IS_ALPHA, IS_LOWER, IS_STOP
from spacy.tokens import Doc, Span, Token

from ..model import Document, Evidence
from .lexicon import Lexicon
from .when import TimeExpression, nearest_time, time_expressions


@dataclass(frozen=True)
class ActorMention:
    """An actor in a sentence: its canonical name, type and tokens."""

    name: str
    type: str
    start: int  # token index in the paragraph doc
    end: int
    method: str

    def covers(self, token: Token) -> bool:
        return self.start <= token.i < self.end


@dataclass
class SentenceContext:
    """One sentence with the actors in it and the document around it."""

    document: Document
    sent: Span
    offset: int  # character offset of the paragraph in the document
    mentions: list[ActorMention]
    lexicon: Lexicon
    speaker: str | None = None
    time: str | None = None
    questioned: bool = False  # the next sentence doubts this one ("If true, ...")
    forces: Mapping[str, str] = field(default_factory=dict)  # a state's forces -> the state
    rulers: Mapping[str, str] = field(default_factory=dict)  # a head of state -> the state he leads
    commanders: Mapping[str, str] = field(default_factory=dict)  # a leader -> the one armed group he leads
    group_in_view: ActorMention | None = None  # the armed group the passage was about before this sentence
    home: str | None = None  # the state whose conflict the document is about, if one stands out
    times: list[TimeExpression] = field(default_factory=list)
    extras: dict[str, object] = field(default_factory=dict)

    def mention_at(self, token: Token) -> ActorMention | None:
        """The narrowest mention covering a token: in "the Islamic State faction (ISIL-Somalia)", "State" is the
        Islamic State even inside the description of its faction."""
        i = token.i
        found: ActorMention | None = None
        for m in self.mentions:
            if m.start <= i < m.end and (found is None or m.end - m.start < found.end - found.start):
                found = m
        return found


def sentence_evidence(ctx: SentenceContext) -> Evidence:
    """The evidence every fact of a sentence cites: the sentence, with its offsets in the document (made once)."""
    found = ctx.extras.get("evidence")
    if isinstance(found, Evidence):
        return found
    text = ctx.sent.text
    start = ctx.offset + ctx.sent.start_char
    evidence = Evidence(ctx.document.id, text, start, start + len(text), start, start + len(text))
    ctx.extras["evidence"] = evidence
    return evidence


def looks_english(doc: Doc | Span, threshold: float = 0.25) -> bool:
    """Whether a text reads as English: enough of its words are English function words.

    Only lower-case words count, so that names do not dilute the measure:
    English prose runs at 35-55 % stop words among them; other languages
    written in Latin letters fall far below the threshold.
    """
    whole = doc.doc if isinstance(doc, Span) else doc
    start, end = (doc.start, doc.end) if isinstance(doc, Span) else (0, len(doc))
    flags = whole.to_array([IS_ALPHA, IS_LOWER, IS_STOP])[start:end]  # one array read, not a token object each
    words = flags[(flags[:, 0] == 1) & (flags[:, 1] == 1)]
    if len(words) < 12:
        return True  # too few words to judge: a short English paragraph may hold almost no function words
    return float(words[:, 2].sum()) / len(words) >= threshold


def lemma_text(tokens: Span | list[Token]) -> str:
    """The lower-case lemmas of some tokens, space separated, padded for phrase search."""
    return " " + " ".join(t.lemma_.lower() for t in tokens) + " "


def has_cue(tokens: Span | list[Token], cues: tuple[str, ...] | frozenset[str]) -> bool:
    text, words = _search_texts(tokens)
    return any(f" {cue} " in text or f" {cue} " in words for cue in cues)


def _search_texts(tokens: Span | list[Token]) -> tuple[str, str]:
    """Lemmas and words of some tokens, padded for phrase search; a span's are kept on its doc, since the same
    sentence is searched for many cue lists."""
    if not isinstance(tokens, Span):
        return lemma_text(tokens), " " + " ".join(t.lower_ for t in tokens) + " "
    key = f"cue_texts:{tokens.start}:{tokens.end}"
    found = tokens.doc.user_data.get(key)
    if found is None:
        found = lemma_text(tokens), " " + " ".join(t.lower_ for t in tokens) + " "
        tokens.doc.user_data[key] = found
    return found


ENDINGS = frozenset({"stop", "cease", "halt"})
FUNCTION_NEGATIONS = frozenset({"not", "never", "no", "n't", "without", "nor", "neither"})


def is_negated(trigger: Token, sent: Span, lexicon: Lexicon) -> bool:
    """Negation that governs the trigger: a ``neg`` child of it or of the verb it is the object of.

    A noun trigger in a subject or appositive ("the group's leader ... has not
    said") is not negated by its clause's verb.
    """
    heads = [trigger]
    token = trigger
    # climb through objects and controlled verbs ("did not want to help", "does not rely on"), not through
    # clauses ("did not say what X provides")
    while token.dep_ in ("dobj", "attr", "xcomp", "acomp", "pobj", "prep", "oprd") and len(heads) < 4:
        token = token.head
        heads.append(token)
    for head in heads:
        if any(child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no") for child in head.children):
            return True
        if any(child.dep_ in ("nsubj", "nsubjpass") and any(d.dep_ == "det" and d.lower_ in ("neither", "no")
                                                             for d in child.children) for child in head.children):
            return True  # "neither side is negotiating", "no faction has pledged"
    if trigger.dep_ in ("nsubj", "nsubjpass") and trigger.head.lemma_.lower() in ENDINGS:
        return True  # "Saudi airstrikes have stopped"
    # "refused to pledge allegiance", "declined to back", "avoided fighting", "ended its support": a verb of
    # refusal or ending governing the trigger
    refusals = {cue[:-3] for cue in lexicon.negation_cues if cue.endswith(" to")} | {
        cue for cue in lexicon.negation_cues if " " not in cue and cue not in FUNCTION_NEGATIONS}
    if any(head.lemma_.lower() in refusals for head in heads[1:]):
        return True
    window = sent.doc[max(sent.start, trigger.i - 3) : trigger.i]
    return has_cue(window, frozenset({"never", "no longer", "not", "n't", "nor"}))


# verbs whose object does what follows them or is cast as it: "accused Tehran of arming X", "urged Kabul to act",
# "credited Turkey with training X", "describes Beijing as an occupier"
OBJECT_DOERS = frozenset({"accuse", "suspect", "blame", "charge", "convict", "credit", "praise", "thank", "criticise",
                          "criticize", "condemn", "urge", "press", "pressure", "warn", "ask", "push", "persuade",
                          "sanction", "designate", "describe", "call", "brand", "label", "regard", "denounce"})
# prepositions that make the state or place after them a location ("its branch in Syria"), not a party
LOCATIVE = frozenset({"in", "across", "near", "around", "throughout", "inside", "outside", "from", "into", "at"})
QUESTIONING = ("if true", "if confirmed", "if so", "if accurate", "if correct")


def is_hedged(sent: Span, lexicon: Lexicon, questioned: bool = False, trigger: Token | None = None) -> bool:
    """Whether a fact is stated with doubt.

    Doubt cast by the next sentence ("If true, ...") or a phrase anywhere in the sentence ("if true",
    "unclear whether") hedges every fact of it.  A single hedge word hedges the facts in its scope: the
    trigger's own clause and the clauses above it ("X *may* have helped", "officials *believe* that X
    funds Y"), not a neighbouring clause ("X leads Y and asks us to *believe* ...").  So does a word
    of wanting or pressing above the trigger ("*hopes* to join X", "*persuading* Y to sever ties").
    """
    if questioned:
        return True
    if trigger is None:
        return has_cue(sent, lexicon.hedge_cues)
    if has_cue(sent, lexicon.hedge_phrases) or any(t.lower_ in ("whether", "if") for t in sent):
        return has_cue(sent, lexicon.hedge_cues)
    words = lexicon.hedge_words
    path = [trigger, *trigger.ancestors]
    for below, node in zip([None, *path], path, strict=False):
        if node.lemma_.lower() in words or node.lower_ in words:
            return True
        # "hopes to join X", "persuading the Taliban to sever ties": wanted, not done; but the one who wants
        # ("Hamas, whose leader X planned the attack") is no wish
        wanting = node.lemma_.lower() in lexicon.unrealised or node.lower_ in lexicon.unrealised
        if below is not None and wanting and below.dep_ not in ("nsubj", "csubj"):
            return True
        if any(c.dep_ in ("advmod", "aux", "auxpass", "amod") and (c.lemma_.lower() in words or c.lower_ in words)
               for c in node.children):
            return True
    return False


def questions_previous(sent: Span) -> bool:
    """Whether a sentence opens by doubting the one before: "If true, the renewed cooperation ..."."""
    return has_cue(sent[:4], QUESTIONING)


def document_year(document: Document) -> int | None:
    return int(document.date[:4]) if document.date else None


def sentence_times(sent: Span, document: Document) -> tuple[list[TimeExpression], str | None]:
    """The time expressions of a sentence (see :mod:`.when`) and the time its facts get by default.

    The default is the sentence's first expression, else the document's year: an article states
    what holds when it was written unless it says otherwise.
    """
    found = time_expressions(sent.text, document.date)
    if found:
        return found, found[0].value
    year = document_year(document)
    return found, str(year) if year is not None else None


def told_in_past(sent: Span) -> bool:
    """A sentence told in the past tense (its main verb is, and no present or modal auxiliary governs it): with
    no time of its own, it goes on from the last time its paragraph stated ("In August 2021 the faction broke
    away. Its fighters clashed with ...")."""
    root = sent.root
    return root.tag_ in ("VBD", "VBN") and not any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP", "MD")
                                                    for c in root.children)


TIME_NOUNS = frozenset({"year", "month", "week", "day", "decade", "period", "time", "era", "century", "season",
                        "spring", "summer", "autumn", "fall", "winter", "hour", "night", "morning", "evening"})


def fact_time(anchor: Span, ctx: SentenceContext) -> str | None:
    """The time of one fact: the sentence's time expression nearest to its trigger, else the default.
    An expression that dates another event named by a noun ("since his capture in 1999") is not the fact's;
    when only such expressions are left, the fact holds at the document's date."""
    if not ctx.times:
        return ctx.time
    root = anchor.root
    nouns = _dated_nouns(ctx)
    times = [t for t, noun in zip(ctx.times, nouns, strict=True) if noun is None or anchor.start <= noun.i < anchor.end
             or noun.is_ancestor(root) or root.is_ancestor(noun)]
    if not times:
        year = document_year(ctx.document)
        return str(year) if year is not None else None
    found = nearest_time(times, anchor.start_char - ctx.sent.start_char)
    return found.value if found is not None else ctx.time


def _dated_nouns(ctx: SentenceContext) -> list[Token | None]:
    """For each time expression of the sentence, the noun it dates ("the defeat ... in 1989"), or None when it
    dates a verb, a time word or (opening the sentence, "In 2011 monitors found ...") the whole sentence.
    Made once per sentence."""
    cached = ctx.extras.get("dated_nouns")
    if isinstance(cached, list):
        return cached
    out: list[Token | None] = []
    for expression in ctx.times:
        token = next((t for t in ctx.sent if t.idx - ctx.sent.start_char >= expression.start), None)
        if token is None or not any(t.pos_ in ("VERB", "AUX") for t in ctx.sent.doc[ctx.sent.start : token.i]):
            out.append(None)
            continue
        for _ in range(4):
            if token.pos_ in ("NOUN", "VERB", "AUX") or token.head == token:
                break
            token = token.head
        dated = token.pos_ == "NOUN" and token.lemma_.lower() not in TIME_NOUNS
        out.append(token if dated else None)
    ctx.extras["dated_nouns"] = out
    return out


def attribution(sent: Span, mentions: list[ActorMention], lexicon: Lexicon, previous: str | None) -> str | None:
    """The speaker a sentence cites: "according to X", "X said", or the last speaker for "he said"."""
    persons = [m for m in mentions if m.type == "person"]
    # a state or a group speaks too ("Islamabad accuses ...", "Tehran denies ..."); a person first
    speakers = persons + [m for m in mentions if m.type in ("state", "state_force", "armed_group", "group")
                          and m.method not in ("pronoun", "plural", "description")]
    for token in sent:
        if token.lower_ == "according" and token.i + 1 < sent.end and token.nbor(1).lower_ == "to":
            cited = [m for m in mentions if m.type != "place" and m.method not in ("pronoun", "plural")
                     and any(m.covers(t) for t in token.nbor(1).subtree)]
            if cited:  # "according to U.S. Army Gen. X": the person, not his service
                return next((m for m in cited if m.type == "person"), cited[0]).name
            named = _name_after(token.nbor(1))
            if named is not None:
                return named  # "according to Vijay Raina, a former police officer": a name the small model missed
        if token.pos_ == "VERB" and token.lemma_.lower() in lexicon.speech_verbs:
            # an organisation speaks when the verb reports something ("denies that", "accuses X of"),
            # not in "al-Qaeda and the Taliban share antipathy"
            reports = any(c.dep_ in ("ccomp", "xcomp", "parataxis") or (c.dep_ == "prep" and c.lower_ == "of")
                          for c in token.children)
            if said_of(token):
                continue
            for child in token.children:
                if child.dep_ in ("nsubj", "nsubjpass"):
                    for m in (speakers if reports else persons):
                        if m.start <= child.i < m.end or any(m.covers(t) for t in child.subtree):
                            return m.name
                    if child.lower_ in ("he", "she") and previous:
                        return previous
    return None


def _name_after(word: Token) -> str | None:
    """Two to four capitalised proper nouns right after a word: a person's name that no entity covers."""
    doc = word.doc
    end = word.i + 1
    while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper() and end - word.i <= 4:
        end += 1
    if not 2 <= end - word.i - 1 <= 4 or doc[word.i + 1].ent_type_ in ("ORG", "GPE", "NORP", "LOC"):
        return None
    return doc[word.i + 1 : end].text


def speaker_of(trigger: Token, ctx: SentenceContext) -> str | None:
    """Who a fact read at ``trigger`` is attributed to: the sentence's speaker, except for what the writer says
    of the speaker on the way ("Kasturi Mahkota, who heads the PULO faction, said ...": the heading is the
    writer's)."""
    if ctx.speaker is None or ctx.speaker == ctx.document.author:
        return ctx.speaker
    for verb in ctx.sent:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in ctx.lexicon.speech_verbs:
            continue
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.i != trigger.i and trigger in child.subtree:
                return ctx.document.author
    return ctx.speaker


QUOTES = frozenset('"“”')


def quoting(sent: Span) -> bool:
    """Whether a sentence quotes someone: only then does the paragraph's last speaker still speak."""
    return any(c in QUOTES for c in sent.text)


def is_source(mention: ActorMention, ctx: SentenceContext) -> bool:
    """Whether a mention is who says something rather than a party to it.

    The subject of a speech verb ("..., said Rana Khoury", "a UN team
    estimated") or the object of "according to".
    """
    token = ctx.sent.doc[mention.end - 1]
    while token.head.i != token.i and token.dep_ in ("compound", "flat", "appos", "amod", "poss"):
        token = token.head
    if token.dep_ in ("nsubj", "nsubjpass") and token.head.lemma_.lower() in ctx.lexicon.speech_verbs:
        return not said_of(token.head)
    return cited_by_according(mention, ctx)


def said_of(verb: Token) -> bool:
    """ "The ADF, thought to number 1,500 fighters", "X is said to lead": the subject is talked about, not talking."""
    after = verb.nbor(1) if verb.i + 1 < len(verb.doc) else None
    # "to" right after the verb, as the infinitive's marker: "thought to number", not "said to reporters"
    return after is not None and after.lower_ == "to" and after.dep_ == "aux" and after.head.dep_ == "xcomp" and (
        after.head.head == verb)


def cited_by_according(mention: ActorMention, ctx: SentenceContext) -> bool:
    """Whether a mention is the source in "according to X": a source, never a party."""
    token = ctx.sent.doc[mention.end - 1]
    while token.head.i != token.i and token.dep_ in ("compound", "flat", "appos", "amod", "poss"):
        token = token.head
    return token.dep_ == "pobj" and token.head.lower_ == "to" and token.head.i > 0 and (
        ctx.sent.doc[token.head.i - 1].lower_ == "according")
