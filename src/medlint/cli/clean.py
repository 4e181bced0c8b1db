"""``medlint clean``: remove the result cache."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ..run.cache import clean
from .check import cache_dir
from .errors import EXIT_OK


def add_parser(commands: Any) -> None:
    parser = commands.add_parser("clean", help="remove the result cache")
    parser.add_argument("--cache-dir", metavar="DIR", type=Path, default=None)


def cmd_clean(args: argparse.Namespace) -> int:
    folder = cache_dir(args.cache_dir)
    removed = clean(folder)
    print(f"removed {folder}" if removed else f"no cache in {folder}")
    return EXIT_OK
