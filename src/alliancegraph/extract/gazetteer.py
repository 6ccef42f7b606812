"""The actor gazetteer: canonical names, types, aliases and lineage links.

Loaded from ``data/actors.jsonl`` (one actor per line); an analyst's own file
can replace or extend it.  Lookups compare names under :func:`alias_key` after
:func:`strip_name` has removed articles, titles and possessives.

Two actors may share an alias ("ADF" is the Allied Democratic Forces in Congo and
the Ambazonia Defence Forces in Cameroon).  The first listed is the default; a
document chooses between them by which actor's own cues it names more often
(:meth:`Gazetteer.choose`): its other names, its region, and that region's
demonyms and capital.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import ExtractionError
from ..store import alias_key

ACTOR_TYPES = frozenset({"armed_group", "state", "state_force", "person", "organization", "place"})
_POSSESSIVE = re.compile(r"(?:['\u2019]s?)$")


PROVINCE = "province"  # the title of the Islamic State's branches


@dataclass(frozen=True)
class GazetteerEntry:
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    region: str | None = None
    links: tuple[dict[str, Any], ...] = field(default=())
    # states only: "Turkish" (in "Turkish drones") and "Ankara" (in "Ankara says") name the state
    demonyms: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()

    def in_office(self, state: str, year: int) -> bool | None:
        """Whether a ruler led ``state`` in ``year``, from the ``terms`` of his link to it (``[[1986, null]]``);
        None when the gazetteer gives no terms."""
        terms = next((link["terms"] for link in self.links if link.get("target") == state and "terms" in link), None)
        if terms is None:
            return None
        return any(start <= year and (end is None or year <= end) for start, end in terms)

    def kind_nouns(self, nouns: frozenset[str]) -> frozenset[str]:
        """Which of ``nouns`` the group's own names use ("Taliban movement" -> movement)."""
        words = {w for text in (self.name, *self.aliases) for w in re.findall(r"[a-z]+", text.lower())}
        return nouns & words


def strip_name(text: str, titles: Iterable[str] = ()) -> str:
    """A name without a leading article, leading titles or a trailing possessive.

    >>> strip_name("the Taliban\u2019s", ["mullah"])
    'Taliban'
    >>> strip_name("Mullah Akhtar Mohammad Mansour", ["mullah"])
    'Akhtar Mohammad Mansour'
    """
    name = _POSSESSIVE.sub("", text.strip()).strip(" ,;:\"\u201c\u201d")
    ordered = _longest_first(titles if isinstance(titles, tuple) else tuple(titles))
    changed = True
    while changed:
        changed = False
        low = name.lower()
        if low.startswith("the "):
            name, changed = name[4:].lstrip(), True
            continue
        for title in ordered:
            if low.startswith(title + " ") and len(name) > len(title) + 1:
                name, changed = name[len(title) + 1 :].lstrip(), True
                break
    return name


@lru_cache(maxsize=8)
def _longest_first(titles: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted({t.lower() for t in titles}, key=len, reverse=True))


