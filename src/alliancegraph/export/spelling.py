"""Actors' names as each document writes them, in the per-document facts export.

A person's canonical name is one transliteration among several ("Abu Mohammad al-Julani",
"Nicolás Maduro"); an article that writes "al-Jolani" or "Nicolas Maduro" is quoted
under its own spelling, so a fact line reads as its sentence does and matches what a
reader of that article writes down.  Only a *spelling* differs: the same number of
words, and the two forms, with accents, case and punctuation put aside, at least
:data:`SIMILAR` alike (rapidfuzz ratio).  A document that also writes the canonical
form keeps it.

A group's canonical name is the gazetteer's choice among its names; an article that never writes it
("the Provisionals", "the Democratic Party of Iranian Kurdistan", "Hezb-e-Islami") is quoted under the
fullest name it does write, since that is the name its reader knows the group by.  Only proper names
count: a form that is a possessive phrase or starts in lower case ("Iran's Revolutionary Guards",
"ex-Seleka") is not one.  Cross-document exports (STIX, GraphML, CSV) keep canonical names.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import replace

from rapidfuzz import fuzz

from ..model import Event, Fact, Quantity, Relation

SIMILAR = 85.0
GROUPS = ("armed_group", "group", "organization", "state_force")  # the actor types named as their document names them


def fold(name: str) -> str:
    """Lower case, accents and everything but letters and digits dropped: "Iván Márquez" -> "ivanmarquez"."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return re.sub(r"[^0-9a-z]", "", plain.lower())


def document_spelling(canonical: str, forms: Sequence[str]) -> str:
    """The spelling of ``canonical`` a document uses among its ``forms`` (the canonical name if none differs)."""
    size = len(canonical.split())
    best, best_score = canonical, 0.0
    for form in forms:
        words = re.sub(r"['\u2019]s?$", "", form.strip()).split()  # "Hassan al-Turabi's government": his name
        if len(words) < size:
            continue
        tail = " ".join(words[-size:])  # "Colonel Assimi Goita": the title is not part of the name
        if tail == canonical:
            return canonical
        score = fuzz.ratio(fold(tail), fold(canonical))
        if score >= SIMILAR and score > best_score:
            best, best_score = tail, score
    return best


def document_name(canonical: str, forms: Sequence[str]) -> str:
    """The name a document calls a group by among its ``forms``: the canonical name if it writes it, else the
    longest proper name it writes (the first of equals), else the canonical name."""
    names = [form for form in (_bare(f) for f in forms) if _proper(form)]
    if not names or any(fold(name) == fold(canonical) for name in names):
        return canonical
    return max(names, key=len)


def _bare(form: str) -> str:
    return re.sub(r"^the\s+", "", form.strip(), flags=re.IGNORECASE)


def _proper(form: str) -> bool:
    # "the group's", "Machar's men", "Iran's Revolutionary Guards" are no names; "Sudan People's Liberation
    # Movement" is one
    return bool(form) and form[0].isupper() and not re.search(r"^\S+['\u2019]s?\s|['\u2019]s?(\s+[^A-Z\s]|\s*$)",
                                                              form)


def spellings(forms_by_doc: Mapping[str, Mapping[str, Sequence[str]]],
              groups_by_doc: Mapping[str, Mapping[str, Sequence[str]]] | None = None) -> dict[str, dict[str, str]]:
    """For each document, the canonical names it writes differently, mapped to its own: people's spellings
    from ``forms_by_doc``, groups' names from ``groups_by_doc``."""
    out: dict[str, dict[str, str]] = {}
    for by_doc, choose in ((forms_by_doc, document_spelling), (groups_by_doc or {}, document_name)):
        for doc_id, by_actor in by_doc.items():
            changed = {name: written for name, forms in by_actor.items() if (written := choose(name, forms)) != name}
            if changed:
                out.setdefault(doc_id, {}).update(changed)
    return out


def as_written(facts: Iterable[Fact], by_doc: Mapping[str, Mapping[str, str]]) -> Iterator[Fact]:
    """The facts with each actor under its document's spelling."""
    for fact in facts:
        names = by_doc.get(fact.evidence.doc_id)
        if not names:
            yield fact
            continue

        def spell(name: str | None, names: Mapping[str, str] = names) -> str | None:
            return names.get(name, name) if name is not None else None

        said = spell(fact.attributed_to)
        if isinstance(fact, Relation):
            yield replace(fact, source=spell(fact.source) or "", target=spell(fact.target) or "", attributed_to=said)
        elif isinstance(fact, Quantity):
            yield replace(fact, actor=spell(fact.actor) or "", attributed_to=said)
        elif isinstance(fact, Event):
            yield replace(fact, actors=tuple(spell(a) or "" for a in fact.actors), attributed_to=said)
