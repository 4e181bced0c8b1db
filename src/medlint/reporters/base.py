"""The reporter interface: streamed one file at a time, closed with a summary."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TextIO

from ..rules import Rule
from ..violation import Severity, Violation


@dataclass
class Summary:
    files: int = 0
    errors: int = 0  # files that could not be checked
    counts: dict[str, int] = field(default_factory=lambda: {s.value: 0 for s in Severity})
    by_rule: Counter[tuple[str, str]] = field(default_factory=Counter)  # (code, name) → count

    def add(self, violations: list[Violation]) -> None:
        self.files += 1
        for violation in violations:
            self.counts[violation.severity.value] += 1
            self.by_rule[violation.rule, violation.name] += 1

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def worst(self) -> Severity | None:
        """The most serious severity reported, if anything was."""
        found = [Severity(name) for name, count in self.counts.items() if count]
        return max(found, key=lambda severity: severity.rank, default=None)


class Reporter:
    """Receives each checked file in order, then the run's summary."""

    def __init__(
        self,
        out: TextIO,
        *,
        color: bool = False,
        show_source: bool = False,
        rules: Sequence[Rule] = (),
    ) -> None:
        self.out = out
        self.color = color
        self.show_source = show_source
        self.rules = {rule.code: rule for rule in rules}  # the rules this run checks

    def file(self, path: str, source: str | None, violations: list[Violation]) -> None:
        raise NotImplementedError

    def close(self, summary: Summary) -> None:
        """Called once after the last file."""
