"""Rule definitions (pydantic models) and the loader for YAML rule packs.

The models are imported when first asked for: a start from the pack cache needs none
(see :mod:`medlint.rules.kinds`)."""

from typing import TYPE_CHECKING, Any

from .loader import RulePack, RulesError, default_rules_dir, load_pack

if TYPE_CHECKING:
    from .models import (
        CooccurrenceRule,
        CoverageRule,
        Examples,
        ForbiddenRule,
        RequiredRule,
        Rule,
        Topic,
    )

_MODELS = ("CooccurrenceRule", "CoverageRule", "Examples", "ForbiddenRule", "RequiredRule",
           "Rule", "Topic")

__all__ = [
    "CooccurrenceRule",
    "CoverageRule",
    "Examples",
    "ForbiddenRule",
    "RequiredRule",
    "Rule",
    "RulePack",
    "RulesError",
    "Topic",
    "default_rules_dir",
    "load_pack",
]


def __getattr__(name: str) -> Any:
    if name in _MODELS:
        from . import models

        return getattr(models, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
