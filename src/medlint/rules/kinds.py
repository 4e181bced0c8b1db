"""What the checks use of a rule pack: plain objects, without pydantic.

The rule models (:mod:`medlint.rules.models`, pydantic) are the one definition of each
rule's shape and validate the YAML; a validated pack is turned into the plain objects of
this module, whose attributes are exactly the model's fields (its JSON dump, read back
by :meth:`Plain.restore`), and the pack cache stores and restores that same dump. So a
start from the cache and a start from the YAML hand the checks the same objects, and a
start from the cache imports no pydantic.

The behaviour the checks need of a rule (``per_article``, the examples, ``missing_from``)
lives in the mixins here, which the models inherit too: both representations answer
alike. The checks tell the kinds apart by ``kind``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from enum import Enum
from typing import TYPE_CHECKING, Any, ClassVar

from ..analysis.context import ContextMethods
from ..violation import Severity

_MARK = re.compile(r"<mark>(.*?)</mark>", re.S)


class Damaged(ValueError):
    """Stored data that is not what a validated model dumps."""


class CaseMethods:
    """A marked test case's readings of its ``text``."""

    if TYPE_CHECKING:
        text: str
        name: str

    @property
    def plain(self) -> str:
        """The text without its marks: what is checked."""
        return _MARK.sub(lambda m: m.group(1), self.text)

    @property
    def spans(self) -> list[tuple[int, int]]:
        """Each marked span as (start, end) offsets into :attr:`plain`."""
        spans, removed = [], 0
        for match in _MARK.finditer(self.text):
            start = match.start() - removed
            spans.append((start, start + len(match.group(1))))
            removed += len(match.group(0)) - len(match.group(1))
        return spans

    @property
    def label(self) -> str:
        return self.name or self.plain[:30]


class RuleMethods:
    """What every rule kind answers besides its fields."""

    if TYPE_CHECKING:
        examples: Any
        cases: list[Any]

    per_article = False
    """True for rules that judge the whole article (reported once, at an anchor) rather
    than each claim at its own span. Per-article violations are suppressed only by
    ``medlint-disable-file``, keyed without their text in baselines, and kept by
    ``--changed-since`` whenever their file changed."""

    @property
    def bad_examples(self) -> list[str]:
        """Texts the rule flags: ``examples.bad`` and the marked cases (marks removed)."""
        return [*self.examples.bad, *(case.plain for case in self.cases if case.spans)]

    @property
    def good_examples(self) -> list[str]:
        """Texts the rule leaves alone: ``examples.good`` and the cases without a mark."""
        return [*self.examples.good, *(case.plain for case in self.cases if not case.spans)]


def missing_elements(elements: dict[str, list[str]], text: str) -> list[str]:
    """The elements (name -> patterns) none of whose patterns ``text`` holds."""
    return [
        name
        for name, patterns in elements.items()
        if not any(re.search(p, text, re.I) for p in patterns)
    ]


class RequiredMethods(RuleMethods):
    if TYPE_CHECKING:
        elements: dict[str, list[str]]

    per_article = True

    def missing_from(self, text: str) -> list[str]:
        """The elements that ``text`` (one paragraph) lacks."""
        return missing_elements(self.elements, text)


class PerArticleMethods(RuleMethods):
    per_article = True


_JSON = (str, int, float, bool, type(None))


def _check_json(value: Any, depth: int = 0) -> None:
    """``value`` is JSON data (what a dump holds), else :class:`Damaged`."""
    if isinstance(value, _JSON):
        return
    if depth > 8:
        raise Damaged("nested too deep")
    if isinstance(value, list):
        if set(map(type, value)) <= _STRINGS:  # the common case, in one C-level pass
            return
        for item in value:
            _check_json(item, depth + 1)
    elif isinstance(value, dict):
        if not set(map(type, value)) <= _STRINGS:
            raise Damaged("a key that is not a string")
        for item in value.values():
            _check_json(item, depth + 1)
    else:
        raise Damaged(type(value).__name__)


_STRINGS = {str}


class Plain:
    """An object whose attributes are the fields of a validated model's JSON dump."""

    nested: ClassVar[dict[str, Callable[[Any], Any]]] = {}
    """field -> how its dumped value is read back (a nested model, an enum)"""

    @classmethod
    def restore(cls, data: Any) -> Any:
        """The object a validated model dumped as ``data`` (:class:`Damaged` if it is
        not JSON data of that form)."""
        if not isinstance(data, dict):
            raise Damaged(cls.__name__)
        values = dict(data)
        for name, value in values.items():
            read = cls.nested.get(name)
            if read is not None:
                values[name] = read(value)
            else:
                _check_json(value)
        built = cls.__new__(cls)
        built.__dict__.update(values)
        return built

    def _fields(self) -> dict[str, Any]:
        kind = type(self)
        return {k: v for k, v in vars(self).items() if not hasattr(kind, k)}

    def __iter__(self) -> Iterator[tuple[str, Any]]:
        """(field, value) pairs, as a pydantic model gives them."""
        yield from self._fields().items()

    def model_dump(self, *, mode: str = "python") -> dict[str, Any]:
        """The fields as the model's ``model_dump`` gives them."""
        return {name: _dump(value, mode) for name, value in self._fields().items()}

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._fields() == other._fields()

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        shown = ", ".join(f"{k}={v!r}" for k, v in self._fields().items())
        return f"{type(self).__name__}({shown})"


