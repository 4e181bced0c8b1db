"""``forbidden``: each claim phrase is reported unless its context says it is no claim."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, cast

from ..analysis.segment import known
from ..lazy_regex import LazyRegex
from .base import Article, Check, Finding
from .frames import Frames
from .patterns import Patterns

if TYPE_CHECKING:
    from ..analysis.context import Context
    from ..rules.models import ForbiddenRule

# a signature after a closing quote (”——用户 小林): it signs the sentence before it
_SIGNATURE = LazyRegex(r"[”\"」』]\s*(?:——|--|—|──)")
# a run of 2-6 Chinese characters that is a whole alternative of a pattern: 术前术后 in
# (?:术前术后|治疗前后); jieba keeps it whole so a match can end where it ends
_WHOLE_WORD = LazyRegex(r"(?:(?<=[(|:])|^)([\u4e00-\u9fff]{2,6})(?=[|)]|$)")


# not registered with jieba (word classes segment-negator-first, segment-particle-last):
# a chunk opening with a negator (不疼了) would hide it from negation scopes, and one
# closing on a particle would swallow the particle into the claim
_NO_FIRST = "segment-negator-first"
_NO_LAST = "segment-particle-last"


def _registrable(words: Iterable[str], lexicons: Mapping[str, list[str]]) -> list[str]:
    """The words jieba may keep whole: not led by a negator, not closed by a particle."""
    first, last = frozenset(lexicons.get(_NO_FIRST, ())), frozenset(lexicons.get(_NO_LAST, ()))
    return [word for word in words if word[0] not in first and word[-1] not in last]


def alternative_words(patterns: list[str], lexicons: Mapping[str, list[str]]) -> list[str]:
    """The whole-word alternatives of ``patterns``, for jieba's dictionary."""
    return sorted(
        set(_registrable({word for p in patterns for word in _WHOLE_WORD.findall(p)}, lexicons))
    )


# C15: a phone number or a price near a claim is commercial context (with the words of
# the `commercial` class); alone it is never a violation
_COMMERCIAL = LazyRegex(
    r"1[3-9]\d{9}|400-?\d{3}-?\d{4}|\d+(?:\.\d+)?\s*(?:元|块钱)|[¥￥]\s*\d"
)
COMMERCIAL_DETAIL = "附近有电话、价格、预约或微信等推广信息，按广告处理"

# marks that end a clause inside a sentence: a negator before one governs its own clause
_CLAUSE_ENDS = frozenset("，,；;：:")


# words registered with jieba only so that frames find them whole: a match may start or
# end inside one (a class word such as 天然激素 must not hide the phrase 纯天然)
SOFT: set[str] = set()


def on_boundaries(article: Article, start: int, end: int, glued: bool = False) -> bool:
    """[start, end) starts and ends where jieba tokens do, or inside a frame word; with
    ``glued``, also inside a token glued from two dictionary words (:func:`glued_at`)."""
    tokens = article.structure.tokens(start)
    for position in (start, end):
        for word, a, b in tokens:
            inside = a < position < b and word not in SOFT
            if inside and not (glued and glued_at(word, position - a)):
                return False
    return True


def glued_at(token: str, cut: int) -> bool:
    """``token`` is no dictionary word but jieba's guess at joining two that are, cut at
    ``cut`` (药|能, 奶|比): a claim word may start or end there. A dictionary word that
    merely holds a claim word (最近, 最好) is never cut."""
    return not known(token) and known(token[:cut]) and known(token[cut:])


def _gap_negator(context: Context, word: str) -> bool:
    """``word`` negates what follows in a gap: a negator, or one glued to an adverb (也|不会
    cut as 也不会); 没(有) so glued is not (都没有再犯 is the claim worded as a negation)."""
    return word in context._negators or (context._negator(word) and not word[1:].startswith("没"))


