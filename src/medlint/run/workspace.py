"""A run's view of the project: per-file settings, linters, suppression and file discovery.

Each file is checked with the settings of its closest configuration; a folder run may
therefore use several configurations (one per sub-project), like ruff's hierarchy.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from itertools import chain
from pathlib import Path

from ..checks.base import Article, Check
from ..config.selection import Selection, resolve, unknown
from ..config.settings import ConfigError, ConfigFile, Overrides, Settings, settings_for
from ..documents import Document, read_document
from ..documents.files import read_source
from ..documents.reader import document_format
from ..filters import suppression
from ..filters.pipeline import FileFilters
from ..rules import RulePack
from ..violation import Violation
from .discovery import discover
from .engine import Linter, load_linter, load_rules


class Workspace:
    """Checks files and texts, each with the settings that apply to it: a
    :class:`~medlint.run.runner.Checker` for a whole tree.

    ``check_text(text, path)`` checks ``text`` as if it were the file ``path`` on disk,
    with that file's configuration (what an editor needs for an unsaved buffer).
    """

    def __init__(self, overrides: Overrides | None = None) -> None:
        self.overrides = overrides or Overrides()
        self._settings: dict[str, Settings] = {}
        self._configs: dict[Path, ConfigFile | None] = {}
        self._selections: dict[tuple[Path | None, Path], Selection] = {}
        self._linters: dict[tuple[Path | None, Path], ConfiguredLinter] = {}

    def settings_for(self, path: str) -> Settings:
        """The settings for a file (or folder) at ``path``: those of its parent folder."""
        return self.settings_in(os.path.dirname(os.path.abspath(path)))

    def settings_in(self, directory: str) -> Settings:
        """The settings for files in ``directory`` (stdin: the current folder)."""
        directory = os.path.abspath(directory)
        if directory not in self._settings:
            self._settings[directory] = settings_for(
                Path(directory), self.overrides, self._configs
            )
        return self._settings[directory]

    def pack(self, settings: Settings) -> RulePack:
        return load_rules(settings.rule_folders)

    def selection(self, settings: Settings) -> Selection:
        """Selectors of the settings resolved (and validated) against its rules."""
        key = (settings.file.path, settings.file.root)
        if key in self._selections:
            return self._selections[key]
        pack = self.pack(settings)
        rules = [*pack.rules, suppression.UNUSED]
        where = str(settings.file.path or "configuration")
        config = settings.config
        checks = [
            (where + ": select", config.select or []),
            (where + ": extend-select", config.extend_select),
            (where + ": ignore", config.ignore),
            (where + ": severity", list(config.severity)),
            (where + ": per-file-ignores", [*chain(*config.per_file_ignores.values())]),
            ("--select", self.overrides.select or ()),
            ("--extend-select", self.overrides.extend_select),
            ("--ignore", self.overrides.ignore),
        ]
        for label, selectors in checks:
            bad = unknown(selectors, rules)
            if bad:
                raise ConfigError(f"{label}: unknown rule code or selector {bad[0]!r}")
        article = [rule.code for rule in pack.rules if rule.per_article]
        chosen = resolve(
            rules,
            settings.select + settings.extend_select,
            settings.ignore,
            config.severity,
            article,
        )
        self._selections[key] = chosen
        return chosen

    def linter(self, settings: Settings) -> ConfiguredLinter:
        """The linter for files under ``settings`` (compiled once per settings)."""
        key = (settings.file.path, settings.file.root)
        if key not in self._linters:
            selection = self.selection(settings)
            bare = load_linter(settings.rule_folders, selection)
            self._linters[key] = ConfiguredLinter(bare, settings, selection)
        return self._linters[key]

    def prepare(self, paths: Iterable[str]) -> None:
        """Load the settings and rules for each path given, so that a bad configuration
        or rule folder is reported even when no file is found."""
        for path in paths:
            self.linter(self.settings_in(path) if os.path.isdir(path) else self.settings_for(path))

    def linter_for(self, path: str) -> ConfiguredLinter:
        return self.linter(self.settings_for(path))

    def fingerprint(self, path: str) -> str:
        """A stable digest of the settings that apply to ``path`` (for result caches)."""
        return self.settings_for(path).fingerprint

    def files(
        self, paths: Iterable[str], on_error: Callable[[str, str], None] | None = None
    ) -> Iterator[str]:
        """The files to check under ``paths``, honouring exclude and .gitignore; folders
        that cannot be listed go to ``on_error(path, message)``."""
        return discover(paths, self.settings_for, on_error)

    def check_text(self, text: str, path: str = "<text>") -> list[Violation]:
        """Check ``text`` as the file ``path``, with the settings that apply to it."""
        return self.linter_for(path).check_text(text, path)

    def check_file(self, path: str) -> list[Violation]:
        return self.check_text(read_source(path), path)


class ConfiguredLinter:
    """A :class:`~medlint.run.engine.Linter` with one configuration's settings: after the
    rules, the file filters of :mod:`medlint.filters.pipeline` (severity, per-file
    ignores, inline suppression, unused suppressions).

    ``pack``, ``checks`` and ``article`` are the plain linter's.
    """

    def __init__(self, linter: Linter, settings: Settings, selection: Selection) -> None:
        self.linter = linter
        self.settings = settings
        self.selection = selection
        self.filters = FileFilters(settings, selection, linter.pack.rules)

    @property
    def pack(self) -> RulePack:
        return self.linter.pack

    @property
    def checks(self) -> list[Check]:
        return self.linter.checks

    def article(self, document: Document) -> Article:
        return self.linter.article(document)

    @property
    def disclaimer_text(self) -> str | None:
        return self.settings.disclaimer_text

    def check_text(self, text: str, path: str = "<text>") -> list[Violation]:
        """Check ``text`` as the file ``path``: the rules, then the file filters."""
        fmt = self.settings.extensions.get(Path(path).suffix.lower()) or document_format(path)
        document = read_document(path, text, fmt)
        found = self.linter.check_document(document)
        return self.filters.apply(path, document.source, fmt, found)

    def check_file(self, path: str) -> list[Violation]:
        return self.check_text(read_source(path), path)
