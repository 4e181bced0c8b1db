"""``coverage``: a presented treatment needs contraindications, and its topic's key items."""

from __future__ import annotations

from ..rules.models import CoverageRule
from .base import Article, Check, Finding
from .patterns import Patterns


class CoverageCheck(Check):
    rule: CoverageRule

    def __init__(self, rule: CoverageRule) -> None:
        super().__init__(rule)
        self.treatments = Patterns(rule.treatments)
        self.coverage = Patterns(rule.coverage)
        self.exceptions = Patterns(rule.exceptions)

    def words(self) -> list[str]:
        return self.treatments.literals + self.coverage.literals + self.exceptions.literals

    def _generic(self, article: Article) -> tuple[int, int] | None:
        """The first generic treatment (by class word or suffix) the article presents."""
        excepted = list(self.exceptions.finditer(article.text))
        for start, end in self.treatments.finditer(article.text):
            if any(a < end and start < b for a, b in excepted):
                continue
            if article.presents(start, end):
                return start, end
        return None

    def run(self, article: Article) -> list[Finding]:
        presentations = article.presentations
        generic = None if presentations else self._generic(article)
        if not presentations and generic is None:
            return []
        text = article.text
        if self.coverage.search(text) is None:
            start, end = (
                (presentations[0].start, presentations[0].end) if presentations else generic
            )
            topic = presentations[0].topic if presentations else None
            detail = "未说明禁忌或慎用人群"
            if topic and topic.items:
                detail += "（应包括：" + "、".join(i.name for i in topic.items) + "）"
            return [
                Finding(self.rule, start, end, detail=detail, topic=topic.name if topic else "")
            ]
        for presentation in presentations:
            topic = presentation.topic
            missing = [
                item.name
                for item in topic.items
                if article.topic_patterns[f"{topic.id}#{item.name}"].search(text) is None
            ]
            if missing:
                return [
                    Finding(
                        self.rule,
                        presentation.start,
                        presentation.end,
                        detail=f"{topic.name}缺少关键禁忌：" + "、".join(missing),
                        topic=topic.name,
                    )
                ]
        return []
