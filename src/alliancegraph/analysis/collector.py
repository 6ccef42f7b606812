"""Pausing the cyclic garbage collector while a question builds many short-lived objects.

A hub's ties make tens of thousands of objects (rows, numbers, claims, ties)
that reference counting frees at the end; on the way they still trigger the
collector's passes over every object of the process: about a third of a
hub's ``ties`` without a limit (``docs/analysis.md``, Speed).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic garbage collector paused, if it is on, and resumed as it was.

    Only the caller that paused it resumes it, so nested or concurrent pauses
    never leave it off; objects freed by reference counting are freed as usual.
    """
    paused = gc.isenabled()
    if paused:
        gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()
