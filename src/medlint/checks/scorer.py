"""The ``scorer`` rule kind: a statistical hint on lines that read like a claim.

Only lines that hold a claim-core word no negation, hedge, condition, question or
debunking reaches are scored (:mod:`medlint.analysis.likely`); a line scoring at or above
the threshold of the rule's weights is reported over its whole prose, with the features
that weighed most. The weights load when the rule first scores a line, so a run that
does not select the rule, or has no line to score, never reads them.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from ..analysis.likely import LineFeatures, ScoredLine, Weights, WeightsError
from .base import Article, Check, Finding

if TYPE_CHECKING:
    from ..rules import RulePack
    from ..rules.models import ScorerRule


class ScorerCheck(Check):
    rule: ScorerRule

    def __init__(self, rule: ScorerRule, lexicons: Mapping[str, list[str]] | None = None):
        super().__init__(rule)
        self.lexicons = lexicons or {}
        self._built: LineFeatures | None = None
        self.pack: RulePack | None = None
        """The pack of the rule, if its word tables may be kept beside the cached pack."""

    @cached_property
    def weights(self) -> Weights:
        return load_weights(Path(self.rule.weights_path))

    def run(self, article: Article, covered: Collection[int] = ()) -> list[Finding]:
        """The lines scored at or above the threshold. ``covered``: source lines on which
        a report of this rule would be dropped (another rule of its category reports
        there); no finding touching one is made, and such a line's features are not
        worked out. The weights are read when a line is first scored."""
        features = self._features(article)
        text = article.text
        dropped = None
        if covered:
            span = article.document.span

            def dropped(item: ScoredLine) -> bool:
                start, end = _trimmed(text, item.start, item.end)
                line, _, end_line, _ = span(start, end)
                return any(n in covered for n in range(line, end_line + 1))

        findings = []
        lines = features.document_lines(article.document, article.context, dropped,
                                        self._weights)
        for item in lines:
            if not item.open:
                continue
            weights = self.weights
            score = weights.score(item.features)
            if score < weights.threshold:
                continue
            start, end = _trimmed(text, item.start, item.end)
            why = "、".join(weights.why(item.features))
            detail = f"得分 {score:.2f}" + (f"，主要依据 {why}" if why else "")
            findings.append(Finding(self.rule, start, end, detail=detail))
        return findings

    def _weights(self) -> Weights:
        return self.weights

    def _features(self, article: Article) -> LineFeatures:
        if self._built is None:
            if self.pack is None:
                self._built = LineFeatures(self.lexicons, article.lexicon)
                return self._built
            from ..rules.pack_cache import load_hint_tables, store_hint_tables

            stored = load_hint_tables(self.pack)
            built = LineFeatures(self.lexicons, article.lexicon, stored=stored)
            if stored is None:
                store_hint_tables(self.pack, built.tables())
            self._built = built
        return self._built


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) without the white space at either end."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def load_weights(path: Path) -> Weights:
    """The weights in ``path``; raises :class:`RulesError` with a one-line reason. Weights
    an earlier start read from the same bytes are taken from the user cache folder, their
    numbers stored as such (:meth:`Weights.dump`), not parsed again."""
    from ..rules import pack_cache

    try:
        raw = path.read_bytes()
    except OSError:
        raw = None  # said below
    stored = pack_cache.load_weights(raw) if raw is not None else None
    if stored is not None:
        return stored
    weights = _parse_weights(path)
    if raw is not None:
        pack_cache.store_weights(raw, weights)
    return weights


def _parse_weights(path: Path) -> Weights:
    from ..rules.loader import RulesError

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise RulesError(f"{path}: cannot read the weights: {error}") from None
    try:
        return Weights.parse(data)
    except WeightsError as error:
        raise RulesError(f"{path}: {error}") from None
