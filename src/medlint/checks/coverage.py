"""``coverage``: a presented treatment needs contraindications, and its topic's key items."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

from ..lazy_regex import LazyRegex
from .base import Article, Check, Finding, Presentation
from .patterns import Patterns

if TYPE_CHECKING:
    from ..rules.models import CoverageRule

# Herbs listed as a prescription: at least this many known ones, each from the next at
# most a dose, a separator and two other short items apart (川楝子、白芍10克、泽泻;
# 玉米须一把，金钱草30克; 当归、某某、三七).
FORMULA_SIZE = 3
# A herb named alone needs this many characters: a two-character herb (防风, 独活, 远志)
# is too often an everyday word to name a treatment by itself.
MIN_HERB = 3
# Separators of a list of ingredients or herbs.
_LISTED = ("、", "和", "及", "与", "/")
_DOSE = (
    r"\s*[0-9.一二两三四五六七八九十半几各]*\s*"
    r"(克|g|钱|两|片|个|枚|把|根|朵|只|条|颗|少许|适量)?"
)
_SEPARATOR = r"\s*[、，,；;和及与\s]\s*"
_FORMULA_GAP = LazyRegex(
    rf"[\u4e00-\u9fa5]?{_DOSE}{_SEPARATOR}([\u4e00-\u9fa5]{{1,4}}{_DOSE}{_SEPARATOR}){{0,2}}"
)

# Forms nobody eats: a food herb in one names a product (决明子枕, 艾草香囊).
_NON_FOOD_FORMS = ("枕", "枕头", "香囊", "药包")

# A price in a sentence: 39元, ¥59, 59块一盒.
_PRICE = LazyRegex(r"[0-9]+(\.[0-9]+)?\s*(元|块钱?)|[¥￥]\s*[0-9]")

# Herbs listed as what a product contains, not as a prescription: 生姜、侧柏叶等植物精华,
# 人参、灵芝提取物, 当归、川芎等成分.
_INGREDIENTS = LazyRegex(
    r"\s*(等|多种|多味)?[\u4e00-\u9fa5]{0,4}?(精华|提取物|萃取|精粹|成分|成份|原料)"
)


# A contraindication statement that leaves who may use the treatment to a doctor's
# assessment (以下情况不宜做，或需由医生评估后决定; 能否使用须经医生评估): the key items
# the page leaves out are the doctor's to check. (A raw pattern: it reads a statement's
# shape, not a word class.)
_DELEGATED = LazyRegex(
    r"(由|经|请|需|须|要|应)[^。；;，,]{0,4}(医生|医师|麻醉师|药师)[^。；;，,]{0,4}评估"
    r"[^。；;，,]{0,3}(后决定|后再决定|决定|是否|能否|再定|适合)"
    # or whether it may be used, given to a doctor to judge (是否使用需由医生判断)
    r"|(是否|能否|可否|能不能|要不要)(使用|用药|服用|用|吃|做|接种|注射|手术|治疗)"
    r"[^。；;]{0,6}(需|须|要|应|请|由)[^。；;]{0,4}(医生|医师|药师)[^。；;]{0,3}(判断|决定|评估)"
    # or the doctor's finding made the last word on it (能否做以医生评估意见为准, 适不适合
    # 做以医师检查结果为准)
    r"|(是否|能否|可否|能不能|适不适合|适合与否)[^。；;，,]{0,8}以[^。；;，,]{0,4}(医生|医师)"
    r"[^。；;，,]{0,6}(评估|判断|诊断|检查|意见)(结果|意见)?为准"
)

# Contraindication language counts when its sentence names whom or what it concerns (a
# population, a condition, a label term: 孕妇禁用, 过敏者慎用, 以下情况不宜) or leads a
# list; a bare 千万别碰, 不建议你先吃药 or 先别碰海鲜 names no one, and a question (孩子能
# 不能吃) rules no one out. (Raw patterns: they read a statement's shape, not a word class.)
_WHO = LazyRegex(
    r"禁忌|禁用|慎用|忌用|忌服|禁服|慎服|者|人|孕|哺乳|儿|婴|宝宝|孩子|老|体质|过敏|以下|下列"
    r"|这几|几类|哪些|情况|病|症|炎|史|不全|倾向|岁|期|顾客|客人|女性|妇女|的朋友|嘅朋友"
    r"|唔(适合|適合|建议|建議|可以|宜|啱)"
    # a site it must not go on (皮肤破溃、渗液的部位不宜使用)
    r"|部位|破溃|破损|伤口|溃烂|渗液"
    # an organ or a measure that is unwell (心脏不好的、血压高的)
    r"|(心脏|血压|血糖|肝|肾|凝血|甲状腺)(不好|功能|偏高|偏低|高|低|异常|有问题|不稳)|起搏器|支架"
    # those already on another drug (正在吃抗凝药的)
    r"|(正在|还在|长期)(吃|服|用|使用|打)"
    # a group named by what it has, then a comma (有胃溃疡的，…; 有出血倾向的，…)
    r"|有[^。；;，,]{1,8}的[，,]"
)
_ASKED = LazyRegex(r"(能|可|要|会|用|吃|适合)不\1|可否|能否")
# A question put in a conversation (有没有人不适合喝呢？, 孕妇可以用吗？): its contraindication
# words are asked, not stated.
_ASKED_ALOUD = LazyRegex(r"(有没有|有冇|吗|嗎|呢|咩|么)[^。！!；;\n]{0,3}[？?]\s*$")
# a question answered no inside the match (孕妇能吃吗？不能。)
_ANSWERED_NO = LazyRegex(r"[？?][^。]*(不|别|勿|唔|冇|禁|慎|避免)")
_ASKED_WHO = LazyRegex(r"哪些|哪几|哪类|哪种|什么人|什么样的人|谁|边啲|邊啲")
# A question that asks why (为什么不建议长期吃药？): it argues for one option over another;
# unless it names whom it concerns (为什么孕妇不能吃？), it rules no one out.
_WHY = LazyRegex(r"为什么|为何|为啥|點解|点解")
_WHY_WHO = LazyRegex(r"者|人|孕|哺乳|儿|婴|宝宝|孩子|老年|体质|过敏|病|症|史|不全|岁")


# A use verb inside a generic match ends what leads the name; the name keeps at least
# this many characters after it.
MIN_NAME = 3
# The opening a publisher's name and a headline fit in.
OPENING = 80
_VERBS = frozenset("做用吃喝打涂贴穿戴服含喷抹擦泡买冲敷喂拿滴闻嗅坐躺进")
# A count and its unit before a name (两盒|健胃消食片, 一瓶|藿香正气水).
_COUNT = LazyRegex(r"[一二两三四五六七八九十半几0-9]+[片粒袋盒瓶支贴张包颗丸勺罐副套层次]")


# An offence or a rumour inside a generic match (某机构违规开展埋线, 网传磁疗护腰…): what
# follows is reported, not offered.
_OFFENCE = LazyRegex(
    r"违规|违法|非法|无证|擅自|涉嫌|黑诊所|被查|网传|传言|谣传|宣称|号称|声称|据说|所谓"
)


# A generic match that opens with a denial (没有哪种保健品, 并无任何补充剂) names nothing.
_DENIED = LazyRegex(r"(没有|没|无|并无|并没有|并非|不是|从来没有)(哪|任何|一)")


# A title that reports a case (a court's sentence, a regulator's notice): the treatments it
# names were sold or done unlawfully, the report offers none.
_REPORTED_CASE = LazyRegex(
    r"获刑|被判|判处|宣判|判决|审结|公诉|被告|法院|检察院|通报|抽检|检出|查处|立案|被罚|罚款"
    r"|责令|非法添加|非法行医"
    # (a regulator's decision on an unlawful advert: 行政处罚决定书, …违法广告案; or its
    # campaign against unlawful practice: 关于开展非法医疗美容专项整治的通告)
    r"|行政处罚|处罚决定|违法广告|虚假广告案|违法案|专项整治|非法医疗美容|非法医美"
    # (a regulator's seizure or its warning to consumers: 查获假冒…, …的消费警示; or an
    # exposé of products that hide a drug: 某某胶囊里藏着处方药, 偷加西药)
    r"|查获|查獲|假冒|消费警示|消費警示|消费提示|消費提示"
    r"|藏着?(处方药|西药|激素|违禁)|藏有(处方药|西药|激素)|偷(偷)?(加|添加|掺)"
    r"|掺(了|入|杂)(西药|处方药|激素)|非法掺"
)
# A title that names a story (a chapter, a script): its characters take or stop a drug, the
# writer offers none, unless the story places a product (植入, 赞助) or sells it.
_FICTION = LazyRegex(
    r"第[一二三四五六七八九十百千0-9]+(章|集|回|场|幕|话)|短剧|剧本|小说|番外"
)
# placed: named in so many words, or a brand in quotation marks on a product or a shop
# (“某某”颗粒, 「某某」视光中心, “某某排石颗粒”)
_PLACED = LazyRegex(
    r"植入|赞助|冠名|广告|同款"
    r"|[\"“「『][^\"”」』\n]{2,12}[\"”」』][\u4e00-\u9fa5]{0,6}?(颗粒|胶囊|口服液|丸|膏|茶|液|霜|贴|片"
    r"|镜|仪|中心|诊所|门诊|药房|药店|医院|机构|店|馆)"
    r"|[\"“「『][^\"”」』\n]{1,10}(颗粒|胶囊|口服液|丸|膏|茶|液|霜|贴|片|仪)[\"”」』]"
)
# A title that recruits for a clinical study, or one that checks a claim: the study's
# criteria and the check's account of standard care name treatments without the label's
# key items (the criteria are the study's own).
_STUDY_OR_CHECK = LazyRegex(
    r"(受试者|志愿者|病友|患者)招募|招募(受试者|志愿者|病友|患者)|临床(试验|研究)[^\n]{0,10}招募"
    r"|辟谣|谣言|真相|较真|事实核查|查证"
)

# A title that reports the writer's own use (用了半年, 吃了三个月, 亲测, 使用心得): a user's
# account names who it did not suit, the label's key items are the maker's to give. (A page
# that sells is no such account.)
_USER_REPORT = LazyRegex(
    r"(用|吃|喝|打|做|涂|戴|敷|贴|服)了(半|一|两|三|四|五|六|七|八|九|十|几|[0-9])"
    r"[0-9十]*(个)?(多)?(天|周|星期|礼拜|月|年|次|疗程|盒|瓶)"
    r"|亲测|测评|评测|实测|真实感受|使用感受|使用心得|用后感|体验记录|真实体验"
    # (a log over a stretch of time after it: 打瘦脸针一个月的记录, 戴牙套半年日记)
    r"|[0-9一二两三四五六七八九十半几]+个?多?(天|周|星期|礼拜|月|年)的?(记录|日记|变化记录)"
)

# An opening that hands over a treatment a doctor has already prescribed or booked for the
# reader (a pharmacy's 取药须知, 您已成功预约…胃镜检查): the key items were the prescriber's to
# check; the page still says who must not use it. A discharge list (出院带药) is not such an
# opening: the reader starts those drugs at home, and each needs its own statement.
_PRESCRIBED = LazyRegex(
    r"取药须知|取藥須知|领药须知|領藥須知|用药交代|用藥交代"
    r"|(您|你)(已|已经|已經)(成功)?(预约|預約)|(预约|預約)成功|已为您预约|已為您預約"
)

# A title that heads the aftercare of a procedure already done (拔牙术后注意事项, 某某注射后
# 护理须知): who may have it was settled before it was done, so the topic's key items are not
# asked of the sheet; it still says who must not use what it gives (a painkiller, a cream).
_AFTERCARE_TITLE = LazyRegex(
    r"\s*(术|手术|治疗|操作|注射|打针|接种)?(后|以后|之后|後)的?\s*"
    r"(注意事项|注意事項|须知|須知|护理|護理|医嘱|醫囑|康复指导|出院指导|回家须知|指导)"
)

# A dose or a regimen right after a name (某药100mg每日一次, 每天两次, 一日三片): the
# treatment is given, not only named.
_DOSED = LazyRegex(
    r"[0-9][0-9.]*\s*(mg|毫克|微克|μg|iu|国际单位|单位|ml|毫升|片|粒|袋|支|丸)"
    r"|(每|一)(日|天|晚)[^，,。；;]{0,2}(一|两|二|三|四|[1-4])\s*(次|片|粒|袋|支)"
)
DOSE_REACH = 20

# A title about an animal's care (狗狗绝育术后, 猫咪驱虫, 宠物医院医嘱): the key items are a
# human label's; a statement on who among the animals must not have it covers the drug.
_ANIMAL = LazyRegex(
    r"宠物|兽医|狗狗|猫咪|小狗|小猫|幼犬|老年犬|成犬|幼猫|犬猫|猫狗|毛孩子|爱犬|爱猫|铲屎官"
)

# A title about infants or children (宝宝要不要补…, 婴儿…, 孩子…): an adult's key item
# (``adults_only``) is not theirs.
_CHILDREN = LazyRegex(r"宝宝|婴儿|婴幼儿|新生儿|早产儿|幼儿|儿童|孩子|小孩|小朋友|宝贝|bb|啤啤")
# A page that declares its product a health food (本品为保健食品, a title's （保健食品）): the
# label it must follow lists its own unsuitable groups, not a drug label's (``drug_label``).
_HEALTH_FOOD = LazyRegex(
    r"(本品|本产品|该产品|此产品|产品类别)\s*[:：]?\s*(为|是|属于|属|系)?\s*保健食品(?![^，。,\n]{0,6}吗)"
    r"|[（(【]\s*保健食品\s*[)）】]"
)

# A clinic's own prescription told in the first person (我们用的是抗生素加激素, 我这儿一般给
# 你开消炎药): a class word it names is offered, as a title's subject is.
_PROVIDER_USE = LazyRegex(
    r"(我们|我这儿?|我这里|我们这儿?|我们这里|本院|本诊所|本门诊|本店|俺们)"
    r"(诊所|门诊|医院|这儿|这里)?(一般|通常|都|就|会)?"
    r"(用的是|用的都是|用的就是|开的是|开的都是|上的是|输的是|打的是|给你用|给您用|给你开|给您开"
    r"|给你上|给您上|给你输|给您输|会用|会开)[^。！？!?；;]{0,6}$"
)


def _stopped_after(article: Article, end: int) -> bool:
    """The clause after a class word the title names combines, counts or stops it
    (``non_uses_after``: 手术前，保健品也要停？)."""
    if article.non_uses_after is None:
        return False
    last = article.structure.sentence_at(end)[1]
    clause = re.compile(r"[，,。；;！？!?\n]").search(article.text, end, last)
    return article.non_uses_after.search(
        article.text, end, clause.start() if clause else last
    ) is not None


def _opening(article: Article) -> int:
    """The end of the title, or of the first two lines where a plain text opens with its
    publisher's name above the headline."""
    text = article.text
    end = article.title_end()
    second = text.find("\n", text.find("\n", 0, OPENING) + 1, OPENING)
    return max(end, second if second > 0 else 0)


