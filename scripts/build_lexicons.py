#!/usr/bin/env python3
"""Derive the medical word lists under rules/lexicons/ from the CMeKG knowledge graph.

Run in a development environment that has ``PyCMeKG`` installed (``pip install
PyCMeKG``; MIT licence; the package ships the graph as ``pyCMeKG/model/cmekg.pkl``, so
nothing is downloaded). The installed medlint never needs PyCMeKG: it reads the plain
text files this script writes.

    .venv/bin/python scripts/build_lexicons.py            # rewrite rules/lexicons/*.txt|tsv
    .venv/bin/python scripts/build_lexicons.py --check    # exit 1 if the files are stale

What is written (one entry per line, sorted, UTF-8):

- ``drugs.txt``: generic names of chemical and biological drugs (salts, ``注射用`` and
  dosage forms stripped), plus brand names of four or more characters and of three
  when they are no everyday word (``rare_brand``);
- ``patent-medicines.txt``: Chinese patent medicines, with and without their dosage form;
- ``vaccines.txt``: vaccines, without the producing cell line in brackets;
- ``health-foods.txt``: products the graph classes as 保健品;
- ``diseases.txt`` and ``symptoms.txt``: disease entities, and the symptoms the graph
  lists for at least two diseases;
- ``materia-medica.txt``: plant, animal and mineral materia medica (饮片) with a
  nature or an indication, and the ingredients (成份) that at least ``INGREDIENT_MIN``
  Chinese patent medicines of the graph list (何首乌, 黄芪, 党参), without excipients
  and chemicals, everyday words (by the frequency of jieba's own dictionary, unless
  ``INGREDIENT_COMMON`` patent medicines list it: 天麻, 红花) and animal parts eaten as
  food (猪肝, 羊肉); medlint counts them when several are listed together as a
  prescription, or when one names a product by its form (黄芪茶, 何首乌丸);
- ``drug-labels.tsv``: ``generic<TAB>class<TAB>keyword、keyword…``: for each generic
  name, its class and the contraindication *keywords* found in its label's 禁忌 field
  (populations and conditions from a fixed vocabulary and the disease list; never the
  label's sentences).

The graph is loaded with an unpickler that refuses every class: only plain dicts,
lists and strings are accepted.
"""

from __future__ import annotations

import argparse
import pickle
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path


def words(text: str) -> list[str]:
    return text.split()


OUT = Path(__file__).resolve().parent.parent / "rules" / "lexicons"

