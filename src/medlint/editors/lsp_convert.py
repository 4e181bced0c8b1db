"""medlint's violations and edits in the shapes of the Language Server Protocol:
diagnostics, ranges (in the negotiated position encoding) and code actions."""

from __future__ import annotations

from lsprotocol import types

from ..violation import Severity, Violation
from .edits import TextEdit, preview
from .positions import LineIndex

SOURCE = "medlint"
SEVERITIES = {
    Severity.error: types.DiagnosticSeverity.Error,
    Severity.warning: types.DiagnosticSeverity.Warning,
    Severity.info: types.DiagnosticSeverity.Information,
}


def lsp_range(index: LineIndex, violation: Violation) -> types.Range:
    start, end = index.span(
        violation.line, violation.column, violation.end_line, violation.end_column
    )
    return types.Range(start=point(index, start), end=point(index, end))


def point(index: LineIndex, offset: int) -> types.Position:
    line, character = index.position(offset)
    return types.Position(line=line, character=character)


def diagnostic(index: LineIndex, violation: Violation) -> types.Diagnostic:
    """The LSP diagnostic of a violation: message, then what to write and why."""
    lines = [violation.message]
    if violation.suggestion:
        lines.append(f"建议 instead: {violation.suggestion}")
    if violation.basis:
        lines.append(f"依据 basis: {violation.basis}")
    return types.Diagnostic(
        range=lsp_range(index, violation),
        message="\n".join(lines),
        severity=SEVERITIES[violation.severity],
        code=violation.rule,
        source=SOURCE,
        data={"name": violation.name, "category": violation.category},
    )


def error_diagnostic(message: str) -> types.Diagnostic:
    """A problem that stopped the check (configuration, size, time limit)."""
    start = types.Position(line=0, character=0)
    return types.Diagnostic(
        range=types.Range(start=start, end=start),
        message=f"medlint: error: {message}",
        severity=types.DiagnosticSeverity.Error,
        source=SOURCE,
    )


def describe(text: str, start: int, end: int, edits: list[TextEdit]) -> str:
    """A short title for the edits of a span: ``old → new``, or what is inserted."""
    if all(e.start == e.end for e in edits) and not any(start < e.start < end for e in edits):
        return f"插入 insert “{shorten(''.join(e.new for e in edits))}”"
    old, new = preview(text, start, end, edits)
    return f"“{shorten(old)}” → “{shorten(new)}”"


def shorten(text: str, limit: int = 24) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def action(
    title: str,
    kind: str,
    uri: str,
    index: LineIndex,
    edits: list[TextEdit],
    diagnostics: list[types.Diagnostic],
    preferred: bool = False,
) -> types.CodeAction:
    changes = [
        types.TextEdit(
            range=types.Range(start=point(index, e.start), end=point(index, e.end)), new_text=e.new
        )
        for e in sorted(edits, key=lambda e: (e.start, e.end))
    ]
    return types.CodeAction(
        title=title,
        kind=kind,
        diagnostics=diagnostics or None,
        is_preferred=preferred or None,
        edit=types.WorkspaceEdit(changes={uri: changes}),
    )
