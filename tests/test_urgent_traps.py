"""Urgent warnings: a danger sign named in a role that asks nothing of the reader now is
not reported; a sign happening to the reader or patient with no action near it is.

Traps: an indication, a statistic, a survey, history, a group description, a definition,
fiction, a side effect whose action comes two sentences later, a sign in a question heading
answered with an action, a list whose lead-in says go to the emergency room.
"""

from __future__ import annotations

import pytest

from medlint.run.engine import default_linter

DISCLAIMER = "\n\n以上内容仅供参考，具体请咨询医生。\n"

TRAPS = [
    # indications
    "# 舒喘灵\n\n沙丁胺醇气雾剂用来缓解支气管痉挛引起的气喘、胸闷。",
    "# 急救药\n\n肾上腺素笔专门用于处理严重过敏反应。",
    "# 止血药\n\n氨甲环酸可用于月经过多、术后出血等情况。",
    "# 癫痫\n\n丙戊酸钠能减少癫痫抽搐发作的次数。",
    "# 降颅压\n\n甘露醇常用于脑水肿导致的剧烈头痛和呕吐。",
    "# 硝酸甘油\n\n心绞痛发作、胸痛时舌下含服一片。对本品过敏者禁用。",
    # statistics and surveys
    "# 研究\n\n一项纳入三千人的研究里，约0.2%的受试者出现过敏性休克。",
    "# 数据\n\n我国每年约有数十万人因心脏骤停去世。",
    "# 调查\n\n问卷中有两成家长表示孩子发生过高热惊厥。",
    "# 流行病学\n\n消化道大出血的年发病率约为每十万人一百例。",
    # history
    "# 我的故事\n\n五年前我因为呼吸困难住过一次院，现在每天坚持锻炼。",
    "# 回顾\n\n去年冬天父亲突发胸痛，做了支架，如今恢复得不错。",
    "# 病史采集\n\n医生会问你过去有没有出现过晕厥。",
    "# 接种须知\n\n上一针后发生过过敏性休克的孩子，不能接种下一针。",
    # a group described
    "# 帕金森\n\n晚期帕金森病人多数有吞咽困难，饮食要做成糊状。",
    "# 肺癌\n\n肺癌患者中咯血较为常见，约三分之一会出现。",
    "# 老年人\n\n高龄老人跌倒后容易出现意识模糊，这是护理中的难点。",
    "# 糖尿病\n\n长期糖尿病的人容易有视物模糊等眼部并发症，要每年查眼底。",
    # a side effect with its urgent action two sentences later
    "# 青霉素\n\n极少数人注射后会出现呼吸困难。这种反应通常发生在半小时内。"
    "因此打完针要留观三十分钟，一旦不舒服马上告诉医生。",
    "# 造影剂\n\n个别人会出现喉头水肿。多数在检查室就会发生。出现任何不适请立即呼叫医护人员。",
    # a question heading answered with an action
    "# 头痛\n\n## 突然剧烈头痛怎么办？\n\n立即就医，不要自己吃止痛药硬扛。",
    "# 儿科问答\n\n**孩子抽搐了怎么办？**\n\n让孩子侧卧，头偏向一侧，马上拨打120。",
    "# 问答\n\n问：吃完海鲜嘴唇肿、喘不上气要紧吗？\n\n答：要紧，立刻去急诊。",
    # a list whose lead-in is the action
    "# 中暑\n\n出现下面任何一种情况，直接去急诊：\n\n- 意识模糊\n- 抽搐\n- 体温超过四十度",
    "# 胸痛\n\n以下表现请马上拨打120：\n\n1. 胸口压榨样疼痛\n2. 大汗淋漓\n3. 呼吸困难",
    "# 孕期\n\n### 这些信号要立即去医院\n\n- 阴道大出血\n- 剧烈腹痛\n- 胎动明显减少",
    # figures of speech, fiction, definitions, rumours, mild effects, services, denials
    "# 职场\n\n加班到凌晨，压力大得让人窒息。",
    "# 影评\n\n电影里主角在雪地里昏迷了三天。",
    "# 科普\n\n休克是指全身有效循环血量减少导致的组织灌注不足。",
    "# 科普\n\n脑卒中的典型表现包括口角歪斜、一侧肢体无力、言语不清。",
    "# 辟谣\n\n有人说喝冰水会导致心梗，这种说法没有依据。",
    "# 副作用\n\n服药初期可能有轻微头晕，一般一周内自行消失。",
    "# 疫苗\n\n接种后低热、局部红肿都属于常见反应，一两天就会退。",
    "# 运动\n\n跑完步短暂的心跳加快属于正常现象，休息几分钟即可恢复。",
    "# 科室介绍\n\n本科室擅长诊治晕厥、心悸、胸痛等心血管疾病。",
    "# 禁忌\n\n以下人群禁用：\n\n- 严重呼吸困难者\n- 昏迷患者",
    "# 否认\n\n这个药一般不会引起呼吸困难，按说明书吃就行。",
    "# 课程\n\n本次讲座主题：认识心脏骤停与心肺复苏。",
    "# 问答\n\n问：经常头晕是不是贫血？\n\n答：有可能，可以先查个血常规。",
    "# 护理\n\n卧床老人要定时翻身，预防压疮和肺部感染。",
]

