"""A pattern compiled without re.IGNORECASE (nothing in it has a case) finds exactly what
it finds with it, over the rule pack's patterns and the labelled texts."""

from __future__ import annotations

import gc
import re
from pathlib import Path

from medlint.analysis.normalize import normalise
from medlint.checks import patterns
from medlint.run.engine import default_linter

DATA = Path(__file__).parent / "data"


def _pack_patterns() -> list[str]:
    default_linter().compile()
    found: set[str] = set()
    for obj in gc.get_objects():
        if isinstance(obj, patterns.Patterns):
            found.update(p for p, phrase in zip(obj.folded, obj.phrases, strict=True)
                         if phrase is None)
    return sorted(found)


def test_case_free_patterns_match_the_same_without_ignorecase() -> None:
    files = sorted(p for p in DATA.rglob("*") if p.suffix in {".md", ".txt", ".html"})
    texts = [normalise(p.read_text(encoding="utf-8")) for p in files[::6]]
    texts.append("Ａbc ſ K µ ǅ İı ΣΑΣ ﬁ 这个产品ＣＴ检查 abc DEF 123")
    free = [p for p in _pack_patterns() if patterns.case_free(p)]
    assert len(free) > 100
    for pattern in free:
        plain, folded = re.compile(pattern), re.compile(pattern, re.I)
        for text in texts:
            assert [m.span() for m in plain.finditer(text)] == [
                m.span() for m in folded.finditer(text)
            ], pattern


def test_what_has_a_case_keeps_ignorecase() -> None:
    assert patterns.case_free("[一-龥]{2,6}(丸|丹)(?![一-龥])")
    assert patterns.case_free(r"\d+\s*(元|块钱)|[¥￥]\s*\d")
    assert not patterns.case_free("ct|mri")
    assert not patterns.case_free("[a-z]+检查")
    assert not patterns.case_free(r"(中)\1")
    assert not patterns.case_free("(?-i:中)")
    assert not patterns.case_free("[\u0100-\uffff]")
    assert not patterns.case_free("(")
