"""Reporters: each turns violations into one output format."""

from __future__ import annotations

from .base import Reporter, Summary
from .concise import ConciseReporter
from .csv import CsvReporter
from .github import GithubReporter
from .gitlab import GitlabReporter
from .html import HtmlReporter
from .json import JsonReporter
from .json_lines import JsonLinesReporter
from .junit import JunitReporter
from .sarif import SarifReporter
from .statistics import JsonStatisticsReporter, StatisticsReporter
from .text import TextReporter

REPORTERS: dict[str, type[Reporter]] = {
    "text": TextReporter,
    "concise": ConciseReporter,
    "json": JsonReporter,
    "json-lines": JsonLinesReporter,
    "github": GithubReporter,
    "sarif": SarifReporter,
    "junit": JunitReporter,
    "gitlab": GitlabReporter,
    "csv": CsvReporter,
    "html": HtmlReporter,
}

# formats that read as text on a terminal; the others never get colour or excerpts
HUMAN_FORMATS = frozenset({"text", "concise"})


def statistics_reporter(format_name: str) -> type[Reporter]:
    """The ``--statistics`` reporter suited to ``format_name``."""
    return JsonStatisticsReporter if format_name.startswith("json") else StatisticsReporter


__all__ = ["HUMAN_FORMATS", "REPORTERS", "Reporter", "Summary", "statistics_reporter"]
