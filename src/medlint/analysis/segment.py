"""jieba segmentation, initialised once per process and only when first needed."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable
from functools import lru_cache

_lock = threading.Lock()
_added: set[str] = set()
_pending: set[str] = set()


@lru_cache(maxsize=1)
def _jieba():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


def register_words(words: Iterable[str]) -> None:
    """Rule phrases jieba must keep whole; added when segmentation is first needed."""
    with _lock:
        _pending.update(word for word in words if word and word not in _added)


def _flush() -> None:
    jieba = _jieba()
    with _lock:
        for word in sorted(_pending):
            jieba.add_word(word, freq=max(jieba.get_FREQ(word) or 0, 2000))
            _added.add(word)
        _pending.clear()


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """(token, start, end) for every jieba token of ``text``."""
    if _pending:
        _flush()
    return list(_jieba().tokenize(text))
