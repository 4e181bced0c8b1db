"""Recognition: common treatment names from public lists, in recommending and in
contraindication or interaction statements.

The names (tests/data/recognition/) come from the national essential medicines list and
the national immunisation schedule and were not used to write any rule. Each must be
presented when recommended (>= 95%) and never when named in a contraindication or an
interaction statement (100%).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from medlint.run.engine import default_linter

DATA = Path(__file__).parent / "data" / "recognition"
RECOMMEND = [
    "医生建议服用{}，一日两次。",
    "症状明显时可以用{}，每次一片。",
    "可以遵医嘱使用{}控制病情。",
    "睡前用一次{}，连用一周。",
]
VACCINE = "建议按时带孩子接种{}。"
NOT_PRESENTED = [
    "对{}过敏者禁用。",
    "{}与华法林合用可能增加出血风险。",
    "孕妇不宜使用{}。",
]


def _names() -> list[str]:
    names = []
    for path in sorted(DATA.glob("*.txt")):
        names += [
            line.strip()
            for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")
        ]
    return names


NAMES = _names()


def _presented(name: str, sentence: str) -> bool:
    text = f"# 用药指导\n\n{sentence}\n"
    start = text.index(name) if name in text else -1
    for violation in default_linter().check_text(text, "a.md"):
        if violation.rule == "MED201":
            first = text.index(violation.text) if violation.text in text else -2
            return first <= start < first + len(violation.text) or violation.text in name
    return False


def test_the_lists_hold_at_least_300_names():
    assert len(NAMES) >= 300
    assert len(set(NAMES)) == len(NAMES)


def test_recommended_names_are_presented():
    missed = []
    for index, name in enumerate(NAMES):
        template = VACCINE if "疫苗" in name or name.endswith("苗") else RECOMMEND[index % 4]
        if not _presented(name, template.format(name)):
            missed.append(name)
    rate = 1 - len(missed) / len(NAMES)
    assert rate >= 0.95, f"{rate:.3f} presented; missed: {'、'.join(missed)}"


@pytest.mark.parametrize("template", NOT_PRESENTED)
def test_names_in_contraindication_or_interaction_statements_are_not_presented(template):
    wrongly = [name for name in NAMES if _presented(name, template.format(name))]
    assert wrongly == []