SIGNS = [
    "# 降糖药\n\n吃了这个药以后如果出现意识模糊，喝点糖水再睡一觉。",
    "# 减肥茶\n\n喝了之后心跳很快、胸口发闷，说明脂肪在燃烧。",
    "# 头疗\n\n做完以后有的人会突然说话含糊，休息一下就好。",
    "# 宝宝\n\n孩子发烧时手脚抽动几下，家长不用太紧张。",
    "# 针灸\n\n扎完针有人会呼吸困难，这是气在走。",
    "# 药膏\n\n涂完嘴唇肿起来、嗓子发紧，是在排毒。",
    "# 产后\n\n产后阴道出血量很大也别怕，多吃点红枣补回来。",
    "# 肠胃\n\n最近大便发黑还一直头晕，可能是上火了。",
    "# 老人\n\n爷爷一侧手脚没力气，说话不清楚，让他先躺着观察。",
    "# 过敏\n\n吃完虾浑身起疙瘩、嘴唇发紫，抹点药膏就行。",
    "# 胸口\n\n胸口像压了块石头一样疼，还冒冷汗，喝点热水缓一缓。",
    "# 记录\n\n这次头痛是这辈子最剧烈的一次，吃片止痛药就好。",
    "# 孕晚期\n\n孕晚期感觉胎动明显变少了，可能是宝宝在睡觉。",
    "# 腹痛\n\n肚子疼得打滚，还吐了好几次，喝点姜汤暖暖。",
    "# 喝酒\n\n朋友喝多了叫不醒，让他睡一觉就好了。",
    "# 输液\n\n输液的时候突然喘不上气，把滴速调慢就行。",
    "# 眼睛\n\n打完玻尿酸一只眼睛突然看不见了，冷敷一下。",
    "# 咳嗽\n\n咳嗽时痰里带了不少血，多喝梨汤润润肺。",
    "# 过敏药\n\n吃药后喉咙肿得说不出话，多喝水冲一冲。",
    "# 中暑\n\n在太阳底下干活后神志不清，扇扇风就行。",
]

