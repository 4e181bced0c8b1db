"""Readers that turn a source file into prose with an exact map back to line and column.

Rules only ever see :class:`Document.prose`; every prose character remembers the
index of the source character it came from, so positions are exact from the start.
"""

from __future__ import annotations

from .base import Document, ProseBuilder
from .reader import FORMATS, document_format, read_document

__all__ = ["FORMATS", "Document", "ProseBuilder", "document_format", "read_document"]
