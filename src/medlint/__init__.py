"""medlint: a compliance linter for Chinese medical and health articles."""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .violation import Violation

__all__ = ["__version__", "check_paths", "check_text"]


def check_text(text: str, path: str = "<text>") -> list[Violation]:
    """Check one article given as text; the format follows the suffix of ``path``."""
    from .engine import default_linter

    return default_linter().check_text(text, path)


def check_paths(paths: list[str]) -> list[Violation]:
    """Check files and folders (recursively) and return every violation found."""
    from .engine import default_linter
    from .files import iter_files

    linter = default_linter()
    found: list[Violation] = []
    for file in iter_files(paths):
        found.extend(linter.check_file(file))
    return found
