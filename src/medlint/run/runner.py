"""The one run: every front end (``check``, ``--fix``/``--diff``, the Python API, Dask,
editors) checks files through :func:`run`, :func:`check_one` and :func:`fix_one`.

A run finds the files (:meth:`Workspace.files`, the one walker), reads and decodes each
(size limit, encodings), answers from the cache what it can, and checks the rest with
the settings of each file (its closest configuration) under a time limit: in this
process, in forked workers, or on a Dask cluster (``distributed.py``). Results come back
in the order of the files, and only a bounded number of files is in flight, so memory
stays flat however many files there are. Whatever goes wrong with one file becomes that
file's ``error``; the run goes on.
"""

from __future__ import annotations

import gc
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain, islice
from typing import TYPE_CHECKING, Any, Protocol

from ..documents.base import is_blank
from ..documents.files import DEFAULT_MAX_FILE_SIZE, Decoded, InputError, decode_bytes, read_decoded
from ..violation import Violation
from .cache import Cache
from .deadline import DEFAULT_TIMEOUT, Timeout, deadline
from .engine import compile_pending

if TYPE_CHECKING:
    from .fix import Fixer, FixOutcome
    from .workspace import Workspace

BATCH = 16  # files per task sent to a worker
LONG_RUN = 500  # from this many files on, the whole jieba dictionary is loaded up front
IN_FLIGHT = 4  # tasks per worker queued or running at once
# a long run's young-object threshold of the cyclic garbage collector: checking an article
# makes many short-lived lists, sets and tuples (and no cycles) that the default (700)
# collects several times an article for nothing (~5 % of its CPU)
LONG_RUN_GC = 20_000
STDIN = "-"


class Checker(Protocol):
    """What checks one file's text and returns its violations.

    :class:`~medlint.run.workspace.Workspace` (each file with its own settings),
    :class:`~medlint.run.workspace.ConfiguredLinter` (one file's settings) and the bare
    :class:`~medlint.run.engine.Linter` (rules only, no filters) all are checkers.
    """

    def check_text(self, text: str, path: str = "<text>") -> list[Violation]: ...


@dataclass
class FileResult:
    """One file's outcome: its text and violations, or why it could not be checked.

    ``fix`` is set by :func:`fix_one` (then ``source`` is the fixed text and
    ``violations`` what remains), ``decoded`` too (to write the file back).
    """

    path: str
    source: str | None
    violations: list[Violation]
    error: str | None = None
    fix: FixOutcome | None = None
    decoded: Decoded | None = field(default=None, repr=False)


@dataclass
class RunOptions:
    """How a run goes: workers, cache, limits. ``executor`` replaces local workers
    (e.g. a :class:`~medlint.run.distributed.DaskExecutor`)."""

    jobs: int = 1
    cache: Cache | None = None
    executor: Executor | None = None
    max_size: int | None = DEFAULT_MAX_FILE_SIZE
    timeout: float | None = DEFAULT_TIMEOUT
    stdin_filename: str | None = None
    discovered: Callable[[int], None] | None = None
    """Told how many files the run has, once they are all found (for a progress bar:
    discovery then finishes before the first result instead of alongside)."""


class Handle(Protocol):
    def get(self) -> list[FileResult]: ...


class Executor(Protocol):
    """Checks batches of (path, text); ``workers`` sizes the window of tasks in flight."""

    workers: int

    def submit(self, batch: list[tuple[str, str]]) -> Handle: ...

    def close(self) -> None: ...


def read_stdin() -> Decoded:
    """Standard input, decoded like a file (UTF-8, BOMs, GB18030)."""
    return decode_bytes(sys.stdin.buffer.read())


def read(path: str, max_size: int | None = DEFAULT_MAX_FILE_SIZE) -> Decoded:
    """The decoded file ``path`` (``-``: standard input); raises :class:`InputError`."""
    return read_stdin() if path == STDIN else read_decoded(path, max_size)


