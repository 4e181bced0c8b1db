"""Treatment names from word classes, found in one pass over the text.

Thousands of names (rules/lexicons/) are indexed by their first two characters: one
pass over the text looks each position's two characters up and, on a hit, tries the
lengths of the names that start with them, longest first. The result is the
leftmost-longest match at each place (布洛芬缓释胶囊 before 布洛芬), as an Aho-Corasick
automaton would give, but the index costs a few milliseconds to build, so a one-file
check stays as fast as without the names. A process that scans more text than that (a
folder audit) builds the automaton (about 60 ms for 13 000 names) and finds the same
names with it, in one call.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import chain
from typing import Any

from ..analysis.normalize import normalise

# Names this short are often part of a longer everyday word: they count only when jieba
# cuts the sentence at both ends of the name.
SHORT = 3

# characters a process scans for names with the index before it builds the automaton
# (which costs about as much as scanning 150 000 characters with the index)
NAMES_SCAN = 150_000
_EAGER = [False]  # see build_early()


def build_early() -> None:
    """Build the automaton at the first scan (a long run: before any budget is spent)."""
    _EAGER[0] = True


class Names:
    """A set of names and what each stands for (its word class)."""

    # the leftmost-longest automaton over the names, once worth building (see NAMES_SCAN),
    # the names in its order, and the characters scanned without it
    _automaton: Any = None
    _words: list[str] | None = None
    _scanned = 0
    _plain = False  # names the automaton would not find alike: the index only

    def __init__(
        self,
        classes: Iterable[tuple[str, Iterable[str]]],
        labels: dict[str, list[str]] | None = None,
    ) -> None:
        #: name -> [class, "keyword、keyword"] from the label lexicon
        self.labels = {}
        if labels:
            folded = normalise("\n".join(labels)).lower().split("\n")
            self.labels = dict(zip(folded, labels.values(), strict=True))
        self.kind: dict[str, str] = {}
        for kind, words in classes:
            words = list(words)
            if not words:
                continue
            for word in normalise("\n".join(words)).lower().split("\n"):
                if len(word) >= 2:
                    self.kind.setdefault(word, kind)
        # first two characters -> lengths of the names starting with them, longest first
        lengths: dict[str, set[int]] = {}
        for word in self.kind:
            lengths.setdefault(word[:2], set()).add(len(word))
        self.index = {head: sorted(found, reverse=True) for head, found in lengths.items()}
        # the first characters, as one character class: C code finds the candidates
        self.first = "[" + "".join(sorted(map(re.escape, {w[0] for w in self.kind}))) + "]"

    def dump(self) -> dict[str, object]:
        """The index as JSON data (see :meth:`load`)."""
        return {"labels": self.labels, "kind": self.kind, "index": self.index,
                "first": self.first}

    @classmethod
    def load(cls, data: object) -> Names | None:
        """The index :meth:`dump` gave, or ``None`` if ``data`` is not what it gives."""
        if not isinstance(data, dict):
            return None
        labels, kind, index, first = (data.get(k) for k in ("labels", "kind", "index", "first"))
        if not (
            isinstance(labels, dict)
            and isinstance(kind, dict)
            and isinstance(index, dict)
            and isinstance(first, str)
            and _types(labels.values()) <= {list}
            and _types(chain.from_iterable(labels.values())) <= {str}
            and _types(kind.values()) <= {str}
            and _types(index.values()) <= {list}
            and _types(chain.from_iterable(index.values())) <= {int}
        ):
            return None
        names = cls.__new__(cls)
        names.labels, names.kind, names.index, names.first = labels, kind, index, first
        return names

    def __setstate__(self, state: dict[str, object]) -> None:
        """A pack pickled by an older release lacks the newer fields: rebuild them."""
        if "first" not in state or "index" not in state:
            kind = state.get("kind", {})
            rebuilt = Names([("", list(kind) if isinstance(kind, dict) else [])], None)
            state = {**state, "index": rebuilt.index, "first": rebuilt.first}
        self.__dict__.update(state)

    def __getstate__(self) -> dict[str, object]:
        """The names and index; no automaton (rebuilt where it is worth it)."""
        return {k: v for k, v in self.__dict__.items()
                if k not in ("_automaton", "_words", "_scanned", "_plain")}

    def __bool__(self) -> bool:
        return bool(self.kind)

    def label_keywords(self, name: str) -> list[str]:
        """The contraindication keywords the label of ``name`` lists (may be empty)."""
        row = self.labels.get(name)
        if not row or len(row) < 2:
            return []
        return [k for k in row[1].split("、") if k]

    def finditer(self, text: str) -> Iterator[tuple[int, int, str]]:
        """(start, end, name) of each leftmost-longest name in ``text`` (normalised)."""
        index, kind = self.index, self.kind
        if not index:
            return
        if self._automaton is None and not self._plain and (
            _EAGER[0] or self._scanned + len(text) > NAMES_SCAN
        ):
            self._build()
        if self._automaton is not None:
            words = self._words
            assert words is not None
            for number, start, end in self._automaton.find_matches_as_indexes(text):
                yield start, end, words[number]
            return
        self._scanned += len(text)
        heads = [
            m.start()
            for m in re.finditer(self.first, text)
            if text[m.start() : m.start() + 2] in index
        ]
        resume = 0
        for position in heads:
            if position < resume:
                continue
            for length in index[text[position : position + 2]]:
                word = text[position : position + length]
                if len(word) == length and word in kind:
                    yield position, position + length, word
                    resume = position + length
                    break

    def _build(self) -> None:
        from ahocorasick_rs import AhoCorasick, MatchKind

        words = list(self.kind)
        if min(map(len, words)) < 2:  # not from __init__: the index finds no such name
            self._plain = True
            return
        # every name has two characters or more: the leftmost-longest matches are the
        # index's (the longest name at the first place one starts, then after its end)
        self._words = words
        self._automaton = AhoCorasick(words, matchkind=MatchKind.LeftmostLongest)


def _types(values: Iterable[object]) -> set[type]:
    return set(map(type, values))
