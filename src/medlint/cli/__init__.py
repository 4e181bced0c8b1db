"""The ``medlint`` command line."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path

from .. import __version__
from ..config.settings import ConfigError, Overrides, load_config
from ..documents.files import DEFAULT_MAX_FILE_SIZE
from ..escape import printable
from ..rules import RulesError
from ..run.deadline import DEFAULT_TIMEOUT
from ..violation import Severity, Violation

EXIT_OK, EXIT_VIOLATIONS, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A problem with how medlint was called or configured (exit 2)."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 2, like other linters
        raise UsageError(message)


def _size(value: str) -> int:
    """A byte count with an optional K, M or G suffix (powers of 1024); 0 means no limit."""
    units = {"k": 1024, "m": 1024**2, "g": 1024**3}
    text = value.strip().lower().removesuffix("b")
    factor = units.get(text[-1:], 1)
    number = text[:-1] if text[-1:] in units else text
    try:
        size = int(float(number) * factor)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a size: {value!r} (e.g. 2M, 500K)") from None
    if size < 0:
        raise argparse.ArgumentTypeError(f"not a size: {value!r}")
    return size


def _seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {value!r}") from None
    if seconds < 0 or seconds != seconds:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {value!r}")
    return seconds


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="medlint", description="Compliance linter for Chinese medical and health articles."
    )
    parser.add_argument("--version", action="version", version=f"medlint {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    check = commands.add_parser("check", help="check files and folders")
    check.add_argument("paths", nargs="*", metavar="PATH", help="files or folders; - for stdin")
    check.add_argument(
        "--format",
        default="text",
        help="text, concise, json, json-lines, github, sarif, junit, gitlab, csv, html",
    )
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
    _selection_options(check)
    check.add_argument(
        "--show-source",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="print the source line and a caret (default: on a terminal)",
    )
    check.add_argument("--color", choices=["auto", "always", "never"], default="auto")
    check.add_argument("--output-file", "-o", metavar="FILE", type=Path,
                       help="write the report to FILE instead of stdout")
    check.add_argument(
        "--max-file-size",
        type=_size,
        default=DEFAULT_MAX_FILE_SIZE,
        metavar="SIZE",
        help="skip larger files with an error (e.g. 500K, 4M; 0: no limit; default 1M)",
    )
    check.add_argument(
        "--timeout",
        type=_seconds,
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help=f"give up on a file after this long (0: never; default {DEFAULT_TIMEOUT:g})",
    )
    fixing = check.add_argument_group("fixing")
    fixing.add_argument("--fix", action="store_true", help="apply the safe fixes to the files")
    fixing.add_argument(
        "--unsafe-fixes", action="store_true", help="with --fix or --diff: also the unsafe ones"
    )
    fixing.add_argument(
        "--diff", action="store_true", help="print the fixes as a unified diff; write nothing"
    )
    fixing.add_argument(
        "--disclaimer-text", metavar="TEXT", help="the disclaimer --fix appends (must comply)"
    )
    add_report_options(check)
    _add_run_options(check)

    clean = commands.add_parser("clean", help="remove the result cache")
    clean.add_argument("--cache-dir", metavar="DIR", type=Path, default=None)

    rules = commands.add_parser("rules", help="list the rules")
    rules.add_argument("--rules", action="append", default=[], metavar="DIR", type=Path)
    _config_options(rules)
    explain = commands.add_parser("explain", help="show a rule's documentation")
    explain.add_argument("code", metavar="CODE")
    explain.add_argument("--rules", action="append", default=[], metavar="DIR", type=Path)
    _config_options(explain)
    config = commands.add_parser("config", help="print the settings that apply to PATH")
    config.add_argument("path", nargs="?", default=".", metavar="PATH")
    config.add_argument("--rules", action="append", default=[], metavar="DIR", type=Path)
    _selection_options(config)
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
    check.add_argument("--cache-dir", metavar="DIR", type=Path, default=None,
                       help="where cached results live (default: $MEDLINT_CACHE_DIR, or "
                       "results/ in the user cache folder, ~/.cache/medlint)")
    check.add_argument("--scheduler", metavar="ADDRESS",
                       help="run on a Dask cluster (needs the dask extra)")


def _results(args: argparse.Namespace, workspace):
    """Each file's result, from the cache, local workers or a Dask cluster.

    The cache is keyed on the default rules and, per file, on the settings that apply
    to it (its configuration, selection and extra rules).
    """
    from ..run.cache import Cache, rules_fingerprint
    from ..run.runner import default_jobs, run

    here = workspace.linter(workspace.settings_in("."))
    fingerprint = rules_fingerprint(here.pack.files, None)
    cache = None
    if not args.no_cache:
        folder = _cache_dir(args)
        cache = Cache.open(folder, fingerprint) if folder is not None else None
    executor = None
    if args.scheduler:
        from ..run.distributed import DaskExecutor, DaskUnavailable

        try:
            executor = DaskExecutor(args.scheduler, here, fingerprint)
        except DaskUnavailable as error:
            raise UsageError(str(error)) from None
    jobs = args.jobs or default_jobs()
    try:
        yield from run(workspace, args.paths, (), jobs=jobs, cache=cache,
                       executor=executor, max_size=args.max_file_size, timeout=args.timeout,
                       discover=workspace.files, fingerprint=workspace.fingerprint)
    finally:
        if cache is not None:
            cache.close()


def _config_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--config", metavar="FILE", type=Path, help="use this configuration file for every file"
    )
    parser.add_argument(
        "--isolated", action="store_true", help="ignore every configuration file"
    )


def _selection_options(parser: argparse.ArgumentParser) -> None:
    _config_options(parser)
    parser.add_argument(
        "--select", metavar="RULES", help="only these rules: codes, prefixes, names, categories"
    )
    parser.add_argument("--extend-select", metavar="RULES", help="add rules to the selection")
    parser.add_argument("--ignore", metavar="RULES", help="do not run these rules")


def _selectors(value: str | None) -> tuple[str, ...]:
    return tuple(s.strip() for s in (value or "").split(",") if s.strip())


def _workspace(args: argparse.Namespace):
    """The settings the options describe: configuration files plus overrides."""
    from ..run.workspace import Workspace

    select = getattr(args, "select", None)
    return Workspace(
        Overrides(
            config=load_config(args.config) if args.config else None,
            isolated=args.isolated,
            select=_selectors(select) if select is not None else None,
            extend_select=_selectors(getattr(args, "extend_select", None)),
            ignore=_selectors(getattr(args, "ignore", None)),
            rules=tuple(args.rules),
            disclaimer_text=getattr(args, "disclaimer_text", None),
        )
    )


def _pack(args: argparse.Namespace):
    """The rule pack of the settings for the current folder (with its extra rules)."""
    workspace = _workspace(args)
    return workspace.pack(workspace.settings_in("."))


def add_report_options(check: argparse.ArgumentParser) -> None:
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


def exit_policy(worst: Severity | None, fail_on: str, exit_zero: bool) -> int:
    """1 when the worst violation reported is at or above ``fail_on``, unless ``exit_zero``."""
    if exit_zero or worst is None:
        return EXIT_OK
    return EXIT_VIOLATIONS if worst.rank >= Severity(fail_on).rank else EXIT_OK


Filter = Callable[[str, list[Violation]], list[Violation]]


def report_filters(args: argparse.Namespace, per_article: frozenset[str]) -> list[Filter]:
    """The baseline and changed-lines filters the options ask for, in that order."""
    from ..filters.baseline import Baseline, BaselineError
    from ..filters.changes import ChangedLines, ChangeError

    if args.write_baseline and (args.baseline or args.changed_since or args.diff_file):
        raise UsageError("--write-baseline records every violation: use it alone")
    if args.diff_file == "-" and "-" in args.paths:
        raise UsageError("stdin cannot hold both the article and the diff")
    filters: list[Filter] = []
    try:
        if args.baseline:
            baseline = Baseline.load(args.baseline)
            filters.append(lambda path, found: baseline.new(found, per_article))
        changed = None
        if args.changed_since:
            changed = ChangedLines.from_git(args.changed_since, args.paths)
        elif args.diff_file:
            changed = ChangedLines.from_diff_file(args.diff_file)
    except (BaselineError, ChangeError) as error:
        raise UsageError(str(error)) from None
    if changed is not None:
        filters.append(lambda path, found: changed.filter(path, found, per_article))
    return filters


def _open_report(args: argparse.Namespace, out=None, rules=()):
    """The report's stream and its reporter, as the options ask."""
    from ..reporters import HUMAN_FORMATS, REPORTERS, statistics_reporter

    if out is None:
        out = sys.stdout
    if args.output_file is not None:
        from ..reporters.output import ReportFile

        try:
            out = ReportFile(args.output_file)
        except OSError as error:
            raise UsageError(f"cannot write {args.output_file}: {error.strerror}") from None
    human = args.format in HUMAN_FORMATS and not args.statistics
    tty = out.isatty() and human
    auto = args.color == "auto" and tty and "NO_COLOR" not in os.environ
    color = human and (args.color == "always" or auto)
    show_source = tty if args.show_source is None else args.show_source and human
    reporter_class = statistics_reporter(args.format) if args.statistics else REPORTERS[args.format]
    return out, reporter_class(out, color=color, show_source=show_source, rules=rules)


