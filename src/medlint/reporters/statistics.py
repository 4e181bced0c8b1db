"""``--statistics``: how many violations each rule found, instead of the violations."""

from __future__ import annotations

import json
from typing import Any

from ..violation import Violation
from .base import Reporter, Summary


def rule_counts(summary: Summary) -> list[dict[str, Any]]:
    """``{"code", "name", "count"}`` per rule, most frequent first."""
    rows = [
        {"code": code, "name": name, "count": count}
        for (code, name), count in summary.by_rule.items()
    ]
    return sorted(rows, key=lambda row: (-row["count"], row["code"]))


class StatisticsReporter(Reporter):
    """A table like ``ruff --statistics``; a JSON array when ``as_json``."""

    as_json = False

    def file(self, path: str, source: str | None, violations: list[Violation]) -> None:
        """Counting happens in the run's summary."""

    def close(self, summary: Summary) -> None:
        rows = rule_counts(summary)
        if self.as_json:
            self.out.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
            return
        width = max((len(str(row["count"])) for row in rows), default=1)
        for row in rows:
            self.out.write(f"{row['count']:>{width}}\t{row['code']}\t{row['name']}\n")


class JsonStatisticsReporter(StatisticsReporter):
    as_json = True
