"""``text``: ``path:line:col: CODE message``, with the source line and a caret on a terminal."""

from __future__ import annotations

import sys
import unicodedata
from typing import Any

from ..escape import printable
from ..violation import Violation
from .base import Reporter, Summary

_COLORS = {"error": "31", "warning": "33", "info": "36"}


def display_width(text: str) -> int:
    """Terminal columns: wide (CJK) characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


class TextReporter(Reporter):
    """``path:line:col: CODE [severity] message``; ``concise`` leaves out the severity."""

    with_severity = True

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.with_violations = 0

    def _paint(self, code: str, text: str) -> str:
        return f"\033[{code}m{text}\033[0m" if self.color else text

    def file(self, path: str, source: str | None, violations: list[Violation]) -> None:
        lines = source.replace("\r\n", "\n").replace("\r", "\n").split("\n") if source else []
        self.with_violations += bool(violations)
        for v in violations:
            where = self._paint("1", f"{printable(v.path)}:{v.line}:{v.column}:")
            code = self._paint(_COLORS[v.severity.value], v.rule)
            level = f" [{v.severity.value}]" if self.with_severity else ""
            self.out.write(f"{where} {code}{level} {printable(v.message)}\n")
            if self.show_source and 0 < v.line <= len(lines):
                self._excerpt(lines[v.line - 1].removeprefix("\ufeff"), v)

    def failed(self, path: str, message: str) -> None:
        """Written to a report file; on the console the error line on stderr says it."""
        if self.out not in (sys.stdout, sys.stderr):
            super().failed(path, message)

    def _excerpt(self, line: str, v: Violation) -> None:
        gutter = f"{v.line:>5} | "
        end = v.end_column if v.end_line == v.line else len(line)
        pad = display_width(line[: v.column - 1].expandtabs(4))
        width = max(1, display_width(line[v.column - 1 : end].expandtabs(4)))
        self.out.write(f"{gutter}{line.expandtabs(4)}\n")
        caret = self._paint(_COLORS[v.severity.value], "^" * width)
        self.out.write(f"{' ' * (len(gutter) - 2)}| {' ' * pad}{caret}\n")
        if v.suggestion:
            self.out.write(f"{' ' * (len(gutter) - 2)}= 建议：{v.suggestion}\n")
        if v.basis:
            self.out.write(f"{' ' * (len(gutter) - 2)}= 依据：{v.basis}\n")

    def close(self, summary: Summary) -> None:
        if summary.total:
            parts = ", ".join(
                _plural(n, k) if k != "info" else f"{n} info"
                for k, n in summary.counts.items()
                if n
            )
            files = (
                _plural(summary.files, "file")
                if self.with_violations >= summary.files
                else f"{self.with_violations} of {_plural(summary.files, 'file')} checked"
            )
            self.out.write(f"Found {_plural(summary.total, 'violation')} ({parts}) in {files}.\n")
        elif summary.files:
            self.out.write(f"All checks passed ({_plural(summary.files, 'file')}).\n")


def _plural(count: int, noun: str) -> str:
    """``1 file``, ``2 files``."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
