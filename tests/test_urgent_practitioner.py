"""A sign that shows in the chair during a procedure, which the practitioner handles at once
(施术者会马上出针), needs no instruction to the reader; at home it still does."""

from __future__ import annotations

import pytest

from medlint.run.engine import default_linter

DISCLAIMER = "\n\n以上为一般健康信息，仅作参考；具体诊疗请咨询医生。\n"


def _urgent(text: str) -> list[str]:
    violations = default_linter().check_text(text + DISCLAIMER, "a.md")
    return [v.text for v in violations if v.category == "urgent-warning"]


@pytest.mark.parametrize(
    "handled",
    [
        "施术者会马上出针让您平躺休息。",
        "医生会立即起针，让您平卧片刻。",
        "护士会立刻停止输液并处置。",
    ],
)
def test_a_sign_the_practitioner_handles_on_the_spot(handled):
    assert _urgent(f"# 针灸须知\n\n少数人扎针时紧张，会面色苍白、出冷汗，{handled}") == []


def test_the_same_sign_at_home_is_still_reported():
    text = "# 理疗\n\n做完理疗回家后如果面色苍白、出冷汗，先躺下休息一会儿。"
    assert _urgent(text) != []