def _dump(value: Any, mode: str) -> Any:
    if isinstance(value, Plain):
        return value.model_dump(mode=mode)
    if isinstance(value, Enum):
        return value.value if mode == "json" else value
    if isinstance(value, list):
        return [_dump(item, mode) for item in value]
    if isinstance(value, dict):
        return {key: _dump(item, mode) for key, item in value.items()}
    return value


def dump(model: Any) -> dict[str, Any]:
    """The JSON dump of a plain object or of a model (``model_dump(mode="json")``)."""
    return model.model_dump(mode="json")  # type: ignore[no-any-return]


def _list_of(read: Callable[[Any], Any]) -> Callable[[Any], list[Any]]:
    def read_list(value: Any) -> list[Any]:
        if not isinstance(value, list):
            raise Damaged("list")
        return [read(item) for item in value]

    return read_list


def _severity(value: Any) -> Severity:
    try:
        return Severity(value)
    except ValueError:
        raise Damaged("severity") from None


class ExamplesPlain(Plain):
    pass


class CasePlain(CaseMethods, Plain):
    pass


_RULE_FIELDS: dict[str, Callable[[Any], Any]] = {
    "severity": _severity,
    "examples": ExamplesPlain.restore,
    "cases": _list_of(CasePlain.restore),
}


class StoredCases:
    """The test cases of the rules of a stored pack, read back when first asked for (the
    checks never use them): the JSON text of a list with, per rule in the pack's order,
    ``null`` for a rule stored whole, else the place of ``cases`` among its fields and
    the case dumps."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._read: list[tuple[int, list[Any]] | None] | None = None

    def of(self, number: int) -> tuple[int, list[Any]] | None:
        """The place among its fields and the cases of rule ``number``, ``None`` for a
        rule stored whole (:class:`Damaged` if the text is not what the cache writes)."""
        if self._read is None:
            try:
                data = json.loads(self.text)
            except ValueError:
                raise Damaged("cases") from None
            if not isinstance(data, list):
                raise Damaged("cases")
            self._read = [None if item is None else _placed_cases(item) for item in data]
        if not 0 <= number < len(self._read):
            raise Damaged("cases")
        return self._read[number]


def _placed_cases(item: Any) -> tuple[int, list[Any]]:
    if not (isinstance(item, list) and len(item) == 2 and type(item[0]) is int):
        raise Damaged("cases")
    return item[0], _list_of(CasePlain.restore)(item[1])


class RulePlain(Plain):
    """A rule's plain object; one restored from the pack cache without its ``cases``
    reads them when first asked for (:func:`defer_cases`), and holds them from then on,
    in their place among its fields."""

    nested = _RULE_FIELDS

    def __getattr__(self, name: str) -> Any:
        if name == "cases" and "_stored_cases" in self.__dict__:
            self._take_cases()
            if "cases" in self.__dict__:  # else stored without them
                return self.__dict__["cases"]
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def _take_cases(self) -> None:
        fields = self.__dict__
        stored = fields.pop("_stored_cases", None)
        if stored is None:
            return
        cases, number = stored
        taken = cases.of(number)
        if taken is None:
            return
        place, value = taken
        items = list(fields.items())
        items.insert(place, ("cases", value))
        fields.clear()
        fields.update(items)

    def _fields(self) -> dict[str, Any]:
        self._take_cases()
        return super()._fields()


def defer_cases(rule: Any, cases: StoredCases, number: int) -> None:
    """Let ``rule`` (rule ``number`` of a pack restored from the cache, without its
    cases) read its cases from ``cases`` when first asked for."""
    rule.__dict__["_stored_cases"] = (cases, number)


class ForbiddenPlain(RuleMethods, RulePlain):
    pass


class RequiredPlain(RequiredMethods, RulePlain):
    pass


class CoveragePlain(PerArticleMethods, RulePlain):
    pass


class CooccurrencePlain(PerArticleMethods, RulePlain):
    pass


class ScorerPlain(RuleMethods, RulePlain):
    pass


RULE_KINDS: dict[str, type[Plain]] = {
    "forbidden": ForbiddenPlain,
    "required": RequiredPlain,
    "coverage": CoveragePlain,
    "cooccurrence": CooccurrencePlain,
    "scorer": ScorerPlain,
}


class TopicItemPlain(Plain):
    pass


class TopicExamplesPlain(Plain):
    pass


class TopicPlain(Plain):
    nested: ClassVar[dict[str, Callable[[Any], Any]]] = {
        "items": _list_of(TopicItemPlain.restore),
        "examples": TopicExamplesPlain.restore,
    }


class ContextPlain(ContextMethods, Plain):
    pass


def restore_rule(data: Any) -> Any:
    """A rule from its dump, of the plain kind its ``kind`` names."""
    kind = RULE_KINDS.get(str(data.get("kind"))) if isinstance(data, dict) else None
    if kind is None:
        raise Damaged("rule kind")
    return kind.restore(data)


def restore_topic(data: Any) -> Any:
    return TopicPlain.restore(data)


def restore_context(data: Any) -> Any:
    return ContextPlain.restore(data)