# Nouns that end in a use verb's character (脉冲射频, 衣服): no use verb.
_NOT_VERBS = frozenset(
    {"脉冲", "缓冲", "对冲", "衣服", "克服", "作用", "费用", "水泡", "气泡", "体贴", "包含"}
)


# A brand in quotation marks right before a recognised product ("某某"草本颗粒, 「某某」
# 口服液): the article may go on to call the product by the brand alone (某某一个疗程1580元).
_BRAND = LazyRegex(r"[\"“「『]([\u4e00-\u9fa5A-Za-z0-9]{2,10})[\"”」』]的?")
# The brand stands that close before the product's name (a descriptor between: 草本, 牌).
BRAND_GAP = 4


def _brands(text: str, products: list[tuple[int, int]]) -> set[str]:
    """The brands quoted right before (or at the start of) a recognised product."""
    starts = sorted(a for a, _ in products)
    brands = set()
    for match in _BRAND.finditer(text):
        at = next((a for a in starts if match.start() <= a <= match.end() + BRAND_GAP), None)
        if at is not None and not re.search(r"[，,。；;！!？?\s]", text[match.end() : at]):
            brands.add(match.group(1))
    return brands


def _is_use(word: str, uses: frozenset[str]) -> bool:
    """A use verb (冲, 敷), or a short word jieba kept whole that ends in one (都在喝, 天天吃)."""
    if word in _NOT_VERBS:
        return False
    return word in uses or word in _VERBS or (1 < len(word) <= 3 and word[-1] in _VERBS)


