"""Positions: medlint counts characters (code points), LSP counts UTF-16 code units
(or UTF-8 bytes, or code points, as negotiated) and JavaScript counts UTF-16 units.

medlint's columns are 1-based, ends inclusive, in the text with its newlines normalised
and a leading byte-order mark removed; LSP positions are 0-based, ends exclusive, in the
text as the editor holds it (CRLF, CR and LF all end a line, in both).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Literal

Encoding = Literal["utf-16", "utf-8", "utf-32"]
_NEWLINE = re.compile(r"\r\n|\r|\n")


def units(text: str, encoding: Encoding = "utf-16") -> int:
    """The length of ``text`` in code units of ``encoding``."""
    if encoding == "utf-32":
        return len(text)
    if encoding == "utf-8":
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text) + sum(1 for char in text if ord(char) > 0xFFFF)


class LineIndex:
    """Converts between code-point offsets of ``text`` and (line, unit) positions."""

    def __init__(self, text: str, encoding: Encoding = "utf-16") -> None:
        self.text = text
        self.encoding = encoding
        self.starts = [0] + [m.end() for m in _NEWLINE.finditer(text)]
        self.bom = 1 if text.startswith("\ufeff") else 0

    def line_text(self, line: int) -> str:
        """Line ``line`` (0-based) without its line break."""
        start = self.starts[line]
        end = self.starts[line + 1] if line + 1 < len(self.starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")

    def position(self, offset: int) -> tuple[int, int]:
        """The (line, unit) position of a code-point offset."""
        offset = min(max(offset, 0), len(self.text))
        line = bisect_right(self.starts, offset) - 1
        before = self.text[self.starts[line] : offset]
        return line, units(before, self.encoding)

    def offset(self, line: int, character: int) -> int:
        """The code-point offset of a (line, unit) position; a position inside a
        character (half a surrogate pair, a UTF-8 continuation) counts as that character,
        one past the end of the line as its end."""
        if line >= len(self.starts):
            return len(self.text)
        text = self.line_text(max(line, 0))
        count = 0
        for index, char in enumerate(text):
            size = units(char, self.encoding)
            if count + size > character:
                return self.starts[line] + index
            count += size
        return self.starts[line] + len(text)

    def from_medlint(self, line: int, column: int) -> int:
        """The code-point offset of medlint's 1-based (line, column)."""
        line = min(max(line, 1), len(self.starts)) - 1
        shift = self.bom if line == 0 else 0
        text = self.line_text(line)
        return self.starts[line] + min(max(column - 1 + shift, 0), len(text))

    def span(
        self, line: int, column: int, end_line: int, end_column: int
    ) -> tuple[int, int]:
        """Code-point offsets [start, end) of a medlint span (end column inclusive)."""
        start = self.from_medlint(line, column)
        end = self.from_medlint(end_line, end_column + 1)
        return start, max(end, start)

    def line_end(self, line: int) -> int:
        """The code-point offset of the end of line ``line`` (0-based), before its break."""
        return self.starts[line] + len(self.line_text(line))
