"""Sales scripts and signed testimonials: where a claim sits and who makes it.

A tag question that asks only for agreement (…，您说是不是？) asserts; a quote after a
speaker and a dash (顾客嫌贵——“…”) is that speaker's pitch; a heading that only names a
testimonial section is not itself the testimonial, the signed story under it is; an
heir named in a shop's history vouches for nothing.
"""

from __future__ import annotations

import pytest

from medlint.run.engine import Linter
from overclaim_pack import OVERCLAIM, PACK


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter(PACK, OVERCLAIM)


def found(linter: Linter, text: str, name: str = "a.md") -> list[tuple[int, str]]:
    return [(v.line, v.rule) for v in linter.check_text(text, name)]


@pytest.mark.parametrize(
    "text",
    [
        "大姐，诊所那些药膏您也抹过，治标不治本，越抹越痒，您说是不是？",
        "顾客嫌贵——“大哥，这是食品，跟喝豆浆一样，什么体质都能喝。”",
    ],
)
def test_scripted_pitch_is_a_claim(linter: Linter, text: str) -> None:
    assert found(linter, text)


@pytest.mark.parametrize(
    "text",
    [
        "这种说法对吗？吃药能不能停，要问医生。",
        "有人说——“什么体质都能喝”，这并不对。",
    ],
)
def test_real_question_or_reported_saying_is_not(linter: Linter, text: str) -> None:
    assert not found(linter, text)


def test_signed_story_not_its_heading_is_the_testimonial(linter: Linter) -> None:
    text = "## 客户心声\n\n“敷了两个月，斑淡了一大半。”——杭州 陈女士，52岁\n"
    lines = {line for line, _ in found(linter, text)}
    assert lines == {3}


def test_heir_in_a_family_history_vouches_for_nothing(linter: Linter) -> None:
    assert not found(linter, "店里的第四代传人今年已经七十岁，他说做药不能偷懒。")
    assert found(linter, "由第三代传承人亲手熬制。")


def test_labelled_pitch_under_its_label_is_a_claim(linter: Linter) -> None:
    """A quote on its own line under a short label (话术 B) is the pitch itself; under a
    label that reports or warns (有人说：, 常见套路) it stays reported speech."""
    pitch = "**话术二（调理包）**\n“这套调理包连喝两个月，从根子上把脾胃扳回来。”\n"
    assert [line for line, _ in found(linter, pitch)] == [2]
    for label in ("有人说：", "**常见套路**"):
        reported = f"{label}\n“这套调理包连喝两个月，从根子上把脾胃扳回来。”\n"
        assert found(linter, reported) == []


def test_script_line_to_repeat_is_a_claim(linter: Linter) -> None:
    """A line a seller is told to say (你就说“…”) is the seller's claim."""
    assert found(linter, "顾客嫌见效慢，你就说“连用一个月就好了”。")
    assert found(linter, "有人说“连用一个月就好了”，这是误区。") == []