def cmd_check(args: argparse.Namespace) -> int:
    from ..documents.files import InputError
    from ..filters.baseline import BaselineError, content_keys, per_article_codes, write_baseline
    from ..reporters import REPORTERS, Summary
    from ..run.runner import FileResult, check_one, read_stdin
    from . import progress

    if args.format not in REPORTERS:
        raise UsageError(f"unknown format {args.format!r} (choose from {', '.join(REPORTERS)})")
    if not args.paths:
        raise UsageError("no paths given (try: medlint check .)")
    if args.unsafe_fixes and not (args.fix or args.diff):
        raise UsageError("--unsafe-fixes needs --fix or --diff")
    linter = _workspace(args)
    linter.prepare(args.paths if args.paths != ["-"] else [args.stdin_filename or "-"])
    if args.fix or args.diff:
        from .fix import run_fixes

        return run_fixes(args, linter, _open_report)
    here = linter.linter(linter.settings_in("."))  # the settings of the current folder
    per_article = per_article_codes(here.pack.rules)
    filters = report_filters(args, per_article)
    out, reporter = _open_report(args, rules=[check.rule for check in here.checks])
    summary = Summary()
    recorded = []
    if args.paths == ["-"]:
        name = args.stdin_filename or "-"
        try:
            results = iter([check_one(linter, name, read_stdin(), timeout=args.timeout)])
        except InputError as error:
            results = iter([FileResult(name, None, [], str(error))])
    else:
        results = _results(args, linter)
        if progress.wanted(args.format, out):
            results = progress.track(results)
    for result in results:
        if result.error:
            print(f"{printable(result.path)}: error: {result.error}", file=sys.stderr)
            summary.errors += 1
            if not args.write_baseline:
                reporter.failed(result.path, result.error)
            continue
        violations = result.violations
        if args.write_baseline:
            recorded.extend(content_keys(violations, per_article))
            continue
        for keep in filters:
            violations = keep(result.path, violations)
        summary.add(violations)
        reporter.file(result.path, result.source, violations)
    if args.write_baseline:
        try:
            count = write_baseline(args.write_baseline, recorded)
        except BaselineError as error:
            raise UsageError(str(error)) from None
        noun = "violation" if count == 1 else "violations"
        print(f"medlint: recorded {count} {noun} in {args.write_baseline}", file=sys.stderr)
    else:
        reporter.close(summary)
    if out is not sys.stdout:
        out.close()
    if summary.errors:
        return EXIT_USAGE
    if args.write_baseline:
        return EXIT_OK
    return exit_policy(summary.worst, args.fail_on, args.exit_zero)


