"""Rules that test themselves: run each rule's ``cases`` (and old ``examples``).

A case passes when the rule, run alone on the case's text, reports exactly the marked
spans (no more, no fewer) and, when the case gives ``fixed``, the safe fixes turn the
text into it. An old example passes when the rule fires somewhere in a ``bad`` one and
nowhere in a ``good`` one. Every case is run; every failure is reported.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..documents.base import line_starts
from ..violation import Violation
from .loader import RulePack, default_rules_dir, load_file, load_pack
from .models import Case, Rule

Span = tuple[int, int, int, int]  # line, column, end line, end column (1-based, inclusive)


@dataclass
class CaseResult:
    """The outcome of one case (or old example) of one rule."""

    rule: str
    name: str
    text: str
    expected: list[Span] | None  # None: an old example, which has no spans
    actual: list[Span]
    expected_fixed: str | None = None
    actual_fixed: str | None = None
    flagged: bool = True  # for an old example: whether the rule must fire
    failed: bool = field(init=False)

    def __post_init__(self) -> None:
        if self.expected is None:
            wrong = bool(self.actual) != self.flagged
        else:
            wrong = sorted(self.expected) != sorted(self.actual)
        self.failed = wrong or self.expected_fixed != self.actual_fixed

    def describe(self) -> str:
        """What was expected and what happened, for a failing case."""
        lines = [f"{self.rule} {self.name}: {self.text!r}"]
        if self.expected is None:
            lines.append(f"  expected: {'a violation' if self.flagged else 'no violation'}")
        else:
            lines.append(f"  expected: {_spans(self.text, self.expected)}")
        lines.append(f"  actual:   {_spans(self.text, self.actual)}")
        if self.expected_fixed != self.actual_fixed:
            lines.append(f"  expected fixed: {self.expected_fixed!r}")
            lines.append(f"  actual fixed:   {self.actual_fixed!r}")
        return "\n".join(lines)


def _spans(text: str, spans: list[Span]) -> str:
    if not spans:
        return "none"
    lines = text.split("\n")
    shown = []
    for line, column, end_line, end_column in sorted(spans):
        if line == end_line and line <= len(lines):
            quote = f" “{lines[line - 1][column - 1 : end_column]}”"
        else:
            quote = ""
        shown.append(f"{line}:{column}-{end_line}:{end_column}{quote}")
    return ", ".join(shown)


def span_of(text: str, start: int, end: int) -> Span:
    """Offsets [start, end) of ``text`` as a 1-based inclusive (line, column) span."""
    starts = line_starts(text)

    def position(offset: int) -> tuple[int, int]:
        line = max(i for i, s in enumerate(starts) if s <= offset)
        return line + 1, offset - starts[line] + 1

    first, last = position(start), position(max(start, end - 1))
    return (*first, *last)


def case_path(text: str) -> str:
    """The file name a case is checked as: Markdown if it starts like an article."""
    return "case.md" if text.startswith(("#", "---\n")) else "case.txt"


def _actual(found: Iterable[Violation], code: str) -> list[Span]:
    return [(v.line, v.column, v.end_line, v.end_column) for v in found if v.rule == code]


def run_rule(rule: Rule, pack: RulePack) -> Iterator[CaseResult]:
    """Every case and old example of ``rule``, checked with the rule alone."""
    from ..run.engine import Linter
    from ..run.fix import Fixer

    linter = Linter(pack, {rule.code})
    fixer: Fixer | None = None
    for index, case in enumerate(rule.cases, 1):
        text, path = case.plain, case_path(case.plain)
        actual = _actual(linter.check_text(text, path), rule.code)
        expected = [span_of(text, start, end) for start, end in case.spans]
        fixed = None
        if case.fixed is not None:
            fixer = fixer or Fixer(linter)
            fixed = fixer.fix_text(path, text).fixed
        yield CaseResult(rule.code, case.name or f"case {index}", text, expected, actual,
                         case.fixed, fixed)
    for flagged, texts in ((True, rule.examples.bad), (False, rule.examples.good)):
        for index, text in enumerate(texts, 1):
            actual = _actual(linter.check_text(text, case_path(text)), rule.code)
            kind = "bad" if flagged else "good"
            yield CaseResult(rule.code, f"{kind} example {index}", text, None, actual,
                             flagged=flagged)


def rule_folder_pack(folder: Path) -> tuple[RulePack, list[str]]:
    """The pack a rule folder is used with (the default rules plus the folder) and the
    codes of the folder's own rules."""
    default = default_rules_dir().resolve()
    if folder.resolve() == default:
        pack = load_pack([default])
        return pack, [rule.code for rule in pack.rules]
    codes = [
        rule.code
        for path in sorted(folder.rglob("*"))
        if path.suffix in (".yaml", ".yml")
        for rule in load_file(path).rules
    ]
    return load_pack([default, folder]), codes


def run_cases(pack: RulePack, codes: Iterable[str] | None = None) -> list[CaseResult]:
    """The results of every case of the rules ``codes`` (default: all) of ``pack``."""
    wanted = set(codes) if codes is not None else None
    return [
        result
        for rule in pack.rules
        if wanted is None or rule.code in wanted
        for result in run_rule(rule, pack)
    ]


__all__ = ["Case", "CaseResult", "rule_folder_pack", "run_cases", "run_rule", "span_of"]
