"""Claim frames over word classes: families of claims, their traps, and the word classes."""

from __future__ import annotations

import re

import pytest

from medlint.analysis.normalize import normalise
from medlint.analysis.segment import tokenize
from medlint.checks.frames import FrameError, Frames, parse_frame
from medlint.rules import default_rules_dir
from medlint.run.engine import Linter
from overclaim_pack import OVERCLAIM, PACK

MARK = re.compile(r"<mark>(.*?)</mark>")
# the general word classes of claims: every one of them must carry examples
CLAIM_LEXICONS = {"claims", "scopes", "regional", "ailments", "people", "comparison", "evidence"}


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter(PACK, OVERCLAIM)


CLAIMS = [  # written for these tests: one per family
    "一定能把多年的颈椎病给调理好",
    "保证让您的血脂回到正常值",
    "三贴下去就不疼了",
    "吃完一瓶就见效",
    "就没有它治不好的鼻炎",
    "没效果不收钱",
    "从此再也不用去医院",
    "做了几千例，一例出问题的都没有",
    "试过的谁不说好？",
    "有它还吃什么西药？",
    "我婆婆喝了两个月，血糖正常了",
    "老顾客占九成",
    "八成以上的患者都好了",
    "唔使食药",
    "冇副作用",
    "戴了两个月，视力就往回涨了",
    "一个周期就能怀上",
    "包你摘掉眼镜",
    "喝了一个月，四百多度的近视降到 200",
    "娃每天一粒，记性蹭蹭往上涨",
]

NOT_CLAIMS = [
    "近视一旦形成，戴什么眼镜都不能让度数降下来。",
    "术后视力恢复因人而异，一般需要数周。",
    "每周至少150分钟中等强度的运动。",
    "一定不能把药给停了。",
    "这种病不一定能调理好。",
    "纯天然≠安全。",
    "天然的东西不一定安全。",
    "孕妇都不能吃。",
    "常需数年才能完全康复。",
    "有利于彻底清除体内多余脂肪吗？",
    "很多人以为吃了三天药就好了，其实疗程要足。",
    "感冒通常一周左右自己就好了，不需要抗生素。",
    "网传“喝醋能把结石化掉”，这是没有依据的。",
    "有人说这款茶能降血糖，这种说法不可信。",
    "如果三天后症状没有好转，请及时就医。",
    "服药两周后复查，看指标是否正常。",
    "降压药不能说停就停，否则血压可能反弹。",
    "孩子发烧时，退烧药吃一次就能退吗？不一定。",
    "这种手术并不能保证一次成功。",
    "没有哪种药能把湿气一次赶跑。",
    "千万别信“一盒见效、两盒断根”的广告。",
    "宣称“彻底治愈”的广告都是虚假宣传。",
    "治疗后大多数患者症状会明显改善，但个体差异较大。",
    "痛风发作时，秋水仙碱一般24小时内可缓解疼痛，但需遵医嘱。",
    "他说自己用了一个月斑就没了，但医生提醒这只是个例。",
    "戒烟一年后，冠心病风险可降低一半左右。",
    "手术比药物治疗更彻底吗？要看具体情况。",
    "减肥没有捷径，躺着就能瘦是不可能的。",
    "不要相信“有病治病、无病强身”的保健品宣传。",
    "研究显示，规律运动可降低约30%的死亡风险（《柳叶刀》2019）。",
]


@pytest.mark.parametrize("text", CLAIMS)
def test_a_claim_of_each_family_is_reported(linter, text):
    assert linter.check_text(text, "a.txt"), text


@pytest.mark.parametrize("text", NOT_CLAIMS)
def test_negated_hedged_or_asked_is_not_reported(linter, text):
    assert [v.text for v in linter.check_text(text, "a.txt")] == []


def _cases():
    # the overclaim rules' cases (every rule's cases also run in test_rule_examples)
    for rule in PACK.rules:
        if rule.code not in OVERCLAIM:
            continue
        for case in getattr(rule, "cases", []):
            yield pytest.param(rule.code, case.text, id=f"{rule.code}-{case.name or 'clean'}")


@pytest.mark.parametrize(("code", "text"), list(_cases()))
def test_cases_report_exactly_the_marked_spans(linter, code, text):
    plain = MARK.sub(r"\1", text)
    found = [v.text for v in linter.check_text(plain, "a.txt") if v.rule == code]
    assert found == MARK.findall(text)


@pytest.mark.parametrize("name", sorted(PACK.lexicons))
def test_each_word_class_has_examples_holding_one_of_its_words(name):
    from medlint.rules.loader import load_file

    found = [
        (path.stem, lexicon)
        for path in sorted((default_rules_dir() / "lexicons").glob("*.yaml"))
        for lexicon in load_file(path).lexicons
        if lexicon.name == name
    ]
    if found and found[0][0] not in CLAIM_LEXICONS and not found[0][1].examples:
        pytest.skip(f"{name}: a medical list without examples ({found[0][1].source})")
    found = [lexicon for _, lexicon in found]
    examples = [lexicon.examples for lexicon in found]
    assert examples and examples[0], name
    words = {normalise(w).lower() for w in PACK.lexicons[name]}
    for example in examples[0]:
        assert any(w in normalise(example).lower() for w in words), (name, example)


def test_frame_words_anchor_on_token_boundaries(linter):
    text = "最近第一次来"
    assert linter.check_text(text, "a.txt") == []
    assert tokenize(text)


def test_a_frame_naming_an_unknown_class_is_refused():
    with pytest.raises(FrameError):
        parse_frame("{no-such-class} 治好", PACK.lexicons)


def test_a_gap_skips_an_object_after_a_filler():
    frames = Frames(["{certainty} … {cure-hard}"], PACK.lexicons)
    text = normalise("一定能把拖了十几年的老毛病给调理好")
    assert (0, len(text)) in {(s, e) for s, e, _ in frames.finditer(text)}


def test_a_context_slot_must_match_but_is_not_reported():
    frames = Frames(["~喝|吃 …6, {numeral}+ 天 就 {result-strong}"], PACK.lexicons)
    text = normalise("这汤喝上，一两天就好了")
    assert min((s, e) for s, e, _ in frames.finditer(text)) == (5, 11)  # 一两天就好了
    assert not list(frames.finditer(normalise("一两天就好了")))


def test_touching_slots_may_stand_one_space_from_a_number():
    frames = Frames(["降到 {numeral}+ 度"], PACK.lexicons)
    assert [(s, e) for s, e, _ in frames.finditer(normalise("降到 50 度"))] == [(0, 7)]
    assert not list(frames.finditer(normalise("降到  50 度")))  # two spaces: apart


@pytest.mark.parametrize("frame", ["保证 ~治好", "~保证 治好?", "~保证"])
def test_context_slots_lead_and_leave_a_claim(frame):
    with pytest.raises(FrameError):
        parse_frame(frame, PACK.lexicons)


def test_commercial_context_raises_a_warning_to_an_error(linter):
    plain = linter.check_text("贴上三贴就不疼了。", "a.txt")
    sold = linter.check_text("贴上三贴就不疼了。\n\n扫码加微信，到手价只要99元。", "a.txt")
    assert [v.severity.value for v in plain] == ["warning"]
    assert [v.severity.value for v in sold] == ["error"]


def test_a_promotion_alone_is_no_claim(linter):
    assert linter.check_text("扫码加微信，到手价只要99元，买二送一。", "a.txt") == []
