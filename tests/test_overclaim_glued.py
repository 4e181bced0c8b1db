"""Claims whose first or last word jieba glues to its neighbour (茶|能, 水|比): a claim
may start or end inside such a token, never inside a dictionary word (最近, 最好), and
only where no claim on token boundaries is found (泡脚 is glued too, and a word)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from medlint.analysis import segment
from medlint.analysis.segment import tokenize
from medlint.checks.forbidden import glued_at
from medlint.run.engine import Linter
from overclaim_pack import OVERCLAIM, PACK


@pytest.fixture(scope="module")
def linter() -> Iterator[Linter]:
    """A linter segmenting with the default pack's words alone: words other tests' rule
    folders registered earlier in the process change jieba's totals, and so its cuts."""
    with segment._lock:
        before = set(segment._words)
        segment._words.clear()
    segment._tokenizer.cache_clear()
    yield Linter(PACK, OVERCLAIM)
    with segment._lock:
        segment._words.update(before)
    segment._tokenizer.cache_clear()


GLUED = [  # written for these tests: (sentence, where the claim starts)
    ("这个茶能彻底清除体内的湿气。", "能彻底清除"),
    ("喝一杯酒比吃十片药有效。", "比吃十片药"),
    ("泡脚水比吃药好用。", "比吃药"),
    ("这罐奶比别的药都管用。", "比别的药"),
]


@pytest.mark.parametrize(("text", "claim"), GLUED)
def test_a_claim_starting_inside_a_glued_token_is_reported(linter, text, claim):
    start = text.index(claim)
    assert any(a < start < b for _, a, b in tokenize(text)), "jieba no longer glues it"
    found = [v.text for v in linter.check_text(text, "a.txt")]
    assert any(span.startswith(claim) for span in found), found


@pytest.mark.parametrize(
    "text",
    [
        "这个茶不能彻底清除体内的湿气。",
        "这个茶能彻底清除体内的湿气吗？",
        "她说这个茶能彻底清除体内的湿气，其实没有依据。",
        "睡前泡脚三回，然后再吃药。",
        "我最近睡得不好。",
        "最好的办法是早点就医。",
    ],
)
def test_glued_claims_keep_their_context_and_words_keep_their_meaning(linter, text):
    assert [v.text for v in linter.check_text(text, "a.txt")] == []


@pytest.mark.parametrize(
    ("token", "cut", "glued"),
    [
        ("茶能", 1, True),  # two dictionary words jieba joined
        ("水比", 1, True),
        ("最近", 1, False),  # a dictionary word that only holds 最
        ("最好", 1, False),
        ("可能", 1, False),
        ("茶能", 0, False),  # no word before the cut
    ],
)
def test_only_a_token_glued_from_dictionary_words_may_be_cut(token, cut, glued):
    assert glued_at(token, cut) is glued


def test_a_claim_on_token_boundaries_wins_over_one_inside_a_glued_token(linter):
    # 泡脚 is no dictionary word, yet a word: the claim is 腰也不疼了, not 脚…
    found = [v.text for v in linter.check_text("泡脚两回腰也不疼了。", "a.txt")]
    # (a span that takes the dose count in, 两回腰也不疼, is as good; one inside 泡脚 is not)
    assert found and all("腰也不疼" in span and not span.startswith("脚") for span in found), found
