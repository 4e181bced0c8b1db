"""``json-lines``: one JSON object per violation per line, the fields of ``json``."""

from __future__ import annotations

import json

from ..violation import Violation
from .base import Reporter


class JsonLinesReporter(Reporter):
    def file(self, path: str, source: str | None, violations: list[Violation]) -> None:
        for violation in violations:
            data = violation.model_dump(mode="json")
            self.out.write(json.dumps(data, ensure_ascii=False) + "\n")
