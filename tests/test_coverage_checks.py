"""Disclaimer, contraindication and urgent-warning behaviour on real files through the CLI."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import lint_article

DISCLAIMER = "本文仅供参考，不能替代医生诊断，如有不适请及时就医。"


def _lint(cli, tmp_path, text: str, name: str = "a.md") -> list[tuple[str, int]]:
    found = lint_article(cli, tmp_path, text, name)
    return [(v["category"], v["line"]) for v in found if v["category"] != "overclaim"]


def _messages(cli, tmp_path, text: str, category: str) -> list[str]:
    article = tmp_path / "m.md"
    article.write_text(text, encoding="utf-8")
    run = cli("check", "--format", "json", str(article))
    return [v["message"] for v in run.json() if v["category"] == category]


# disclaimer -------------------------------------------------------------------------


def test_traditional_chinese_disclaimer_is_accepted(cli, tmp_path):
    text = "# 感冒護理\n\n多休息、多喝水。\n\n免責聲明：本文內容僅供參考，請諮詢醫生。\n"
    assert _lint(cli, tmp_path, text) == []


def test_traditional_reference_only_alone_is_incomplete_at_its_line(cli, tmp_path):
    text = "# 感冒護理\n\n多休息、多喝水。\n\n本文內容僅供參考。\n\n作者：王醫師\n"
    assert _lint(cli, tmp_path, text) == [("disclaimer", 5)]


def test_elements_in_two_paragraphs_are_incomplete(cli, tmp_path):
    text = "# 颈椎\n\n多活动。\n\n以上内容仅供参考。\n\n如有不适，请及时到医院就诊。\n"
    assert _lint(cli, tmp_path, text) == [("disclaimer", 5)]


def test_front_matter_disclaimer_does_not_count(cli, tmp_path):
    text = f"---\ntitle: 睡眠\nnote: {DISCLAIMER}\n---\n# 睡眠\n\n按时睡觉。\n\n少喝咖啡。\n"
    assert _lint(cli, tmp_path, text) == [("disclaimer", 9)]


def test_body_advice_to_see_a_doctor_is_no_disclaimer_attempt(cli, tmp_path):
    text = "# 睡眠\n\n失眠超过一个月，请及时就医。\n\n少喝咖啡。\n\n早点睡。\n"
    assert _lint(cli, tmp_path, text) == [("disclaimer", 7)]


@pytest.mark.parametrize(
    "disclaimer",
    [
        "本文为健康科普内容，不构成医疗建议，具体用药请遵医嘱。",
        "以上信息仅作科普，不能代替专业医生的面诊。",
        "温馨提示：文章内容只供参考，个人情况请以医生诊断为准。",
        "本文旨在普及健康知识，不作为诊断和治疗依据，如有不适请尽快就医。",
    ],
)
def test_common_phrasings_are_accepted(cli, tmp_path, disclaimer):
    assert _lint(cli, tmp_path, f"# 睡眠\n\n按时睡觉。\n\n{disclaimer}\n") == []


# contraindication -------------------------------------------------------------------


def test_lifestyle_article_has_no_contraindication_duty(cli, tmp_path):
    text = (
        "# 高血压的生活方式\n\n少盐多菜，规律运动。无论是否需要服用降压药，"
        f"生活方式都是基础，必要时手术治疗。\n\n{DISCLAIMER}\n"
    )
    assert _lint(cli, tmp_path, text) == []


def test_drug_recognised_by_its_form_in_the_body(cli, tmp_path):
    text = (
        "# 咳嗽怎么办\n\n多喝温水。\n\n咳得厉害时可以服用复方甘草口服溶液，一天三次。"
        f"\n\n{DISCLAIMER}\n"
    )
    assert _lint(cli, tmp_path, text) == [("contraindication", 5)]


def test_drug_recognised_by_its_suffix(cli, tmp_path):
    text = f"# 胃酸反流\n\n少食多餐。\n\n医生常用雷尼替丁来缓解症状。\n\n{DISCLAIMER}\n"
    assert _lint(cli, tmp_path, text) == [("contraindication", 5)]


def test_class_word_counts_as_the_subject(cli, tmp_path):
    text = f"# 退烧药怎么选\n\n孩子发烧时按体重用药。\n\n{DISCLAIMER}\n"
    assert _lint(cli, tmp_path, text) == [("contraindication", 1)]


def test_contraindication_sentence_satisfies_generic_duty(cli, tmp_path):
    text = (
        "# 咳嗽怎么办\n\n咳得厉害时可以服用复方甘草口服溶液。对本品过敏者禁用，孕妇慎用。"
        f"\n\n{DISCLAIMER}\n"
    )
    assert _lint(cli, tmp_path, text) == []


def test_topic_missing_a_key_item_is_named(cli, tmp_path):
    text = f"# 服用异维A酸须知\n\n孕妇和备孕女性禁用，哺乳期女性禁用。\n\n{DISCLAIMER}\n"
    assert _lint(cli, tmp_path, text) == [("contraindication", 1)]
    (message,) = _messages(cli, tmp_path, text, "contraindication")
    assert "肝功能异常或高脂血症" in message
    assert "哺乳期" not in message.split("：")[-1]


def test_one_contraindication_violation_per_article(cli, tmp_path):
    text = (
        "# 孩子发烧怎么办\n\n可以使用对乙酰氨基酚或布洛芬退烧。\n\n"
        f"也可以口服头孢克肟颗粒。\n\n{DISCLAIMER}\n"
    )
    assert _lint(cli, tmp_path, text) == [("contraindication", 3)]


def test_treatment_mentioned_as_a_caution_is_not_presented(cli, tmp_path):
    text = (
        f"# 果酸换肤\n\n皮肤破损、孕妇不宜做；近半年口服过异维A酸的人也不宜做。\n\n{DISCLAIMER}\n"
    )
    assert _lint(cli, tmp_path, text) == []


def test_comparison_does_not_present_the_compared_treatment(cli, tmp_path):
    text = f"# 颈椎操\n\n这套操比推拿、吃药、做手术都管用。\n\n{DISCLAIMER}\n"
    assert _lint(cli, tmp_path, text) == []


def test_examination_advised_in_passing_is_no_treatment(cli, tmp_path):
    text = f"# 胃痛怎么办\n\n少吃辛辣。必要时建议做胃镜检查。\n\n{DISCLAIMER}\n"
    assert _lint(cli, tmp_path, text) == []


def test_another_drugs_statement_leaves_the_key_items_missing(cli, tmp_path):
    # each list item presents its own drug: the antiviral's cautions are not the
    # analgesic's, whose own caution names none of its key items
    text = (
        "# 带状疱疹\n\n- 抗病毒可以用泛昔洛韦，一天三次。肾功能差的人要减量，对成分过敏者禁用，"
        "孕妇先问医生。\n- 疼得厉害可以加布洛芬，饭后吃；胃出血过的人别吃。\n\n"
        f"{DISCLAIMER}\n"
    )
    messages = _messages(cli, tmp_path, text, "contraindication")
    assert len(messages) == 1 and "布洛芬缺少关键禁忌" in messages[0]
    own = text.replace("胃出血过的人别吃", "对本品过敏、心衰或肾功能不全者和孕妇禁用")
    assert _messages(cli, tmp_path, own, "contraindication") == []


def test_a_drug_another_product_is_taken_as_is_not_presented(cli, tmp_path):
    text = f"# 问答\n\n## 某某软糖能当安眠药吃吗？\n\n它是食品，不是药。\n\n{DISCLAIMER}\n"
    assert _lint(cli, tmp_path, text) == []
    text = f"# 安眠药怎么吃\n\n睡前半小时吃。\n\n{DISCLAIMER}\n"
    assert _lint(cli, tmp_path, text) == [("contraindication", 1)]


def test_a_joint_injection_is_not_a_filler(cli, tmp_path):
    knee = f"# 膝关节退变，打玻尿酸管用吗\n\n建议打玻尿酸，每周一针。\n\n{DISCLAIMER}\n"
    found = lint_article(cli, tmp_path, knee, "knee.md")
    assert [v["category"] for v in found if v["category"] != "overclaim"] == [
        "contraindication"
    ]
    assert all("填充" not in v["message"] for v in found)
    face = f"# 苹果肌\n\n建议打玻尿酸，每周一针。\n\n{DISCLAIMER}\n"
    found = lint_article(cli, tmp_path, face, "face.md")
    assert any("填充" in v["message"] for v in found if v["category"] == "urgent-warning")


# urgent-warning ---------------------------------------------------------------------


def test_sign_without_action_is_reported_at_its_line(cli, tmp_path):
    text = f"# 感冒\n\n多休息。\n\n少数人会出现胸痛。\n\n注意保暖。\n\n多喝水。\n\n{DISCLAIMER}\n"
    assert _lint(cli, tmp_path, text) == [("urgent-warning", 5)]


def test_action_in_the_next_sentence_is_enough_but_not_later(cli, tmp_path):
    near = f"# 感冒\n\n少数人会出现胸痛。一旦出现，马上拨打120。\n\n{DISCLAIMER}\n"
    far = f"# 感冒\n\n少数人会出现胸痛。注意保暖。多喝水。请立即就医。\n\n{DISCLAIMER}\n"
    assert _lint(cli, tmp_path, near) == []
    assert _lint(cli, tmp_path, far) == [("urgent-warning", 3)]


def test_negated_sign_and_negated_action(cli, tmp_path):
    negated_sign = f"# 感冒\n\n普通感冒一般不会引起呼吸困难。\n\n{DISCLAIMER}\n"
    negated_action = (
        f"# 感冒\n\n如果出现抽搐，没有必要马上就医，观察即可。\n\n注意保暖。\n\n{DISCLAIMER}\n"
    )
    assert _lint(cli, tmp_path, negated_sign) == []
    assert _lint(cli, tmp_path, negated_action) == [("urgent-warning", 3)]


def test_list_lead_in_covers_its_items(cli, tmp_path):
    text = (
        "# 心梗信号\n\n出现以下任何一种情况，请立即拨打120：\n\n- 胸痛；\n\n- 呼吸困难；\n\n"
        f"- 意识模糊。\n\n{DISCLAIMER}\n"
    )
    assert _lint(cli, tmp_path, text) == []


def test_risky_topic_needs_a_warning_even_without_symptoms(cli, tmp_path):
    text = (
        "# 玻尿酸填充\n\n过敏体质、注射部位有感染炎症、瘢痕体质或自身免疫病者不适合。"
        f"\n\n{DISCLAIMER}\n"
    )
    assert _lint(cli, tmp_path, text) == [("urgent-warning", 1)]


BOTOX_AD = (
    "# 小V脸瘦脸针\n\n打一次瘦脸针，咬肌慢慢变小。孕妇、重症肌无力患者和对成分过敏者不适合。\n\n"
)


def test_risk_free_claim_without_aftercare_is_no_urgent_omission(cli, tmp_path):
    # the page calls the treatment risk-free and guides no use: its fault is the claim
    text = f"{BOTOX_AD}正规产品，百分之百安全，放心来做。\n\n{DISCLAIMER}\n"
    assert _lint(cli, tmp_path, text) == []


def test_risk_free_claim_with_aftercare_still_needs_a_warning(cli, tmp_path):
    text = (
        f"{BOTOX_AD}正规产品，百分之百安全。\n\n打完三天内别去蒸桑拿，也别按揉。\n\n{DISCLAIMER}\n"
    )
    assert _lint(cli, tmp_path, text) == [("urgent-warning", 1)]


def test_doubted_risk_free_claim_still_needs_a_warning(cli, tmp_path):
    text = f"{BOTOX_AD}任何注射都并非零风险，做之前想清楚。\n\n{DISCLAIMER}\n"
    assert _lint(cli, tmp_path, text) == [("urgent-warning", 1)]


def test_topic_serious_sign_needs_an_action(cli, tmp_path):
    text = (
        "# 玻尿酸填充\n\n过敏体质、注射部位有感染炎症、瘢痕体质或自身免疫病者不适合。\n\n"
        "少数人注射后皮肤发白。\n\n一般会自行恢复。\n\n"
        f"如果视力下降，请立即就医。\n\n{DISCLAIMER}\n"
    )
    assert _lint(cli, tmp_path, text) == [("urgent-warning", 5)]


def test_past_reaction_is_a_contraindication_not_a_sign(cli, tmp_path):
    text = (
        "# 流感疫苗\n\n既往接种后发生过严重过敏反应的人禁止再接种；发热或急性疾病期间推迟接种。"
        f"\n\n{DISCLAIMER}\n"
    )
    assert _lint(cli, tmp_path, text) == []


# the labelled corpus ----------------------------------------------------------------


def test_dev_corpus_scores(shared, tmp_path):
    """The three per-article categories meet the project's bar on the labelled corpus."""
    command = f"{sys.executable} -m medlint check --format json"
    done = subprocess.run(
        [
            sys.executable,
            str(shared / "eval" / "score.py"),
            str(shared / "corpus" / "dev"),
            "--cmd",
            command,
            "--json",
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=600,
        check=True,
    )
    categories = json.loads(done.stdout)["categories"]
    for category in ("disclaimer", "contraindication", "urgent-warning"):
        assert categories[category]["precision"] >= 0.95, categories[category]
        assert categories[category]["recall"] >= 0.90, categories[category]
