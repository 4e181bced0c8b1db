"""Scopes that turn a phrase match into a non-claim: negation, debunking, quotes, questions.

Negation is decided on jieba tokens of the clause before the claim, read right to left:

- a *breaker* (就, 也, 而是, 但 …) starts a new predicate: negators before it do not reach
  the claim (不用开刀也能根治 is a claim);
- a *predicate negator* (不, 没, 未 …) negates only the word after it: when another word
  stands between it and a modal (可, 可以, 能 …) that leads to the claim, the modal opens a
  new predicate (效果不满意可申请全额退款 is a claim, 不一定可以根治 is not);
- the negators left in scope, within ``negation_window`` characters, are counted: an odd
  number negates the claim, an even number is a double negation (没有不能根治的病).

A phrase right after the claim in its clause can negate it too (根治不了, …是不可能的), and so
can one that tells the reader not to expect it (不用追求一个月瘦二十斤). A claim worded as a
negation right after a parallel negated predicate (不反弹不伤身) is not reached by the
earlier negator.
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..lazy_regex import LazyRegex
from .context_methods import ContextMethods as ContextMethods
from .structure import TextStructure

if TYPE_CHECKING:
    from .context_words import ContextLexicon

_OWN_NEGATION = frozenset("不没无零冇唔")
# a negator that forms terms with the word after it (非酒精性, 非手术): it negates the
# claim only when it stands right before it (它非万能)
_PREFIX_NEGATORS = frozenset({"非"})  # a claim opening with one of these is a negation itself
# words after a negator that take the claim as their object (不代表不伤身, 不等于没风险)
_COPULAS = frozenset(
    {"代表", "等于", "意味着", "存在", "一定", "见得", "可能", "说明", "保证", "能说", "敢说"}
)
# a demonstrative that takes up the quote just closed, before the writer's verdict on it
_VERDICT_HEADS = (
    "这些都是", "这都是", "这就是", "这纯属", "这属于", "这是", "这叫", "那是", "此乃",
)
_COPULA_HEADS = ("都是", "也是", "就是", "实际上是", "其实是", "是", "属于", "乃是", "系")
_GLUED_ADVERBS = frozenset("也都还就再并仍又亦更从绝决")  # glued before a negator: 也不会
_HEDGE_REACH = 3  # a hedge ends at most this many characters before the claim it hedges
_HEADING = 30  # a list's heading is at most this long
_LIST_ITEM = 40  # items listed under a heading are at most this long
_LIST_LENGTH = 6  # items a heading reaches
_LEAD = 2  # a doubting title reaches quoted beliefs listed after at most this many paragraphs
_COLUMN_LABEL = 8  # a table's column label over quoted beliefs is at most this long
_CLAUSE_ENDS = "，,；;"  # marks that end a clause inside a sentence
_PLACEHOLDER = "×"  # a cross mark; doubled (××医院) it is a withheld name
_PEOPLE_REACH = 16  # characters from a claim to the people it describes
_PARTICLES = "啊呀吧了的啦哦"  # particles a clause may end on
# the speaker's own belief of the past, overturned by the clause after it
# (我以为这辈子站不起来了，是…让我…): it judges nothing after its clause
_OWN_BELIEFS = (
    "我以为", "本以为", "原以为", "还以为", "原本以为", "满以为", "当初以为", "我原来以为",
)
# a clause that only gives the subject its common nickname (海参被称为“海中人参”，): the
# naming judges the quoted name alone, not the claim the writer goes on to make
_NICKNAME_CLAUSE = re.compile(r"(?:被称为|称之为)[“「『\"][^“”「」『』\"]{1,12}[”」』\"]$")
_ITEM_MARKS = " \t>-*#+0123456789.、★☆⭐"  # list marks and a review's stars before a quote
_SPEAKER = 24  # a speaker's label before a colon is at most this long
# a claim reported, not made: 他说吃了… · 商家宣传…
_REPORTED = re.compile("说|讲|称|講|話|话|宣传|念起|念了|念道|读起|读了|朗读")
# a third party said to have made a claim, in a report of it (声称, 称其, 宣传其)
_REPORTS_CLAIM = re.compile(
    "声称|宣称|称其|称该|称自家|扬言|夸口|鼓吹|吹嘘|宣传其|宣传称|对外称|广告称|广告中称|直播中称|标榜"
)
# a speaker's label that opens a line of dialogue (**老许**：, 主持人：)
_SPEAKER_LABEL = LazyRegex(r"[\s>]*[*_]*[\u4e00-\u9fffA-Za-z0-9（）()]{1,10}[*_]*\s*[：:][*_]*\s*")
# a quote brought in after a colon (评论区有人留言：“…”): a report without a verb of saying
_QUOTED_AFTER_COLON = LazyRegex("[：:]\\s*[“\"「『]")
_REBUKE_LEAD = LazyRegex("(这个|那个|这|那)?(可|可是)?")  # 这可千万别…
# a chat log's header line, a name and the time it was sent (**阿May 21:06**): the reply
# it heads follows on the next line
_CHAT_HEADER = LazyRegex(r"\s*[*_]*[^\n：:*_]{1,12}?\s+\d{1,2}[:：]\d{2}(?:[:：]\d{2})?[*_\s]*$")
# the writer unsure whether a report holds (不知道…靠不靠谱, 拿不准…是不是真的)
_UNSURE = LazyRegex("不知道|不清楚|拿不准|说不准|不确定|搞不清|弄不清|想问问|想请教")
# a claim worded as a whether-question, A-not-A or 是否 (这病能不能治好，要看…), asks
_ASKED_WITHIN = LazyRegex(r"([能会可是有行算系得])[不没唔冇]\1|是否|能否|可否")
_WHETHER_TRUE = LazyRegex("靠不靠谱|是不是真的|真不真|有没有用|管不管用|有没有效|灵不灵")
# a short alarm sentence between a report and the writer's verdict on it (大家要小心！)
_ALARM = LazyRegex("小心|警惕|当心|注意|留意|提防|谨防|睇真啲|因住")
_ALARM_LENGTH = 10
# the one spoken to, named first (爸，那是骗人的 · 阿姨，别信): the rebuke follows
_VOCATIVE = LazyRegex(
    r"(?:(?:爸|妈|爷爷|奶奶|外公|外婆|姥姥|姥爷|老公|老婆|阿姨|叔叔|大爷|大妈|哥|姐|老爸|老妈)"
    r"[，,！!]\s*)?"
)
# a line spoken by the seller (**A（店铺客服）**：, 主播：): its claims are the seller's own
_SELLER_LINE = LazyRegex(
    r"[\s>*_-]*[*_]*[^：:\n]{0,12}(客服|店家|商家|卖家|店主|掌柜|老板|主播|导购|销售|顾问)[^：:\n]{0,6}[：:]"
)
# a line that is the asker's own account in a consultation (**病情描述：**…, 【问题描述】…):
# what the asker reports of their own case is a report to a doctor, not a claim made to readers
_ASKER_ACCOUNT = re.compile(
    r"[\s>*_#-]*[*_【\[]*(?:病情描述|症状描述|问题描述|情况描述|病史描述|病情介绍|病情简介|咨询内容|提问内容)"
    r"[*_】\]]*\s*[：:]?[*_]*"
)
# a question put to the doctor under the asker's label (**宝妈提问：**, 网友求助：); not a
# patient's letter (患者来信：), which is as often a testimonial of thanks
_ASKER_QUESTION = re.compile(
    r"[\s>*_#-]*[*_【\[]*(?:网友|读者|患者|病人|病友|宝妈|宝爸|家长|家属|用户|听众|观众|粉丝)?"
    r"(?:提问|求助)[*_】\]]*\s*[：:][*_]*"
)
# a letter's label (**读者来信：**): a letter is as often a testimonial of thanks, so it marks
# the asker's account only on a line that ends by asking (…这回起疹子和那次相关吗？)
_LETTER_LABEL = re.compile(
    r"[\s>*_#-]*[*_【\[]*(?:网友|读者|患者|病人|病友|宝妈|家长|家属|听众|观众|粉丝)来信"
    r"[*_】\]]*\s*[：:][*_]*"
)
# a line that names the topic of a programme or a talk (本期主题：…, 节目话题：): the title
# it gives is the programme's subject, reported, not a claim the writer makes
_TOPIC_LABEL = re.compile(
    r"[\s>*_#-]*[*_【\[]*(?:本期|本集|今期|这期|这一期|今日|今天|本次|节目|栏目|讲座)的?"
    r"(?:主题|话题|题目|选题)[*_】\]]*\s*[：:]"
)
# a line that states an authority's findings in a penalty case (**经查**：当事人…, 违法事实：…):
# the ad's words it lists, quoted or not, are the offence described, not a claim the writer makes
_CASE_FINDING = re.compile(
    r"[\s>*_#-]*[*_【\[]*(?:经查明?|经调查|查明|违法事实|主要违法事实|案件事实|案情简介|案情)"
    r"[*_】\]]*\s*[：:，,]"
)
# a writer's correction of a belief just reported (有人说…，其实…), and the words in it that
# shrink the belief to something lesser (其实只是丢水)
_CORRECTIONS = ("其实", "实际上", "事实上", "殊不知", "真相是")
_SHRINKERS = ("只是", "不过是", "只不过", "而是", "仅仅是", "无关")
# a forward or a share in a chat, before the title of what is passed on ([转发]《…》)
_FORWARDED = re.compile(
    r"[\[【(（]\s*(?:转发|转载|分享|链接)\s*[\]】)）]"
    r"|(?:转发|转载|分享)(?:了|一篇|一个)?\s*[：:]?\s*$"
)
_ANSWER = re.compile(r"[>*_\s]*(?:答案|正确答案|参考答案|答|解析|判断)\s*[：:]\s*")
# the label of a fact-check under a passed-on claim (核实：…, 辟谣：…)
_FACT_CHECK = re.compile(r"[>*_\s]*(?:核实|辟谣|真相|查证|求证|事实核查|核查结果|核实结果)\s*[：:]")
_OPTION = re.compile(r"[ \t>*_]*[A-Ha-h][.．、)）][ \t]*\S")
_ANSWER_LINE = LazyRegex(r"(?m)^[\s>*_]*(?:答案|正确答案|参考答案|答)\s*[：:]")
_QUIZ_REACH = 400  # an option's answer line comes within this many characters
_QUOTE_TAIL = " \t*_~：:—-–，,”’」』》\"'"  # marks between a closing quote and a verdict


def _introduces_list(text: str, intro: list[str]) -> bool:
    """A short paragraph that announces a list: ends with a colon or says 以下/这些 …"""
    if len(text) > _HEADING or text.endswith(("。", ".", "!", "！")):
        return False
    return text.endswith(("：", ":")) or any(word in text for word in intro)


# "who ... not / who would": 谁见了不说好？ 哪个用过没夸？ 谁会多看你一眼？ 哪有咱们这个好？
# "you say, praised or not": 你说神不神？ 您说灵不灵？ 你看厉害不厉害？ (the answer is given;
# 你看要不要换药？ is a real question)
# 还有它搞不定的便秘吗？ (a cure it cannot reach, asked of the product)
# Cantonese alike: 边个食完唔话好？ 点会冇效？ 仲使唔使睇医生？ 仲等乜？ 你话神唔神？
# (点会 over a plain claim doubts it: 点会一日就好？ is a negator's work)
_RHETORICAL = re.compile(
    r"(?:谁|哪个|哪位|有谁|哪一个|边个|边位|有边个)[^,;:?!。，；：？！]{0,4}?(?:不|没|唔|冇)"
    r"|(?:谁|哪个|哪位|有谁|哪一个|边个|边位|有边个)[^,;:?!。，；：？！]{0,6}?"
    r"(?:用|吃|喝|试|贴|做|食|饮|搽|涂|戴)(?:过|了|咗)了?(?:不|没|唔|冇)(?:说|讲|话|夸|赞|叫)"
    r"|(?:还有|仲有)(?:它|佢|这个|呢个|这款)[^,;:?!。，；：？！]{0,4}?(?:不好|不了|不定|不住|不掉|唔掂)的"
    r"|谁会|哪有|哪(?:里)?比得上|仲使|仲(?:等|食|饮|用|睇|去|搽)(?:乜|咩|啲乜)"
    r"|(?:点会|点可能|边会|怎么会|哪会)[^,;:?!。，；：？！]{0,2}?(?:不|没|唔|冇)"
    r"|(?:你说|您说|你看|您看|你瞧|你讲|你话|你讲下|你睇)(?:是|系)?"
    r"(神|灵|牛|好|绝|值|香|棒|正|神奇|厉害|管用|有效|划算|灵验|犀利)(?:不|唔)\1"
)


@lru_cache(maxsize=8)
def _quote_marks(pairs: tuple[str, ...]) -> tuple[frozenset[str], frozenset[str]]:
    """The opening and the closing marks of the lexicon's quote pairs; a straight double
    quote (curly quotes are folded to it) closes too."""
    return frozenset(pair[0] for pair in pairs), frozenset(pair[1] for pair in pairs) | {'"'}


@lru_cache(maxsize=256)
def _phrase_automaton(phrases: tuple[str, ...]) -> Any:
    """An Aho-Corasick automaton finding every occurrence of ``phrases`` (overlapping
    ones too); ``None`` for a list holding an empty phrase (looked for one by one)."""
    if "" in phrases:
        return None
    from ahocorasick_rs import AhoCorasick

    return AhoCorasick(list(phrases))


def any_phrase_in(phrases: list[str], text: str) -> bool:
    """``any(phrase in text for phrase in phrases)``, in one automaton scan."""
    automaton = _phrase_automaton(tuple(phrases)) if phrases else None
    if automaton is None:
        return any(phrase in text for phrase in phrases)
    return bool(automaton.find_matches_as_indexes(text))


class Context:
    """Answers questions about the surroundings of a span in one document."""

    def __init__(self, structure: TextStructure, lexicon: ContextLexicon) -> None:
        self.s = structure
        self.lexicon = lexicon
        self._negators = frozenset(lexicon.negators)
        self._predicate_negators = frozenset(lexicon.predicate_negators)
        self._breakers = frozenset(lexicon.negation_breakers)
        self._modals = frozenset(lexicon.modals)
        self._hedges = frozenset(lexicon.hedges)
        self._scopes: dict[int, list[tuple[str, int, int]]] = {}  # by start (_scope)

    def _clause_tokens(self, start: int) -> list[tuple[str, int, int]]:
        """Tokens of the clause holding ``start`` that end at or before it, in order."""
        clause = self.s.clause_start(start)
        text = self.s.text
        while clause >= 2 and text[clause - 1] == "、" and text[clause - 2] == "的":
            # attributes of one noun listed with 、 (还没有公认的、专门治疗…的药): one clause
            clause = self.s.clause_start(clause - 1)
        tokens = [t for t in self.s.tokens(start) if t[1] >= clause and t[1] < start]
        # a claim that starts inside a word keeps the word's head: 不|能根治 in 还不能根治
        return [t if t[2] <= start else (t[0][: start - t[1]], t[1], start) for t in tokens]

    def _scope(self, start: int) -> list[tuple[str, int, int]]:
        """The tokens before ``start`` a negator or conditional can reach the claim from
        (worked out once per start: every rule and scope asks again)."""
        scope = self._scopes.get(start)
        if scope is None:
            scope = self._scopes[start] = self._find_scope(start)
        return scope

    def _find_scope(self, start: int) -> list[tuple[str, int, int]]:
        tokens = self._clause_tokens(start)
        # a claim worded as a negation (不伤身) right after another negated predicate
        # with the same negator (不反弹不伤身): the earlier 不 negates its own word
        own = self.s.text[start : start + 1] in _OWN_NEGATION
        scope: list[tuple[str, int, int]] = []
        for index in range(len(tokens) - 1, -1, -1):
            word = tokens[index][0]
            if word in self._breakers:
                break
            if (
                own
                and word in self._predicate_negators
                and index + 2 == len(tokens)
                and word == self.s.text[start]
                and len(tokens[index + 1][0]) > 1
                and tokens[index + 1][0] not in _COPULAS
            ):
                break  # 不反弹|不伤身: two negated predicates side by side
            if (
                word in self._predicate_negators
                and index + 2 < len(tokens)
                and word + tokens[index + 1][0] not in self._negators  # 不|一定 is 不一定
                and any(
                    t[0] in self._modals or t[0][:2] in self._modals or t[0][:1] == "可"
                    for t in tokens[index + 2 :]
                )
            ):
                # 不 + word + 可…: the negator belongs to the word, the modal starts anew
                # (also inside a longer token: 不舒服的时候|可以用)
                break
            if (
                word in self._predicate_negators
                and index + 3 < len(tokens)
                and tokens[index + 2][0] == "的"
            ):
                break  # 不 + word + 的 + noun: 不开刀的腰突救星 negates 开刀, not the noun
            if word in _PREFIX_NEGATORS and index + 2 < len(tokens):
                continue  # 非 + word + …: a prefix of a term (非酒精性脂肪肝), not of the claim
            scope.append(tokens[index])
        return scope

    def _negator(self, word: str) -> bool:
        """``word`` negates: a negator, or an adverb the segmenter glued to one (也|不会,
        都|没有, 还|不能 cut as one word: 吃再多也不会让它从此不长)."""
        return word in self._negators or (
            len(word) > 2 and word[0] in _GLUED_ADVERBS and word[1:] in self._negators
        )

    def _denies_every(self, scope: list[tuple[str, int, int]], at: int) -> bool:
        """The negator at ``scope[at]`` denies every case: a quantifier follows it
        (没有|任何一种护肝片能…, 没有|哪种…): it governs the whole clause, not a window.
        ``scope`` runs backwards from the claim, so the next word is at ``at - 1``."""
        if at == 0:
            return False
        following = scope[at - 1][0]
        return any(following.startswith(word) for word in self.lexicon.quantifiers)

    def _scope_start(self, start: int) -> int:
        scope = self._scope(start)
        return scope[-1][1] if scope else start

    def negated(self, start: int, end: int | None = None) -> bool:
        """The claim at [start, end) is negated: an odd number of negators reach it.

        A claim given with its ``end`` is also negated by a hedge right before it
        (一般不会上瘾); a sign or a warning given by ``start`` alone is not.
        """
        window = start - self.lexicon.negation_window
        scope = self._scope(start)
        count = sum(
            1
            for at, (word, a, _) in enumerate(scope)
            if self._negator(word) and (a >= window or self._denies_every(scope, at))
        )
        if count % 2 == 1:
            return True
        if end is not None and (
            any(word in self._hedges and start - b <= _HEDGE_REACH for word, _, b in scope)
            or self._phrase_before(self.lexicon.hedge_subjects, self._scope_start(start), start)
        ):
            # a hedge right before a claim (a span with its end), 一般不会上瘾, or a
            # subject that is only some of them, 有的患者第二天就退烧了
            return True
        if self._phrase_before(
            [*self.lexicon.expectation_negators, *self.lexicon.negating_phrases],
            self.s.clause_start(start),
            start,
        ):
            # 不用追求一个月瘦二十斤: the reader is told not to expect it;
            # 可不是什么神药: a negation the segmenter keeps whole
            return True
        return end is not None and self._negated_after(end)

    def _negated_after(self, end: int) -> bool:
        """A negating phrase follows the claim in its clause (根治不了, 是不可能的)."""
        _, last = self.s.sentence_at(end)
        rest = self.s.text[end:last]
        for mark in "，,；;：:。！？!?\n":
            cut = rest.find(mark)
            if cut >= 0:
                rest = rest[:cut]
        return any(phrase in rest for phrase in self.lexicon.negators_after)

    def hypothetical(self, start: int) -> bool:
        """A conditional (如果, 如无) governs the claim: 如无不良反应可继续服用; or an end
        point does (暂停化妆，直到完全痊愈), unless the clause promises to go on until it
        (治到痊愈为止)."""
        if self._phrase_before(
            self.lexicon.conditionals, self._scope_start(start), start, overlap=True
        ):
            return True
        if self._listed_condition(start):
            return True
        if self._described_people(start):
            return True
        if self._danger_sign(start):
            return True
        clause = self.s.clause_start(start)
        if not self.lexicon.until or not self._phrase_before(self.lexicon.until, clause, start):
            return False
        _, last = self.s.sentence_at(start)
        rest = self.s.text[start:last]
        for mark in _CLAUSE_ENDS:
            rest = rest.split(mark, 1)[0]
        return "为止" not in rest

    def _listed_condition(self, start: int) -> bool:
        """The claim is the last of conditions listed with 、 after one conditional
        (仅限已开具处方、已用过且无不良反应的药物), with no new predicate in its own item."""
        at = self.s.clause_start(start)
        if self._scope_start(start) > at:
            return False
        for _ in range(_LIST_LENGTH):
            if at == 0 or self.s.text[at - 1] != "、":
                return False
            end, at = at - 1, self.s.clause_start(at - 1)
            if self._phrase_before(self.lexicon.conditionals, at, end):
                return True
        return False

    def _described_people(self, start: int) -> bool:
        """The claim, after a word of the past, ends on 的 and the people it describes
        (既往无不良反应的老献血者): it says whom a rule covers."""
        lexicon = self.lexicon
        if not lexicon.history_markers or not lexicon.condition_holders:
            return False
        clause = self.s.clause_start(start)
        if not self._phrase_before(lexicon.history_markers, clause, start):
            return False
        rest = self.s.text[start : start + _PEOPLE_REACH]
        for mark in _CLAUSE_ENDS + "。！？!?\n（）()":
            rest = rest.split(mark, 1)[0]
        _, of, tail = rest.partition("的")
        if not of:
            return False
        tail = tail.split("的", 1)[0][:_PEOPLE_REACH // 2]
        return any(holder in tail for holder in lexicon.condition_holders)

    def _danger_sign(self, start: int) -> bool:
        """The result is a sign that sends the reader to care: the sentence goes on to a
        call to act (胎动一下子消失，请立即去医院), or it is a short item of a list whose
        lead makes that call (出现下面任何一种情况，请尽快去医院：- 一周内体重掉了2公斤)."""
        actions = self.lexicon.urgent_actions
        if not actions:
            return False
        _, last = self.s.sentence_at(start)
        if any_phrase_in(actions, self.s.text[start:last]):
            return True
        text = self.s.text
        line = text.rfind("\n", 0, start) + 1
        end = text.find("\n", start)
        item = text[line : end if end >= 0 else len(text)].strip()
        if len(item) > _LIST_ITEM * 2 or item.endswith(("：", ":")):
            return False
        for _ in range(_LIST_LENGTH * 2):  # the list's items are lines of their own
            if line <= 0:
                return False
            above = text.rfind("\n", 0, line - 1) + 1
            lead = text[above : line - 1].strip()
            line = above
            if lead.endswith(("：", ":")):
                return any_phrase_in(actions, lead)
            if len(lead) > _LIST_ITEM * 2:
                return False
        return False

    def _phrase_before(
        self, phrases: list[str], first: int, start: int, overlap: bool = False
    ) -> bool:
        """One of ``phrases`` starts on a token boundary in [first, start).

        With ``overlap`` the phrase may run into the claim (如无 before 无不良反应).
        """
        starts: set[int] | None = None
        longest = max(map(len, phrases), default=1) if overlap else 1
        before = self.s.text[first : start + longest - 1]  # one slice: each phrase ends by
        automaton = _phrase_automaton(tuple(phrases)) if phrases else None
        if automaton is not None:
            # every occurrence of every phrase at once: one that must end by ``start``
            # lies in before[: start - first]; one that may run into the claim starts
            # before ``start`` (and ends inside ``before``, as find would have it)
            scanned = before if overlap else before[: start - first]
            for _, at, _ in automaton.find_matches_as_indexes(scanned, True):
                if at >= start - first:
                    continue
                if starts is None:
                    starts = {a for _, a, _ in self.s.tokens(start)}
                if first + at in starts or not before[at].isalnum():
                    return True
            return False
        for phrase in phrases:  # ``limit`` in it
            limit = (start + len(phrase) - 1 if overlap else start) - first
            if limit <= 0:
                continue
            at = before.find(phrase, 0, limit)
            while at >= 0:
                if starts is None:
                    starts = {a for _, a, _ in self.s.tokens(start)}
                if first + at in starts or not phrase[0].isalnum():
                    return True
                at = before.find(phrase, at + 1, limit)
        return False

    def debunked(self, start: int, end: int) -> bool:
        """The sentence warns against the claim (警惕宣称…, …是谣言), or a list does."""
        first, last = self.s.sentence_at(start)
        reach = self._debunk_reach(first, start)
        if self._phrase_before(self._debunk_words(reach, start), reach, start):
            return True
        after = self.s.text[end:last]
        if any_phrase_in(self.lexicon.debunk_after, after) and any(
            _judges(after, phrase) for phrase in self.lexicon.debunk_after
        ):
            return True
        if self._quote_judged(self._quote_tail(end, last), self.s.text[start:end]):
            return True
        if self._caveat_follows(last) or self._caveat_after(after):
            return True
        if _REPORTED.search(self.s.text, first, start) and self._referent_judged(last):
            return True
        # a product's claim reported with its verb inside the span (…牙膏，宣传“刷牙就能…”)
        if _REPORTED.search(self.s.text, first, end) and self._doubted(last):
            return True
        if (
            _REPORTED.search(self.s.text, first, end)
            and not self._seller_line(start)
            and self._rebuked(last)
        ):
            return True
        if self._hearsay_refused(first, end, last):
            return True
        return (
            self._listed_under_debunking_heading(start)
            or self._listed_then_refuted(start)
            or self._quiz_option(start)
            or self._answered_false(start)
            or self._asker_account(start)
            or self._line_label(_CASE_FINDING, start)
        )

    def _asker_account(self, start: int) -> bool:
        """The line holding ``start`` is the asker's account of their own case in a
        consultation (**病情描述：** 吃了三个月，指标从4.1降到2.3，但转氨酶升高了, **宝妈提问：**
        …吃了一次药第二天就退了): a report the doctor's answer takes up, not a claim made to
        the readers."""
        return self._line_label(_ASKER_ACCOUNT, start) or self.asker_question(start)

    def asker_question(self, start: int) -> bool:
        """The line holding ``start`` is a question put to the doctor under the asker's
        label (**提问：** …朋友说吃膏方效果好，我想咨询一下), or a letter's line that ends by
        asking (**读者来信：** …之后再没犯过。这次跟那次有关吗？): the asker's own account."""
        if self._line_label(_ASKER_QUESTION, start):
            return True
        if not self._line_label(_LETTER_LABEL, start):
            return False
        end = self.s.text.find("\n", start)
        line = self.s.text[start : end if end >= 0 else len(self.s.text)]
        return line.rstrip(" *_").endswith(("？", "?"))

    def topic_title(self, start: int) -> bool:
        """The line holding ``start`` names the topic of a programme or a talk (本期主题：…):
        its title is the subject announced, a weak sign of a claim (the rules' own frames
        still judge the words of a title)."""
        return self._line_label(_TOPIC_LABEL, start)

    def forwarded_title(self, start: int) -> bool:
        """``start`` is inside the title mark of a work passed on in a chat ([转发]《…》,
        分享：《…》): the title names what was forwarded, a weak sign of a claim (the
        rules' own frames still judge the words of a title)."""
        line = self.s.text.rfind("\n", 0, start) + 1
        opened = self._open_title(line, start)
        return opened >= 0 and _FORWARDED.search(self.s.text, line, opened) is not None

    def _open_title(self, line: int, at: int) -> int:
        """Where a title mark (《) opened on the line, between ``line`` and ``at``, is still
        open at ``at``; -1 when none is."""
        opened = self.s.text.rfind("《", line, at)
        return opened if opened > self.s.text.rfind("》", line, at) else -1

    def _line_label(self, label: re.Pattern[str], start: int) -> bool:
        """``label`` opens the line holding ``start`` and ends before it."""
        found = label.match(self.s.text, self.s.text.rfind("\n", 0, start) + 1)
        return found is not None and found.end() <= start

    def _answered_false(self, start: int, end: int | None = None) -> bool:
        """The line holding ``start`` is a true-or-false item (ending before ``end``) and
        the next line answers it false (答案：✗。…, 答：错误), or fact-checks it (核实：…):
        the item states the belief the answer corrects."""
        newline = self.s.text.find("\n", start, end)
        if newline < 0:
            return False
        below = self.s.text[newline : newline + 40].lstrip()
        if _FACT_CHECK.match(below):
            return True  # 核实：… under a passed-on claim
        return bool(_ANSWER.match(below)) and _answer_verdict(below, self.lexicon.verdicts)

    def _quiz_option(self, start: int) -> bool:
        """The claim is one lettered option (B. 喝醋把鱼刺泡软) of a quiz question: the lines
        above it are options up to a question, and an answer line (答案：C) follows."""
        text = self.s.text
        line = text.rfind("\n", 0, start) + 1
        if not _OPTION.match(text, line):
            return False
        after = text[start : start + _QUIZ_REACH]
        if not _ANSWER_LINE.search(after):
            return False
        while line > 0:
            above = text.rfind("\n", 0, line - 1) + 1
            row = text[above : line - 1].strip().rstrip("*_ ")
            if _OPTION.match(text, above) and row:
                line = above
                continue
            return row.endswith(("？", "?"))
        return False

    def _referent_judged(self, last: int) -> bool:
        """The next sentence (past a short alarm: 大家要小心！) takes the reported claim up
        by a referent and negates it (儿子说吃了斑块都能化掉。记录：已告知该说法没有依据):
        the report is answered. A speaker's own claim (a chat line) that someone then
        rebukes is still made."""
        following = self._next_sentence(last)
        if (
            following is not None
            and len(following.strip()) <= _ALARM_LENGTH
            and _ALARM.search(following)
        ):
            # a short alarm raised first (大家要小心！), then the report taken up
            last = self.s.text.find(following, last) + len(following)
            following = self._next_sentence(last)
        if following is None:
            return False
        for referent in self.lexicon.referents:
            at = following.find(referent)
            if 0 <= at <= _HEADING:
                tail = following[at + len(referent) : at + len(referent) + 8]
                if any(negator in tail for negator in self._negators) or any(
                    phrase in tail for phrase in self.lexicon.debunk_after
                ):
                    return True
        return False

    def _doubted(self, last: int) -> bool:
        """The next sentence, or the first after further reports, is a question that
        doubts the report (表姐说剖腹产以后会腰疼；也有人说…。该听谁的？): the writer
        asks about what others said, and claims nothing."""
        for _ in range(3):  # past further reports in between
            following = self._next_sentence(last)
            if following is None:
                return False
            head = following.strip()[:_HEADING]
            if head.endswith(("？", "?")) and any(word in head for word in self.lexicon.doubts):
                return True
            if _UNSURE.search(head) and (
                any(word in head for word in self.lexicon.doubts) or _WHETHER_TRUE.search(head)
            ):
                return True  # the doubt told, not asked: 也不知道小针刀靠不靠谱。
            if not (_REPORTED.search(following) or "有人" in following):
                return False
            last = self.s.text.find(following, last) + len(following)
        return False

    def _seller_line(self, start: int) -> bool:
        """The line holding ``start`` is spoken by the seller (客服：…): a buyer's rebuke after it
        answers the seller's own claim, which stays made."""
        line_start = self.s.text.rfind("\n", 0, start) + 1
        return _SELLER_LINE.match(self.s.text, line_start) is not None

    def _rebuked(self, last: int) -> bool:
        """The next sentence is another speaker's reply (老许：…) that opens by forbidding
        or denying what was just reported (这可千万别拍！ · 别信): the report is answered."""
        following = self._next_sentence(last)
        if following is None:
            return False
        if _CHAT_HEADER.match(following):
            # a chat log: the header names the next speaker, the reply is the next line
            last = self.s.text.find(following, last) + len(following)
            reply = self._next_sentence(last)
            if reply is None:
                return False
            head = reply.lstrip()
        else:
            label = _SPEAKER_LABEL.match(following)
            if label is None:
                return False
            head = following[label.end() :].lstrip()
        head = head[_VOCATIVE.match(head).end() :]  # type: ignore[union-attr]
        head = head[_REBUKE_LEAD.match(head).end() :]  # type: ignore[union-attr]
        return head.startswith(tuple(self.lexicon.rebukes))

    def _hearsay_refused(self, first: int, end: int, last: int) -> bool:
        """Someone else's claim is reported (有人在卖…，说吃了永不复发; the report may open
        the span) and the writer turns it down in the next sentence or the one after, in the
        same paragraph (我没买。 · 医生说…，别信这些): the claim is refused, not made."""
        before = self.s.text[first:end]
        if not (_REPORTED.search(before) or _QUOTED_AFTER_COLON.search(before)) or not any(
            word in before for word in self.lexicon.hearsay if "问" not in word
        ):
            return False
        if self._hearsay_corrected(self.s.text[end:last], self._next_sentence(last)):
            return True
        paragraph_end = self.s.paragraph_at(first)[1]
        for _ in range(2):
            following = self._next_sentence(last)
            if following is None:
                return False
            last = self.s.text.find(following, last)
            if last < 0 or last >= paragraph_end:
                return False
            if any(word in following for word in self.lexicon.refusals):
                return True
            last += len(following)
        return False

    def _hearsay_corrected(self, after: str, following: str | None) -> bool:
        """The report is set right by the writer in a later clause of its sentence or at
        the start of the next one, with a word that denies or shrinks it (有人说…，其实只是
        丢水 · …。实际上并没有这回事): the belief is corrected, not claimed."""
        clauses = [c for mark in _CLAUSE_ENDS for c in after.split(mark)[1:]]
        if following is not None:
            clauses.append(following)
        for clause in clauses:
            clause = clause.lstrip(" *_").lstrip("但可然而不过").lstrip()
            if clause.startswith(_CORRECTIONS) and (
                any(word in clause for word in _SHRINKERS)
                or any(negator in clause for negator in self._negators)
            ):
                return True
        return False

    def _next_sentence(self, last: int) -> str | None:
        """The text of the sentence after the one holding ``last`` (None at the end)."""
        index = self.s.sentence_index(last)
        if index >= len(self.s.sentences) or self.s.sentences[index][0] < last:
            index += 1
        if index >= len(self.s.sentences):
            return None
        first, end = self.s.sentences[index]
        return self.s.text[first:end]

    def _debunk_words(self, first: int, start: int) -> list[str]:
        """The debunking words, less those inside the writer's own naming before the
        claim (我愿称之为…天花板 adopts what 称之为 alone would report), and less 话术 when
        it only labels the line of a sales script (话术：“…”): the line is the pitch."""
        before = self.s.text[first:start]
        owned = [phrase for phrase in self.lexicon.own_naming if phrase in before]
        if _script_label(self.s.text, first, start):
            owned.append(_SCRIPT)
        # a cross mark written twice or more stands for a withheld name (××医院), not a
        # verdict of wrong on what follows
        owned += [_PLACEHOLDER * 2] if _PLACEHOLDER * 2 in before else []
        if not owned:
            return self.lexicon.debunk_before
        return [w for w in self.lexicon.debunk_before if not any(w in o for o in owned)]

    def _caveat_after(self, after: str) -> bool:
        """A later clause of the sentence turns the effect into a warning
        (…半小时就不疼了，但病因还在 · …当天就能降下来，但不能自行停药)."""
        for mark in _CLAUSE_ENDS:
            for clause in after.split(mark)[1:]:
                clause = clause.lstrip()
                if clause.startswith(tuple(self.lexicon.caveat_openers)) and any(
                    word in clause for word in self.lexicon.caveat_risks
                ):
                    return True
        return False

    def _caveat_follows(self, last: int) -> bool:
        """The next sentence turns against the effect just described and names its risk
        (…鼻子就通了。但这类喷剂如果用错，反而可能…): a 科普 setting up a warning."""
        following = self._next_sentence(last)
        if following is None:
            return False
        following = following.lstrip()
        return (
            following.startswith(tuple(self.lexicon.caveat_openers))
            and any(word in following for word in self.lexicon.caveat_risks)
            and not _CAVEAT_URGES.search(following)
        )

    def _debunk_reach(self, first: int, start: int) -> int:
        """Where debunking words before the claim start to count.

        An earlier clause that is a worried question (担心是智商税吗，) or that closes on
        its own verdict (纯属谣言，) is done with: its debunking word judges what came
        before it, and the claim after it stands. So is a clause that only gives the
        subject its nickname in quotes (海参被称为“海中人参”，). So is a belief the writer then
        corrects (很多人以为是年纪大了，其实… · …，等发现时已经晚了): the correction is the
        writer's own, also when the claim opens with it; and so is the speaker's own past
        belief (本以为好不了了，…)."""
        text = self.s.text
        reach = first
        openers = tuple(self.lexicon.correction_openers)
        reach_into = max(map(len, openers), default=0)  # an opener may begin the claim
        for at in range(first, start):
            if text[at] not in _CLAUSE_ENDS:
                continue
            clause = text[reach:at].rstrip(_PARTICLES + " ")
            if (
                text[at + 1 : start + reach_into].lstrip().startswith(openers)
                or clause.endswith(("吗", "呢"))
                or any(word in clause for word in self.lexicon.worry)
                or any(word in clause for word in _OWN_BELIEFS)
                or _NICKNAME_CLAUSE.search(clause) is not None
                or clause.endswith(tuple(self.lexicon.debunk_headings))
                or clause.endswith(tuple(self.lexicon.debunk_after))
            ):
                reach = at + 1
        return reach

    def _quote_tail(self, end: int, last: int) -> str:
        """The claim's sentence after the claim (``end`` to ``last``), run on through the
        next sentence of the paragraph when the sentence closed inside a quote that closes
        right after it (“……就好了。”——不对): the writer's verdict on the quote follows."""
        text = self.s.text
        _, closing = _quote_marks(tuple(self.lexicon.quote_pairs))
        if last >= len(text) or text[last] not in closing or any(
            char in closing for char in text[end:last]
        ):
            return text[end:last]
        stop = max(last, self.s.sentence_at(last)[1])
        cut = text.find("\n", last, stop)
        return text[end : cut if cut >= 0 else stop]

    def _quote_judged(self, after: str, claim: str = "") -> bool:
        """The quote holding the claim closes and the writer judges it in the same sentence:
        “……就好了”这类宣传语要警惕 · 「……可以根治」——不能 · “……”：没有可靠证据 ·
        “能根治鼻炎”：鼻炎目前无法根治 (the answer negates the quoted claim's own word)."""
        opening, closing = _quote_marks(tuple(self.lexicon.quote_pairs))
        for at, char in enumerate(after):
            if char in opening:
                return False
            if char in closing:
                tail = _past_quotes(after[at + 1 :], opening | {'"'}, closing)
                if tail.startswith(tuple(self.lexicon.referents)) and any(
                    negator in tail for negator in self._negators
                ):
                    return True  # “…”“…”这类说法，店员不能讲
                if tail.startswith(("——", "--")) and _gloss_negates(tail):
                    return True  # “可以替代安眠药”——服药的人不要擅自换成它
                tail = tail.lstrip(_QUOTE_TAIL)
                for head in _VERDICT_HEADS:  # “…”：这是制造焦虑 · “…”——这纯属谣言
                    if tail.startswith(head):
                        tail = tail[len(head) :]
                        break
                for copula in _COPULA_HEADS:  # “…”是错误的说法 · “…”纯属谣言
                    tail = tail.removeprefix(copula)
                if tail.startswith(tuple(self.lexicon.verdicts)):
                    return True
                if any_phrase_in(self.lexicon.debunk_before, tail):
                    return True
                core = claim[-2:] if len(claim) >= 2 and _is_han(claim[-2]) else ""
                return bool(core) and any(
                    negator + core in tail for negator in self._negators
                )
        return False

    def _listed_under_debunking_heading(self, start: int) -> bool:
        """The claim is a short item listed under a heading such as 以下说法都是谣言：.

        The heading introduces a list (ends with a colon, or says 这些/以下/常见 …) and
        names a debunking word; every paragraph between it and the claim is a short item,
        or an item that opens with the quoted belief and goes on to answer it (“用了就停不
        下来”：鼻喷激素不会成瘾。…): there the belief, and an answer worded as its
        negation, are no claims.
        """
        paragraphs = self.s.paragraphs
        index = self.s.paragraph_index(start)
        first, last = paragraphs[index] if paragraphs else (0, 0)
        close = self._quoted_item(first, last)
        if len(self.s.text[first:last].strip()) > _LIST_ITEM and (
            close is None
            or not (start < close or self.s.text[start : start + 1] in _OWN_NEGATION)
        ):
            return False
        reach = _LIST_LENGTH * (3 if close is not None else 1)  # a table: belief, answer
        offset = max(0, index - reach)
        above = paragraphs[offset:index]
        for at in range(len(above) - 1, -1, -1):
            first, last = above[at]
            text = self.s.text[first:last].strip()
            if self._debunking_heading(text):
                return True
            quoted = self._quoted_item(first, last) is not None
            if (close is not None and not quoted and offset + at <= _LEAD
                    and self._doubting_title() and self._answered_below(index, close)):
                return True  # beliefs under a title that doubts them, each corrected
            if close is not None and not quoted and len(text) <= _LIST_ITEM:
                if at and self._quote_line(self.s.text[slice(*above[at - 1])].strip()):
                    continue  # the answer beside a bare quoted belief (a table's row)
                return self._labels_under_debunking_heading(above[: at + 1])
            belief_above = at > 0 and self._quoted_item(*above[at - 1]) is not None
            if close is not None and not quoted and belief_above:
                continue  # the answer to the quoted belief above it: belief, then answer
            if (len(text) > _LIST_ITEM and not quoted) or (close is not None and not quoted):
                return False  # prose, or a plain line among quoted items: a new heading
        return False

    def _listed_then_refuted(self, start: int) -> bool:
        """The claim is a short quoted item in a list of quoted items, and the paragraph right
        after the list takes them up by a referent and refutes them (- “…”\n- “…”\n上述说法
        缺乏依据): the quoted lines are the claims refuted, not made."""
        paragraphs = self.s.paragraphs
        if not paragraphs:
            return False
        index = self.s.paragraph_index(start)
        first, last = paragraphs[index]
        close = self._quoted_item(first, last)
        if close is None or start > close or len(self.s.text[first:last].strip()) > _LIST_ITEM:
            return False
        for at in range(index + 1, min(index + 1 + _LIST_LENGTH, len(paragraphs))):
            first, last = paragraphs[at]
            text = self.s.text[first:last].strip()
            if self._quoted_item(first, last) is not None and len(text) <= _LIST_ITEM:
                continue  # another item of the list
            head = text[: _HEADING + 10]
            for referent in self.lexicon.referents:
                found = head.find(referent)
                if found < 0:
                    continue
                tail = head[found + len(referent) : found + len(referent) + 12]
                if any(negator in tail for negator in self._negators) or any(
                    phrase in tail for phrase in self.lexicon.debunk_after
                ):
                    return True
            return False
        return False

    def _doubting_title(self) -> bool:
        """The article's title doubts or debunks what it goes on to list (这几条说法靠谱吗？
        · 近视手术的常见误区)."""
        paragraphs = self.s.paragraphs
        if not paragraphs:
            return False
        title = self.s.text[slice(*paragraphs[0])].strip()
        if "\n" in title or len(title) > _HEADING * 2:
            return False
        return any_phrase_in(self.lexicon.debunk_headings, title) or any_phrase_in(
            self.lexicon.doubts, title
        )

    def _answered_below(self, index: int, close: int) -> bool:
        """The quoted belief closing at ``close`` in paragraph ``index`` is answered: by the
        next line of its paragraph, or by the next paragraph if that is prose, not another
        quoted belief."""
        paragraphs = self.s.paragraphs
        newline = self.s.text.find("\n", close, paragraphs[index][1])
        if newline >= 0 and self.s.text[newline : paragraphs[index][1]].strip():
            answer = self.s.text[newline : paragraphs[index][1]]
        elif index + 1 < len(paragraphs) and self._quoted_item(*paragraphs[index + 1]) is None:
            answer = self.s.text[slice(*paragraphs[index + 1])]
        else:
            return False
        # an answer corrects (不能替代, 并不一致, 没有证据); one that only agrees does not
        return any_phrase_in(self.lexicon.negators, answer)

    def _debunking_heading(self, text: str) -> bool:
        """``text`` introduces a list and debunks it (以下说法都是误区：)."""
        return _introduces_list(text, self.lexicon.list_intro) and any(
            w in text for w in self.lexicon.debunk_headings
        )

    def _labels_under_debunking_heading(self, above: list[tuple[int, int]]) -> bool:
        """The last paragraphs of ``above`` are a table's column labels (说法 | 实际情况),
        right under a heading that introduces a list and debunks it."""
        for first, last in reversed(above):
            text = self.s.text[first:last].strip()
            if self._debunking_heading(text):
                return True
            if len(text) > _COLUMN_LABEL or any(mark in text for mark in "，,。；;！!：:"):
                return False
        return False

    def _quoted_item(self, first: int, last: int) -> int | None:
        """Where the quote closes in a paragraph that opens with one (after list marks and
        bold marks), or None."""
        text = self.s.text[first:last]
        lead = len(text) - len(text.lstrip(_ITEM_MARKS + "_"))
        for pair in (*self.lexicon.quote_pairs, '""'):  # curly quotes are folded to "
            if text.startswith(pair[0], lead):
                close = text.find(pair[1], lead + 1)
                return first + close if close > 0 else None
        return None

    def quoted(self, start: int, end: int) -> bool:
        """The span sits inside quotation marks or a title mark within its sentence.

        Quotes that the writer adopts (堪称“神药”, 被誉为“…”) do not count.
        """
        first, _ = self.s.sentence_at(start)
        ends = self.lexicon.sentence_ends
        if self.s.text.startswith('"', first) and self.s.text[first - 1 : first] in ends:
            # the closing mark of a quote that ended with 。！？ ("…好了！"——), unless it
            # opens a name that closes before the claim (必备！"某某片"让你…)
            opens = self.s.text.count('"', self.s.paragraph_at(first)[0], first) % 2 == 0
            if not (opens and '"' in self.s.text[first + 1 : start]):
                first += 1
        line = self.s.text.rfind("\n", 0, first) + 1
        if self._open_title(line, first) >= 0:
            # a title mark opened before the sentence (《…宿便！这款茶一周排光》): the
            # title runs across the sentence end and the claim is inside it
            first = line
        before = self.s.text[first:start]
        opened, closes = -1, '"'
        for pair in self.lexicon.quote_pairs:
            opening, closing = pair[0], pair[1]
            if before.rfind(opening) > max(before.rfind(closing), opened):
                opened, closes = before.rfind(opening), closing
        if opened < 0 and before.count('"') % 2 == 1:
            opened = before.rfind('"')
        if opened < 0:
            return self._reported_into_quote(first, start, end)
        if self._runs_past_quote(start, end, closes):
            return False
        if self._testimonial_quote(first + opened):
            return False
        clause = self.s.clause_start(first + opened) - first
        lead = before[clause:opened]
        return not any(frame in lead for frame in self.lexicon.affirming_frames)

    def _runs_past_quote(self, start: int, end: int, closing: str) -> bool:
        """The claim goes on past the closing mark: the writer's own sentence uses a quoted
        term (把“湿毒”统统吸出来), it does not report one."""
        inside = self.s.text[start:end]
        at = inside.find(closing)
        return at >= 0 and any(_is_han(ch) for ch in inside[at + 1 :])

    def _reported_into_quote(self, first: int, start: int, end: int) -> bool:
        """The span starts outside a quote and ends inside it, and the quote is the words a
        third party is said to have used (某店称其床垫“睡三个月根治颈椎病”, …，声称“…”): the
        product named outside the quote is the report's subject, the claim is the quote."""
        text = self.s.text
        for pair in (*self.lexicon.quote_pairs, '""'):
            opening = text.find(pair[0], start, end)
            if opening < 0 or (pair[0] == pair[1] and text.count(pair[0], first, opening) % 2):
                continue
            closing = text.find(pair[1], opening + 1)
            if closing >= 0 and end <= closing + 1:
                return bool(_REPORTS_CLAIM.search(text, first, opening))
        return False

    def rhetorical(self, start: int) -> bool:
        """The sentence asks only to assert: 用过的谁不说好？ · 有它还做什么手术？"""
        first, last = self.s.sentence_at(start)
        sentence = self.s.text[first:last]
        if _RHETORICAL.search(sentence):
            return True
        return any_phrase_in(self.lexicon.rhetorical, sentence)

    def _testimonial_quote(self, opening: int) -> bool:
        """A quote that opens its paragraph is someone's own words: a testimonial, a
        claim (“吃了两盒就好了”——王女士), not speech the writer reports."""
        paragraph, end = self.s.paragraph_at(opening)
        line = max(paragraph, self.s.text.rfind("\n", 0, opening) + 1)
        lead = self.s.text[paragraph:opening].strip(_ITEM_MARKS)
        if self.s.text[paragraph:line].strip():  # a line of a script: who speaks on it
            lead = self.s.text[line:opening].strip(_ITEM_MARKS)
            if not self._speaker_label(lead) and (lead or not self._label_line(paragraph, line)):
                return False
        elif lead and not self._speaker_label(lead):
            return False
        following = self.s.text[end : end + 40].lstrip()  # a table's next cell, an answer
        if _answer_verdict(following, self.lexicon.verdicts):
            return False
        return not self._answered_false(opening, end)  # a quiz line (答案：✗。… below)

    def _label_line(self, paragraph: int, line: int) -> bool:
        """The line above a quote that opens its own line is a short label of the quote, not
        a sentence (话术 B（营养包） then “…”): the quote is the pitch itself. A label that
        reports or warns (有人说：, 常见套路) is no such line."""
        block = self.s.text[paragraph:line].rstrip()
        above = block.rsplit("\n", 1)[-1].strip()
        if self._quote_line(above):
            if "\n" not in block:
                # a run of quotes, a line each, that opens its paragraph: a script's lines
                return True
            # one of a run of quotes under one label (客户反馈：then a quote a line)
            return self._label_line(paragraph, paragraph + block.rfind("\n") + 1)
        if above.endswith((*self.lexicon.sentence_ends, "，", ",", "；", ";")):
            return False
        label = above.strip(_ITEM_MARKS + "_：:")
        if not label or len(label) > _SPEAKER:
            return False
        words = (*self.lexicon.hearsay, *self.lexicon.debunk_before, *self.lexicon.debunk_headings)
        return not any(word in label for word in words if word != "话术")

    def _quote_line(self, line: str) -> bool:
        """The line is one quote and nothing else (after list marks)."""
        text = line.lstrip(_ITEM_MARKS + "_")
        pairs = [*self.lexicon.quote_pairs, '""']
        return any(
            len(text) > 2 and text.startswith(pair[0]) and text.endswith(pair[1])
            and pair[0] not in text[1:-1]
            for pair in pairs
        )

    def _speaker_label(self, lead: str) -> bool:
        """The paragraph opens with a speaker and a colon or a dash (店员：“…”, 王阿姨说：“…”,
        顾客嫌贵——“…”), as in a script or a chat: the quote is that speaker's own pitch or
        story. Hearsay (有人说：, 网传：) is reported, not spoken."""
        bracketed = lead.startswith(("【", "[")) and lead.endswith(("】", "]"))  # 【买家秀】“…”
        if len(lead) > _SPEAKER or not (bracketed or lead.endswith(("：", ":", "——"))):
            return False
        words = (*self.lexicon.hearsay, *self.lexicon.debunk_before)
        script = _script_label(lead, 0, len(lead))
        return not any(word in lead for word in words if not (script and word == _SCRIPT))

    def _offer_after(self, start: int, end: int) -> bool:
        """The question is a later clause that offers or asks for an order (…，给您留个名额？):
        it asks about the sale, not about the claim in an earlier clause."""
        tail = self.s.clause_start(max(start, end - 1))
        if tail <= self.s.clause_start(start):
            return False
        return any_phrase_in(list(_OFFERS), self.s.text[tail:end])

    def _takes_up_before(self, start: int, end: int) -> bool:
        """The question is a later clause that takes the earlier ones up as given and asks
        where they lead (…，这样拖下去真的好吗？), not whether the claim before it holds."""
        tail = self.s.clause_start(max(start, end - 1))
        if tail <= self.s.clause_start(start):
            return False
        return self.s.text[tail:end].lstrip().startswith(_TAKEN_UP)

    def _asked_within(self, start: int, end: int) -> bool:
        """The claim's own wording asks whether it holds (这病能不能治好，要看…), not as a
        question others put (同事都问我是不是去做了医美: a result told as a story)."""
        asked = _ASKED_WITHIN.search(self.s.text, start, end)
        if asked is None:
            return False
        return "问" not in self.s.text[self.s.clause_start(asked.start()) : asked.start()]

    def question(self, start: int, end: int | None = None) -> bool:
        """The sentence holding ``start`` asks a question, or the claim's clause does, or
        (given its ``end``) the claim's own wording asks whether it holds (病能不能治好).

        A rhetorical question asks nothing: it is a claim.
        """
        first, last = self.s.sentence_at(start)
        sentence = self.s.text[first:last].rstrip()
        if sentence.endswith(("?", "吗", "呢")) or "?" in sentence[-2:]:
            if self._offer_after(start, first + len(sentence)):
                return False
            if self._takes_up_before(start, first + len(sentence)):
                return False
            return not self.rhetorical(start)
        if end is not None and self._asked_within(start, end):
            return not self.rhetorical(start)
        return self._phrase_before(
            self.lexicon.question_words, self.s.clause_start(start), start, overlap=True
        )


