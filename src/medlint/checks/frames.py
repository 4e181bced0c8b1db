"""Claim frames: ordered slots over word classes, matched inside one clause.

A frame is written as slots separated by spaces::

    {certainty} … {cure-outcome} {disease}?

- ``{name}`` is a word class (``rules/lexicons/*.yaml``); ``保证`` a literal word;
  ``能|可以|{certainty}`` any of several; a trailing ``?`` makes the slot optional, a
  trailing ``+`` lets it take several words side by side (``{numeral}+``: 九十八).
- Slots written side by side must touch. ``…`` (or ``...``) between two slots lets up to
  the rule's ``gap`` characters stand between them, ``…4`` up to 4. A gap never crosses
  a clause mark (，。；！？：), never holds a negator (保证不能治好 is no promise) and may
  run longer after a filler that introduces an object or a person (把/将/给/让/帮/使:
  一定能把多年的老胃病给调理好). ``…,`` (``…12,``) may also cross commas, not a
  sentence end: a story and its result (我妈喝了三个月，血压就正常了).
- A frame may hold its own negators as literal slots (就没有 … 不好的, 无效 不收钱):
  the claim *is* the negation, and the negation scope starts before the frame.

Every word of every frame goes into the one Aho-Corasick automaton of
:mod:`medlint.checks.patterns`; a frame is tried only on a text that holds a word of
each of its slots, and only from the places where its first slot occurs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from itertools import product

from .patterns import _LITERALS, fold_pattern

CLAUSE_MARKS = frozenset("，,；;。！？!?：:\n、≠")
SENTENCE_MARKS = frozenset("；;。！？!?\n≠")
FILLERS = frozenset("把将给让帮使令替")
FILLER_REACH = 6  # characters a gap may run further after a filler
_GAP = re.compile(r"^(?:…|\.\.\.)(\d*)(,?)$")
_CLASS = re.compile(r"^\{([a-z][a-z0-9-]*)\}$")


class FrameError(ValueError):
    """A frame that cannot be parsed, or names an unknown word class."""


@dataclass(frozen=True)
class Slot:
    words: tuple[str, ...]
    optional: bool = False
    gap: int = 0  # characters allowed between the previous slot and this one
    commas: bool = False  # the gap may cross a comma (not a sentence end)
    repeat: bool = False  # ``+``: one or more words of the slot, side by side (三十八)


def fold_word(word: str) -> str:
    """A word as it appears in normalised text."""
    return fold_pattern(word).lower()


def parse_frame(frame: str, lexicons: Mapping[str, list[str]], gap: int = 8) -> list[Slot]:
    """The slots of ``frame``; raises :class:`FrameError`."""
    slots: list[Slot] = []
    pending, commas = 0, False
    for part in frame.split():
        gap_mark = _GAP.match(part)
        if gap_mark:
            if not slots:
                raise FrameError(f"{frame!r}: a frame cannot start with a gap")
            pending = int(gap_mark.group(1)) if gap_mark.group(1) else gap
            commas = bool(gap_mark.group(2))
            continue
        optional = part.endswith("?") and len(part) > 1
        body = part[:-1] if optional else part
        repeat = body.endswith("+") and len(body) > 1
        body = body[:-1] if repeat else body
        words: list[str] = []
        for alternative in body.split("|"):
            named = _CLASS.match(alternative)
            if named:
                name = named.group(1)
                if name not in lexicons:
                    raise FrameError(f"{frame!r}: unknown word class {{{name}}}")
                words.extend(lexicons[name])
            elif alternative and not any(c in alternative for c in "{}()[]\\*+"):
                words.append(alternative)
            else:
                raise FrameError(f"{frame!r}: {alternative!r} is neither a word nor a {{class}}")
        folded = tuple(sorted({fold_word(w) for w in words if w.strip()}, key=len, reverse=True))
        slots.append(Slot(folded, optional, pending, commas, repeat))
        pending, commas = 0, False
    if pending:
        raise FrameError(f"{frame!r}: a frame cannot end with a gap")
    if not any(not s.optional for s in slots):
        raise FrameError(f"{frame!r}: a frame needs at least one slot that is not optional")
    return slots


def _variants(slots: list[Slot]) -> list[list[Slot]]:
    """Every way of leaving out optional slots; a left-out slot's gap joins the next."""
    choices = [(True, False) if s.optional else (True,) for s in slots]
    variants = []
    for keep in product(*choices):
        kept: list[Slot] = []
        carry, commas = 0, False
        for slot, used in zip(slots, keep, strict=True):
            if used:
                gap = slot.gap + carry if kept else 0
                joined = (slot.commas or commas) and bool(kept)
                kept.append(Slot(slot.words, False, gap, joined, slot.repeat))
                carry, commas = 0, False
            elif kept:
                carry += slot.gap
                commas = commas or slot.commas
        if kept:
            variants.append(kept)
    return variants


@dataclass(frozen=True)
class _Compiled:
    ids: tuple[frozenset[int], ...]
    gaps: tuple[int, ...]
    stops: tuple[frozenset[str], ...]
    repeats: tuple[bool, ...]


