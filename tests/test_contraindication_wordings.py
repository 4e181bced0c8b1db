"""Contraindication statements in many wordings satisfy MED201 for a presented treatment
that has no key items; a list under a bold question label covers a topic's key items."""

from __future__ import annotations

import pytest

from medlint.run.engine import default_linter

PRESENTED = "# 控糖好物\n\n建议饭前吃两粒白芸豆提取物。\n\n"
CLOSING = "\n\n以上仅供参考，具体请咨询医生。\n"

STATEMENTS = [
    "## 这几类人请绕开\n\n- 重症肌无力患者\n- 睡眠呼吸暂停的人\n- 孕妇",
    "以下人群请勿服用：严重肝功能不全者、呼吸功能不全者。",
    "对本品过敏者禁用。",
    "肝功能不好的人慎用。",
    "老年人须在医生指导下使用，并从小剂量开始。",
    "不适合有严重呼吸问题的人。",
    "重症肌無力患者忌用。",
    "呼吸功能不全者不宜使用本品。",
    "哺乳期女性不建议使用。",
    "有药物依赖史的人最好不要碰。",
    "以下情况先别吃：怀孕、喂奶、肝病。",
    "服药前请评估自己是否适合：有呼吸暂停的人不能用。",
    "小朋友、孕婦唔好食。",
    "肝病患者用前须咨询医生。",
    "18岁以下不能使用。",
    "有睡眠呼吸暂停的朋友，千万不要自行服用。",
    "特殊人群（孕妇、儿童、老人）请遵医嘱。",
    "使用禁忌：重症肌无力、严重肝损害。",
    "下列人士不应服用：孕婦、哺乳期婦女。",
    "如有严重肝病，请勿使用。",
    "患有青光眼的人也不行。",
    "不推荐老人长期吃。",
]


def _contra(text: str) -> list[str]:
    violations = default_linter().check_text(text + CLOSING, "a.md")
    return [v.text for v in violations if v.category == "contraindication"]


def test_without_a_statement_the_treatment_is_reported():
    assert _contra(PRESENTED.rstrip()) == ["白芸豆提取物"]


@pytest.mark.parametrize("statement", STATEMENTS)
def test_a_contraindication_statement_in_any_wording_satisfies_the_rule(statement):
    assert _contra(PRESENTED + statement) == []


def test_a_list_under_a_bold_question_label_covers_the_key_items():
    article = (
        "# 小儿推拿\n\n推拿每个疗程做十次。\n\n**哪些孩子不适合推拿？**\n"
        "- 局部皮肤破损、有感染的\n- 骨折没长好、有出血倾向的\n- 骨质疏松的"
    )
    assert _contra(article) == []
    without = "# 小儿推拿\n\n推拿每个疗程做十次。\n\n**推拿有什么讲究？**\n- 饭后一小时再做"
    assert _contra(without) == ["小儿推拿"]


TRADITIONAL = [
    "孕婦及哺乳期婦女不適合使用。",
    "皮膚有傷口的人請勿使用。",
    "敏感肌膚者慎用。",
    "以下人士不宜使用：孕婦、正在服用維A酸的人。",
    "須在醫生指導下使用，孕婦尤其要注意。",
    "對成分過敏者忌用。",
    "濕疹發作期間唔好用。",
    "哪些人不能用？孕婦、哺乳期媽媽。",
    "有酒渣鼻的朋友千萬不要嘗試。",
    "未滿十八歲不建議使用。",
    "以下幾類人請先諮詢醫生：孕婦、哺乳期、皮膚病患者。",
    "孕婦避免使用。",
]


@pytest.mark.parametrize("statement", TRADITIONAL)
def test_traditional_and_cantonese_statements_satisfy_the_rule(statement):
    article = "# 控糖好物\n\n建議飯前吃兩粒白芸豆提取物。\n\n" + statement
    assert _contra(article) == []


# a site it must be kept off, a child told apart with the giver between, no driving after
# the dose; kidney disease in everyday words for a vitamin D drop
KEY_ITEM_WORDINGS = [
    "# 肩痛\n\n洛索洛芬钠贴剂每天贴一片。对本品过敏者禁用；不要贴在有伤口的皮肤上。",
    "# 肩痛\n\n洛索洛芬钠贴剂每天贴一片。对本品过敏者禁用，贴时绕开湿疹处。",
    "# 褪黑素\n\n出差倒时差可以睡前吃一片褪黑素。孕妇不建议吃；小朋友不能自己给吃；服下后别开车。",
    "# 维生素D\n\n宝宝每天补一粒维生素D。有高钙血症的禁用；肾脏有问题的孩子先问医生。",
]


@pytest.mark.parametrize("article", KEY_ITEM_WORDINGS)
def test_everyday_wordings_of_key_items_satisfy_the_topic(article):
    assert _contra(article) == []


def test_a_key_item_said_nowhere_is_still_reported():
    article = "# 肩痛\n\n洛索洛芬钠贴剂每天贴一片。对本品过敏者禁用。"
    assert _contra(article) == ["洛索洛芬钠贴剂"]


@pytest.mark.parametrize(
    "claim",
    ["本品零禁忌，全家都能用。", "禁忌人群：无。", "没禁忌，老少咸宜。", "不存在禁忌，放心用。"],
)
def test_a_claim_of_no_contraindications_does_not_satisfy_the_rule(claim):
    assert _contra(PRESENTED + claim) == ["白芸豆提取物"]