# Dosage forms, longest first: 布洛芬缓释胶囊 -> 布洛芬.
FORMS = sorted(
    words(
        """
        缓释片 控释片 肠溶片 肠溶胶囊 缓释胶囊 控释胶囊 分散片 泡腾片
        咀嚼片 口崩片 口腔崩解片 舌下片 含片 薄膜衣片 糖衣片 双层片
        阴道片 阴道泡腾片 阴道栓 阴道软胶囊 软胶囊 硬胶囊 胶囊 干混悬剂
        混悬液 混悬剂 颗粒剂 颗粒 冲剂 散剂 口服液 口服溶液 口服乳剂
        溶液 糖浆 合剂 酊剂 注射液 注射剂 粉针剂 输液 滴注液
        氯化钠注射液 葡萄糖注射液 乳膏 软膏 眼膏 凝胶 乳胶剂 搽剂 洗剂
        洗液 喷雾剂 气雾剂 吸入气雾剂 粉雾剂 吸入粉雾剂 吸入溶液 吸入剂
        滴眼液 眼用凝胶 滴耳液 滴鼻液 滴鼻剂 鼻喷雾剂 栓剂 栓 贴剂 贴片
        贴膏 透皮贴剂 膜剂 含漱液 漱口液 滴剂 丸 滴丸 水丸 蜜丸 浓缩丸
        片 胶丸 膏 酒 茶 袋泡茶 锭 口服 双释放 微球 乳 肠溶 缓释
        控释 微丸 水 露 膜
        """
    ),
    key=len,
    reverse=True,
)
SALT_PREFIXES = sorted(
    words(
        """
        盐酸 硫酸 磷酸 醋酸 马来酸 富马酸 酒石酸 枸橼酸 苯磺酸 甲磺酸
        琥珀酸 乳酸 氢溴酸 门冬氨酸 精氨酸 赖氨酸 硝酸 苯甲酸 丙酸 戊酸
        丁酸 盐酸左 重酒石酸 右旋 消旋
        """
    ),
    key=len,
    reverse=True,
)
SALT_SUFFIXES = ("钠", "钾", "钙", "镁", "锌", "铝")
# Generic names that are everyday words or nutrients, not treatments to recognise.
COMMON = set(
    words(
    """
    葡萄糖 氯化钠 氯化钾 甘油 乙醇 酒精 氧 氧气 水 注射用水 维生素
    蛋白 氨基酸 脂肪乳 糖 淀粉 蔗糖 乳糖 碳酸氢钠 二氧化碳 氮 钙
    铁 锌 硒 碘 盐 醋
    蜂蜜 牛奶 咖啡因 酒 茶 薄荷 凡士林 石蜡 液状石蜡 明胶 果糖
    木糖醇 山梨醇 甘露醇 羊毛脂 滑石粉 活性炭
    """
)
)
# Contraindication keywords looked for in a label's 禁忌 field (plus the disease list).
LABEL_KEYWORDS = words(
    """
    孕妇 妊娠 哺乳期 哺乳 儿童 新生儿 婴儿 老年人 过敏 过敏体质
    过敏史 肝功能不全 肾功能不全 肝肾功能不全 肝病 肾病 心力衰竭
    心功能不全 心脏病 高血压
    低血压 糖尿病 青光眼 前列腺肥大 前列腺增生 哮喘 溃疡 消化道出血
    出血倾向 出血 血友病 血小板减少 癫痫 重症肌无力 甲状腺功能亢进
    甲亢 低钾血症 高钾血症
    心律失常 房室传导阻滞 心动过缓 休克 昏迷 精神病 抑郁 肠梗阻
    胃肠道梗阻 外感发热 脾胃虚寒 阴虚火旺 月经期 经期 感冒 发热
    妊娠期 驾驶 饮酒 卟啉症
    G6PD缺乏 蚕豆病 结核 感染 骨髓抑制 肿瘤 痛风 高尿酸血症 高钙血症 低血糖 酸中毒 白细胞减少
    """
)

