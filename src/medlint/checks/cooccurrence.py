"""``cooccurrence``: a serious sign needs an urgent action in the same or next sentence."""

from __future__ import annotations

from difflib import SequenceMatcher
from itertools import pairwise
from typing import TYPE_CHECKING

from ..lazy_regex import LazyRegex
from .base import Article, Check, Finding
from .patterns import Patterns

if TYPE_CHECKING:
    from ..rules.models import CooccurrenceRule

# A sentence ending with a colon that carries the action (出现以下情况，请立即就医：)
# introduces a list: it covers the list items that follow, up to this many sentences.
LEAD_IN_REACH = 8
# A sentence about what to do when something happens (a closing "see a doctor if unwell" is not).
_WHEN = LazyRegex(r"出现|一旦|发生|发现")
# A question about the sign: the sentence ends with a question mark.
_ASKED = LazyRegex(r"[?？][*_]*$")
# A negative answer to a question about a sign (会胸闷吗？一般不会。).
_DENIED = LazyRegex(
    r"\W*(答[:：]?)?\W*(一般|通常|基本上?|正常情况下)?(不会|没有|不是|并不会|很少|极少|罕见)"
)
# A paragraph that refers back to the signs before it (出现上述任何一种情况，…; 这些都说明…).
# A drug's adverse reactions, and a leaflet's instruction for them: stop the drug and see a
# doctor (停药并咨询医生), or stop it at once (须立刻停用).
_ADVERSE = LazyRegex(r"不良反应|副作用|副反应")
_STOP_AND_SEE = LazyRegex(
    r"(停药|停用|停服|停止(用药|使用|服用))[^。!?]{0,10}(就医|就诊|医生|医师|医院)"
    r"|(立即|立刻|马上|即刻)(停药|停用|停服|停止(用药|使用|服用))"
)
# A sentence before the signs that points forward to them (遇到以下情况…).
_FORWARD_REFERENCE = LazyRegex(
    r"(以下|下列|下面)(这些|几种|几类|任何一种|任一"
    # (or a quiz asking which of the options below needs it: 出现以下哪种情况需要立即就医？)
    r"|哪种|哪一种|哪几种|哪些|哪类)?(情况|症状|表现|信号)"
)
# A later sentence that sends back to any of the signs named before it (出现上面任何一条，
# 马上拨打120; 以上几种表现只要有一个…): with an action, it answers them all.
_ANY_OF_THEM = LazyRegex(
    r"(上述|以上|上面|前面|这几种|这几个|这几条|这些)[^，,。；;!?！？]{0,4}"
    r"(任何|任一|哪一|哪个|其中|之一|只要有|一种|一条|一项|一个)"
    # or all of them at once (遇到这些情况都要立即拨打120; 以上症状均需马上就医)
    r"|(上述|以上|上面|前面|这几种|这几个|这几条|这些)(情况|症状|表现|信号|情形)?"
    r"[^，,。；;!?！？]{0,2}(都|均|皆|一律|统统|全都)"
)
_BACK_REFERENCE = LazyRegex(
    r"\W*(如果|若|如|一旦|凡)?(出现|发生|遇到|有)?(上述|以上|上面|这些|这种|这类|此类)"
)
# A sentence that goes on about the sign before it (这种反应…, 多数在…): the action may
# follow it.
_GOES_ON = LazyRegex(
    r"\s*((这种|这类|此类|这些|该|此|其)(反应|情况|症状|不良反应)|它(会|多|通常|一般)"
    r"|多数|大多|通常|一般|往往)"
)
# Feeling unwell, or a sign that does not ease, is the condition of an action: its negator
# negates no action (一旦不舒服马上就医, 高烧不退马上去医院, 仍无法缓解请立即就医).
_UNWELL = frozenset(
    {"舒服", "适", "对劲", "好受", "得劲", "缓解", "好转", "减轻", "改善", "消退", "退",
     "退烧", "见效", "管用", "起效", "见好", "止住", "消失", "停止"}
)
_CONDITION_NEGATORS = frozenset({"不", "没", "没有", "未", "无法", "不能", "难以", "未能", "仍未"})
# A page that calls the treatment risk-free (零风险, 没有任何副作用, 绝对安全, 比打针安全一百倍)
# and gives no aftercare: the false safety claim is its fault (an overclaim, reported where it
# stands), not a warning left out of guidance the page never gives.
_RISK_DENIED = LazyRegex(
    r"零风险|无风险|毫无风险|没有(任何|什么)?(风险|副作用|副反应)|无(任何)?副作用|零副作用"
    r"|不会有(任何|什么)?(风险|副作用)|(绝对|百分百|百分之百|100%)安全|最安全"
    r"|安全[^。；;，,!?！？\n]{0,2}[一二两三四五六七八九十百千万0-9]+倍"
)
# (a denial of the claim: 并非零风险, 哪有什么绝对安全, 所谓“零风险”)
_CLAIM_DOUBTED = LazyRegex(
    r"(不是|并非|并不|没有|谈不上|不存在|不等于|不代表|哪有|何来|所谓|号称|宣称|声称|别信)"
    r"[^。；;，,!?！？\n]{0,2}[\"“「『]?$"
)
# Aftercare or use precautions: guidance a warning belongs in (注射后6小时内不要平躺,
# 用药期间避免饮酒, ## 注意事项).
_AFTERCARE = LazyRegex(
    r"注意事项|术后护理|护理须知|用药须知|使用须知"
    r"|(术后|注射后|治疗后|打完|做完|用药期间|服药期间|使用期间)[^。；;\n]{0,12}"
    r"(不要|不能|不宜|避免|别|勿|禁止|尽量)"
)
# A role word before a sign (用于缓解…, 那年…) stands at most this far before it.
ROLE_REACH = 16
# Items of a list (A、B、C) before a sign that inherit the list's role, at most.
LIST_ITEMS = 6
_CLAUSE_END = LazyRegex(r"[，,。；;！？!?\n]")
# A sentence that tells the past (刚得病那几年…; 十年前那次…; 光绪年间…): the signs in it and in
# the next sentence of its paragraph are history.
_PAST = LazyRegex(
    r"(那几年|那些年|那年|当年|那次|那一次|上次|上一次|上回|那回|前些年|前几年|那阵子|刚得病|刚确诊|刚查出|小时候|年轻时|早年"
    r"|[0-9一二两三四五六七八九十几多]+年前|去年|前年|年间|古时候?|旧社会|解放前"
    # a month or a year gone by, named (上个月…; 2019年冬天…; 有一年…)
    r"|上个月|上周|上礼拜|上星期|那会儿|有一年|(?<![0-9])(19|20)[0-9]{2}年"
    # a past edition of an event, a patient's admission (往届赛事中…; 入院时…)
    r"|往届|往年|以往|(入院|来院|到院|住院|就诊|收治)时"
    # a story's own day (有一回…; 那天…; 事发当晚…)
    r"|有一回|有一次|那天|那晚|那一天|那一晚|事发"
    # an age or an era gone by, a life that has ended (历史上…; 19世纪…; 八十年代末…; 他走之前…)
    r"|历史上|[0-9一二三四五六七八九十]+(世纪|年代)|走之前|去世前|临终前|离世前|过世前)"
)
# The experiential 过 right after a sign (抽搐过一次, 晕倒过的人) tells that it happened
# once, unless the sentence places it in the last days (最近晕倒过两次).
# A screening question on past reactions that gives the sign as an example (确认没有疫苗过敏史，
# 例如以前打针后出现呼吸困难; 护士会询问有没有药物过敏，比如用药后喘不上气): a history asked
# before a treatment, which rules the treatment out; not a sign the reader has now.
_SCREENED = LazyRegex(
    r"(过敏史|病史|既往史|用药史|(有没有|有无|是否|是不是|曾否|有冇)[^。！？!?；;]{0,8}过敏)"
    r"[^。！？!?；;]{0,12}(例如|比如|譬如|像是|诸如|包括)[^。！？!?；;，,]{0,16}$"
)
# What staff watch for while the patient is in their care (留观期间护士会观察有无呼吸困难, 医护人员
# 会监测你是否出现胸闷、呼吸困难): the care is at hand, the sign is asked about, not had.
_STAFF_WATCH = LazyRegex(
    r"(护士|医生|医师|医护人员|医务人员|工作人员|值班医生|麻醉医生|麻醉师|接种医生|监护仪)"
    r"[^。！？!?；;，,]{0,6}(观察|监测|监护|留意|查看|评估|巡视)[^。！？!?；;，,]{0,6}"
    r"(有无|是否|有没有|会不会)[^。！？!?；;，,]{0,14}$"
)
# A sign someone had once (有过一阵胸口发紧): history, unless waved away in its sentence or the
# next (…点点眼药水就行, 睡一觉就好了): a story that teaches doing without
_HAD = LazyRegex(r"(?<!没)(发生过|出现过|有过|得过|犯过)")
# (also a history asked on a form: 有没有抽搐过这些, 晕倒过吗, 昏迷过没有)
_EXPERIENCED = LazyRegex(
    r"过(?=[一两二三四五六七八九十几好多]?[次回遍]|的|这些|这类|之类|等|什么的|吗|没有?|与否"
    r"|[，,。；;！!？?\s]|$)"
)
_RECENT = LazyRegex(
    r"最近|近来|近期|这几天|这两天|这周|本周|今天|昨天|昨晚|前天|刚才|刚刚|今早|今晚"
)
# Back from the past to the present: 上次…，这次又…; 那年…，现在…; 上个月开始…
_NOW = LazyRegex(
    r"这次|这回|现在|如今|眼下|今天|最近|刚才|刚刚|而家|开始|以来|至今|一直"
    r"|这两天|这几天|近来|近期|昨天|昨晚|今早|今晚"
    # or a new, general subject after the story (…上周发来视频。有的家人贴着贴着…)
    r"|(?<![那当])(有的|有些|个别|少数)(家人|人|朋友|顾客|客户|宝宝|孩子|老人|姐妹|宝妈|用户|学员|会员)"
)
# A sign named as the episode already told (这次晕倒, 那次抽搐; not 这次又…)
_THAT_EPISODE = LazyRegex(r"(这次|那次|这回|那回|上次|这一次|那一次)$")
_CONDITION = LazyRegex(r"如果|若|一旦|万一|要是|出现|发现|的话")
# A sentence that names what the sentence before it answered (要去，马上去急诊。这可能是
# 热性惊厥…): the action before covers the sign it explains.
_EXPLAINS = LazyRegex(
    r"\W*(这|那|此|这种情况|这个|这些)(很|多半|极|非常)?(可能|多半|大概|应该|估计|怀疑)?"
    r"(就)?(是|属于|叫|考虑)"
    # (or gives the reason for it: 马上去急诊。因为胸痛可能是心梗的信号。)
    r"|\W*(因为|由于)"
)
# The end of a whole sentence, past the clauses ； joins.
_FULL_STOP = LazyRegex(r"[。！？!?]")
# An action the sentence puts off or talks the reader out of (别急着往医院跑, 不用急着
# 送医, 不用慌着往医院送, 不必马上就医, 先别去急诊, 别大半夜往医院跑): a deterrent
# before it, with a word of haste or a verb of going between.
_DETERRED = LazyRegex(
    r"(别|不要|不用|不必|先别|用不着|没必要|无需|何必|犯不着|唔使|唔好)"
    # (at an hour or a trouble named between: 别大半夜往医院跑, 不用专门跑医院)
    r"(大半夜|半夜三更|深更半夜|三更半夜|半夜|大晚上|大清早|一大早|大老远|大冷天|大热天|"
    r"专门|特意|特地|专程|白白)?(的|地)?"
    r"(急着|急著|着急|著急|忙着|忙著|慌着|慌著|急于|赶着|趕著|急住|马上|立刻|立即|即刻|"
    r"一上来就|动不动就?|一有事就|老是|总是)?"
    r"(去|到|上|跑|往|送|跑去|赶去)?$"
    # or mocked as a fluster (就急急忙忙往医院跑，其实…; 动不动就跑急诊)
    r"|(急急忙忙|慌慌张张|慌里慌张|火急火燎|风风火火|急吼吼|动不动就?|一窝蜂)(地|咁)?(就)?"
    r"(去|到|上|跑|往|送|跑去|赶去|奔|冲|奔去|冲去)?$"
)
# An action that names no care (别耽误, 一分钟都别等, 争分夺秒) urges whatever its sentence
# urges: when the sentence urges using a product or a home remedy (抓紧每晚贴上，别耽误;
# 赶紧喝起来，一天都别拖), it is a sales push, not a call for help.
_CARE = LazyRegex(
    r"医|院|诊|救|护士|120|999|119|112|911|复苏|按压|AED|除颤|侧卧|侧躺|海姆立克|肾上腺素"
)
_URGED_USE = LazyRegex(
    r"(抓紧|赶紧|赶快|尽快|快点?|马上|立刻|立即|及早|早点|每晚|每天|天天|坚持)[^,;，。；!?！？]{0,4}"
    r"(贴|吃|喝|食|饮|用|喷|滴|含|熏|服|擦|嚼|涂|抹|搽|戴|泡|敷|按|揉|推|灸|刮|拔|练|买|下单|囤|入手|拍|安排|约|报名)"
)
# A paragraph that opens at the moment the sign before it was seen (这时候…, 此时…, 遇到这种
#情况…): its action answers that sign.
_AT_THAT_MOMENT = LazyRegex(
    r"\s*(这时候?|这个时候|此时|此刻|这种时候|遇到这种情况|碰到这种情况|发现这种情况|出现这种情况"
    r"|这种情况下?)[，,：:\s]*"
)
# A paragraph that opens on the condition the signs before it point to (如怀疑中毒，…; 若疑似
# 过敏，…): its action answers those signs.
_SUSPECTED = LazyRegex(
    r"\s*(如|若|如果|若是|倘若|假如|一旦|万一|萬一)?(怀疑|懷疑|疑似|疑为|疑為)"
)
# A heading over what to do (## 怎么做, ## 现场急救, ## 第一时间该做什么).
_WHAT_TO_DO = LazyRegex(
    r"怎么办|怎么做|怎样做|如何(处理|应对|做|急救|施救)|急救|施救|自救|互救|处理|应对|处置"
    r"|该做什么|该怎么|第一时间|步骤|措施|救治"
)
# A heading over the signs of a condition (## 典型表现, ## 危险信号, ## 中风的征兆).
_SIGNS_HEADING = LazyRegex(r"表现|症状|信号|征兆|先兆|征象|迹象")
# A heading over advice (### 医生提醒, ## 温馨提示, ## 家长须知) or over what to do.
_ADVICE_HEADING = LazyRegex(
    r"提醒|提示|建议|须知|注意|贴士|支招|叮嘱|划重点|" + _WHAT_TO_DO.pattern
)
# A speaker's label opening a turn of a chat or a transcript (浩然妈妈：, A：, 主持人：).
_SPEAKER = LazyRegex(r"\s*[^\s:：。,，;；!?！？]{1,16}[:：]\s*")
# Punctuation that closes a prose paragraph (a heading has none).
CLOSING = ("。", "！", "？", "!", "?", "；", ";", "…")


