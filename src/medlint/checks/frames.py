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
- Leading slots written with ``~`` (``~{use-verb} …8, {numeral}+ …``) must match but are
  context, not claim: the reported span starts at the first slot without ``~``.

Every word of every frame goes into the one Aho-Corasick automaton of
:mod:`medlint.checks.patterns`; a frame is tried only on a text that holds a word of
each of its slots in one sentence (a match never crosses a sentence mark), and only
from the places where its rarest slot occurs.
"""

from __future__ import annotations

import binascii
import re
import sys
from array import array
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import reduce
from itertools import accumulate, chain, product
from operator import or_
from typing import Any

from .patterns import _LITERALS, fold_pattern

CLAUSE_MARKS = frozenset("，,；;。！？!?：:\n、≠")
SENTENCE_MARKS = frozenset("；;。！？!?\n≠")
FILLERS = frozenset("把将给让帮使令替")
FILLER_REACH = 6  # characters a gap may run further after a filler
_GAP = re.compile(r"^(?:…|\.\.\.)(\d*)(,?)$")
_CLASS = re.compile(r"^\{([a-z][a-z0-9-]*)\}$")


Gaps = tuple[tuple[int, int], ...]
# a variant as data: its slot sets' numbers, gaps, commas and repeats, leading context slots
_Plain = tuple[tuple[int, ...], tuple[int, ...], tuple[bool, ...], tuple[bool, ...], int]


class FrameError(ValueError):
    """A frame that cannot be parsed, or names an unknown word class."""


@dataclass(frozen=True)
class Slot:
    words: frozenset[str]  # folded as in normalised text
    optional: bool = False
    gap: int = 0  # characters allowed between the previous slot and this one
    commas: bool = False  # the gap may cross a comma (not a sentence end)
    repeat: bool = False  # ``+``: one or more words of the slot, side by side (三十八)
    context: bool = False  # ``~``: matched before the claim, not reported with it


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
        context = part.startswith("~") and len(part) > 1
        if context and any(not s.context for s in slots):
            raise FrameError(f"{frame!r}: only leading slots can be context (~)")
        part = part[1:] if context else part
        optional = part.endswith("?") and len(part) > 1
        body = part[:-1] if optional else part
        repeat = body.endswith("+") and len(body) > 1
        body = body[:-1] if repeat else body
        folded = _slot_words(frame, body, lexicons)
        slots.append(Slot(folded, optional, pending, commas, repeat, context))
        pending, commas = 0, False
    if pending:
        raise FrameError(f"{frame!r}: a frame cannot end with a gap")
    if not any(not s.optional for s in slots):
        raise FrameError(f"{frame!r}: a frame needs at least one slot that is not optional")
    if not any(not s.optional and not s.context for s in slots):
        raise FrameError(f"{frame!r}: a frame needs a claim slot that is neither optional nor ~")
    return slots


# a slot body's folded words, by body: the classes it names, their word lists, and the
# words; every frame naming the same classes shares one tuple (and its _SlotData)
_BODIES: dict[str, tuple[tuple[str, ...], tuple[list[str], ...], frozenset[str]]] = {}
_FOLDED: dict[str, tuple[list[str], frozenset[str]]] = {}  # a class's words, folded
_NOT_A_WORD = re.compile(r"[{}()\[\]\\*+]")


def _slot_words(frame: str, body: str, lexicons: Mapping[str, list[str]]) -> frozenset[str]:
    """The folded words of the slot ``body`` (``能|可以|{certainty}``); each word class is
    folded once per list of words (the same lists give the same set object)."""
    known = _BODIES.get(body)
    if known is not None and all(
        lexicons.get(name) is words for name, words in zip(known[0], known[1], strict=True)
    ):
        return known[2]  # a body once parsed, its classes the same lists: same words
    names: list[str] = []
    classes: list[frozenset[str]] = []
    literals: list[str] = []
    for alternative in body.split("|"):
        named = _CLASS.match(alternative) if alternative[:1] == "{" else None
        if named:
            name = named.group(1)
            if name not in lexicons:
                raise FrameError(f"{frame!r}: unknown word class {{{name}}}")
            names.append(name)
            classes.append(_folded_class(name, lexicons[name]))
        elif not alternative or _NOT_A_WORD.search(alternative):
            raise FrameError(f"{frame!r}: {alternative!r} is neither a word nor a {{class}}")
        elif alternative.strip():
            literals.append(alternative)
    if literals:  # folded in one go (a slot's words hold no white space)
        literals = fold_word("\n".join(literals)).split("\n")
    if not literals and len(classes) == 1:
        folded = classes[0]  # the class's own set: one _SlotData for every such slot
    else:
        folded = frozenset(literals).union(*classes)
    _BODIES[body] = (tuple(names), tuple(lexicons[name] for name in names), folded)
    return folded


def _folded_class(name: str, words: list[str]) -> frozenset[str]:
    """The words of a class as they appear in normalised text (once per list of words)."""
    known = _FOLDED.get(name)
    if known is not None and known[0] is words:
        return known[1]
    kept = [w for w in words if w.strip()]
    joined = "\n".join(kept)
    if joined.count("\n") == len(kept) - 1:  # folded in one go: each character alone
        folded = frozenset(fold_pattern(joined).lower().split("\n")) if kept else frozenset()
    else:
        folded = frozenset(fold_word(w) for w in kept)
    _FOLDED[name] = (words, folded)
    return folded


def _commonness(words: Iterable[str]) -> float:
    """How likely a text is to hold a word of a slot, roughly: a word of one character
    (能, 好) turns up far more often than one of two, and that more than a longer one."""
    lengths = list(map(len, words))
    one, two = lengths.count(1), lengths.count(2)
    return 30.0 * one + 3.0 * two + float(len(lengths) - one - two)


def _variants(slots: list[Slot]) -> list[list[Slot]]:
    """Every way of leaving out optional slots; a left-out slot's gap joins the next."""
    if not any(s.optional for s in slots):  # the first slot has no gap (parse_frame)
        return [slots]
    choices = [(True, False) if s.optional else (True,) for s in slots]
    variants = []
    for keep in product(*choices):
        kept: list[Slot] = []
        carry, commas = 0, False
        for slot, used in zip(slots, keep, strict=True):
            if used:
                gap = slot.gap + carry if kept else 0
                joined = (slot.commas or commas) and bool(kept)
                kept.append(Slot(slot.words, False, gap, joined, slot.repeat, slot.context))
                carry, commas = 0, False
            elif kept:
                carry += slot.gap
                commas = commas or slot.commas
        if kept:
            variants.append(kept)
    return variants


