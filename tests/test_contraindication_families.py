"""Families of presentation and coverage: each with a case it reports and a trap it must not."""

from __future__ import annotations

import pytest

from medlint.run.engine import default_linter

DISCLAIMER = "\n\n以上为一般健康信息，仅作参考；具体诊疗请咨询医生。\n"


def _contra(text: str) -> list[tuple[str, str]]:
    violations = default_linter().check_text(text + DISCLAIMER, "a.md")
    return [(v.text, v.message) for v in violations if v.category == "contraindication"]


@pytest.mark.parametrize(
    ("text", "reported", "detail"),
    [
        # a regimen given with its dose, beside statements that all name another drug
        (
            "# 出院带药说明\n\n1. 氯吡格雷75mg每日一次，按时吃。\n\n"
            "2. 胸闷时舌下含服硝酸甘油一片。低血压的人禁用硝酸甘油。",
            "氯吡格雷",
            "未说明禁忌",
        ),
        # a clinic's doctor decides whether to give it: the clinic offers it
        (
            "# 代谢门诊开诊啦\n\n医生会结合化验结果决定是否使用利拉鲁肽。"
            "孕妇不宜使用这类药。",
            "利拉鲁肽",
            "甲状腺髓样癌",
        ),
        # a device offered for use at home, with nothing on who must not
        (
            "# 晶亮IPL美肤仪｜在家也能做的嫩肤护理\n\n每周照一次，十分钟搞定。",
            "ipl",
            "光敏",
        ),
        # an adult's vitamin D: the adult's items are due
        (
            "# 中老年人怎么补维生素D\n\n维生素D每天吃800单位。高钙血症患者禁用。",
            "维生素D",
            "结石",
        ),
        # a person's analgesic: the label's items are due
        (
            "# 膝盖疼怎么止痛\n\n美洛昔康片每天一次，饭后吃。肾病患者禁用。",
            "美洛昔康",
            "过敏",
        ),
        # a seller's "review" is no user's account
        (
            "# IPL脱毛仪用了一个月的真实感受\n\n每周照两次。孕妇、晒黑的人不适合。"
            "限时到手价199元。",
            "ipl",
            "感染",
        ),
        # cupping in everyday words (拔个罐, 拔了两次罐, 火罐), sold by a shop
        (
            "# 肩膀酸？下班来拔个罐\n\n我们的火罐一次二十分钟，拔完浑身轻松。",
            "拔个罐",
            "凝血",
        ),
        # a product named in a title after a bar, on a page with a time-limited offer
        (
            "# 换季肠道小管家｜某某益生菌滴剂\n\n每天五滴，冲奶喝。\n\n限时特惠：两盒装 ¥128。",
            "益生菌",
            "未说明禁忌",
        ),
        # a runner's salt tablets, sold with no statement on who must not take them
        (
            "# 越野赛补给清单\n\n补盐片每小时一片，防抽筋。跑团价两瓶包邮。",
            "补盐片",
            "未说明禁忌",
        ),
        # an ablation announced as newly at hand, with no statement on who must not have it
        (
            "# 子宫肌瘤不开刀\n\n如今有了聚桂醇消融，半小时做完，当天回家。",
            "聚桂醇消融",
            "未说明禁忌",
        ),
        # a clinic's gift for booking sells the procedure
        (
            "# 抗衰季\n\n本月热玛吉全脸，预约即送补水面膜。",
            "热玛吉",
            "",
        ),
        # a supplement taken daily, not stopped before an operation
        (
            "# 护心好物\n\n鱼油每天两粒，长期吃对血管好。",
            "鱼油",
            "",
        ),
    ],
)
def test_reported(text, reported, detail):
    found = _contra(text)
    assert len(found) == 1, found
    assert found[0][0].lower() == reported.lower() and detail in found[0][1], found


