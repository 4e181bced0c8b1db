"""``json``: one array with an object per violation (the scoring contract)."""

from __future__ import annotations

import json
from typing import Any

from ..violation import Violation
from .base import Reporter, Summary


class JsonReporter(Reporter):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.count = 0

    def file(self, path: str, source: str | None, violations: list[Violation]) -> None:
        for violation in violations:
            self.out.write("[\n  " if self.count == 0 else ",\n  ")
            self.out.write(json.dumps(violation.model_dump(mode="json"), ensure_ascii=False))
            self.count += 1

    def close(self, summary: Summary) -> None:
        self.out.write("[]\n" if self.count == 0 else "\n]\n")