# a last clause that opens on these takes up what the sentence said before it and asks
# where it leads (这样拖下去…？), not whether it is true
_TAKEN_UP = ("这样拖", "这么拖", "这样下去", "这么下去", "照这样下去", "长此以往",
             "这样等", "这么等", "这样耗", "这么耗", "再这样下去")

# a last clause that offers the sale or asks for the order: the question is about buying
_OFFERS = (
    "留个名额", "留名额", "留个位", "留个位置", "给您留", "给你留", "帮您约", "帮你约", "帮您预约",
    "帮你预约", "帮您安排", "帮你安排", "要不要来", "要不要试", "要不要约", "要不要给", "要不要拍",
    "要不要订", "来一套吗", "来一盒吗", "拍一单", "下单吗", "预约吗", "报名吗", "感兴趣吗",
    "有兴趣吗", "考虑一下吗", "试试吗", "体验一下吗", "给您安排吗", "给你安排吗", "上车吗",
)

# a later clause about the others (其他牌子都是交智商税) runs them down, it does not judge
# the claim
_OTHERS = (
    "别的", "别家", "其他", "其它", "别人家", "人家的",
    "同类", "市面上", "外面的", "一般的", "普通的",
)


def _answer_verdict(following: str, verdicts: list[str]) -> bool:
    """``following`` (after an optional answer label: 答案：) opens with a verdict."""
    if _FACT_CHECK.match(following):
        return True  # a fact-check's label (核实：…) examines the claim before it
    label = _ANSWER.match(following)
    if label:
        following = following[label.end() :]
    return following.startswith(tuple(verdicts))