@pytest.mark.parametrize(
    "text",
    [
        # a statement that names no drug concerns every drug given
        "# 出院带药说明\n\n1. 氯吡格雷75mg每日一次，按时吃。\n\n"
        "2. 胸闷时舌下含服硝酸甘油一片。\n\n对上述药物过敏、有活动性出血的人禁用，请告诉医生。",
        # a jab advised in passing, without a dose, beside a statement on another drug
        "# 慢阻肺病友交流\n\n郑医生建议每年秋天接种流感疫苗。\n\n"
        "有的病友医生会开阿奇霉素长期吃。心律失常的人要慎用阿奇霉素。",
        # a request not to bring products names none it offers
        "# 病房探视须知\n\n家属请勿私下给病人带保健品或偏方，用药以医嘱为准。",
        # a title asking how to tell what follows a use presents nothing
        "# 吃完头孢怎样判断是不是过敏？\n\n出现皮疹、瘙痒、胸闷，要想到过敏，及时就医。"
        "头孢引起的皮疹多在用药后几天内出现。",
        # a title that takes a claim apart presents nothing the page does not sell
        "# 燕窝能美白？医生帮你揭穿\n\n燕窝的主要成分是蛋白质，吃进去会被消化分解。",
        # a user's own account that says whom it does not suit
        "# 家用脱毛仪用了三个月，聊聊实话\n\n毛变细了一点。孕妇、刚晒黑的人不适合用。\n\n"
        "个人感受，仅供参考。",
        # an animal's drug, with who among the animals must not have it
        "# 猫咪绝育后护理要点\n\n美洛昔康口服液每天一次，按体重喂。肾病或脱水的猫咪禁用。",
        # an infant's vitamin D drops: the hypercalcaemia item is theirs, the adult's is not
        "# 婴儿怎么补维生素D\n\n维生素D每天400单位。高钙血症的宝宝禁用。",
        # a statin's calcium salt is no calcium tablet
        "# 降脂药怎么吃\n\n瑞舒伐他汀钙片每晚一片。活动性肝病患者禁用，孕妇及哺乳期禁用，"
        "对本品过敏者禁用，肌病患者禁用。",
        # a tin is no cupping; a time-limited offer asked about sells nothing
        "# 家里的罐头\n\n拔开罐头盖子时小心划手。",
        "# 肠道健康\n\n朋友转来益生菌的链接，问是不是限时特惠吗？我劝她先看成分表。",
        # salt tablets warned against are not offered
        "# 夏季长跑\n\n不建议自己乱吃盐丸，高血压和肾病的人更要当心。",
        # a lead-in that sets apart those to exclude or to put off, with its list
        "# 调Q激光淡斑\n\n调Q激光一般每月做一次。\n\n"
        "**不适合或需推迟治疗的情况**：怀孕；近期暴晒或在用光敏药物；瘢痕体质或治疗部位感染。",
        # a log kept over a stretch of time is a user's account
        "# 打瘦脸针两个月的日记\n\n第一针打完，咬肌慢慢变软。医生说孕期、哺乳期不能打。"
        "\n\n个人记录，仅供参考。",
        # a regulator's campaign against unlawful practice offers nothing
        "# 关于开展非法医美专项整治的通告\n\n有人在出租屋内给顾客注射玻尿酸，一经查实从严处理。",
        # the yardstick a product is held to is not offered
        "# 补水面膜\n\n敷一周就能媲美热玛吉的紧致效果，两盒包邮。",
        # supplements to stop before an operation, and a class the title says to stop
        "# 术前须知\n\n鱼油、银杏叶片可能增加出血风险，术前一周停用。",
        "# 手术前，抗凝药也要停？\n\n一般不用自己停，听外科和心内科医生安排。",
        # what something bears on is no operation offered; melting ice is no ablation
        "# 术前营养\n\n纯天然也不等于对手术无害。术前一周建议停掉各种补品。",
        "# 冰川\n\n现在有了卫星图，能看到冰川消融得很快。",
    ],
)
def test_not_reported(text):
    assert _contra(text) == []
