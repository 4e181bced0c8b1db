"""Character-level folding for matching: Traditional→Simplified, full-width→half-width.

Every character maps to exactly one character, so the normalised text has the same
length as the original and every position still points at the original.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from pathlib import Path

# the package's data folder (read as a file: importlib.resources costs a start ~5 ms)
_DATA = Path(__file__).resolve().parent.parent / "data"


@lru_cache(maxsize=1)
def _table() -> dict[int, str]:
    table: dict[int, str] = {}
    for line in (_DATA / "t2s.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            trad, simp = line.split("\t")
            table[ord(trad)] = simp
    for code in range(0xFF01, 0xFF5F):
        table[code] = chr(code - 0xFEE0)
    table[0x3000] = " "
    for char in "\u00a0\u2002\u2003\u2009":
        table[ord(char)] = " "
    for code in range(ord("A"), ord("Z") + 1):
        table[code] = chr(code + 32)
    for code in range(ord("Ａ"), ord("Ｚ") + 1):
        table[code] = chr(code - 0xFEE0 + 32)
    for char in "①②③④⑤⑥⑦⑧⑨":
        folded = unicodedata.normalize("NFKC", char)
        if len(folded) == 1:
            table[ord(char)] = folded
    return table


def normalise(text: str) -> str:
    """Fold ``text`` for matching; the result has exactly the same length."""
    return text.translate(_table())
