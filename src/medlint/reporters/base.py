"""The reporter interface: streamed one file at a time, closed with a summary."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TextIO

from ..violation import Severity, Violation


@dataclass
class Summary:
    files: int = 0
    errors: int = 0  # files that could not be checked
    counts: dict[str, int] = field(default_factory=lambda: {s.value: 0 for s in Severity})

    def add(self, violations: list[Violation]) -> None:
        self.files += 1
        for violation in violations:
            self.counts[violation.severity.value] += 1

    @property
    def total(self) -> int:
        return sum(self.counts.values())


class Reporter:
    """Receives each checked file in order, then the run's summary."""

    def __init__(self, out: TextIO, *, color: bool = False, show_source: bool = False) -> None:
        self.out = out
        self.color = color
        self.show_source = show_source

    def file(self, path: str, source: str | None, violations: list[Violation]) -> None:
        raise NotImplementedError

    def close(self, summary: Summary) -> None:
        """Called once after the last file."""
