"""A TCM practice's contraindications in its own wordings (禁刮, 禁针, 暂不针刺, 不宜针灸,
慎饮, a site with a wound) cover its key items; a department's name presents nothing."""

from __future__ import annotations

import pytest

from medlint.run.engine import default_linter

CLOSING = "\n\n以上仅供参考，具体请咨询医生。\n"


def _contra(text: str) -> list[str]:
    violations = default_linter().check_text(text + CLOSING, "a.md")
    return [v.text for v in violations if v.category == "contraindication"]


COVERED = [
    "# 刮痧\n\n刮痧每周一次，舒缓背部酸胀。\n\n## 不宜刮痧的情况\n\n- 血友病患者禁刮\n"
    "- 皮肤有伤口处禁刮\n- 孕妇腰骶部禁刮",
    "# 针灸\n\n病情平稳后每周针刺三次。急性期暂不针刺；孕妇腹部禁针；有出血倾向、"
    "皮肤感染者慎用。",
    "# 拔罐\n\n拔罐每次十分钟。\n\n## 以下人士不宜拔罐\n\n- 怀孕的女士\n"
    "- 凝血功能差的人\n- 皮肤有创口、湿疹发作的部位",
    "# 祛湿茶\n\n这款祛湿茶每天一包，开水冲泡。脾胃虚寒、常拉肚子的人慎饮。",
]


@pytest.mark.parametrize("article", COVERED)
def test_tcm_wordings_cover_the_practice(article):
    assert _contra(article) == []


def test_a_key_item_missing_is_still_reported():
    article = "# 刮痧\n\n刮痧每周一次，舒缓背部酸胀。孕妇腰骶部禁刮；皮肤破损处禁刮。"
    assert _contra(article) == ["刮痧"]


def test_a_department_name_presents_no_acupuncture():
    article = (
        "# 三伏天穴位贴敷\n\n本院针灸科今年继续开展穴位贴敷，每伏一次。\n\n"
        "孕妇、皮肤破损者不宜贴敷。"
    )
    assert _contra(article) == []


def test_a_ban_on_aiming_at_a_site_is_no_contraindication():
    article = "# 针灸\n\n每周针灸三次，放松肩颈。严禁针对同一处反复施针。"
    assert _contra(article) == ["针灸"]
