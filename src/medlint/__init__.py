"""medlint: a compliance linter for Chinese medical and health articles."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .version import __version__

if TYPE_CHECKING:
    from .run.workspace import Workspace
    from .violation import Violation

__all__ = ["FileError", "Report", "__version__", "check_paths", "check_text"]

Selectors = str | Iterable[str] | None


def _selectors(value: Selectors) -> tuple[str, ...]:
    if value is None:
        return ()
    items = value.split(",") if isinstance(value, str) else value
    return tuple(item.strip() for item in items if item.strip())


def _workspace(
    config: str | Path | Mapping[str, Any] | None,
    select: Selectors,
    extend_select: Selectors,
    ignore: Selectors,
    isolated: bool,
) -> Workspace:
    from .config import ConfigFile, Overrides, load_config, parse_config
    from .run.workspace import Workspace

    loaded = None
    if isinstance(config, Mapping):
        loaded = ConfigFile(None, Path.cwd(), parse_config(dict(config), "config"))
    elif config is not None:
        loaded = load_config(Path(config))
    return Workspace(
        Overrides(
            config=loaded,
            isolated=isolated,
            select=_selectors(select) if select is not None else None,
            extend_select=_selectors(extend_select),
            ignore=_selectors(ignore),
        )
    )


def check_text(
    text: str,
    path: str = "<text>",
    *,
    config: str | Path | Mapping[str, Any] | None = None,
    select: Selectors = None,
    extend_select: Selectors = None,
    ignore: Selectors = None,
    isolated: bool = False,
) -> list[Violation]:
    """Check one article given as text; the format follows the suffix of ``path``.

    Settings come from the configuration closest to ``path`` (``isolated=True``: none),
    or from ``config``: a file, or a mapping of settings as in ``medlint.toml``.
    ``select``/``extend_select``/``ignore`` act like the command-line options.
    Raises ``medlint.config.ConfigError`` for an invalid configuration or selector.
    """
    workspace = _workspace(config, select, extend_select, ignore, isolated)
    return workspace.check_text(text, path)


@dataclass(frozen=True)
class FileError:
    """A file that could not be checked (unreadable, binary, too large, too slow …)."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: error: {self.message}"


class Report(list["Violation"]):
    """The violations :func:`check_paths` found (a list), and in ``errors`` the files it
    could not check, as the command line reports them and goes on."""

    def __init__(self) -> None:
        super().__init__()
        self.errors: list[FileError] = []


def check_paths(
    paths: Iterable[str | Path],
    *,
    config: str | Path | Mapping[str, Any] | None = None,
    select: Selectors = None,
    extend_select: Selectors = None,
    ignore: Selectors = None,
    isolated: bool = False,
    jobs: int = 1,
) -> Report:
    """Check files and folders (recursively, honouring ``exclude`` and ``.gitignore``)
    through the same run as ``medlint check``; options as for :func:`check_text`.

    Returns every violation found; files that cannot be checked do not raise but are
    listed in the result's ``errors``.
    """
    from .run.runner import RunOptions, run

    workspace = _workspace(config, select, extend_select, ignore, isolated)
    workspace.prepare([str(path) for path in paths])
    report = Report()
    for result in run(workspace, [str(path) for path in paths], RunOptions(jobs=jobs)):
        if result.error is not None:
            report.errors.append(FileError(result.path, result.error))
        report.extend(result.violations)
    return report
