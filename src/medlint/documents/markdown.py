"""Markdown via markdown-it-py: prose from inline tokens, positions re-aligned to source.

Code (fenced, indented, inline), HTML tags and comments, link targets and front matter
are not prose. Front matter is blanked before parsing so that line numbers stay exact.

Markup never hides prose: blocks nested deeper than markdown-it's limit (``>`` twenty
times) would be dropped by the parser, so such a document is read as plain text instead,
every character of it checked.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

from .base import Document, ProseBuilder, line_starts
from .html import extract_html
from .text import read_text

_FRONT_MATTER = re.compile(r"\A(---|\+\+\+)[ \t]*\n.*?\n(---|\.\.\.|\+\+\+)[ \t]*(\n|\Z)", re.S)
_BLOCK_ENDS = {
    "paragraph_close",
    "heading_close",
    "list_item_close",
    "blockquote_close",
    "th_close",
    "td_close",
    "tr_close",
}


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    md.disable("text_join")  # keep entities and escapes as separate tokens
    tokenize = md.block.tokenize
    limit = md.options["maxNesting"]

    def guarded(state, start_line, end_line, *rest):  # type: ignore[no-untyped-def]
        if state.level >= limit and start_line < end_line:  # markdown-it would drop these
            state.env["medlint_too_deep"] = True
        return tokenize(state, start_line, end_line, *rest)

    md.block.tokenize = guarded  # type: ignore[method-assign]
    return md


def blank_front_matter(source: str) -> str:
    """Replace a leading YAML/TOML front matter block by spaces, keeping every offset."""
    match = _FRONT_MATTER.match(source)
    if not match:
        return source
    blanked = re.sub(r"[^\n]", " ", match.group(0))
    return blanked + source[match.end() :]


class _Aligner:
    """Finds where each line of an inline token's content sits in the source."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.starts = line_starts(source)
        self.cursor: dict[int, int] = {}

    def line_text(self, line: int) -> str:
        start = self.starts[line]
        end = self.source.find("\n", start)
        return self.source[start:] if end == -1 else self.source[start:end]

    def align(self, content: str, first_line: int, end_line: int | None = None) -> list[int]:
        """Source index for each character of ``content`` (newlines included).

        A line the parser dropped whole (e.g. one holding only a no-break space, which
        it strips) is skipped by looking for the piece on the next lines of the block.
        """
        mapping: list[int] = []
        last = len(self.starts) - 1 if end_line is None else min(end_line, len(self.starts)) - 1
        shift = 0
        for number, piece in enumerate(content.split("\n")):
            line = min(first_line + number + shift, len(self.starts) - 1)
            found = self._find(piece, line)
            if found < 0 and piece:
                for later in range(line + 1, max(line + 1, last + 1)):
                    found = self._find(piece, later)
                    if found >= 0:
                        shift += later - line
                        line = later
                        break
            if found < 0:  # the parser changed the text (an unescaped \| in a table cell)
                mapping.extend(self._scatter(piece, line))
                continue
            self.cursor[line] = found + len(piece)
            base = self.starts[line] + found
            mapping.extend(range(base, base + len(piece)))
            mapping.append(base + len(piece))
        return mapping

    def _scatter(self, piece: str, line: int) -> list[int]:
        """Each character of ``piece`` at its next occurrence on the line, in order."""
        text = self.line_text(line)
        column = min(self.cursor.get(line, 0), len(text))
        indices = []
        for char in piece:
            found = text.find(char, column)
            if found >= 0:
                column = found + 1
            indices.append(self.starts[line] + max(0, (found if found >= 0 else column - 1)))
        self.cursor[line] = column
        indices.append(self.starts[line] + column)
        return indices

    def _find(self, piece: str, line: int) -> int:
        text = self.line_text(line)
        column = self.cursor.get(line, 0)
        if not piece:
            return min(column, len(text))
        found = text.find(piece, column)
        return text.find(piece) if found < 0 else found


def _walk_inline(
    children: list[Token], content: str, mapping: list[int], out: ProseBuilder, position: int = 0
) -> int:
    in_autolink = False
    for child in children:
        kind = child.type
        if kind == "link_open" and child.markup == "autolink":
            in_autolink = True
        elif kind == "link_close" and in_autolink:
            in_autolink = False
        elif kind == "text" and not in_autolink:
            found = content.find(child.content, position)
            if found < 0:
                continue
            end = found + len(child.content)
            out.add_mapped(child.content, mapping[found:end])
            position = end
        elif kind == "text_special":
            found = content.find(child.markup, position)
            if found >= 0 and child.content == child.markup:  # not an escape after all
                out.add_mapped(child.content, mapping[found : found + len(child.content)])
            elif found >= 0:
                out.add_at(child.content, mapping[found])
            if found >= 0:
                position = found + len(child.markup)
        elif kind == "code_inline":
            found = content.find(child.content, position)
            if found >= 0:
                position = found + len(child.content)
        elif kind in ("softbreak", "hardbreak"):
            found = content.find("\n", position)
            out.line_break(mapping[found] if found >= 0 else None)
            if found >= 0:
                position = found + 1
        elif kind == "image" and child.children:
            position = _walk_inline(child.children, content, mapping, out, position)
    return position


def read_markdown(path: str, source: str) -> Document:
    parsed_source = blank_front_matter(source)
    env: dict[str, Any] = {}
    tokens = _parser().parse(parsed_source, env)
    if env.get("medlint_too_deep"):
        return read_text(path, source)
    aligner = _Aligner(parsed_source)
    out = ProseBuilder()
    for token in tokens:
        if token.type == "inline" and token.map is not None:
            mapping = aligner.align(token.content, token.map[0], token.map[1])
            _walk_inline(token.children or [], token.content, mapping, out)
        elif token.type == "html_block" and token.map is not None:
            start = aligner.starts[token.map[0]]
            end_line = token.map[1]
            end = aligner.starts[end_line] if end_line < len(aligner.starts) else len(source)
            out.block_break()
            extract_html(parsed_source[start:end], start, out)
            out.block_break()
        elif token.type in _BLOCK_ENDS:
            out.block_break()
    return out.build(path, source)
