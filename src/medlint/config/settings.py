"""Configuration: ``[tool.medlint]`` in ``pyproject.toml``, ``medlint.toml`` or ``.medlint.toml``.

Each file uses the configuration closest to it: medlint looks in the file's folder, then
in each parent, and takes the first ``.medlint.toml``, ``medlint.toml`` or
``pyproject.toml`` with a ``[tool.medlint]`` table (in that order of preference within a
folder). Configurations are not merged. ``--config FILE`` uses one file for everything;
``--isolated`` uses none. Paths in a configuration are relative to its folder.
Command-line options then apply on top (see :class:`Overrides`).
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from ..documents.files import DEFAULT_EXTENSIONS
from ..documents.reader import SUFFIXES
from ..version import __version__
from ..violation import Severity

if TYPE_CHECKING:
    from .schema import Config

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CONFIG_NAMES = (".medlint.toml", "medlint.toml", "pyproject.toml")


class ConfigError(Exception):
    """A configuration that cannot be used; the message is one line naming the file."""


class DefaultConfig:
    """The settings :class:`Config` gives when no file configures anything, without
    building the model (nor importing pydantic); a test holds the two equal."""

    def __init__(self) -> None:
        self.select: list[str] | None = None
        self.extend_select: list[str] = []
        self.ignore: list[str] = []
        self.per_file_ignores: dict[str, list[str]] = {}
        self.exclude: list[str] = []
        self.respect_gitignore = True
        self.severity: dict[str, Severity] = {}
        self.extra_rules: list[str] = []
        self.disclaimer_text: str | None = None
        self.extensions: list[str] | dict[str, str] | None = None
        self.allow_inline_suppression = True


@dataclass(frozen=True)
class ConfigFile:
    """A loaded configuration and the folder its relative paths start from."""

    path: Path | None
    root: Path
    config: Config


def parse_config(data: dict[str, Any], where: str) -> Config:
    from pydantic import ValidationError

    from .schema import Config, describe

    try:
        return Config.model_validate(data)
    except ValidationError as error:
        raise ConfigError(f"{where}: {describe(error)}") from None


def _table(path: Path) -> dict[str, Any] | None:
    """The medlint table of a config file; ``None`` for a pyproject without one."""
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: invalid TOML: {error}") from None
    except OSError as error:
        raise ConfigError(f"{path}: cannot read: {error.strerror}") from None
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("medlint")
        if table is not None and not isinstance(table, dict):
            raise ConfigError(f"{path}: [tool.medlint] must be a table")
        return table
    return data


def load_config(path: Path) -> ConfigFile:
    """Load one configuration file (``--config``); a pyproject needs no medlint table."""
    path = path.absolute()
    if not path.is_file():
        raise ConfigError(f"{path}: configuration file not found")
    table = _table(path) or {}
    return ConfigFile(path, path.parent, parse_config(table, str(path)))


def find_config(
    directory: Path, cache: dict[Path, ConfigFile | None] | None = None
) -> ConfigFile | None:
    """The configuration closest to ``directory`` (absolute), searching upward.

    ``cache`` (folder -> result) spares re-reading parents for sibling folders in a run.
    """
    cache = {} if cache is None else cache
    if directory in cache:
        return cache[directory]
    found = None
    for name in CONFIG_NAMES:
        candidate = directory / name
        if candidate.is_file():
            table = _table(candidate)
            if table is not None:
                found = ConfigFile(candidate, directory, parse_config(table, str(candidate)))
                break
    if found is None and directory.parent != directory:
        found = find_config(directory.parent, cache)
    cache[directory] = found
    return found


@dataclass(frozen=True)
class Overrides:
    """What the command line (or the Python API) says on top of the configuration files.

    ``select`` replaces the configuration's ``select``; ``extend_select`` and ``ignore``
    add to it; ``rules`` adds rule folders; ``config`` replaces every configuration file.
    """

    config: ConfigFile | None = None
    isolated: bool = False
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    rules: tuple[Path, ...] = ()
    disclaimer_text: str | None = None


@dataclass(frozen=True)
class Settings:
    """The resolved settings for one file: its configuration plus the overrides."""

    file: ConfigFile
    overrides: Overrides = field(default_factory=Overrides)

    @property
    def config(self) -> Config:
        return self.file.config

    @property
    def select(self) -> list[str]:
        if self.overrides.select is not None:
            return list(self.overrides.select)
        return list(self.config.select) if self.config.select is not None else ["ALL"]

    @property
    def extend_select(self) -> list[str]:
        return [*self.config.extend_select, *self.overrides.extend_select]

    @property
    def ignore(self) -> list[str]:
        return [*self.config.ignore, *self.overrides.ignore]

    @property
    def rule_folders(self) -> tuple[Path, ...]:
        """Extra rule folders: a configuration's stay inside its folder (links resolved);
        the command line's are the caller's choice."""
        root = self.file.root.resolve()
        own = []
        for folder in self.config.extra_rules:
            real = (self.file.root / folder).resolve()
            if real != root and root not in real.parents:
                raise ConfigError(
                    f"{self.file.path}: extra-rules: {folder!r} leads outside the "
                    "configuration's folder"
                )
            for path in real.rglob("*") if real.is_dir() else ():
                if path.suffix in (".yaml", ".yml", ".txt") and root not in path.resolve().parents:
                    raise ConfigError(
                        f"{self.file.path}: extra-rules: {folder!r} holds a link to a file "
                        "outside the configuration's folder"
                    )
            own.append((self.file.root / folder).absolute())
        return tuple(own) + tuple(folder.absolute() for folder in self.overrides.rules)

    @property
    def disclaimer_text(self) -> str | None:
        return self.overrides.disclaimer_text or self.config.disclaimer_text

    @cached_property
    def extensions(self) -> dict[str, str]:
        """Suffix (lower case, with dot) -> document format."""
        given = self.config.extensions
        if given is None:
            given = list(DEFAULT_EXTENSIONS)
        if isinstance(given, list):
            return {_suffix(suffix): SUFFIXES.get(_suffix(suffix), "text") for suffix in given}
        return {_suffix(suffix): fmt for suffix, fmt in given.items()}

    def resolved(self) -> dict[str, Any]:
        """Every setting as it applies, in configuration-file spelling."""
        return {
            "select": self.select,
            "extend-select": self.extend_select,
            "ignore": self.ignore,
            "per-file-ignores": self.config.per_file_ignores,
            "exclude": self.config.exclude,
            "respect-gitignore": self.config.respect_gitignore,
            "severity": {key: level.value for key, level in self.config.severity.items()},
            "extra-rules": [str(folder) for folder in self.rule_folders],
            "disclaimer-text": self.disclaimer_text or "",
            "extensions": self.extensions,
            "allow-inline-suppression": self.config.allow_inline_suppression,
        }

    @cached_property
    def fingerprint(self) -> str:
        """A stable digest of everything that changes results (for caches)."""
        digest = hashlib.sha256(f"medlint {__version__}\n".encode())
        digest.update(json.dumps(self.resolved(), sort_keys=True).encode())
        digest.update(str(self.file.root).encode())
        for folder in self.rule_folders:
            for path in sorted(folder.rglob("*.y*ml")) if folder.is_dir() else ():
                digest.update(str(path).encode() + b"\0" + path.read_bytes())
        return digest.hexdigest()

    def describe(self) -> str:
        """The resolved settings as a TOML ``[tool.medlint]``-style listing."""
        where = str(self.file.path) if self.file.path else "(none: defaults)"
        lines = [f"# configuration: {where}", f"# root: {self.file.root}"]
        for key, value in self.resolved().items():
            if isinstance(value, dict):
                inline = ", ".join(f"{json.dumps(k)} = {json.dumps(v)}" for k, v in value.items())
                lines.append(f"{key} = {{ {inline} }}" if value else f"{key} = {{}}")
            else:
                lines.append(f"{key} = {json.dumps(value, ensure_ascii=False)}")
        return "\n".join(lines)


def _suffix(suffix: str) -> str:
    suffix = suffix.lower()
    return suffix if suffix.startswith(".") else f".{suffix}"


def settings_for(
    directory: Path, overrides: Overrides, cache: dict[Path, ConfigFile | None] | None = None
) -> Settings:
    """Settings for files in ``directory`` (absolute): the closest configuration."""
    if overrides.config is not None:
        return Settings(overrides.config, overrides)
    found = None if overrides.isolated else find_config(directory, cache)
    # the defaults, as ``Config()`` gives them (no value to validate: no model to build)
    default = cast("Config", DefaultConfig())
    return Settings(found or ConfigFile(None, Path(os.getcwd()), default), overrides)


def __getattr__(name: str) -> Any:
    if name == "Config":  # the pydantic model, imported when a configuration is read
        from .schema import Config

        return Config
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
