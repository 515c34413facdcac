"""Pause Python's cycle collector while a stage makes a great many objects and keeps them.

The collector runs every few hundred allocations and, now and then, walks every object alive: while
a 3,000-indicator comparison or a 500-page PDF is built, that is all of them, again and again, to
free next to nothing. It is paused for the stage only; afterwards it runs again as before and frees
whatever cycles the stage left.
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
