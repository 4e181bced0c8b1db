"""Choose a reader by file suffix; a reader's module (and its parser) is imported the
first time a document of its format is read, so a run over plain text never loads
markdown-it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import PurePath

from .base import Document, normalise_newlines
from .text import read_text

Reader = Callable[[str, str], Document]


def read_markdown(path: str, source: str) -> Document:
    from .markdown import read_markdown as read

    return read(path, source)


def read_html(path: str, source: str) -> Document:
    from .html import read_html as read

    return read(path, source)


FORMATS: dict[str, Reader] = {"markdown": read_markdown, "html": read_html, "text": read_text}
SUFFIXES = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".txt": "text",
}


def document_format(path: str) -> str:
    return SUFFIXES.get(PurePath(path).suffix.lower(), "text")


def read_document(path: str, text: str, fmt: str | None = None) -> Document:
    """Build the document for ``text`` (already decoded) in ``fmt`` or the format ``path``
    implies."""
    source = normalise_newlines(text.removeprefix("\ufeff"))
    return FORMATS[fmt or document_format(path)](path, source)
