"""How long core work reports progress and learns that the user wants it stopped."""

from __future__ import annotations

import threading
from collections.abc import Callable

from trainer.errors import CancelledError

# progress(done, total) -> False once the user asked to stop.
Progress = Callable[[int, int], bool]


class CancelToken:
    """Set by the interface (any thread), checked by the core between steps."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def wait(self, seconds: float) -> bool:
        """Wait up to ``seconds`` for a cancel (a job waiting on something else); True if
        cancelled."""
        return self._event.wait(seconds)

    def check(self, what: str = "cancelled") -> None:
        """Raise CancelledError once the user asked to stop."""
        if self._event.is_set():
            raise CancelledError(what)