def _within(sets: tuple[int, ...]) -> bool:
    """No word of the slot sets ``sets`` holds a sentence mark: a match stays in one
    sentence."""
    return not any(_SLOT_MARKED[number] for number in sets)


def _by_rarity(sets: tuple[int, ...]) -> tuple[int, ...]:
    """The slot sets ``sets``, each once, the rarest in text first (_commonness)."""
    return tuple(dict.fromkeys(sorted(sets, key=_SLOT_COMMONNESS.__getitem__)))


def _compile_variant(data: list[_SlotData], plain: _Plain) -> _Compiled:
    """The variant ``plain`` whose slots' words are ``data``, ready to match."""
    sets, gaps, commas, repeats, lead = plain
    return _Compiled(
        tuple(d.ids for d in data),
        gaps,
        tuple(SENTENCE_MARKS if c else CLAUSE_MARKS for c in commas),
        repeats,
        tuple(d.words for d in data),
        tuple(d.sizes for d in data),
        lead,
        sets,
        _within(sets),
        _by_rarity(sets),
    )


@dataclass(frozen=True)
class _Compiled:
    ids: tuple[frozenset[int], ...]
    gaps: tuple[int, ...]
    stops: tuple[frozenset[str], ...]
    repeats: tuple[bool, ...]
    words: tuple[frozenset[str], ...]  # each slot's words, to test a place in the text
    sizes: tuple[tuple[int, ...], ...]  # the lengths of each slot's words, longest first
    lead: int = 0  # leading context slots: the claim starts at this slot
    sets: tuple[int, ...] = ()  # each slot's word set, numbered (see _slot_set)
    within: bool = True  # no word holds a sentence mark: a match stays in one sentence
    by_rarity: tuple[int, ...] = ()  # ``sets`` without repeats, the rarest first (_commonness)