def _message_at(text: str, first: int, last: int, at: int) -> tuple[int, int]:
    """In a chat written as one block of lines (09:20 老李：…), the message holding `at`;
    otherwise the paragraph: a reply an hour later answers no sign in a message before."""
    lines = text[first:last].split("\n")
    if len(lines) < 3 or sum(1 for line in lines if _CHAT_LINE.match(line)) < 3:
        return first, last
    begin = text.rfind("\n", first, at) + 1 or first
    stop = text.find("\n", at, last)
    return max(begin, first), (last if stop == -1 else stop)


# a chat line: a time or a name, then a colon (09:20 老李：, 【群主】：, 老周（上午班）：)
_CHAT_LINE = LazyRegex(r"\s*([0-9]{1,2}[:：][0-9]{2}\s+)?[^\s:：。,，;；!?！？]{1,16}[:：]\s*\S")


# A sign the sentence gives as the condition of an instruction (如出现胸闷，请暂停使用): a sign to
# act on, even in a sentence that also says to stop the treatment.
_IF_SIGN = LazyRegex(r"(如|若|如果|一旦|万一|要是)(出现|发生|感到|觉得|有)[^，,。；;]{0,4}$")
# A sign the sentence warns may follow use (对花粉过敏者请留意，个别人食用后可能出现…): the
# reaction a reader may meet, not the name of those who must not use it (有休克史者禁用).
_MAY_FOLLOW = LazyRegex(
    r"(?<!以免)(?<!避免)(?<!防止)(可能|或|容易|易|甚至|偶尔|偶有)(会)?(出现|发生|引起|导致|诱发|引发)"
    r"[^，,。；;]{0,4}$"
)
# A ban before it in the sentence (…的人禁用本品，两者同服可能导致…): the sign is the reason for
# the ban, which a reader who keeps it never meets.
_BANNED = LazyRegex(
    r"禁用|禁忌|禁止|忌用|忌服|禁服|不宜|不能|不可|不要|切勿|请勿|避免|不适合|不建议|别[用吃喝服碰]"
)


