"""Features of a line for the statistical claim hint (``likely-claim``).

A line is scored only when it is *open*: it holds a word of a claim-core word class
(certainty, cure or relief outcome, hype, speed, absolute safety, a testimony's result,
a rate...) that no negation, hedge, condition, question or debunking reaches, as
:class:`~medlint.analysis.context.Context` decides. An open line's features are general:
character 1-3-grams of its normalised prose, its jieba words and word pairs, the word
classes and scope words it holds, the open cores with the words either side of each and
where each stands (first clause or later, quoted, in a rhetorical question), the
sentence type (question, exclamation), a first-person report, commercial context (a
phone number, a price or a commercial word within three lines), the article's share of
first-person and of negated or debunked lines, a negated or debunked neighbour line and
a length bucket. No feature names a string of eight characters or more.
"""

from __future__ import annotations

import binascii
import math
import re
import sys
from array import array
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import partial
from itertools import chain
from typing import TYPE_CHECKING, Any

from .context import Context
from .normalize import normalise

if TYPE_CHECKING:
    from ..documents.base import Document
    from .context_words import ContextLexicon

# Word classes whose words carry a claim's core: what a claim asserts, not its topic.
CORE_CLASSES = (
    "certainty", "completeness", "permanence", "result-strong", "cure-final",
    "efficacy-praise", "cure-outcome", "cure-hard", "relief-outcome", "safety-absolute",
    "instant", "miracle", "superlative", "hype", "cure-complement", "cure-idiom",
    "safe-result", "appearance-result", "appearance-change", "halt-result", "detox",
    "refund", "praise-rate", "result-regional", "praise-slang", "result-decisive",
    "result-vivid", "amazement", "honorific-title", "comparison-emphatic", "belittle",
    "rate", "proportion", "evidence", "effect", "fear-consequence", "worth-loss",
    "appearance-doom", "authority-origin", "crowd-many", "secret-knowledge", "replace-verb",
    "nondrug-claim", "pseudo-cause",
)
SCOPE_LISTS = (
    "negators", "conditionals", "question_words", "debunk_before", "debunk_after",
    "hearsay", "worry", "caveat_openers", "caveat_risks", "verdicts", "affirming_frames",
    "expectation_negators", "negators_after", "rhetorical", "list_intro",
)
MASK_CLASS = "core-mask"
"""Words that hold a core word but claim nothing (中成药, 说白了): the core inside is no core."""
# one pack or one dose followed by a quantity is a pack size, a dose or a price (一盒十支,
# 一次两粒, 一次三千多, 一瓶才38大卡), not the speed of an effect
_COUNT_WORD = re.compile(r"[一两二三半俩仨](?:盒|瓶|次|副|支|贴|包|袋|罐|疗程|针|粒|片|剂|杯|勺)")
_QUANTITY = re.compile(
    r"(?:才|只|只要|只需|约|大约|要|是|仅|共)?\s*[0-9一二两三四五六七八九十百千几半俩仨]"
)
_SKIP_CLASSES = ("segment-", "drug-labels", "scope-quote-pairs", "scope-sentence-ends")
_PHONE_PRICE = re.compile(r"1[3-9]\d{9}|400-?\d{3}-?\d{4}|\d+(?:\.\d+)?\s*(?:元|块钱)|[¥￥]\s*\d")
_QUOTES = "“”「」\"『』"
COMMERCE_REACH = 3
NGRAMS = (1, 2, 3)
LONGEST = 7
"""The longest string a feature may name (word, word pair, neighbour)."""
_FIRST_PERSON = ("我", "俺", "本人", "咱")
_PUNCTUATION = re.compile(r"^[\s\W_]+$")
_SCOPED_CAP = 3
"""The share of scoped lines (in tenths) an article feature tells at most."""


@dataclass
class ScoredLine:
    """One source line of prose: its text, whether it is open, and its features."""

    line: int
    text: str
    start: int
    """Offset in the prose of the line's first character."""
    end: int
    cores: list[tuple[int, int, str]] = field(default_factory=list)
    """Open claim cores: (start, end, class) in the prose."""
    features: set[str] = field(default_factory=set)
    words: list[tuple[str, int, int]] = field(default_factory=list)
    """jieba tokens that lie inside the line (prose offsets)."""
    scoped: bool = False
    """A core of the line is negated, hypothetical, asked or debunked."""

    @property
    def open(self) -> bool:
        return bool(self.cores)


