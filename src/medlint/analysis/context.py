"""Scopes that turn a phrase match into a non-claim: negation, debunking, quotes, questions."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from .structure import TextStructure

_QUOTE_PAIRS = (("“", "”"), ("「", "」"), ("『", "』"), ("‘", "’"), ("《", "》"))


class ContextLexicon(BaseModel):
    """Word lists that define negation and debunking; shipped as data in the rule pack."""

    model_config = ConfigDict(extra="forbid")

    negators: list[str] = Field(min_length=1)
    debunk_before: list[str] = Field(default_factory=list)
    debunk_after: list[str] = Field(default_factory=list)
    negation_window: int = Field(default=12, ge=1, le=80)
    treatment_uses: list[str] = Field(
        default_factory=list,
        description="patterns showing that a sentence presents or recommends a treatment",
    )


class Context:
    """Answers questions about the surroundings of a span in one document."""

    def __init__(self, structure: TextStructure, lexicon: ContextLexicon) -> None:
        self.s = structure
        self.lexicon = lexicon
        self._negators = frozenset(lexicon.negators)
        self._debunk_before = frozenset(lexicon.debunk_before)

    def negated(self, start: int) -> bool:
        """A negator token stands before ``start`` in the same clause, close enough."""
        clause = max(self.s.clause_start(start), start - self.lexicon.negation_window)
        return any(
            word in self._negators
            for word, a, b in self.s.tokens(start)
            if a >= clause and b <= start
        )

    def debunked(self, start: int, end: int) -> bool:
        """The sentence warns against the claim (警惕宣称…, …是谣言)."""
        first, last = self.s.sentence_at(start)
        if any(
            word in self._debunk_before
            for word, a, b in self.s.tokens(start)
            if a >= first and b <= start
        ):
            return True
        after = self.s.text[end:last]
        return any(phrase in after for phrase in self.lexicon.debunk_after)

    def quoted(self, start: int, end: int) -> bool:
        """The span sits inside quotation marks or a title mark within its sentence."""
        first, _ = self.s.sentence_at(start)
        before = self.s.text[first:start]
        for opening, closing in _QUOTE_PAIRS:
            if before.rfind(opening) > before.rfind(closing):
                return True
        return before.count('"') % 2 == 1

    def question(self, start: int) -> bool:
        """The sentence holding ``start`` asks a question."""
        first, last = self.s.sentence_at(start)
        sentence = self.s.text[first:last].rstrip()
        return sentence.endswith(("?", "吗", "呢")) or "?" in sentence[-2:]
