"""The linter: compiled checks run over documents, findings turned into violations."""

from __future__ import annotations

import gc
import threading
import weakref
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..analysis.segment import register_words
from ..checks import compile_rules
from ..checks.base import Article, Check, Finding
from ..checks.forbidden import ForbiddenCheck
from ..checks.names import Names
from ..checks.patterns import Patterns, Router, defer_indexing
from ..checks.scorer import ScorerCheck
from ..config.selection import Selection
from ..documents import Document, read_document
from ..documents.files import read_source
from ..rules import RulePack, default_rules_dir
from ..rules.loader import treatment_names
from ..rules.pack_cache import (
    load_frames,
    load_literals,
    load_pack_cached,
    store_frames,
    store_literals,
)
from ..violation import Severity, Violation

if TYPE_CHECKING:
    from ..rules.models import Rule

# what :meth:`Linter.compile` makes: looked up on an uncompiled linter, it compiles first
_COMPILED = frozenset(
    {"checks", "topic_patterns", "check_router", "topic_router", "uses", "cautions",
     "non_uses", "non_uses_after", "names"}
)
_PENDING: weakref.WeakSet[Linter] = weakref.WeakSet()  # made, not compiled yet
_COMPILE_LOCK = threading.RLock()


class Linter:
    """Rules compiled once; :meth:`check_text` and :meth:`check_file` run them.

    ``selection`` says which rules run and at what severity (default: all but the opt-in
    ones, as defined); a statistical hint's report on a line another selected rule of its
    category reports on is dropped;
    a plain set of codes selects those rules at their own severity. The rules are
    compiled when first needed (:meth:`compile`), so a run whose files all come from the
    result cache compiles nothing.
    """

    checks: list[Check]
    topic_patterns: dict[str, Patterns]
    check_router: Router
    topic_router: Router
    uses: Patterns
    cautions: Patterns
    non_uses: Patterns
    non_uses_after: Patterns
    names: Names

    def __init__(
        self, pack: RulePack, selection: Selection | Iterable[str] | None = None
    ) -> None:
        self.pack = pack
        if selection is not None and not isinstance(selection, Selection):
            selection = Selection(frozenset(selection))
        self.selection = selection
        assert pack.lexicon is not None
        self.lexicon = pack.lexicon
        self.rules = [
            r
            for r in pack.rules
            if (selection is None and not getattr(r, "opt_in", False))
            or (selection is not None and selection.enabled(r.code))
        ]
        """The selected rules, in the pack's order."""
        self.hints = frozenset(r.code for r in self.rules if r.kind == "scorer")
        """Codes of the selected statistical hints (see :func:`_drop_covered_hints`)."""
        self.compiled = False
        _PENDING.add(self)

    def __getattr__(self, name: str) -> Any:
        if name in _COMPILED and not self.__dict__.get("compiled", True):
            self.compile()
            return getattr(self, name)
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def compile(self) -> Linter:
        """Compile the selected rules, the topics and their words (once, whichever thread
        asks first); a start reuses the required literals of the patterns an earlier
        start parsed (pack cache). Each attribute appears complete, or not at all."""
        if self.compiled:
            return self
        with _COMPILE_LOCK, _no_collection():
            if self.compiled:
                return self
            pack = self.pack
            load_literals()
            # frames stored by an earlier start number every literal of the pack's
            # patterns: a pattern list need not work out its literals until first used
            defer_indexing(load_frames(pack))
            try:
                self._compile(pack)
            finally:
                defer_indexing(False)
            self.compiled = True
            _PENDING.discard(self)
        return self

    def _compile(self, pack: RulePack) -> None:
        """Compile the rules of ``pack``, its topics and words (see :meth:`compile`)."""
        lexicon = self.lexicon
        checks = compile_rules(self.rules, pack.lexicons)
        for check in checks:
            if isinstance(check, ScorerCheck):  # its word tables are kept beside the pack
                check.pack = pack
        topic_patterns: dict[str, Patterns] = {}
        for topic in pack.topics:
            topic_patterns[topic.id] = Patterns(topic.triggers)
            topic_patterns[f"{topic.id}#signs"] = Patterns(topic.serious_signs)
            topic_patterns[f"{topic.id}#other"] = Patterns(topic.other_uses)
            for item in topic.items:
                topic_patterns[f"{topic.id}#{item.name}"] = Patterns(item.patterns)
        coverage = [rule for rule in pack.rules if rule.kind == "coverage"]
        words = [w for check in checks for w in check.words()]
        # jieba keeps the words of every rule of the pack whole, selected or not, so
        # that a rule finds the same with ``--select`` as in a full run
        chosen = {id(rule) for rule in self.rules}
        others: list[Rule] = [
            r for r in pack.rules if id(r) not in chosen and r.kind != "scorer"
        ]
        extra: list[Check] = compile_rules(others, pack.lexicons) if others else []
        words += [w for check in extra for w in check.words()]
        words += [w for p in topic_patterns.values() for w in p.literals]
        register_words(words)
        self.uses = Patterns(lexicon.treatment_uses)
        self.cautions = Patterns([p for rule in coverage for p in rule.coverage])
        self.non_uses = Patterns([p for rule in coverage for p in rule.non_uses])
        self.non_uses_after = Patterns(
            [p for rule in coverage for p in rule.non_uses_after]
        )
        if pack.names is None:  # built once per pack, on first compile
            pack.names = treatment_names(pack)
        self.names = pack.names
        self.check_router = Router([check.wakes() for check in checks])
        self.topic_router = Router.of([topic_patterns[t.id] for t in pack.topics])
        self.topic_patterns = topic_patterns
        self.checks = checks
        store_literals()
        compiled = [f for c in [*checks, *extra] if isinstance(c, ForbiddenCheck)
                    for f in (c.frames, c.commerce)]
        if any(f.parsed for f in compiled):
            store_frames(pack, compiled)

    def article(self, document: Document) -> Article:
        return Article(
            document,
            self.lexicon,
            self.pack.topics,
            self.topic_patterns,
            self.uses,
            self.cautions,
            self.non_uses,
            self.non_uses_after,
            self.names,
            self.topic_router,
        )

    def check_document(self, document: Document) -> list[Violation]:
        """Every finding in ``document`` of every selected rule, at the rule's own
        severity, in order of position; each claim is its own violation. The filters
        (:mod:`medlint.filters.pipeline`) come after."""
        article = self.article(document)
        checks = self.checks
        woken = self.check_router.woken(article.text)
        if not self.hints:
            violations = [
                self._violation(document, finding)
                for index in woken
                for finding in checks[index].run(article)
            ]
            return sorted(violations, key=Violation.sort_key)
        # the hints run last, told the lines on which their reports would be dropped
        hints: list[ScorerCheck] = []
        violations = []
        for index in woken:
            check = checks[index]
            if isinstance(check, ScorerCheck) and check.rule.code in self.hints:
                hints.append(check)
            else:
                violations.extend(self._violation(document, f) for f in check.run(article))
        for hint in hints:
            category = hint.rule.category
            covered = {
                line
                for v in violations
                if v.category == category and v.rule not in self.hints
                for line in range(v.line, v.end_line + 1)
            }
            violations.extend(
                self._violation(document, f) for f in hint.run(article, covered)
            )
        violations = _drop_covered_hints(violations, self.hints)
        return sorted(violations, key=Violation.sort_key)

    def check_text(self, text: str, path: str = "<text>") -> list[Violation]:
        return self.check_document(read_document(path, text))

    def check_file(self, path: str) -> list[Violation]:
        return self.check_text(read_source(path), path)

    def _violation(self, document: Document, finding: Finding) -> Violation:
        rule = finding.rule
        if finding.line is not None:
            line_text = document.source_line(finding.line)
            position = (finding.line, 1, finding.line, max(1, len(line_text)))
            text = line_text.strip()
        else:
            position = document.span(finding.start, finding.end)
            text = document.prose[finding.start : finding.end]
        message = f"{rule.message}：{finding.detail}" if finding.detail else rule.message
        return Violation(
            path=document.path,
            line=position[0],
            column=position[1],
            end_line=position[2],
            end_column=position[3],
            rule=rule.code,
            name=rule.name,
            category=rule.category,
            severity=_severity(finding, rule.severity),
            message=message,
            suggestion=rule.suggestion,
            basis=rule.basis,
            text=text,
            topic=finding.topic,
        )


