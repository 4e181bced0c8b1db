"""Which rules run and at what severity: selectors resolved against the known rules.

A selector names rules by code (``MED401``), code prefix (``MED4``, ``MED``), rule name
(``cure-guarantee``), category (``overclaim``) or ``ALL``. When selectors disagree, the
more specific one wins (code or name > longer prefix > shorter prefix > category > ALL);
at equal specificity ``ignore`` wins over ``select``. An opt-in rule (``opt_in``: a
statistical hint) runs only when a selector names it by code or name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Protocol

from ..violation import Severity, Violation

_PREFIX = re.compile(r"^[A-Z]+[0-9]*$")
_NAMED = 100
"""Specificity of a selector that names a rule by code or name."""


class RuleLike(Protocol):
    """What selectors see of a rule (pack rules, built-in rules, violations' rules)."""

    @property
    def code(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def category(self) -> str: ...
    @property
    def severity(self) -> Severity: ...


@dataclass(frozen=True)
class RuleInfo:
    """A rule known to the linter, as selectors see it (pack rules and built-in ones)."""

    code: str
    name: str
    category: str
    severity: Severity


def _specificity(selector: str, rule: RuleLike) -> int | None:
    """How specifically ``selector`` names ``rule``; ``None`` when it does not."""
    if selector == "ALL":
        return 0
    if selector == rule.category:
        return 1
    if selector == rule.name or selector.upper() == rule.code:
        return _NAMED
    upper = selector.upper()
    if _PREFIX.match(upper) and rule.code.startswith(upper):
        return 1 + len(upper)
    return None


def matches(selector: str, violation: Violation | RuleLike) -> bool:
    """Whether ``selector`` names the rule of ``violation`` (or the rule itself)."""
    rule: RuleLike = violation if not isinstance(violation, Violation) else RuleInfo(
        violation.rule, violation.name, violation.category, violation.severity
    )
    return _specificity(selector, rule) is not None


def unknown(selectors: Iterable[str], rules: Iterable[RuleLike]) -> list[str]:
    """The selectors that name no rule."""
    known = list(rules)
    return [s for s in selectors if not any(_specificity(s, r) is not None for r in known)]


def _best(selectors: Iterable[str], rule: RuleLike) -> int | None:
    scores = [s for s in (_specificity(sel, rule) for sel in selectors) if s is not None]
    return max(scores, default=None)


@dataclass(frozen=True)
class Selection:
    """The rules that run and the severity of each; hashable, so linters can be cached."""

    codes: frozenset[str]
    severities: tuple[tuple[str, Severity], ...] = ()
    article_codes: frozenset[str] = field(default=frozenset())
    """Codes of the rules that report per article (their ``per_article`` property)."""

    @cached_property
    def severities_by_code(self) -> dict[str, Severity]:
        """Rule code -> the level the configuration sets (rules it does not name: absent)."""
        return dict(self.severities)

    def severity(self, rule: RuleLike) -> Severity:
        return self.severities_by_code.get(rule.code, rule.severity)

    def enabled(self, code: str) -> bool:
        return code in self.codes


def resolve(
    rules: Iterable[RuleLike],
    select: list[str],
    ignore: list[str],
    severity: Mapping[str, Severity] | None = None,
    article_codes: Iterable[str] = (),
) -> Selection:
    """Resolve selectors (already validated) into the selected codes and their severities."""
    codes = set()
    overrides = []
    for rule in rules:
        chosen, dropped = _best(select, rule), _best(ignore, rule)
        if chosen is not None and chosen < _NAMED and getattr(rule, "opt_in", False):
            chosen = None  # ALL, a category or a prefix never selects an opt-in rule
        if chosen is not None and (dropped is None or chosen > dropped):
            codes.add(rule.code)
        if severity:
            ranked = [
                (score, level)
                for selector, level in severity.items()
                if (score := _specificity(selector, rule)) is not None
            ]
            if ranked:
                overrides.append((rule.code, max(ranked, key=lambda item: item[0])[1]))
    return Selection(frozenset(codes), tuple(sorted(overrides)), frozenset(article_codes))