# Told not to wait until the sign comes: 别等到…, 不要拖到…, 千万别等…才
_WAIT_UNTIL = LazyRegex(
    r"(别|不要|千万别|千万不要|莫|唔好|不能)(再)?(等|拖)(到|至)?[^,;，。\n]{0,4}$"
)


# A sign in a story settled without care: care skipped (我没去医院, 不用上医院) or a remedy
# that worked (按老法子捏了三遍，人就缓过来了): the story tells the reader to do the same.
_CARE_SKIPPED = LazyRegex(
    r"(没|没有|不用|不必|没必要|用不着|唔使|冇|不需要|无需)(再)?(去|上|跑|送|到)?"
    r"(医院|看医生|看病|就医|睇医生|急诊|急症室|打120|叫救护车)"
    # (or said by the money kept from it: 一分钱没花医院的, 没在医院花一分钱)
    r"|(一分钱|一毛钱|一分|一个子儿)[都也]?没(花|给|交)[^，,。]{0,2}(医院|医生|看病)"
    r"|没(在|往)?(医院|医生|看病)[^，,。]{0,2}(花|给|交)[^，,。]{0,2}(一分|一毛|钱)"
)
# (or care replaced by a shop or a lay healer the patient is taken to instead: 直接抱去楼下
# 推拿馆, 连夜送去按摩店, 找催乳师上门; a hospital's own 推拿科 or 康复科 is care)
_CARE_REPLACED = LazyRegex(
    r"(抱|带|送|领|扶|背|拉|跑|去|找|请)(去|到|进|了)?[^，,。；;]{0,6}"
    r"(推拿馆|推拿店|按摩馆|按摩店|按摩院|养生馆|养生店|养生会所|理疗馆|理疗店|足疗店|足浴店"
    r"|艾灸馆|艾灸店|刮痧馆|美容院|美容店|催乳店|通乳店|小儿推拿店|推拿中心|调理中心"
    r"|推拿师傅?|按摩师傅?|催乳师|通乳师|神婆|仙姑|大仙|土郎中|游医)"
)
# A past far enough to be a chronicle, not a lesson (八十年代末…; 据藏家回忆…; 旧社会…).
_ERA = LazyRegex(
    r"历史上|世纪|年代|据[^,;，。]{0,6}回忆|年间|古时|旧社会|解放前|走之前|去世前|临终前|生前"
)
_SETTLED = LazyRegex(
    r"(就|便|马上|立马|立刻|当场)(缓过来|好了|醒了|醒过来|退了|止住了?|好返|冇事)"
    # (or walked off on one's own: 歇了一阵，自己走下山了; 又能下地干活了)
    r"|(自己|自个儿|自个)(走下山|走回家|走回去|走下来|站起来|爬起来)|缓过劲来?了|又能(走路|下地|干活)了"
    # (or eased a little after a while: 缓了十来分钟才好些, 坐了一会儿好了点)
    r"|缓了[^，,。]{0,6}才?(好|缓过来)|才(好|缓)(些|点|一些|一点|过来)|(好|缓)了(些|点|一些|一点)"
    # (or cured, it is said, by a remedy: 就是喝这个喝好的, 全靠这个方子治好的)
    r"|(就是|全靠|都是|靠|还是)[^，,。]{0,8}(喝|吃|用|贴|泡|敷|涂|搽|抹|按|揉|灸|刮|练|治)(好|好返)(的|了)"
    # (or carried on with after a pause: 缓了缓又回去开会, 歇了一会儿接着干活)
    r"|(缓了缓|歇了歇|停了停|坐了坐|(缓|歇|停|坐|躺)了?一会儿?)[^，,。]{0,2}(又|就|便)?(回去|接着|继续|照常)"
)
# A story in which care came late, after a wait or a home remedy (我们以为他只是累了…第二天才
# 带他去门诊; 先推拿，结果…最后去医院): a lesson in waiting, not a past event handled.
_CARE_LATE = LazyRegex(
    r"(第二天|隔天|次日|过了[^，,。]{0,4}|拖了[^，,。]{0,4}|等了[^，,。]{0,4}|熬了[^，,。]{0,4}|后来|最后|最终)"
    r"[^，,。]{0,6}才(带|送|去|上|到|跑)[^，,。]{0,4}(医院|门诊|急诊|看医生|就医|就诊)"
    r"|(最后|最终|后来)[^，,。]{0,3}(去|上|送|到)了?[^，,。]{0,2}(医院|急诊)"
    r"|先[^，,。]{0,3}(推拿|按摩|刮痧|拔罐|艾灸|喝|吃|贴|揉|捂|扛|观察|等)[^。]{0,16}结果"
    r"|以为[^，,。]{0,8}(太累|累了|累着|上火|没事|没什么|小毛病|着凉|受凉|吃坏"
    # (or put down to a habit or a strain: 以为是咖啡喝多了, 以为是没睡好)
    r"|喝多了|吃多了|没睡好|睡不好|熬夜|缺觉|压力大|太忙|岔气|老毛病|年纪大)"
)
# How many sentences a story runs on past the sign, within its paragraph.
STORY_REACH = 2


