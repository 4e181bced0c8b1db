"""Run a check over many files, streaming each file's result to a reporter in order."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .engine import Linter
from .files import InputError, iter_files, read_source
from .violation import Violation


@dataclass
class FileResult:
    path: str
    source: str | None
    violations: list[Violation]
    error: str | None = None


def check_one(linter: Linter, path: str, text: str | None = None) -> FileResult:
    """Check one file (or ``text`` standing for it); input problems become ``error``."""
    try:
        source = read_source(path) if text is None else text
    except InputError as error:
        return FileResult(path, None, [], str(error))
    return FileResult(path, source, linter.check_text(source, path))


def run(linter: Linter, paths: Iterable[str], extensions: tuple[str, ...]) -> Iterator[FileResult]:
    """Results for every file under ``paths``, in a deterministic order."""
    for path in iter_files(paths, extensions):
        if path == "-":
            yield check_one(linter, "-", sys.stdin.read())
        else:
            yield check_one(linter, path)
