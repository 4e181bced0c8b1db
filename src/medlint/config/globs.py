"""Glob patterns of configuration files (gitignore syntax), matched relative to a folder."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

import pathspec


@lru_cache(maxsize=256)
def glob_spec(patterns: tuple[str, ...]) -> pathspec.GitIgnoreSpec:
    return pathspec.GitIgnoreSpec.from_lines(patterns)


def relative(path: str, root: Path) -> str:
    """``path`` relative to ``root`` with forward slashes ('' when outside it)."""
    rel = os.path.relpath(os.path.abspath(path), root)
    return "" if rel.startswith("..") else rel.replace(os.sep, "/")
