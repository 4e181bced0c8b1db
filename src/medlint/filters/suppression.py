"""Inline suppression: directives read from the source, applied as a filter over violations.

Markdown and HTML use comments, plain text uses a ``#`` line comment (the comment form
works there too)::

    <!-- medlint-disable MED401, overclaim -- reason -->     until medlint-enable
    <!-- medlint-enable MED401 -->
    <!-- medlint-disable-line MED404 -->                       on the directive's line
    <!-- medlint-disable-next-line MED401 -- quoting an ad --> on the line after it
    <!-- medlint-disable-file MED101 -->                       the whole file
    # medlint-disable-next-line MED401                         (plain text)

Without selectors a directive covers every rule. Findings about the whole article (the
``required`` kind, e.g. a missing disclaimer) are suppressed only by ``disable-file``.
Directives that suppress nothing are reported as ``MED001 unused-suppression``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..config.selection import RuleInfo, RuleLike, Selection, matches, unknown
from ..documents.base import line_starts
from ..violation import Severity, Violation

UNUSED = RuleInfo("MED001", "unused-suppression", "suppression", Severity.warning)
UNUSED_MESSAGE = "抑制注释没有抑制任何问题"
UNUSED_DESCRIPTION = (
    "A medlint-disable comment that suppresses nothing: the problem it hid has been fixed, "
    "or the comment names the wrong rule. Stale suppressions hide future problems."
)

KINDS = ("disable-next-line", "disable-line", "disable-file", "disable", "enable")
_BODY = r"medlint-(?P<kind>" + "|".join(KINDS) + r")(?![\w-])(?P<rest>[^\n]*?)"
_COMMENT = re.compile(r"<!--\s*" + _BODY.replace("[^\\n]", "[\\s\\S]") + r"\s*-->")
_HASH = re.compile(r"(?m)(?:^|[ \t])#[ \t]*" + _BODY + r"[ \t]*$")


@dataclass
class Directive:
    """One suppression comment; ``line``/``column`` are where it starts, ``end_line`` ends."""

    kind: str
    selectors: list[str]
    reason: str
    line: int
    column: int
    end_line: int
    text: str
    used: set[str] = field(default_factory=set)  # selectors (or "*") that suppressed

    def covers(self, violation: Violation) -> str | None:
        """The selector of this directive that names the violation's rule, if any."""
        if not self.selectors:
            return "*"
        return next((s for s in self.selectors if matches(s, violation)), None)


def _parse_rest(rest: str) -> tuple[list[str], str]:
    selectors, _, reason = rest.partition("--")
    return [s for s in re.split(r"[\s,]+", selectors) if s], reason.strip()


def parse(source: str, fmt: str) -> list[Directive]:
    """Every directive in ``source``, in order; the comment form, and ``#`` for text."""
    starts = line_starts(source)
    patterns = [_COMMENT] + ([_HASH] if fmt == "text" else [])
    found = []
    for pattern in patterns:
        for match in pattern.finditer(source):
            start = match.start("kind") - len("medlint-")
            line = _line_of(starts, start)
            selectors, reason = _parse_rest(match.group("rest"))
            found.append(
                Directive(
                    kind=match.group("kind"),
                    selectors=selectors,
                    reason=reason,
                    line=line,
                    column=start - starts[line - 1] + 1,
                    end_line=_line_of(starts, match.end() - 1),
                    text=match.group(0).strip(),
                )
            )
    return sorted(found, key=lambda d: (d.line, d.column))


def _line_of(starts: list[int], index: int) -> int:
    return bisect_right(starts, index)


class Suppressor:
    """Filters one file's violations by its directives, remembering which were used."""

    def __init__(self, directives: list[Directive], selection: Selection) -> None:
        self.directives = directives
        self.selection = selection

    def _suppressed_by(self, violation: Violation) -> tuple[Directive, str] | None:
        article = violation.rule in self.selection.article_codes
        state: tuple[Directive, str] | None = None
        position = (violation.line, violation.column)
        for directive in self.directives:
            selector = directive.covers(violation)
            if selector is None:
                continue
            if directive.kind == "disable-file":
                return directive, selector
            if article:
                continue
            if directive.kind == "disable-line" and (
                violation.line <= directive.line <= violation.end_line
            ):
                return directive, selector
            if directive.kind == "disable-next-line" and violation.line == directive.end_line + 1:
                return directive, selector
            if directive.kind in ("disable", "enable") and (
                (directive.line, directive.column) <= position
            ):
                state = (directive, selector) if directive.kind == "disable" else None
        return state

    def keep(self, violations: Iterable[Violation]) -> list[Violation]:
        """The violations no directive suppresses."""
        kept = []
        for violation in violations:
            hit = self._suppressed_by(violation)
            if hit is None:
                kept.append(violation)
            else:
                hit[0].used.add(hit[1])
        return kept

    def unused(self, path: str, rules: Iterable[RuleLike]) -> list[Violation]:
        """MED001 for directives (and selectors) that suppressed nothing."""
        if not self.selection.enabled(UNUSED.code):
            return []
        known = list(rules)
        found = []
        for directive in self.directives:
            if directive.kind == "enable":
                continue
            bad = unknown(directive.selectors, known)
            if bad:
                detail = f"未知规则 unknown rule code or selector {', '.join(bad)}"
            elif not directive.selectors:
                if directive.used:
                    continue
                detail = f"medlint-{directive.kind} suppresses nothing"
            else:
                idle = [
                    s
                    for s in directive.selectors
                    if s not in directive.used
                    and any(self.selection.enabled(r.code) and matches(s, r) for r in known)
                ]
                if not idle:
                    continue
                detail = f"{', '.join(idle)} suppresses nothing"
            found.append(self._violation(path, directive, f"{UNUSED_MESSAGE}：{detail}"))
        return found

    def forbidden(self, path: str) -> list[Violation]:
        """With ``allow-inline-suppression = false``: every directive is reported."""
        if not self.selection.enabled(UNUSED.code):
            return []
        message = "配置禁止行内抑制，该注释不起作用 (allow-inline-suppression = false)"
        return [self._violation(path, d, message) for d in self.directives]

    def _violation(self, path: str, directive: Directive, message: str) -> Violation:
        return Violation(
            path=path,
            line=directive.line,
            column=directive.column,
            end_line=directive.line,
            end_column=directive.column + len("medlint-" + directive.kind) - 1,
            rule=UNUSED.code,
            name=UNUSED.name,
            category=UNUSED.category,
            severity=self.selection.severity(UNUSED),
            message=message,
            suggestion="删除该注释，或改为确实需要抑制的规则代码",
            text=directive.text,
        )