class Frames:
    """The frames of one rule, compiled against the word classes.

    Frames an earlier start stored (:func:`restore_compiled`) are taken as plain data:
    each variant is made ready to match (:meth:`variant`) the first time a text holds
    words of all its slots, so a short run readies only the few its text wakes.
    """

    def __init__(self, frames: list[str], lexicons: Mapping[str, list[str]], gap: int = 8):
        self.sources = list(frames)
        self.gap = gap
        # each variant as plain data (slot set numbers, gaps, commas, repeats, lead): what
        # :func:`dump_compiled` stores; and each made ready to match, when first needed
        self.plain: list[_Plain] = []
        self._compiled: list[_Compiled | None] = []
        self.parsed = False
        stored = _RESTORED.get((tuple(frames), gap)) if lexicons is _RESTORED_FROM[0] else None
        if stored is not None:
            for numbers, gaps, commas, repeats, lead in stored:
                self.plain.append(
                    (tuple(numbers), tuple(gaps), tuple(commas), tuple(repeats), lead)
                )
            self._compiled = [None] * len(self.plain)
            used = {number for plain in self.plain for number in plain[0]}
            self.ids: frozenset[int] = frozenset().union(*map(_SLOT_IDS.__getitem__, used))
            self.words: frozenset[str] = frozenset(map(_RESTORED_WORDS.__getitem__, self.ids))
        else:
            self.parsed = bool(frames)  # compiled here, not restored
            slots: dict[int, _SlotData] = {}  # every slot's words, once
            for frame in frames:
                for variant in _variants(parse_frame(frame, lexicons, gap)):
                    data = [_slot_data(slot.words) for slot in variant]
                    plain = (
                        tuple(d.number for d in data),
                        tuple(slot.gap for slot in variant),
                        tuple(slot.commas for slot in variant),
                        tuple(slot.repeat for slot in variant),
                        sum(1 for slot in variant if slot.context),
                    )
                    slots.update((d.number, d) for d in data)
                    self.plain.append(plain)
                    self._compiled.append(_compile_variant(data, plain))
            self.words = frozenset().union(*(d.words for d in slots.values()))
            self.ids = frozenset().union(*(d.ids for d in slots.values()))
        self.lengths = _LITERALS.lengths  # of each word, by id
        _FRAME_IDS.update(self.ids)
        self.slot_index = [plain[0] for plain in self.plain]
        # each variant filed under one of its slot sets (the rarest in text, by
        # _commonness): a text wakes only the variants filed under a slot set it holds
        # a word of
        self.by_key: dict[int, list[int]] = {}
        for number, sets in enumerate(self.slot_index):
            common = [_SLOT_COMMONNESS[n] for n in sets]
            key = sets[common.index(min(common))]
            self.by_key.setdefault(key, []).append(number)
        self.keys = frozenset(self.by_key)
        self.group: FrameGroup | None = None  # set by FrameGroup
        self.member = 0

    def variant(self, number: int) -> _Compiled:
        """Variant ``number``, ready to match (made when first asked for)."""
        frame = self._compiled[number]
        if frame is None:
            plain = self.plain[number]
            frame = self._compiled[number] = _compile_variant(
                [_numbered(n) for n in plain[0]], plain
            )
        return frame

    @property
    def compiled(self) -> list[_Compiled]:
        """Every variant, ready to match."""
        return [self.variant(number) for number in range(len(self.plain))]

    def __bool__(self) -> bool:
        return bool(self.plain)

    def finditer(self, text: str) -> Iterator[tuple[int, int, Gaps]]:
        """Every match: its start, end, and the gaps it skipped, as (start, end)."""
        if not self.plain:
            return
        present = _LITERALS.present(text)
        if self.ids.isdisjoint(present):
            return
        index = _text_index(text, present)
        group = self.group if self.group is not None else FrameGroup([self])
        occurrences = index.occurrences
        compiled, slot_index = self._compiled, self.slot_index
        for number in group.full(index)[self.member]:
            slots = slot_index[number]
            frame = compiled[number] or self.variant(number)
            anchor = index.anchor(frame)
            if anchor is None:  # every slot repeats: run from the first
                yield from self._from_first(text, frame, present, occurrences)
                continue
            for word in index.words(slots[anchor]):
                length = self.lengths[word]
                for start in occurrences[word]:
                    rights = list(
                        self._extend(text, frame, anchor + 1, start, start + length, ())
                    )
                    if not rights:
                        continue
                    for first, left in self._back(text, frame, anchor - 1, start, ()):
                        for _, end, right in rights:
                            gaps = (*left, *right)
                            if frame.lead:
                                first = self._claim_start(text, frame, first, end)
                            yield first, end, gaps

    def _claim_start(self, text: str, frame: _Compiled, first: int, end: int) -> int:
        """Where the claim starts in a match at [first, end) that opens with context
        slots: the first start, after the shortest context word, of a claim slot that
        still completes the match."""
        claim = _Compiled(
            frame.ids[frame.lead :],
            (0, *frame.gaps[frame.lead + 1 :]),
            frame.stops[frame.lead :],
            frame.repeats[frame.lead :],
            frame.words[frame.lead :],
            frame.sizes[frame.lead :],
        )
        for p in range(first + min(frame.sizes[0]), end):
            for length in claim.sizes[0]:
                if text[p : p + length] not in claim.words[0]:
                    continue
                ends = self._extend(text, claim, 1, p, p + length, ())
                if claim.repeats[0]:  # 一两个月: the repeated slot may take more words
                    ends = chain(ends, self._extend(text, claim, 0, p, p + length, (), 1))
                if any(e == end for _, e, _ in ends):
                    return p
        return first

    def _from_first(
        self,
        text: str,
        frame: _Compiled,
        present: frozenset[int],
        occurrences: dict[int, list[int]],
    ) -> Iterator[tuple[int, int, Gaps]]:
        first = frame.ids[0]
        for word in first & present:
            for start in occurrences[word]:
                if start and text[start - 1] in frame.words[0]:
                    continue  # inside a run that starts earlier
                end = start + self.lengths[word]
                yield from self._extend(text, frame, 1, start, end, ())
                yield from self._extend(text, frame, 0, start, end, (), 1)

    def _back(
        self, text: str, frame: _Compiled, k: int, position: int, gaps: Gaps, again: int = 0
    ) -> Iterator[tuple[int, Gaps]]:
        """Match slots ``k`` down to 0 ending before ``position``; yield (start, gaps)."""
        if k < 0:
            yield position, gaps
            return
        words, sizes, stops = frame.words[k], frame.sizes[k], frame.stops[k + 1]
        base = 0 if again else frame.gaps[k + 1]
        spaced = (
            not base
            and not again
            and (_after_spaced_number(text, position) or _before_spaced_number(text, position - 1))
        )
        lowest = max(0, position - base - (FILLER_REACH if base else 0) - spaced)
        for p in range(position, lowest - 1, -1):
            if p < position:
                if text[p] in stops:
                    break
                allowed = base + spaced + (FILLER_REACH if base and text[p] in FILLERS else 0)
                if position - p > allowed:
                    continue
            for length in sizes:
                if length <= p and text[p - length : p] in words:
                    skipped = (*gaps, (p, position)) if p < position else gaps
                    yield from self._back(text, frame, k - 1, p - length, skipped)
                    if frame.repeats[k] and again < _REPEAT_LIMIT:
                        yield from self._back(
                            text, frame, k, p - length, skipped, again + 1
                        )

    def _extend(
        self,
        text: str,
        frame: _Compiled,
        k: int,
        start: int,
        position: int,
        gaps: Gaps,
        again: int = 0,
    ) -> Iterator[tuple[int, int, Gaps]]:
        """Match slot ``k`` onwards from ``position``; yield each complete match.

        ``again`` counts the words of a repeated slot matched so far: the next one must
        touch the last."""
        if k == len(frame.ids):
            yield start, position, gaps
            return
        words, sizes = frame.words[k], frame.sizes[k]
        reach, stops = frame.gaps[k], frame.stops[k]
        if again:
            reach = 0
        elif reach and position < len(text) and text[position] in FILLERS:
            reach += FILLER_REACH
        elif not reach and (
            _after_spaced_number(text, position + 1) or _before_spaced_number(text, position)
        ):
            reach = 1  # a number and its unit apart: 21 天, 3 个疗程; 降到 50 度
        for p in range(position, min(len(text), position + reach) + 1):
            if p > position and text[p - 1] in stops:
                break
            for length in sizes:
                if p + length <= len(text) and text[p : p + length] in words:  # not past the end
                    skipped = (*gaps, (position, p)) if p > position else gaps
                    yield from self._extend(text, frame, k + 1, start, p + length, skipped)
                    if frame.repeats[k] and again < _REPEAT_LIMIT:
                        yield from self._extend(
                            text, frame, k, start, p + length, skipped, again + 1
                        )