# A rhetorical question that asserts the sign is common (谁没有过胸口发紧？, 哪个老人不
# 胸闷？): its negation affirms.
_RHETORICAL = LazyRegex(
    r"(谁|哪个|哪位|哪一个|边个)(家)?(没|不|唔)(有过|有|曾|会)?[^,;，。\n]{0,4}$"
)


class CooccurrenceCheck(Check):
    rule: CooccurrenceRule

    def __init__(self, rule: CooccurrenceRule) -> None:
        super().__init__(rule)
        self.signs = Patterns(rule.signs)
        self.actions = Patterns(rule.actions)
        self.exceptions = Patterns(rule.exceptions)
        self.not_before = Patterns(rule.not_before)
        self.not_after = Patterns(rule.not_after)
        self.not_in_sentence = Patterns(rule.not_in_sentence)
        self.dismissals = Patterns(rule.dismissals)
        self.remedies = Patterns(rule.remedies)

    def words(self) -> list[str]:
        return self.signs.literals + self.actions.literals + self.exceptions.literals

    def _warned(self, article: Article) -> bool:
        """Some sentence says what to do when something happens (一旦出现…立即就医)."""
        for start, _ in self.actions.finditer(article.text):
            first, last = article.structure.sentence_at(start)
            if _WHEN.search(article.text, first, last) and not article.context.negated(start):
                return True
        return False

    def _has_action(self, article: Article, first: int, last: int) -> bool:
        return any(
            not self._action_negated(article, a) and not self._sales_push(article, a, b)
            for a, b in self.actions.finditer(article.text, first, last)
        )

    @staticmethod
    def _sales_push(article: Article, start: int, end: int) -> bool:
        """An action that names no care, in a sentence that urges using something
        (这种更要抓紧每晚贴上，别耽误): it hurries the reader to the product."""
        if _CARE.search(article.text, start, end):
            return False
        first, last = article.structure.sentence_at(start)
        return _URGED_USE.search(article.text, first, last) is not None

    @staticmethod
    def _action_negated(article: Article, start: int) -> bool:
        """The action is negated (不必就医) or put off (别急着往医院跑); feeling unwell or
        a sign that does not ease (一旦不舒服马上…, 仍不缓解请…) negates nothing."""
        if _DETERRED.search(article.text, max(0, start - 8), start):
            return True
        negated = article.context.negated(start)
        if not negated:
            return False
        window = start - article.lexicon.negation_window
        tokens = article.structure.tokens(start)
        unwell = sum(
            1
            for (word, a, _), (after, _, b) in pairwise(tokens)
            if word in _CONDITION_NEGATORS and a >= window and b <= start and after in _UNWELL
        )
        return unwell % 2 == 0

    def _acted_on(self, article: Article, start: int, sign_end: int | None = None) -> bool:
        """An urgent action stands in the sign's sentence, the next ones, or a list lead-in.

        The next sentences count only within the sign's paragraph, unless that paragraph
        is a heading (no closing punctuation): a closing disclaimer (不适请及时就医) does
        not answer a sign in the paragraph before it.
        """
        sentences = article.structure.sentences
        if not sentences:
            return False
        index = article.structure.sentence_index(start)
        reach = index + self.rule.window
        if reach < len(sentences) and _GOES_ON.match(article.text, sentences[reach][0]):
            reach += 1  # 这种反应多在半小时内发生。一旦不舒服马上告诉医生。
        last = sentences[min(reach, len(sentences) - 1)][1]
        first, end = article.structure.paragraph_at(start)
        if article.text[first:end].rstrip().endswith(CLOSING):
            last = max(sentences[index][1], min(last, end))
        full_stop = _FULL_STOP.search(article.text, start, end)
        if full_stop is not None:
            # clauses joined by ； are one sentence: 伴发热寒战；…仍止不住——请立即到急诊
            last = max(last, full_stop.end())
        if self._has_action(article, sentences[index][0], last):
            return True
        first_of_sign, end_of_sign = sentences[index]
        if (
            index
            and sentences[index - 1][0] >= first
            and _EXPLAINS.match(article.text, first_of_sign)
            and self._has_action(article, *sentences[index - 1])
        ):
            return True  # 现在就去急诊。这可能是热性惊厥…
        if _ASKED.search(article.text[first_of_sign:end_of_sign].rstrip()):
            # a question (问：胸口疼一定是反流吗？): its answer is the rest of the paragraph
            # and the next one
            paragraphs = article.structure.paragraphs
            at = article.structure.paragraph_index(start)
            answer_end = paragraphs[min(at + 1, len(paragraphs) - 1)][1]
            if self._has_action(article, end_of_sign, answer_end):
                return True
        if self._answered_after(article, start):
            return True
        if end_of_sign >= end and self._answered_next(article, start):
            return True
        if self._answered_later(article, index):
            return True
        if sign_end is not None and self._same_sign_acted(article, start, sign_end):
            return True
        if sign_end is not None and self._answered_further(article, start, sign_end):
            return True
        if self._section_answered(article, start):
            return True
        if self._leaflet_answered(article, start):
            return True
        if self._inline_lead_in(article, index):
            return True
        for first, end in reversed(sentences[max(0, index - LEAD_IN_REACH) : index]):
            heading = article.is_heading(article.structure.paragraph_at(first))
            if heading or article.text[first:end].rstrip().endswith((":", "：")):
                # a lead-in (…请立即就医：) or a heading (## 有下列表现马上去急诊)
                return self._has_action(article, first, end)
            if _FORWARD_REFERENCE.search(article.text, first, end) and self._has_action(
                article, first, end
            ):
                return True  # 遇到以下情况，直接打急救电话。胸痛…
        return False

    def _inline_lead_in(self, article: Article, index: int) -> bool:
        """The sign is an item of a list run on in its paragraph after a lead-in that carries
        the action and a colon, item by item to a semicolon (要立即就医的情况：甲；乙；丙。)."""
        sentences = article.structure.sentences
        text = article.text
        paragraph = article.structure.paragraph_index(sentences[index][0])
        at = index - 1
        while at >= 0 and index - at <= LEAD_IN_REACH:
            first, end = sentences[at]
            if article.structure.paragraph_index(first) != paragraph:
                return False
            if not text[first:end].rstrip().endswith((";", "；")):
                return False
            colon = max(text.rfind(":", first, end), text.rfind("：", first, end))
            if colon >= 0:
                return self._has_action(article, first, colon + 1)
            at -= 1
        return False

    def _answered_later(self, article: Article, index: int) -> bool:
        """A sentence a little further on, before the next heading, refers back to any
        of the signs before it and says what to do (…一侧口角歪斜。出现上面任何一条，马上
        拨打120)."""
        sentences = article.structure.sentences
        for first, end in sentences[index + 1 : index + 1 + LEAD_IN_REACH]:
            if article.is_heading(article.structure.paragraph_at(first)):
                return False
            if _ANY_OF_THEM.search(article.text, first, end) and self._has_action(
                article, first, end
            ):
                return True
        return False

    def _answered_next(self, article: Article, start: int) -> bool:
        """The paragraph right after the sign's (a reply in a chat, the bold line under a
        description) opens with a sentence that names a sign and says what to do (只要出现
        胸痛或呼吸困难，请立即到医院急诊; 医生：胸痛别等，马上去急诊): it answers the signs
        the paragraph before ended with; so does the opening line of a section on what to
        do right after it (## 怎么做 / 1. 立即拨打120)."""
        paragraphs = article.structure.paragraphs
        at = article.structure.paragraph_index(start) + 1
        if at >= len(paragraphs):
            return False
        if article.is_heading(paragraphs[at]):
            # a first-aid page's next section (## 怎么做): its opening line is the answer
            if at + 1 >= len(paragraphs) or not _WHAT_TO_DO.search(article.text, *paragraphs[at]):
                return False
            return self._has_action(article, *article.structure.sentence_at(paragraphs[at + 1][0]))
        first, _ = paragraphs[at]
        label = _SPEAKER.match(article.text, first)
        opening = article.structure.sentence_at(label.end() if label else first)
        if _AT_THAT_MOMENT.match(article.text, opening[0]) and self._has_action(article, *opening):
            return True  # …这就是求救信号。/ 这时候先让旁人拨打120…
        if _SUSPECTED.match(article.text, opening[0]) and self._has_action(article, *opening):
            return True  # …严重者呼吸困难。/ 如怀疑中毒，应立即就医
        if not any(
            not article.context.negated(a) for a, _ in self.signs.finditer(article.text, *opening)
        ):
            return False
        return self._has_action(article, *opening)

    def _same_sign_acted(self, article: Article, start: int, end: int) -> bool:
        """The sign's paragraph names the same sign again with an action (不是所有胸痛都
        一样…遇到突发剧烈胸痛，应立即就医): that sentence answers every mention of it."""
        sign = article.text[start:end]
        first, last = _message_at(article.text, *article.structure.paragraph_at(start), start)
        at = article.text.find(sign, first, last)
        while at != -1:
            if at != start and self._has_action(article, *article.structure.sentence_at(at)):
                return True
            at = article.text.find(sign, at + 1, last)
        return False

    def _answered_further(self, article: Article, start: int, end: int) -> bool:
        """Outside a sales page, a later section on what to do (### 医生提醒, ## 怎么办,
        ## 什么时候必须去医院) names the same sign again (sharing two characters or more
        of its wording: 磁力珠的同时又吞了 … - 发现孩子吞了磁力珠，都要第一时间到医院) with
        an action: the article tells the reader what to do about it (a news story, a
        handbook). In a thread of turns (2楼 老王：…), a later reply does the same (4楼
        医生：被毒蛇咬伤后立即拨打120)."""
        if article.sells:
            return False
        sign = article.text[start:end]
        paragraphs = article.structure.paragraphs
        at = article.structure.paragraph_index(start)
        advice = next(
            (
                first
                for first, last in paragraphs[at + 1 :]
                if article.is_heading((first, last))
                and (
                    _ADVICE_HEADING.search(article.text, first, last)
                    # (or a heading that is itself the action: ## 什么时候必须马上去医院)
                    or self._has_action(article, first, last)
                )
            ),
            None,
        )
        if advice is None:
            advice = _next_turn(article, start)
        if advice is None:
            return False
        for a, b in self.signs.finditer(article.text, advice, len(article.text)):
            if a < advice or article.context.negated(a):
                continue
            other = article.text[a:b]
            match = SequenceMatcher(None, sign, other).find_longest_match(
                0, len(sign), 0, len(other)
            )
            if match.size >= min(2, len(sign)) and self._has_action(
                article, *article.structure.sentence_at(a)
            ):
                return True
        return False

    def _section_answered(self, article: Article, start: int) -> bool:
        """Outside a sales page, a section headed by the signs of a condition (## 典型表现,
        ## 危险信号) is answered by a later section on what to do (## 怀疑中风怎么办) whose
        opening line says it (1. 立即拨打120): the article lists the signs, then the steps."""
        if article.sells:
            return False
        paragraphs = article.structure.paragraphs
        at = article.structure.paragraph_index(start)
        heading = next(
            (p for p in reversed(paragraphs[:at]) if article.is_heading(p)), None
        )
        if heading is None or not _SIGNS_HEADING.search(article.text, *heading):
            return False
        for index in range(at + 1, len(paragraphs) - 1):
            if article.is_heading(paragraphs[index]) and _WHAT_TO_DO.search(
                article.text, *paragraphs[index]
            ):
                opening = article.structure.sentence_at(paragraphs[index + 1][0])
                return self._has_action(article, *opening)
        return False

    def _leaflet_answered(self, article: Article, start: int) -> bool:
        """A sign listed among a drug's adverse reactions (【不良反应】…偶见过敏性休克), in a
        text that says to stop the drug and see a doctor, or to stop it at once."""
        first, _ = article.structure.paragraph_at(start)
        if not _ADVERSE.search(article.text, first, start):
            return False
        return any(
            not article.context.negated(a.start()) for a in _STOP_AND_SEE.finditer(article.text)
        )

    def _answered_after(self, article: Article, start: int) -> bool:
        """The first prose paragraph after the sign's (past a list) refers back to it and
        says what to do: 出现上述任何一种情况，请立即拨打120。 After a list of signs, its
        first sentence says what to do even without referring back (…：- 抽搐 - 昏迷
        马上拨打120。)."""
        paragraphs = article.structure.paragraphs
        at = article.structure.paragraph_index(start)
        listed = article.is_list_item(start)
        for first, last in paragraphs[at + 1 : at + 1 + LEAD_IN_REACH]:
            if article.is_list_item(first):
                # (a line run on under the last item, with no blank line between, is the
                # prose after the list: - 发热。\n出现上述情况请立即就医。)
                run_on = _run_on_line(article, first, last)
                if run_on is None:
                    continue
                first = run_on
            if not (listed or _BACK_REFERENCE.match(article.text, first)):
                return False
            return self._has_action(article, *article.structure.sentence_at(first))
        return False

    def _signs(self, article: Article, patterns: Patterns) -> list[tuple[int, int]]:
        """Affirmed mentions of a sign to act on now.

        Not negated (没有胸痛), not an exception (抗惊厥药, 过敏性休克史), and not in a
        sentence or a list that states who must not use a treatment (有重度过敏史者
        禁用; 以下人群禁用：… 心源性休克者).
        """
        excepted = list(self.exceptions.finditer(article.text))
        return [
            (a, b)
            for a, b in patterns.finditer(article.text)
            if not (article.context.negated(a) and not self._waited_for(article, a))
            and not any(x < b and a < y for x, y in excepted)
            and not self._named_in_caution(article, a)
            and not any(x <= a < y for x, y in article.caution_items)
            and not self._other_role(article, a, b)
        ]

    @staticmethod
    def _waited_for(article: Article, start: int) -> bool:
        """The sign is what the reader is told not to wait for (别等到咳出血才…, 不要拖到
        高烧不退), or a rhetorical question says everyone has it (谁没有过胸口发紧？): the
        sign is asserted, not negated."""
        clause = article.structure.clause_start(start)
        return (
            _WAIT_UNTIL.search(article.text, clause, start) is not None
            or _RHETORICAL.search(article.text, clause, start) is not None
        )

    @staticmethod
    def _named_in_caution(article: Article, start: int) -> bool:
        """The sign is named in a caution statement (有休克史者禁用), not as one to act on:
        unless the sentence gives it as the condition of an instruction (如出现胸闷，请暂停
        使用), or warns that it may follow use (…可能出现…) without banning use for it."""
        if not article.cautious(start):
            return False
        text = article.text
        if _IF_SIGN.search(text, max(0, start - 8), start):
            return False
        if _MAY_FOLLOW.search(text, max(0, start - 10), start):
            return _BANNED.search(text, article.structure.sentence_at(start)[0], start) is not None
        return True

    def _other_role(self, article: Article, start: int, end: int) -> bool:
        """The sign is named as a heading, an indication, a statistic or a harmless effect.

        A heading (## 胸痛) names the topic of what follows; 用于缓解…, …的发生率 and
        …属于正常现象 name the sign in a role that asks nothing of the reader.
        """
        paragraph = article.structure.paragraph_at(start)
        if article.is_heading(paragraph):
            return True
        text = article.text
        if self._remedied(article, start):
            return False  # 以前胸口疼，喝了半年再没犯: sold as the product's to fix
        first, last = article.structure.sentence_at(start)
        if (
            self._past(article, start, paragraph[0])
            and not self._dismissed(article, start)
            and not self._settled_story(article, start, first)
        ):
            return True  # (有一次喉咙发紧，喝了杯温水就好了: waved away, even told as history)
        if self._denied(article, start):
            return True
        if _SCREENED.search(text, first, start) or _STAFF_WATCH.search(text, first, start):
            return True  # 请确认没有过敏史，例如以前打完针呼吸困难; 护士会观察有无…
        if self._episode_again(article, start, end):
            return True  # 上周…晕倒了…这次晕倒跟那个有关系吗: the episode told, asked about
        if _EXPERIENCED.match(text, end):
            sentence_start = article.structure.sentence_at(start)[0]
            if not _RECENT.search(text, sentence_start, start):
                return True  # 小时候抽搐过一次
        clause = max(article.structure.clause_start(start), start - ROLE_REACH)
        for _ in range(LIST_ITEMS):
            # a later item of a list (胸痛、呼吸困难和咯血) shares the first item's role
            if clause <= 0 or text[clause - 1] != "、":
                break
            clause = max(article.structure.clause_start(clause - 1), clause - 1 - ROLE_REACH)
        role = self.not_before.search(text, clause, start) if self.not_before else None
        if role is not None and not (
            _PAST.search(text, *role) and self._settled_story(article, start, first)
        ) and not (_HAD.fullmatch(text, *role) and self._dismissed(article, start)):
            return True  # (a story's 前年… goes on: 没去医院…就好了, a lesson, not history)
        if self._dismissed(article, start):
            return False  # 那是在排毒，熬过去就好了: a sign waved away, not an expected effect
        if self.not_in_sentence and self.not_in_sentence.search(text, first, last):
            return True
        after = _CLAUSE_END.search(text, end, last)
        return bool(self.not_after) and self.not_after.search(
            text, end, after.start() if after else last
        ) is not None

    @staticmethod
    def _episode_again(article: Article, start: int, end: int) -> bool:
        """The sign, named as that episode (这次晕倒, 那次抽搐), was told earlier as past
        (上周…晕倒了; a letter's story a reply takes up): the same event again, history
        (not 这次又晕倒了)."""
        text = article.text
        if not _THAT_EPISODE.search(text, max(0, start - 3), start):
            return False
        earlier = text.rfind(text[start:end], 0, max(0, start - 2))
        if earlier < 0:
            return False
        first, _ = article.structure.paragraph_at(earlier)
        return _PAST.search(text, first, earlier) is not None

    def _dismissed(self, article: Article, start: int) -> bool:
        """The sign's sentence or the next waves it away (排毒反应, 说明起效了, 熬过去)."""
        if not self.dismissals:
            return False
        return self.dismissals.search(article.text, *_with_next(article, start)) is not None

    @classmethod
    def _settled_story(cls, article: Article, start: int, sentence: int) -> bool:
        """The sign is in a story settled without care and not in a chronicle of an era
        (八十年代…, 据…回忆): see :meth:`_settled_without_care`."""
        return cls._settled_without_care(article, start) and not _ERA.search(
            article.text, sentence, start
        )

    @staticmethod
    def _settled_without_care(article: Article, start: int) -> bool:
        """The sign's sentence or the next skips care (我没去医院) or takes the patient to
        a shop instead (抱去推拿馆), or settles the sign
        with no care named (捏了三遍，人就缓过来了), or the story in its paragraph sends for
        care only late (第二天才带他去门诊): a story that teaches doing without."""
        first, last = _with_next(article, start)
        if _CARE_SKIPPED.search(article.text, first, last) or _CARE_REPLACED.search(
            article.text, first, last
        ):
            return True
        sentences = article.structure.sentences
        index = article.structure.sentence_index(start)
        paragraph_end = article.structure.paragraph_at(start)[1]
        story_end = min(sentences[min(index + STORY_REACH, len(sentences) - 1)][1], paragraph_end)
        if _CARE_LATE.search(article.text, first, max(story_end, last)):
            return True
        return bool(_SETTLED.search(article.text, start, last)) and not _CARE.search(
            article.text, first, last
        )

    def _remedied(self, article: Article, start: int) -> bool:
        """On a page that sells, the sign's sentence or the next says a product or a home
        remedy settles it (outside sales, 吃了两年阿司匹林再没犯 is a patient's history)."""
        if not self.remedies or not article.sells:
            return False
        return self.remedies.search(article.text, *_with_next(article, start)) is not None

    def _denied(self, article: Article, start: int) -> bool:
        """The sign is asked about and the answer denies it (会胸闷吗？一般不会。)."""
        sentences = article.structure.sentences
        index = article.structure.sentence_index(start)
        first, last = sentences[index]
        if index + 1 >= len(sentences) or not _ASKED.search(article.text[first:last].rstrip()):
            return False
        return _DENIED.match(article.text, sentences[index + 1][0]) is not None

    def _past(self, article: Article, start: int, paragraph_start: int) -> bool:
        """The sentence before the sign's, in its paragraph, tells the past, and the
        sign's own sentence goes on with it: neither asks (问：…能不能擦？) nor says
        what to do when it happens (一旦出现…)."""
        text = article.text
        index = article.structure.sentence_index(start)
        first, last = article.structure.sentences[index]
        before = article.structure.sentences[index - 1][0] if index else first
        pasts = list(_PAST.finditer(text, max(before, paragraph_start), start))
        if not pasts or _NOW.search(text, pasts[-1].end(), start):
            return False  # (上次…，这次又胸闷了: back to the present)
        sentence = text[first:last].rstrip()
        return not (_CONDITION.search(sentence) or _ASKED.search(sentence))

    def run(self, article: Article) -> list[Finding]:
        """The first sign without an action near it; or, for a treatment with serious
        risks, an article that names no sign and gives no urgent action at all."""
        signs = self._signs(article, self.signs)
        risky = [p for p in article.presentations if p.topic.serious_signs]
        for presentation in risky:
            topic = presentation.topic
            signs += self._signs(article, article.topic_patterns[f"{topic.id}#signs"])
        signs.sort()
        for start, end in signs:
            if not self._acted_on(article, start, end):
                sign = article.document.prose[start:end]
                return [Finding(self.rule, start, end, detail=f"“{sign}”")]
        risky = [p for p in risky if not _left_to_doctor(article, p.start)]
        if risky and not signs and not self._warned(article) and not _risk_denied(article):
            presentation = risky[0]
            topic = presentation.topic
            return [
                Finding(
                    self.rule,
                    presentation.start,
                    presentation.end,
                    detail=f"{topic.name}有严重风险，需写明出现何种症状应立即就医",
                    topic=topic.name,
                )
            ]
        return []


