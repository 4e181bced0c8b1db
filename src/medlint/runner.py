"""Run a check over many files, streaming each file's result in a deterministic order.

The parent process finds and reads the files, answers from the cache what it can and
sends the rest, in batches, to worker processes (forked, so they share the compiled
rules and the segmenter) or to another executor (see ``distributed.py``). Results come
back in the order of the files, and only a bounded number of files is in flight, so
memory stays flat however many files there are.
"""

from __future__ import annotations

import os
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import chain, islice
from typing import Protocol

from .cache import Cache
from .engine import Linter
from .files import DEFAULT_EXTENSIONS, InputError, iter_files, read_source
from .violation import Violation

BATCH = 16  # files per task sent to a worker
LONG_RUN = 500  # from this many files on, the whole jieba dictionary is loaded up front
IN_FLIGHT = 4  # tasks per worker queued or running at once


@dataclass
class FileResult:
    path: str
    source: str | None
    violations: list[Violation]
    error: str | None = None


class Handle(Protocol):
    def get(self) -> list[list[Violation]]: ...


class Executor(Protocol):
    """Checks batches of (path, text); ``workers`` sizes the window of tasks in flight."""

    workers: int

    def submit(self, batch: list[tuple[str, str]]) -> Handle: ...

    def close(self) -> None: ...


def check_one(linter: Linter, path: str, text: str | None = None) -> FileResult:
    """Check one file (or ``text`` standing for it); input problems become ``error``."""
    try:
        source = read_source(path) if text is None else text
    except InputError as error:
        return FileResult(path, None, [], str(error))
    return FileResult(path, source, linter.check_text(source, path))


def check_batch(linter: Linter, batch: list[tuple[str, str]]) -> list[list[Violation]]:
    return [linter.check_text(text, path) for path, text in batch]


class _Done:
    def __init__(self, value: list[list[Violation]]) -> None:
        self.value = value

    def get(self) -> list[list[Violation]]:
        return self.value


def _prepare(long_run: bool) -> None:
    """Load the segmenter; for a long run, the whole dictionary (before any fork)."""
    from .analysis.segment import prepare

    prepare(complete=long_run)


class InlineExecutor:
    """Checks in this process."""

    workers = 1

    def __init__(self, linter: Linter, long_run: bool = False) -> None:
        self.linter = linter
        self.long_run = long_run

    def submit(self, batch: list[tuple[str, str]]) -> Handle:
        if self.long_run:  # on the first batch to check: a fully cached run never loads it
            _prepare(True)
            self.long_run = False
        return _Done(check_batch(self.linter, batch))

    def close(self) -> None:
        pass


_worker_linter: Linter | None = None  # set before the fork; each worker inherits it


def _worker_batch(batch: list[tuple[str, str]]) -> list[list[Violation]]:
    assert _worker_linter is not None
    return check_batch(_worker_linter, batch)


class ProcessExecutor:
    """Forked worker processes (fork explicitly: they inherit the compiled rules and the
    loaded segmenter), started when the first batch needs checking."""

    def __init__(self, linter: Linter, workers: int, long_run: bool = False) -> None:
        self.linter = linter
        self.workers = workers
        self.long_run = long_run
        self.pool = None

    def submit(self, batch: list[tuple[str, str]]) -> Handle:
        if self.pool is None:
            import multiprocessing

            global _worker_linter
            _worker_linter = self.linter
            _prepare(self.long_run)
            self.pool = multiprocessing.get_context("fork").Pool(self.workers)
        return self.pool.apply_async(_worker_batch, (batch,))

    def close(self) -> None:
        if self.pool is not None:
            self.pool.terminate()
            self.pool.join()


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def make_executor(linter: Linter, jobs: int, long_run: bool = False) -> Executor:
    if jobs <= 1:
        return InlineExecutor(linter, long_run)
    return ProcessExecutor(linter, jobs, long_run)


@dataclass
class _Slot:
    path: str
    result: FileResult | None = None
    text: str = ""
    key: str | None = None
    handle: Handle | None = None
    index: int = 0


def _read(path: str) -> str:
    return sys.stdin.read() if path == "-" else read_source(path)


def run(
    linter: Linter,
    paths: Iterable[str],
    extensions: tuple[str, ...] = DEFAULT_EXTENSIONS,
    *,
    jobs: int = 1,
    cache: Cache | None = None,
    executor: Executor | None = None,
) -> Iterator[FileResult]:
    """Results for every file under ``paths``, in a deterministic order."""
    files = iter_files(paths, extensions)
    first = list(islice(files, LONG_RUN))
    if executor is None:  # a handful of files is checked faster than workers start
        jobs = jobs if len(first) > BATCH else 1
        executor = make_executor(linter, jobs, long_run=len(first) >= LONG_RUN)
    try:
        yield from _stream(chain(first, files), executor, cache)
    finally:
        executor.close()


def _stream(files: Iterable[str], executor: Executor, cache: Cache | None) -> Iterator[FileResult]:
    limit = executor.workers * IN_FLIGHT * BATCH
    slots: deque[_Slot] = deque()
    batch: list[_Slot] = []

    def submit() -> None:
        handle = executor.submit([(slot.path, slot.text) for slot in batch])
        for index, slot in enumerate(batch):
            slot.handle, slot.index = handle, index
        batch.clear()

    for path in files:
        slot = _Slot(path)
        slots.append(slot)
        try:
            slot.text = _read(path)
        except InputError as error:
            slot.result = FileResult(path, None, [], str(error))
        else:
            if cache is not None:
                slot.key = cache.key(path, slot.text)
                hit = cache.get(slot.key, path)
                if hit is not None:
                    slot.result = FileResult(path, slot.text, hit)
            if slot.result is None:
                batch.append(slot)
                if len(batch) >= BATCH:
                    submit()
        while slots and (slots[0].result is not None or len(slots) > limit):
            if slots[0].result is None and slots[0].handle is None:
                submit()
            yield _finish(slots.popleft(), cache)
    if batch:
        submit()
    while slots:
        yield _finish(slots.popleft(), cache)


def _finish(slot: _Slot, cache: Cache | None) -> FileResult:
    if slot.result is not None:
        return slot.result
    assert slot.handle is not None
    violations = slot.handle.get()[slot.index]
    if cache is not None and slot.key is not None:
        cache.put(slot.key, violations)
    return FileResult(slot.path, slot.text, violations)