class LineFeatures:
    """Computes the gate and the features of every prose line of a document."""

    def __init__(
        self,
        lexicons: Mapping[str, Iterable[str]],
        lexicon: ContextLexicon,
        extra_cores: Iterable[str] = (),
        stored: Mapping[str, Any] | None = None,
    ) -> None:
        """``stored``: the :meth:`tables` an earlier start built from the same word
        classes (plain data, checked; ignored when it is not what this code writes)."""
        names = [name for name in lexicons if not name.startswith(_SKIP_CLASSES)]
        restored = _restore_tables(stored, names)
        if restored is not None:
            self.classes, self._pairs = restored
        else:
            self.classes = {
                name: _folded(w.partition("\t")[0] for w in lexicons[name] if w.strip())
                for name in names
            }
        scopes: dict[str, set[str]] = {}
        for key in SCOPE_LISTS:
            words = getattr(lexicon, key, []) or []
            scopes[key] = _folded((w for w in words if w and len(w) < 12), strip=False)
        self._tables = [(("lex", name), words) for name, words in self.classes.items()]
        self._tables += [(("scope", name), words) for name, words in scopes.items()]
        self._words: set[str] = set().union(*(words for _, words in self._tables))
        """Every class and scope word."""
        self._classes_of: dict[str, tuple[tuple[str, str], ...]] = {}
        """(group, name) of each word met so far (the tables are searched when first met)."""
        if restored is None:
            # the longest word that begins with each pair of characters: a line is read
            # by looking up its words, not by an automaton, whose building over every
            # class word would cost a one-file run more than all of its lines
            self._pairs = {w[:2]: len(w) for w in sorted(self._words, key=len) if len(w) > 1}
        self.core_words: dict[str, list[str]] = defaultdict(list)
        for name in (*CORE_CLASSES, *extra_cores):
            for word in self.classes.get(name, ()):
                self.core_words[word].append(name)
        self.commercial = self.classes.get("commercial", set())
        # a word that holds a core word but claims nothing (中成药, 说白了) masks it
        self._masks = sorted(self.classes.get(MASK_CLASS, ()), key=len)
        from ahocorasick_rs import AhoCorasick

        self._core_list = [w for w in self.core_words if w]
        self._core_automaton: Any = AhoCorasick(self._core_list) if self._core_list else None
        self._mask_automaton: Any = AhoCorasick(self._masks) if self._masks else None
        self._commercial_automaton: Any = (
            AhoCorasick(list(self.commercial)) if self.commercial else None)

    def tables(self) -> dict[str, Any]:
        """The folded word classes and the pair table, as plain data to store."""
        return {"classes": {name: sorted(words) for name, words in self.classes.items()},
                "pairs": self._pairs}

    def _hits(self, text: str) -> set[tuple[str, str]]:
        """The (group, name) of every class or scope word found in ``text``."""
        words, pairs = self._words, self._pairs
        found: set[str] = set()
        size = len(text)
        for i, char in enumerate(text):
            if char in words:
                found.add(char)
            last = pairs.get(text[i:i + 2])
            if last:
                for j in range(i + 2, min(size, i + last) + 1):
                    if text[i:j] in words:
                        found.add(text[i:j])
        hits: set[tuple[str, str]] = set()
        known = self._classes_of
        for word in found:
            classes = known.get(word)
            if classes is None:
                classes = tuple(pair for pair, table in self._tables if word in table)
                known[word] = classes
            hits.update(classes)
        return hits

    def _cores(self, text: str, first: int, last: int) -> list[tuple[int, int, str]]:
        """Core words in text[first:last], the longest at each start."""
        if not self._core_list:
            return []
        longest: dict[int, int] = {}
        for _, start, end in self._core_automaton.find_matches_as_indexes(
                text[first:last], overlapping=True):
            if end > longest.get(start, 0):
                longest[start] = end
        masked: list[tuple[int, int]] = []
        if self._mask_automaton is not None:
            masked = [(first + a, first + b) for _, a, b in
                      self._mask_automaton.find_matches_as_indexes(text[first:last],
                                                                   overlapping=True)]
        found: list[tuple[int, int, str]] = []
        words = self.core_words
        for start in sorted(longest):
            i, j = first + start, first + longest[start]
            if any(a <= i and j <= b for a, b in masked):
                continue  # 中成药 holds 成, 说白了 holds 白了: no claim
            names = words[text[i:j]]
            if "instant" in names and _COUNT_WORD.fullmatch(text, i, j) \
                    and _QUANTITY.match(text, j):
                names = [n for n in names if n != "instant"]  # 一盒十支, 一次三千多: no speed
            found.extend((i, j, name) for name in names)
        return found

    @staticmethod
    def _scoped(context: Context, start: int, end: int) -> bool:
        return (
            context.negated(start, end)
            or context.hypothetical(start)
            or context.question(start)
            or context.debunked(start, end)
        )

    def lines(self, prose: str, line_of: list[int], context: Context,
              dropped: Callable[[ScoredLine], bool] | None = None,
              weights: Callable[[], Weights] | None = None) -> list[ScoredLine]:
        """The prose lines of a document (``line_of[i]`` is the source line of prose[i]);
        ``context`` reads the same prose. ``dropped``: see :meth:`_scored`."""
        spans: dict[int, list[int]] = {}
        for index, char in enumerate(prose):
            if char != "\n":
                spans.setdefault(line_of[index], []).append(index)
        text = context.s.text
        found = (
            (number, indices[0], indices[-1] + 1, "".join(text[i] for i in indices))
            for number, indices in sorted(spans.items())
        )
        return self._scored(found, context, dropped, weights)

    def document_lines(self, document: Document, context: Context,
                       dropped: Callable[[ScoredLine], bool] | None = None,
                       weights: Callable[[], Weights] | None = None) -> list[ScoredLine]:
        """:meth:`lines` of a document, its lines found from its line starts (one
        search per source line) when its prose runs forward through the source."""
        offsets = document.offsets
        if offsets != sorted(offsets):
            line_of = list(map(partial(bisect_right, document.starts), offsets))
            return self.lines(document.prose, line_of, context, dropped, weights)
        return self._scored(_forward_lines(document, context.s.text), context, dropped,
                            weights)

    def _scored(self, spans: Iterable[tuple[int, int, int, str]], context: Context,
                dropped: Callable[[ScoredLine], bool] | None = None,
                weights: Callable[[], Weights] | None = None) -> list[ScoredLine]:
        """Gate and features of the lines (number, first, last, text) in prose order.

        ``dropped`` tells the lines whose report would be dropped whatever they score
        (another rule reports there): such a line is never open, and its cores are read
        only as far as its neighbours and the article's share of scoped lines need (a
        line is scoped when one core is). Every other line gets the gate and features it
        gets without ``dropped``; the lines without cores are complete as well. With
        ``weights`` too (called when first needed), an open line that cannot score at the
        threshold whatever its neighbours and the article's share of scoped lines are is
        returned closed."""
        text = context.s.text
        result: list[ScoredLine] = []
        cores_of: list[list[tuple[int, int, str]]] = []
        for number, first, last, joined in spans:
            line_text = joined.strip()
            if not line_text:
                continue
            result.append(ScoredLine(number, line_text, first, last))
            # a programme's topic title (本期主题：…) and a forwarded work's title
            # ([转发]《…》) name their subject, and an asker's question (提问：…) reports
            # their own case: no core to score
            cores_of.append(
                [core for core in self._cores(text, first, last)
                 if not (context.topic_title(core[0]) or context.asker_question(core[0])
                         or context.forwarded_title(core[0]))]
            )
        if dropped is None:
            kept = [i for i, cores in enumerate(cores_of) if cores]
        else:
            kept = [i for i, cores in enumerate(cores_of) if cores and not dropped(result[i])]
        for index in kept:
            self._gate(result[index], cores_of[index], context)
        opened = [index for index in kept if result[index].open]
        if dropped is not None and not opened:
            return result  # nothing can be reported: the rest is never read
        self._commerce(result)
        for index in opened:
            item = result[index]
            item.words = _line_tokens(context, item.start, item.end)
            item.features |= self.features(item)
            item.features |= _core_features(item, context)
        if dropped is not None and weights is not None:
            # the lines that cannot reach the threshold whatever the scoped lines around
            # them say are closed: their neighbours need not be read
            known_article = _article_features(result, 0) - {"doc:scoped0"}
            table = weights()
            for index in opened:
                if not _may_reach(table, result[index].features | known_article):
                    result[index].cores.clear()
            opened = [index for index in opened if result[index].open]
            if not opened:
                return result
        known = set(kept)

        def scoped(index: int) -> bool:
            """Whether the line is scoped, its cores read up to the first scoped one."""
            if index not in known:
                known.add(index)
                result[index].scoped = self._any_scoped(cores_of[index], context)
            return result[index].scoped

        if dropped is None:
            article = _article_features(result)
        else:
            # the share of scoped lines counts only up to its cap
            count = max(1, len(result))
            cap = -(-_SCOPED_CAP * count // 10)  # the fewest scoped lines that reach it
            total = sum(1 for index in kept if result[index].scoped)
            for index, cores in enumerate(cores_of):
                if total >= cap:
                    break
                if cores and index not in known:
                    total += scoped(index)
            article = _article_features(result, total)
        for index in opened:
            item = result[index]
            item.features |= article
            if any(scoped(j) for j in (index - 1, index + 1) if 0 <= j < len(result)):
                item.features.add("nb:scoped")
        return result

    def _gate(self, item: ScoredLine, cores: list[tuple[int, int, str]], context: Context
              ) -> None:
        """The open cores of a line, and the names of its scoped ones as features."""
        seen: dict[tuple[int, int], bool] = {}
        for start, end, name in cores:
            if (start, end) not in seen:
                seen[(start, end)] = self._scoped(context, start, end)
            if not seen[(start, end)]:
                item.cores.append((start, end, name))
            else:
                item.features.add(f"scoped:{name}")
                item.scoped = True

    def _any_scoped(self, cores: list[tuple[int, int, str]], context: Context) -> bool:
        """A core of ``cores`` is negated, hypothetical, asked or debunked."""
        seen: set[tuple[int, int]] = set()
        for start, end, _ in cores:
            if (start, end) not in seen:
                seen.add((start, end))
                if self._scoped(context, start, end):
                    return True
        return False

    def _commerce(self, lines: list[ScoredLine]) -> None:
        automaton = self._commercial_automaton
        marks = [x.line for x in lines
                 if _PHONE_PRICE.search(x.text)
                 or (automaton is not None and automaton.find_matches_as_indexes(x.text))]
        for item in lines:
            if any(abs(item.line - m) <= COMMERCE_REACH for m in marks):
                item.features.add("c15")

    def features(self, item: ScoredLine) -> set[str]:
        feats: set[str] = set()
        padded = f"^{item.text}$"
        for n in NGRAMS:
            prefix = f"c{n}:"
            feats.update([prefix + padded[i:i + n] for i in range(len(padded) - n + 1)])
        for group, name in self._hits(item.text):
            feats.add(f"{group}:{name}")
        for _, _, name in item.cores:
            feats.add(f"core:{name}")
        if "?" in item.text:
            feats.add("q:mark")
        if any(q in item.text for q in _QUOTES):
            feats.add("quote")
        feats.add("len:" + str(min(len(item.text) // 20, 5)))
        words = [w for w, _, _ in item.words if w.strip() and not _PUNCTUATION.match(w)]
        feats.update(f"w1:{w}" for w in words if len(w) <= LONGEST)
        feats.update(f"w2:{a}|{b}" for a, b in zip(["^", *words], [*words, "$"], strict=True)
                     if len(a) + len(b) <= LONGEST)
        if item.text.endswith(("?", "？")):
            feats.add("st:q")
        if "!" in item.text or "！" in item.text:
            feats.add("st:excl")
        if _first_person(item.text):
            feats.add("fp:1")
            if "了" in item.text:
                feats.add("fp:1le")
        return feats


def _restore_tables(
    stored: Mapping[str, Any] | None, names: list[str]
) -> tuple[dict[str, set[str]], dict[str, int]] | None:
    """The classes and pair table of ``stored`` if they are what :meth:`LineFeatures.tables`
    writes for the classes ``names``, else ``None``."""
    if not isinstance(stored, Mapping):
        return None
    classes, pairs = stored.get("classes"), stored.get("pairs")
    if not isinstance(classes, dict) or list(classes) != names or not isinstance(pairs, dict):
        return None
    if not set(map(type, classes.values())) <= {list}:
        return None
    if not set(map(type, pairs.values())) <= {int}:
        return None
    if not set(map(type, chain.from_iterable(classes.values()))) <= {str}:
        return None
    return {name: set(words) for name, words in classes.items()}, pairs


def _folded(words: Iterable[str], strip: bool = True) -> set[str]:
    """The non-empty normalised (and stripped) ``words``, normalised as one text (a word
    holding a line break alone)."""
    listed = list(words)
    joined = "\n".join(listed)
    if joined.count("\n") != max(0, len(listed) - 1):
        folded = [normalise(w) for w in listed]
    else:
        folded = normalise(joined).split("\n") if listed else []
    found = {w.strip() for w in folded} if strip else set(folded)
    found.discard("")
    return found


def _forward_lines(document: Document, text: str) -> Iterable[tuple[int, int, int, str]]:
    """(number, first, last, text) of each source line whose prose holds more than line
    breaks, for a document whose prose offsets never decrease: a line's prose is the run
    of offsets between its start and the next line's (``text`` is the normalised prose)."""
    prose, offsets, starts = document.prose, document.offsets, document.starts
    position = 0
    for number in range(1, len(starts) + 1):
        if position == len(prose):
            break
        stop = bisect_left(offsets, starts[number], position) if number < len(starts) \
            else len(prose)
        if stop == position:
            continue
        chunk = prose[position:stop]
        inner = chunk.strip("\n")
        if inner:
            first = position + len(chunk) - len(chunk.lstrip("\n"))
            last = first + len(inner)
            if "\n" in inner:
                joined = "".join(text[i] for i in range(first, last) if prose[i] != "\n")
            else:
                joined = text[first:last]
            yield number, first, last, joined
        position = stop


def _first_person(text: str) -> bool:
    return any(word in text for word in _FIRST_PERSON)


def _scoped_line(item: ScoredLine) -> bool:
    return item.scoped


def _article_features(lines: list[ScoredLine], scoped: int | None = None) -> set[str]:
    """The article's kind, roughly: commercial context anywhere, and the share (in tenths,
    at most 3) of its lines that are negated or debunked and of first-person lines
    (``scoped``: the number of scoped lines, or at least as many as reach the cap, when
    the lines do not all know it)."""
    count = max(1, len(lines))
    if scoped is None:
        scoped = sum(1 for x in lines if _scoped_line(x))
    first = sum(1 for x in lines if _first_person(x.text))
    found = {f"doc:scoped{min(_SCOPED_CAP, scoped * 10 // count)}",
             f"doc:fp{min(3, first * 10 // count)}"}
    if any("c15" in x.features for x in lines):
        found.add("doc:c15")
    return found


def _line_tokens(context: Context, start: int, end: int) -> list[tuple[str, int, int]]:
    """The jieba tokens of the sentences over [start, end) that lie inside it."""
    tokens: list[tuple[str, int, int]] = []
    seen: set[int] = set()
    position = start
    while position < end:
        first, last = context.s.sentence_at(position)
        if first not in seen:
            seen.add(first)
            tokens.extend(t for t in context.s.tokens(position) if start <= t[1] < end
                          and t[2] <= end)
        position = max(position + 1, last)
    return tokens


def _core_features(item: ScoredLine, context: Context) -> set[str]:
    """Each open core's neighbours (the word before and after, the core's class with the
    word before) and where it stands: first clause or later, quoted, rhetorical."""
    feats: set[str] = set()
    for start, end, name in item.cores:
        before = [t for t in item.words if t[2] <= start]
        after = [t for t in item.words if t[1] >= end]
        if before:
            feats.add(f"cl:{before[-1][0][:6]}")
            feats.add(f"cls:{name}<{before[-1][0][:4]}")
        else:
            feats.add("cl:^")
        feats.add(f"cr:{after[0][0][:6]}" if after else "cr:$")
        first_clause = context.s.clause_start(start) == context.s.sentence_at(start)[0]
        feats.add("pos:first-clause" if first_clause else "pos:later-clause")
        if context.quoted(start, end):
            feats.add("sc:quoted")
        if context.rhetorical(start):
            feats.add("sc:rhet")
    return feats


def _may_reach(weights: Weights, features: set[str]) -> bool:
    """A line with ``features`` (all but its article's share of scoped lines and its
    scoped neighbours) may score at the threshold: its score with the most those two
    could add, and a margin for the order of the sum, is at the threshold or above."""
    table = weights.weights
    unknown = max(table.get(f"doc:scoped{k}", 0.0) for k in range(_SCOPED_CAP + 1))
    unknown += max(0.0, table.get("nb:scoped", 0.0))
    total = weights.bias + sum(map(table.__getitem__, table.keys() & features)) + unknown
    return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, total + 1e-6)))) >= weights.threshold


