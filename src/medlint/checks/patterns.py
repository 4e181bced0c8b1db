"""Compiled pattern lists, matched on normalised text.

Every pattern's regular expression is parsed once for the literals any match must
contain (e.g. ``可以?根治`` needs ``根治``; ``(彻底|完全)治愈`` needs ``治愈``). All
literals of all patterns go into one Aho-Corasick automaton, run once per text; a
regular expression is only run on a text that holds one of its literals. Patterns
without such a literal always run. The matches are exactly those of the plain regex.
"""

from __future__ import annotations

import importlib
import re
import sys
from bisect import bisect_left
from collections.abc import Iterator
from functools import cache, lru_cache
from itertools import chain
from typing import Any

from ..analysis.normalize import _table
from ..reference import REFERENCE

# the standard library's regular-expression parser and its constants (untyped)
_NEW = sys.version_info >= (3, 11)
_sre: Any = importlib.import_module("re._constants" if _NEW else "sre_constants")
_parser: Any = importlib.import_module("re._parser" if _NEW else "sre_parse")

_LITERAL = re.compile(r"^[^\\.^$*+?{}\[\]|()]+$")
_REPEATS = {_sre.MAX_REPEAT, _sre.MIN_REPEAT, getattr(_sre, "POSSESSIVE_REPEAT", _sre.MAX_REPEAT)}


@lru_cache(maxsize=1)
def _pattern_table() -> dict[int, str]:
    """Fold patterns like text, but keep ASCII case (regex escapes are case-sensitive)."""
    return {k: v for k, v in _table().items() if not ("A" <= chr(k) <= "Z")}


def fold_pattern(pattern: str) -> str:
    return pattern.translate(_pattern_table())


# full-width characters that fold to a regex metacharacter (？ to ?): literal in a pattern
_FULL_WIDTH_META = "＄（）＊＋．？［＼］＾｛｜｝"
_ESCAPED_META = re.compile(r"\\?([" + _FULL_WIDTH_META + "])")


def fold_regex(pattern: str) -> str:
    """Fold a regular expression like text, keeping its full-width characters literal.

    ``(吗|？)`` folds to ``(吗|\\?)``, not to ``(吗|?)``, which would not compile; a
    full-width character escaped in the source (``\\？``) stays one escape.
    """
    escaped = _ESCAPED_META.sub(lambda m: "\\" + chr(ord(m.group(1)) - 0xFEE0), pattern)
    return fold_pattern(escaped)


_ESCAPE = re.compile(r"\\(.)")


def _unescape(folded: str) -> str:
    """The text a folded literal pattern matches (``吗\\?`` from ``吗？``)."""
    return _ESCAPE.sub(r"\1", folded) if "\\" in folded else folded


def is_literal(pattern: str) -> bool:
    return bool(_LITERAL.match(pattern))


@cache
def _caseless(code: int) -> bool:
    """The character matches only itself under ``re.IGNORECASE``."""
    char = chr(code)
    return char.lower() == char == char.upper() and char.casefold() == char


# ASCII letters whose only partners under ``re.IGNORECASE`` are their ASCII other case
# (not i, k, s: ı İ K ſ match them too); the text the automaton scans has no A-Z
_ASCII_FOLDED = frozenset(
    c for c in "abcdefghjlmnopqrtuvwxyzABCDEFGHJLMNOPQRTUVWXYZ"
)
_UPPER = re.compile("[A-Z]")
_SMALL_SET = 16  # a character class of at most this many characters is a set of literals


def _literal_char(code: int) -> str | None:
    """The character any match of this pattern character shows in the scanned text, or
    ``None`` if it may be one of several."""
    char = chr(code)
    if char in _ASCII_FOLDED:
        return char.lower()
    return char if _caseless(code) else None


def _class_chars(items: Any) -> frozenset[str] | None:
    """The characters a small character class matches, if each is one literal."""
    chars: set[str] = set()
    for op, value in items:
        if op is _sre.LITERAL:
            codes = [value]
        elif op is _sre.RANGE and value[1] - value[0] < _SMALL_SET:
            codes = list(range(value[0], value[1] + 1))
        else:  # NEGATE, a category, a wide range
            return None
        for code in codes:
            char = _literal_char(code)
            if char is None:
                return None
            chars.add(char)
    return frozenset(chars) if 0 < len(chars) <= _SMALL_SET else None


