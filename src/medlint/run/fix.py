"""Fixes: the standard disclaimer appended, overclaim phrases replaced; written safely.

A fix is *safe* when it cannot change what the article says about medicine:

- appending the rule's standard disclaimer (``fix_text`` of a ``required`` rule) to an
  article that has none of it is safe; appending it next to an incomplete disclaimer
  is unsafe (a person should merge the two);
- replacing a phrase by the wording a ``forbidden`` rule gives in ``replacements`` is
  safe only when the rule says ``replacements_safe: true``, which a rule may say only
  when the replacement is right in every context (a heading, a metaphor, a quotation);
  a word swap hardly ever is, and no rule of the default pack says it.

Every fix is verified by checking the fixed text again: a fix that does not remove its
violation, or that adds another, is dropped. So a second run changes nothing. Edits are
made on the decoded text with its own line endings; nothing but the replaced phrase is
ever removed. Files are written atomically in their own encoding and byte-order mark,
only inside the folders given, and left alone when they changed on disk after they were
read (see :mod:`medlint.run.safe_write`). A custom disclaimer wording must be one paragraph
of prose (see :mod:`medlint.prose`): it is text for readers, never markup or commands.
"""

from __future__ import annotations

import difflib
import html
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..analysis.normalize import normalise
from ..checks.patterns import Patterns
from ..documents import document_format, read_document
from ..documents.base import is_blank, normalise_newlines
from ..documents.files import Decoded
from ..prose import prose_problem
from ..violation import Violation
from .engine import Linter
from .safe_write import write_fix

if TYPE_CHECKING:
    from ..rules.models import ForbiddenRule, RequiredRule
    from .workspace import ConfiguredLinter

_NEWLINE = re.compile(r"\r\n|\r|\n")
_ENDS_BLANK = re.compile(r"\n[ \t]*\n\s*\Z")
_BODY_END = re.compile(r"</body\s*>", re.I)
MAX_EDITS = 500  # per file; each edit is verified by checking the file again


class FixError(Exception):
    """A fix option that cannot be used (e.g. a disclaimer text that does not comply)."""


@dataclass(frozen=True)
class Edit:
    """Replace ``text[start:end]`` (indices in the decoded text) by ``new``."""

    start: int
    end: int
    new: str
    rule: str
    key: tuple[object, ...] = ()


@dataclass
class FixOutcome:
    """What fixing one article did, and what is left."""

    path: str
    original: str
    fixed: str
    fixed_rules: list[str] = field(default_factory=list)
    remaining: list[Violation] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.fixed != self.original

    def diff(self) -> str:
        """A unified diff from the original to the fixed text."""
        lines = difflib.unified_diff(
            self.original.splitlines(keepends=True),
            self.fixed.splitlines(keepends=True),
            f"a/{self.path}",
            f"b/{self.path}",
        )
        return "".join(line if line.endswith(("\n", "\r")) else line + "\n" for line in lines)


