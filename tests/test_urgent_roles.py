"""Urgent warnings: what counts as an urgent action, and signs named in other roles."""

from __future__ import annotations

import pytest

from medlint.run.engine import default_linter

DISCLAIMER = "\n\n以上为一般健康信息，仅作参考；具体诊疗请咨询医生。\n"


def _urgent(text: str) -> list[str]:
    violations = default_linter().check_text(text + DISCLAIMER, "a.md")
    return [v.text for v in violations if v.category == "urgent-warning"]


@pytest.mark.parametrize(
    "action",
    ["快拨打 120。", "马上打１２０叫车。", "請即致電 999 或到急症室求醫。", "請立即撥打 119。",
     "第一时间告诉医生。"],
)
def test_urgent_actions_with_spaces_full_width_digits_and_other_regions(action):
    assert _urgent(f"# 过敏\n\n如果用药后出现呼吸困难，{action}") == []


@pytest.mark.parametrize(
    "text",
    [
        "# 哮喘\n\n这种吸入剂主要用于缓解哮喘发作时的呼吸困难。",
        "# 数据\n\n临床研究中胸痛的发生率约为3%。",
        "# 注射后\n\n注射后轻微胸闷属于正常现象，休息后会自行缓解。",
        "# 冠心病\n\n## 胸痛\n\n冠心病发作常见胸骨后压迫感，持续不缓解就要马上叫救护车。",
    ],
)
def test_a_sign_in_another_role_needs_no_warning(text):
    assert _urgent(text) == []


def test_a_sign_to_watch_for_without_an_action_is_reported():
    assert _urgent("# 用药\n\n服药后若出现抽搐，先观察几天。") == ["抽搐"]
    assert _urgent("# 用药\n\n少数人小便会变成酱油色尿，多喝水即可。") == ["酱油色尿"]


def test_a_heading_that_says_act_now_covers_the_list_under_it():
    text = "# 中暑\n\n## 有下列表现马上去急诊\n\n- 意识不清\n\n- 抽搐"
    assert _urgent(text) == []


@pytest.mark.parametrize("sign", ["吐血", "咳血", "晕倒", "胸口疼"])
def test_everyday_wordings_of_danger_signs_need_an_action(sign):
    assert _urgent(f"# 用药\n\n个别人会{sign}，多休息就好。") == [sign]


def test_a_question_about_a_sign_is_answered_in_the_paragraph_after():
    faq = (
        "# 胃食管反流\n\n**问：胸口疼都是反流引起的吗？**\n\n"
        "答：不都是。持续胸痛、出冷汗时请马上叫救护车。"
    )
    assert _urgent(faq) == []
    wrong = "# 胃食管反流\n\n**问：胸口疼都是反流引起的吗？**\n\n答：基本都是，喝点温水就好。"
    assert _urgent(wrong) == ["胸口疼"]


def test_a_sign_listed_among_contraindications_needs_no_warning():
    text = "# 某降压药\n\n## 谁不能用？\n\n- 对成分过敏者\n\n- 心源性休克者\n\n- 孕妇"
    assert _urgent(text) == []


def test_a_clinician_recalling_a_case_is_history():
    text = "# 用药\n\n多年前我就接诊过服药后晕倒的老人，剂量一定要遵医嘱。"
    assert _urgent(text) == []


def test_a_lead_in_that_runs_its_list_on_after_a_colon_covers_each_item():
    text = "# 用药\n\n出现下面的情况请马上去急诊：眼白发黄；抽搐；嘴唇发紫。"
    assert _urgent(text) == []
    plain = "# 用药\n\n出现下面的情况要留心：眼白发黄；抽搐；嘴唇发紫。"
    assert _urgent(plain) == ["抽搐"]


@pytest.mark.parametrize(
    "sign", ["流血比来月经的时候还多", "出血量已经超过月经量"]
)
def test_bleeding_past_a_period_in_pregnancy_needs_an_action(sign):
    assert _urgent(f"# 孕早期\n\n怀孕八周，今天{sign}，先躺着休息。") != []
