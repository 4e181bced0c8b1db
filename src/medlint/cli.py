"""The ``medlint`` command line."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from . import __version__
from .files import DEFAULT_EXTENSIONS
from .rules import RulesError

EXIT_OK, EXIT_VIOLATIONS, EXIT_USAGE = 0, 1, 2
DEFAULT_CACHE_DIR = ".medlint_cache"


class UsageError(Exception):
    """A problem with how medlint was called or configured (exit 2)."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 2, like other linters
        raise UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="medlint", description="Compliance linter for Chinese medical and health articles."
    )
    parser.add_argument("--version", action="version", version=f"medlint {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    check = commands.add_parser("check", help="check files and folders")
    check.add_argument("paths", nargs="*", metavar="PATH", help="files or folders; - for stdin")
    check.add_argument("--format", default="text", help="output format (text, json, csv, html)")
    check.add_argument(
        "--stdin-filename", metavar="NAME", help="name (and format) of the article read from stdin"
    )
    check.add_argument(
        "--rules",
        action="append",
        default=[],
        metavar="DIR",
        type=Path,
        help="an extra folder of YAML rules (repeatable)",
    )
    check.add_argument("--select", metavar="CODES", help="only these rule codes (comma-separated)")
    check.add_argument(
        "--show-source",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="print the source line and a caret (default: on a terminal)",
    )
    check.add_argument("--color", choices=["auto", "always", "never"], default="auto")
    check.add_argument("--output-file", "-o", metavar="FILE", type=Path,
                       help="write the report to FILE instead of stdout")
    _add_run_options(check)

    clean = commands.add_parser("clean", help="remove the result cache")
    clean.add_argument("--cache-dir", metavar="DIR", type=Path, default=Path(DEFAULT_CACHE_DIR))

    rules = commands.add_parser("rules", help="list the rules")
    rules.add_argument("--rules", action="append", default=[], metavar="DIR", type=Path)
    explain = commands.add_parser("explain", help="show a rule's documentation")
    explain.add_argument("code", metavar="CODE")
    explain.add_argument("--rules", action="append", default=[], metavar="DIR", type=Path)
    return parser


def _jobs(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"expected a positive number of jobs, got {value!r}")
    return int(value)


def _add_run_options(check: argparse.ArgumentParser) -> None:
    """How a check runs: workers, result cache, cluster."""
    check.add_argument("--jobs", "-j", type=_jobs, default=None, metavar="N",
                       help="worker processes (default: all cores)")
    check.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    check.add_argument("--cache-dir", metavar="DIR", type=Path, default=Path(DEFAULT_CACHE_DIR),
                       help=f"where cached results live (default: {DEFAULT_CACHE_DIR})")
    check.add_argument("--scheduler", metavar="ADDRESS",
                       help="run on a Dask cluster (needs medlint[dask])")


def settings_fingerprint(args: argparse.Namespace) -> str:
    """Options and configuration that change a file's violations (keys the cache)."""
    return f"rules={sorted(map(str, args.rules))};select={args.select or ''}"


def _results(args: argparse.Namespace, linter):
    """Each file's result, from the cache, local workers or a Dask cluster."""
    import sqlite3

    from .cache import Cache, rules_fingerprint
    from .runner import default_jobs, run

    codes = {check.rule.code for check in linter.checks}
    fingerprint = rules_fingerprint(linter.pack.files, codes)
    cache = None
    if not args.no_cache:
        try:
            cache = Cache(args.cache_dir, fingerprint, settings_fingerprint(args))
        except (OSError, sqlite3.Error) as error:
            raise UsageError(f"cannot use cache folder {args.cache_dir}: {error}") from None
    executor = None
    if args.scheduler:
        from .distributed import DaskExecutor, DaskUnavailable

        try:
            executor = DaskExecutor(args.scheduler, linter, fingerprint)
        except DaskUnavailable as error:
            raise UsageError(str(error)) from None
    jobs = args.jobs or default_jobs()
    try:
        yield from run(linter, args.paths, DEFAULT_EXTENSIONS, jobs=jobs, cache=cache,
                       executor=executor)
    finally:
        if cache is not None:
            cache.close()


def _linter(folders: list[Path], select: str | None = None):
    from .engine import load_linter

    codes = None
    if select:
        codes = frozenset(c.strip() for c in select.split(",") if c.strip())
    linter = load_linter(tuple(folders), None)
    if codes is not None:
        known = {rule.code for rule in linter.pack.rules}
        unknown = sorted(codes - known)
        if unknown:
            raise UsageError(f"unknown rule code: {', '.join(unknown)}")
        linter = load_linter(tuple(folders), codes)
    return linter


def cmd_check(args: argparse.Namespace) -> int:
    from . import progress
    from .reporters import REPORTERS, Summary
    from .runner import check_one

    if args.format not in REPORTERS:
        raise UsageError(f"unknown format {args.format!r} (choose from {', '.join(REPORTERS)})")
    if not args.paths:
        raise UsageError("no paths given (try: medlint check .)")
    linter = _linter(args.rules, args.select)
    out = sys.stdout
    if args.output_file is not None:
        try:
            out = args.output_file.open("w", encoding="utf-8")
        except OSError as error:
            raise UsageError(f"cannot write {args.output_file}: {error.strerror}") from None
    tty = out.isatty()
    auto = args.color == "auto" and tty and "NO_COLOR" not in os.environ
    color = args.color == "always" or auto
    show_source = tty if args.show_source is None else args.show_source
    reporter = REPORTERS[args.format](out, color=color, show_source=show_source)
    summary = Summary()
    failed = False
    if args.paths == ["-"]:
        name = args.stdin_filename or "-"
        results = iter([check_one(linter, name, sys.stdin.read())])
    else:
        results = _results(args, linter)
        if progress.wanted(args.format, out):
            results = progress.track(results)
    for result in results:
        if result.error:
            print(f"{result.path}: error: {result.error}", file=sys.stderr)
            summary.errors += 1
            continue
        summary.add(result.violations)
        reporter.file(result.path, result.source, result.violations)
        failed = failed or any(v.severity.value == "error" for v in result.violations)
    reporter.close(summary)
    if out is not sys.stdout:
        out.close()
    if summary.errors:
        return EXIT_USAGE
    return EXIT_VIOLATIONS if failed else EXIT_OK


def cmd_rules(args: argparse.Namespace) -> int:
    pack = _linter(args.rules).pack
    width = max(len(rule.name) for rule in pack.rules)
    for rule in sorted(pack.rules, key=lambda r: r.code):
        print(f"{rule.code}  {rule.name:<{width}}  {rule.category:<16} {rule.severity.value}")
    print(f"{len(pack.rules)} rules, {len(pack.topics)} topic profiles")
    return EXIT_OK


def cmd_explain(args: argparse.Namespace) -> int:
    pack = _linter(args.rules).pack
    rule = pack.rule(args.code.upper())
    if rule is None:
        raise UsageError(f"unknown rule code: {args.code}")
    print(f"{rule.code} {rule.name}")
    print(
        f"类别 category: {rule.category}    级别 severity: {rule.severity.value}    "
        f"类型 kind: {rule.kind}"
    )
    print(f"\n{rule.message}")
    if rule.description:
        print(f"\n{rule.description.strip()}")
    if rule.basis:
        print(f"\n依据 basis: {rule.basis}")
    if rule.suggestion:
        print(f"建议 instead: {rule.suggestion}")
    print("\n违规示例 bad:")
    for text in rule.examples.bad:
        print(f"  ✗ {text}")
    print("合规示例 good:")
    for text in rule.examples.good:
        print(f"  ✓ {text}")
    return EXIT_OK


def cmd_clean(args: argparse.Namespace) -> int:
    from .cache import clean

    removed = clean(args.cache_dir)
    print(f"removed {args.cache_dir}" if removed else f"no cache in {args.cache_dir}")
    return EXIT_OK


COMMANDS = {"check": cmd_check, "clean": cmd_clean, "rules": cmd_rules, "explain": cmd_explain}


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        if args.command is None:
            parser.print_help()
            return EXIT_USAGE
        return COMMANDS[args.command](args)
    except UsageError as error:
        print(f"medlint: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except RulesError as error:
        print(f"medlint: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
