"""The extractor's word lists, loaded from ``data/lexicon.json``.

Triggers and cues are matched by lemma; multi-word entries as consecutive
lemmas.  Analysts extend the data file, not this module.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import ExtractionError


@dataclass(frozen=True)
class Lexicon:
    relation_triggers: dict[str, tuple[str, ...]]
    support_received: tuple[str, ...]
    blamed: tuple[str, ...]
    support_kinds: dict[str, tuple[str, ...]]
    roles: dict[str, tuple[str, ...]]
    negation_cues: frozenset[str]
    hedge_cues: tuple[str, ...]
    speech_verbs: frozenset[str]
    titles: frozenset[str]
    approximators: tuple[str, ...]
    measures: dict[str, tuple[str, ...]]
    event_triggers: dict[str, tuple[str, ...]]
    not_actors: frozenset[str] = frozenset()  # lower case
    state_agents: frozenset[str] = frozenset()  # "troops" in "Turkish troops", lower case
    state_agent_modifiers: frozenset[str] = frozenset()  # "security" in "Pakistani security forces"
    unrealised: frozenset[str] = frozenset()  # "persuade" in "persuade X to sever ties": what is only wanted
    wishes: frozenset[str] = frozenset()  # the part of unrealised that only wants ("desire", "plan")
    figurative_objects: dict[str, tuple[str, ...]] = field(default_factory=dict)  # "strike" -> "balance"
    instruments: frozenset[str] = frozenset()  # "strike" in "killed in a US drone strike": its modifier did it
    denials: frozenset[str] = frozenset()  # "deny" in "Caracas denies it": negates the claim just made
    joint: tuple[str, ...] = ()  # "side by side" in "A and B fought side by side": together, not each other

    @cached_property
    def hedge_phrases(self) -> tuple[str, ...]:
        """Hedges of several words ("if true", "unclear whether"): they hedge a whole sentence."""
        return tuple(c for c in self.hedge_cues if " " in c)

    @cached_property
    def hedge_words(self) -> frozenset[str]:
        """Hedges of one word ("may", "reportedly"): they hedge what is in their scope."""
        return frozenset(c for c in self.hedge_cues if " " not in c)

    @classmethod
    def load(cls, path: str | Path | None = None) -> Lexicon:
        """The lexicon at ``path``, or the one shipped with the package."""
        try:
            if path is None:
                raw = resources.files("alliancegraph.data").joinpath("lexicon.json").read_text("utf-8")
                where = "alliancegraph/data/lexicon.json"
            else:
                raw, where = Path(path).read_text("utf-8"), str(path)
            data: dict[str, Any] = json.loads(raw)
        except (OSError, json.JSONDecodeError) as err:
            raise ExtractionError(f"cannot read lexicon {path or 'lexicon.json'}: {err}") from None

        def groups(key: str) -> dict[str, tuple[str, ...]]:
            try:
                return {k: tuple(v) for k, v in data[key].items()}
            except (KeyError, AttributeError):
                raise ExtractionError(f"{where}: missing or malformed section {key!r}") from None

        def words(key: str) -> tuple[str, ...]:
            if not isinstance(data.get(key), list):
                raise ExtractionError(f"{where}: missing or malformed list {key!r}")
            return tuple(data[key])

        return cls(
            relation_triggers=groups("relation_triggers"),
            support_received=words("support_received"),
            blamed=words("blamed") if "blamed" in data else (),
            support_kinds=groups("support_kinds"),
            roles=groups("roles"),
            negation_cues=frozenset(words("negation_cues")),
            hedge_cues=words("hedge_cues"),
            speech_verbs=frozenset(words("speech_verbs")),
            titles=frozenset(words("titles")),
            approximators=words("approximators"),
            measures=groups("measures"),
            event_triggers=groups("event_triggers"),
            not_actors=frozenset(w.lower() for w in words("not_actors")) if "not_actors" in data else frozenset(),
            state_agents=frozenset(w.lower() for w in words("state_agents")) if "state_agents" in data else frozenset(),
            state_agent_modifiers=(frozenset(w.lower() for w in words("state_agent_modifiers"))
                                   if "state_agent_modifiers" in data else frozenset()),
            unrealised=_inflected(words("unrealised")) if "unrealised" in data else frozenset(),
            wishes=frozenset(w.lower() for w in words("wishes")) if "wishes" in data else frozenset(),
            figurative_objects=groups("figurative_objects") if "figurative_objects" in data else {},
            instruments=frozenset(w.lower() for w in words("instruments")) if "instruments" in data else frozenset(),
            denials=frozenset(w.lower() for w in words("denials")) if "denials" in data else frozenset(),
            joint=words("joint") if "joint" in data else (),
        )


def _inflected(words: Iterable[str]) -> frozenset[str]:
    """Each word with its -s, -ed and -ing forms, for the small model's misread lemmas ("hopes" -> "hop")."""
    forms = set()
    for word in (w.lower() for w in words):
        stem = word[:-1] if word.endswith("e") else word
        forms.update({word, word + "s", word + "es", stem + "ed", stem + "ing"})
    return frozenset(forms)

