"""Building many small objects at once (a bank, an import) without the cyclic collector.

Reading a big file makes millions of small objects that form no cycles; Python's
cyclic garbage collector would walk all of them again and again as they pile up
(most of the time of a 150,000-question import went there). It is paused while they
are built and started again after, whatever happens.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