def cmd_rules(args: argparse.Namespace) -> int:
    from ..filters.suppression import UNUSED

    pack = _pack(args)
    rules = [*pack.rules, UNUSED]
    width = max(len(rule.name) for rule in rules)
    for rule in sorted(rules, key=lambda r: r.code):
        print(f"{rule.code}  {rule.name:<{width}}  {rule.category:<16} {rule.severity.value}")
    print(f"{len(rules)} rules, {len(pack.topics)} topic profiles")
    return EXIT_OK


def cmd_config(args: argparse.Namespace) -> int:
    workspace = _workspace(args)
    path = args.path
    settings = workspace.settings_in(path) if os.path.isdir(path) else workspace.settings_for(path)
    workspace.selection(settings)  # validates every selector
    print(settings.describe())
    return EXIT_OK


def cmd_explain(args: argparse.Namespace) -> int:
    from ..filters.suppression import UNUSED, UNUSED_DESCRIPTION, UNUSED_MESSAGE

    if args.code.upper() == UNUSED.code:
        print(f"{UNUSED.code} {UNUSED.name}")
        print(f"类别 category: {UNUSED.category}    级别 severity: {UNUSED.severity.value}")
        print(f"\n{UNUSED_MESSAGE}\n\n{UNUSED_DESCRIPTION}")
        return EXIT_OK
    rule = _pack(args).rule(args.code.upper())
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