_REPEAT_LIMIT = 6


def _after_spaced_number(text: str, position: int) -> bool:
    """True when one space ends at ``position`` right after a digit (21 天): touching
    slots may be that space apart."""
    return position >= 2 and text[position - 1] == " " and text[position - 2].isdigit()


def _before_spaced_number(text: str, position: int) -> bool:
    """True when one space at ``position`` stands right before a digit (降到 50): touching
    slots may be that space apart."""
    return 0 <= position < len(text) - 1 and text[position] == " " and text[position + 1].isdigit()


@dataclass(frozen=True)
class _SlotData:
    """What the frames need of one slot's words, worked out once per word tuple."""

    words: frozenset[str]  # the folded words (kept, so that their id stays theirs)
    ids: frozenset[int]
    sizes: tuple[int, ...]  # the words' lengths, longest first
    number: int  # the word set's number (_slot_set)


_SLOT_DATA: dict[int, _SlotData] = {}  # by id of the folded word tuple
# one of each slot set, by number (a restored one is made when first needed: _numbered)
_NUMBERED: list[_SlotData | None] = []
_RESTORED_WORDS: list[str] = []  # the words of restored slot sets, by id


def _numbered(number: int) -> _SlotData:
    """The words of slot set ``number``, with their ids and lengths."""
    data = _NUMBERED[number]
    if data is None:
        ids = _SLOT_IDS[number]
        words = frozenset(map(_RESTORED_WORDS.__getitem__, ids))
        sizes = tuple(sorted(set(map(len, words)), reverse=True))
        data = _NUMBERED[number] = _SlotData(words, ids, sizes, number)
    return data


