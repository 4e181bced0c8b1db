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
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import chain, islice
from typing import Protocol

from ..documents.base import is_blank
from ..documents.files import (
    DEFAULT_EXTENSIONS,
    DEFAULT_MAX_FILE_SIZE,
    InputError,
    decode,
    iter_files,
    read_source,
)
from ..violation import Violation
from .cache import Cache
from .deadline import DEFAULT_TIMEOUT, Timeout, deadline
from .engine import Linter

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
    def get(self) -> list[FileResult]: ...


class Executor(Protocol):
    """Checks batches of (path, text); ``workers`` sizes the window of tasks in flight."""

    workers: int

    def submit(self, batch: list[tuple[str, str]]) -> Handle: ...

    def close(self) -> None: ...


def check_one(
    linter: Linter,
    path: str,
    text: str | None = None,
    *,
    max_size: int | None = DEFAULT_MAX_FILE_SIZE,
    timeout: float | None = DEFAULT_TIMEOUT,
) -> FileResult:
    """Check one file (or ``text`` standing for it); every problem becomes ``error``.

    An empty article (white space and invisible characters only) has nothing to check
    and yields no violation.
    """
    try:
        source = read_source(path, max_size) if text is None else text
    except InputError as error:
        return FileResult(path, None, [], str(error))
    if is_blank(source):
        return FileResult(path, source, [])
    try:
        with deadline(timeout):
            violations = linter.check_text(source, path)
    except Timeout:
        return FileResult(path, None, [], f"gave up after {timeout:g} s (see --timeout)")
    except RecursionError:
        return FileResult(path, None, [], "too deeply nested to check")
    except Exception as error:  # one odd file must not stop a run over thousands
        return FileResult(path, None, [], f"internal error: {type(error).__name__}: {error}")
    return FileResult(path, source, violations)


def read_stdin() -> str:
    """Standard input, decoded like a file (UTF-8, BOMs, GB18030)."""
    return decode(sys.stdin.buffer.read())


def check_batch(
    linter: Linter, batch: list[tuple[str, str]], timeout: float | None = DEFAULT_TIMEOUT
) -> list[FileResult]:
    """Check (path, text) pairs; the texts are not sent back."""
    results = [check_one(linter, path, text, timeout=timeout) for path, text in batch]
    for result in results:
        result.source = None
    return results


class _Done:
    def __init__(self, value: list[FileResult]) -> None:
        self.value = value

    def get(self) -> list[FileResult]:
        return self.value


def _prepare(long_run: bool) -> None:
    """Load the segmenter; for a long run, the whole dictionary (before any fork)."""
    from ..analysis.segment import prepare

    prepare(complete=long_run)


class InlineExecutor:
    """Checks in this process."""

    workers = 1

    def __init__(self, linter: Linter, long_run: bool = False, timeout=DEFAULT_TIMEOUT) -> None:
        self.linter = linter
        self.long_run = long_run
        self.timeout = timeout

    def submit(self, batch: list[tuple[str, str]]) -> Handle:
        if self.long_run:  # on the first batch to check: a fully cached run never loads it
            _prepare(True)
            self.long_run = False
        return _Done(check_batch(self.linter, batch, self.timeout))

    def close(self) -> None:
        pass


_worker: tuple[Linter, float | None] | None = None  # set before the fork; inherited


def _worker_batch(batch: list[tuple[str, str]]) -> list[FileResult]:
    assert _worker is not None
    return check_batch(_worker[0], batch, _worker[1])


class ProcessExecutor:
    """Forked worker processes (fork explicitly: they inherit the compiled rules and the
    loaded segmenter), started when the first batch needs checking."""

    def __init__(
        self, linter: Linter, workers: int, long_run: bool = False, timeout=DEFAULT_TIMEOUT
    ) -> None:
        self.linter = linter
        self.workers = workers
        self.long_run = long_run
        self.timeout = timeout
        self.pool = None

    def submit(self, batch: list[tuple[str, str]]) -> Handle:
        if self.pool is None:
            import multiprocessing

            global _worker
            _worker = (self.linter, self.timeout)
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


