"""``junit``: JUnit XML, read by most CI servers' test report views.

One ``testsuite`` per file checked; each violation is a failed ``testcase`` named after
its rule, and a file without violations has one passing ``testcase``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

from ..violation import Violation
from .base import Reporter, Summary


class JunitReporter(Reporter):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.root = ET.Element("testsuites", name="medlint")

    def file(self, path: str, source: str | None, violations: list[Violation]) -> None:
        suite = ET.SubElement(
            self.root,
            "testsuite",
            name=path,
            tests=str(max(1, len(violations))),
            failures=str(len(violations)),
            errors="0",
            skipped="0",
        )
        if not violations:
            ET.SubElement(suite, "testcase", name="medlint", classname=path, file=path)
        for v in violations:
            case = ET.SubElement(
                suite,
                "testcase",
                name=f"{v.rule} {v.name} ({v.line}:{v.column})",
                classname=path,
                file=path,
                line=str(v.line),
            )
            failure = ET.SubElement(case, "failure", message=v.message, type=v.rule)
            details = [f"{v.path}:{v.line}:{v.column}: {v.rule} {v.message}"]
            if v.text:
                details.append(f"原文：{v.text}")
            if v.suggestion:
                details.append(f"建议：{v.suggestion}")
            if v.basis:
                details.append(f"依据：{v.basis}")
            failure.text = "\n".join(details)

    def close(self, summary: Summary) -> None:
        suites = list(self.root)
        self.root.set("tests", str(sum(int(s.get("tests", "0")) for s in suites)))
        self.root.set("failures", str(sum(int(s.get("failures", "0")) for s in suites)))
        self.root.set("errors", "0")
        ET.indent(self.root)
        self.out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        self.out.write(ET.tostring(self.root, encoding="unicode") + "\n")