def _slot_data(words: frozenset[str]) -> _SlotData:
    data = _SLOT_DATA.get(id(words))
    if data is not None and data.words is words:
        return data
    ids = _LITERALS.ids(words)
    data = _SLOT_DATA[id(words)] = _SlotData(
        words,
        ids,
        tuple(sorted(set(map(len, words)), reverse=True)),
        _slot_set(ids, words),
    )
    if data.number == len(_NUMBERED):
        _NUMBERED.append(data)
    return data


_FRAME_IDS: set[int] = set()
_SLOT_SETS: dict[frozenset[int], int] = {}
_SLOT_IDS: list[frozenset[int]] = []  # the word ids of each slot set, by number
_SLOT_COMMONNESS: list[float] = []  # and how common its words are (_commonness)
_SLOT_MARKED: list[bool] = []  # and whether a word of it holds a sentence mark
# word id -> the numbers of the slot sets holding it, for the words asked about so far
# (a one-file check asks about a few dozen; :func:`index_slot_words` fills in all)
_MEMBERS: dict[int, list[int]] = {}


def _slot_set(ids: frozenset[int], words: frozenset[str]) -> int:
    """The number of a slot's word set, shared by every frame of every rule."""
    if ids not in _SLOT_SETS:
        _SLOT_SETS[ids] = number = len(_SLOT_SETS)
        _SLOT_IDS.append(ids)
        _SLOT_COMMONNESS.append(_commonness(words))
        _SLOT_MARKED.append(not SENTENCE_MARKS.isdisjoint("".join(words)))
        if _MEMBERS:
            for word in ids.intersection(_MEMBERS):
                _MEMBERS[word].append(number)
    return _SLOT_SETS[ids]


def _members(word: int) -> list[int]:
    """The numbers of the slot sets holding ``word``, in order."""
    members = _MEMBERS.get(word)
    if members is None:
        members = _MEMBERS[word] = [n for n, ids in enumerate(_SLOT_IDS) if word in ids]
    return members


def _holding(words: frozenset[int]) -> set[int]:
    """The numbers of the slot sets holding any of ``words``; the :func:`_members` of
    those not asked about yet are worked out together, in one pass over the slot sets
    (each set intersected with the new words, a few per set, not each word looked up
    in every set)."""
    wanted = words.difference(_MEMBERS)  # (a set less a dict's keys: one C loop)
    if wanted:
        found: dict[int, list[int]] = {word: [] for word in wanted}
        for number, ids in enumerate(_SLOT_IDS):
            for word in wanted.intersection(ids):
                found[word].append(number)
        _MEMBERS.update(found)
    return set(chain.from_iterable(map(_MEMBERS.__getitem__, words)))