def make_executor(
    linter: Linter, jobs: int, long_run: bool = False, timeout: float | None = DEFAULT_TIMEOUT
) -> Executor:
    if jobs <= 1:
        return InlineExecutor(linter, long_run, timeout)
    return ProcessExecutor(linter, jobs, long_run, timeout)


@dataclass
class _Slot:
    path: str
    result: FileResult | None = None
    text: str = ""
    key: str | None = None
    handle: Handle | None = None
    index: int = 0


def _read(path: str, max_size: int | None) -> str:
    return read_stdin() if path == "-" else read_source(path, max_size)


def run(
    linter: Linter,
    paths: Iterable[str],
    extensions: tuple[str, ...] = DEFAULT_EXTENSIONS,
    *,
    jobs: int = 1,
    cache: Cache | None = None,
    executor: Executor | None = None,
    max_size: int | None = DEFAULT_MAX_FILE_SIZE,
    timeout: float | None = DEFAULT_TIMEOUT,
    discover: Callable[..., Iterator[str]] | None = None,
    fingerprint: Callable[[str], str] | None = None,
) -> Iterator[FileResult]:
    """Results for every file under ``paths``, in a deterministic order; folders that
    cannot be listed come as results with an error, where they were met.

    ``discover(paths, on_error)`` finds the files (default: by ``extensions``);
    ``fingerprint(path)`` names the settings of a file, for the cache key.
    """
    unlisted: list[tuple[str, str]] = []

    def on_error(path: str, message: str) -> None:
        unlisted.append((path, message))

    if discover is None:
        files = iter_files(paths, extensions, on_error=on_error)
    else:
        files = discover(paths, on_error=on_error)
    first = list(islice(_with_unlisted(files, unlisted), LONG_RUN))
    if executor is None:  # a handful of files is checked faster than workers start
        count = sum(1 for item in first if isinstance(item, str))
        jobs = jobs if count > BATCH else 1
        executor = make_executor(linter, jobs, count >= LONG_RUN, timeout)
    try:
        items = chain(first, _with_unlisted(files, unlisted))
        yield from _stream(items, executor, cache, max_size, fingerprint)
    finally:
        executor.close()


def _with_unlisted(
    files: Iterator[str], unlisted: list[tuple[str, str]]
) -> Iterator[str | FileResult]:
    """The files, with a result for each folder that could not be listed, in order."""
    for path in files:
        while unlisted:
            folder, message = unlisted.pop(0)
            yield FileResult(folder, None, [], message)
        yield path
    while unlisted:
        path, message = unlisted.pop(0)
        yield FileResult(path, None, [], message)


def _stream(
    items: Iterable[str | FileResult],
    executor: Executor,
    cache: Cache | None,
    max_size: int | None,
    fingerprint: Callable[[str], str] | None = None,
) -> Iterator[FileResult]:
    limit = executor.workers * IN_FLIGHT * BATCH
    slots: deque[_Slot] = deque()
    batch: list[_Slot] = []

    def submit() -> None:
        handle = executor.submit([(slot.path, slot.text) for slot in batch])
        for index, slot in enumerate(batch):
            slot.handle, slot.index = handle, index
        batch.clear()

    for item in items:
        if isinstance(item, FileResult):
            slots.append(_Slot(item.path, result=item))
        else:
            slot = _Slot(item)
            slots.append(slot)
            try:
                slot.text = _read(item, max_size)
            except InputError as error:
                slot.result = FileResult(item, None, [], str(error))
            else:
                if cache is not None:
                    settings = fingerprint(item) if fingerprint is not None else ""
                    slot.key = cache.key(item, slot.text, settings)
                    hit = cache.get(slot.key, item)
                    if hit is not None:
                        slot.result = FileResult(item, slot.text, hit)
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
    result = slot.handle.get()[slot.index]
    if result.error is not None:
        return result
    if cache is not None and slot.key is not None:
        cache.put(slot.key, result.violations)
    return FileResult(slot.path, slot.text, result.violations)
