"""Treatment names from word classes, found with one Aho-Corasick automaton per pack.

Thousands of names (rules/lexicons/) cost one pass over the text: the automaton is
built once, the first time an article is checked, and finds the leftmost-longest name
at each place (布洛芬缓释胶囊 before 布洛芬).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..analysis.normalize import normalise

# Names this short are often part of a longer everyday word: they count only when jieba
# cuts the sentence at both ends of the name.
SHORT = 3


class Names:
    """A set of names and what each stands for (its word class)."""

    def __init__(
        self,
        classes: Iterable[tuple[str, Iterable[str]]],
        labels: dict[str, list[str]] | None = None,
    ) -> None:
        #: name -> [class, "keyword、keyword"] from the label lexicon
        self.labels = {normalise(k).lower(): v for k, v in (labels or {}).items()}
        self.kind: dict[str, str] = {}
        for kind, words in classes:
            for word in words:
                folded = normalise(word).lower()
                if len(folded) >= 2:
                    self.kind.setdefault(folded, kind)
        self._automaton = None

    def __bool__(self) -> bool:
        return bool(self.kind)

    def _built(self):
        if self._automaton is None:
            from ahocorasick_rs import AhoCorasick, MatchKind

            self._words = list(self.kind)
            self._automaton = AhoCorasick(self._words, matchkind=MatchKind.LeftmostLongest)
        return self._automaton

    def __getstate__(self) -> dict:
        return {"kind": self.kind, "labels": self.labels, "_automaton": None}

    def label_keywords(self, name: str) -> list[str]:
        """The contraindication keywords the label of ``name`` lists (may be empty)."""
        row = self.labels.get(name)
        if not row or len(row) < 2:
            return []
        return [k for k in row[1].split("、") if k]

    def finditer(self, text: str) -> Iterator[tuple[int, int, str]]:
        """(start, end, name) of each name in ``text`` (already normalised)."""
        if not self.kind:
            return
        for index, start, end in self._built().find_matches_as_indexes(text):
            yield start, end, self._words[index]
