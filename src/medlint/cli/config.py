"""``medlint config``: the settings that apply to a file or folder."""

from __future__ import annotations

import argparse
import os
from typing import Any

from .errors import EXIT_OK
from .options import rules_option, selection_options, workspace


def add_parser(commands: Any) -> None:
    config = commands.add_parser("config", help="print the settings that apply to PATH")
    config.add_argument("path", nargs="?", default=".", metavar="PATH")
    rules_option(config)
    selection_options(config)


def cmd_config(args: argparse.Namespace) -> int:
    where = workspace(args)
    path = args.path
    settings = where.settings_in(path) if os.path.isdir(path) else where.settings_for(path)
    where.selection(settings)  # validates every selector
    print(settings.describe())
    return EXIT_OK
