"""The rule kinds: each compiles its rule once and runs it over an article."""

from __future__ import annotations

from collections.abc import Mapping

from ..rules.models import (
    CooccurrenceRule,
    CoverageRule,
    ForbiddenRule,
    RequiredRule,
    Rule,
    ScorerRule,
)
from .base import Check, Finding
from .cooccurrence import CooccurrenceCheck
from .coverage import CoverageCheck
from .forbidden import ForbiddenCheck
from .required import RequiredCheck
from .scorer import ScorerCheck

KINDS: dict[type, type[Check]] = {
    ForbiddenRule: ForbiddenCheck,
    RequiredRule: RequiredCheck,
    CoverageRule: CoverageCheck,
    CooccurrenceRule: CooccurrenceCheck,
    ScorerRule: ScorerCheck,
}


def compile_rule(rule: Rule, lexicons: Mapping[str, list[str]] | None = None) -> Check:
    """The check for ``rule``; ``lexicons`` are the pack's word classes (for frames)."""
    if isinstance(rule, ForbiddenRule):
        return ForbiddenCheck(rule, lexicons)
    if isinstance(rule, ScorerRule):
        return ScorerCheck(rule, lexicons)
    if isinstance(rule, CoverageRule):
        return CoverageCheck(rule, lexicons)
    return KINDS[type(rule)](rule)


__all__ = ["Check", "Finding", "compile_rule"]
