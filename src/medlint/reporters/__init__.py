"""Reporters: each turns violations into one output format."""

from __future__ import annotations

from .base import Reporter, Summary
from .csv import CsvReporter
from .html import HtmlReporter
from .json import JsonReporter
from .text import TextReporter

REPORTERS: dict[str, type[Reporter]] = {
    "text": TextReporter,
    "json": JsonReporter,
    "csv": CsvReporter,
    "html": HtmlReporter,
}

__all__ = ["REPORTERS", "Reporter", "Summary"]
