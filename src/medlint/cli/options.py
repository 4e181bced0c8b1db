"""Options shared by several commands, and the settings they describe."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..config import Overrides, load_config
from ..rules import RulePack
from ..run.workspace import Workspace
from ..violation import Severity
from .errors import UsageError


class Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line and exit 2, like other linters."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(message)


def size(value: str) -> int:
    """A byte count with an optional K, M or G suffix (powers of 1024); 0 means no limit."""
    units = {"k": 1024, "m": 1024**2, "g": 1024**3}
    text = value.strip().lower().removesuffix("b")
    factor = units.get(text[-1:], 1)
    number = text[:-1] if text[-1:] in units else text
    try:
        result = int(float(number) * factor)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a size: {value!r} (e.g. 2M, 500K)") from None
    if result < 0:
        raise argparse.ArgumentTypeError(f"not a size: {value!r}")
    return result


def seconds(value: str) -> float:
    try:
        result = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {value!r}") from None
    if result < 0 or result != result:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {value!r}")
    return result


def jobs(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"expected a positive number of jobs, got {value!r}")
    return int(value)


def rules_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--rules",
        action="append",
        default=[],
        metavar="DIR",
        type=Path,
        help="an extra folder of YAML rules (repeatable)",
    )


def config_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--config", metavar="FILE", type=Path, help="use this configuration file for every file"
    )
    parser.add_argument(
        "--isolated", action="store_true", help="ignore every configuration file"
    )


def selection_options(parser: argparse.ArgumentParser) -> None:
    config_options(parser)
    parser.add_argument(
        "--select", metavar="RULES", help="only these rules: codes, prefixes, names, categories"
    )
    parser.add_argument("--extend-select", metavar="RULES", help="add rules to the selection")
    parser.add_argument("--ignore", metavar="RULES", help="do not run these rules")


def report_options(check: argparse.ArgumentParser) -> None:
    """Options that choose what is reported and how the run exits."""
    check.add_argument(
        "--statistics", action="store_true", help="print counts per rule instead of violations"
    )
    check.add_argument(
        "--exit-zero", action="store_true", help="exit 0 even when violations are found"
    )
    check.add_argument(
        "--fail-on",
        choices=[s.value for s in Severity],
        default="error",
        help="exit 1 when a violation at or above this severity is found (default: error)",
    )
    check.add_argument("--baseline", metavar="FILE", type=Path,
                       help="report only violations that FILE does not record")
    check.add_argument("--write-baseline", metavar="FILE", type=Path,
                       help="record the violations found in FILE and exit 0")
    changed = check.add_mutually_exclusive_group()
    changed.add_argument("--changed-since", metavar="REF",
                         help="report only violations on lines changed since git REF")
    changed.add_argument("--diff-file", metavar="FILE",
                         help="report only violations on lines a unified diff adds (- for stdin)")


def selectors(value: str | None) -> tuple[str, ...]:
    return tuple(s.strip() for s in (value or "").split(",") if s.strip())


def workspace(args: argparse.Namespace) -> Workspace:
    """The settings the options describe: configuration files plus overrides."""
    select = getattr(args, "select", None)
    return Workspace(
        Overrides(
            config=load_config(args.config) if args.config else None,
            isolated=args.isolated,
            select=selectors(select) if select is not None else None,
            extend_select=selectors(getattr(args, "extend_select", None)),
            ignore=selectors(getattr(args, "ignore", None)),
            rules=tuple(args.rules),
            disclaimer_text=getattr(args, "disclaimer_text", None),
        )
    )


def pack(args: argparse.Namespace) -> RulePack:
    """The rule pack of the settings for the current folder (with its extra rules)."""
    where = workspace(args)
    return where.pack(where.settings_in("."))
