"""The rule kinds: each compiles its rule once and runs it over an article."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from .base import Check, Finding
from .cooccurrence import CooccurrenceCheck
from .coverage import CoverageCheck
from .forbidden import ForbiddenCheck
from .frames import FrameGroup
from .required import RequiredCheck
from .scorer import ScorerCheck

if TYPE_CHECKING:
    from ..rules.models import Rule

KINDS: dict[str, type[Check]] = {
    "forbidden": ForbiddenCheck,
    "required": RequiredCheck,
    "coverage": CoverageCheck,
    "cooccurrence": CooccurrenceCheck,
    "scorer": ScorerCheck,
}


def compile_rule(rule: Rule, lexicons: Mapping[str, list[str]] | None = None) -> Check:
    """The check for ``rule``; ``lexicons`` are the pack's word classes (for frames)."""
    if rule.kind == "forbidden":
        return ForbiddenCheck(rule, lexicons)
    if rule.kind == "scorer":
        return ScorerCheck(rule, lexicons)
    if rule.kind == "coverage":
        return CoverageCheck(rule, lexicons)
    return KINDS[rule.kind](rule)


def compile_rules(
    rules: list[Rule], lexicons: Mapping[str, list[str]] | None = None
) -> list[Check]:
    """The checks for ``rules``, in order; their claim frames are matched together (one
    look per text at which frames of all of them can match)."""
    checks = [compile_rule(rule, lexicons) for rule in rules]
    FrameGroup([c.frames for c in checks if isinstance(c, ForbiddenCheck) and c.frames])
    return checks


__all__ = ["Check", "Finding", "compile_rule", "compile_rules"]