def index_slot_words() -> None:
    """Work out :func:`_members` of every frame word now (before workers fork: a long
    run asks about most of them)."""
    members: dict[int, list[int]] = {}
    for number, ids in enumerate(_SLOT_IDS):
        for word in ids:
            members.setdefault(word, []).append(number)
    _MEMBERS.update(members)


# frames compiled by an earlier start (:func:`restore_compiled`), by (sources, gap), valid
# for the word classes of one pack (the mapping object given)
_RESTORED: dict[tuple[tuple[str, ...], int], list[Any]] = {}  # variants as lists
_RESTORED_FROM: list[object] = [None]


def fresh() -> bool:
    """Nothing compiled in this process yet: literal ids and slot sets start from zero."""
    return not _LITERALS.index and not _SLOT_SETS


def dump_compiled(frames: Iterable[Frames]) -> dict[str, object]:
    """The compiled ``frames`` as JSON data, with every literal and slot set this process
    has numbered (see :func:`restore_compiled`)."""
    return {
        "literals": list(_LITERALS.index),
        "sets": _pack_sets(_SLOT_IDS),
        "common": _SLOT_COMMONNESS,
        "marked": _SLOT_MARKED,
        "frames": list({(tuple(f.sources), f.gap): [f.sources, f.gap, f.plain]
                        for f in frames}.values()),
    }


def restore_compiled(stored: object, lexicons: Mapping[str, list[str]]) -> bool:
    """Take the frames :func:`dump_compiled` stored for the word classes ``lexicons``, in a
    process that has compiled nothing yet (:func:`fresh`); ``False`` (and nothing taken)
    if it has, or if ``stored`` is not what that function writes."""
    if not fresh():
        return False
    try:
        literals, sets = stored["literals"], stored["sets"]  # type: ignore[index]
        common, marked = stored["common"], stored["marked"]  # type: ignore[index]
        entries = stored["frames"]  # type: ignore[index]
        count = len(literals)
        if not (
            type(literals) is type(common) is type(marked) is list
            and set(map(type, literals)) <= {str}
            and len(common) == len(marked)
            and set(map(type, common)) <= {float}
            and set(map(type, marked)) <= {bool}
        ):
            return False
        index = dict(zip(literals, range(count), strict=True))
        keys = _unpack_sets(sets, count)
        if len(index) != count or keys is None or len(keys) != len(common):
            return False
        if len(set(keys)) != len(keys):
            return False
        restored: dict[tuple[tuple[str, ...], int], list[Any]] = {}
        for sources, gap, plains in entries:
            if not (
                type(gap) is int
                and type(sources) is type(plains) is list
                and set(map(type, sources)) <= {str}
                and _variants_fit(plains, len(keys))
            ):
                return False
            restored[(tuple(sources), gap)] = plains  # made tuples by Frames
    except (KeyError, TypeError, ValueError):
        return False
    _LITERALS.index.update(index)
    _LITERALS.lengths.extend(map(len, literals))
    _LITERALS.last = None
    _SLOT_SETS.update(zip(keys, range(len(keys)), strict=True))
    _SLOT_IDS.extend(keys)
    _SLOT_COMMONNESS.extend(common)
    _SLOT_MARKED.extend(marked)
    _NUMBERED.extend([None] * len(keys))  # made when first needed (_numbered)
    _RESTORED_WORDS[:] = literals
    _RESTORED.clear()
    _RESTORED.update(restored)
    _RESTORED_FROM[0] = lexicons
    return True


# slot sets are stored as two arrays of unsigned 32-bit integers, little-endian, in
# base64: each set's size, and the word ids of every set in turn (each set's sorted)
_UINT32 = "I" if array("I").itemsize == 4 else "L"


def _pack_sets(sets: Iterable[frozenset[int]]) -> dict[str, str]:
    """``sets`` as :func:`_unpack_sets` reads them."""
    sets = list(sets)
    sizes = array(_UINT32, map(len, sets))
    ids = array(_UINT32, chain.from_iterable(map(sorted, sets)))
    return {"sizes": _base64(sizes), "ids": _base64(ids)}


def _base64(numbers: array[int]) -> str:
    if sys.byteorder == "big":
        numbers.byteswap()
    return binascii.b2a_base64(numbers.tobytes(), newline=False).decode("ascii")