def _cache_dir(args: argparse.Namespace) -> Path | None:
    """``--cache-dir``, else ``$MEDLINT_CACHE_DIR``, else the private user cache folder
    (``None`` when there is none): a run never writes into the folders it checks unless
    told to."""
    if args.cache_dir is not None:
        return args.cache_dir
    if os.environ.get("MEDLINT_CACHE_DIR"):
        return Path(os.environ["MEDLINT_CACHE_DIR"])
    from ..userdata import user_cache_dir

    folder = user_cache_dir()
    return folder / "results" if folder is not None else None


def cmd_clean(args: argparse.Namespace) -> int:
    """Remove the result cache and the stored rule packs (both rebuilt when needed)."""
    from ..rules import pack_cache
    from ..run.cache import clean

    folder = _cache_dir(args)
    removed = clean(folder) if folder is not None else False
    print(f"removed {folder}" if removed else f"no cache in {folder or 'the user cache folder'}")
    packs = pack_cache.clean()
    if packs:
        print(f"removed {packs} stored rule pack{'s' if packs != 1 else ''}")
    return EXIT_OK


COMMANDS = {
    "check": cmd_check,
    "clean": cmd_clean,
    "rules": cmd_rules,
    "explain": cmd_explain,
    "config": cmd_config,
}


def _tolerant_streams() -> None:
    """Paths that are not valid UTF-8 are printed with escapes, never as a crash."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")


def main(argv: list[str] | None = None) -> int:
    """Run the command line; every failure is one line on stderr, never a traceback."""
    _tolerant_streams()
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
    except (RulesError, ConfigError) as error:
        print(f"medlint: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_OK
    except Exception as error:  # a bug: say so in one line, never a traceback
        message = " ".join(str(error).split())[:300]
        print(
            f"medlint: internal error: {type(error).__name__}: {message} "
            "(please report this, with the command and the file that caused it)",
            file=sys.stderr,
        )
        return EXIT_USAGE


def _silence_stdout() -> None:
    """After a closed pipe, stop Python from complaining while it flushes stdout."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
