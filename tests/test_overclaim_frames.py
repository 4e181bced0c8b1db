"""Claim frames over word classes: families of claims, their traps, and the word classes."""

from __future__ import annotations

import re

import pytest

from medlint.analysis.normalize import normalise
from medlint.analysis.segment import tokenize
from medlint.checks.frames import FrameError, Frames, parse_frame
from medlint.rules import default_rules_dir, load_pack
from medlint.run.engine import Linter

PACK = load_pack([default_rules_dir()])
OVERCLAIM = {rule.code for rule in PACK.rules if rule.category == "overclaim"}
MARK = re.compile(r"<mark>(.*?)</mark>")


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
]

NOT_CLAIMS = [
    "一定不能把药给停了。",
    "这种病不一定能调理好。",
    "纯天然≠安全。",
    "天然的东西不一定安全。",
    "孕妇都不能吃。",
    "常需数年才能完全康复。",
    "有利于彻底清除体内多余脂肪吗？",
]


@pytest.mark.parametrize("text", CLAIMS)
def test_a_claim_of_each_family_is_reported(linter, text):
    assert linter.check_text(text, "a.txt"), text


@pytest.mark.parametrize("text", NOT_CLAIMS)
def test_negated_hedged_or_asked_is_not_reported(linter, text):
    assert [v.text for v in linter.check_text(text, "a.txt")] == []


def _cases():
    for rule in PACK.rules:
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

    examples = [
        lexicon.examples
        for path in sorted((default_rules_dir() / "lexicons").glob("*.yaml"))
        for lexicon in load_file(path).lexicons
        if lexicon.name == name
    ]
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


def test_commercial_context_raises_a_warning_to_an_error(linter):
    plain = linter.check_text("贴上三贴就不疼了。", "a.txt")
    sold = linter.check_text("贴上三贴就不疼了。\n\n扫码加微信，到手价只要99元。", "a.txt")
    assert [v.severity.value for v in plain] == ["warning"]
    assert [v.severity.value for v in sold] == ["error"]


def test_a_promotion_alone_is_no_claim(linter):
    assert linter.check_text("扫码加微信，到手价只要99元，买二送一。", "a.txt") == []