class WeightsError(ValueError):
    """The weights file is missing a key or holds a value of the wrong kind."""


@dataclass(frozen=True)
class Weights:
    """A logistic model over line features: ``bias``, ``threshold`` and feature weights."""

    bias: float
    threshold: float
    weights: Mapping[str, float]

    @classmethod
    def parse(cls, data: object) -> Weights:
        if not isinstance(data, dict):
            raise WeightsError("the weights file must hold a JSON object")
        try:
            bias = float(data["bias"])
            threshold = float(data["threshold"])
            raw = data["weights"]
        except (KeyError, TypeError, ValueError) as error:
            raise WeightsError(f"bad or missing key in the weights file: {error}") from None
        if not 0.0 < threshold < 1.0:
            raise WeightsError("threshold must lie between 0 and 1")
        kinds = set(map(type, raw.values())) if isinstance(raw, dict) else {None}
        if not kinds <= {int, float} or not set(map(type, raw)) <= {str}:
            raise WeightsError("weights must map feature names to numbers")
        return cls(bias, threshold, {k: float(v) for k, v in raw.items()} if int in kinds
                   else raw)

    def dump(self) -> dict[str, object]:
        """The weights as JSON data, the numbers as one array (see :meth:`restore`)."""
        numbers = array("d", self.weights.values())
        if sys.byteorder == "big":
            numbers.byteswap()
        return {
            "bias": self.bias,
            "threshold": self.threshold,
            "features": list(self.weights),
            "weights": binascii.b2a_base64(numbers.tobytes(), newline=False).decode("ascii"),
        }

    @classmethod
    def restore(cls, data: object) -> Weights | None:
        """The weights :meth:`dump` gave, in the same order; ``None`` if ``data`` is not
        what it gives. The weights are IEEE doubles, little-endian, in base64: no number
        is parsed from text."""
        if not isinstance(data, dict) or set(data) != {"bias", "threshold", "features",
                                                       "weights"}:
            return None
        bias, threshold, features, packed = (
            data[k] for k in ("bias", "threshold", "features", "weights")
        )
        if not (
            type(bias) is float
            and type(threshold) is float
            and 0.0 < threshold < 1.0
            and type(features) is list
            and type(packed) is str
            and set(map(type, features)) <= {str}
        ):
            return None
        numbers = array("d")
        try:
            numbers.frombytes(binascii.a2b_base64(packed.encode("ascii")))
        except (ValueError, UnicodeEncodeError):  # binascii.Error is a ValueError
            return None
        if sys.byteorder == "big":
            numbers.byteswap()
        if len(numbers) != len(features):
            return None
        weights = dict(zip(features, numbers.tolist(), strict=True))
        if len(weights) != len(features):  # a feature twice
            return None
        return cls(bias, threshold, weights)

    def score(self, features: Iterable[str]) -> float:
        weights = self.weights
        # a feature without a weight adds nothing: only the weighted ones are summed
        found = features if isinstance(features, set | frozenset) else set(features)
        total = self.bias + sum(map(weights.__getitem__, weights.keys() & found))
        return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, total))))

    def why(self, features: Iterable[str], count: int = 3) -> list[str]:
        """The features that weighed most for a claim, as a reader would name them."""
        weights = self.weights
        ranked = sorted(
            ((weights[f], f) for f in weights.keys() & set(features) if weights[f] > 0),
            key=lambda p: (-p[0], p[1]),
        )
        shown: list[str] = []
        for weight, name in ranked:
            if weight <= 0 or len(shown) == count:
                break
            label = describe(name)
            if label and label not in shown:
                shown.append(label)
        return shown


def describe(feature: str) -> str:
    """A feature as a reader would name it: a character string, a word class, a signal."""
    kind, _, value = feature.partition(":")
    if kind.startswith("c") and kind[1:].isdigit():
        text = value.strip("^$")
        # a single character or punctuation tells a reader nothing
        return f"「{text}」" if len(text) >= 2 and text.isalnum() else ""
    if kind in ("w1", "w2"):
        text = value.replace("|", "").strip("^$")
        return f"「{text}」" if len(text) >= 2 and text.isalnum() else ""
    if kind in ("lex", "core"):
        return "{" + value + "}"
    if kind == "scope":
        return ""
    return {"c15": "commercial context", "quote": "quotation", "q": "question mark",
            "st": {"excl": "exclamation"}.get(value, ""),
            "sc": {"rhet": "rhetorical question"}.get(value, "")}.get(kind, "")
