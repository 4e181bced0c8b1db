"""Rule definitions (pydantic models) and the loader for YAML rule packs."""

from .loader import RulePack, RulesError, default_rules_dir, load_pack
from .models import (
    CooccurrenceRule,
    CoverageRule,
    Examples,
    ForbiddenRule,
    RequiredRule,
    Rule,
    Topic,
)

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
