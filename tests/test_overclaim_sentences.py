"""Fresh sentences in every overclaim category, claims and traps, through the Linter."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from medlint.rules import default_rules_dir, load_pack
from medlint.run.engine import Linter

DATA = yaml.safe_load(
    (Path(__file__).parent / "data" / "overclaim_sentences.yaml").read_text(encoding="utf-8")
)
PACK = load_pack([default_rules_dir()])


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter(
        PACK,
        {
            rule.code
            for rule in PACK.rules
            if rule.category == "overclaim" and rule.kind != "scorer"
        },
    )


@pytest.mark.parametrize("text", DATA["claims"])
def test_claim_is_reported(linter, text):
    assert linter.check_text(text, "a.txt"), text


@pytest.mark.parametrize("text", DATA["not_claims"])
def test_non_claim_is_not_reported(linter, text):
    assert [(v.rule, v.text) for v in linter.check_text(text, "a.txt")] == []
