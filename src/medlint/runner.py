"""Run a check over many files, streaming each file's result to a reporter in order."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .deadline import DEFAULT_TIMEOUT, Timeout, deadline
from .documents.base import is_blank
from .engine import Linter
from .files import DEFAULT_MAX_FILE_SIZE, InputError, decode, iter_files, read_source
from .violation import Violation


@dataclass
class FileResult:
    path: str
    source: str | None
    violations: list[Violation]
    error: str | None = None


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


def run(
    linter: Linter,
    paths: Iterable[str],
    extensions: tuple[str, ...],
    *,
    max_size: int | None = DEFAULT_MAX_FILE_SIZE,
    timeout: float | None = DEFAULT_TIMEOUT,
) -> Iterator[FileResult]:
    """Results for every file under ``paths``, in a deterministic order."""
    unlisted: list[tuple[str, str]] = []
    for path in iter_files(paths, extensions, on_error=lambda p, m: unlisted.append((p, m))):
        yield from _unlisted(unlisted)
        if path == "-":
            try:
                text = read_stdin()
            except InputError as error:
                yield FileResult("-", None, [], str(error))
                continue
            yield check_one(linter, "-", text, timeout=timeout)
        else:
            yield check_one(linter, path, max_size=max_size, timeout=timeout)
    yield from _unlisted(unlisted)


def _unlisted(errors: list[tuple[str, str]]) -> Iterator[FileResult]:
    """Folders that could not be listed, as results with an error."""
    while errors:
        path, message = errors.pop(0)
        yield FileResult(path, None, [], message)
