"""Choose a reader by file suffix."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import PurePath

from .base import Document, normalise_newlines
from .html import read_html
from .markdown import read_markdown
from .text import read_text

Reader = Callable[[str, str], Document]

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
