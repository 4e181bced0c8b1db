"""Settings: configuration files (``medlint.toml``, ``pyproject.toml``), command-line
overrides, and the selection of rules they make."""

from .settings import (
    Config,
    ConfigError,
    ConfigFile,
    Overrides,
    Settings,
    find_config,
    load_config,
    parse_config,
    settings_for,
)

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
