"""Compiled pattern lists, matched on normalised text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ..analysis.normalize import _table

_LITERAL = re.compile(r"^[^\\.^$*+?{}\[\]|()]+$")


@lru_cache(maxsize=1)
def _pattern_table() -> dict[int, str]:
    """Fold patterns like text, but keep ASCII case (regex escapes are case-sensitive)."""
    return {k: v for k, v in _table().items() if not ("A" <= chr(k) <= "Z")}


def fold_pattern(pattern: str) -> str:
    return pattern.translate(_pattern_table())


def is_literal(pattern: str) -> bool:
    return bool(_LITERAL.match(pattern))


class Patterns:
    """A list of patterns; finds every match of every pattern, leftmost first."""

    def __init__(self, patterns: list[str]) -> None:
        self.sources = list(patterns)
        self.compiled = [re.compile(fold_pattern(p), re.I) for p in patterns]
        self.literals = [fold_pattern(p).lower() for p in patterns if is_literal(p)]

    def __bool__(self) -> bool:
        return bool(self.compiled)

    def finditer(
        self, text: str, start: int = 0, end: int | None = None
    ) -> Iterator[tuple[int, int]]:
        end = len(text) if end is None else end
        spans = set()
        for regex in self.compiled:
            for match in regex.finditer(text, start, end):
                if match.end() > match.start():
                    spans.add((match.start(), match.end()))
        yield from sorted(spans)

    def search(self, text: str, start: int = 0, end: int | None = None) -> tuple[int, int] | None:
        return next(self.finditer(text, start, end), None)
