"""What every rule kind shares: the finding it produces and the article it reads."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from ..analysis import Context, ContextLexicon, TextStructure
from ..documents import Document
from ..rules.models import Rule, Topic
from .patterns import Patterns

# A use verb recommends the treatment it stands near: within this many characters of
# the mention, in the same sentence (可以服用布洛芬 / 布洛芬每次一片，饭后服用).
USE_REACH = 24


@dataclass
class Finding:
    """A rule's verdict on a span of prose (or on a whole line when ``line`` is set)."""

    rule: Rule
    start: int = 0
    end: int = 0
    line: int | None = None
    detail: str = ""
    topic: str = ""
    raised: bool = False
    """Commercial context near the claim (C15): reported as an error."""


@dataclass
class Presentation:
    """Where an article presents a treatment of a topic profile."""

    topic: Topic
    start: int
    end: int


@dataclass
class Article:
    """One document with everything the checks need, computed once and lazily."""

    document: Document
    lexicon: ContextLexicon
    topics: list[Topic] = field(default_factory=list)
    topic_patterns: dict[str, Patterns] = field(default_factory=dict)
    uses: Patterns | None = None
    cautions: Patterns | None = None
    non_uses: Patterns | None = None

    @cached_property
    def structure(self) -> TextStructure:
        return TextStructure(self.document.prose)

    @cached_property
    def context(self) -> Context:
        return Context(self.structure, self.lexicon)

    @property
    def text(self) -> str:
        return self.structure.text

    @cached_property
    def uses_words(self) -> frozenset[str]:
        return frozenset(self.uses.literals) if self.uses is not None else frozenset()

    def title_end(self) -> int:
        paragraphs = self.structure.paragraphs
        return paragraphs[0][1] if paragraphs else 0

    def cautious(self, position: int) -> bool:
        """The sentence at ``position`` says who must not, or must carefully, use something."""
        if self.cautions is None:
            return False
        first, last = self.structure.sentence_at(position)
        return self.cautions.search(self.text, first, last) is not None

    def presents(self, start: int, end: int) -> bool:
        """The treatment at [start, end) is the subject (title) or is recommended for use.

        A mention in a sentence that warns against use (禁用, 不宜…, ``cautions``), that
        negates or asks, or whose sentence has no use verb (``uses``) presents nothing.
        """
        if start < self.title_end():
            return True
        if self.context.negated(start) or self.context.question(start):
            return False
        if self.cautious(start):
            return False
        first, last = self.structure.sentence_at(start)
        if self.non_uses is not None and self.non_uses.search(self.text, first, start):
            return False
        near = max(first, start - USE_REACH), min(last, end + USE_REACH)
        return self.uses is not None and self.uses.search(self.text, *near) is not None

    @cached_property
    def presentations(self) -> list[Presentation]:
        """Each topic the article presents, at its first presenting mention.

        When the title presents treatments, they are the article's subject: other
        treatments in the body are context (comparisons, interactions), not presented.
        """
        found = []
        title_end = self.title_end()
        for topic in self.topics:
            end_at = title_end if topic.subject_only else None
            for start, end in self.topic_patterns[topic.id].finditer(self.text, 0, end_at):
                if self.presents(start, end):
                    found.append(Presentation(topic, start, end))
                    break
        if any(p.start < title_end for p in found):
            found = [p for p in found if p.start < title_end]
        return sorted(found, key=lambda p: p.start)


class Check:
    """A compiled rule. Subclasses implement :meth:`run`."""

    def __init__(self, rule: Rule) -> None:
        self.rule = rule

    def words(self) -> list[str]:
        """Literal phrases jieba should keep whole."""
        return []

    def run(self, article: Article) -> list[Finding]:
        raise NotImplementedError
