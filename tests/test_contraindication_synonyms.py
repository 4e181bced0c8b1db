"""A topic's key items count in everyday words too: 准妈妈 for pregnancy, 喂奶 for
breastfeeding, 小孩 for children, 感冒 for an acute illness before a vaccine."""

from __future__ import annotations

import pytest

from medlint.run.engine import default_linter

DISCLAIMER = "\n\n以上内容仅供参考，具体请咨询医生。\n"


def _contraindication(text: str) -> list[str]:
    violations = default_linter().check_text(text + DISCLAIMER, "a.md")
    return [v.message for v in violations if v.category == "contraindication"]


COVERED = [
    "# HPV疫苗\n\n9到45岁女性可以接种HPV疫苗。对疫苗成分过敏者禁用，准妈妈应推迟接种。",
    "# 流感疫苗\n\n建议每年秋天接种流感疫苗。对疫苗成分过敏的人不能接种，感冒期间暂缓接种。",
    "# 褪黑素\n\n睡前半小时服用一粒褪黑素。孕妈和喂奶的妈妈不宜服用，小孩也不建议吃，"
    "服用后不要开车。",
]


@pytest.mark.parametrize("text", COVERED)
def test_key_items_in_everyday_words_are_covered(text):
    assert _contraindication(text) == []


def test_a_missing_key_item_is_still_reported():
    text = "# HPV疫苗\n\n9到45岁女性可以接种HPV疫苗。对疫苗成分过敏者禁用。"
    (message,) = _contraindication(text)
    assert "妊娠" in message
