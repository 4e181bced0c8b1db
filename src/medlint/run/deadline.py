"""A per-file time limit, so that one pathological file cannot hang a whole run."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

DEFAULT_TIMEOUT = 60.0  # seconds per file; a normal article takes milliseconds


class Timeout(Exception):
    """Checking one file took longer than the limit."""


def _expired(signum: int, frame: object) -> None:
    raise Timeout


@contextmanager
def deadline(seconds: float | None) -> Iterator[None]:
    """Raise :class:`Timeout` inside the block after ``seconds`` (0 or None: no limit).

    Uses a real-time interval timer, so it applies in the main thread of a process on
    POSIX systems (regular-expression matching is interruptible); elsewhere it is a no-op.
    """
    usable = hasattr(signal, "setitimer") and (
        threading.current_thread() is threading.main_thread()
    )
    if not seconds or not usable:
        yield
        return
    previous = signal.signal(signal.SIGALRM, _expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
