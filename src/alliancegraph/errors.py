"""The one exception tree of alliancegraph.

::

    AllianceGraphError
     +-- InputError        a file or record that cannot be read as a document
     +-- StoreError        the database cannot be opened, migrated or written
     +-- ExtractionError   the NLP pipeline cannot be built or run
     +-- QueryError        a question about the store names something unknown

Every error names the offending value (a path, a line, an actor name), so the
message alone tells the user what to fix.
"""

from __future__ import annotations

from pathlib import Path


class AllianceGraphError(Exception):
    """Root of every error raised on purpose by alliancegraph."""


class InputError(AllianceGraphError):
    """A file, or one record of it, that cannot be read as a document."""

    def __init__(self, path: str | Path, problem: str, *, line: int | None = None) -> None:
        self.path = str(path)
        self.problem = problem
        self.line = line
        where = f"{self.path}:{line}" if line is not None else self.path
        super().__init__(f"{where}: {problem}")


class StoreError(AllianceGraphError):
    """The database cannot be opened, migrated or written."""


class ExtractionError(AllianceGraphError):
    """The NLP pipeline cannot be built or run."""


class QueryError(AllianceGraphError):
    """A question names an actor, fact or document that is not in the store."""
