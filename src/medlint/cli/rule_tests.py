"""``medlint test-rules DIR``: run the test cases of the rules in a folder."""

from __future__ import annotations

import argparse
from typing import Any

from .errors import EXIT_OK


def add_parser(commands: Any) -> None:
    parser = commands.add_parser("test-rules", help="run the test cases of a rule folder")
    parser.add_argument("folders", nargs="*", metavar="DIR")


def cmd_test_rules(args: argparse.Namespace) -> int:
    return EXIT_OK
