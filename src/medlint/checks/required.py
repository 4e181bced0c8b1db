"""``required``: all elements must appear together in one paragraph (or sentence)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .base import Article, Check, Finding
from .patterns import Patterns

if TYPE_CHECKING:
    from ..rules.models import RequiredRule


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
