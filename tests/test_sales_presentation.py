"""Treatments presented by selling them: product pages, group sales, clinic packages and
devices; and names that are not products (the body's own substances)."""

from __future__ import annotations

import pytest

from medlint.run.engine import default_linter

DISCLAIMER = "\n\n以上为一般健康信息，仅作参考；具体诊疗请咨询医生。\n"
CAUTION = "\n\n孕妇、哺乳期女性及对成分过敏者不宜使用。"


def _violations(text: str, category: str):
    violations = default_linter().check_text(text + DISCLAIMER, "a.md")
    return [v for v in violations if v.category == category]


def _found(text: str, category: str = "contraindication") -> list[str]:
    return [v.text for v in _violations(text, category)]


PRESENTED = [
    # a product page: the title names it, a price or a buy button sits right under it
    "# 优选 维D钙 咀嚼片 90片装\n\n¥ 79.00 限时立减 10 元\n\n口感好，小朋友爱吃。",
    # a product page with a dosing section and no name in it
    "# 青柠膳食纤维固体饮料 20条\n\n口感清爽。\n\n## 食用方法\n\n每日一条，温水冲调。",
    # a seller's own product
    "# 秋季讲座\n\n今晚要介绍的，就是咱们这个红参益气片。",
    # a group-sales or salon offer
    "# 冬季养生\n\n本店的艾灸温养项目很受欢迎，体验价只要68元。",
    # a session as its dose
    "# 肩颈调理\n\n采用颈部推拿，每次45分钟，一周两次。",
    # claim-named teas and drinks
    "# 下午茶\n\n给大家分享咱们的玫瑰调理茶，泡水就能喝。",
    # home devices bought or sold
    "# 宝宝咳嗽\n\n去年冬天我们买了一台家用雾化器，孩子咳嗽就用。",
    "# 听力\n\n推荐老人配一副耳背式助听器，下单享八折。",
    # on a page that sells, the product is presented where the body describes it
    "# 讲座稿\n\n“骨力健”牛骨髓钙片，由营养团队历时五年研制。\n\n今日原价398元，到场只要199元。",
    # a question title over a procedure page with its steps and its price
    "# 植发效果怎么样？\n\n脱发令人苦恼。\n\n## 手术流程\n\n检查、设计、提取、种植。"
    "\n\n## 价格\n\n本季九折。",
    # a seller's own brand in quotes
    "# 门店指引\n\n推荐搭配我们的“静眠”酸枣仁片，睡前用。",
    # a class of medicines advised for use
    "# 慢性胃炎\n\n症状反复的，建议在医生指导下服用一些中成药调理。",
    # biological products named by their kind
    "# 乙肝母婴阻断\n\n医生建议新生儿出生后尽快注射乙肝免疫球蛋白。",
]


@pytest.mark.parametrize("text", PRESENTED)
def test_a_sold_or_dosed_product_needs_contraindications(text):
    assert _found(text) != []


@pytest.mark.parametrize("text", PRESENTED)
def test_a_contraindication_statement_satisfies_it(text):
    # (a treatment with a topic profile may still lack one of its key items)
    messages = [v.message for v in _violations(text + CAUTION, "contraindication")]
    assert not any("未说明禁忌" in m for m in messages)


@pytest.mark.parametrize(
    "text",
    [
        # the body's own interferon is not a product
        "# 乙肝\n\n中医认为可以调动机体，使之产生内源性干扰素。",
        # 等…打疫苗 names a time, not a vaccine
        "# 哺乳\n\n建议先别急着喂，最好等宝宝打疫苗之后再说。",
        # a price beside an unrelated title names nothing
        "# 膝盖疼怎么办\n\n¥ 0 免费咨询，欢迎来电。",
    ],
)
def test_names_that_are_not_presented_products(text):
    assert _found(text) == []


def test_postponing_until_recovery_is_a_contraindication_statement():
    text = (
        "# 流感季\n\n建议老人每年秋季接种流感疫苗。\n\n## 谁要先等等\n\n"
        "- 对疫苗成分严重过敏者不能接种；\n- 发烧的孩子应推迟到退烧以后再接种。"
    )
    assert _found(text) == []


def test_a_reference_element_with_words_between_is_accepted():
    text = "# 贫血\n\n多吃含铁食物。\n\n本文仅作大众健康科普，不能代替医生面诊。\n"
    assert _found(text, "disclaimer") == []


@pytest.mark.parametrize("sign", ["嘴唇已经有些发紫", "憋得说不出话"])
def test_signs_said_with_degree_words_need_an_action(sign):
    assert _found(f"# 哮喘\n\n孩子夜里{sign}，先在家观察。", "urgent-warning") != []


@pytest.mark.parametrize(
    "text",
    [
        # a closing paragraph that refers back to the listed signs
        "# 心梗\n\n典型表现有：\n\n- 胸痛\n- 大汗淋漓\n\n有上述任何一种情况，马上拨打120。",
        "# 中风\n\n要警惕：口角歪斜、言语不清。\n\n这些都说明情况危急，应立即拨打120。",
        # a sign whose cause is open
        "# 胸痛\n\n胸痛不一定是心脏病，也可能是肋间神经痛。",
    ],
)
def test_signs_answered_by_a_back_reference_or_in_another_role(text):
    assert _found(text, "urgent-warning") == []
