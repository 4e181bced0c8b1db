"""A regex searched only near the anchor literals it needs (``patterns._windowed``) finds
exactly what ``finditer`` finds over the whole range: bounded and unbounded repeats,
lookaheads and lookbehinds that reach past a match, anchors, ranges inside the text."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from medlint.checks.patterns import Patterns, _reach, fold_pattern

ALPHABET = "ab治愈好不能,。"
CHARS = st.sampled_from(ALPHABET)


def _atom() -> st.SearchStrategy[str]:
    literal = CHARS.map(re.escape)
    klass = st.lists(CHARS, min_size=1, max_size=3).map(
        lambda cs: "[" + "".join(re.escape(c) for c in cs) + "]"
    )
    ranges = st.sampled_from(["[^,。]", ".", "\\b", "$", "^"])
    word = st.text(ALPHABET, min_size=1, max_size=3).map(re.escape)
    group = st.lists(word, min_size=1, max_size=3).map(lambda ws: "(" + "|".join(ws) + ")")
    around = st.tuples(
        st.sampled_from(["(?=", "(?!", "(?<=", "(?<!"]), word
    ).map(lambda t: t[0] + t[1] + ")")
    ahead = st.tuples(st.sampled_from(["(?=", "(?!"]), klass, st.integers(0, 3), word).map(
        lambda t: f"{t[0]}{t[1]}{{0,{t[2]}}}{t[3]})"
    )
    return st.one_of(literal, literal, klass, ranges, group, around, ahead)


def _pattern() -> st.SearchStrategy[str]:
    piece = st.tuples(
        _atom(), st.sampled_from(["", "", "", "?", "{0,3}", "{1,2}", "+", "*"])
    ).map("".join)
    return st.lists(piece, min_size=1, max_size=5).map("".join)


def _regex(pattern: str) -> re.Pattern[str] | None:
    try:
        return re.compile(fold_pattern(pattern), re.I)
    except re.error:
        return None


@settings(max_examples=600, deadline=None)
@given(
    pattern=_pattern(),
    text=st.text(ALPHABET, max_size=60),
    start=st.integers(0, 60),
    length=st.integers(0, 60),
)
def test_windowed_search_finds_what_finditer_finds(
    pattern: str, text: str, start: int, length: int
) -> None:
    regex = _regex(pattern)
    if regex is None:
        return
    start = min(start, len(text))
    end = min(len(text), start + length)
    expected = [m.span() for m in regex.finditer(text, start, end) if m.end() > m.start()]
    patterns = Patterns([pattern])
    assert list(patterns.finditer(text, start, end)) == expected
    assert patterns.search(text, start, end) == (expected[0] if expected else None)


def test_anchors_far_apart_are_searched_one_by_one() -> None:
    text = "好" * 200 + "不能治愈" + "好" * 200 + "能治愈吗" + "好" * 50
    assert list(Patterns(["(?<!不)能治愈(?!吗)", "好[^能]治愈"]).finditer(text)) == []
    patterns = Patterns(["(?<!好)能治愈", "能?治愈(?!吗)"])
    assert list(patterns.finditer(text)) == [(201, 204)]
    assert patterns.search(text, 300) is None
    assert list(Patterns(["好?能?治愈"]).finditer(text, 300)) == [(403, 407)]


def test_reach_bounds() -> None:
    assert _reach("能治愈", 0) == (3, 3)
    assert _reach("(?<!不)能治愈(?![吗呢]{0,2}好)", 0) == (3, 7)  # the look-arounds read on
    assert _reach("不.*治愈", 0) == (0, 0)  # unbounded: the whole range
    assert _reach(r"(a)\1", 0) == (0, 0)  # a back-reference
