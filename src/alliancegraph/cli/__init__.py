"""The ``alliancegraph`` command: each command is a thin wrapper of a library function.

The group lives in ``base``; each module adds the commands of one part of the
library and is imported here for that side effect.
"""

from __future__ import annotations

from . import decisions, documents, graph, models, web  # noqa: F401  (each registers its commands)
from .base import cli, table

__all__ = ["cli", "main", "table"]


def main() -> None:  # pragma: no cover
    cli(obj={})