# Fields of a plant, animal or mineral materia medica entry, not a product.
HERB_FIELDS = ("界", "入药部位", "性味", "采收时间", "分布区域")
# A materia medica entry whose name is an everyday word (jieba dictionary frequency)
# or an animal part eaten as food is not kept: 莲子, 红花, 猪肝.
EVERYDAY_FREQUENCY = 450
FOOD_PART = re.compile(r"^[猪牛羊鸡鸭鹅狗兔驴马鱼][肉肝肾肺血蛋心肚骨皮脑肠脾胆脚蹄髓乳油脂]$")
BRACKETS = re.compile(r"[（(][^（()）]*[)）]")
CJK = re.compile(r"^[\u4e00-\u9fa5]+$")
# Ingredients that are colourants, chemicals, nutrients or plain food (柠檬黄, 聚维酮,
# 扑热息痛, 芝麻, 乌鸡, 绿茶), not materia medica.
NOT_HERB = set(
    words(
        """
        亮蓝 尼泊金 欧巴代 柠檬黄 聚维酮 扑热息痛 芬布芬 苯酚 硫脲 氮酮 月桂氮卓酮
        多肽 有多肽 无机盐 胭脂红 苋菜红 微晶纤维 豆磷脂 螃蟹 乌鸡 芝麻 绿茶 芒果核
        白葡萄干 石榴 石榴子 核桃仁 杏仁 板栗壳 冬瓜子 甜瓜子 人发 松塔 柳枝
        """
    )
)
# An ingredient listed by this many patent medicines is a materia medica (饮片) name; by
# INGREDIENT_COMMON, even when it is an everyday word (天麻, 红花, 黄连).
INGREDIENT_MIN = 3
INGREDIENT_COMMON = 100
# An ingredient that is an excipient, a chemical or an extract, not a 饮片: 硬脂酸镁,
# 糊精, 蔗糖粉, 薄荷脑, 甘草浸膏, 黄芩提取物, 羟苯乙酯, 苯甲酸钠, 纯化水, 辅料无.
EXCIPIENT = re.compile(
    r"酸|钠|钾|钙|镁|铝|铁|锌|铵|铋|硅|钛|糖|淀粉|纤维素|糊精|香精|色素|辅料|防腐|赋形|包衣"
    r"|浸膏|提取物|流浸|总皂|总甙|素$|苷$|碱$|醇|胺|酯|[甲乙丙丁]|二|油$|蜡|水$|脑$|剂|片$"
    r"|胶囊|粉$|无$|本品|浓缩|橡胶|香料|茶叶|小麦|绿豆|黑豆|白酒|黄酒|麻油|大豆|玉米|植物"
)


def load_graph() -> dict:
    import pyCMeKG  # development dependency only

    class Plain(pickle.Unpickler):
        def find_class(self, module: str, name: str):
            raise pickle.UnpicklingError(f"refusing {module}.{name}")

    path = Path(pyCMeKG.__file__).parent / "model" / "cmekg.pkl"
    with path.open("rb") as handle:
        return Plain(handle).load()


def graph_version() -> str:
    from importlib.metadata import version

    return version("PyCMeKG")


def strip_form(name: str) -> str:
    name = BRACKETS.sub("", name).strip()
    name = name.removeprefix("注射用")
    for _ in range(2):
        for form in FORMS:
            if name.endswith(form) and len(name) - len(form) >= 2:
                name = name[: -len(form)]
                break
    return name


def generic_name(name: str) -> str:
    """A product's generic name: no brackets, 注射用, salt or dosage form."""
    name = strip_form(name)
    for prefix in SALT_PREFIXES:
        if name.startswith(prefix) and len(name) - len(prefix) >= 2:
            name = name[len(prefix) :]
            break
    if name.endswith(SALT_SUFFIXES) and len(name) >= 4 and not name.endswith("酸钙"):
        name = name[:-1]
    return name


# An English product name in pharmacopoeial form (Morphine Hydrochloride Tablets), not
# pinyin (Yangwei Keli): the product is a chemical or biological medicine.
CHEMICAL_FORM = re.compile(
    r"\b(Tablets?|Injection|Capsules?|Cream|Ointment|Solution|Drops|Gel|Granules|Syrup"
    r"|Suspension|Suppositor(y|ies)|Spray|Inhal\w+|for Injection)\b"
)
# Two characters naming only elements or a salt (钠盐, 铝镁, 亚铁): a fragment.
FRAGMENT = re.compile(r"^[钠钾镁铝铋铁钙锌亚盐菌素]+$")
# A combination product: its two-character name is an abbreviation (酚咖, 铝镁), not a name.
COMBINATION = re.compile(r"\b(and|with|Compound|Multi\w*|Vitamins?|Complex|Combination)\b", re.I)
PINYIN_FORM = re.compile(r"\b(Pian|Keli|Wan|Jiaonang|Koufuye|San|Gao|Tangjiang|Heji|Chaji)\b")


def chemical(entry: dict) -> bool:
    english = " ".join(entry.get("英文名", []) + entry.get("英文名称", []))
    return (
        bool(CHEMICAL_FORM.search(english))
        and not PINYIN_FORM.search(english)
        and not COMBINATION.search(english)
        and "功能主治" not in entry
    )


