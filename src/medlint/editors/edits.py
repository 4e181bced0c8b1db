"""Text edits: the difference a fix made, as small replacements, and suppression comments."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from ..documents.reader import document_format


@dataclass(frozen=True)
class TextEdit:
    """Replace ``text[start:end]`` (code-point offsets) by ``new``."""

    start: int
    end: int
    new: str

    def overlaps(self, start: int, end: int) -> bool:
        """Touches the span [start, end): overlaps it, or inserts inside or at its edges."""
        if self.start == self.end:
            return start <= self.start <= end
        return self.start < max(end, start + 1) and start < self.end


def diff_edits(old: str, new: str) -> list[TextEdit]:
    """Small edits that turn ``old`` into ``new``: lines first, then characters in the
    lines that changed (fast on long articles with a few changes)."""
    old_lines = old.splitlines(keepends=True)
    new_lines = new.splitlines(keepends=True)
    starts = [0]
    for line in old_lines:
        starts.append(starts[-1] + len(line))
    edits: list[TextEdit] = []
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        before, after = "".join(old_lines[i1:i2]), "".join(new_lines[j1:j2])
        base = starts[i1]
        if tag != "replace":
            edits.append(TextEdit(base, base + len(before), after))
            continue
        chars = difflib.SequenceMatcher(None, before, after, autojunk=False)
        for ctag, a1, a2, b1, b2 in chars.get_opcodes():
            if ctag != "equal":
                edits.append(TextEdit(base + a1, base + a2, after[b1:b2]))
    return edits


def apply(text: str, edits: list[TextEdit]) -> str:
    """``text`` with non-overlapping ``edits`` applied."""
    for edit in sorted(edits, key=lambda e: (e.start, e.end), reverse=True):
        text = text[: edit.start] + edit.new + text[edit.end :]
    return text


def preview(text: str, start: int, end: int, edits: list[TextEdit]) -> tuple[str, str]:
    """``text[start:end]`` widened to the edits, before and after them (for a title)."""
    low = min([start, *(e.start for e in edits)])
    high = max([end, *(e.end for e in edits)])
    moved = [TextEdit(e.start - low, e.end - low, e.new) for e in edits]
    return text[low:high], apply(text[low:high], moved)


def disable_comment(path: str, kind: str, code: str, fmt: str | None = None) -> str:
    """A suppression directive for ``code`` in the comment form the file's format reads."""
    if (fmt or document_format(path)) == "text":
        return f"# medlint-{kind} {code}"
    return f"<!-- medlint-{kind} {code} -->"
