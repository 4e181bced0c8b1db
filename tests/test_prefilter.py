"""The literal prefilter never hides a match: for any pattern and text, the patterns
woken by the literals a text holds find exactly what the plain regular expression finds
(``re.IGNORECASE``, as every rule pattern runs), Latin letters and character classes
included."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from medlint.checks.patterns import Patterns, fold_pattern, required_literals

# letters with case partners outside ASCII (ı İ K ſ), plain ones, CJK, digits, a comma
ALPHABET = "abiksKSIıİKſ治愈根好0129,"
CHARS = st.sampled_from(ALPHABET)


def _atom() -> st.SearchStrategy[str]:
    literal = CHARS.map(re.escape)
    klass = st.lists(CHARS, min_size=1, max_size=4).map(
        lambda cs: "[" + "".join(re.escape(c) for c in cs) + "]"
    )
    ranges = st.sampled_from(["[0-9]", "[a-c]", "[h-k]", "[^a]", "\\d", "."])
    word = st.text(ALPHABET, min_size=1, max_size=3).map(re.escape)
    group = st.lists(word, min_size=1, max_size=3).map(lambda ws: "(" + "|".join(ws) + ")")
    return st.one_of(literal, klass, ranges, group)


def _pattern() -> st.SearchStrategy[str]:
    piece = st.tuples(_atom(), st.sampled_from(["", "", "?", "+", "*"])).map("".join)
    return st.lists(piece, min_size=1, max_size=4).map("".join)


@settings(max_examples=400, deadline=None)
@given(pattern=_pattern(), text=st.text(ALPHABET + "AB", max_size=12))
def test_woken_patterns_find_what_the_regex_finds(pattern: str, text: str) -> None:
    regex = re.compile(fold_pattern(pattern), re.I)
    expected = sorted({m.span() for m in regex.finditer(text) if m.end() > m.start()})
    assert list(Patterns([pattern]).finditer(text)) == expected


def test_latin_words_and_character_classes_are_anchors() -> None:
    assert required_literals("(?<![a-z])botox(?![a-z])") == {"botox"}
    assert required_literals("Botox") == {"botox"}
    assert required_literals("(冲|泡|喝)(上)?[一二三]+(包|杯)") == {"包", "杯"}  # fewer
    assert required_literals("shingrix") == {"ngr"}  # i, s, k have other partners
    assert required_literals("kiss") is None
    assert required_literals("[^a]b") == {"b"}
    assert required_literals("[a-z]") is None  # too wide a class


def test_text_with_capitals_still_wakes_latin_patterns() -> None:
    patterns = Patterns(["botox", "AED"])
    assert list(patterns.finditer("用了BOTOX，备好aed")) == [(2, 7), (10, 13)]


@settings(max_examples=300, deadline=None)
@given(
    pattern=_pattern(),
    text=st.text(ALPHABET + "AB", max_size=12),
    start=st.integers(-1, 13),
    end=st.integers(-1, 14),
)
def test_ranges_find_what_the_regex_finds(pattern: str, text: str, start: int, end: int) -> None:
    """A search inside [start, end) skips a pattern only when no anchor fits there."""
    regex = re.compile(fold_pattern(pattern), re.I)
    expected = sorted(
        {m.span() for m in regex.finditer(text, start, end) if m.end() > m.start()}
    )
    patterns = Patterns([pattern, "治好"])
    phrase = re.compile("治好")
    expected = sorted(
        set(expected) | {m.span() for m in phrase.finditer(text, start, end)}
    )
    assert list(patterns.finditer(text, start, end)) == expected
    assert patterns.search(text, start, end) == next(iter(expected), None)
