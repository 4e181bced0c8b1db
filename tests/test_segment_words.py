"""Rule words added to jieba's table: words taken at once and worked out when first asked
for, and a start that reuses an earlier start's total, give the same frequencies, total
and tokens as adding every word itself."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from medlint.analysis import segment

WORDS = ["保证治好", "三个疗程", "纯天然", "药到病除", "无副作用", "祖传秘方"]
TEXT = "这个祖传秘方纯天然无副作用，三个疗程保证治好，药到病除。"


@pytest.fixture(autouse=True)
def _own_words() -> Iterator[None]:
    """The words these tests register stay theirs: later tests in the process segment
    with the rule words alone."""
    before = set(segment._words)
    yield
    with segment._lock:
        segment._words.clear()
        segment._words.update(before)


def _fresh() -> object:
    tokenizer = segment._new_tokenizer()
    if not isinstance(tokenizer.FREQ, segment.LazyFreq):
        pytest.skip("no private cache folder: the table is in memory")
    return tokenizer


def _cut(tokenizer: object) -> list[str]:
    return list(tokenizer.cut(TEXT))  # type: ignore[attr-defined]


def _added_files(tokenizer: object) -> set[str]:
    folder = os.path.dirname(tokenizer.FREQ.path)  # type: ignore[attr-defined]
    return {name for name in os.listdir(folder) if name.startswith("words-")}


def test_restored_words_equal_added_words(monkeypatch: pytest.MonkeyPatch) -> None:
    segment.register_words(WORDS)
    first = _fresh()
    folder = os.path.dirname(first.FREQ.path)  # type: ignore[attr-defined]
    for name in _added_files(first):
        os.unlink(os.path.join(folder, name))
    segment._flush(first)  # takes every word, and stores the total
    assert _added_files(first)

    def looked_up(*_: object) -> None:
        raise AssertionError("the second start looked the words up again")

    monkeypatch.setattr(segment.LazyFreq, "prefetch", looked_up)
    second = _fresh()
    segment._flush(second)
    assert second.total == first.total > 0  # type: ignore[attr-defined]
    assert _cut(second) == _cut(first)
    monkeypatch.undo()
    assert second.FREQ.added_words() == first.FREQ.added_words()  # type: ignore[attr-defined]
    assert "祖传秘方" in _cut(second)


def test_damaged_store_is_ignored() -> None:
    segment.register_words(WORDS)
    first = _fresh()
    segment._flush(first)
    folder = os.path.dirname(first.FREQ.path)  # type: ignore[attr-defined]
    for name in _added_files(first):
        with open(os.path.join(folder, name), "w", encoding="utf-8") as out:
            out.write('{"base": 1, "total": "x", "added": []}')
    second = _fresh()
    segment._flush(second)  # sums the words' frequencies again
    assert second.FREQ.added_words() == first.FREQ.added_words()  # type: ignore[attr-defined]
    assert second.total == first.total  # type: ignore[attr-defined]


def test_taken_words_equal_added_words() -> None:
    """Taking words at once gives each word, prefix and other word the frequency, and the
    table the total, that adding them one by one does; and so does the whole table."""
    words = sorted({*WORDS, "保证", "保证治", "治好了", "三个", "纯天然草本", "甲乙丙"})
    added = _fresh().FREQ
    base = added.total
    for word in words:
        added.add_word(word)
    taken = _fresh().FREQ
    assert taken.total == base
    taken.take(words)
    assert taken.total == added.total
    parts = {w[:end] for w in words for end in range(1, len(w) + 1)}
    for word in sorted(parts | {"治好", "天然", "疗程", "甲丙", "不存在的词语组合"}):
        assert taken.get(word) == added.get(word), word
    assert taken.added_words() == added.added
    assert taken.whole() == added.whole()
