"""The reporter interface: streamed one file at a time, closed with a summary.

Every reporter gets file names and texts made safe first (see :mod:`medlint.escape`): a
reporter's ``file`` method is wrapped so that a path that is not valid Unicode never
reaches it. A file that could not be checked is passed to ``failed`` and, by default,
reported as an error ``MED002 unreadable-file`` at 1:1, so it appears in every format.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TextIO

from ..escape import clean
from ..violation import Severity, Violation

if TYPE_CHECKING:
    from ..rules import Rule

UNREADABLE_CODE = "MED002"
UNREADABLE_NAME = "unreadable-file"


def unreadable(path: str, message: str) -> Violation:
    """The error every format reports for a file that could not be checked."""
    return Violation(
        path=clean(path),
        line=1,
        column=1,
        end_line=1,
        end_column=1,
        rule=UNREADABLE_CODE,
        name=UNREADABLE_NAME,
        category="unreadable",
        severity=Severity.error,
        message=f"cannot check this file: {clean(message)}",
    )


_TEXT_FIELDS = ("path", "rule", "name", "category", "message", "suggestion", "basis", "text",
                "topic")


def _safe(violation: Violation) -> Violation:
    """``violation`` with every text field valid Unicode."""
    try:  # the common case, checked at C speed: no lone surrogate anywhere
        "".join([getattr(violation, name) for name in _TEXT_FIELDS]).encode("utf-8")
        return violation
    except (UnicodeEncodeError, TypeError, AttributeError):
        pass
    update = {}
    for name, value in violation:
        if isinstance(value, str) and not isinstance(value, Severity):
            cleaned = clean(value)
            if cleaned != value:
                update[name] = cleaned
    return violation.model_copy(update=update) if update else violation


def _cleaning(method: Callable[..., None]) -> Callable[..., None]:
    if getattr(method, "_cleans", False):
        return method

    @functools.wraps(method)
    def file(
        self: Reporter, path: str, source: str | None, violations: list[Violation]
    ) -> None:
        text = clean(source) if source else source
        method(self, clean(path), text, [_safe(v) for v in violations])

    file._cleans = True  # type: ignore[attr-defined]
    return file


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

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "file" in cls.__dict__:
            cls.file = _cleaning(cls.__dict__["file"])  # type: ignore[method-assign]

    def file(self, path: str, source: str | None, violations: list[Violation]) -> None:
        raise NotImplementedError

    def failed(self, path: str, message: str) -> None:
        """A file that could not be checked (the run also says so on stderr)."""
        self.file(path, None, [unreadable(path, message)])

    def close(self, summary: Summary) -> None:
        """Called once after the last file."""
