"""The prose and its map to the source are the same when built piece by piece as when
built one character at a time (the reference below), over the examples, tricky inputs
and, when present, the shared corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from medlint.documents import base, html, markdown, read_document, text
from medlint.documents.base import INVISIBLE, PARAGRAPH_BREAK, Document

ROOT = Path(__file__).resolve().parents[1]
SUFFIXES = (".md", ".markdown", ".txt", ".html", ".htm")


class CharacterBuilder:
    """Reference: every piece of prose added one character at a time."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._offsets: list[int] = []
        self._last_offset = 0
        self._tail = ""

    def add(self, text: str, source_start: int) -> None:
        for offset, char in enumerate(text):
            self.add_at(char, source_start + offset)

    def add_mapped(self, text: str, offsets) -> None:
        for char, offset in zip(text, offsets, strict=True):
            self.add_at(char, offset)

    def add_at(self, text: str, source_index: int) -> None:
        text = "".join(c for c in text if c not in INVISIBLE)
        if not text:
            return
        self._parts.append(text)
        self._offsets.extend([source_index] * len(text))
        self._last_offset = source_index
        self._tail = (self._tail + text)[-2:]

    def line_break(self, source_index: int | None = None) -> None:
        if self._offsets and not self._tail.endswith("\n"):
            self.add_at("\n", self._last_offset if source_index is None else source_index)

    def block_break(self) -> None:
        if not self._offsets or self._tail == PARAGRAPH_BREAK:
            return
        if self._tail.endswith("\n"):
            self.add_at("\n", self._last_offset)
        else:
            self.add_at(PARAGRAPH_BREAK, self._last_offset)

    def extend(self, other: CharacterBuilder) -> None:
        for part, offset in zip(other._parts, _part_offsets(other), strict=True):
            self.add_at(part, offset)

    def build(self, path: str, source: str) -> Document:
        return Document(path, source, "".join(self._parts), self._offsets)


def _part_offsets(builder: CharacterBuilder) -> list[int]:
    """The source offset each part of ``builder`` was added at."""
    starts, at = [], 0
    for part in builder._parts:
        starts.append(builder._offsets[at])
        at += len(part)
    return starts


def by_character(monkeypatch: pytest.MonkeyPatch, path: str, source: str) -> Document:
    with monkeypatch.context() as patch:
        for module in (markdown, html, text):
            patch.setattr(module, "ProseBuilder", CharacterBuilder)
        return read_document(path, source)


def assert_same(monkeypatch: pytest.MonkeyPatch, path: str, source: str) -> None:
    expected = by_character(monkeypatch, path, source)
    actual = read_document(path, source)
    assert actual.prose == expected.prose, path
    assert actual.offsets == expected.offsets, path
    assert len(actual.offsets) == len(actual.prose)


TRICKY = {
    "a.md": "# 标题\u200b可以\u00ad根治\n\n正文 &amp; \\*转义\\* **粗\u200d体** [链接](x)\n"
    "行尾  \n硬换行\n\n| 甲 | 乙\\|丙 |\n| - | - |\n| 根\u200b治 | &lt;b&gt; |\n\n"
    "<div>块内 &nbsp; 文字<br>换行</div>\n\n![图\u2060片](a.png) <https://x.cn>\n",
    "b.html": "<p>可以&#26681;治\u200b</p><img alt='图 &amp; 文'><p>\ufeff</p>段<br/>落",
    "c.txt": "\ufeff第一行\u200b\n\n\u200b\n第二段  \n  第三行\n",
    "d.md": "\u200b\u200c\n\n可\u200b\n",
}


@pytest.mark.parametrize("name", sorted(TRICKY))
def test_tricky_inputs_map_alike(monkeypatch, name):
    assert_same(monkeypatch, name, TRICKY[name])


def _articles(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.suffix.lower() in SUFFIXES)


def test_examples_map_alike(monkeypatch):
    articles = _articles(ROOT / "examples")
    assert articles
    for path in articles:
        assert_same(monkeypatch, str(path), path.read_text("utf-8"))


def test_shared_corpus_maps_alike(monkeypatch, shared):
    articles = _articles(shared / "corpus")
    assert articles
    for path in articles:
        assert_same(monkeypatch, str(path), path.read_text("utf-8"))


def test_mapped_piece_needs_one_offset_per_character():
    builder = base.ProseBuilder()
    with pytest.raises(ValueError):
        builder.add_mapped("可以", [3])
