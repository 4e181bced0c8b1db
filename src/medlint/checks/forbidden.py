"""``forbidden``: each claim phrase is reported unless its context says it is no claim."""

from __future__ import annotations

from ..rules.models import ForbiddenRule
from .base import Article, Check, Finding
from .patterns import Patterns


class ForbiddenCheck(Check):
    rule: ForbiddenRule

    def __init__(self, rule: ForbiddenRule) -> None:
        super().__init__(rule)
        self.patterns = Patterns(rule.patterns)
        self.exceptions = Patterns(rule.exceptions)

    def words(self) -> list[str]:
        return self.patterns.literals + self.exceptions.literals

    def excepted(self, article: Article, start: int, end: int) -> bool:
        first, last = article.structure.sentence_at(start)
        return any(
            a < end and start < b for a, b in self.exceptions.finditer(article.text, first, last)
        )

    def is_claim(self, article: Article, start: int, end: int) -> bool:
        rule, context = self.rule, article.context
        if rule.word_boundaries and not article.structure.on_token_boundaries(start, end):
            return False
        if self.exceptions and self.excepted(article, start, end):
            return False
        if rule.skip_negated and context.negated(start):
            return False
        if rule.skip_quoted and context.quoted(start, end):
            return False
        if rule.skip_questions and context.question(start):
            return False
        return not (rule.skip_debunked and context.debunked(start, end))

    def run(self, article: Article) -> list[Finding]:
        return [
            Finding(self.rule, start, end)
            for start, end in self.patterns.finditer(article.text)
            if self.is_claim(article, start, end)
        ]
