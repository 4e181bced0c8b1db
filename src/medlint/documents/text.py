"""Plain text: every character is prose; blank lines separate paragraphs."""

from __future__ import annotations

from .base import Document, ProseBuilder


def read_text(path: str, source: str) -> Document:
    builder = ProseBuilder()
    index = 0
    for line in source.split("\n"):
        if line.strip():
            builder.add(line, index)
            builder.line_break(index + len(line) - 1)
        else:
            builder.block_break()
        index += len(line) + 1
    return builder.build(path, source)
