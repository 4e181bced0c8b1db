"""Regexes compiled when first used: a module's patterns that few articles need cost a
start nothing (a one-file check compiles only those its article asks for)."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator


class LazyRegex:
    """``re.compile(pattern, flags)``, compiled the first time one of its methods is
    called; the methods answer as the compiled pattern's do."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self._flags = flags
        self._regex: re.Pattern[str] | None = None

    @property
    def regex(self) -> re.Pattern[str]:
        """The compiled pattern."""
        regex = self._regex
        if regex is None:
            regex = self._regex = re.compile(self.pattern, self._flags)
        return regex

    @property
    def flags(self) -> int:
        return self.regex.flags

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return (self._regex or self.regex).search(string, pos, endpos)

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return (self._regex or self.regex).match(string, pos, endpos)

    def fullmatch(
        self, string: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> re.Match[str] | None:
        return (self._regex or self.regex).fullmatch(string, pos, endpos)

    def finditer(
        self, string: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        return (self._regex or self.regex).finditer(string, pos, endpos)

    def findall(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> list[str]:
        return (self._regex or self.regex).findall(string, pos, endpos)

    def sub(self, repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0) -> str:
        return (self._regex or self.regex).sub(repl, string, count)

    def split(self, string: str, maxsplit: int = 0) -> list[str]:
        return (self._regex or self.regex).split(string, maxsplit)
