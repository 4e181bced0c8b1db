"""``medlint clean``: remove the result cache and the stored rule packs."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ..run.cache import clean
from .check import cache_dir
from .errors import EXIT_OK


def add_parser(commands: Any) -> None:
    parser = commands.add_parser("clean", help="remove the result cache and stored rule packs")
    parser.add_argument("--cache-dir", metavar="DIR", type=Path, default=None)


def cmd_clean(args: argparse.Namespace) -> int:
    from ..rules import pack_cache

    folder = cache_dir(args.cache_dir)
    removed = clean(folder) if folder is not None else False
    print(f"removed {folder}" if removed else f"no cache in {folder or 'the user cache folder'}")
    packs = pack_cache.clean()
    if packs:
        print(f"removed {packs} stored rule pack{'s' if packs != 1 else ''}")
    return EXIT_OK
