"""Contraindication statements in their many forms, and key items counted only inside them."""

from __future__ import annotations

import pytest

from medlint.run.engine import default_linter

DISCLAIMER = "\n\n以上为一般健康信息，仅作参考；具体诊疗请咨询医生。\n"
BODY = "# 玻尿酸填充\n\n玻尿酸填充可以改善法令纹，可以预约面诊后注射。\n\n"


def _contra(text: str) -> list[str]:
    violations = default_linter().check_text(text + DISCLAIMER, "a.md")
    return [v.message for v in violations if v.category == "contraindication"]


@pytest.mark.parametrize(
    "statement",
    [
        "## 这几类人先别做\n\n- 曾对填充剂过敏\n\n- 打针的地方正在发炎、感染"
        "\n\n- 属于瘢痕体质\n\n- 患自身免疫病",
        "注射前需排除以下情况：过敏体质、注射部位感染、孕期或哺乳期、瘢痕体质、自身免疫病。",
        "過敏體質、局部感染發炎、疤痕體質或者自身免疫病嘅朋友，唔好做。",
        "医生会评估是否适用：过敏体质、注射部位感染、孕期哺乳期、瘢痕体质或自身免疫病者不适合。",
    ],
)
def test_a_complete_statement_in_any_form_satisfies_the_key_items(statement):
    assert _contra(BODY + statement) == []


def test_a_key_item_named_outside_a_statement_does_not_count():
    text = (
        BODY
        + "很多孕妇也关心皮肤状态，瘢痕体质和自身免疫病的人同样爱美。\n\n"
        + "对成分过敏者禁用，注射部位感染时不宜注射。"
    )
    messages = _contra(text)
    assert len(messages) == 1 and "瘢痕" in messages[0]


def test_a_timing_precaution_holds_its_key_item():
    text = (
        "# 二甲双胍怎么吃\n\n二甲双胍每天两次，随餐服用。\n\n"
        "肾功能严重受损、长期酗酒、有过乳酸性酸中毒的人都禁用。"
        "做增强CT等需要碘造影剂的检查前后，要暂停服药。"
    )
    assert _contra(text) == []