class ForbiddenCheck(Check):
    rule: ForbiddenRule

    def __init__(
        self, rule: ForbiddenRule, lexicons: Mapping[str, list[str]] | None = None
    ) -> None:
        super().__init__(rule)
        self.lexicons = lexicons or {}
        self.frames = Frames(rule.frames, self.lexicons, rule.gap)
        commerce = ["{commercial}"] if "commercial" in self.lexicons else []
        self.commerce = Frames(commerce, self.lexicons)
        self.patterns = Patterns(rule.patterns)
        self.exceptions = Patterns(rule.exceptions)
        self.sentence_exceptions = Patterns(rule.sentence_exceptions)

    def words(self) -> list[str]:
        rule = self.rule
        return [
            *self.patterns.literals,
            *self.exceptions.literals,
            *alternative_words(rule.patterns + rule.exceptions, self.lexicons),
            *self._frame_words(),
        ]

    def wakes(self) -> tuple[frozenset[int], bool]:
        """Its patterns' and frames' literals: without one of them there is no span."""
        literals, always = self.patterns.wakes()
        return literals | self.frames.ids, always

    def _frame_words(self) -> list[str]:
        """Frame words for jieba; a pattern match may still end inside one (``SOFT``)."""
        words = _registrable([w for w in self.frames.words if len(w) > 1], self.lexicons)
        SOFT.update(words)
        return words

    def excepted(self, article: Article, start: int, end: int) -> bool:
        """An exception overlaps the match, or a sentence exception is in its sentence (a
        signature's sentence takes in the quote it signs)."""
        first, last = article.structure.sentence_at(start)
        if first and _SIGNATURE.match(article.text, first) and start <= first + 3:
            # the signed quote is the sentence before: an exception may span both
            first = article.structure.sentence_at(first - 1)[0]
        if self.sentence_exceptions and self.sentence_exceptions.search(article.text, first, last):
            return True
        return bool(self.exceptions) and any(
            a < end and start < b for a, b in self.exceptions.finditer(article.text, first, last)
        )

    def is_claim(self, article: Article, start: int, end: int, glued: bool = False) -> bool:
        rule, context = self.rule, article.context
        if rule.word_boundaries and not on_boundaries(article, start, end, glued):
            return False
        if self.excepted(article, start, end):
            return False
        if rule.skip_negated and context.negated(start, end):
            return False
        if rule.skip_hypothetical and context.hypothetical(start):
            return False
        if rule.skip_quoted and context.quoted(start, end):
            return False
        if rule.skip_questions and context.question(start, end):
            return False
        return not (rule.skip_debunked and context.debunked(start, end))

    def _gaps_negated(self, article: Article, gaps: tuple[tuple[int, int], ...]) -> bool:
        """A negator token stands in a gap the frame skipped (保证不能治好), in the clause
        of the slot after the gap: a negator in an earlier clause the gap crossed governs
        that clause only (肿得蹲不下去，多喝水歇两天就好了)."""
        context = article.context
        text = article.text
        for first, last in gaps:
            for word, a, _ in article.structure.tokens(first):
                if (
                    first <= a < last
                    and _gap_negator(context, word)
                    and not any(mark in _CLAUSE_ENDS for mark in text[a:last])
                ):
                    return True
        return False

    def spans(self, article: Article) -> list[tuple[int, int]]:
        """Pattern and frame matches, leftmost first, the longest first at one start."""
        found = set(self.patterns.finditer(article.text))
        for start, end, gaps in self.frames.finditer(article.text):
            if (start, end) not in found and not (gaps and self._gaps_negated(article, gaps)):
                found.add((start, end))
        return sorted(found, key=lambda span: (span[0], -span[1]))

    def run(self, article: Article) -> list[Finding]:
        """One finding per claim, the longest match first; overlapping matches add nothing.

        A match that starts or ends inside a glued token (茶|能) counts only where no
        match on token boundaries already holds a claim."""
        spans = self.spans(article)
        findings = self._claims(article, spans)
        if self.rule.word_boundaries:
            taken = [(f.start, f.end) for f in findings]
            rest = [
                (a, b)
                for a, b in spans
                if not any(a < d and c < b for c, d in taken)
                and not on_boundaries(article, a, b)
                and on_boundaries(article, a, b, glued=True)
            ]
            glued = self._claims(article, rest, glued=True) if rest else []
            findings = sorted(findings + glued, key=lambda f: f.start) if glued else findings
        for finding in findings:
            if self.commercial(article, finding.start):
                finding.raised = True
                finding.detail = COMMERCIAL_DETAIL
        return findings

    def _claims(
        self, article: Article, spans: list[tuple[int, int]], glued: bool = False
    ) -> list[Finding]:
        """The claims among ``spans``, leftmost first, none overlapping the last."""
        findings: list[Finding] = []
        for start, end in spans:
            if findings and start < findings[-1].end:
                continue
            if self.is_claim(article, start, end, glued):
                findings.append(Finding(self.rule, start, end))
        return findings

    def commercial(self, article: Article, position: int) -> bool:
        """A commercial signal in the claim's paragraph or the paragraphs beside it (C15)."""
        paragraphs = article.structure.paragraphs
        if not paragraphs or not self.commerce:
            return False
        index = article.structure.paragraph_index(position)
        first = paragraphs[max(0, index - 1)][0]
        last = paragraphs[min(len(paragraphs) - 1, index + 1)][1]
        if _COMMERCIAL.search(article.text, first, last):
            return True
        spans, starts = self.commerce_spans(article)
        for at in range(bisect_left(starts, first), len(spans)):
            start, end = spans[at]
            if start >= last:
                break
            if end <= last and article.structure.on_token_boundaries(start, end):
                return True
        return False

    def commerce_spans(self, article: Article) -> tuple[list[tuple[int, int]], list[int]]:
        """The commercial words of the article and their starts, in order: found once
        per article for every claim of every rule (a scan per claim is quadratic)."""
        key = ("commerce", *self.commerce.sources)
        if key not in article.memo:
            spans = sorted({(start, end) for start, end, _ in self.commerce.finditer(article.text)})
            article.memo[key] = (spans, [start for start, _ in spans])
        return cast(tuple[list[tuple[int, int]], list[int]], article.memo[key])
