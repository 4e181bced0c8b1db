"""``required``: all elements must appear together in one paragraph (or sentence)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .base import Article, Check, Finding
from .patterns import Patterns

if TYPE_CHECKING:
    from ..rules.models import RequiredRule


# A line that opens with a speaker's label (药师小林：, 客服 Kelly:, 用户：).
_SPEAKER = re.compile(
    r"[ \t>*]*([^\s:：。！？!?，,；;\n]{1,8}(?: [^\s:：。！？!?，,；;\n]{1,8})?)\s*[:：]"
)
# A transcript has at least this many speaker lines in one paragraph.
MIN_TURNS = 3


def _turns(text: str, first: int, last: int) -> list[tuple[int, int]]:
    """A transcript paragraph's turns: each speaker's consecutive lines (a list under
    a line belongs to it); any other paragraph is one unit."""
    lines: list[tuple[int, int, str | None]] = []
    at = first
    while at < last:
        end = text.find("\n", at, last)
        end = last if end < 0 else end + 1
        label = _SPEAKER.match(text, at, end)
        lines.append((at, end, label.group(1) if label else None))
        at = end
    if sum(1 for _, _, who in lines if who) < MIN_TURNS:
        return [(first, last)]
    turns: list[tuple[int, int, str | None]] = []
    for start, end, who in lines:
        if turns and (who is None or who == turns[-1][2]):
            turns[-1] = (turns[-1][0], end, turns[-1][2])
        else:
            turns.append((start, end, who))
    return [(start, end) for start, end, _ in turns]


class RequiredCheck(Check):
    """All elements in one unit; otherwise report the incomplete attempt or the article's end.

    An incomplete attempt is the last unit holding the rule's first element (仅供参考), or
    else the article's last unit when it holds another element (用药请遵医嘱。): a body
    sentence that happens to say 及时就医 is not an attempt at a disclaimer.
    """

    rule: RequiredRule

    def __init__(self, rule: RequiredRule) -> None:
        super().__init__(rule)
        self.elements = {name: Patterns(p) for name, p in rule.elements.items()}

    def words(self) -> list[str]:
        return [w for patterns in self.elements.values() for w in patterns.literals]

    def _present(self, article: Article, first: int, last: int) -> list[str]:
        return [
            name
            for name, patterns in self.elements.items()
            if patterns.search(article.text, first, last)
        ]

    def run(self, article: Article) -> list[Finding]:
        structure = article.structure
        units = structure.paragraphs if self.rule.scope == "paragraph" else structure.sentences
        if self.rule.scope == "paragraph":
            # (in a conversation, one speaker's turn is the paragraph)
            units = [turn for first, last in units for turn in _turns(article.text, first, last)]
        marker = next(iter(self.elements))
        attempt: tuple[int, int, list[str]] | None = None
        for index, (first, last) in enumerate(units):
            present = self._present(article, first, last)
            if len(present) == len(self.elements):
                return []
            if marker in present or (present and index == len(units) - 1 and attempt is None):
                attempt = (first, last, present)
        if attempt is None:
            missing = "、".join(self.elements)
            return [
                Finding(self.rule, line=article.document.last_line(), detail=f"缺少：{missing}")
            ]
        first, last, present = attempt
        start, end = min(
            self.elements[name].search(article.text, first, last) or (last, last)
            for name in present
        )
        missing = "、".join(name for name in self.elements if name not in present)
        return [Finding(self.rule, start, end, detail=f"不完整，缺少：{missing}")]
