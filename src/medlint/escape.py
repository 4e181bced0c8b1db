"""Making any file name and any article text safe for each output format.

- :func:`clean`: valid Unicode for every format. A file name that is not UTF-8 reaches
  Python with its odd bytes as lone surrogates, which no encoder accepts; they are
  written as ``\\xNN`` escapes (the bytes stay recognisable, the report stays valid).
- :func:`printable`: one line for a terminal or a CI log: control and invisible
  characters (a newline in a file name could forge a ``::error`` line, an escape
  sequence could repaint the terminal) are written as escapes.
- :func:`xml_text`: only characters XML 1.0 allows; the others become escapes.
- :func:`csv_cell`: a cell a spreadsheet will not run as a formula: text starting with
  ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a leading apostrophe.
"""

from __future__ import annotations

import os
import re
import unicodedata

_SURROGATE = re.compile("[\ud800-\udfff]")
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def clean(text: str) -> str:
    """``text`` with lone surrogates (undecodable bytes of a file name) as ``\\xNN``."""
    if not _SURROGATE.search(text):
        return text
    return os.fsencode(text).decode("utf-8", "backslashreplace") if _escaped_bytes(text) else (
        text.encode("utf-8", "backslashreplace").decode("utf-8")
    )


def _escaped_bytes(text: str) -> bool:
    return all("\udc80" <= c <= "\udcff" for c in _SURROGATE.findall(text))


def _escape_char(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


_HIDDEN = frozenset({"Cc", "Cf", "Cn", "Co", "Cs", "Zl", "Zp"})


def printable(text: str) -> str:
    """:func:`clean`, and every control, format, unassigned or line-separator character
    as an escape (spaces stay)."""
    text = clean(text)
    if text.isprintable():
        return text
    return "".join(_escape_char(c) if unicodedata.category(c) in _HIDDEN else c for c in text)


def xml_text(text: str) -> str:
    """:func:`clean`, without the characters XML 1.0 cannot hold."""
    return _XML_ILLEGAL.sub(lambda m: _escape_char(m.group(0)), clean(text))


def csv_cell(value: object) -> object:
    """A cell value a spreadsheet shows as text, never evaluates."""
    if not isinstance(value, str):
        return value
    value = clean(value)
    return f"'{value}" if value.startswith(_FORMULA) else value