def _unpack_sets(stored: object, count: int) -> list[frozenset[int]] | None:
    """The slot sets :func:`_pack_sets` stored, their word ids below ``count``; ``None``
    if ``stored`` is not what it writes (an empty set, a word twice in a set, an id out
    of range, sizes that do not add up)."""
    if not (
        isinstance(stored, dict)
        and set(stored) == {"sizes", "ids"}
        and all(type(value) is str for value in stored.values())
    ):
        return None
    arrays = []
    for name in ("sizes", "ids"):
        numbers = array(_UINT32)
        try:
            data = binascii.a2b_base64(stored[name].encode("ascii"))
            numbers.frombytes(data)
        except (ValueError, UnicodeEncodeError):  # binascii.Error is a ValueError
            return None
        if sys.byteorder == "big":
            numbers.byteswap()
        arrays.append(numbers.tolist())  # (a list's ints are made once)
    sizes, ids = arrays
    if sum(sizes) != len(ids) or (sizes and min(sizes) == 0) or (ids and max(ids) >= count):
        return None
    ends = list(accumulate(sizes))
    parts = map(slice, [0, *ends[:-1]], ends)
    sets = list(map(frozenset, map(ids.__getitem__, parts)))
    if list(map(len, sets)) != sizes:
        return None
    return sets


def _variants_fit(plains: list[Any], sets: int) -> bool:
    """``plains`` are variants as :func:`dump_compiled` writes them (lists for
    :data:`_Plain`), their slot set numbers below ``sets``."""
    if not plains:
        return True
    if set(map(type, plains)) != {list} or set(map(len, plains)) != {5}:
        return False
    numbers, gaps, commas, repeats, leads = zip(*plains, strict=True)
    columns = (numbers, gaps, commas, repeats)
    if any(set(map(type, column)) != {list} for column in columns):
        return False
    widths = list(map(len, numbers))
    flags = list(chain.from_iterable(chain(commas, repeats)))
    every = list(chain.from_iterable(gaps))
    return (
        min(widths) > 0
        and widths == list(map(len, gaps)) == list(map(len, commas)) == list(map(len, repeats))
        and _numbers(list(chain.from_iterable(numbers)), sets)
        and _numbers(every, max(every, default=0) + 1)  # ints, none below zero
        and set(map(type, flags)) <= {bool}
        and _numbers(list(leads), max(widths))
        and all(map(int.__lt__, leads, widths))
    )


def _numbers(values: list[int], limit: int) -> bool:
    """``values`` are all ints (not bools) in ``range(limit)``."""
    return not values or (
        set(map(type, values)) == {int} and min(values) >= 0 and max(values) < limit
    )


_SENTENCE_MARK = re.compile("[" + re.escape("".join(sorted(SENTENCE_MARKS))) + "]")


class _TextIndex:
    """What the frames of every rule share about one text: which slot sets have a word
    in it, which of their words do and how often, and in which sentences (everything
    but the first found when first asked)."""

    def __init__(self, text: str, present: frozenset[int]) -> None:
        self.text = text
        self.present = present
        self.occurrences = _LITERALS.occurrences(text)
        words = self.frame_words = present.intersection(_FRAME_IDS)
        self.holds = _holding(words)
        self._words: dict[int, frozenset[int]] = {}
        self._counts: dict[int, int] = {}
        self._sentence: list[int] | None = None
        self._word_masks: dict[int, int] = {}
        self.masks: dict[int, int] = {}  # slot set -> sentence bits (FrameGroup.full)
        self.key = (len(_SLOT_SETS), len(_LITERALS.index), len(_FRAME_IDS))

    def words(self, number: int) -> frozenset[int]:
        """The words of slot set ``number`` found in the text."""
        words = self._words.get(number)
        if words is None:
            # every slot set asked about is a frame's: its words are frame words
            words = self._words[number] = _SLOT_IDS[number] & self.frame_words
        return words

    def count(self, number: int) -> int:
        """How often the words of slot set ``number`` occur in the text."""
        count = self._counts.get(number)
        if count is None:
            occurrences = self.occurrences
            count = sum(len(occurrences[w]) for w in self.words(number))
            self._counts[number] = count
        return count

    def anchor(self, frame: _Compiled) -> int | None:
        """The slot to start from: the one whose words occur least often in the text (a
        slot that repeats is never the anchor)."""
        best, fewest = None, None
        for k, number in enumerate(frame.sets):
            if frame.repeats[k]:
                continue
            count = self.count(number)
            if fewest is None or count < fewest:
                best, fewest = k, count
        return best


