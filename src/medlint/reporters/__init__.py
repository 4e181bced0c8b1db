"""Reporters: each turns violations into one output format."""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping
from typing import Any

from .base import Reporter, Summary

# format → (module, class); a reporter's module is imported when its format is used
_CLASSES: dict[str, tuple[str, str]] = {
    "text": ("text", "TextReporter"),
    "concise": ("concise", "ConciseReporter"),
    "json": ("json", "JsonReporter"),
    "json-lines": ("json_lines", "JsonLinesReporter"),
    "github": ("github", "GithubReporter"),
    "sarif": ("sarif", "SarifReporter"),
    "junit": ("junit", "JunitReporter"),
    "gitlab": ("gitlab", "GitlabReporter"),
    "csv": ("csv", "CsvReporter"),
    "html": ("html", "HtmlReporter"),
}


def _load(module: str, name: str) -> Any:
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)


class _Reporters(Mapping[str, "type[Reporter]"]):
    """Reporter classes by format name, each imported on first use."""

    def __getitem__(self, format_name: str) -> type[Reporter]:
        module, name = _CLASSES[format_name]
        reporter: type[Reporter] = _load(module, name)
        return reporter

    def __iter__(self) -> Iterator[str]:
        return iter(_CLASSES)

    def __len__(self) -> int:
        return len(_CLASSES)


REPORTERS: Mapping[str, type[Reporter]] = _Reporters()

# formats that read as text on a terminal; the others never get colour or excerpts
HUMAN_FORMATS = frozenset({"text", "concise"})


def statistics_reporter(format_name: str) -> type[Reporter]:
    """The ``--statistics`` reporter suited to ``format_name``."""
    name = "JsonStatisticsReporter" if format_name.startswith("json") else "StatisticsReporter"
    reporter: type[Reporter] = _load("statistics", name)
    return reporter


__all__ = ["HUMAN_FORMATS", "REPORTERS", "Reporter", "Summary", "statistics_reporter"]
