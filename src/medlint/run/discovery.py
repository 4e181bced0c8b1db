"""Which files a run checks: folders walked with ``exclude``, ``.gitignore`` and extensions.

Globs use gitignore syntax (pathspec): a pattern without a slash matches at any depth,
one with a slash is anchored to the configuration's folder, ``dir/`` matches folders.
Files named on the command line are checked whatever their suffix, but ``exclude`` still
applies to them (so a pre-commit hook honours it); ``.gitignore`` applies to folder walks.
Hidden files and folders are never walked into.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from ..config.globs import glob_problem, glob_spec, relative
from ..config.settings import Settings
from ..documents.files import os_message

if TYPE_CHECKING:
    import pathspec


def excluded(settings: Settings, path: str, is_dir: bool) -> bool:
    """Whether the configuration's ``exclude`` globs match ``path``."""
    if not settings.config.exclude:
        return False
    rel = relative(path, settings.file.root)
    if not rel or rel == ".":
        return False
    return glob_spec(tuple(settings.config.exclude)).match_file(rel + ("/" if is_dir else ""))


class GitIgnore:
    """``.gitignore`` files (and ``.git/info/exclude``) of the repository around a path."""

    @staticmethod
    @lru_cache(maxsize=1024)
    def repository(directory: str) -> str | None:
        if os.path.exists(os.path.join(directory, ".git")):
            return directory
        parent = os.path.dirname(directory)
        return None if parent == directory else GitIgnore.repository(parent)

    @staticmethod
    @lru_cache(maxsize=1024)
    def spec(directory: str, top: bool) -> pathspec.GitIgnoreSpec | None:
        lines: list[str] = []
        sources = [os.path.join(directory, ".gitignore")]
        if top:
            sources.append(os.path.join(directory, ".git", "info", "exclude"))
        for source in sources:
            try:
                with open(source, encoding="utf-8", errors="replace") as handle:
                    lines.extend(handle.read().splitlines())
            except OSError:
                continue
        if any(glob_problem(line) for line in lines):  # could hang: not used, hides nothing
            return None
        return glob_spec(tuple(lines)) if lines else None

    def ignored(self, path: str, is_dir: bool) -> bool:
        """The verdict of the deepest ``.gitignore`` with a matching pattern."""
        absolute = os.path.abspath(path)
        directory = os.path.dirname(absolute)
        top = self.repository(directory)
        if top is None:
            return False
        while True:
            spec = self.spec(directory, directory == top)
            if spec is not None:
                rel = os.path.relpath(absolute, directory).replace(os.sep, "/")
                result = spec.check_file(rel + ("/" if is_dir else ""))
                if result.include is not None:
                    return bool(result.include)
            if directory == top:
                return False
            directory = os.path.dirname(directory)


def folder_error(
    folder: str, on_error: Callable[[str, str], None] | None
) -> Callable[[OSError], None]:
    def report(error: OSError) -> None:
        if on_error is not None:
            on_error(error.filename or folder, os_message(error))

    return report


def discover(
    paths: Iterable[str],
    settings_for: Callable[[str], Settings],
    on_error: Callable[[str, str], None] | None = None,
) -> Iterator[str]:
    """Files to check under ``paths`` (``-`` passes through), in a stable order; a
    folder that cannot be listed is passed to ``on_error(path, message)``."""
    gitignore = GitIgnore()
    for given in paths:
        if given == "-" or not os.path.isdir(given):
            if given == "-" or not excluded(settings_for(given), given, False):
                yield given
            continue
        found = []
        for root, dirs, names in os.walk(given, onerror=folder_error(given, on_error)):
            kept = []
            for name in sorted(dirs):
                folder = os.path.join(root, name)
                settings = settings_for(folder)
                if name.startswith(".") or excluded(settings, folder, True):
                    continue
                if settings.config.respect_gitignore and gitignore.ignored(folder, True):
                    continue
                kept.append(name)
            dirs[:] = kept
            for name in names:
                file = os.path.join(root, name)
                settings = settings_for(file)
                if name.startswith(".") or not name.lower().endswith(
                    tuple(settings.extensions)
                ):
                    continue
                if excluded(settings, file, False):
                    continue
                if settings.config.respect_gitignore and gitignore.ignored(file, False):
                    continue
                found.append(file)
        yield from sorted(found)