class Gazetteer:
    """Canonical actors and every alias that points to them."""

    def __init__(self, entries: Iterable[GazetteerEntry], titles: Iterable[str] = ()) -> None:
        self.entries: dict[str, GazetteerEntry] = {}
        self._by_key: dict[str, GazetteerEntry] = {}
        self.titles = tuple(titles)
        holders: dict[str, list[GazetteerEntry]] = {}
        for entry in entries:
            self.entries[entry.name] = entry
            for alias in (entry.name, *entry.aliases):
                self._by_key.setdefault(alias_key(alias), entry)
                named = holders.setdefault(alias_key(alias), [])
                if entry not in named:
                    named.append(entry)
        # forms that name more than one actor, each with its holders in file order
        self.shared: dict[str, tuple[GazetteerEntry, ...]] = {k: tuple(v) for k, v in holders.items() if len(v) > 1}
        self.sharers = frozenset(e.name for holders_ in self.shared.values() for e in holders_)
        # "Sri Lankan", "Tajik": words for a state's people, lower case
        self.demonyms = frozenset(d.lower() for e in self.entries.values() if e.type == "state" for d in e.demonyms)
        self._cues: dict[str, re.Pattern[str]] = {}
        self._by_spelling: dict[str, GazetteerEntry] | None = None  # made on first use
        # "the West Africa Province": the ends of branch names ("Islamic State West Africa Province") that name one
        provinces: dict[str, set[str]] = {}
        for entry in self.entries.values():
            for alias in (entry.name, *entry.aliases):
                words = alias.split()
                if entry.type == "armed_group" and len(words) > 2 and words[-1].lower() == PROVINCE:
                    for k in range(1, len(words) - 1):
                        provinces.setdefault(alias_key(" ".join(words[k:])), set()).add(entry.name)
        self._provinces = {k: next(iter(v)) for k, v in provinces.items() if len(v) == 1}

    @classmethod
    def load(cls, path: str | Path | None = None, titles: Iterable[str] = ()) -> Gazetteer:
        """The gazetteer at ``path``, or the one shipped with the package."""
        where = str(path) if path else "alliancegraph/data/actors.jsonl"
        try:
            if path is None:
                raw = resources.files("alliancegraph.data").joinpath("actors.jsonl").read_text("utf-8")
            else:
                raw = Path(path).read_text("utf-8")
        except OSError as err:
            raise ExtractionError(f"cannot read gazetteer {where}: {err}") from None
        except UnicodeDecodeError:
            raise ExtractionError(f"cannot read gazetteer {where}: not UTF-8 text") from None
        return cls(_parse_entries(raw, where), titles)

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[GazetteerEntry]:
        return iter(self.entries.values())

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self.lookup(name) is not None

    def lookup(self, name: str) -> GazetteerEntry | None:
        """The entry a surface form names, if any."""
        exact = self._by_key.get(alias_key(name))
        if exact is not None:
            return exact
        return self._by_key.get(alias_key(strip_name(name, self.titles)))

    def lookup_spelling(self, name: str) -> GazetteerEntry | None:
        """The one group or state that a name spells another way ("Gamaa Islamiya" for al-Gama'a
        al-Islamiyya, "Jaysh al-Islam" for Jaish al-Islam), under :func:`spelling_key`; None when no entry
        or more than one has that spelling."""
        if self._by_spelling is None:
            holders: dict[str, set[str]] = {}
            for entry in self.entries.values():
                for alias in (entry.name, *entry.aliases):
                    key = spelling_key(alias)
                    if len(key) >= MIN_SPELLING:
                        holders.setdefault(key, set()).add(entry.name)
            self._by_spelling = {k: self.entries[next(iter(v))] for k, v in holders.items() if len(v) == 1}
        key = spelling_key(name)
        found = self._by_spelling.get(key) if len(key) >= MIN_SPELLING else None
        return found if found is not None and found.type != "person" else None

    def branch_titled(self, name: str) -> GazetteerEntry | None:
        """The one branch whose full name ends in ``name`` ("West Africa Province"), if just one does."""
        words = name.split()
        if len(words) < 2 or words[-1].lower() != PROVINCE:
            return None
        found = self._provinces.get(alias_key(name))
        return self.entries[found] if found is not None else None

    def choose(self, form: str, text: str) -> GazetteerEntry | None:
        """Which of the actors sharing ``form`` a document of ``text`` means: the one whose cues it names most
        often, the first listed on a tie; None when ``form`` names a single actor."""
        holders = self.shared.get(alias_key(strip_name(form, self.titles)))
        if holders is None:
            return None
        counts = [len(self._cue_pattern(entry).findall(text)) for entry in holders]
        return holders[counts.index(max(counts))]

    def _cue_pattern(self, entry: GazetteerEntry) -> re.Pattern[str]:
        if entry.name not in self._cues:
            cues = {a for a in (entry.name, *entry.aliases) if alias_key(a) not in self.shared}
            region = self.entries.get(entry.region or "")
            if entry.region:
                cues.add(entry.region)
            if region is not None:
                cues.update((*region.aliases, *region.demonyms, *region.capitals))
            words = sorted(cues, key=len, reverse=True)
            if not words:
                self._cues[entry.name] = re.compile(r"(?!)")  # nothing can point to it
                return self._cues[entry.name]
            self._cues[entry.name] = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b")
        return self._cues[entry.name]


# Arabic, Persian and Urdu articles and joining vowels that transliterations write or leave out: "al-", "ash-",
# "ut-", the "-e-" of "Lashkar-e-Taiba"
ARTICLES = frozenset({"al", "el", "ad", "an", "ar", "as", "ash", "at", "az", "ud", "ul", "ut", "e", "i"})
# letters that transliterations write in different ways, each mapped to one form
VARIANTS = (("ou", "u"), ("oo", "u"), ("ee", "i"), ("ei", "ai"), ("ey", "ai"), ("y", "i"), ("q", "k"))
MIN_SPELLING = 8  # shorter keys are too easily another name's


@lru_cache(maxsize=1 << 16)  # the same unknown names come back in sentence after sentence
def spelling_key(name: str) -> str:
    """A name with its transliteration choices put aside: accents, apostrophes, articles, doubled letters and a
    few interchangeable letters ("Gama'a al-Islamiyya" and "Gamaa Islamiya" give one key)."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).lower()
    plain = re.sub(r"['’‘ʿʾ`]", "", plain)
    joined = "".join(w for w in re.split(r"[^0-9a-z]+", plain) if w and w not in ARTICLES)
    for written, kept in VARIANTS:
        joined = joined.replace(written, kept)
    return re.sub(r"(.)\1+", r"\1", joined)


def _parse_entries(raw: str, where: str) -> Iterator[GazetteerEntry]:
    for number, line in enumerate(raw.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj: Any = json.loads(line)
            name, kind = obj["name"], obj["type"]
        except (json.JSONDecodeError, KeyError, TypeError):
            raise ExtractionError(f"{where}:{number}: not an actor record (JSON with 'name' and 'type')") from None
        if kind not in ACTOR_TYPES:
            raise ExtractionError(f"{where}:{number}: unknown actor type {kind!r} for {name!r}")
        links = obj.get("links") or []
        if not isinstance(links, list) or not all(_good_link(link) for link in links):
            raise ExtractionError(f"{where}:{number}: the links of {name!r} must be objects with a relation and a "
                                  "target, and any terms a list of [first year, last year or null]")
        yield GazetteerEntry(name=name, type=kind, aliases=tuple(obj.get("aliases") or ()),
                             region=obj.get("region"), links=tuple(links),
                             demonyms=tuple(obj.get("demonyms") or ()), capitals=tuple(obj.get("capitals") or ()))


def _good_link(link: object) -> bool:
    """A link the extractor can read: ``{"relation": ..., "target": ..., "terms": [[1986, null]]}``."""
    if not isinstance(link, dict) or not isinstance(link.get("relation"), str) or not isinstance(
            link.get("target"), str):
        return False
    terms = link.get("terms", [])
    return isinstance(terms, list) and all(
        isinstance(term, list) and len(term) == 2 and type(term[0]) is int and (term[1] is None or type(term[1]) is int)
        for term in terms)