def names_condition(name: str, conditions: set[str]) -> bool:
    """A stripped name that ends with a disease or symptom (口腔溃疡, 复方感冒) names the
    condition, not the product."""
    return any(name[i:] in conditions for i in range(len(name) - 1))


def everyday(name: str) -> bool:
    import jieba  # a medlint dependency

    jieba.initialize()
    return (jieba.get_FREQ(name) or 0) > EVERYDAY_FREQUENCY


# A three-character brand is kept when jieba's dictionary knows it at most RARE_BRAND
# times, holds no word known PART_FREQUENCY times (多达|一, 平安|行), and has at most one
# character of everyday grammar (好得快).
RARE_BRAND = 10
PART_FREQUENCY = 100
FUNCTION_CHARS = set(
    "一不了的得地是在有多好快大小上下来去会能要就也都很还个这那和与或我你他吗呢吧么"
)


def rare_brand(name: str) -> bool:
    import jieba

    jieba.initialize()
    if (jieba.get_FREQ(name) or 0) > RARE_BRAND:
        return False
    if sum(1 for char in name if char in FUNCTION_CHARS) >= 2:
        return False
    parts = jieba.lcut(name, HMM=False)
    return all(len(p) < 2 or (jieba.get_FREQ(p) or 0) < PART_FREQUENCY for p in parts)


def usable(name: str, shortest: int = 2) -> bool:
    return bool(CJK.match(name)) and len(name) >= shortest and name not in COMMON