def _guarded(path: str, timeout: float | None, work: Callable[[], FileResult]) -> FileResult:
    """``work()`` under the time limit; every failure becomes the result's ``error``."""
    try:
        with deadline(timeout):
            return work()
    except InputError as error:
        return FileResult(path, None, [], str(error))
    except Timeout:
        return FileResult(path, None, [], f"gave up after {timeout:g} s (see --timeout)")
    except RecursionError:
        return FileResult(path, None, [], "too deeply nested to check")
    except Exception as error:  # one odd file must not stop a run over thousands
        return FileResult(path, None, [], f"internal error: {type(error).__name__}: {error}")


def check_one(
    checker: Checker,
    path: str,
    text: str | None = None,
    *,
    max_size: int | None = DEFAULT_MAX_FILE_SIZE,
    timeout: float | None = DEFAULT_TIMEOUT,
) -> FileResult:
    """Check one file, or ``text`` standing for the file ``path``; never raises.

    This is the entry point for an editor: ``check_one(Workspace(), path, text)`` checks
    unsaved ``text`` as if it were the file ``path`` on disk, with that file's
    configuration, suppression comments and per-file ignores. An empty article (white
    space and invisible characters only) has nothing to check and yields no violation.
    """

    def work() -> FileResult:
        source = read(path, max_size).text if text is None else text
        if is_blank(source):
            return FileResult(path, source, [])
        return FileResult(path, source, checker.check_text(source, path))

    return _guarded(path, timeout, work)


def fix_one(
    fixer: Fixer,
    path: str,
    name: str | None = None,
    *,
    max_size: int | None = DEFAULT_MAX_FILE_SIZE,
    timeout: float | None = DEFAULT_TIMEOUT,
) -> FileResult:
    """Fix one file (``-``: stdin, shown as ``name``) in memory; writes nothing."""
    shown = name or path

    def work() -> FileResult:
        decoded = read(path, max_size)
        outcome = fixer.fix_text(shown, decoded.text)
        return FileResult(shown, outcome.fixed, outcome.remaining, fix=outcome, decoded=decoded)

    return _guarded(shown, timeout, work)


def check_batch(
    checker: Checker, batch: list[tuple[str, str]], timeout: float | None = DEFAULT_TIMEOUT
) -> list[FileResult]:
    """Check (path, text) pairs; the texts are not sent back."""
    results = [check_one(checker, path, text, timeout=timeout) for path, text in batch]
    for result in results:
        result.source = None
    return results


class _Done:
    def __init__(self, value: list[FileResult]) -> None:
        self.value = value

    def get(self) -> list[FileResult]:
        return self.value


def _prepare(long_run: bool, fork: bool = False) -> None:
    """Load the segmenter; for a long run, the whole dictionary; before workers fork or
    for a long run, the pattern lists' literals, the rules' literal automaton and the
    frames' word index (else each is made when a first file needs it); for a long run,
    the treatment names' automaton at their first use, and fewer collections of young
    objects."""
    from ..analysis.segment import prepare
    from ..checks.frames import index_slot_words
    from ..checks.names import build_early
    from ..checks.patterns import build_literals, index_pending

    prepare(complete=long_run)
    if long_run or fork:
        index_pending()
        build_literals()
        index_slot_words()
    if long_run:
        build_early()
        threshold, *older = gc.get_threshold()
        gc.set_threshold(max(threshold, LONG_RUN_GC), *older)


class InlineExecutor:
    """Checks in this process."""

    workers = 1

    def __init__(
        self, checker: Checker, long_run: bool = False, timeout: float | None = DEFAULT_TIMEOUT
    ) -> None:
        self.checker = checker
        self.long_run = long_run
        self.timeout = timeout

    def submit(self, batch: list[tuple[str, str]]) -> Handle:
        if self.long_run:  # on the first batch to check: a fully cached run never loads it
            _prepare(True)
            self.long_run = False
        return _Done(check_batch(self.checker, batch, self.timeout))

    def close(self) -> None:
        pass


_worker: tuple[Checker, float | None] | None = None  # set before the fork; inherited


def _worker_batch(batch: list[tuple[str, str]]) -> list[FileResult]:
    assert _worker is not None
    return check_batch(_worker[0], batch, _worker[1])