class Frames:
    """The frames of one rule, compiled against the word classes."""

    def __init__(self, frames: list[str], lexicons: Mapping[str, list[str]], gap: int = 8):
        self.sources = list(frames)
        self.compiled: list[_Compiled] = []
        self.words: set[str] = set()
        for frame in frames:
            for variant in _variants(parse_frame(frame, lexicons, gap)):
                ids = []
                for slot in variant:
                    self.words.update(slot.words)
                    ids.append(_LITERALS.ids(frozenset(slot.words)))
                stops = tuple(SENTENCE_MARKS if s.commas else CLAUSE_MARKS for s in variant)
                self.compiled.append(
                    _Compiled(
                        tuple(ids),
                        tuple(slot.gap for slot in variant),
                        stops,
                        tuple(slot.repeat for slot in variant),
                    )
                )
        self.lengths = {_LITERALS.index[w]: len(w) for w in self.words}
        self.ids = frozenset(self.lengths)
        _FRAME_IDS.update(self.ids)
        self.slot_index = [tuple(_slot_set(ids) for ids in f.ids) for f in self.compiled]

    def __bool__(self) -> bool:
        return bool(self.compiled)

    def finditer(self, text: str) -> Iterator[tuple[int, int, tuple[tuple[int, int], ...]]]:
        """Every match: its start, end, and the gaps it skipped, as (start, end)."""
        if not self.compiled:
            return
        present = _LITERALS.present(text)
        if self.ids.isdisjoint(present):
            return
        occurrences = _LITERALS.occurrences(text)
        at = _positions(text)
        found = _found_slot_sets(text, present)
        for frame, slots in zip(self.compiled, self.slot_index, strict=True):
            if not all(map(found.__getitem__, slots)):
                continue
            first = frame.ids[0]
            for word in first & present:
                for start in occurrences[word]:
                    if frame.repeats[0] and _continues(at, first, start):
                        continue  # inside a run that starts earlier
                    end = start + self.lengths[word]
                    yield from self._extend(text, at, frame, 1, start, end, ())
                    if frame.repeats[0]:
                        yield from self._extend(text, at, frame, 0, start, end, (), 1)

    def _extend(self, text, at, frame, k, start, position, gaps, again=0):
        """Match slot ``k`` onwards from ``position``; yield each complete match.

        ``again`` counts the words of a repeated slot matched so far: the next one must
        touch the last."""
        if k == len(frame.ids):
            yield start, position, gaps
            return
        ids, reach, stops = frame.ids[k], frame.gaps[k], frame.stops[k]
        if again:
            reach = 0
        elif reach and position < len(text) and text[position] in FILLERS:
            reach += FILLER_REACH
        for p in range(position, min(len(text), position + reach) + 1):
            if p > position and text[p - 1] in stops:
                break
            for word, length in at.get(p, ()):
                if word in ids:
                    skipped = (*gaps, (position, p)) if p > position else gaps
                    yield from self._extend(
                        text, at, frame, k + 1, start, p + length, skipped
                    )
                    if frame.repeats[k] and again < _REPEAT_LIMIT:
                        yield from self._extend(
                            text, at, frame, k, start, p + length, skipped, again + 1
                        )


_REPEAT_LIMIT = 6


def _continues(at: dict[int, list[tuple[int, int]]], ids: frozenset[int], start: int) -> bool:
    """A one-character word of ``ids`` ends right where ``start`` is (the run of a
    repeated slot such as ``{numeral}+`` began before it)."""
    return any(length == 1 and word in ids for word, length in at.get(start - 1, ()))


_AT: list[object] = [None, None, None]
_LENGTHS: dict[int, int] = {}
_FRAME_IDS: set[int] = set()
_SLOT_SETS: dict[frozenset[int], int] = {}
_MEMBERS: dict[int, list[int]] = {}
_FOUND: list[object] = [None, None, None]


def _slot_set(ids: frozenset[int]) -> int:
    """The number of a slot's word set, shared by every frame of every rule."""
    if ids not in _SLOT_SETS:
        _SLOT_SETS[ids] = number = len(_SLOT_SETS)
        for word in ids:
            _MEMBERS.setdefault(word, []).append(number)
    return _SLOT_SETS[ids]


def _found_slot_sets(text: str, present: frozenset[int]) -> bytearray:
    """Which slot word sets have a word in ``text`` (kept for the last text)."""
    if _FOUND[0] is text and _FOUND[2] == (len(_SLOT_SETS), len(_LITERALS.index)):
        return _FOUND[1]  # type: ignore[return-value]
    found = bytearray(len(_SLOT_SETS))
    for word in present:
        for number in _MEMBERS.get(word, ()):
            found[number] = 1
    _FOUND[:] = [text, found, (len(_SLOT_SETS), len(_LITERALS.index))]
    return found


def _positions(text: str) -> dict[int, list[tuple[int, int]]]:
    """(word id, length) of every word found in ``text``, by start; kept for the last
    text, so every rule's frames share one index."""
    version = (len(_FRAME_IDS), len(_LITERALS.index))
    if _AT[0] is text and _AT[2] == version:
        return _AT[1]  # type: ignore[return-value]
    if len(_LENGTHS) != len(_LITERALS.index):
        _LENGTHS.update((i, len(word)) for word, i in _LITERALS.index.items())
    lengths = _LENGTHS
    at: dict[int, list[tuple[int, int]]] = {}
    for word, starts in _LITERALS.occurrences(text).items():
        if word not in _FRAME_IDS:
            continue
        length = lengths[word]
        for start in starts:
            at.setdefault(start, []).append((word, length))
    _AT[:] = [text, at, version]
    return at
