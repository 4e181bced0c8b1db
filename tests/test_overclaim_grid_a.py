"""Generality grids for overclaim categories C1-C6 and C11 (cure guarantees, cure rates,
absolute safety, superlatives, instant effect, miracle cures, money back).

Each category's slots (certainty word, outcome, ailment, filler structure, counts and
durations, Traditional and Cantonese spellings, a claim holding its own negation) are
crossed into sentences; the same cores under negation, hedges, genuine questions,
debunks, conditions and honest facts form a negative grid that must stay silent.
Run this file as a script to print the misses and false reports.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest

from medlint.rules import default_rules_dir, load_pack
from medlint.run.engine import Linter

PRODUCTS = ["这款药茶", "我们的疗法", "本品", "这个方子"]
AILMENTS = ["老胃病", "鼻炎", "颈椎病", "湿疹", "失眠", "高血压", "痛风", "咽炎"]
CERTAINTY = [
    "保证",
    "一定能",
    "肯定能",
    "百分百",
    "绝对能",
    "包你",
    "保准能",
    "确保",
    "铁定能",
    "打包票",
]
CURE = ["治好", "根治", "调理好", "赶跑", "清零", "摆平", "治断根", "彻底治愈", "除根", "医好"]
ROUTES = ["把{a}", "把您的{a}给", "帮你把{a}", "让{a}", "将{a}"]
RESTORED = ["恢复正常", "回到正常", "降到正常"]


def _c1() -> Iterator[str]:
    for i, (cert, cure, route) in enumerate(itertools.product(CERTAINTY, CURE, ROUTES)):
        if i % 3:
            continue
        a = AILMENTS[i % len(AILMENTS)]
        p = PRODUCTS[i % len(PRODUCTS)]
        filled = route.format(a=a)
        if filled.startswith("让") and cure not in ("彻底治愈",):
            yield (
                f"{p}{cert}让您的{a}彻底好起来。" if i % 2 else f"{p}{cert}让{a}{RESTORED[i % 3]}。"
            )
        else:
            yield f"{p}{cert}{filled}{cure}。"
    for a in AILMENTS:
        yield f"用了{PRODUCTS[0]}，{a}从此再也不复发。"
        yield f"{a}调理好以后永不复发。"
        yield f"没有它治不好的{a}。"
        yield f"{a}吃这个就能断根。"
        yield f"{PRODUCTS[1]}能从根上解决{a}。"
        yield f"一个疗程下来，{a}彻底好利索了。"
    wide_cert = ["保管", "准保", "绝对", "必定能", "一准能", "指定能", "妥妥地能", "稳稳地能"]
    moved = ["根除掉", "打跑", "消灭", "除掉", "连根拔起", "治得服服帖帖", "治利索"]
    settled = ["好利索", "好透", "彻底消失", "再也不犯", "复原如初"]
    for i, (cert, cure) in enumerate(itertools.product(wide_cert, moved + settled)):
        a = AILMENTS[i % len(AILMENTS)]
        if cure in settled:
            frame = ["{c}让{a}{v}", "{c}让您的{a}{v}"][i % 2]
        else:
            frame = ["{c}给您把{a}{v}", "{c}把{a}{v}", "{c}帮孩子把{a}{v}"][i % 3]
        yield PRODUCTS[i % 4] + frame.format(c=cert, a=a, v=cure) + "。"
    for a in AILMENTS:
        yield f"坚持喝三个月，{a}保证不会再犯。"
        yield f"调理一次，{a}一辈子不会再找上门。"
        yield f"只要跟着我们调理，{a}就能彻底好。"
    slang = ["拿捏了", "拿下了", "整利索了", "摆平了", "搞定了"]
    uses = ["贴上去", "喝了两回", "灸了几次", "泡了一周"]
    for i, (use, res) in enumerate(itertools.product(uses, slang)):
        a = AILMENTS[i % len(AILMENTS)]
        yield f"{use}，{a}直接{res}。" if i % 2 else f"这方子{use}，{a}当场{res}。"
    drugs = ["降压药", "降糖药", "胰岛素"]
    for d, end in itertools.product(drugs, ["可以扔了", "都能丢掉", "就可以甩掉"]):
        yield f"坚持喝它，{d}{end}。"
    for goal in ["逆转", "根治", "断根", "停药"]:
        yield f"{AILMENTS[len(goal) % 8]}{goal}不再是梦。"
    for a in AILMENTS[:4]:
        yield f"用了以后，{a}再也没犯过。"
        yield f"用了以后，{a}再没复发过。"
    # rhetorical questions that assert, and a complaint of years gone
    for i, a in enumerate(AILMENTS):
        lead = ["有了它", "用了这款", "喝了这个茶", "有咗佢"][i % 4]
        yield f"{lead}，还怕什么{a}？"
        yield f"{lead}，哪还有治不好的{a}？"
        yield f"{['十年', '二十多年', '三年'][i % 3]}的{a}没了。"
        yield f"{a}一去不复返。"
    # Traditional spellings and Cantonese
    yield "本品保證把鼻炎徹底治好。"
    yield "這個療法一定能根治濕疹。"
    yield "食咗呢隻藥，胃病一定會好返。"
    yield "包你痛風斷尾，唔會再復發。"
    yield "我哋嘅療程保證醫好你嘅失眠。"
    yield "飲一個月，咽炎好返晒。"


def _c2() -> Iterator[str]:
    rates = ["治愈率", "有效率", "总有效率", "成功率", "痊愈率", "康复率", "显效率"]
    figures = ["高达98%", "达到96.5%", "超过九成", "在百分之九十以上", "接近100%", "达百分之九十几"]
    for i, (r, f) in enumerate(itertools.product(rates, figures)):
        p = PRODUCTS[i % len(PRODUCTS)]
        yield f"{p}的{r}{f}。"
    people = ["患者", "顾客", "用户", "病友"]
    results = ["痊愈", "彻底好了", "摆脱了药物", "不再复发", "症状全部消失"]
    shares = ["九成以上的", "百分之九十五的", "八成", "95%的", "七成以上"]
    for i, (s, pe, re) in enumerate(itertools.product(shares, people, results)):
        if i % 2:
            continue
        yield f"用过{PRODUCTS[i % 4]}的{s}{pe}都{re}。" if i % 4 else f"{s}{pe}用完都{re}。"
    yield "做了上千例，零失败。"
    for who in ["患者", "糖友", "求美者"]:
        yield f"近万名{who}在这里重获健康。"
        yield f"接诊的{who}个个都满意而归。"
    yield "治愈人数已经突破十万。"
    for n, k in [("九十八", "九十六"), ("五十", "四十九"), ("二十", "十九")]:
        yield f"{n}位患者中有{k}位明显好转。"
    yield "十人九好。"
    yield "我院植发存活率高达95%以上。"
    for who in ["患者", "客户", "求美者"]:
        yield f"从来没有一个{who}复发。"
        yield f"九成以上的{who}都很满意。"
    yield "这个老方子治好过上万人。"
    yield "经我们调理的糖友，九成都停了药。"
    yield "每十个患者就有九个痊愈。"
    yield "一百个人用，九十九个有效。"
    yield "本中心手术成功率百分之百。"
    yield "三千多例手术无一例复发。"
    yield "本院治疗鼻炎的有效率極高，達到百分之九十八。"
    yield "十个用过的人里有九个都说好了。"


def _c3() -> Iterator[str]:
    claims = [
        "没有任何副作用",
        "零副作用",
        "不会产生依赖",
        "绝对安全",
        "无毒无害",
        "不伤肝不伤肾",
        "长期吃也不伤身",
        "百分之百安全",
        "零风险",
        "怎么吃都没问题",
        "吃多少都没事",
        "没有一点副作用",
        "完全无副作用",
        "不会有任何后遗症",
        "安全无毒",
        "不会上瘾",
        "孕妇吃了也没问题",
        "不会留下疤痕",
        "毫无风险",
        "一点风险都没有",
    ]
    for i, c in enumerate(claims):
        for p in PRODUCTS[: 2 + i % 3]:
            yield f"{p}{c}。"
    yield "吃一辈子也不会有副作用。"
    yield "天天喝都不会伤身体。"
    yield "对肝肾没有任何损害。"
    yield "完全不用担心副作用。"
    yield "副作用基本为零。"
    yield "整个过程零痛感、零风险。"
    for base in ["维生素", "白开水", "吃饭"]:
        yield f"这款药茶比{base}还安全。"
    yield "安全系数百分之百。"
    for who in ["孕妇", "宝宝", "老人", "哺乳期妈妈"]:
        yield f"{who}用了也没事。"
    yield "本品純中藥製成，冇副作用。"
    yield "呢隻膏唔會有副作用，放心用。"
    yield "這款保健品絕對安全，無任何副作用。"


def _c4() -> Iterator[str]:
    claims = [
        "是治疗{a}最好的药",
        "是全国治疗{a}最有效的方法",
        "治{a}全国第一",
        "是{a}患者的首选",
        "是治{a}的天花板",
        "治{a}效果最好，没有之一",
        "是业内唯一能根治{a}的技术",
        "治{a}的技术国际领先",
        "是调理{a}的王牌产品",
        "在治{a}方面独一无二",
        "治{a}销量第一",
        "治{a}效果最强",
    ]
    for i, c in enumerate(claims):
        for a in AILMENTS[i % 3 : i % 3 + 3]:
            yield f"{PRODUCTS[i % 4]}{c.format(a=a)}。"
    yield "本院是全國最權威的鼻炎專科。"
    for a in AILMENTS[:4]:
        yield f"论治{a}，没有谁比我们更专业。"
        yield f"治{a}，找不到效果更好的了。"
        yield f"这就是市面上治{a}最强的药膏。"
    for who in ["我们的仪器", "这款贴膏", "本店的膏方"]:
        yield f"{who}是业界的标杆。"
        yield f"{who}全网仅此一款。"
        yield f"{who}治颈椎病堪称一绝。"
    yield "这款冲剂在同类产品里效果最好。"
    yield "说到治颈椎病，我们就是天花板。"
    yield "我院的鼻炎技术全省领先。"
    yield "这个方子是治湿疹效果最好的。"


def _c5() -> Iterator[str]:
    uses = [
        ("两贴", "下去"),
        ("一盒", "喝完"),
        ("三次", "做满"),
        ("一针", "打完"),
        ("一剂", "吃下去"),
        ("半瓶", "用完"),
    ]
    effects = [
        "就不疼了",
        "就见效",
        "斑就没了",
        "立马好了",
        "症状全消",
        "就能止痛",
        "血压就降下来了",
    ]
    for (n, v), e in itertools.product(uses, effects):
        yield f"{v}{n}{e}。" if v != "下去" else f"{n}下去{e}。"
    times = ["当天", "第二天", "三天", "一夜之间", "十分钟", "半小时"]
    results = ["就见效", "就消肿了", "就能痊愈", "便不痒了", "即可止痛"]
    for t, r in itertools.product(times, results):
        yield f"用了{PRODUCTS[0]}，{t}{r}。"
    yield "立竿见影，马上止痛。"
    yield "所有的患者用了三天就好了。"
    for t, e in itertools.product(["三天", "一周", "两次"], ["有感", "见效"]):
        yield f"{t}{e}。"
    for e in ["秒退", "秒止痒", "秒消肿"]:
        yield f"贴上去，酸痛{e}。"
    for v in ["搽", "敷", "按"]:
        yield f"这膏一{v}就好。"
    yield "一次就见效。"
    yield "喝上立马不咳了。"
    yield "十分钟止痛。"
    yield "当晚就睡得香。"
    yield "贴上五分钟就不疼了。"
    yield "三天消肿，一周痊愈。"
    yield "一针下去，皱纹当场抹平。"
    yield "一贴見效，即刻唔痛。"
    yield "食咗即晚見效。"
    # a normal activity back at once, a dose finished, a figure shrinking, a floor of loss
    for when, act in itertools.product(
        ["当晚就能", "当场就能", "第二天就能"], ["睡个整觉", "弯腰", "爬楼梯", "举过头顶"]
    ):
        yield f"做完一次，{when}{act}。"
    yield "一瓶喝完肚子就消停了。"
    yield "两盒吃完夜里不用起夜。"
    yield "打一次，小腿直接细了两厘米。"
    yield "一周四斤起步。"
    yield "种好以后，一辈子不用再发愁。"
    yield "喝了一个月，眼周的细纹全部抚平。"
    yield "化疗后吃上两天，体力马上回来。"
    yield "三个疗程鼻炎断根。"
    yield "推拿完当场就能下蹲。"
    yield "搽咗兩個禮拜，啲痘都冇晒。"
    yield "这辈子再也不用为颈椎病发愁。"


def _c6() -> Iterator[str]:
    for a in AILMENTS:
        yield f"这是治疗{a}的神药。"
        yield f"它堪称{a}的克星。"
        yield f"祖传秘方专治{a}。"
        yield f"简直是{a}患者的灵丹妙药。"
    yield "一瓶包治百病。"
    yield "什么病都能治。"
    yield "這是祖傳神方，專治各種疑難雜症。"
    yield "这个偏方有奇效。"
    yield "一颗小药丸，百病都跑光。"
    yield "高血压、糖尿病、痛风，统统不用愁。"
    yield "能治癌症的神奇草药。"
    yield "这就是传说中的降压神器。"
    yield "被誉为鼻炎克星的神奇药膏。"
    yield "一副药下去，百病全消。"
    yield "这个老方子能治上百种病。"
    yield "贴上一晚，浑身的毛病都跑光了。"
    yield "一瓶在手，百病不用愁。"
    yield "艾灸能把体内的寒湿拔出来。"
    yield "一盒在家，老胃病不用愁。"


def _c11() -> Iterator[str]:
    conditions = ["无效", "治不好", "不满意", "没效果", "不见效", "复发"]
    refunds = ["全额退款", "不要钱", "退钱", "免费重做", "退一赔三"]
    for c, r in itertools.product(conditions, refunds):
        yield f"{c}{r}。"
    yield "治不好一分钱不收。"
    yield "满意再付款。"
    yield "效果不好免费复诊直至满意。"
    yield "無效全額退款。"
    yield "冇效果全數退返。"
    yield "疗效由保险公司承保。"
    for cond, ref in itertools.product(
        ["瘦不下来", "怀不上", "不长头发", "没好转"], ["全额退", "退钱", "费用全免"]
    ):
        yield f"三个疗程{cond}，{ref}。"
    yield "不瘦不收钱。"
    yield "签合同保证效果，没效果全退。"
    yield "三个疗程没好转，费用全免。"
    yield "一个疗程戒不掉全额退。"
    yield "两个月减不下来全额退款。"


POSITIVE = {
    "cure-guarantee": list(_c1()),
    "cure-rate": list(_c2()),
    "absolute-safety": list(_c3()),
    "superlative": list(_c4()),
    "instant-effect": list(_c5()),
    "miracle-cure": list(_c6()),
    "money-back": list(_c11()),
}


def _negative() -> Iterator[str]:
    for a in AILMENTS:
        yield f"目前没有任何药物能根治{a}。"
        yield f"{a}很难根治，需要长期管理。"
        yield f"没有哪种疗法能保证治好{a}。"
        yield f"这个方法可能有助于缓解{a}。"
        yield f"部分患者的{a}症状可以得到改善。"
        yield f"这药真的能根治{a}吗？"
        yield f"宣称能根治{a}的广告要警惕。"
        yield f"“一贴根治{a}”纯属谣言。"
        yield f"网传喝药茶能根治{a}，这种说法不可信。"
        yield f"如果规范治疗，{a}多数可以得到控制。"
        yield f"{a}有治愈的可能吗？"
    facts = [
        "每次一片，一日三次，饭后服用。",
        "疗程一般为两周，具体遵医嘱。",
        "乳腺癌根治术后需要定期复查。",
        "幽门螺杆菌根除治疗需要两周。",
        "最常见的副作用是头痛和恶心。",
        "这种药最好饭后服用。",
        "出现呼吸困难请立即就医。",
        "第一次服药后请观察半小时。",
        "普通感冒通常一周左右可以自愈。",
        "任何药物都可能有副作用。",
        "本品安全性较高，但仍需遵医嘱。",
        "该药相对安全，孕妇使用前请咨询医生。",
        "不存在零风险的手术。",
        "没有绝对安全的药物。",
        "所谓“无副作用”的说法并不可信。",
        "治愈率与病情分期有关。",
        "早期肺癌手术后的五年生存率较高，但因人而异。",
        "没有神药，只有规范治疗。",
        "目前尚无治疗该病的特效药。",
        "警惕所谓“包治百病”的祖传秘方。",
        "不要相信“无效退款”的承诺。",
        "支持七天无理由退货。",
        "医保可以报销部分费用。",
        "社区提供免费血压筛查。",
        "止痛药一般半小时左右起效。",
        "局部麻醉后手术过程中不会感到疼痛。",
        "最近天气转凉，注意保暖。",
        "最大剂量不要超过每日四片。",
        "不能保证每个人都有效。",
        "效果因人而异，不会立竿见影。",
        "别指望一盒就能见效。",
        "谁也不能保证百分之百治好。",
        "没有一种药能把高血压彻底治好。",
        "医生说这种病无法断根，要坚持服药。",
        "這種藥不能根治，只能控制症狀。",
        "唔好信咩一次斷尾嘅廣告。",
        "孕妇吃了也没问题吗？",
        "孕妇也能吃，但要在医生指导下。",
        "不是什么病都能治。",
        "什么病都能治的药根本不存在。",
        "一百个人里，有一两个会出现皮疹。",
        "完全不用担心副作用吗？",
        "没有人能保证让你的病彻底好起来。",
        "加油，坚持治疗，一定会好起来的。",
        "希望您早日好起来。",
        "感冒一般一周左右就好了。",
        "硝酸甘油舌下含服一到两分钟起效。",
        "十分钟后症状仍未缓解，应立即就医。",
        "我们的建议是：最好饭后服用。",
        "本品是处方药，最好在医生指导下使用。",
        "这款药是目前治疗偏头痛最有效的药物之一。",
        "如果三个疗程没好转，建议换药。",
        "无效的话请及时复诊。",
        "退款请联系客服。",
        "医生会为您选择最合适的方案。",
        "这类手术成功率与医生经验有关。",
        "大约七成患者症状可以得到缓解。",
        "吃药期间不会上瘾吗？很多人有这个顾虑。",
        "长期大量使用可能产生依赖。",
        "激素药膏短期使用一般不会上瘾。",
        "做完手术会不会留疤，和体质有关。",
        "过期的药可以扔掉。",
        "医生评估后，降压药可以减量。",
        "激光脱毛并非永久脱毛。",
        "恢复到年轻时的水平是不可能的。",
        "比维生素还安全吗？",
        "头一回打针有感觉很正常。",
        "术后第二天就可以下床活动。",
        "只要坚持吃药，大部分人血压都能控制住。",
        "不满意可以申请退货。",
        "布洛芬比对乙酰氨基酚更伤胃。",
        "这个病没有特效药，也没有捷径。",
        "有人说绿豆汤能治百病，这是误区。",
        "这种药一般半小时起效，四到六小时后药效消退。",
        "还有一些治不好的病，比如晚期癌症。",
        "十年的老胃病，需要慢慢调理。",
        "他有二十多年的高血压。",
        "治愈人数逐年增加，但仍有不少患者复发。",
        "青春一去不复返，皮肤会逐渐松弛。",
        "吃多了也会伤胃。",
        "长期使用抗生素会产生耐药性。",
        "术后需要一到两周恢复期。",
        "不能一贴了之，还要配合康复训练。",
        "接诊的病人个个都需要复查。",
        "喝了酒还怕什么感冒，这种想法不对。",
        "要彻底改善生活习惯。",
        "术后五年不复发可视为临床治愈。",
        "药物不能解决所有问题。",
        "政策即时生效。",
        "目前还没有比手术更好的方法。",
        "早期乳腺癌五年存活率达90%以上。",
        "一百名患者中有五名出现皮疹。",
        "老年人高血压、糖尿病统统都要定期复查。",
        "有的患者用药后第二天就退烧了。",
        "部分患者用了三天就好了。",
        "这类贴剂通常不会留疤。",
        "减轻肝脏负担。",
        "先诊疗后付费政策惠及更多患者。",
        "术后一般一周左右就能回去上班。",
        "多数人打完疫苗当晚就能正常洗澡。",
        "病根没找到之前，别急着吃药。",
        "有的商家会说这是特效药，其实并无依据。",
        "这并不是什么神药，只是普通的止痛片。",
        "约八成患者的症状在两周内明显缓解。",
        "十个里有一个会出现轻微头晕。",
        "这种病的五年存活率在七成左右。",
        "皮疹多在几天内消退。",
        "十几年的老胃病，吃了不少药都不见好。",
        "并不是所有病毒都被疫苗挡住。",
        "接种后也不代表这辈子都不用再为流感担心。",
        "接种以后也不意味着一辈子不用再发愁。",
    ]
    yield from facts


NEGATIVE = list(_negative())


@pytest.fixture(scope="module")
def linter() -> Linter:
    pack = load_pack([default_rules_dir()])
    return Linter(
        pack,
        {
            rule.code
            for rule in pack.rules
            if rule.category == "overclaim" and rule.kind != "scorer"
        },
    )


def _misses(linter: Linter, sentences: list[str]) -> list[str]:
    return [s for s in sentences if not linter.check_text(s, "a.txt")]


@pytest.mark.parametrize("category", sorted(POSITIVE))
def test_positive_grid_recall(linter, category):
    sentences = POSITIVE[category]
    assert len(sentences) >= 20
    misses = _misses(linter, sentences)
    recall = 1 - len(misses) / len(sentences)
    assert recall >= 0.95, (category, recall, misses[:20])


def test_negative_grid_is_silent(linter):
    reported = {s: [(v.rule, v.text) for v in linter.check_text(s, "a.txt")] for s in NEGATIVE}
    assert {s: r for s, r in reported.items() if r} == {}


if __name__ == "__main__":  # pragma: no cover - a look at the holes
    pack = load_pack([default_rules_dir()])
    lint = Linter(
        pack,
        {
            rule.code
            for rule in pack.rules
            if rule.category == "overclaim" and rule.kind != "scorer"
        },
    )
    total = missed = 0
    for cat, sents in POSITIVE.items():
        m = _misses(lint, sents)
        total += len(sents)
        missed += len(m)
        print(f"{cat}: {len(sents)} sentences, recall {1 - len(m) / len(sents):.2f}")
        for s in m:
            print("   MISS", s)
    print(f"all: {total}, recall {1 - missed / total:.3f}")
    for s in NEGATIVE:
        got = [(v.rule, v.text) for v in lint.check_text(s, "a.txt")]
        if got:
            print("   FALSE", s, got)