# A drug named as one example of what may be prescribed (可能需要吃药，比如甲、乙), in a
# paragraph that leaves the choice to a doctor (这些要由医生决定, 用不用听医生的): the page
# offers it to no one, the prescriber gives its warnings.
_EXAMPLE = LazyRegex(r"(比如|例如|譬如|像是|诸如|如)[:：]?\s*$")
_DOCTORS_CHOICE = LazyRegex(
    r"(由|听|看|请|要在医院由)(医生|医师|大夫|专科医生)[^。；;!?！？\n]{0,4}(决定|判断|定|开|评估|选择|处方)"
    r"|(医生|医师|大夫)(来)?(决定|判断|开具|开处方|评估后决定)"
)
EXAMPLE_REACH = 8


def _left_to_doctor(article: Article, start: int) -> bool:
    """In the body, the treatment at ``start`` is named as an example of what a doctor may
    prescribe, in a paragraph that leaves the choice to the doctor."""
    if start < article.title_end():
        return False
    first, last = article.structure.paragraph_at(start)
    clause = article.structure.clause_start(start)
    if not _EXAMPLE.search(article.text, max(first, clause, start - EXAMPLE_REACH), start):
        return False
    return _DOCTORS_CHOICE.search(article.text, first, last) is not None


def _risk_denied(article: Article) -> bool:
    """The page calls the treatment risk-free (see ``_RISK_DENIED``) and gives no aftercare."""
    text = article.text
    if _AFTERCARE.search(text):
        return False
    return any(
        not _CLAIM_DOUBTED.search(text, max(0, m.start() - 6), m.start())
        and not article.context.question(m.start())
        for m in _RISK_DENIED.finditer(text)
    )


