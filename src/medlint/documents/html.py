"""HTML via the standard library's html.parser: text nodes and image alt text are prose.

Tags, attributes, comments, ``<head>``, ``<script>`` and ``<style>`` are not.
Entities are decoded and mapped to the position of their ``&``.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from .base import Document, ProseBuilder, line_starts

_SKIPPED = {"head", "script", "style", "template", "noscript", "title", "svg", "code", "pre"}
_BLOCKS = {
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "section",
    "summary",
    "table",
    "td",
    "th",
    "tr",
    "ul",
    "caption",
    "html",
}
_ALT = re.compile(r"""\balt\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)


class _ProseParser(HTMLParser):
    def __init__(self, text: str, base: int, out: ProseBuilder) -> None:
        super().__init__(convert_charrefs=False)
        self.base = base
        self.starts = line_starts(text)
        self.out = out
        self.skip = 0

    def parse_html_declaration(self, i: int) -> int:
        """``<![`` not followed by a section name makes html.parser fail: it is text."""
        position = self.lineno, self.offset
        try:
            return super().parse_html_declaration(i)
        except AssertionError:
            self.lineno, self.offset = position  # the failed scan moved them
            if not self.skip:
                self.out.add(self.rawdata[i : i + 3], self._index())
            return i + 3

    def _index(self) -> int:
        line, column = self.getpos()
        return self.base + self.starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self.skip += 1
        elif tag in _BLOCKS:
            self.out.block_break()
        elif tag == "br":
            self.out.line_break()
        elif tag == "img" and not self.skip:
            self._alt()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img" and not self.skip:
            self._alt()
        elif tag == "br":
            self.out.line_break()

    def _alt(self) -> None:
        raw = self.get_starttag_text() or ""
        match = _ALT.search(raw)
        if not match:
            return
        group = next(g for g in (1, 2, 3) if match.group(g) is not None)
        start = self._index() + match.start(group)
        value = match.group(group)
        self.out.block_break()
        self.out.add(value, start) if "&" not in value else self.out.add_at(
            html.unescape(value), start
        )
        self.out.block_break()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCKS:
            self.out.block_break()

    def handle_data(self, data: str) -> None:
        if self.skip or not data.strip():
            return
        self.out.add(data, self._index())

    def handle_entityref(self, name: str) -> None:
        if not self.skip:
            self.out.add_at(html.unescape(f"&{name};"), self._index())

    def handle_charref(self, name: str) -> None:
        if not self.skip:
            self.out.add_at(html.unescape(f"&#{name};"), self._index())


def extract_html(text: str, base: int, out: ProseBuilder) -> None:
    """Append the prose of an HTML fragment whose first character is ``base``."""
    parser = _ProseParser(text, base, out)
    parser.feed(text)
    parser.close()


def read_html(path: str, source: str) -> Document:
    out = ProseBuilder()
    extract_html(source, 0, out)
    return out.build(path, source)