# leaflets, notices, department pages, Q&A, lectures, fiction, animals, comparisons
MORE_TRAPS = [
    "# 某某片说明书\n\n【不良反应】常见恶心、头晕；罕见过敏性休克、喉头水肿。\n\n"
    "【注意事项】用药期间如出现皮疹或呼吸异常，请立即停药就医。",
    "# 接种告知\n\n接种后需留观30分钟。极少数人可能出现严重过敏反应，留观期间医护人员会现场处置。",
    "# 医院简介\n\n我院开通胸痛绿色通道，心梗患者从进门到开通血管平均用时不到60分钟。",
    "# 急诊科\n\n急诊科每天接诊大量胸痛、腹痛、外伤病人。",
    "# 冷知识\n\n为什么有人一见血就晕倒？这叫血管迷走性晕厥。",
    "# 科普\n\n中暑分为先兆中暑、轻症中暑和重症中暑，重症可出现昏迷。",
    "# 科普\n\n高血压急症可能导致脑出血、心衰等严重后果，所以要规律服药。",
    "# 科普\n\n过敏性休克的救治关键是尽早注射肾上腺素。",
    "# 讲座\n\n王医生讲解了如何识别心梗的胸痛。",
    "# 数据\n\n研究显示，约一半的心脏骤停发生在家中。",
    "# 宝宝\n\n小宝宝打嗝、吐奶都很常见，不是呼吸困难。",
    "# 康复\n\n中风后一侧肢体无力的患者，要尽早开始康复训练。",
    "# 护理\n\n长期卧床的老人容易发生吞咽困难，喂饭时要慢。",
    "# 运动\n\n初学者练瑜伽时偶尔会觉得有点头晕，调整呼吸就好。",
    "# 献血\n\n献血后少数人会有短暂头晕，坐下休息十分钟即可。",
    "# 病例\n\n患者男，56岁，3小时前出现持续胸痛，急诊行冠脉造影。",
    "# 小说\n\n故事里的老船长在风暴中晕倒，醒来时已在岸边。",
    "# 动物\n\n狗狗吃了巧克力会抽搐，主人要把巧克力收好。",
    "# 比较\n\n心绞痛和心梗都可有胸痛，但心梗的胸痛持续时间更长。",
    "# 问答\n\n问：宝宝发烧会烧坏脑子吗？\n\n答：一般不会，但如果出现抽搐，要立即去医院。",
    "# 课程\n\n第三课：呼吸困难的评估与分级。",
    "# 禁忌\n\n有癫痫、抽搐病史者慎用本品。",
    "# 预防\n\n接种流感疫苗可以降低重症和死亡的风险。",
    "# 简介\n\n癫痫俗称羊角风，发作时可能出现抽搐、口吐白沫。",
    "# 急救\n\n遇到有人晕倒，先判断意识和呼吸，没有呼吸就马上做心肺复苏。",
    "# 孕检\n\n孕期要定期产检，学会自数胎动。",
    "# 科普\n\n哮喘急性发作时可能会喘不上气，平时要按医嘱规律用药，随身带急救喷雾。",
]

# self-limiting effects, guidelines, training, insurance, history, a sign in a group's name
EVEN_MORE_TRAPS = [
    "# 注射\n\n约有一成患者注射后会有轻度胸闷，通常数小时内自行缓解。",
    "# 疫苗\n\n打完疫苗当天可能有低热、乏力，一般两天内消退。",
    "# 副作用\n\n部分人服药后出现头晕、嗜睡，属于常见副作用。",
    "# 孕早期\n\n孕早期少量见红不一定是流产，但要告诉产检医生。",
    "# 高原\n\n刚到高原的人常见头痛、气短，多数人休息一两天后适应。",
    "# 指南\n\n指南建议，对胸痛患者应在十分钟内完成心电图。",
    "# 培训\n\n护士培训内容包括休克的早期识别。",
    "# 科普\n\n过敏体质的人更容易发生严重过敏反应。",
    "# 招聘\n\n急诊科招聘护士，要求熟悉胸痛、卒中等急症流程。",
    "# 纪念\n\n他在那次车祸里大出血，抢救了十几个小时才脱险。",
    "# 体检\n\n体检报告里“窦性心动过缓”多数不需要处理。",
    "# 保险\n\n重疾险一般覆盖急性心梗、脑中风后遗症等。",
    "# 历史\n\n一百年前，产后大出血是产妇死亡的主要原因。",
]
MORE_SIGNS = [
    "# 小孩\n\n孩子误服了大人的降压药，现在昏昏欲睡。",
    "# 头部\n\n摔倒撞到头后一直呕吐、越来越困，睡一觉。",
    "# 术后\n\n做完手术第二天伤口一直流血止不住，换块纱布就好。",
    "# 糖尿病\n\n血糖仪显示血糖很低，人开始说胡话，给他喝点水。",
    "# 孩子\n\n宝宝嘴唇发青、一直喘，可能是累了。",
    "# 老人\n\n老人早上起床后半边脸麻木、嘴角歪了，先按摩一下。",
    "# 中毒\n\n冬天烧炭取暖后一家人头痛、恶心、昏昏沉沉叫不醒，开窗透透气就好。",
    "# 过敏\n\n打完针全身起风团、喘不过气，在家歇歇。",
    "# 腹痛\n\n孕妇突然下腹剧痛、阴道流血，先卧床休息。",
    "# 心脏\n\n爬楼时胸口闷痛、左臂发麻，歇一会儿。",
]