# A turn of a thread or an interview: a poster's or a speaker's label, which may hold one
# space (3楼 老王：, 记者：, 王医生：).
_TURN = LazyRegex(r"\s*[^\s:：。,，;；!?！？]{1,12}(\s[^\s:：。,，;；!?！？]{1,8})?[:：]")


def _next_turn(article: Article, start: int) -> int | None:
    """In a thread of turns, the start of the first turn after the one holding ``start``."""
    paragraphs = article.structure.paragraphs
    at = article.structure.paragraph_index(start)
    if not _TURN.match(article.text, paragraphs[at][0]):
        return None
    return next(
        (first for first, _ in paragraphs[at + 1 :] if _TURN.match(article.text, first)), None
    )


def _run_on_line(article: Article, first: int, last: int) -> int | None:
    """The start of the first line inside a list item's paragraph that is no list item."""
    at = article.text.find("\n", first, last)
    while at != -1:
        line = at + 1
        while line < last and article.text[line] in " \t":
            line += 1
        if line < last and article.text[line] != "\n" and not article.is_list_item(line):
            return line
        at = article.text.find("\n", at + 1, last)
    return None


def _with_next(article: Article, start: int) -> tuple[int, int]:
    """The span of the sentence holding ``start`` and the sentence after it."""
    sentences = article.structure.sentences
    index = article.structure.sentence_index(start)
    return sentences[index][0], sentences[min(index + 1, len(sentences) - 1)][1]