def _judges(after: str, phrase: str) -> bool:
    """``phrase`` stands in ``after`` (the sentence after a claim) in a clause that is not
    about other products."""
    at = after.find(phrase)
    while at >= 0:
        clause = max(after.rfind(mark, 0, at) for mark in _CLAUSE_ENDS) + 1
        if not after[clause:at].lstrip().startswith(_OTHERS):
            return True
        at = after.find(phrase, at + 1)
    return False


def _past_quotes(tail: str, opening: AbstractSet[str], closing: AbstractSet[str]) -> str:
    """``tail`` after the further quotes listed right after a closing one (“…”“…”、“…”)."""
    while True:
        rest = tail.lstrip("、，, ")
        if not rest or rest[0] not in opening:
            return tail
        close = next((at for at in range(1, len(rest)) if rest[at] in closing), -1)
        if close < 0:
            return tail
        tail = rest[close + 1 :]


# a turn that presses the reader to come at once (但…越拖越危险，赶紧过来拿药) sells, it
# does not warn about the effect told before it
_CAVEAT_URGES = LazyRegex(
    "越拖越|赶紧过来|赶紧来|赶快过来|赶快来|快来|晚了可就|就来不及了|别再犹豫|不要犹豫"
)
# a writer's gloss after a quote and a dash that negates or forbids: the quote is corrected
_GLOSS_NEGATORS = LazyRegex("不要|别|并不|并非|并没有|没有|不能|不等于|不可|切勿|不宜|不应")
# (unless it only urges the sale: “三天见效”——别再犹豫了)
_GLOSS_URGES = LazyRegex("犹豫|错过|再等|下单|抢购|手慢|名额")


