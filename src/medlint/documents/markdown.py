"""Markdown via markdown-it-py: prose from inline tokens, positions re-aligned to source.

Code (fenced, indented, inline), HTML tags and comments, link targets and front matter
are not prose. Front matter is blanked before parsing so that line numbers stay exact.

Markup never hides prose: blocks nested deeper than markdown-it's limit (``>`` twenty
times) would be dropped by the parser, so such a document is read as plain text instead,
every character of it checked.

Plain blocks are read without the parser (:func:`_plain_blocks`): a paragraph, heading
or list item whose every line holds no character Markdown reads as markup comes out of
markdown-it as its lines themselves, so each such block is handed to the parser as a
one-letter paragraph (which keeps every other block's reading) and its prose is taken
from the source directly; any doubt, and the whole document goes through the parser.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

from .base import Document, ProseBuilder, line_starts
from .html import extract_html
from .text import read_text

FAST = True  # read plain blocks without the parser (off: every block through markdown-it)
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


# A plain line: markdown-it reads it as one text token, and as a paragraph line where a
# block starts. Not plain: white space at either end (stripped), a character that starts
# inline markup (emphasis, code, links, HTML, entities, escapes, strikethrough, tables)
# anywhere, one that starts a block (heading, quote, list, rule, fence, setext line,
# table, reference) first, or an ordered-list marker (1. 2)).
_MARKUP = re.compile(r"[\t\\`*_\[\]<>|~&\x00]")
_BLOCK_START = frozenset("#>-+*=_~`<|[:!\\&")
_ORDERED = re.compile(r"[0-9]+[.)]")
# a heading (## 标题) or a list item (- 项目, 1. 项目, 2) 项目) whose text is a plain line
_HEADING = re.compile(r"#{1,6} +(?=[^ ])")
_ITEM = re.compile(r"(?:-|[0-9]{1,9}[.)]) (?=[^ ])")
_RULES = frozenset(c * n for c in "-*_" for n in range(3, 11))  # ---, ***, ___
BARRIER = "x"  # what the parser reads in place of a plain block: a one-letter paragraph


def _plain(line: str) -> bool:
    return (
        bool(line)
        and not line[0].isspace()
        and not line[-1].isspace()
        and line[0] not in _BLOCK_START
        and _ORDERED.match(line) is None
        and _MARKUP.search(line) is None
    )


# a plain block: its first line, and each line's prose pieces (source offset, text) and
# where the line ends if a soft break follows it (else -1: the block, or an item, ends)
_Line = tuple[list[tuple[int, str]], int]
# a run of plain blocks with nothing but blank lines between them: its first line, the
# line after its last, and its prose line by line
_Block = tuple[int, int, list[_Line]]


def _inline(text: str, offset: int) -> list[tuple[int, str]] | None:
    """The text pieces markdown-it reads from the inline ``text`` (at ``offset`` in the
    source) if it is plain, or plain words in bold or italics at its start (``**要点：**``,
    ``**问：** 正文``, ``*注：…*``, ``**主持人**：…``: by CommonMark's flanking rules the
    first marker only opens, the second only closes), else ``None``."""
    if _plain(text):
        return [(offset, text)]
    marker = "**" if text.startswith("**") else "*" if text.startswith("*") else ""
    width = len(marker)
    close = text.find(marker, width) if marker else -1
    if close <= width:
        return None
    inner, rest = text[width:close], text[close + width :]
    if inner[0].isspace() or inner[-1].isspace() or _MARKUP.search(inner) is not None:
        return None
    pieces = [(offset + width, inner)]
    if rest:
        if (
            rest[-1].isspace()
            or _MARKUP.search(rest) is not None
            or not (rest[0] in " \u3000" or unicodedata.category(rest[0])[0] in "PS")
        ):
            return None
        pieces.append((offset + close + width, rest))
    return pieces


def _plain_blocks(lines: list[str], starts: list[int]) -> tuple[list[_Block], bool]:
    """The runs of non-blank lines that are each read as plain blocks (a paragraph of
    plain lines, a heading with plain text, list items at the margin with plain text,
    a heading over either), joined when only blank lines stand between them; and
    whether every run is one."""
    blocks: list[_Block] = []
    count = len(lines)
    number = 0
    every = joined = True
    while number < count:
        if not lines[number].strip(" \t"):
            number += 1
            continue
        first = number
        while number < count and lines[number].strip(" \t"):
            number += 1
        pieces = _plain_pieces(lines, starts, first, number)
        if pieces is None:
            every = joined = False
        elif joined and blocks:
            blocks[-1] = (blocks[-1][0], number, blocks[-1][2] + pieces)
        else:
            blocks.append((first, number, pieces))
            joined = True
    return blocks, every


def _plain_pieces(
    lines: list[str], starts: list[int], first: int, end: int
) -> list[_Line] | None:
    """The prose of the run of lines [first, end), line by line, if it is a plain block."""
    pieces: list[_Line] = []
    number = first
    if end == first + 1 and lines[first] in _RULES:
        return pieces  # a thematic break: no prose
    if lines[first].startswith("> "):  # a quote of plain lines, each marked
        for at in range(first, end):
            text = lines[at][2:]
            found = _inline(text, starts[at] + 2) if lines[at].startswith("> ") else None
            if found is None or lines[at].find(text) != 2:
                return None
            pieces.append((found, starts[at] + len(lines[at]) if at + 1 < end else -1))
        return pieces
    heading = _HEADING.match(lines[first])
    if heading is not None:
        text = lines[first][heading.end() :]
        if "#" in text or not _plain(text) or lines[first].find(text) != heading.end():
            return None
        pieces.append(([(starts[first] + heading.end(), text)], -1))
        number += 1
    if number < end and _ITEM.match(lines[number]) is not None:
        # items at the margin: the next line that is not blank must start there too, or
        # it could be an item's indented continuation
        for at in range(number, end):
            item = _ITEM.match(lines[at])
            if item is None:
                return None
            text = lines[at][item.end() :]
            found = _inline(text, starts[at] + item.end())
            if found is None or lines[at].find(text) != item.end():
                return None
            pieces.append((found, -1))
        after = end
        while after < len(lines) and not lines[after].strip(" \t"):
            after += 1
        if after < len(lines) and lines[after][:1] in (" ", "\t"):
            return None
        return pieces
    for at in range(number, end):
        found = _inline(lines[at], starts[at])
        if found is None:
            return None
        pieces.append((found, starts[at] + len(lines[at]) if at + 1 < end else -1))
    return pieces


def _with_barriers(lines: list[str], blocks: list[_Block]) -> str:
    """The source with each run of plain blocks read as a one-letter paragraph on its
    first line (its other lines left empty: line numbers stay)."""
    out = list(lines)
    for first, end, _ in blocks:
        out[first] = BARRIER
        out[first + 1 : end] = [""] * (end - first - 1)
    return "\n".join(out)


def _barriers_hold(tokens: list[Token], blocks: list[_Block]) -> bool:
    """Every plain block was read as a one-letter paragraph of its own at the top level
    (not inside a fence, an HTML block or a container): the rest reads as in the source."""
    found = {
        token.map[0]
        for at, token in enumerate(tokens[:-2])
        if token.type == "paragraph_open"
        and token.level == 0
        and token.map is not None
        and token.map[1] == token.map[0] + 1
        and tokens[at + 1].content == BARRIER
        and tokens[at + 2].type == "paragraph_close"
    }
    return all(first in found for first, _, _ in blocks)


def read_markdown(path: str, source: str) -> Document:
    parsed_source = blank_front_matter(source)
    lines = parsed_source.split("\n")
    starts = line_starts(parsed_source)
    blocks, every = _plain_blocks(lines, starts) if FAST else ([], False)
    if every:  # nothing but plain blocks: no parser needed
        out = ProseBuilder()
        for _, _, pieces in blocks:
            _add_plain(pieces, out)
        return out.build(path, source)
    env: dict[str, Any] = {}
    if blocks:
        tokens = _parser().parse(_with_barriers(lines, blocks), env)
        if env.get("medlint_too_deep") or not _barriers_hold(tokens, blocks):
            blocks, env = [], {}
            tokens = _parser().parse(parsed_source, env)
    else:
        tokens = _parser().parse(parsed_source, env)
    if env.get("medlint_too_deep"):
        return read_text(path, source)
    aligner = _Aligner(parsed_source)
    out = ProseBuilder()
    plain = {first: pieces for first, _, pieces in blocks}
    skip = False
    for token in tokens:
        if skip:  # the barrier's letter
            skip = False
            continue
        if token.type == "paragraph_open" and token.level == 0 and token.map is not None:
            block = plain.get(token.map[0])
            if block is not None:
                _add_plain(block, out)
                skip = True
            continue
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


def _add_plain(pieces: list[_Line], out: ProseBuilder) -> None:
    """What the parser's tokens of a plain block add: each text piece, a soft break
    after each line of a paragraph, a block break after the block (and each item)."""
    for texts, line_end in pieces:
        for start, text in texts:
            out.add_mapped(text, range(start, start + len(text)))
        if line_end >= 0:
            out.line_break(line_end)
        else:
            out.block_break()