class ProcessExecutor:
    """Forked worker processes (fork explicitly: they inherit the compiled rules and the
    loaded segmenter), started when the first batch needs checking."""

    def __init__(
        self,
        checker: Checker,
        workers: int,
        long_run: bool = False,
        timeout: float | None = DEFAULT_TIMEOUT,
    ) -> None:
        self.checker = checker
        self.workers = workers
        self.long_run = long_run
        self.timeout = timeout
        self.pool: Any = None

    def submit(self, batch: list[tuple[str, str]]) -> Handle:
        if self.pool is None:
            import multiprocessing

            global _worker
            _worker = (self.checker, self.timeout)
            _prepare(self.long_run, fork=True)
            self.pool = multiprocessing.get_context("fork").Pool(self.workers)
        handle: Handle = self.pool.apply_async(_worker_batch, (batch,))
        return handle

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
    checker: Checker,
    jobs: int,
    long_run: bool = False,
    timeout: float | None = DEFAULT_TIMEOUT,
) -> Executor:
    if jobs <= 1:
        return InlineExecutor(checker, long_run, timeout)
    return ProcessExecutor(checker, jobs, long_run, timeout)


@dataclass
class _Slot:
    path: str
    result: FileResult | None = None
    text: str = ""
    key: str | None = None
    handle: Handle | None = None
    index: int = 0


def run(
    workspace: Workspace,
    paths: Iterable[str],
    options: RunOptions | None = None,
    *,
    fixer: Callable[[str], Fixer] | None = None,
) -> Iterator[FileResult]:
    """Results for every file under ``paths`` (``-``: standard input), in a
    deterministic order; folders that cannot be listed come as results with an error,
    where they were met.

    Each file is checked with its own settings (``workspace``). With ``fixer`` (the
    :class:`~medlint.run.fix.Fixer` for a file path), each file is fixed in memory
    instead (in this process, without the cache): see :func:`fix_one`.
    """
    options = options or RunOptions()
    unlisted: list[tuple[str, str]] = []

    def on_error(path: str, message: str) -> None:
        unlisted.append((path, message))

    files = workspace.files(paths, on_error=on_error)
    if fixer is not None:
        for item in _with_unlisted(files, unlisted):
            if isinstance(item, FileResult):
                yield item
                continue
            name = _shown(item, options)
            yield fix_one(fixer(name), item, name,
                          max_size=options.max_size, timeout=options.timeout)
        return
    first = list(islice(_with_unlisted(files, unlisted), LONG_RUN))
    executor = options.executor
    if executor is None:  # a handful of files is checked faster than workers start
        count = sum(1 for item in first if isinstance(item, str))
        jobs = options.jobs if count > BATCH else 1
        executor = make_executor(workspace, jobs, count >= LONG_RUN, options.timeout)
    try:
        items: Iterable[str | FileResult] = chain(first, _with_unlisted(files, unlisted))
        if options.discovered is not None:
            items = list(items)
            options.discovered(len(items))
        yield from _stream(items, executor, workspace, options)
    finally:
        executor.close()


def _shown(path: str, options: RunOptions) -> str:
    """The name a file goes by: standard input takes ``--stdin-filename``."""
    return (options.stdin_filename or STDIN) if path == STDIN else path


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
    workspace: Workspace,
    options: RunOptions,
) -> Iterator[FileResult]:
    cache = options.cache
    limit = executor.workers * IN_FLIGHT * BATCH
    slots: deque[_Slot] = deque()
    batch: list[_Slot] = []
    compiled: list[bool] = []

    def submit() -> None:
        if not compiled:  # the first file to check: compile the rules (not for a
            compile_pending()  # run the cache answers), before any worker forks
            compiled.append(True)
        handle = executor.submit([(slot.path, slot.text) for slot in batch])
        for index, slot in enumerate(batch):
            slot.handle, slot.index = handle, index
        batch.clear()

    for item in items:
        if isinstance(item, FileResult):
            slots.append(_Slot(item.path, result=item))
        else:
            name = _shown(item, options)
            slot = _Slot(name)
            slots.append(slot)
            try:
                slot.text = read(item, options.max_size).text
            except InputError as error:
                slot.result = FileResult(name, None, [], str(error))
            else:
                if cache is not None and item != STDIN:
                    slot.key = cache.key(name, slot.text, workspace.fingerprint(name))
                    hit = cache.get(slot.key, name)
                    if hit is not None:
                        slot.result = FileResult(name, slot.text, hit)
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
