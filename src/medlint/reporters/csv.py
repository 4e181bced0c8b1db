"""``csv``: one row per violation under a header row, for spreadsheets.

Written as UTF-8 with a byte-order mark and CRLF line ends, which is what Excel needs
to open Chinese text correctly by double-click; other tools skip the mark.
"""

from __future__ import annotations

import csv
from typing import Any

from ..violation import Violation
from .base import Reporter, Summary

COLUMNS = list(Violation.model_fields)


class CsvReporter(Reporter):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.out.write("\ufeff")
        self.writer = csv.writer(self.out, lineterminator="\r\n")
        self.writer.writerow(COLUMNS)

    def file(self, path: str, source: str | None, violations: list[Violation]) -> None:
        for violation in violations:
            row = violation.model_dump(mode="json")
            self.writer.writerow([row[column] for column in COLUMNS])

    def close(self, summary: Summary) -> None:
        self.out.flush()
