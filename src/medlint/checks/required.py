"""``required``: all elements must appear together in one paragraph (or sentence)."""

from __future__ import annotations

from ..rules.models import RequiredRule
from .base import Article, Check, Finding
from .patterns import Patterns


class RequiredCheck(Check):
    rule: RequiredRule

    def __init__(self, rule: RequiredRule) -> None:
        super().__init__(rule)
        self.elements = {name: Patterns(p) for name, p in rule.elements.items()}

    def words(self) -> list[str]:
        return [w for patterns in self.elements.values() for w in patterns.literals]

    def run(self, article: Article) -> list[Finding]:
        structure = article.structure
        units = structure.paragraphs if self.rule.scope == "paragraph" else structure.sentences
        best: tuple[int, int, int, list[str]] | None = None
        for first, last in units:
            present = [
                name
                for name, patterns in self.elements.items()
                if patterns.search(article.text, first, last)
            ]
            if len(present) == len(self.elements):
                return []
            if present and (best is None or len(present) >= best[0]):
                hit = min(
                    p.search(article.text, first, last) or (last, last)
                    for p in self.elements.values()
                )
                best = (len(present), hit[0], hit[1], present)
        if best is None:
            missing = "、".join(self.elements)
            return [
                Finding(self.rule, line=article.document.last_line(), detail=f"缺少：{missing}")
            ]
        missing = "、".join(name for name in self.elements if name not in best[3])
        return [Finding(self.rule, best[1], best[2], detail=f"不完整，缺少：{missing}")]
