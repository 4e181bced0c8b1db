"""Glob patterns of configuration files (gitignore syntax), matched relative to a folder,
in bounded time.

pathspec turns each ``*`` into ``[^/]*``; a segment like ``a*a*a*a*a*b`` then backtracks
exponentially on a long name, and a repository's ``exclude`` or ``.gitignore`` could hang
discovery. A pattern may hold at most :data:`MAX_STARS_PER_SEGMENT` runs of ``*`` in one
path segment (``**`` segments do not count) and at most :data:`MAX_STARS` in all, which
keeps matching well under a millisecond per path. A configuration with a longer pattern
is refused; a ``.gitignore`` with one is not used (so nothing is hidden by it).
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pathspec

MAX_STARS_PER_SEGMENT = 3
MAX_STARS = 6
MAX_LENGTH = 1000
_STARS = re.compile(r"\*+")


def glob_problem(pattern: str) -> str | None:
    """Why ``pattern`` could make matching slow, or ``None``."""
    if len(pattern) > MAX_LENGTH:
        return f"pattern longer than {MAX_LENGTH} characters"
    total = 0
    for segment in pattern.split("/"):
        if segment == "**":
            continue
        runs = len(_STARS.findall(segment))
        if runs > MAX_STARS_PER_SEGMENT:
            return (
                f"{pattern[:60]!r} has {runs} wildcards in one path segment "
                f"(at most {MAX_STARS_PER_SEGMENT})"
            )
        total += runs
    if total > MAX_STARS:
        return f"{pattern[:60]!r} has {total} wildcards (at most {MAX_STARS})"
    return None


@lru_cache(maxsize=256)
def glob_spec(patterns: tuple[str, ...]) -> pathspec.GitIgnoreSpec:
    import pathspec  # imported when a pattern is first matched

    return pathspec.GitIgnoreSpec.from_lines(patterns)


def relative(path: str, root: Path) -> str:
    """``path`` relative to ``root`` with forward slashes ('' when outside it)."""
    rel = os.path.relpath(os.path.abspath(path), root)
    return "" if rel.startswith("..") else rel.replace(os.sep, "/")