_BITS: list[int] = [1 << n for n in range(256)]  # 1 << n, by n (see _sentence_of)


def _sentence_of(text: str) -> list[int]:
    """For each position of ``text``, how many sentence marks stand at or before it."""
    sentence: list[int] = []
    done = count = 0
    for mark in _SENTENCE_MARK.finditer(text):
        at = mark.start()
        sentence += [count] * (at - done)
        done, count = at, count + 1
    sentence += [count] * (len(text) - done)
    if count >= len(_BITS):
        _BITS.extend(1 << n for n in range(len(_BITS), 2 * count + 1))
    return sentence


_LAST: list[_TextIndex | None] = [None]


def _text_index(text: str, present: frozenset[int]) -> _TextIndex:
    """The index of ``text`` (the last one is kept: every rule checks the same text)."""
    last = _LAST[0]
    if last is not None and last.text is text and last.key == (
        len(_SLOT_SETS), len(_LITERALS.index), len(_FRAME_IDS)
    ):
        return last
    index = _LAST[0] = _TextIndex(text, present)
    return index


class FrameGroup:
    """The frames of several rules, checked against the same texts: which of their
    variants a text holds every slot of in one sentence is worked out once per text
    for all of them. Each variant is filed under its slot set of fewest words."""

    def __init__(self, members: list[Frames]) -> None:
        self.members = members
        # per key: (member, variant number, its slot sets, whether they must share a
        # sentence, the sets rarest first) of each variant filed under it
        self.by_key: dict[int, list[tuple[int, int, frozenset[int], bool, tuple[int, ...]]]] = {}
        for m, frames in enumerate(members):
            frames.group, frames.member = self, m
            for key, numbers in frames.by_key.items():
                entries = self.by_key.setdefault(key, [])
                for n in numbers:
                    sets = frames.slot_index[n]
                    shared = _within(sets) and len(sets) > 1
                    entries.append((m, n, frozenset(sets), shared, _by_rarity(sets)))
        self.keys = frozenset(self.by_key)
        self._last: tuple[_TextIndex, list[list[int]]] | None = None

    def full(self, index: _TextIndex) -> list[list[int]]:
        """Per member, the numbers of its variants that can match in the text, in order
        (the last text's answer is kept)."""
        last = self._last
        if last is not None and last[0] is index:
            return last[1]
        full: list[list[int]] = [[] for _ in self.members]
        holds, by_key, masks = index.holds, self.by_key, index.masks
        keys = self.keys.intersection(holds)
        # The sentences holding a word of a slot set, as bits (sentence i is the text
        # after the i-th sentence mark), worked out here in the loop rather than by a
        # method call (about a hundred slot sets an article); each word's bits once.
        sentence = index._sentence
        word_masks, occurrences = index._word_masks, index.occurrences
        frame_words, slot_ids, bits_of = index.frame_words, _SLOT_IDS, _BITS.__getitem__
        known = index._words  # each slot set's words in the text, kept for anchor()
        issuperset = holds.issuperset
        for key in keys:
            for m, n, slots, shared, by_rarity in by_key[key]:
                if not issuperset(slots):
                    continue
                if shared:
                    common = -1
                    for number in by_rarity:
                        mask = masks.get(number)
                        if mask is None:
                            if sentence is None:
                                sentence = index._sentence = _sentence_of(index.text)
                            at_sentence = sentence.__getitem__
                            mask = 0
                            words = known.get(number)
                            if words is None:
                                words = known[number] = slot_ids[number] & frame_words
                            for word in words:
                                bits = word_masks.get(word)
                                if bits is None:
                                    at = map(at_sentence, occurrences[word])
                                    bits = word_masks[word] = reduce(or_, map(bits_of, at), 0)
                                mask |= bits
                            masks[number] = mask
                        common &= mask
                        if not common:
                            break
                    if not common:
                        continue
                full[m].append(n)
        if len(keys) > 1:
            for numbers in full:
                numbers.sort()  # the frames' order
        self._last = (index, full)
        return full
