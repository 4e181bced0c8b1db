"""What counts as prose: text for readers that cannot turn into markup or commands.

Wording that medlint writes into articles (a custom ``disclaimer-text``) must be one
paragraph of prose: no line breaks or other control characters, no markup characters
(``<``, ``>``, backticks) and no line-start syntax (a heading, list, quote, table or
front-matter marker), at most :data:`MAX_LENGTH` characters. So a repository's
configuration can only ever add a sentence, never a new line of another language.
"""

from __future__ import annotations

import re
import unicodedata

MAX_LENGTH = 500
_MARKUP = re.compile(r"[<>`]")
_LINE_START = re.compile(r"^(?:[#>*+=|~!\[\-]|\d+[.)]\s|---)")


def prose_problem(text: str) -> str | None:
    """Why ``text`` is not one paragraph of prose, or ``None`` if it is."""
    if len(text) > MAX_LENGTH:
        return f"is longer than {MAX_LENGTH} characters"
    if any(unicodedata.category(c) in ("Cc", "Zl", "Zp") for c in text):
        return "must be one line of prose (no line breaks or control characters)"
    if _MARKUP.search(text):
        return "must be prose, without markup characters (<, >, `)"
    stripped = text.strip()
    if not stripped:
        return "is empty"
    if _LINE_START.match(stripped):
        return f"must be prose, not start with markup ({stripped[:3]!r})"
    return None
