"""The default rule pack and the codes of its overclaim frames (the learned hint aside)."""

from __future__ import annotations

from medlint.rules import default_rules_dir, load_pack

PACK = load_pack([default_rules_dir()])
OVERCLAIM = {
    rule.code
    for rule in PACK.rules
    if rule.category == "overclaim" and rule.kind != "scorer"
}