def _better(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    """The more selective requirement: longer shortest literal, then fewer alternatives."""
    if a is None or b is None:
        return a or b
    def score(s: frozenset[str]) -> tuple[int, int]:
        return min(map(len, s)), -len(s)

    return a if score(a) >= score(b) else b


def _conjunction(items: Any) -> list[frozenset[str]]:
    """Sets of literals, each of which every match of the parsed sequence contains one of
    (all of them together), leftmost first."""
    sets: list[frozenset[str]] = []
    run: list[str] = []
    for op, value in [*list(items), (None, None)]:
        char = _literal_char(value) if op is _sre.LITERAL else None
        if char is not None:
            run.append(char)
            continue
        if run:
            sets.append(frozenset(["".join(run)]))
            run = []
        if op is _sre.SUBPATTERN:
            sets.extend(_conjunction(value[-1]))
        elif op is getattr(_sre, "ATOMIC_GROUP", object()):
            sets.extend(_conjunction(value))
        elif op is _sre.IN:
            chars = _class_chars(value)
            if chars is not None:
                sets.append(chars)
        elif op is _sre.BRANCH:
            parts = [_best(_conjunction(branch)) for branch in value[1]]
            if all(p is not None for p in parts):
                sets.append(frozenset().union(*(p for p in parts if p is not None)))
        elif op in _REPEATS and value[0] >= 1:
            sets.extend(_conjunction(value[2]))
    return sets


def _best(sets: list[frozenset[str]]) -> frozenset[str] | None:
    best: frozenset[str] | None = None
    for part in sets:
        best = _better(best, part)
    return best


# code point ranges that hold no character with a case (digits, CJK punctuation and
# ideographs): a character class over them matches the same with re.IGNORECASE or without
_CASELESS_BLOCKS = ((0x30, 0x39), (0x3000, 0x303F), (0x3400, 0x4DBF), (0x4E00, 0x9FFF))
_SMALL_RANGE = 256  # a wider range elsewhere is taken to hold a character with a case


def _range_caseless(low: int, high: int) -> bool:
    if any(a <= low and high <= b for a, b in _CASELESS_BLOCKS):
        return True
    return high - low < _SMALL_RANGE and all(map(_caseless, range(low, high + 1)))


def _case_free(items: Any) -> bool:
    """No part of the parsed pattern depends on case: every literal and class character
    is caseless, and no back-reference compares text with a group's match."""
    for op, value in items:
        if op is _sre.LITERAL or op is _sre.NOT_LITERAL:
            if not _caseless(value):
                return False
        elif op is _sre.IN:
            for kind, item in value:
                if kind is _sre.LITERAL:
                    if not _caseless(item):
                        return False
                elif kind is _sre.RANGE:
                    if not _range_caseless(*item):
                        return False
                elif kind is not _sre.CATEGORY and kind is not _sre.NEGATE:
                    return False
        elif op is _sre.SUBPATTERN:
            _, added, removed, inner = value
            if added or removed or not _case_free(inner):
                return False
        elif op is _sre.BRANCH:
            if not all(map(_case_free, value[1])):
                return False
        elif op in _REPEATS:
            if not _case_free(value[2]):
                return False
        elif op is _sre.ASSERT or op is _sre.ASSERT_NOT:
            if not _case_free(value[1]):
                return False
        elif op is getattr(_sre, "ATOMIC_GROUP", object()):
            if not _case_free(value):
                return False
        elif op is not _sre.AT and op is not _sre.ANY:
            return False  # back-references, conditionals: compiled as written, with re.I
    return True


# what parsing a woken regex told, kept with the stored literals so that a start parses
# none it knew: case_free's answer, and _reach's (flags, widest, extent), per pattern; as
# a start-up read them (JSON data), checked when first looked up (``remember_facts``)
_CASE_FREE: dict[str, bool] = {}
_REACHES: dict[str, tuple[int, int, int]] = {}
_FACTS_READ: dict[str, Any] = {"case_free": {}, "reach": {}}
_FACTS_LEARNED = [False]


def case_free(pattern: str) -> bool:
    """``pattern`` matches exactly the same text with ``re.IGNORECASE`` as without (and
    compiles faster without: a wide class under re.I is folded character by character)."""
    found = _CASE_FREE.get(pattern)
    if found is None:
        stored = _FACTS_READ["case_free"].get(pattern)
        if type(stored) is bool:
            found = stored
        else:
            found = _case_free_parsed(pattern)
            _FACTS_LEARNED[0] = True
        _CASE_FREE[pattern] = found
    return found


def _case_free_parsed(pattern: str) -> bool:
    try:
        return _case_free(_parser.parse(pattern))
    except Exception:  # unusual syntax: keep re.I
        return False


# how far a regex may look from where a match attempt starts: beyond this many
# characters a pattern is taken to reach without limit
_FAR = 4096


def _extent(items: Any) -> int:
    """An upper bound of the characters right of a match attempt's start that the
    attempt may read: every item's widest match, a lookahead's (or lookbehind's) own
    extent, two for an anchor; :data:`_FAR` when unbounded (a back-reference, a repeat
    without an upper limit)."""
    total = 0
    for op, value in items:
        if op is _sre.LITERAL or op is _sre.NOT_LITERAL or op is _sre.ANY or op is _sre.IN:
            total += 1
        elif op is _sre.SUBPATTERN:
            total += _extent(value[-1])
        elif op is getattr(_sre, "ATOMIC_GROUP", object()):
            total += _extent(value)
        elif op is _sre.BRANCH:
            total += max(map(_extent, value[1]), default=0)
        elif op in _REPEATS:
            _, high, inner = value
            if high >= _FAR:
                return _FAR
            total += high * _extent(inner)
        elif op is _sre.ASSERT or op is _sre.ASSERT_NOT:
            total += _extent(value[1])
        elif op is _sre.AT:
            total += 2
        else:  # a back-reference, a conditional
            return _FAR
        if total >= _FAR:
            return _FAR
    return total


def _reach(pattern: str, flags: int) -> tuple[int, int]:
    """(widest match, extent) of a folded pattern, or (0, 0) when either is unbounded: a
    match starts at most ``widest`` characters before the end of a literal it holds, and
    a match attempt reads no character ``extent`` or more right of its start."""
    known = _REACHES.get(pattern)
    if known is not None and known[0] == flags:
        return known[1], known[2]
    stored = _FACTS_READ["reach"].get(pattern)
    if (
        type(stored) is list
        and len(stored) == 3
        and all(type(value) is int and value >= 0 for value in stored)
        and stored[0] == flags
    ):
        found = (stored[1], stored[2])
    else:
        found = _reach_parsed(pattern, flags)
        _FACTS_LEARNED[0] = True
    _REACHES[pattern] = (flags, found[0], found[1])
    return found


def _reach_parsed(pattern: str, flags: int) -> tuple[int, int]:
    try:
        parsed = _parser.parse(pattern, flags)
        widest = parsed.getwidth()[1]
        extent = _extent(parsed)
    except Exception:  # unusual syntax: run the regex over the whole range
        return 0, 0
    if widest >= _FAR or extent >= _FAR or widest < 1:
        return 0, 0
    return widest, max(extent, widest)


# required literal sets per folded pattern: those of this process, and those a start-up
# read from the pack cache (``remember_literals``), so that a start parses no regex it knew
_KNOWN: dict[str, tuple[frozenset[str], ...]] = {}
_USED: set[str] = set()  # patterns looked up in this process
_LEARNED: set[str] = set()  # of which parsed here, not known before
# as a start-up read them (JSON data: a list of lists of literals), checked and taken
# into _KNOWN when first looked up (``remember_stored``)
_STORED: dict[str, Any] = {}


def required_sets(pattern: str) -> tuple[frozenset[str], ...]:
    """Sets of literals such that every match of ``pattern`` contains one literal of each
    set; empty if nothing is required."""
    _USED.add(pattern)
    try:
        return _KNOWN[pattern]
    except KeyError:
        pass
    stored = _taken(pattern)
    if stored is not None:
        return stored
    try:
        found = tuple(dict.fromkeys(_conjunction(_parser.parse(pattern, re.I))))
    except Exception:  # an unusual construct: run the regex everywhere
        found = ()
    _KNOWN[pattern] = found
    _LEARNED.add(pattern)
    return found


def required_literals(pattern: str) -> frozenset[str] | None:
    """Literals one of which every match of ``pattern`` contains; None if there are none:
    the most selective of :func:`required_sets` (longest shortest literal, then fewest)."""
    return _best(list(required_sets(pattern)))


def remember_literals(known: dict[str, tuple[frozenset[str], ...]]) -> None:
    """Take the required literal sets of patterns parsed by an earlier run."""
    for pattern, sets in known.items():
        _KNOWN.setdefault(pattern, sets)


def remember_stored(stored: dict[str, Any]) -> None:
    """Take the required literal sets an earlier run stored (JSON data: pattern -> list of
    sets, each a non-empty list of non-empty literals); each pattern's are checked when
    first looked up, and one that is not what the store writes is parsed again."""
    for pattern, sets in stored.items():
        if pattern not in _KNOWN:
            _STORED.setdefault(pattern, sets)


def _taken(pattern: str) -> tuple[frozenset[str], ...] | None:
    """The stored literal sets of ``pattern`` (``remember_stored``), now in _KNOWN."""
    sets = _STORED.pop(pattern, None)
    if sets is None or not isinstance(sets, list) or not all(
        isinstance(each, list) and each and all(isinstance(lit, str) and lit for lit in each)
        for each in sets
    ):
        return None
    found = _KNOWN[pattern] = tuple(frozenset(each) for each in sets)
    return found


# patterns whose literals a store keeps beyond those used in this process: packs of other
# projects (or another version of the rules) share the stored entry without replacing
# each other's patterns at every start
KEEP_KNOWN = 20_000


def remember_facts(stored: dict[str, Any]) -> None:
    """Take the facts :func:`learned_facts` stored (JSON data); each is checked when
    first looked up, and one that is not what that function writes is worked out again."""
    for kind in ("case_free", "reach"):
        table = stored.get(kind)
        if isinstance(table, dict):
            _FACTS_READ[kind] = table


def learned_facts() -> dict[str, Any] | None:
    """What parsing this process's woken regexes told and what a start-up read (JSON
    data), if this process worked out some itself; ``None`` when nothing is new."""
    if not _FACTS_LEARNED[0]:
        return None
    _FACTS_LEARNED[0] = False
    read_case_free, read_reach = _FACTS_READ["case_free"], _FACTS_READ["reach"]
    case_free_of = {p: v for p, v in read_case_free.items() if type(v) is bool}
    case_free_of.update(_CASE_FREE)
    reaches = {p: v for p, v in read_reach.items() if type(v) is list and len(v) == 3
               and all(type(n) is int and n >= 0 for n in v)}
    reaches.update((p, list(r)) for p, r in _REACHES.items())
    return {"case_free": case_free_of, "reach": reaches}


def learned_literals() -> dict[str, tuple[frozenset[str], ...]] | None:
    """The required literal sets of every pattern known to this process (those used here,
    and up to :data:`KEEP_KNOWN` read from the store), if a pattern used here was parsed
    here (worth storing for the next start); ``None`` when nothing is new."""
    if not _LEARNED & _USED:
        return None
    _LEARNED.clear()
    for pattern in list(_STORED):  # kept too, if what the store writes
        _taken(pattern)
    _STORED.clear()
    kept = _KNOWN if len(_KNOWN) <= KEEP_KNOWN else _USED
    return {pattern: _KNOWN[pattern] for pattern in kept}


class _Literals:
    """Every literal of every pattern list, in one automaton run once per text."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {}
        self.lengths: list[int] = []  # of each literal, by id
        self.automaton: Any = None  # ahocorasick_rs.AhoCorasick, built on first use
        self.size = 0
        self.last: tuple[str, dict[int, list[int]], frozenset[int]] | None = None
        self.looked = 0  # characters scanned by look-ups (see _look_up)
        self._sizes: tuple[int, list[int]] | None = None  # (literals, their lengths)

    def ids(self, literals: frozenset[str]) -> frozenset[int]:
        index = self.index
        try:
            return frozenset(map(index.__getitem__, literals))
        except KeyError:
            for literal in literals:
                if literal not in index:
                    index[literal] = len(index)
                    self.lengths.append(len(literal))
                    self.last = None  # a new literal: the last answer may lack it
            return frozenset(map(index.__getitem__, literals))

    def occurrences(self, text: str) -> dict[int, list[int]]:
        """Start of every occurrence (overlapping ones too) of each literal found in
        ``text``, in increasing order (the last answer is kept)."""
        last = self.last
        return last[1] if last is not None and last[0] is text else self._scan(text)[1]

    def present(self, text: str) -> frozenset[int]:
        """Ids of the literals found in ``text``."""
        last = self.last
        return last[2] if last is not None and last[0] is text else self._scan(text)[2]

    def build(self) -> None:
        """Build the automaton over every literal known now (before workers fork)."""
        if self.automaton is None or self.size != len(self.index):
            from ahocorasick_rs import AhoCorasick

            self.automaton = AhoCorasick(list(self.index))
            self.size = len(self.index)

    def _scan(self, text: str) -> tuple[str, dict[int, list[int]], frozenset[int]]:
        if self.last is not None and self.last[0] is text and self.size == len(self.index):
            return self.last
        scanned = text
        if _UPPER.search(text):  # literals hold no A-Z (see _literal_char); same length
            scanned = _UPPER.sub(lambda m: m.group().lower(), text)
        if (
            self.automaton is None
            and self.looked + len(text) <= LOOKUP_SCAN
            and self.index
            and "" not in self.index  # an empty literal also matches at the very end
        ):
            self.looked += len(text)
            found = self._look_up(scanned)
        else:
            self.build()
            found = {}
            get = found.get
            for literal, start, _ in self.automaton.find_matches_as_indexes(scanned, True):
                starts = get(literal)  # one literal: ends sorted = starts sorted
                if starts is None:
                    found[literal] = [start]
                else:
                    starts.append(start)
        self.last = (text, found, frozenset(found))
        return self.last

    def _look_up(self, text: str) -> dict[int, list[int]]:
        """What the automaton finds, by looking up every substring of each literal
        length: for the first few thousand characters of a process (a one-file check),
        cheaper than building the automaton."""
        if self._sizes is None or self._sizes[0] != len(self.index):
            self._sizes = (len(self.index), sorted(set(self.lengths)))
        sizes, index = self._sizes[1], self.index
        found: dict[int, list[int]] = {}
        end = len(text)
        for start in range(end):
            for size in sizes:
                if start + size > end:
                    break
                literal = index.get(text[start : start + size])
                if literal is not None:
                    found.setdefault(literal, []).append(start)
        return found


# characters a process scans by look-ups before it builds the automaton (which costs
# about as much as looking up 30 000 characters' substrings)
LOOKUP_SCAN = 12_000

_LITERALS = _Literals()


def build_literals() -> None:
    """Build the literal automaton now (before workers fork; else when first worth it)."""
    _LITERALS.build()


@lru_cache(maxsize=16384)
def _phrase(folded: str) -> bool:
    """The pattern matches exactly itself: no regex syntax, no character with a case (as
    :func:`_caseless` of each character: case mappings go character by character)."""
    return (
        is_literal(folded)
        and folded.lower() == folded == folded.upper()
        and folded.casefold() == folded
    )


def _needs(folded: str) -> tuple[frozenset[str] | None, list[frozenset[str]]]:
    """The most selective set of required literals of a folded pattern (a plain phrase is
    its own), and the other sets a match needs one literal of too."""
    if _phrase(folded):
        return frozenset([folded]), []
    sets = required_sets(folded)
    best = _best(list(sets))
    return best, [s for s in sets if s is not best]


def _spot_of(literals: frozenset[int], text: str) -> tuple[list[int], int]:
    """The starts of the occurrences in ``text`` of ``literals``, in order, and the
    shortest present one's length."""
    present = literals.intersection(_LITERALS.present(text))
    occurrences = _LITERALS.occurrences(text)
    if len(present) == 1:
        (literal,) = present
        return occurrences[literal], _LITERALS.lengths[literal]
    anchors = sorted(chain.from_iterable(map(occurrences.__getitem__, present)))
    return anchors, min(map(_LITERALS.lengths.__getitem__, present), default=0)


def _inside(spot: tuple[list[int], int], start: int, end: int) -> bool:
    """An occurrence of ``spot`` (its starts in order, the shortest literal's length) lies
    wholly inside [start, end)."""
    anchors, shortest = spot
    at = bisect_left(anchors, start)
    return at < len(anchors) and anchors[at] + shortest <= end


def _phrase_matches(
    starts: list[int], length: int, start: int, end: int
) -> Iterator[tuple[int, int]]:
    """What ``re.finditer`` gives for a plain phrase in [start, end): leftmost occurrences,
    each search resuming after the previous match."""
    resume = start
    for at in starts[bisect_left(starts, start) :]:
        if at + length > end:
            break
        if at >= resume:
            yield at, at + length
            resume = at + length


def _windowed(
    regex: re.Pattern[str],
    text: str,
    anchors: list[int],
    back: int,
    extent: int,
    start: int,
    end: int,
    shortest: int,
) -> Iterator[tuple[int, int]]:
    """What ``regex.finditer(text, start, end)`` gives (its non-empty matches), searched
    only near the anchors: every match holds an occurrence of an anchor literal (the
    regex's required literals: ``anchors`` are their starts, in order, ``shortest`` the
    length of the shortest), and is at most ``back + shortest`` characters long, so one
    starting at or after ``pos`` starts no earlier than ``back`` before the first anchor
    at or after ``pos``. Each anchor's candidate starts are searched with the text cut
    ``extent`` characters after the anchor, beyond what an attempt starting there can
    read (lookaheads included): the first match found is finditer's if it starts at or
    before the anchor; one starting later is left to the next anchors."""
    pos = start
    at = bisect_left(anchors, start)
    count = len(anchors)
    search = regex.search
    while at < count:
        anchor = anchors[at]
        if anchor + shortest > end:
            return
        match = search(text, max(pos, anchor - back), min(end, anchor + extent))
        if match is not None and match.start() <= anchor:
            first, last = match.span()
            if last > first:
                yield first, last
                pos = last
                at = bisect_left(anchors, pos, at + 1)
                continue
            # an empty match (no anchor in it after all): finditer's own way from here
            for match in regex.finditer(text, first, end):
                if match.end() > match.start():
                    yield match.start(), match.end()
            return
        pos = anchor + 1
        at += 1


# Patterns made while this is set are indexed (their required literals worked out, see
# Patterns._index) when first used, not when made: set while a linter compiles a pack
# whose literals a stored entry numbered already (the order of the numbers is the same)
_DEFER = [False]
_PENDING: list[Patterns] = []  # made while deferring, not indexed yet


def defer_indexing(defer: bool) -> None:
    """Index the patterns made from now on when first used (``True``), or when made."""
    _DEFER[0] = defer


def index_pending() -> None:
    """Index every pattern list made while deferring and not used yet (before workers
    fork: each would index those its files wake again)."""
    for patterns in _PENDING:
        patterns.index()
    _PENDING.clear()


class Patterns:
    """A list of patterns; finds every match of every pattern, leftmost first.

    A regex is compiled the first time a text holds one of its literals, so a short run
    compiles only the few the article can match; a list made while indexing is deferred
    (:func:`defer_indexing`) works out which literals its patterns need when first used.
    """

    def __init__(self, patterns: list[str]) -> None:
        self.sources = list(patterns)
        joined = "\n".join(patterns)
        if patterns and joined.count("\n") == len(patterns) - 1:  # folded in one go
            self.folded = fold_regex(joined).split("\n")
        else:
            self.folded = [fold_regex(p) for p in patterns]
        # a literal's text: its folded pattern without the escapes fold_regex added
        self.literals = [_unescape(p).lower() for p, s in zip(self.folded, patterns, strict=True)
                         if is_literal(s)]
        self.needs: list[frozenset[int] | None] = []
        # per pattern, the other literal sets it needs one of each of (checked once woken)
        self.also: dict[int, tuple[frozenset[int], ...]] = {}
        self._compiled: list[re.Pattern[str] | None] = [None] * len(self.folded)
        # literal id of each pattern that is a plain phrase: matched from the automaton
        self._phrases: list[int | None] = []
        self.always = False
        self.wanted: frozenset[int] = frozenset()
        # literal id -> the patterns it wakes; the patterns that need no literal
        self._unanchored: list[int] = []
        self._wakes: dict[int, list[int]] = {}
        self._pending = _DEFER[0]  # not indexed yet (see index)
        if self._pending:
            _PENDING.append(self)
        else:
            self._index()
        self._last: tuple[str, list[int]] | None = None
        # for the last text: the starts of the anchor literals' occurrences and the
        # shortest anchor's length (see _fits)
        self._anchors: tuple[list[int], int] | None = None
        # for the last text, per pattern: the starts of its required literals' occurrences
        # and the shortest one's length, for the most selective set and the others
        # (see _possible)
        self._spots: dict[int, tuple[list[int], int]] = {}
        self._other_spots: dict[int, list[tuple[list[int], int]]] = {}
        self._reaches: list[tuple[int, int] | None] = [None] * len(self.folded)

    def index(self) -> None:
        """Work out the literals each pattern needs, if not done yet."""
        if self._pending:
            self._pending = False
            self._index()

    def _index(self) -> None:
        for i, pattern in enumerate(self.folded):
            literals, others = (None, []) if REFERENCE else _needs(pattern)
            self.needs.append(None if literals is None else _LITERALS.ids(literals))
            if others:
                self.also[i] = tuple(_LITERALS.ids(other) for other in others)
        self._phrases = [
            None if REFERENCE or not _phrase(p) else _LITERALS.index[p] for p in self.folded
        ]
        self.always = any(n is None for n in self.needs)
        self.wanted = frozenset().union(*(n for n in self.needs if n is not None))
        self._unanchored = [i for i, n in enumerate(self.needs) if n is None]
        for i, needs in enumerate(self.needs):
            for literal in needs or ():
                self._wakes.setdefault(literal, []).append(i)

    @property
    def phrases(self) -> list[int | None]:
        """Per pattern, the literal id of a plain phrase (matched from the automaton)."""
        self.index()
        return self._phrases

    def __bool__(self) -> bool:
        return bool(self.sources)

    def _fits(self, text: str, start: int, end: int) -> bool:
        """An occurrence of an anchor literal of the woken patterns may lie inside
        [start, end): without one, none of them can match there (a match holds one,
        lookarounds aside). The first occurrence from ``start`` on, with the shortest
        anchor's length, decides: every later one starts later."""
        if start <= 0 and end >= len(text):
            return True
        anchors = self._anchors
        if anchors is None:
            if self._unanchored or not self.wanted:
                anchors = ([], -1)  # a pattern without anchors may match anywhere
            else:
                occurrences = _LITERALS.occurrences(text)
                present = self.wanted.intersection(_LITERALS.present(text))
                if len(present) == 1:
                    (literal,) = present
                    starts = occurrences[literal]
                else:
                    starts = sorted(at for literal in present for at in occurrences[literal])
                lengths = _LITERALS.lengths
                anchors = (starts, min((lengths[literal] for literal in present), default=0))
            self._anchors = anchors
        starts, shortest = anchors
        if shortest < 0:
            return True
        at = bisect_left(starts, start)
        return at < len(starts) and starts[at] + shortest <= end

    def wakes(self) -> tuple[frozenset[int], bool]:
        """The literal ids one of which a text must hold for a match, and whether a text
        without them can match too (a pattern needs no literal)."""
        if self._pending:
            self.index()
        return self.wanted, bool(self.sources) and (self.always or not self.wanted)

    def _regex(self, index: int) -> re.Pattern[str]:
        regex = self._compiled[index]
        if regex is None:
            pattern = self.folded[index]
            flags = 0 if case_free(pattern) else re.I
            regex = self._compiled[index] = re.compile(pattern, flags)
        return regex

    def _spot(self, index: int, text: str) -> tuple[list[int], int]:
        """The starts of the occurrences in ``text`` of the literals pattern ``index``
        needs (its most selective set), in order, and the shortest one's length (kept
        for the last text)."""
        spot = self._spots.get(index)
        if spot is None:
            spot = self._spots[index] = _spot_of(self.needs[index] or frozenset(), text)
        return spot

    def _possible(self, index: int, text: str, start: int, end: int) -> bool:
        """Pattern ``index`` may match in [start, end): an occurrence of a literal of each
        set it needs lies inside (every match holds one of each; lookarounds are no part
        of a match). A pattern that needs none may match anywhere."""
        if self.needs[index] is None or (start <= 0 and end >= len(text)):
            return True  # the whole text: its literals are there (see _active)
        if not _inside(self._spot(index, text), start, end):
            return False
        also = self.also.get(index)
        if also:
            spots = self._other_spots.get(index)
            if spots is None:
                spots = self._other_spots[index] = [_spot_of(s, text) for s in also]
            return all(_inside(spot, start, end) for spot in spots)
        return True

    def _reach(self, index: int, regex: re.Pattern[str]) -> tuple[int, int]:
        reach = self._reaches[index]
        if reach is None:
            reach = self._reaches[index] = _reach(regex.pattern, regex.flags)
        return reach

    def _matches(self, index: int, text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
        """The non-empty matches of regex ``index`` in [start, end), as ``finditer`` gives
        them. When the anchor literals the pattern needs occur seldom, the regex is
        searched only near each occurrence (see :func:`_windowed`)."""
        regex = self._regex(index)
        if self.needs[index] is not None:
            widest, extent = self._reach(index, regex)
            if widest:
                anchors, shortest = self._spot(index, text)
                if len(anchors) * min(widest, 32) < end - start:
                    yield from _windowed(
                        regex, text, anchors, widest - shortest, extent, start, end, shortest
                    )
                    return
        for match in regex.finditer(text, start, end):
            if match.end() > match.start():
                yield match.start(), match.end()

    def _active(self, text: str) -> list[int]:
        """Indexes of the patterns that can match in ``text`` (kept for the last text)."""
        if self._last is not None and self._last[0] is text:
            return self._last[1]
        if self._pending:
            self.index()
        self._anchors = None
        if self._spots:
            self._spots = {}
        if self._other_spots:
            self._other_spots = {}
        if not self.wanted:
            active = list(range(len(self.folded)))
        else:
            hits = self.wanted.intersection(_LITERALS.present(text))
            if not hits:
                active = self._unanchored
            elif len(hits) == 1 and not self._unanchored:
                active = self._wakes[next(iter(hits))]
            else:
                woken = set(self._unanchored)
                woken.update(chain.from_iterable(map(self._wakes.__getitem__, hits)))
                active = sorted(woken)
            also = self.also
            if also:  # a pattern whose other required literals are absent cannot match
                present = _LITERALS.present(text)
                active = [
                    i for i in active
                    if i not in also or not any(map(present.isdisjoint, also[i]))
                ]
        self._last = (text, active)
        return active

    def finditer(
        self, text: str, start: int = 0, end: int | None = None
    ) -> Iterator[tuple[int, int]]:
        active = self._active(text)
        if not active:
            return
        end = len(text) if end is None else end
        if not self._fits(text, start, end):
            return
        if len(active) == 1:  # one pattern's matches: already in order, none twice
            index = active[0]
            phrase = self._phrases[index]
            if phrase is not None:
                starts = _LITERALS.occurrences(text)[phrase]
                yield from _phrase_matches(starts, len(self.folded[index]), start, end)
                return
            if self._possible(index, text, start, end):
                yield from self._matches(index, text, start, end)
            return
        spans: set[tuple[int, int]] = set()
        for index in active:
            phrase = self._phrases[index]
            if phrase is not None:
                starts = _LITERALS.occurrences(text)[phrase]
                spans.update(_phrase_matches(starts, len(self.folded[index]), start, end))
                continue
            if self._possible(index, text, start, end):
                spans.update(self._matches(index, text, start, end))
        yield from sorted(spans)

    def search(self, text: str, start: int = 0, end: int | None = None) -> tuple[int, int] | None:
        """The first match :meth:`finditer` would give: the least of each pattern's first
        match (its matches do not overlap, so the first is its least)."""
        active = self._active(text)
        if not active:
            return None
        end = len(text) if end is None else end
        if not self._fits(text, start, end):
            return None
        best: tuple[int, int] | None = None
        for index in active:
            phrase = self._phrases[index]
            first: tuple[int, int] | None = None
            if phrase is not None:
                starts = _LITERALS.occurrences(text)[phrase]
                first = next(_phrase_matches(starts, len(self.folded[index]), start, end), None)
            elif self._possible(index, text, start, end):
                first = next(self._matches(index, text, start, end), None)
            if first is not None and (best is None or first < best):
                best = first
        return best


# texts a Router answers by testing each list's literals before it builds its index: a
# one-file check asks a few times, and the index costs as much as some hundred tests
_ROUTER_EARLY = 8


class Router:
    """Which of several pattern lists can match a text, from the literals it holds.

    Each list is indexed under the literals its patterns need (literal → lists); a text
    wakes the lists of the literals found in it, plus those with a pattern that needs
    none. A list not woken has no match, so callers skip it without a call per list.
    The first few texts test each list's literals instead (the same answer) and the
    index is built for the next.
    """

    def __init__(self, wakes: list[tuple[frozenset[int], bool]]) -> None:
        """``wakes``: per list, the literal ids that wake it and whether it always runs."""
        self.always = frozenset(i for i, (_, always) in enumerate(wakes) if always)
        self.wakes = [(i, literals) for i, (literals, always) in enumerate(wakes) if not always]
        self.index: dict[int, list[int]] | None = None
        self.keys: frozenset[int] = frozenset()
        self._early = 0
        self._last: tuple[str, list[int]] | None = None

    @classmethod
    def of(cls, lists: list[Patterns]) -> Router:
        return cls([p.wakes() for p in lists])

    def _build(self) -> dict[int, list[int]]:
        index: dict[int, list[int]] = {}
        for i, literals in self.wakes:
            for literal in literals:
                index.setdefault(literal, []).append(i)
        self.index = index
        self.keys = frozenset(index)
        return index

    def woken(self, text: str) -> list[int]:
        """Indexes of the lists that can match in ``text``, in order (kept for the last text)."""
        if self._last is not None and self._last[0] is text:
            return self._last[1]
        hit = set(self.always)
        found = _LITERALS.present(text)
        index = self.index
        if index is None and self._early < _ROUTER_EARLY:
            self._early += 1
            hit.update(i for i, literals in self.wakes if not literals.isdisjoint(found))
        else:
            if index is None:
                index = self._build()
            present = self.keys.intersection(found)
            hit.update(chain.from_iterable(map(index.__getitem__, present)))
        woken = sorted(hit)
        self._last = (text, woken)
        return woken