def classify(graph: dict) -> dict[str, set[str]]:
    lists: dict[str, set[str]] = defaultdict(set)
    labels: dict[str, tuple[str, set[str]]] = {}
    disease_names = {
        k for k, v in graph.items() if "ICD10" in v or "常见症状" in v or "就诊科室" in v
    }
    keyword_vocab = sorted(
        set(LABEL_KEYWORDS) | {d for d in disease_names if 2 <= len(d) <= 8 and CJK.match(d)},
        key=len,
        reverse=True,
    )
    symptoms: Counter[str] = Counter()
    herbs: set[str] = set()
    ingredients: Counter[str] = Counter()
    conditions = {
        s for k in disease_names for s in [k, *graph[k].get("常见症状", [])] if CJK.match(s)
    } | set(LABEL_KEYWORDS)
    # TCM actions and classes (清热解毒, 益气活血) are what a medicine does, not its name
    conditions |= {
        phrase
        for entry in graph.values()
        for field in ("功效", "功能主治", "分类", "功用", "用途分类")
        for value in entry.get(field, [])
        for phrase in re.split(r"[，,、；;。 ]", value)
        if CJK.match(phrase)
    }
    for key, entry in graph.items():
        classes = entry.get("分类", [])
        is_drug = any(f in entry for f in ("成份", "适应症", "功能主治", "用法用量", "通用名"))
        if key in disease_names and not is_drug:
            if usable(key, 3) or (usable(key) and "ICD10" in entry):
                lists["diseases"].add(key)
            for symptom in set(entry.get("常见症状", [])):
                symptoms[symptom] += 1
            continue
        if any(f in entry for f in HERB_FIELDS):
            if any(f in entry for f in ("性味", "主治", "功效", "功能主治", "用法用量")):
                herbs.add(BRACKETS.sub("", key).strip())
            continue
        if not is_drug:
            continue
        if "疫苗" in key or any("疫苗" in c for c in classes):
            name = BRACKETS.sub("", key).removesuffix("说明书").strip()
            if usable(name, 3) and "疫苗" in name:
                lists["vaccines"].add(name)
            continue
        if "保健品" in classes:
            if usable(key, 3):
                lists["health-foods"].add(key)
            continue
        if "中成药" in classes or "功能主治" in entry:
            ingredients.update({BRACKETS.sub("", i).strip() for i in entry.get("成份", [])})
            name = BRACKETS.sub("", key).strip()
            if usable(name, 3):
                lists["patent-medicines"].add(name)
                base = strip_form(name)
                if usable(base, 4) and base not in conditions and not names_condition(
                    base, conditions
                ):
                    lists["patent-medicines"].add(base)
            continue
        generics = {generic_name(g) for g in entry.get("通用名", [])} or {generic_name(key)}
        for generic in generics:
            # two characters are too often a fragment (丁硼, 养胃) or an everyday word: a
            # two-character name counts only for a chemical product (吗啡片, 顺铂注射液)
            shortest = 2 if chemical(entry) else 3
            if not usable(generic, shortest) or (generic.startswith("复方") and len(generic) < 5):
                continue
            if len(generic) == 2 and (
                names_condition(generic, conditions) or FRAGMENT.match(generic)
            ):
                continue
            lists["drugs"].add(generic)
            notes = [n for n in entry.get("注意事项", []) if re.search("禁|忌|慎", n)]
            text = "；".join(entry.get("禁忌", []) + notes)
            found: list[str] = []
            for word in keyword_vocab:
                if word in text and not any(word in f for f in found):
                    found.append(word)
            klass = next((c for c in classes if CJK.match(c.replace("/", ""))), "")
            old_class, old_words = labels.get(generic, ("", set()))
            labels[generic] = (old_class or klass, old_words | set(found))
        for brand in entry.get("商品名", []):
            brand = BRACKETS.sub("", brand).strip()
            # short brands are too often everyday phrases (好得快): a three-character
            # brand counts only when it is no everyday word and holds none (吗丁啉, 思密达;
            # not 多达一, 平安行); two characters are never enough
            if (
                usable(brand, 3)
                and (len(brand) >= 4 or rare_brand(brand))
                and not names_condition(brand, conditions)
            ):
                lists["drugs"].add(brand)
    lists["symptoms"] = {
        s for s, n in symptoms.items() if n >= 2 and usable(s, 2) and len(s) <= 6
    }
    herbs |= {
        name
        for name, count in ingredients.items()
        if count >= INGREDIENT_MIN
        and usable(name)
        and not EXCIPIENT.search(name)
        and name not in NOT_HERB
        and (count >= INGREDIENT_COMMON or not everyday(name))
    } - lists["drugs"]
    lists["materia-medica"] = {
        h
        for h in herbs
        if usable(h)
        and len(h) <= 5
        and not FOOD_PART.match(h)
        and (not everyday(h) or ingredients[h] >= INGREDIENT_COMMON)
    } - lists["diseases"] - lists["symptoms"]
    # a disease or symptom is not a drug; a drug name inside another list stays a drug
    lists["drugs"] -= lists["diseases"] | lists["symptoms"]
    rows = {
        f"{g}\t{c}\t{'、'.join(sorted(k for k in w if not any(k != o and k in o for o in w)))}"
        for g, (c, w) in labels.items()
        if g in lists["drugs"]
    }
    lists["drug-labels"] = rows
    return lists


def render(lists: dict[str, set[str]]) -> dict[str, str]:
    files = {}
    for name, words in lists.items():
        suffix = "tsv" if name == "drug-labels" else "txt"
        files[f"{name}.{suffix}"] = "".join(f"{w}\n" for w in sorted(words))
    return files


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only compare, write nothing")
    args = parser.parse_args()
    files = render(classify(load_graph()))
    stale = [n for n, t in files.items() if not (OUT / n).is_file() or (OUT / n).read_text(
        encoding="utf-8") != t]
    if args.check:
        for name in stale:
            print(f"stale: rules/lexicons/{name}")
        return 1 if stale else 0
    OUT.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (OUT / name).write_text(text, encoding="utf-8")
        print(f"rules/lexicons/{name}: {text.count(chr(10))} entries (PyCMeKG {graph_version()})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
