"""Facts as JSON Lines, exactly in the interchange form of ``FACTS.md``."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO

from ..model import Fact


def write_facts(facts: Iterable[Fact], out: IO[str]) -> int:
    """One JSON object a line; returns the number written."""
    n = 0
    for fact in facts:
        out.write(json.dumps(fact.facts_record(), ensure_ascii=False) + "\n")
        n += 1
    return n
