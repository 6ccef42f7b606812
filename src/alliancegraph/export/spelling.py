"""People's names as each document spells them, in the per-document facts export.

A person's canonical name is one transliteration among several ("Abu Mohammad al-Julani",
"Nicolás Maduro"); an article that writes "al-Jolani" or "Nicolas Maduro" is quoted
under its own spelling, so a fact line reads as its sentence does and matches what a
reader of that article writes down.  Only a *spelling* differs: the same number of
words, and the two forms, with accents, case and punctuation put aside, at least
:data:`SIMILAR` alike (rapidfuzz ratio).  A document that also writes the canonical
form keeps it.  Cross-document exports (STIX, GraphML, CSV) keep canonical names.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import replace

from rapidfuzz import fuzz

from ..model import Event, Fact, Quantity, Relation

SIMILAR = 85.0


def fold(name: str) -> str:
    """Lower case, accents and everything but letters and digits dropped: "Iván Márquez" -> "ivanmarquez"."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return re.sub(r"[^0-9a-z]", "", plain.lower())


def document_spelling(canonical: str, forms: Sequence[str]) -> str:
    """The spelling of ``canonical`` a document uses among its ``forms`` (the canonical name if none differs)."""
    size = len(canonical.split())
    best, best_score = canonical, 0.0
    for form in forms:
        words = form.split()
        if len(words) < size:
            continue
        tail = " ".join(words[-size:])  # "Colonel Assimi Goita": the title is not part of the name
        if tail == canonical:
            return canonical
        score = fuzz.ratio(fold(tail), fold(canonical))
        if score >= SIMILAR and score > best_score:
            best, best_score = tail, score
    return best


def spellings(forms_by_doc: Mapping[str, Mapping[str, Sequence[str]]]) -> dict[str, dict[str, str]]:
    """For each document, the canonical names it spells differently, mapped to its spelling."""
    out: dict[str, dict[str, str]] = {}
    for doc_id, by_actor in forms_by_doc.items():
        changed = {name: spelled for name, forms in by_actor.items()
                   if (spelled := document_spelling(name, forms)) != name}
        if changed:
            out[doc_id] = changed
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
