"""The document model shared by every format reader."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

PARAGRAPH_BREAK = "\n\n"
# Characters a reader does not see; left in the prose they would split a claim
# (根\u200b治), so they are dropped from it while the map keeps every other offset.
INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")
_INVISIBLE = re.compile("[" + "".join(sorted(INVISIBLE)) + "]")


# Pinyin a scraped page prints after a character (應(yīng)該): not read by the rules,
# which would otherwise see 應(yīng)該 where the writer wrote 應該. A tone mark or tone
# number tells it from a gloss such as 维生素(A).
_PINYIN = re.compile(
    r"(?<=[\u4e00-\u9fff])[(（][a-zü]*"
    r"(?:[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*|[a-zü]+[1-5])[)）]"
)


def _has_pinyin(text: str) -> bool:
    return ("(" in text or "（" in text) and _PINYIN.search(text) is not None


def is_blank(text: str) -> bool:
    """Nothing a reader would see: white space and invisible characters only."""
    return not _INVISIBLE.sub("", text).strip()


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF, so line numbers match what an editor shows."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def line_starts(text: str) -> list[int]:
    """Index of the first character of every line."""
    starts = [0]
    index = text.find("\n")
    while index != -1:
        starts.append(index + 1)
        index = text.find("\n", index + 1)
    return starts


@dataclass
class Document:
    """An article: its source, its prose and the map from prose to source."""

    path: str
    source: str
    prose: str
    offsets: list[int]
    starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.starts:
            self.starts = line_starts(self.source)

    def location(self, source_index: int) -> tuple[int, int]:
        """1-based (line, column) of a source index; columns count characters."""
        line = bisect_right(self.starts, source_index) - 1
        return line + 1, source_index - self.starts[line] + 1

    def span(self, start: int, end: int) -> tuple[int, int, int, int]:
        """Source (line, col, end_line, end_col) of prose[start:end], end inclusive."""
        end = max(end, start + 1)
        first = self.location(self.offsets[start])
        last = self.location(self.offsets[end - 1])
        return first[0], first[1], last[0], last[1]

    def last_line(self) -> int:
        """The last line of the source that holds anything but white space."""
        lines = self.source.split("\n")
        for number in range(len(lines), 0, -1):
            if lines[number - 1].strip():
                return number
        return 1

    def source_line(self, line: int) -> str:
        start = self.starts[line - 1]
        end = self.source.find("\n", start)
        return self.source[start:] if end == -1 else self.source[start:end]


class ProseBuilder:
    """Accumulates prose pieces with their source offsets.

    Work is per piece, not per character: a piece's offsets are appended as a range or
    a slice (C loops); only pieces holding an invisible character are filtered.
    """

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._offsets: list[int] = []
        self._last_offset = 0
        self._tail = ""

    def _append(self, text: str, offsets: Iterable[int], last: int) -> None:
        self._parts.append(text)
        self._offsets.extend(offsets)
        self._last_offset = last
        self._tail = text[-2:] if len(text) > 1 else (self._tail + text)[-2:]

    def add(self, text: str, source_start: int) -> None:
        """Text copied verbatim from the source, starting at ``source_start``."""
        if not text:
            return
        if _INVISIBLE.search(text) is None and not _has_pinyin(text):
            end = source_start + len(text)
            self._append(text, range(source_start, end), end - 1)
        else:
            self.add_mapped(text, range(source_start, source_start + len(text)))

    def add_mapped(self, text: str, offsets: Sequence[int]) -> None:
        """Text whose i-th character comes from the source at ``offsets[i]``.

        Inline pinyin after a character (應(yīng)該) is left out of the prose.
        """
        if not text:
            return
        if len(offsets) != len(text):
            raise ValueError(f"{len(text)} characters but {len(offsets)} offsets")
        if _has_pinyin(text):
            keep = [True] * len(text)
            for match in _PINYIN.finditer(text):
                keep[match.start() : match.end()] = [False] * (match.end() - match.start())
            text = "".join(c for c, k in zip(text, keep, strict=True) if k)
            offsets = [o for o, k in zip(offsets, keep, strict=True) if k]
            if not text:
                return
        if _INVISIBLE.search(text) is not None:
            kept = [i for i, char in enumerate(text) if char not in INVISIBLE]
            if not kept:
                return
            text = "".join(text[i] for i in kept)
            offsets = [offsets[i] for i in kept]
        self._append(text, offsets, offsets[-1])

    def add_at(self, text: str, source_index: int) -> None:
        """Text that stands for the source at one index (a decoded entity, a break)."""
        if _INVISIBLE.search(text) is not None:
            text = _INVISIBLE.sub("", text)
        if text:
            self._append(text, [source_index] * len(text), source_index)

    def line_break(self, source_index: int | None = None) -> None:
        """A line break inside a block (a sentence boundary)."""
        if self._offsets and not self._tail.endswith("\n"):
            self.add_at("\n", self._last_offset if source_index is None else source_index)

    def block_break(self) -> None:
        """End the current block (paragraph, heading, list item, table cell)."""
        if not self._offsets or self._tail == PARAGRAPH_BREAK:
            return
        if self._tail.endswith("\n"):
            self.add_at("\n", self._last_offset)
        else:
            self.add_at(PARAGRAPH_BREAK, self._last_offset)

    def extend(self, other: ProseBuilder) -> None:
        """Append everything ``other`` gathered (a fragment read on its own)."""
        if not other._offsets:
            return
        self._parts.extend(other._parts)
        self._offsets.extend(other._offsets)
        self._last_offset = other._last_offset
        self._tail = (self._tail + other._tail)[-2:]

    def build(self, path: str, source: str) -> Document:
        return Document(path, source, "".join(self._parts), self._offsets)
