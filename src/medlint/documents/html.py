"""HTML via the standard library's html.parser: text nodes and image alt text are prose.

Tags, attributes, comments, ``<head>``, ``<script>`` and ``<style>`` are not.
Entities are decoded and mapped to the position of their ``&``.

Markup never hides prose: an element whose content is skipped (``<code>``, ``<head>``,
``<svg>`` …) and that is never closed would hide the rest of the page, so the page is
read again with that element's content taken as prose. ``<head>`` also ends where the
body starts (``<body>`` or the first block), as browsers end it.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from .base import Document, ProseBuilder, line_starts
from .files import InputError

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


_REREADS = 50  # unclosed skipped elements taken as prose, at most, before giving up


class UnclosedMarkup(InputError):
    """Too many unclosed elements to tell prose from markup."""


class _ProseParser(HTMLParser):
    def __init__(
        self, text: str, base: int, out: ProseBuilder, prose_at: frozenset[int] = frozenset()
    ) -> None:
        super().__init__(convert_charrefs=False)
        self.base = base
        self.starts = line_starts(text)
        self.out = out
        self.open: list[tuple[str, int]] = []  # skipped elements open: (tag, where)
        self.prose_at = prose_at  # start tags (by index) whose content is prose after all
        self.plain_next = False  # the start tag just seen opens no <script>/<style> content

    def set_cdata_mode(self, elem: str, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        if self.plain_next:
            self.plain_next = False
            return
        super().set_cdata_mode(elem, *args, **kwargs)

    @property
    def skip(self) -> bool:
        return bool(self.open)

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
        self.plain_next = False
        if self.open and self.open[-1][0] == "head" and (tag == "body" or tag in _BLOCKS):
            self.open.pop()  # the body starts: <head> ends, closed or not
        if tag in _SKIPPED:
            where = self._index()
            if where not in self.prose_at:
                self.open.append((tag, where))
            else:  # an unclosed <script> or <style>: what follows is read as HTML
                self.plain_next = True
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
            for depth in range(len(self.open) - 1, -1, -1):
                if self.open[depth][0] == tag:
                    del self.open[depth:]  # closes what it holds, as browsers do
                    break
        elif tag in _BLOCKS:
            self.out.block_break()

    def handle_data(self, data: str) -> None:
        if self.skip or not data.strip():
            return
        # a source line break inside text is white space when rendered: only a block
        # or <br> breaks a line, and only a block starts a paragraph
        self.out.add(data.replace("\n", " "), self._index())

    def handle_entityref(self, name: str) -> None:
        if not self.skip:
            self.out.add_at(html.unescape(f"&{name};"), self._index())

    def handle_charref(self, name: str) -> None:
        if not self.skip:
            self.out.add_at(html.unescape(f"&#{name};"), self._index())


def extract_html(text: str, base: int, out: ProseBuilder) -> None:
    """Append the prose of an HTML fragment whose first character is ``base``.

    Raises :class:`UnclosedMarkup` when too many skipped elements stay open to read it.
    """
    prose_at: frozenset[int] = frozenset()
    for _ in range(_REREADS):
        attempt = ProseBuilder()
        parser = _ProseParser(text, base, attempt, prose_at)
        parser.feed(text)
        parser.close()
        if not parser.open:
            out.extend(attempt)
            return
        prose_at |= {where for _, where in parser.open}  # never closed: its text is prose
    raise UnclosedMarkup("unreadable HTML: too many unclosed <code>, <svg> or <head> elements")


def read_html(path: str, source: str) -> Document:
    out = ProseBuilder()
    extract_html(source, 0, out)
    return out.build(path, source)