def _gloss_negates(tail: str) -> bool:
    """The dash gloss right after a quote (up to its clause's end) negates or forbids."""
    gloss = re.split("[；;。！!？?\n]", tail, maxsplit=1)[0]
    return bool(_GLOSS_NEGATORS.search(gloss)) and not _GLOSS_URGES.search(gloss)


_SCRIPT = "话术"  # a sales script's label (话术：, 话术B：); a debunking word elsewhere
# words that make a script's label a warning about it (骗子话术：, 常见忽悠话术：)
_SCRIPT_WARNINGS = (
    "骗", "忽悠", "坑", "套路", "揭秘", "识破", "警惕", "小心", "常见", "典型", "惯用"
)


def _script_label(text: str, first: int, start: int) -> bool:
    """The line holding ``start`` opens with a short label of a sales script, 话术 and a
    colon (话术：“…” · 话术B（异议）：…), which teaches the line rather than warns of it."""
    line = max(first, text.rfind("\n", 0, start) + 1)
    lead = text[line:start]
    colon = min((at for at in (lead.find("："), lead.find(":")) if at >= 0), default=-1)
    if colon < 0 or colon > _SPEAKER:
        return False
    label = lead[:colon]
    return _SCRIPT in label and not any(word in label for word in _SCRIPT_WARNINGS)


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"
