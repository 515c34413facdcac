"""Pause Python's cycle collector while a stage makes a great many objects and keeps them.

The collector runs every few hundred allocations and, now and then, walks every object alive: while
a 3,000-indicator comparison or a 500-page PDF is built, that is all of them, again and again, to
free next to nothing. Pausing it for the stage (and collecting once afterwards, as the collector
would) is the remedy the Python documentation gives for such phases.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def cycle_collector_paused() -> Iterator[None]:
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
