"""``sarif``: SARIF 2.1.0 for code scanning (GitHub and other SARIF viewers).

The rules this run checks go to ``tool.driver.rules`` with their documentation; each
violation is a result whose region counts columns in characters (``columnKind``
``unicodeCodePoints``; SARIF's ``endColumn`` is exclusive).
"""

from __future__ import annotations

import json
from pathlib import PurePath
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from ..escape import clean
from ..filters.baseline import content_keys, key_path, per_article_codes
from ..version import __version__
from ..violation import Violation
from .base import Reporter, Summary

if TYPE_CHECKING:
    from ..rules import Rule

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def artifact_uri(path: str) -> str:
    """A URI reference for ``path``: relative stays relative, absolute becomes file://."""
    if PurePath(path).is_absolute():
        return PurePath(clean(path)).as_uri()
    return quote(key_path(path))


def help_text(rule: Rule) -> tuple[str, str]:
    """A rule's help as plain text and as Markdown."""
    text, markdown = [rule.message], [f"**{rule.message}**"]
    if rule.description:
        text.append(rule.description.strip())
        markdown.append(rule.description.strip())
    if rule.basis:
        text.append(f"依据 basis: {rule.basis}")
        markdown.append(f"依据 basis: {rule.basis}")
    if rule.suggestion:
        text.append(f"建议 instead: {rule.suggestion}")
        markdown.append(f"建议 instead: {rule.suggestion}")
    text.append("违规示例 bad:\n" + "\n".join(f"  ✗ {e}" for e in rule.bad_examples))
    markdown.append("违规示例 bad:\n\n" + "\n".join(f"- ✗ {e}" for e in rule.bad_examples))
    text.append("合规示例 good:\n" + "\n".join(f"  ✓ {e}" for e in rule.good_examples))
    markdown.append("合规示例 good:\n\n" + "\n".join(f"- ✓ {e}" for e in rule.good_examples))
    return "\n\n".join(text), "\n\n".join(markdown)


def rule_descriptor(rule: Rule) -> dict[str, Any]:
    text, markdown = help_text(rule)
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.message},
        "fullDescription": {"text": (rule.description or rule.message).strip()},
        "help": {"text": text, "markdown": markdown},
        "defaultConfiguration": {"level": _LEVELS[rule.severity.value]},
        "properties": {"category": rule.category, "tags": [rule.category]},
    }


class SarifReporter(Reporter):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.per_article = per_article_codes(self.rules.values())
        self.results: list[tuple[Violation, str]] = []
        self.notifications: list[dict[str, Any]] = []

    def failed(self, path: str, message: str) -> None:
        """An error result, and a notification that the run did not check everything."""
        self.notifications.append(
            {
                "level": "error",
                "message": {"text": f"cannot check this file: {clean(message)}"},
                "locations": [
                    {"physicalLocation": {"artifactLocation": {"uri": artifact_uri(path)}}}
                ],
            }
        )
        super().failed(path, message)

    def file(self, path: str, source: str | None, violations: list[Violation]) -> None:
        keys = content_keys(violations, self.per_article)
        self.results.extend(zip(violations, [k.fingerprint() for k in keys], strict=True))

    def close(self, summary: Summary) -> None:
        descriptors = [rule_descriptor(self.rules[code]) for code in sorted(self.rules)]
        index = {d["id"]: i for i, d in enumerate(descriptors)}
        for violation, _ in self.results:  # a rule the reporter was not told about
            if violation.rule not in index:
                index[violation.rule] = len(descriptors)
                descriptors.append({"id": violation.rule, "name": violation.name})
        results = [self._result(v, fingerprint, index[v.rule]) for v, fingerprint in self.results]
        document = {
            "$schema": SCHEMA,
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {
                        "driver": {
                            "name": "medlint",
                            "version": __version__,
                            "semanticVersion": __version__,
                            "rules": descriptors,
                        }
                    },
                    "invocations": [
                        {
                            "executionSuccessful": not self.notifications,
                            "toolExecutionNotifications": self.notifications,
                        }
                    ],
                    "columnKind": "unicodeCodePoints",
                    "results": results,
                }
            ],
        }
        self.out.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")

    @staticmethod
    def _result(v: Violation, fingerprint: str, rule_index: int) -> dict[str, Any]:
        message = v.message + (f"\n建议：{v.suggestion}" if v.suggestion else "")
        return {
            "ruleId": v.rule,
            "ruleIndex": rule_index,
            "level": _LEVELS[v.severity.value],
            "message": {"text": message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": artifact_uri(v.path)},
                        "region": {
                            "startLine": v.line,
                            "startColumn": v.column,
                            "endLine": v.end_line,
                            "endColumn": v.end_column + 1,
                        },
                    }
                }
            ],
            "partialFingerprints": {"medlintContent/v1": fingerprint},
            "properties": {"category": v.category, "text": v.text, "topic": v.topic},
        }