class CoverageCheck(Check):
    rule: CoverageRule

    def __init__(
        self, rule: CoverageRule, lexicons: Mapping[str, list[str]] | None = None
    ) -> None:
        super().__init__(rule)
        herbs = [w for name in rule.formulas for w in (lexicons or {}).get(name, [])]
        self.herbs = Patterns(herbs)
        self.foods = frozenset(
            w for name in rule.food_herbs for w in (lexicons or {}).get(name, [])
        )
        self.herb_forms = re.compile("|".join(f"(?:{p})" for p in rule.herb_forms)) if (
            rule.herb_forms
        ) else None
        self.sold_foods = Patterns(
            [w for name in rule.sold_foods for w in (lexicons or {}).get(name, [])]
        )
        self.treatments = Patterns(rule.treatments)
        self.subjects = Patterns(rule.subjects)
        self.coverage = Patterns(rule.coverage)
        self.exceptions = Patterns(rule.exceptions)
        self.precautions = Patterns(rule.precautions)
        self._indications: dict[str, Patterns] = {}

    def words(self) -> list[str]:
        return (
            self.treatments.literals
            + self.subjects.literals
            + self.coverage.literals
            + self.exceptions.literals
        )

    def _trim(self, article: Article, start: int, end: int) -> int:
        """Start a generic match at a word: past partial words, use verbs and particles,
        and past the last use verb or 的 inside it (患者做了|经皮肾镜碎石术,
        黄豆大小的|某某凝胶)."""
        start = self._trim_leading(article, start, end)
        last_verb = start
        for word, a, b in article.structure.tokens(start):
            if a < start or b > end - MIN_NAME:
                continue
            if _is_use(word, article.uses_words) or word == "的" or (
                word in article.lexicon.leading and (len(word) > 1 or word in _VERBS)
            ):
                last_verb = b
        if last_verb > start:
            start = self._trim_leading(article, last_verb, end)
        return start

    @staticmethod
    def _trim_leading(article: Article, start: int, end: int) -> int:
        for word, a, b in article.structure.tokens(start):
            if b <= start or a >= end or b >= end:
                continue
            if (
                a < start
                or word in article.lexicon.leading
                or _is_use(word, article.uses_words)
                or _COUNT.fullmatch(word)
            ):
                start = b
            else:
                break
        return start

    def _formulas(self, article: Article) -> list[tuple[int, int]]:
        """Spans of herbs listed together as a prescription (FORMULA_SIZE or more)."""
        text = article.text
        found: list[tuple[int, int]] = []
        for start, end in self.herbs.finditer(text):
            if found and start < found[-1][1]:
                if end > found[-1][1] and start == found[-1][0]:
                    found[-1] = (start, end)  # leftmost-longest
                continue
            found.append((start, end))
        groups: list[tuple[int, int]] = []
        run: list[tuple[int, int]] = []
        for span in found:
            if run and not _FORMULA_GAP.fullmatch(text, run[-1][1], span[0]):
                if len(run) >= FORMULA_SIZE:
                    groups.append((run[0][0], run[-1][1]))
                run = []
            run.append(span)
        if len(run) >= FORMULA_SIZE:
            groups.append((run[0][0], run[-1][1]))
        return [(a, b) for a, b in groups if not _INGREDIENTS.match(text, b)]

    def _herbal_products(self, article: Article) -> list[tuple[int, int]]:
        """Spans of products named by a herb and a form (黄芪茶, 何首乌生发饮); a herb that
        is also everyday food names a food that way (山药粉, 红枣茶)."""
        if self.herb_forms is None:
            return []
        text = article.text
        found = []
        spans = list(self.herbs.finditer(text))
        before = {b: a for a, b in spans}
        for start, end in spans:
            form = self.herb_forms.match(text, end)
            if form is None:
                continue
            if text[start:end] in self.foods and not form.group().endswith(_NON_FOOD_FORMS):
                # 山药粉, 红枣茶: food (决明子枕, a pillow, is no food); but herbs joined
                # into one name on a page that sells it name a product (山楂麦芽饮 ¥39)
                joined = start in before or any(
                    start < a < form.end() for a, _ in spans
                )
                if not joined or not (article.sells or self._priced(article, start)):
                    continue
                start = before.get(start, start)
            found.append((start, form.end()))
        return found

    def _single_herbs(self, article: Article) -> list[tuple[int, int]]:
        """Spans of a herb named alone (天山雪莲, 红景天): not one that is everyday food
        (红枣, 山药), nor an item of a list of ingredients."""
        text = article.text
        return [
            (start, end)
            for start, end in self.herbs.finditer(text)
            if end - start >= MIN_HERB
            and text[start:end] not in self.foods
            # (生姜、何首乌等植物精华)
            and not _INGREDIENTS.match(text, end)
            and not (start and text[start - 1] in _LISTED)
            and not text.startswith(_LISTED, end)
        ]

    @staticmethod
    def _priced(article: Article, start: int) -> bool:
        """The sentence holding ``start`` gives a price (39元一盒, ¥59)."""
        return _PRICE.search(article.text, *article.structure.sentence_at(start)) is not None

    def _generic(self, article: Article) -> tuple[int, int, str] | None:
        """The first presented treatment named in a word class (rules/lexicons/) or
        recognised by form, suffix or class word, and the name it was found by."""
        text = article.text
        excepted = list(self.exceptions.finditer(text))
        title_end = article.title_end()
        # (a class the title swears off or compares is not its subject: 告别降压药,
        # 我家再也不碰抗生素了)
        subjects = [
            (a, b)
            for a, b in self.subjects.finditer(text, 0, title_end)
            if (
                article.non_uses is None
                or article.non_uses.search(text, article.structure.sentence_at(a)[0], a) is None
            )
            and not _stopped_after(article, b)
        ]
        # (or in the body, where a clinic says it prescribes the class)
        subjects += [
            (a, b)
            for a, b in self.subjects.finditer(text, title_end)
            if _PROVIDER_USE.search(text[article.structure.sentence_at(a)[0] : a])
            and not article.context.negated(a)
            and not article.context.question(a)
        ]
        candidates = [(a, b, "subject") for a, b in subjects]
        candidates += [(a, b, "") for a, b in self.treatments.finditer(text)]
        named = article.names_found
        candidates += [(a, b, name) for a, b, name in named]
        if self.herbs:
            candidates += [(a, b, "formula") for a, b in self._formulas(article)]
            candidates += [(a, b, "herbal") for a, b in self._herbal_products(article)]
            # (a herb that opens a longer name is that name's: 积雪草修护霜, 夏枯草茶)
            candidates += [
                (a, b, "herb")
                for a, b in self._single_herbs(article)
                if not any(x <= a < y and (x, y) != (a, b) for x, y, _ in candidates)
            ]
        if self.sold_foods and article.sells:
            # a food the page sells under its title, or priced in its sentence (亚麻籽油
            # sold as a remedy; 某某油一瓶128元)
            candidates += [
                (a, b, "herbal")
                for a, b in self.sold_foods.finditer(text)
                if a < title_end or self._priced(article, a)
            ]
        products = [(a, b) for a, b, how in candidates if how != "subject"]
        for brand in _brands(text, products):
            candidates += [
                (m.start(), m.end(), "brand") for m in re.finditer(re.escape(brand), text)
            ]
        for start, end, how in sorted(candidates):
            if how in ("formula", "brand"):
                if article.presents(start, end):
                    return start, end, ""
                continue
            if how == "herb":
                # a herb named alone is presented only by a use frame of its own (每天一朵
                # 泡水, 建议服用), or as the title's subject: a sales page may name herbs as
                # ingredients of what it sells
                if (
                    (start < title_end or article.used_near(start, end))
                    and article.presents(start, end)
                    and article.whole_name(start, end)
                ):
                    return start, end, ""
                continue
            if how == "herbal":
                if article.presents(start, end) and article.whole_name(start, end):
                    return start, end, ""
                continue
            if how and how != "subject":
                if article.presents(start, end) and article.whole_name(start, end):
                    return start, end, how
                continue
            trimmed = start if how else self._trim(article, start, end)
            if any(a < end and trimmed < b for a, b in excepted):
                continue
            if end - trimmed <= 2 and not how:
                continue  # a bare 疫苗, 手术 or 针 names no specific treatment
            if not how and _OFFENCE.search(text, trimmed, end):
                continue
            if not how and _DENIED.match(text, trimmed):
                continue  # 没有哪种保健品能…: a denial names no product
            if how == "subject" or article.presents(trimmed, end):
                # a lexicon name inside the generic match says what it is (…缓释胶囊)
                inside = [(a, b, n) for a, b, n in named if trimmed <= a and b <= end]
                name = next((n for a, b, n in inside if article.whole_name(a, b)), "")
                return trimmed, end, name
        return None

    def _covered(self, article: Article) -> bool:
        """The article says who must not, or must carefully, use it: contraindication
        language whose sentence names a population, a condition or a label term."""
        return next(self._statements(article), None) is not None

    def _uncovered(
        self, article: Article, presentations: list[Presentation]
    ) -> Presentation | None:
        """A treatment given with its dose that no statement concerns, where every
        statement names another treatment the article presents (…的患者禁用硝酸甘油 under a
        nitrate, beside an antiplatelet at 100mg每日一次 and nothing on who must not take
        it): in its sentence, or else in its paragraph. A statement that names none
        concerns them all."""
        if len(presentations) < 2:
            return None
        text = article.text
        concerned: set[str] = set()
        for start in self._statements(article):
            named = set()
            for span in (
                article.structure.sentence_at(start),
                article.structure.paragraph_at(start),
            ):
                named = {
                    p.topic.id
                    for p in presentations
                    if article.topic_patterns[p.topic.id].search(text, *span)
                }
                if named:
                    break
            if not named:
                return None
            concerned |= named
        for p in presentations:
            last = article.structure.sentence_at(p.start)[1]
            if p.topic.id not in concerned and _DOSED.search(
                text, p.end, min(p.end + DOSE_REACH, last)
            ):
                return p
        return None

    def _statements(self, article: Article) -> Iterator[int]:
        """Where the article says who must not, or must carefully, use something (see
        :meth:`_covered`): the start of each such contraindication language, in order."""
        text = article.text
        for start, end in self.coverage.finditer(text):
            if _ASKED.search(text, start, end) and not any(m in text[start:end] for m in "？?"):
                continue  # asked, and not answered
            first, last = article.structure.sentence_at(start)
            line = text.rfind("\n", 0, start) + 1
            line_end = text.find("\n", end)
            line_end = len(text) if line_end < 0 else line_end
            if (
                _WHY.search(text, line, start)
                and "?" in text[end:line_end]
                and not _WHY_WHO.search(text, line, line_end)
            ):
                continue  # 为什么不建议长期吃药？
            if (
                _ASKED_ALOUD.search(text, first, last)
                and not _ASKED_WHO.search(text, first, last)
                and not _ANSWERED_NO.search(text, start, end)
            ):
                continue  # 有没有人不适合喝呢？: a question; (哪些人不宜吃呢？ heads a list)
            if _WHO.search(text, first, last):
                yield start

    def _label_detail(self, article: Article, name: str) -> str:
        keywords = article.names.label_keywords(name) if article.names and name else []
        if not keywords:
            return "未说明禁忌或慎用人群"
        return f"未说明禁忌或慎用人群（{name}说明书的禁忌涉及：{'、'.join(keywords)}）"

    def _precaution(self, article: Article, start: int) -> bool:
        spans = article.statement_spans(self.precautions) if self.precautions else []
        return any(first <= start < last for first, last in spans)

    def _indicated(self, article: Article, indication: list[str]) -> bool:
        """The title names the diagnosis the treatment is for (缺铁性贫血 above oral iron)."""
        if not indication:
            return False
        key = "\0".join(indication)
        if key not in self._indications:
            self._indications[key] = Patterns(indication)
        return self._indications[key].search(article.text, 0, _opening(article)) is not None

    def _incomplete(self, article: Article, presentation: Presentation) -> list[str]:
        """Key items the article does not name inside a contraindication statement (one
        of its own: not a statement on another treatment the same paragraph presents)."""
        topic = presentation.topic
        children = _CHILDREN.search(article.text, 0, _opening(article)) is not None
        health_food = _HEALTH_FOOD.search(article.text) is not None
        return [
            item.name
            for item in topic.items
            if not (children and item.adults_only)
            and not (health_food and item.drug_label)
            and not self._indicated(article, item.indication)
            and not any(
                (article.in_caution(start) or self._precaution(article, start))
                and not self._others_statement(article, start, presentation)
                for start, _ in article.topic_patterns[f"{topic.id}#{item.name}"].finditer(
                    article.text
                )
            )
        ]

    @staticmethod
    def _others_statement(article: Article, start: int, presentation: Presentation) -> bool:
        """The statement at ``start`` is in a paragraph that first presents another named
        treatment and never names this one (a list item on an antiviral: …每天三次。对成分
        过敏者禁用, above an item on an analgesic): its items are that treatment's. A
        treatment the title presents is the article's subject: its statements are its own."""
        if presentation.start < article.title_end():
            return False
        first, last = article.structure.paragraph_at(start)
        if first <= presentation.start < last:
            return False
        if article.topic_patterns[presentation.topic.id].search(article.text, first, last):
            return False
        sentence = article.structure.sentence_at(start)[0]
        return any(
            first <= a and b <= sentence and article.whole_name(a, b) and article.presents(a, b)
            for a, b, _ in article.names_found
        )

    @staticmethod
    def _offers_nothing(article: Article) -> bool:
        """The title reports a case, or names a story that places and sells nothing."""
        title = article.text[: _opening(article)]
        if _REPORTED_CASE.search(title):
            return True
        return (
            _FICTION.search(title) is not None
            and not article.sells
            and _PLACED.search(article.text) is None
        )

    def run(self, article: Article) -> list[Finding]:
        if self._offers_nothing(article):
            return []
        presentations = article.presentations
        generic = None if presentations else self._generic(article)
        if not presentations and generic is None:
            return []
        if not self._covered(article):
            if generic is None and presentations[0].start >= article.title_end():
                # the title's own product comes first (a tea the page sells, above the
                # drugs it runs down)
                titled = self._generic(article)
                if titled is not None and titled[0] < article.title_end():
                    generic = titled
            if generic is not None:
                start, end, name = generic
                detail = self._label_detail(article, name)
                return [Finding(self.rule, start, end, detail=detail)]
            first = presentations[0]
            detail = "未说明禁忌或慎用人群"
            if first.topic.items:
                detail += "（应包括：" + "、".join(i.name for i in first.topic.items) + "）"
            return [
                Finding(self.rule, first.start, first.end, detail=detail, topic=first.topic.name)
            ]
        if any(article.in_caution(m.start()) for m in _DELEGATED.finditer(article.text)):
            return []
        title_end = article.title_end()
        if _STUDY_OR_CHECK.search(article.text, 0, _opening(article)):
            return []
        if _USER_REPORT.search(article.text, 0, _opening(article)) and not article.sells:
            return []
        if _ANIMAL.search(article.text, 0, _opening(article)):
            return []
        if _PRESCRIBED.search(article.text, 0, _opening(article)):
            return []
        uncovered = self._uncovered(article, presentations)
        if uncovered is not None:
            detail = "未说明禁忌或慎用人群"
            if uncovered.topic.items:
                detail += "（应包括：" + "、".join(i.name for i in uncovered.topic.items) + "）"
            return [
                Finding(
                    self.rule,
                    uncovered.start,
                    uncovered.end,
                    detail=detail,
                    topic=uncovered.topic.name,
                )
            ]
        for presentation in presentations:
            if presentation.start >= title_end and len(presentations) > 1:
                # one of several treatments the body names beside contraindication
                # statements (a shop's list, a case's drugs): the statements cover it; the
                # key items are a single treatment's, or the subject's the title names
                continue
            if presentation.start < title_end and _AFTERCARE_TITLE.match(
                article.text, presentation.end
            ):
                continue  # 拔牙术后注意事项: the key items were checked before it was done
            missing = self._incomplete(article, presentation)
            if missing:
                topic = presentation.topic
                detail = f"{topic.name}缺少关键禁忌：" + "、".join(missing)
                start, end = presentation.start, presentation.end
                return [Finding(self.rule, start, end, detail=detail, topic=topic.name)]
        return []
