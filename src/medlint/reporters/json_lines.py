"""``json-lines``: one JSON object per violation per line, the fields of ``json``.

Line and paragraph separators (U+2028, U+2029, U+0085) inside strings are written as
``\\u`` escapes, so that readers that split on any line break still see one object a line.
"""

from __future__ import annotations

import json

from ..violation import Violation
from .base import Reporter

_SEPARATORS = ("\u2028", "\u2029", "\x85", "\x1c", "\x1d", "\x1e")


class JsonLinesReporter(Reporter):
    def file(self, path: str, source: str | None, violations: list[Violation]) -> None:
        for violation in violations:
            data = violation.model_dump(mode="json")
            line = json.dumps(data, ensure_ascii=False)
            for separator in _SEPARATORS:
                line = line.replace(separator, f"\\u{ord(separator):04x}")
            self.out.write(line + "\n")
