"""``concise``: one ``path:line:col: CODE message`` line per violation, no excerpt."""

from __future__ import annotations

from typing import Any

from .text import TextReporter


class ConciseReporter(TextReporter):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.show_source = False
