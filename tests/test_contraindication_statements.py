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


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        # a soup pack of herbs sold; a brain-training headband; a clinic's regimen
        ("# 秋冬\n\n药膳汤包每周煲一次，一包四十元。", "药膳汤包"),
        ("# 孩子上课走神\n\n脑波训练头环每天戴半小时，一个月一个周期。", "脑波训练头环"),
        ("# 胃不舒服\n\n我们门诊用的是经典三联疗法，一周为一个疗程。", "经典三联疗法"),
        ("# 发烧\n\n我们诊所用的是抗生素，打两天就退。", "抗生素"),
        # a clinic's own operation, named by its technique, its energy source or what it
        # cuts; a clinic's own prescription named by its claim; a drug paired with advice
        ("# 腰痛\n\n本院采用靶点减压微创技术，半小时就做完。", "靶点减压微创技术"),
        ("# 鼻塞\n\n我院耳鼻喉科开展的低温等离子消融术恢复快。", "低温等离子消融术"),
        ("# 手汗\n\n我们中心的交感神经切断术做完当天就干爽。", "交感神经切断术"),
        ("# 月经不调\n\n我们诊所的养血调经方一个月见效。", "养血调经方"),
        ("# 孩子长个\n\n我们门诊的长高中药配合拉伸，一个暑假见效。", "长高中药"),
        ("# 尿酸高\n\n多喝水，也可以配合非布司他片把尿酸降下来。", "非布司他"),
    ],
)
def test_treatments_a_seller_or_a_clinic_offers_are_presented(text, reported):
    violations = default_linter().check_text(text + DISCLAIMER, "a.md")
    assert [v.text for v in violations if v.category == "contraindication"] == [reported]


@pytest.mark.parametrize(
    "text",
    [
        "# 小吃\n\n老街的蟹黄汤包一笼十八元，每天排长队。",
        "# 问诊\n\n医生开了两周四联，我想问还要不要吃？",
        "# 发烧\n\n你们诊所用的是抗生素吗？",
        "# 手术后\n\n洗澡时用防水贴把刀口盖好。",
        # a clinic's staff or rooms; an operation not named; a recipe, not a prescription
        "# 复诊\n\n我们医院的医生说布洛芬伤胃，具体问他。",
        "# 胆结石\n\n结石大了可能需要做微创手术，到时医生会跟你谈。",
        "# 养生\n\n这个调理方法我们中心的营养师讲过很多次。",
    ],
)
def test_treatments_only_named_are_not_presented(text):
    assert _contra(text) == []


STATIN = "每晚睡前服用阿托伐他汀钙片一片。活动性肝病患者禁用。"


@pytest.mark.parametrize(
    "opening",
    [
        "# 阿托伐他汀钙片取药须知\n\n",
        "【社区医院】您已成功预约周三上午的降脂门诊复诊。\n\n",
    ],
)
def test_a_treatment_already_prescribed_needs_a_statement_not_every_key_item(opening):
    assert _contra(opening + STATIN) == []
    # (the page must still say who must not use it)
    assert len(_contra(opening + "每晚睡前服用阿托伐他汀钙片一片。")) == 1


def test_a_treatment_offered_without_a_prescription_needs_every_key_item():
    messages = _contra("# 阿托伐他汀钙片怎么吃\n\n" + STATIN)
    assert len(messages) == 1 and "妊娠" in messages[0]


def test_a_doctor_s_finding_made_the_last_word_covers_the_key_items():
    body = "# 近视手术\n\n全飞秒可以矫正近视，周末也能约。角膜过薄者不适合手术"
    assert _contra(body + "，能否手术以医生检查结果为准。") == []
    assert len(_contra(body + "。")) == 1


# An aftercare sheet for a procedure already done: the procedure's key items were checked
# before it was done; the sheet still says who must not use what it gives.
AFTERCARE = (
    "# 某某口腔门诊 拔智齿术后须知\n\n"
    "麻药过后如果疼，可以吃一片对乙酰氨基酚。"
)


def test_an_aftercare_sheet_needs_a_statement_not_the_procedure_s_key_items():
    assert _contra(AFTERCARE + "严重肝病、对本药过敏的人不能吃，请换别的药。") == []
    assert len(_contra(AFTERCARE)) == 1
    # (a page on having the procedure still needs every key item)
    offer = "# 拔智齿前要知道的事\n\n本周末门诊可以拔智齿。孕妇不宜拔牙。"
    messages = _contra(offer)
    assert len(messages) == 1 and "凝血" in messages[0]


VENEER = "# 牙齿贴面\n\n贴面可以遮住四环素牙，欢迎到院预约。"


@pytest.mark.parametrize(
    "text",
    [
        # a lead-in that advises against it for some (以下情况不建议…：)
        VENEER + "以下情况不建议或要先治疗：牙周炎没控制、夜磨牙严重者。",
        # not for everyone, asked and answered no
        VENEER + "\n\n**问：贴面适合所有人吗？**\n不是，夜磨牙严重、牙周炎没控制的人要先处理。",
    ],
)
def test_a_lead_in_that_advises_against_it_or_a_no_to_everyone_is_a_statement(text):
    assert _contra(text) == []


def test_a_label_stuck_on_a_person_is_no_plaster():
    push = "# 晚安提醒\n\n睡不着的夜晚，别急着给孩子贴上“懒散”的标签，也别给自己贴“焦虑症”的帽子。"
    assert _contra(push) == []
    sold = "# 晚安提醒\n\n睡前贴一片某某安神贴，一盒三十贴。"
    assert len(_contra(sold)) == 1


def test_a_first_pack_price_or_a_gift_for_packs_makes_a_sales_page():
    offer = "# 家长看过来\n\n**某某牌鱼油软糖 · 开学体验**\n\n- 每天嚼两粒，孩子注意力更集中\n\n"
    assert len(_contra(offer + "首瓶9.9元，两瓶送书包一个。")) == 1
    assert len(_contra(offer + "两瓶送一个书包。")) == 1


# A page that opens with a reader's question: what the question names is the asker's
# (what they take, what they heard of); the reply presents what it recommends.
@pytest.mark.parametrize(
    "text",
    [
        "问：我一直在吃氯吡格雷，牙疼能吃布洛芬吗？\n\n答：不建议，两者合用出血风险高，"
        "疼得厉害可以先用对乙酰氨基酚，对乙酰氨基酚过敏或严重肝病的人禁用。",
        "【提问】听说天天吃鱼油能软化血管，我要不要买？\n\n【回答】鱼油没有软化血管的作用，"
        "血脂高先去内科查一查。",
    ],
)
def test_what_a_reader_s_question_names_is_not_presented(text):
    assert _contra(text) == []


def test_what_the_reply_to_a_reader_s_question_recommends_is_presented():
    text = "问：膝盖疼，有什么办法？\n\n答：可以每天吃两粒氨糖软骨素胶囊，坚持三个月。"
    assert len(_contra(text)) == 1
