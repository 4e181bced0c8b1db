"""The violation filters, in the one order they apply.

A check's raw violations (every finding of every selected rule, at the rule's severity)
pass through, in order:

1. **severity**: the configuration's ``severity`` table sets each rule's level;
2. **per-file ignores**: ``per-file-ignores`` selectors for the file's path;
3. **inline suppression**: ``medlint-disable…`` comments (see ``suppression.py``);
4. **unused suppressions**: ``MED001`` for comments that suppressed nothing (itself
   subject to per-file ignores); with ``allow-inline-suppression = false`` every comment
   is reported and none suppresses;
5. **baseline**: ``--baseline FILE`` drops the violations it records;
6. **changed lines**: ``--changed-since``/``--diff-file`` keep those on changed lines.

Stages 1 to 4 depend on the file's settings only and run wherever the file is checked
(:class:`FileFilters`, used by :class:`~medlint.run.workspace.ConfiguredLinter`); 5 and 6
depend on the run's options and run where results are reported (:class:`RunFilters`).
Whether a rule reports per article or per span is the rule's ``per_article`` property.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..config import Settings
from ..config.globs import glob_spec, relative
from ..config.selection import RuleLike, Selection, matches
from ..violation import Violation
from . import suppression
from .baseline import Baseline
from .changes import ChangedLines

STAGES = (
    "severity",
    "per-file-ignores",
    "inline-suppression",
    "unused-suppressions",
    "baseline",
    "changed-lines",
)


def severity(violations: Iterable[Violation], selection: Selection) -> list[Violation]:
    """Stage 1: each violation at the level its rule is set to."""
    out = []
    for violation in violations:
        level = selection.severities_by_code.get(violation.rule)
        if level is not None and level != violation.severity:
            violation = violation.model_copy(update={"severity": level})
        out.append(violation)
    return out


def per_file_selectors(settings: Settings, path: str) -> list[str]:
    """Selectors that ``per-file-ignores`` applies to ``path``."""
    rel = relative(path, settings.file.root) or os.path.basename(path)
    return [
        selector
        for pattern, selectors in settings.config.per_file_ignores.items()
        if glob_spec((pattern,)).match_file(rel)
        for selector in selectors
    ]


def without(violations: Iterable[Violation], selectors: Sequence[str]) -> list[Violation]:
    """Stage 2: the violations no selector names."""
    return [v for v in violations if not any(matches(s, v) for s in selectors)]


class FileFilters:
    """Stages 1 to 4, for the files that share one configuration."""

    def __init__(
        self, settings: Settings, selection: Selection, rules: Sequence[RuleLike]
    ) -> None:
        self.settings = settings
        self.selection = selection
        self.rules: list[RuleLike] = [*rules, suppression.UNUSED]

    def apply(
        self, path: str, source: str, fmt: str, violations: Iterable[Violation]
    ) -> list[Violation]:
        """One file's violations (``source`` in format ``fmt``) after stages 1 to 4."""
        selection = self.selection
        ignored = per_file_selectors(self.settings, path)
        kept = without(severity(violations, selection), ignored)
        directives = suppression.parse(source, fmt)
        if self.settings.config.allow_inline_suppression:
            suppressor = suppression.Suppressor(directives, selection)
            kept = suppressor.keep(kept)
            extra = suppressor.unused(path, self.rules)
        else:
            extra = suppression.Suppressor(directives, selection).forbidden(path)
        return sorted(kept + without(extra, ignored), key=Violation.sort_key)


@dataclass
class RunFilters:
    """Stages 5 and 6, as the run's options ask (``None``: the stage is off)."""

    baseline: Baseline | None = None
    changed: ChangedLines | None = None

    def apply(
        self, path: str, violations: list[Violation], per_article: frozenset[str]
    ) -> list[Violation]:
        """One file's violations after stages 5 and 6; ``per_article``: codes of the
        rules that judge the whole article (see :class:`~medlint.config.selection.Selection`)."""
        if self.baseline is not None:
            violations = self.baseline.new(violations, per_article)
        if self.changed is not None:
            violations = self.changed.filter(path, violations, per_article)
        return violations


def run_filters(
    baseline: Path | None = None,
    changed_since: str | None = None,
    diff_file: str | None = None,
    paths: Sequence[str] = (),
) -> RunFilters:
    """The run filters for these options; raises ``BaselineError``/``ChangeError``."""
    changed = None
    if changed_since:
        changed = ChangedLines.from_git(changed_since, list(paths))
    elif diff_file:
        changed = ChangedLines.from_diff_file(diff_file)
    return RunFilters(Baseline.load(baseline) if baseline else None, changed)