def _drop_covered_hints(violations: list[Violation], hints: frozenset[str]) -> list[Violation]:
    """Without the reports of a statistical hint (``hints``: rule codes) on a line that
    already holds a report of another selected rule of the hint's category: the hint
    adds what the other rules miss. A hint selected alone keeps every report."""
    covered = {
        (v.category, line)
        for v in violations
        if v.rule not in hints
        for line in range(v.line, v.end_line + 1)
    }
    if not covered:
        return violations
    return [
        v
        for v in violations
        if v.rule not in hints
        or not any((v.category, line) in covered for line in range(v.line, v.end_line + 1))
    ]


def _severity(finding: Finding, severity: Severity) -> Severity:
    """A claim in commercial context (C15) is an error, unless the rule is switched to info."""
    if finding.raised and severity is Severity.warning:
        return Severity.error
    return severity


@lru_cache(maxsize=8)
def load_rules(folders: tuple[Path, ...] = ()) -> RulePack:
    """The default pack plus extra rule folders, loaded and validated once."""
    with _no_collection():
        return load_pack_cached([default_rules_dir(), *folders])


_KEEP = [False]  # see keep_compiled()


def keep_compiled() -> None:
    """This process keeps the packs it reads and compiles until it ends (a ``check`` on
    the command line): once each is compiled, the cyclic garbage collector stops
    looking at every object that exists then (``gc.freeze``). Its first collections
    would otherwise walk them all (~25 ms of a one-file check), and a run's workers
    inherit them without touching their pages."""
    _KEEP[0] = True


@contextmanager
def _no_collection() -> Iterator[None]:
    """No cyclic garbage collection while a pack is read or compiled: they make many
    objects and no garbage, and each collection would look at all of them again."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if _KEEP[0]:
            gc.freeze()
        if enabled:
            gc.enable()


@lru_cache(maxsize=8)
def load_linter(folders: tuple[Path, ...] = (), selection: Selection | None = None) -> Linter:
    """The linter of a pack and selection (made once, compiled when first used)."""
    return Linter(load_rules(folders), selection)


def compile_pending() -> None:
    """Compile every linter made and not compiled yet (before workers fork, so that
    they inherit the compiled rules, and so that a broken rule fails the run, not a file)."""
    for linter in list(_PENDING):
        linter.compile()


def default_linter() -> Linter:
    return load_linter()
