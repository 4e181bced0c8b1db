"""The one violation record that every check produces and every reporter prints.

A plain frozen object (no validation when a check makes one: the checks give exactly
these types); :meth:`Violation.model_validate` checks the types of data read back from
a stored result. ``model_dump``, ``model_copy`` and ``model_fields`` keep the spelling
of the pydantic models of the rest of the API.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from enum import Enum
from typing import Any


class Severity(str, Enum):
    """How serious a violation is; ``error`` fails a run."""

    error = "error"
    warning = "warning"
    info = "info"

    @property
    def rank(self) -> int:
        return {"info": 0, "warning": 1, "error": 2}[self.value]


# field -> type, in report order; the last four default to ""
_TYPES: dict[str, type] = {
    "path": str, "line": int, "column": int, "end_line": int, "end_column": int,
    "rule": str, "name": str, "category": str, "severity": Severity, "message": str,
    "suggestion": str, "basis": str, "text": str, "topic": str,
}
_FIELDS = tuple(_TYPES)
_OPTIONAL = ("suggestion", "basis", "text", "topic")
_set = object.__setattr__


class Violation:
    """One place where an article breaks a rule; positions are 1-based, ends inclusive."""

    __slots__ = _FIELDS
    model_fields: dict[str, type] = _TYPES

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    rule: str
    name: str
    category: str
    severity: Severity
    message: str
    suggestion: str
    basis: str
    text: str
    topic: str

    def __init__(
        self, *, path: str, line: int, column: int, end_line: int, end_column: int,
        rule: str, name: str, category: str, severity: Severity | str, message: str,
        suggestion: str = "", basis: str = "", text: str = "", topic: str = "",
    ) -> None:
        _set(self, "path", path)
        _set(self, "line", line)
        _set(self, "column", column)
        _set(self, "end_line", end_line)
        _set(self, "end_column", end_column)
        _set(self, "rule", rule)
        _set(self, "name", name)
        _set(self, "category", category)
        _set(self, "severity", Severity(severity))
        _set(self, "message", message)
        _set(self, "suggestion", suggestion)
        _set(self, "basis", basis)
        _set(self, "text", text)
        _set(self, "topic", topic)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Violation is frozen: cannot set {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"Violation is frozen: cannot delete {name!r}")

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in _FIELDS)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in _FIELDS)
        return f"Violation({shown})"

    def __iter__(self) -> Iterator[tuple[str, Any]]:
        """(field, value) pairs, as a pydantic model gives them."""
        for name in _FIELDS:
            yield name, getattr(self, name)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, self._values())

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.rule)

    def model_dump(
        self, *, mode: str = "python", exclude: Iterable[str] | None = None
    ) -> dict[str, Any]:
        """The fields as a dict in report order (``mode="json"``: the severity's value)."""
        left = set(exclude) if exclude is not None else ()
        data = {name: getattr(self, name) for name in _FIELDS if name not in left}
        if mode == "json" and "severity" in data:
            data["severity"] = data["severity"].value
        return data

    def model_copy(self, *, update: Mapping[str, Any] | None = None) -> Violation:
        """A copy with the fields of ``update`` replaced (not validated)."""
        copy = Violation.__new__(Violation)
        for name in _FIELDS:
            _set(copy, name, getattr(self, name))
        for name, value in (update or {}).items():
            if name not in _TYPES:
                raise AttributeError(f"Violation has no field {name!r}")
            _set(copy, name, value)
        return copy

    @classmethod
    def model_validate(cls, data: Mapping[str, Any]) -> Violation:
        """A violation from stored data, every field of its type (``ValueError`` else)."""
        if not isinstance(data, Mapping):
            raise ValueError("a violation is a mapping")
        unknown = set(data) - set(_TYPES)
        if unknown:
            raise ValueError(f"unknown fields {sorted(unknown)}")
        values: dict[str, Any] = {}
        for name, kind in _TYPES.items():
            if name not in data:
                if name in _OPTIONAL:
                    continue
                raise ValueError(f"missing field {name!r}")
            value = data[name]
            if kind is int:
                if type(value) is not int:
                    raise ValueError(f"{name}: not an integer")
            elif kind is Severity:
                value = Severity(value)  # ValueError for an unknown level
            elif not isinstance(value, str):
                raise ValueError(f"{name}: not a string")
            values[name] = value
        return cls(**values)


def _rebuild(*values: Any) -> Violation:
    return Violation(**dict(zip(_FIELDS, values, strict=True)))
