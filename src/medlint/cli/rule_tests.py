"""``medlint test-rules [DIR …]``: run the test cases of the rules in rule folders.

Each folder is loaded with the default rules (so its rules may use the default word
classes and context lexicon); the cases of the folder's own rules run, and every failing
case is printed with its expected and actual spans. Exit 1 if any case fails. Without
a folder, the default rules are tested.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..rules import default_rules_dir
from .errors import EXIT_OK, EXIT_VIOLATIONS

if TYPE_CHECKING:
    from ..run.cases import CaseResult


def add_parser(commands: Any) -> None:
    parser = commands.add_parser("test-rules", help="run the test cases of rule folders")
    parser.add_argument("folders", nargs="*", metavar="DIR", type=Path,
                        help="rule folders (default: the default rules)")


def cmd_test_rules(args: argparse.Namespace) -> int:
    from ..run.cases import rule_folder_pack, run_cases  # only this command runs cases

    results: list[CaseResult] = []
    rules = 0
    for folder in args.folders or [default_rules_dir()]:
        pack, codes = rule_folder_pack(folder)
        rules += len(codes)
        results += run_cases(pack, codes)
    failed = [result for result in results if result.failed]
    for result in failed:
        print(f"FAIL {result.describe()}")
    print(f"{len(results)} cases of {rules} rules: {len(results) - len(failed)} passed, "
          f"{len(failed)} failed")
    return EXIT_VIOLATIONS if failed else EXIT_OK
