"""The one place where the editors check and fix text: "check this text as if it were
the file PATH, with that file's configuration", through the path ``medlint check`` uses.

Everything here is pure: no file is written, nothing is remembered between calls but
the compiled rules and settings of the :class:`~medlint.workspace.Workspace`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..config import ConfigError, Overrides, load_config
from ..documents.base import is_blank
from ..documents.files import DEFAULT_MAX_FILE_SIZE
from ..rules import RulesError
from ..run.deadline import DEFAULT_TIMEOUT, Timeout, deadline
from ..run.fix import Fixer, FixError
from ..run.runner import check_one
from ..run.workspace import Workspace
from ..violation import Violation


@dataclass
class Checked:
    """What checking one text found; ``error`` is a one-line message, never a traceback."""

    violations: list[Violation] = field(default_factory=list)
    error: str | None = None


@dataclass
class Fixed:
    """The text after the safe fixes, the rules fixed, and what is left."""

    text: str
    fixed_rules: list[str] = field(default_factory=list)
    remaining: list[Violation] = field(default_factory=list)
    error: str | None = None


def make_workspace(
    config: Path | None = None,
    *,
    isolated: bool = False,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] = (),
    rules: Sequence[Path] = (),
) -> Workspace:
    """The settings the command-line options describe (as for ``medlint check``).

    Raises :class:`~medlint.config.ConfigError` for a configuration that cannot be used.
    """
    return Workspace(
        Overrides(
            config=load_config(config) if config else None,
            isolated=isolated,
            select=tuple(select) if select is not None else None,
            ignore=tuple(ignore),
            rules=tuple(rules),
        )
    )


def too_large(text: str, max_size: int | None = DEFAULT_MAX_FILE_SIZE) -> str | None:
    """The CLI's message for a text over the size limit (counted in UTF-8 bytes)."""
    size = len(text.encode("utf-8", "surrogatepass"))
    if max_size and size > max_size:
        return f"file too large ({size} bytes; the limit is {max_size}, see --max-file-size)"
    return None


def excluded(workspace: Workspace, path: str) -> bool:
    """The configuration's ``exclude`` leaves out the file, as ``medlint check PATH`` does."""
    return next(iter(workspace.files([path])), None) is None


def check_as(
    workspace: Workspace,
    path: str,
    text: str,
    *,
    max_size: int | None = DEFAULT_MAX_FILE_SIZE,
    timeout: float | None = DEFAULT_TIMEOUT,
) -> Checked:
    """Check ``text`` as the file ``path`` with the settings that apply to that file."""
    problem = too_large(text, max_size)
    if problem:
        return Checked(error=problem)
    try:
        workspace.linter_for(path)  # a bad configuration or rule folder, said in one line
    except (ConfigError, RulesError) as error:
        return Checked(error=str(error))
    result = check_one(workspace, path, text, max_size=max_size, timeout=timeout)
    return Checked(result.violations, result.error)


def fix_as(
    workspace: Workspace,
    path: str,
    text: str,
    *,
    max_size: int | None = DEFAULT_MAX_FILE_SIZE,
    timeout: float | None = DEFAULT_TIMEOUT,
) -> Fixed:
    """Apply the safe fixes to ``text`` as ``medlint check --fix`` would to ``path``."""
    problem = too_large(text, max_size)
    if problem:
        return Fixed(text, error=problem)
    if is_blank(text):
        return Fixed(text)
    try:
        linter = workspace.linter_for(path)
        fixer = Fixer(linter, disclaimer_text=linter.disclaimer_text)  # type: ignore[arg-type]
        with deadline(timeout):
            outcome = fixer.fix_text(path, text)
    except (ConfigError, RulesError, FixError) as error:
        return Fixed(text, error=str(error))
    except Timeout:
        return Fixed(text, error=f"gave up after {timeout:g} s (see --timeout)")
    except RecursionError:
        return Fixed(text, error="too deeply nested to check")
    except Exception as error:  # a bug: one line, never a traceback
        return Fixed(text, error=f"internal error: {type(error).__name__}: {error}")
    return Fixed(outcome.fixed, outcome.fixed_rules, outcome.remaining)
