"""``gitlab``: GitLab Code Quality JSON, shown in merge requests.

Fingerprints hash the violation's content key (see :mod:`medlint.baseline`), so they
stay the same across runs and when lines above move.
"""

from __future__ import annotations

import json
from typing import Any

from ..filters.baseline import content_keys, key_path, per_article_codes
from ..violation import Violation
from .base import Reporter, Summary

SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}


class GitlabReporter(Reporter):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.per_article = per_article_codes(self.rules.values())
        self.issues: list[dict[str, Any]] = []

    def file(self, path: str, source: str | None, violations: list[Violation]) -> None:
        for v, key in zip(violations, content_keys(violations, self.per_article), strict=True):
            self.issues.append(
                {
                    "type": "issue",
                    "description": f"{v.rule} {v.message}",
                    "check_name": v.rule,
                    "categories": ["Style"],
                    "fingerprint": key.fingerprint(),
                    "severity": SEVERITIES[v.severity.value],
                    "location": {
                        "path": key_path(v.path),
                        "lines": {"begin": v.line, "end": v.end_line},
                    },
                }
            )

    def close(self, summary: Summary) -> None:
        self.out.write(json.dumps(self.issues, ensure_ascii=False, indent=2) + "\n")
