"""medlint: a compliance linter for Chinese medical and health articles."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .run.workspace import Workspace
    from .violation import Violation

__all__ = ["__version__", "check_paths", "check_text"]

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
    from .config.settings import ConfigFile, Overrides, load_config, parse_config
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


def check_paths(
    paths: Iterable[str | Path],
    *,
    config: str | Path | Mapping[str, Any] | None = None,
    select: Selectors = None,
    extend_select: Selectors = None,
    ignore: Selectors = None,
    isolated: bool = False,
) -> list[Violation]:
    """Check files and folders (recursively, honouring ``exclude`` and ``.gitignore``)
    and return every violation found; options as for :func:`check_text`."""
    workspace = _workspace(config, select, extend_select, ignore, isolated)
    found: list[Violation] = []
    for file in workspace.files([str(path) for path in paths]):
        found.extend(workspace.check_file(file))
    return found