class Fixer:
    """Plans, verifies and applies the fixes of one linter's rules."""

    def __init__(
        self,
        linter: Linter | ConfiguredLinter,
        *,
        unsafe: bool = False,
        disclaimer_text: str | None = None,
    ) -> None:
        self.linter = linter
        self.unsafe = unsafe
        self.rules = {rule.code: rule for rule in linter.pack.rules}
        self.wording: dict[str, str] = {}
        for rule in linter.pack.rules:
            if rule.kind != "required":
                continue
            custom = disclaimer_text if rule.category == "disclaimer" else None
            text = (custom or rule.fix_text).strip()
            if custom and (problem := prose_problem(custom)):
                raise FixError(f"the disclaimer text {problem}")
            if text:
                missing = rule.missing_from(normalise(text).lower())
                if missing:
                    raise FixError(
                        f"the disclaimer text does not satisfy {rule.code}: "
                        f"it lacks {'、'.join(missing)}"
                    )
                self.wording[rule.code] = text

    def fix_text(self, path: str, text: str) -> FixOutcome:
        """Fix ``text`` (the decoded article ``path``) as far as is safe."""
        if is_blank(text):  # like ``check``: nothing to check, nothing to fix
            return FixOutcome(path, text, text)
        current = text
        violations = self.linter.check_text(current, path)
        rejected: set[tuple[object, ...]] = set()
        fixed: list[str] = []
        for _ in range(MAX_EDITS):
            edits = [e for e in self._plan(path, current, violations) if e.key not in rejected]
            if not edits:
                break
            batch = edits
            accepted = self._try(path, current, violations, batch)
            if accepted is None and len(edits) > 1:
                batch = edits[:1]
                accepted = self._try(path, current, violations, batch)
            if accepted is None:
                rejected.add(edits[0].key)
                continue
            current, violations = accepted
            fixed.extend(edit.rule for edit in batch)
        return FixOutcome(path, text, current, fixed, violations)

    def _try(
        self, path: str, text: str, before: list[Violation], edits: list[Edit]
    ) -> tuple[str, list[Violation]] | None:
        """The edited text and its violations, if the edits fixed something and broke nothing."""
        edited = apply_edits(text, edits)
        old, new = self._findings(path, text), self._findings(path, edited)
        if any(new[rule] > old[rule] for rule in new) or sum(new.values()) >= sum(old.values()):
            return None
        return edited, self.linter.check_text(edited, path)

    def _findings(self, path: str, text: str) -> Counter[str]:
        """Findings per rule, before the report keeps one overclaim per line."""
        article = self.linter.article(read_document(path, text))
        return Counter(check.rule.code for check in self.linter.checks for _ in check.run(article))

    def _plan(self, path: str, text: str, violations: list[Violation]) -> list[Edit]:
        starts = [0] + [m.end() for m in _NEWLINE.finditer(text)]
        edits: list[Edit] = []
        taken: list[tuple[int, int]] = []
        for violation in violations:
            rule = self.rules.get(violation.rule)
            edit = None
            if rule is None:
                pass
            elif rule.kind == "forbidden":
                edit = self._replacement(rule, violation, text, starts)
            elif rule.kind == "required" and rule.code in self.wording:
                edit = self._disclaimer(rule, path, text)
            if edit is None or any(a < edit.end and edit.start < b for a, b in taken):
                continue
            if edit.start == edit.end and any(a == edit.start for a, _ in taken):
                continue
            taken.append((edit.start, edit.end))
            edits.append(edit)
        return edits

    def _replacement(
        self, rule: ForbiddenRule, violation: Violation, text: str, starts: list[int]
    ) -> Edit | None:
        if not rule.replacements or not (rule.replacements_safe or self.unsafe):
            return None
        if violation.line != violation.end_line or violation.line > len(starts):
            return None
        start = starts[violation.line - 1] + violation.column - 1
        end = starts[violation.line - 1] + violation.end_column
        claim = text[start:end]
        if claim != violation.text:  # markup, an entity or an invisible character inside
            return None
        folded = normalise(claim).lower()
        phrases = sorted(rule.replacements, key=len, reverse=True)
        for phrase in phrases:
            at = folded.find(normalise(phrase).lower())
            if at >= 0:
                return Edit(
                    start + at,
                    start + at + len(phrase),
                    rule.replacements[phrase],
                    rule.code,
                    (rule.code, violation.line, violation.column, claim),
                )
        return None

    def _disclaimer(self, rule: RequiredRule, path: str, text: str) -> Edit | None:
        if _attempted(self.linter, rule, path, text) and not self.unsafe:
            return None
        wording = self.wording[rule.code]
        newline = m.group(0) if (m := _NEWLINE.search(text)) else "\n"
        if document_format(path) == "html":
            block = f"<p>{html.escape(wording, quote=False)}</p>{newline}"
            body_end = list(_BODY_END.finditer(text))
            if body_end:
                at = body_end[-1].start()
                lead = "" if at == 0 or text[at - 1] in "\r\n" else newline
                return Edit(at, at, lead + block, rule.code, (rule.code,))
            wording = block.removesuffix(newline)
        end = len(text)
        if not text.strip() or _ENDS_BLANK.search(normalise_newlines(text)):
            lead = ""
        elif text.endswith(("\n", "\r")):
            lead = newline
        else:
            lead = newline * 2
        return Edit(end, end, f"{lead}{wording}{newline}", rule.code, (rule.code,))


def _attempted(linter: Linter | ConfiguredLinter, rule: RequiredRule, path: str, text: str) -> bool:
    """The article has an incomplete disclaimer, as the ``required`` check sees one:
    a unit with the first element, or a last unit with any element."""
    article = linter.article(read_document(path, text))
    structure = article.structure
    units = structure.paragraphs if rule.scope == "paragraph" else structure.sentences
    elements = [Patterns(p) for p in rule.elements.values()]
    if any(elements[0].search(article.text, first, last) for first, last in units):
        return True
    return bool(units) and any(p.search(article.text, *units[-1]) for p in elements)


def apply_edits(text: str, edits: list[Edit]) -> str:
    """``text`` with non-overlapping ``edits`` applied."""
    parts = []
    position = 0
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        parts.append(text[position : edit.start])
        parts.append(edit.new)
        position = edit.end
    parts.append(text[position:])
    return "".join(parts)


def write_atomic(
    path: str, decoded: Decoded, text: str, roots: Iterable[str] | None = None
) -> None:
    """Replace the file's content by ``text``, encoded as it was read, all or nothing,
    inside ``roots`` (see :mod:`medlint.run.safe_write`, which says when a fix is not written).

    Raises :class:`InputError` if the file changed since it was read, or cannot be written.
    """
    write_fix(path, decoded, text, roots)
