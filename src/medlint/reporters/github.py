"""``github``: GitHub Actions workflow commands, shown as annotations on pull requests.

``::error file=F,line=L,col=C,endLine=L2,endColumn=C2,title=T::message``; warnings and
infos become ``::warning`` and ``::notice``. Escaping follows the Actions runner: in the
message ``%``, ``\\r`` and ``\\n``; in properties also ``:`` and ``,``.
"""

from __future__ import annotations

from ..filters.baseline import key_path
from ..violation import Violation
from .base import Reporter

_COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


class GithubReporter(Reporter):
    def file(self, path: str, source: str | None, violations: list[Violation]) -> None:
        for v in violations:
            properties = {
                "file": key_path(v.path),
                "line": v.line,
                "col": v.column,
                "endLine": v.end_line,
                "endColumn": v.end_column,
                "title": f"{v.rule} {v.name}",
            }
            props = ",".join(f"{k}={escape_property(str(x))}" for k, x in properties.items())
            message = v.message
            if v.suggestion:
                message += f"\n建议：{v.suggestion}"
            if v.basis:
                message += f"\n依据：{v.basis}"
            self.out.write(f"::{_COMMANDS[v.severity.value]} {props}::{escape_data(message)}\n")
