"""The one violation model that every check produces and every reporter prints."""

from __future__ import annotations

from enum import Enum

from pydantic import BaseModel, ConfigDict


class Severity(str, Enum):
    """How serious a violation is; ``error`` fails a run."""

    error = "error"
    warning = "warning"
    info = "info"

    @property
    def rank(self) -> int:
        return {"info": 0, "warning": 1, "error": 2}[self.value]


class Violation(BaseModel):
    """One place where an article breaks a rule; positions are 1-based, ends inclusive."""

    model_config = ConfigDict(frozen=True, defer_build=True)

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
    suggestion: str = ""
    basis: str = ""
    text: str = ""
    topic: str = ""

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.rule)
