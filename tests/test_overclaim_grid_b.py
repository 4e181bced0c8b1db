"""Generality grids for testimonials, comparisons, fear, "natural so safe", universal
suitability, non-drug disease claims and unverifiable evidence (taxonomy C7-C10, C12-C14).

Each category crosses its slots (who speaks, what was used and for how long, what it did;
rival and comparison word; product and disease claim ...) with the sentence shapes Chinese
puts them in, Traditional and Cantonese forms included, into a few hundred claims. The
negative grid puts the same cores under negation, hedges, genuine questions, debunks,
conditions and plain 科普 facts. Sentences are written for this test from the slots; no
article text is used.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator

import pytest

from medlint.rules import default_rules_dir, load_pack
from medlint.run.engine import Linter

PACK = load_pack([default_rules_dir()])


def _spread(items: Iterable[str], limit: int) -> list[str]:
    """At most ``limit`` items taken evenly from the whole product, deterministic."""
    pool = list(dict.fromkeys(items))
    if len(pool) <= limit:
        return pool
    step = len(pool) / limit
    return [pool[int(i * step)] for i in range(limit)]


def _fill(shapes: Iterable[str], **slots: list[str]) -> Iterator[str]:
    """Every shape with every combination of the slots it names."""
    for shape in shapes:
        names = [n for n in slots if "{" + n + "}" in shape]
        for combo in itertools.product(*(slots[n] for n in names)):
            yield shape.format(**dict(zip(names, combo, strict=True)))


# --- C7 testimonial -------------------------------------------------------------------
WHO = ["我妈", "我老公", "隔壁王阿姨", "我闺蜜", "客户张姐", "一位宝妈", "我同事", "我婆婆",
       "群里一个姐妹", "老顾客刘叔", "我家孩子", "我表姐", "我家老爷子", "楼下张奶奶", "我大姨",
       "学员小陈", "我嫂子", "店里一位会员"]
USED = ["喝了", "吃了", "用了", "贴了", "敷了", "泡了", "坚持喝了", "连着吃了", "服用了", "抹了",
        "喝上", "试了"]
SPAN = ["两个月", "半年", "三盒", "十来天", "一个疗程", "二十多天", "小半年", "两瓶", "三个疗程"]
CURED = ["老胃病好了", "血糖正常了", "腰不疼了", "斑全没了", "头发长出来了", "一觉睡到天亮",
         "多年的便秘没了", "膝盖不响了", "湿疹再没犯过", "尿酸降下来了", "结节小了一半",
         "血压稳在一百二了", "脂肪肝没了", "白头发变黑了", "三十年的鼻炎好了", "体检全正常",
         "耳鸣消失了", "痘痘全消了", "老寒腿好利索了"]
TESTIMONY_SHAPES = [
    "{who}{used}{span}，{cured}。",
    "{who}说{used}{span}就{cured}。",
    "{who}{used}{span}以后，{cured}。",
    "自从{who}{used}这个，{cured}。",
    "{who}{used}{span}，现在{cured}。",
    "{who}反馈：{used}{span}，{cured}！",
    "我给{who}买了{dose}，{cured}。",
]
DOSE = ["三盒", "两瓶", "五袋", "一个疗程"]
ENDORSER = ["三甲医院的专家", "皮肤科主任", "好几位明星", "健身博主", "老中医", "营养师们",
            "协和的教授", "很多医生"]
ENDORSES = ["都在用", "强烈推荐", "亲自代言", "自己家里常备", "都说好", "一致认可", "私下都在吃",
            "点名推荐", "都夸管用"]
REGIONAL_TESTIMONY = [
    "我阿妈食咗三盒，腰骨痛好返晒。",
    "我老豆饮咗一個月，血壓冇再高過。",
    "我媽喝了兩個月，胃病全好了。",
    "客戶陳姐說，敷了兩週，痘印全消了。",
]


def story_claims() -> list[str]:
    stories = _fill(TESTIMONY_SHAPES, who=WHO, used=USED, span=SPAN, cured=CURED, dose=DOSE)
    endorse = [
        f"{who}{what}这款鱼油。" if what in {"强烈推荐", "亲自代言"} else f"这款鱼油{who}{what}。"
        for who, what in itertools.product(ENDORSER, ENDORSES)
    ]
    return [*_spread(stories, 200), *endorse, *REGIONAL_TESTIMONY]


def story_non_claims() -> list[str]:
    shapes = [
        "{who}{used}{span}，一点效果都没有。",
        "有人说{who}{used}{span}就{cured}，这种说法没有证据。",
        "{who}{used}{span}，{cured}，但医生说这可能与饮食调整有关。",
        "{who}{used}{span}后{cured}吗？",
    ]
    return [
        *_spread(_fill(shapes, who=WHO[:6], used=USED[:4], span=SPAN[:3], cured=CURED[:5]), 60),
        "医生建议每天快走半小时。",
        "指南推荐首选生活方式干预。",
        "请按医生推荐的剂量服用。",
        "明星同款不代表适合你。",
        "医生都说好好休息最重要。",
        "我给我妈买了三盒，吃完一点效果都没有。",
        "营养师们都说好的饮食习惯比补剂更重要。",
    ]


# --- C8 disparaging comparison -------------------------------------------------------------
PRODUCT = ["这款茶", "我们的理疗", "这个膏药", "这套疗法", "这款贴", "这款鱼油", "艾灸"]
RIVAL = ["降压药", "手术", "西药", "打针输液", "激素", "医院开的药", "止痛药", "胰岛素", "安眠药",
         "他汀", "抗生素", "进口药"]
BETTER = ["还管用", "更有效", "强多了", "好得多", "更安全", "还见效快", "还灵", "强百倍",
          "好使多了"]
COMPARISON_SHAPES = [
    "{product}比{rival}{better}。",
    "用{product}，效果比{rival}{better}。",
    "{rival}治标不治本，{product}才能去根。",
    "有了{product}，再也不用{rival}了。",
    "{rival}越吃越依赖，{product}不伤身。",
    "{product}效果不输{rival}。",
    "{product}完全可以代替{rival}。",
    "{product}堪比{rival}。",
    "{rival}只能缓解，{product}能根治。",
    "{product}的效果是{rival}的三倍。",
    "{product}，{rival}做不到的它能做到。",
]


def comparison_claims() -> list[str]:
    return [
        *_spread(_fill(COMPARISON_SHAPES, product=PRODUCT, rival=RIVAL, better=BETTER), 160),
        "别的医院治不好的，我们这里都能治。",
        "醫院只會叫你食藥，根本治唔好。",
        "一盒抵得上三个疗程的针灸。",
        "效果甩同类产品好几条街。",
    ]


def comparison_non_claims() -> list[str]:
    shapes = [
        "{rival}并不比其他方法{better}，要听医生的。",
        "{product}能代替{rival}吗？不能。",
        "不要指望{product}比{rival}{better}。",
    ]
    return [
        *_spread(_fill(shapes, product=PRODUCT[:3], rival=RIVAL, better=BETTER[:3]), 40),
        "饭后吃药比空腹吃对胃的刺激小。",
        "与其盲目吃保健品，不如规律作息、均衡饮食。",
        "手术效果更确切，建议就医评估。",
        "现在睡得比以前好多了。",
        "与安慰剂相比，该药能降低卒中风险（见参考文献[3]）。",
        "长期大量吃止痛药会伤肝伤肾，要按说明书服用。",
        "饮食调整不能代替降压药。",
        "鱼油能代替他汀吗？",
        "病情稳定后，医生可能会用口服药替代胰岛素。",
        "网上说某款茶堪比降压药，这是虚假宣传。",
        "保健品不能替代药物，更不能替代手术。",
    ]


# --- C9 fear appeal ----------------------------------------------------------------------
DELAY = ["再不治", "再拖下去", "现在不调理", "放着不管", "再不重视", "拖着不治", "再不补钙",
         "不及时干预", "现在不抗衰", "结节不处理", "再不减肥", "血管堵了不疏通"]
DOOM = ["迟早会癌变", "就会瘫痪", "早晚拖成尿毒症", "就等着截肢吧", "后悔一辈子", "到时候就晚了",
        "早晚得中风", "随时可能猝死", "就会失明", "脸就彻底垮了", "等着坐轮椅吧", "分分钟心梗",
        "很快就会变成肝癌"]
FLAW = ["个子矮", "脸上有斑", "长得胖", "发际线高", "牙不白", "皮肤黑", "有双下巴", "满脸皱纹"]
WORTH = ["处处吃亏", "找不到对象", "老公都嫌弃", "找工作都被歧视", "没人多看你一眼",
         "男朋友都不想带你出门", "在职场上永远低人一等", "相亲都没人要"]


def fear_claims() -> list[str]:
    delay = list(_fill(["{delay}，{doom}！", "{delay}的话{doom}。"], delay=DELAY, doom=DOOM))
    looks = list(_fill(["{flaw}的女生{worth}。", "{flaw}，{worth}。", "女人{flaw}，就{worth}。"],
                       flaw=FLAW, worth=WORTH))
    return [
        *_spread(delay, 90) + _spread(looks, 60),
        "唔趁早調理，遲早中風。",
        "下一个中风的就是你。",
    ]


def fear_non_claims() -> list[str]:
    return [
        "如果胸闷持续半小时以上，可能是心梗，应马上去急诊。",
        "高血压控制不好，可能导致中风，一定要按时服药。",
        "出现口角歪斜要赶紧拨打120。",
        "肥胖会增加糖尿病的风险，建议控制体重。",
        "糖尿病足严重时可能需要截肢，所以要每天检查双脚。",
        "个子矮不会影响一个人的价值。",
        "长得胖不等于不健康，也别为外貌焦虑。",
        "有人说再不治就会癌变，其实大多数息肉是良性的。",
        "胃息肉拖下去会不会癌变？要看病理类型。",
        "乙肝不治疗，部分患者可能发展为肝硬化。",
        "高血压不治疗，会增加中风的风险。",
        "血糖不控制好，并发症的风险会升高。",
        "不重视口腔卫生的话，可能会得牙周炎。",
    ]


# --- C10 natural hence safe ----------------------------------------------------------------
NATURAL = ["纯天然", "草本配方", "植物提取", "纯中药", "天然成分", "药食同源", "純天然萃取",
           "野生草本", "纯植物萃取", "食品级原料", "古法熬制", "零添加", "有机草本"]
SAFE = ["无副作用", "安全无害", "孕妇也能放心吃", "可以长期吃", "宝宝也能用", "没有任何刺激",
        "吃多了也没事", "不伤肝不伤肾", "零副作用", "毫无副作用", "不上瘾无依赖", "吃一辈子都没事",
        "敏感肌也不怕", "绝对安全"]


def natural_claims() -> list[str]:
    shapes = ["{nat}，{safe}。", "本品{nat}，{safe}。", "因为是{nat}的，所以{safe}。"]
    return _spread(_fill(shapes, nat=NATURAL, safe=SAFE), 90)


def natural_non_claims() -> list[str]:
    shapes = ["{nat}不等于{safe}。", "{nat}也可能引起过敏，并非{safe}。"]
    return [
        *_spread(_fill(shapes, nat=NATURAL[:5], safe=SAFE[:4]), 24),
        "透明质酸是人体天然存在的成分。",
        "中药也有副作用，不能长期乱吃。",
        "天然的东西吃多了也可能伤肝。",
        "纯天然的东西就一定安全吗？未必。",
    ]


# --- C12 universal suitability --------------------------------------------------------------
EVERYONE = ["男女老少", "老人小孩", "一家老小", "任何体质", "所有人", "孕妇宝宝", "各种体质",
            "全家人", "男女老幼", "任何年龄", "老人孩子孕妇"]
SUITS = ["都能吃", "都适合", "都可以放心用", "都能喝", "都适用", "均可服用", "统统适用",
         "都能放心喝"]


def universal_claims() -> list[str]:
    shapes = ["这款茶{who}{suits}。", "{who}{suits}，不挑人。"]
    return [
        *_spread(_fill(shapes, who=EVERYONE, suits=SUITS), 80),
        "没有任何禁忌，谁都能吃。",
        "上至九十九，下至刚会走，都能喝。",
        "适合所有人群。",
        "家庭必备，老少皆宜。",
        "有病治病，无病强身。",
        "不管什么体质，喝了都见效。",
        "人人都需要补一补。",
        "全家大細都啱用。",
    ]


def universal_non_claims() -> list[str]:
    shapes = ["并不是{who}{suits}。", "不是{who}{suits}，要先问医生。", "这药是不是{who}{suits}？"]
    return [
        *_spread(_fill(shapes, who=EVERYONE[:5], suits=SUITS), 40),
        "老人小孩都容易中暑，要注意补水。",
        "男女老少都可能患上过敏性鼻炎。",
        "散步是老少皆宜的锻炼方式。",
        "每个人的体质不同，用药要因人而异。",
        "上至老人，下至孩子，都可能感染流感。",
        "这种药并非任何年龄均可服用。",
        "儿童、孕妇均不宜服用。",
    ]


# --- C13 non-drug disease claims -----------------------------------------------------------
NONDRUG = ["这款燕窝", "这款苦荞茶", "这个磁疗床垫", "这款面膜", "这款益生菌", "这瓶蜂胶",
           "这款保健枕", "黑芝麻丸", "这款酵素", "这款足贴", "这台理疗仪", "这款牙膏",
           "这款防脱洗发水", "灵芝孢子粉", "这款代餐奶昔"]
DISEASE_CLAIM = ["降血压", "治失眠", "抗癌", "修复胃黏膜", "降血糖", "消除结节", "预防中风",
                 "治好颈椎病", "逆转脂肪肝", "消炎杀菌", "治疗脱发", "治好牙周炎", "根治失眠",
                 "溶解血栓", "杀死幽门螺杆菌", "治愈湿疹", "抑制癌细胞", "逆转糖尿病", "治好痛风"]


def nondrug_claims() -> list[str]:
    shapes = ["{product}能{claim}。", "{product}，帮你{claim}。", "{product}可以有效{claim}。",
              "{product}具有{claim}的功效。", "坚持用{product}，轻松{claim}。",
              "{product}可{claim}。"]
    specific = _fill(["{product}专治失眠。", "{product}对高血压有特效。",
                      "{product}对痛风有很好的治疗效果。"],
                     product=["这款酵素", "这款足贴", "这款牙膏"])
    return [*_spread(_fill(shapes, product=NONDRUG, claim=DISEASE_CLAIM), 140), *specific]


def nondrug_non_claims() -> list[str]:
    shapes = ["{product}不能{claim}。", "{product}能{claim}吗？", "别信{product}能{claim}的宣传。"]
    return [
        *_spread(_fill(shapes, product=NONDRUG[:5], claim=DISEASE_CLAIM[:6]), 45),
        "苦荞茶不能代替降糖药。",
        "按时吃降压药能控制血压。",
        "二甲双胍可以降血糖，要在医生指导下用。",
        "目前没有任何保健品对高血压有特效。",
        "网上说某酵素专治失眠，这是虚假宣传。",
        "益生菌对腹泻有没有效果，要看菌株。",
    ]


# --- C14 unverifiable evidence ----------------------------------------------------------
SOURCE = ["临床证实", "科学证明", "美国最新研究发现", "经多年临床验证", "权威研究表明",
          "科学家已经证实", "医学界公认", "大数据显示", "日本科学家发现", "经三千例临床验证",
          "多项研究证实", "经国家权威机构检测", "国际权威期刊证实", "临床数据显示"]
EFFECT = ["它能软化血管", "这款茶能降血脂", "本品可以逆转衰老", "它对失眠有奇效"]


def evidence_claims() -> list[str]:
    shapes = ["{src}，{effect}。", "{src}：{effect}。"]
    return [
        *_spread(_fill(shapes, src=SOURCE, effect=EFFECT), 80),
        "采用航天级技术。",
        "德国进口专利技术。",
        "诺贝尔奖得主研发。",
        "中科院博士团队历时十年研发。",
        "源自哈佛实验室的黑科技。",
        "这是药厂不想让你知道的秘密。",
        "纳豆激酶被誉为血管清道夫。",
        "獲得國際金獎認證。",
    ]


def evidence_non_claims() -> list[str]:
    return [
        "《柳叶刀》2019年发表的研究显示，吸烟与肺癌密切相关。",
        "目前没有研究证明苦荞茶能降血脂。",
        "这方面的证据仍然有限，还需要更多研究。",
        "所谓“临床证实”的说法没有出处，不可轻信。",
        "有研究发现久坐与腰痛有关。",
        "这个说法有科学依据吗？",
        "临床试验显示，这款疫苗的保护率约为七成（《中华预防医学杂志》）。",
        "这款产品的“临床证实”找不到任何出处，不可轻信。",
    ]


# --- colloquial wordings across C7-C14, outside the slot grids above ---------------------
COLLOQUIAL_CLAIMS = [
    "姐妹们，我真的哭了，用了这个之后我的痘痘全没了！",
    "评论区好多人说有用。",
    "很多顾客吃完都回来买第二次。",
    "一位七十岁的老大爷用了我们的产品，现在能下地干活了。",
    "我坚持喝了三个月，体检报告出来，医生都惊了。",
    "有个客户糖尿病十几年，吃了我们的产品，现在胰岛素都停了。",
    "真实案例：李女士，45岁，吃了两个疗程后结节消失。",
    "亲身经历，这个方子治好了我的失眠。",
    "我本人就是受益者。",
    "閨蜜推薦的，用了一個月，斑真的淡了。",
    "我哋有好多客人食完都話好。",
    "身边好多朋友都在吃。",
    "医院那套根本没用。",
    "吃药只是在压症状。",
    "别再给孩子吃抗生素了，用这个就行。",
    "与其花几万做手术，不如用我们的方法。",
    "比去医院输液好得快。",
    "西药副作用大，中药调理更安全。",
    "不用挨刀，不用吃药，三个月就能好。",
    "医生只会让你吃一辈子药。",
    "效果堪比医美。",
    "你的孩子正在被近视毁掉。",
    "血管里的垃圾一天不清，你就离脑梗近一步。",
    "40岁以后不补，骨头就会像饼干一样脆。",
    "千万别等到中风了才后悔。",
    "胖女孩连爱情都不配拥有。",
    "女人不保养，老公迟早变心。",
    "用的全是天然草药，一点副作用没有。",
    "这是食物不是药，吃多少都没关系。",
    "草本成分温和，长期用也不会有依赖。",
    "纯手工古法制作，无任何添加，放心吃。",
    "天然的才是最安全的。",
    "不管你是什么原因引起的失眠，它都能调理。",
    "三岁孩子到八十岁老人都能吃。",
    "没有任何人群限制。",
    "是个人都适合。",
    "全家都能用的好东西。",
    "每天一杯，血管通畅，远离心梗。",
    "这款牛奶能预防骨质疏松。",
    "这个枕头可以治疗颈椎病。",
    "用了这款洗发水，脱发问题彻底解决。",
    "这款面霜能修复激素脸。",
    "黑枸杞泡水喝，能抗癌。",
    "喝这个茶能把血糖降下来。",
    "国外科学家研究发现，这种成分能杀死癌细胞。",
    "经过上万名用户验证。",
    "专家团队历时8年研发。",
    "已通过FDA认证。",
    "日本厚生省认证。",
    "我阿嫲飲咗半年，而家行樓梯都唔使扶。",
    "呢款茶，醫生都話好。",
    "成個屋企老老嫩嫩都飲得。",
    "西藥食多傷肝傷腎，呢隻純天然冇副作用。",
    "唔趁早處理，遲早爆血管。",
    "呢隻面膜可以醫暗瘡。",
    "經過日本權威機構認證。",
    "小紅書上姐妹們都在安利這款精華，說用完痘印全淡了。",
    "博主實測，連用七天黑頭全沒了。",
    "醫師親自推薦，三甲醫院都在用。",
    "這罐羊奶粉能提升免疫力，孩子再也不感冒。",
    "吃了它，三高全降下來了。",
    "專家團隊歷時十年研發，效果經得起考驗。",
    "健身房白練了，不如喝這個。",
    "打什麼瘦臉針，敷這個就夠了。",
    "這個年紀還不抗衰，等著變黃臉婆吧。",
    "宝妈们闭眼入，娃吃了再也不积食。",
    "这款益生菌能调理过敏体质，告别湿疹。",
    "喝了这个药酒，风湿再也没犯过。",
    "医生朋友私下跟我说，这个比医院开的药好使。",
    "家人们，这款鱼油我家老人吃了大半年，血脂报告一片绿。",
    "直播间好多粉丝反馈，喝完第二天早上排便特别顺。",
    "上周有位大姐来反馈，说用了我们的贴，膝盖积液没了。",
    "咱们这款足贴，连续贴一个月，体内湿气全排出来。",
    "不用开刀不用住院，一周就能走路。",
    "我们诊所的小针刀，比大医院的手术恢复快一倍。",
    "很多人吃了几十年降压药，越吃越多，最后还是中风了。",
    "孩子长不高，将来找对象、找工作都吃亏。",
    "皱纹一多，老公看你的眼神都变了。",
    "这是纯中药配方，不含任何激素，孕妇也可以用。",
    "百分百天然，宝宝误食也不怕。",
    "男女老少皆可饮用，无任何禁忌。",
    "中老年人、三高人群、亚健康人群都适合长期服用。",
    "这款酸奶含有专利益生菌，能治疗胃炎。",
    "这款枕头用了磁疗技术，睡一觉颈椎病就好了。",
    "这个手环能监测并调节血压，戴上就能降压。",
    "研究发现，连续服用本品28天，骨密度提升30%。",
    "台湾大学医学院研究证实，此配方可抑制癌细胞生长。",
    "本品获国家专利，并经权威机构检测认证。",
    "這款保健品經過美國FDA認證，安全有效。",
    "用過的客人都話好，回頭率超高。",
    "隔壁王姨喝了俩月，血糖从十几降到六点多。",
    "我婆婆用了这个泡脚包，多年的失眠好了。",
    "邻居张叔贴了一个疗程，现在能下地干活了。",
    "有位宝妈说，孩子吃了这个益生菌，湿疹再也没犯。",
]
COLLOQUIAL_NON_CLAIMS = [
    "很多人说泡脚有用，其实并没有证据。",
    "不少患者反馈说有效，但还需要更多研究。",
    "高血压患者通常需要终身服药。",
    "抗生素对病毒感染根本没用。",
    "别再给孩子吃抗生素了，感冒多数是病毒引起的。",
    "流感疫苗没有年龄上限，老人也应接种。",
    "这款药并非没有禁忌，孕妇慎用。",
    "是个人都能看出这是骗局。",
    "是人都会老，保持心态最重要。",
    "二甲双胍能把血糖降下来，但要定期复查。",
    "饮食控制能把血糖降下来。",
    "喝茶能把血压降下来吗？",
    "天然的东西放心吃吗？",
    "纯天然的也不能随便吃。",
    "患者需要定期回来复查。",
    "医生治好了我的病，我很感激，但每个人情况不同。",
    "医生说有效的话就继续吃。",
    "每多抽一支烟，肺就多受一分伤害。",
    "药物可以替代手术吗？要看病情。",
    "手术做不到完全根治，术后要定期复查。",
    "医院开的药要按时吃。",
    "不吃药的话血压会慢慢升高，增加中风的风险。",
    "长期熬夜会增加患癌的几率。",
    "目前尚无研究证明这款茶能降血糖。",
    "牛奶能补钙，但不能治疗骨质疏松。",
    "益生菌不能治好便秘，只能辅助改善。",
    "上万名患者参与了这项临床试验（见文末参考文献）。",
    "吃什么药，听医生的就行。",
    "做什么检查，医生会根据情况安排，这个不用担心就行。",
    "鱼油对降低甘油三酯有一定作用，但不能替代他汀。",
    "有些人觉得保健品比药安全，这是误区。",
    "医生建议，高血压患者不要擅自停药。",
    "天然成分也可能引起过敏，用前先在耳后试用。",
    "孕妇用任何药物之前都应咨询医生。",
    "这款奶粉适合1-3岁的幼儿，过敏体质请先咨询医生。",
    "研究发现，每天步行八千步能降低全因死亡风险（《美国医学会杂志》，2020）。",
    "湿疹容易反复，需要长期护理。",
    "我妈吃了降压药以后血压稳了，但医生说仍要定期复查。",
    "孩子长不高的原因很多，要先去医院查骨龄。",
    "很多人擅自停了降压药，最后还是中风了。",
    "他吃了三年降压药，结果还是中风了，医生说是因为没按时复查。",
]


# --- who is speaking and in what setting --------------------------------------------------
# Fresh batches carried the same claims in settings the slot grids above never named: a
# quote signed with a place and a job ("…"——佛山门店会员 黄姐), a name-and-age label or
# table row before the result, a neighbour or a stranger as the user, a clinic's banner,
# and pitches about delay, the wrong clinic, any season or any amount.
SIGNED = ["——佛山门店会员 黄姐", "——退休教师 周女士", "——宝安 林先生", "——夜班护工 梁阿姨"]
QUOTED = ["“泡了四十天，怕冷的毛病好了。”", "“连喝两个月，胃胀再没犯过。”",
          "“贴了一个疗程，腰能直起来了。”"]
LABELLED = ["何姐，47岁：{cured}", "小邓，31岁：{cured}", "| 罗女士，36岁 | {cured} |",
            "| 欧阳伯，70岁 | {cured} |"]
STRANGER = ["一个外卖小哥", "楼上的老哥", "对门嫂子", "一位安娣"]
SETTING_CLAIMS = [
    "去年一对夫妇把绣着字的锦旗送到了主任手里。",
    "不少歌手都是在我们这儿做的牙齿。",
    "试用的人里，十个里有七个说精神好多了。",
    "好些老病号把降糖药都减了。",
    "以前离不开止痛药，现在全停了。",
    "四十五岁还被当成研究生。",
    "终于敢素颜出门了。",
    "别家说要开刀的老人，在我们这里免去了手术。",
    "多拖一天就少一分希望。",
    "不是瘦不下来，是没选对方法。",
    "一年四季都能喝，春夏秋冬不挑时候。",
    "怎么喝都不会上瘾。",
    "常喝这个，病毒都不敢靠近。",
    "排完的病根跟着一起出来了。",
    "头晕是好转反应，歇一歇就过去了。",
    "内置太赫兹芯片，睡觉也在理疗。",
    "出身正骨世家，手法靠得住。",
    "欧美诊所早就在推荐这种灯。",
    "不节食、不运动，照样瘦。",
    "好几位退休的老干部都是我们的老客户。",
    "很多病友吃了我们的药酒，走路都不用拐杖了。",
    "我们店的会员阿芳坚持艾灸两个月，痛经再没找过她。",
    "用户张先生反馈：戴了三周，颈椎不再僵了。",
    "我舅舅喝了半个月，尿酸直接掉到三百多。",
    "跟医院开的那些药比，我们这个副作用小多了。",
    "隔壁老李泡了一个月，血压稳稳当当。",
    "三十岁不抗衰，四十岁就后悔。",
    "别让脸上的斑毁了你的婚姻。",
    "这款负离子梳子天天梳头，白发慢慢变黑。",
    "这款枕头能矫正颈椎曲度，颈椎病不用再吃药。",
    "孩子长期喝这款奶粉，个子蹭蹭长。",
    "该技术已获美国、日本、德国三国专利。",
    "多家电视台专题报道过我们的疗法。",
    "不论男女老少，每天一杯都合适。",
    "再不做干预，孩子以后就是近视眼、驼背、矮个子。",
    "眼袋不除，人人都说你憔悴。",
    "吃了止痛药只是麻痹神经，根本治不了病。",
    "呢隻茶老人細路都啱飲，冇任何副作用。",
    "唔好再食西藥啦，傷肝傷腎，試下我哋嘅湯包。",
    "再唔調理，遲早變成糖尿病。",
    "我媽媽用了三個禮拜，老花眼都不用戴眼鏡了。",
    "這款精華液可以消除黑色素，治療黃褐斑。",
    "经过德国认证，权威机构检测有效。",
    "别的机构收费贵还没效果，我们价格实惠效果好。",
    "年纪轻轻就腰酸背痛，小心年纪大了瘫在床上。",
]


def setting_claims() -> list[str]:
    cured = ["手脚不凉了", "血压稳稳的", "多年的失眠好了", "每天都顺顺畅畅"]
    signed = [q + s for q, s in itertools.product(QUOTED, SIGNED)]
    labelled = [shape.format(cured=c) for shape, c in itertools.product(LABELLED, cured)]
    strangers = [f"{who}用完两瓶，头顶都长满了。" for who in STRANGER]
    return [*signed, *labelled, *strangers, *SETTING_CLAIMS]


def setting_non_claims() -> list[str]:
    return [
        "患者何某，47岁，因反复胸痛入院。",
        "“血压要天天量，药不能自己停。”——心内科医生",
        "| 分销商 | 299元/套 | 起订三套 |",
        "很多人吃了几天觉得胃不疼了就停药，这样容易复发。",
        "我三个月减了六公斤，体脂也降了一点。",
        "越早就医，治疗效果越好。",
        "不是所有甲状腺结节都需要手术。",
        "孕妇也能接种流感疫苗，但要先咨询医生。",
        "出现皮疹不是好转反应，应立即停药就医。",
        "【新品上市】量子能量手环 · 经典款",
        "研究还在进行中，国外医院是否在用尚无定论。",
        "错过接种时间的孩子，可以按补种程序补上。",
        "和其他降压药比起来，这类药咳嗽的副作用更常见。",
        "我舅舅喝了半个月，尿酸一点没降。",
        "艾草贴属于日用品，不能替代药物治疗痛经。",
        "枕头高度合适有助于睡眠，但不能治疗颈椎病。",
        "经三甲医院专家审核，本文内容仅供参考。",
        "天然成分也可能过敏，使用前请做皮试。",
        "不管男女老少，都应该注意饮食均衡。",
        "止痛药只能缓解症状，病因还需要进一步检查。",
        "和手术相比，药物治疗的复发率更高，需要权衡。",
        "她说：“我吃了两个月，没什么效果。”",
        "轻度高血压可以先不用吃药，改善生活方式。",
        "多家媒体报道过此类骗局。",
        "我阿嫲飲咗半年，都係冇乜改善，醫生叫佢繼續覆診。",
        "孕妇使用任何护肤品前，建议咨询医生。",
        "降压药不能自行停用，需遵医嘱调整。",
        "网上说“喝茶能降血压”，这种说法缺乏证据。",
        "糖尿病足要小心，伤口久不愈合请及时就医。",
    ]


# --- open slots: a closed marker and an open filler --------------------------------------
# The family's marker (比…还, 与原研药…一样, 面试/相亲 + a loss, …的多了去了) is closed; the
# filler it governs is any word, so a new adjective or result needs no new entry.
OPEN_PRAISE = ["顶用", "踏实", "补人", "稳当", "养人", "实在", "舒坦", "利索", "给力", "灵光"]
OPEN_RIVAL = ["吃止疼片", "打营养针", "贴膏药", "吃降糖药", "去医院输液", "吃安眠药"]
SOCIAL_FLAW = ["满脸的斑", "一口黄牙", "口气重", "头发稀", "眼袋下垂", "一身狐臭"]
SOCIAL_LOSS = ["面试总被刷", "相亲就没了下文", "谈恋爱都会被拖累", "约会都黄了", "找对象总碰壁"]
MANY_USE = ["靠这个方子把血糖调下来", "喝这茶瘦了十几斤", "在我们这儿调理后怀上", "贴了一个月不疼"]
MANY = ["的多了去了", "的大有人在", "的一抓一大把", "的比比皆是"]


def open_claims() -> list[str]:
    return [
        *(
            f"这个{p}比{r}还{a}。"
            for p, r, a in itertools.product(["护膝", "汤", "茶"], OPEN_RIVAL, OPEN_PRAISE)
        ),
        *(f"{f}，难怪{loss}。" for f, loss in itertools.product(SOCIAL_FLAW, SOCIAL_LOSS)),
        *(u + m + "。" for u, m in itertools.product(MANY_USE, MANY)),
        "这批仿制药跟原研药效果没两样。",
        "药效和进口原厂药一模一样。",
        "那不过是医院的说法，您自己的身体您最清楚。",
    ]


def open_non_claims() -> list[str]:
    return [
        *(
            f"这种药的副作用比{r}还{a}。"
            for r, a in itertools.product(OPEN_RIVAL, ["大", "多", "严重"])
        ),
        "自行停药比吃药还危险。",
        "面试前紧张失眠很常见，可以试试放松训练。",
        "银屑病患者皮肤反复脱屑，社交和工作都会受影响。",
        "得这种病的人多了去了，不用太紧张。",
        "吃药后复发的人大有人在，所以要坚持随访。",
        "进院半年后用量翻番的医院不在少数。",
        "通过一致性评价的仿制药与原研药疗效一致。",
        "仿制药与原研药效果一样吗？",
        "这种药的服用方法比一般药物讲究得多。",
    ]


GRIDS = {
    "testimonial": (story_claims, story_non_claims),
    "comparison": (comparison_claims, comparison_non_claims),
    "fear": (fear_claims, fear_non_claims),
    "natural": (natural_claims, natural_non_claims),
    "universal": (universal_claims, universal_non_claims),
    "nondrug": (nondrug_claims, nondrug_non_claims),
    "evidence": (evidence_claims, evidence_non_claims),
    "colloquial": (lambda: COLLOQUIAL_CLAIMS, lambda: COLLOQUIAL_NON_CLAIMS),
    "setting": (setting_claims, setting_non_claims),
    "open-slots": (open_claims, open_non_claims),
}
RECALL_FLOOR = 0.95


@pytest.fixture(scope="module")
def linter() -> Linter:
    codes = {
        r.code for r in PACK.rules if r.category == "overclaim" and r.kind != "scorer"
    }
    return Linter(PACK, codes)


@pytest.mark.parametrize("family", sorted(GRIDS))
def test_positive_grid_recall(linter: Linter, family: str) -> None:
    claims = GRIDS[family][0]()
    missed = [text for text in claims if not linter.check_text(text, "a.txt")]
    recall = 1 - len(missed) / len(claims)
    assert recall >= RECALL_FLOOR, f"{family}: recall {recall:.2f}; missed e.g. {missed[:8]}"


@pytest.mark.parametrize("family", sorted(GRIDS))
def test_negative_grid_is_silent(linter: Linter, family: str) -> None:
    reported = [
        (text, [(v.rule, v.text) for v in linter.check_text(text, "a.txt")])
        for text in GRIDS[family][1]()
    ]
    assert [r for r in reported if r[1]] == []