def _urgent(text: str) -> list[str]:
    violations = default_linter().check_text(text + DISCLAIMER, "a.md")
    return [v.text for v in violations if v.category == "urgent-warning"]


@pytest.mark.parametrize("text", TRAPS + MORE_TRAPS + EVEN_MORE_TRAPS)
def test_a_sign_in_a_role_that_asks_nothing_now_is_not_reported(text):
    assert _urgent(text) == []


@pytest.mark.parametrize("text", SIGNS + MORE_SIGNS)
def test_a_sign_happening_now_without_an_action_is_reported(text):
    assert len(_urgent(text)) == 1


def test_feeling_unwell_does_not_negate_the_action_after_it():
    assert _urgent("# 注射\n\n少数人会出现呼吸困难。一旦不舒服马上告诉医生。") == []
    assert _urgent("# 注射\n\n少数人会出现呼吸困难。不要马上就医。") == ["呼吸困难"]


# a sign that does not ease is the condition of the action; a sign once had; a consequence
# that advice prevents
CONDITION_TRAPS = [
    "# 低血糖\n\n出现心慌、手抖、意识模糊时先吃糖，仍不缓解请马上拨打120。",
    "# 退烧\n\n孩子高热不退，马上去医院。",
    "# 起立\n\n久蹲后慢慢起身，免得眼前发黑晕倒。",
    "# 往事\n\n表妹两年前中暑晕倒，之后夏天都很小心。",
    "# 家里\n\n弟弟抽搐过一次，全家至今记得。",
]


@pytest.mark.parametrize("text", CONDITION_TRAPS)
def test_a_condition_a_past_sign_or_a_prevented_one_is_not_reported(text):
    assert _urgent(text) == []


def test_a_sign_a_product_is_sold_to_settle_is_reported_even_as_history():
    sold = "# 护膝\n\n以前心口痛到冒冷汗，戴了三个月再没犯。今日特惠价 199 元。"
    assert _urgent(sold) == ["心口痛"]
    attack = "# 足贴\n\n就算发作时胸口闷痛，贴上十分钟就能平复。团购价 49 元。"
    assert _urgent(attack) == ["胸口闷痛"]
    told = "# 往事\n\n以前心口痛到冒冷汗，吃了两年药，再也没犯过。"
    assert _urgent(told) == []


def test_a_risky_drug_named_under_a_caution_heading_on_a_sales_page_is_not_presented():
    text = (
        "# 冬令膏方\n\n每料 HK$1,980，欢迎预订。\n\n## 以下人士不宜服用\n\n"
        "- 孕妇及哺乳期妇女；\n- 正在服用华法林的人士，请先告知医师。"
    )
    assert _urgent(text) == []


# Danger signs by family in everyday words: sudden loss of hearing or of part of the sight,
# breathlessness without the word 气, thoughts or acts of self-harm.
FAMILY_SIGNS = [
    "# 上班\n\n昨天开完会，左边耳朵突然像被棉花堵住了，听不清同事说话。",
    "# 眼睛\n\n早上起来右眼视野里像挂了一道帘子，下半边都被挡着。",
    "# 眼睛\n\n看手机时眼前一大片阴影挡着，揉了也不掉。",
    "# 眼睛\n\n这两天眼前突然多了一大堆小黑点，滴点眼药水再看看。",
    "# 爬楼\n\n爷爷这几天走几步就喘不上来，坐着也觉得气不够用。",
    "# 日记\n\n这两周一到晚上就想着死了算了，第二天还是照常打卡。",
    "# 树洞\n\n有时候真想伤害自己，不知道该跟谁说。",
    "# 树洞\n\n失恋以后他想过了结自己，现在每天闷在房间里。",
]
# the same named with the act-now instruction or a crisis line, or in a figure of speech
FAMILY_ANSWERED = [
    "# 眼睛\n\n视野里像挂了一道帘子，请当天到眼科急诊。",
    "# 树洞\n\n如果你也想过结束自己的生命，请拨打心理援助热线12356。",
    "# 树洞\n\n如果你也想过了结自己，请马上拨打希望24热线，或者到最近的医院急诊。",
    "# 台灣\n\n若你正想伤害自己，请拨打安心专线1925，24小时都有人接听。",
    "# 香港\n\n若你想伤害自己，可致电撒玛利亚防止自杀会。",
    "# 加班\n\n项目一个接一个，忙得喘不过来。",
    "# 尴尬\n\n在台上忘词，尴尬得想去死。",
    "# 飞蚊症\n\n眼前有黑影飘来飘去，多半是飞蚊症，体检时顺便查个眼底。",
]


