"""Settings: configuration files (``medlint.toml``, ``pyproject.toml``), command-line
overrides, and the selection of rules they make."""

from typing import TYPE_CHECKING, Any

from .settings import (
    ConfigError,
    ConfigFile,
    Overrides,
    Settings,
    find_config,
    load_config,
    parse_config,
    settings_for,
)

if TYPE_CHECKING:
    from .schema import Config

__all__ = [
    "Config",
    "ConfigError",
    "ConfigFile",
    "Overrides",
    "Settings",
    "find_config",
    "load_config",
    "parse_config",
    "settings_for",
]


def __getattr__(name: str) -> Any:
    if name == "Config":  # the pydantic model, imported when a configuration is read
        from .schema import Config

        return Config
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
