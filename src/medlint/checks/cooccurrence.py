"""``cooccurrence``: a serious sign needs an urgent action in the same or next sentence."""

from __future__ import annotations

from ..rules.models import CooccurrenceRule
from .base import Article, Check, Finding
from .patterns import Patterns


class CooccurrenceCheck(Check):
    rule: CooccurrenceRule

    def __init__(self, rule: CooccurrenceRule) -> None:
        super().__init__(rule)
        self.signs = Patterns(rule.signs)
        self.actions = Patterns(rule.actions)
        self.exceptions = Patterns(rule.exceptions)

    def words(self) -> list[str]:
        return self.signs.literals + self.actions.literals

    def _acted_on(self, article: Article, start: int) -> bool:
        structure = article.structure
        index = structure.sentence_index(start)
        sentences = structure.sentences
        if not sentences:
            return False
        last = sentences[min(index + self.rule.window, len(sentences) - 1)][1]
        first = sentences[index][0]
        return any(
            not article.context.negated(a)
            for a, _ in self.actions.finditer(article.text, first, last)
        )

    def _signs(self, article: Article, patterns: Patterns) -> list[tuple[int, int]]:
        excepted = list(self.exceptions.finditer(article.text))
        return [
            (a, b)
            for a, b in patterns.finditer(article.text)
            if not article.context.negated(a) and not any(x < b and a < y for x, y in excepted)
        ]

    def run(self, article: Article) -> list[Finding]:
        signs = self._signs(article, self.signs)
        for start, end in signs:
            if not self._acted_on(article, start):
                sign = article.document.prose[start:end]
                return [Finding(self.rule, start, end, detail=f"“{sign}”")]
        for presentation in article.presentations:
            topic = presentation.topic
            if not topic.serious_signs:
                continue
            topic_signs = self._signs(article, article.topic_patterns[f"{topic.id}#signs"])
            if not any(self._acted_on(article, a) for a, _ in signs + topic_signs):
                return [
                    Finding(
                        self.rule,
                        presentation.start,
                        presentation.end,
                        detail=f"{topic.name}有严重风险，需写明出现何种症状应立即就医",
                        topic=topic.name,
                    )
                ]
        return []