@pytest.mark.parametrize("text", FAMILY_SIGNS)
def test_everyday_wordings_of_danger_signs_are_reported(text):
    assert len(_urgent(text)) == 1


@pytest.mark.parametrize("text", FAMILY_ANSWERED)
def test_a_crisis_line_answers_a_thought_of_self_harm_and_figures_are_no_signs(text):
    assert _urgent(text) == []


# A story settled without care: cured by a remedy, or carried on with after a pause; the
# story teaches doing without, even told as past.
@pytest.mark.parametrize(
    "text",
    [
        "# 群聊\n\n三舅：我邻居前年突然一只耳朵听不见了，就是吃这个偏方吃好的，没去医院花一分钱。",
        "# 访谈\n\n有一回跑步突然胸口剧痛，我以为是岔气了，歇了一会儿接着跑完了。",
        "# 好物\n\n之前一只眼睛突然看不清，戴了这个眼罩现在完全没有了。限时特惠 99 元。",
        # (or taken to a shop or a lay healer instead of care)
        "# 带娃日记\n\n上周女儿烧到四十度还抽搐了，我们没喂药，连夜抱到小区的推拿馆。",
        "# 老家的事\n\n前年冬天外公突然说话含糊、半边身子没劲，舅舅把他送到了镇上的按摩店。",
    ],
)
def test_a_past_sign_settled_by_a_remedy_or_carried_on_with_is_reported(text):
    assert len(_urgent(text)) == 1


# Care given first, a shop visited later for something else: history handled.
@pytest.mark.parametrize(
    "text",
    [
        "# 回忆\n\n上周儿子高烧抽搐，我们马上打了120，在医院住了三天。出院后带他去推拿馆调理脾胃。",
        "# 那年冬天\n\n前年父亲突然一侧无力，家里立刻叫了救护车。康复后他常去养生馆泡脚。",
    ],
)
def test_a_past_sign_handled_by_care_before_a_shop_visit_is_not_reported(text):
    assert _urgent(text) == []


# A screening question on past reactions, and staff who watch for a sign while the patient
# is in their care, name no sign the reader has now.
@pytest.mark.parametrize(
    "text",
    [
        "# 接种前\n\n打针前请确认孩子没有疫苗过敏史，比如上一针后出现喘不上气、嘴唇肿。",
        "# 输液前\n\n护士会问有没有药物过敏，例如用药后呼吸困难、起风团。",
        "# 留观\n\n注射后在观察区坐满半小时，其间护士会留意有无呼吸困难、脸色发白。",
        "# 造影\n\n检查时医护人员会监测你是否出现胸闷、呼吸困难。",
    ],
)
def test_a_screening_question_or_staff_watching_is_not_reported(text):
    assert _urgent(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "# 回家后\n\n回家后家长要观察孩子有无呼吸困难。",
        "# 接种后\n\n有过敏史的孩子，比如有哮喘的，打完针到家后出现呼吸困难，先让他躺着。",
    ],
)
def test_a_carer_at_home_watching_or_a_reaction_after_screening_is_reported(text):
    assert len(_urgent(text)) == 1


# A quiz asking which of the options below needs urgent care carries the action for the
# options; one asking which needs no care does not.
def test_a_quiz_asking_which_option_needs_urgent_care_answers_its_signs():
    text = (
        "# 小测验\n\n第1题：摔倒后出现以下哪种情况，需要马上去急诊？\n"
        "A. 膝盖擦破皮　B. 剧烈头痛、反复呕吐　C. 有点累\n答案：B。"
    )
    assert _urgent(text) == []


def test_a_quiz_asking_which_option_needs_no_care_does_not_answer_its_signs():
    text = (
        "# 小测验\n\n第1题：摔倒后出现以下哪种情况，不需要去医院？\n"
        "A. 膝盖擦破皮　B. 剧烈头痛、反复呕吐　C. 有点累\n答案：A。"
    )
    assert len(_urgent(text)) == 1
