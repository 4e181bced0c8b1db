"""Paragraphs, sentences, clauses and token boundaries of a document's normalised prose."""

from __future__ import annotations

import re
from bisect import bisect_right

from .normalize import normalise
from .segment import tokenize

_PARAGRAPH = re.compile(r"\n\n")
_SENTENCE_END = re.compile(r"[。！？!?；;\n]+|\.(?=\s|$)")
_CLAUSE_END = re.compile(r"[，,、：:。！？!?；;…\n]")


def _spans(text: str, separator: re.Pattern[str]) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in separator.finditer(text):
        if match.end() > start and text[start : match.start()].strip():
            spans.append((start, match.end()))
        start = match.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


class TextStructure:
    """The normalised prose of one document and the units rules reason about."""

    def __init__(self, prose: str) -> None:
        self.prose = prose
        self.text = normalise(prose)
        self._tokens: dict[int, list[tuple[str, int, int]]] = {}
        # computed at once (every article needs them): a compiled build (mypyc) has no
        # cached_property
        self.paragraphs: list[tuple[int, int]] = _spans(self.text, _PARAGRAPH)
        self.sentences: list[tuple[int, int]] = _spans(self.text, _SENTENCE_END)
        self._sentence_starts = [start for start, _ in self.sentences]
        self._paragraph_starts = [start for start, _ in self.paragraphs]

    def sentence_index(self, position: int) -> int:
        return max(0, bisect_right(self._sentence_starts, position) - 1)

    def sentence_at(self, position: int) -> tuple[int, int]:
        if not self.sentences:
            return 0, len(self.text)
        return self.sentences[self.sentence_index(position)]

    def paragraph_index(self, position: int) -> int:
        return max(0, bisect_right(self._paragraph_starts, position) - 1)

    def paragraph_at(self, position: int) -> tuple[int, int]:
        if not self.paragraphs:
            return 0, len(self.text)
        return self.paragraphs[self.paragraph_index(position)]

    def clause_start(self, position: int) -> int:
        """Start of the clause holding ``position`` (after the last comma-like mark)."""
        start = self.sentence_at(position)[0]
        for match in _CLAUSE_END.finditer(self.text, start, position):
            start = match.end()
        return start

    def tokens(self, position: int) -> list[tuple[str, int, int]]:
        """jieba tokens of the sentence holding ``position``, in document offsets."""
        start, end = self.sentence_at(position)
        if start not in self._tokens:
            self._tokens[start] = [
                (word, start + a, start + b) for word, a, b in tokenize(self.text[start:end])
            ]
        return self._tokens[start]

    def on_token_boundaries(self, start: int, end: int) -> bool:
        """True when [start, end) begins and ends where jieba tokens do."""
        tokens = self.tokens(start)
        starts = {a for _, a, _ in tokens}
        ends = {b for _, _, b in tokens}
        return start in starts and end in ends
