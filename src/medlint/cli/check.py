"""``medlint check``: check files and folders, report what is found."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .. import regex_store
from ..documents.files import DEFAULT_MAX_FILE_SIZE
from ..filters.baseline import BaselineError, content_keys, write_baseline
from ..filters.changes import ChangeError
from ..filters.pipeline import RunFilters, run_filters
from ..reporters import REPORTERS, Summary
from ..run.cache import Cache, rules_fingerprint
from ..run.deadline import DEFAULT_TIMEOUT
from ..run.runner import FileResult, RunOptions, default_jobs, run
from ..run.workspace import Workspace
from . import progress
from .errors import EXIT_OK, EXIT_USAGE, UsageError
from .options import (
    jobs,
    report_options,
    rules_option,
    seconds,
    selection_options,
    size,
    workspace,
)
from .output import close_report, exit_policy, file_error, open_report

SMALL_RUN = 8  # files: a check of no more keeps its compiled regexes (regex_store.py)


def add_parser(commands: Any) -> None:
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
    rules_option(check)
    selection_options(check)
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
        type=size,
        default=DEFAULT_MAX_FILE_SIZE,
        metavar="SIZE",
        help="skip larger files with an error (e.g. 500K, 4M; 0: no limit; default 1M)",
    )
    check.add_argument(
        "--timeout",
        type=seconds,
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
    report_options(check)
    _run_options(check)


def _run_options(check: argparse.ArgumentParser) -> None:
    """How a check runs: workers, result cache, cluster."""
    check.add_argument("--jobs", "-j", type=jobs, default=None, metavar="N",
                       help="worker processes (default: all cores)")
    check.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    check.add_argument("--cache-dir", metavar="DIR", type=Path, default=None,
                       help="where cached results live (default: $MEDLINT_CACHE_DIR, or "
                       "results/ in the user cache folder, ~/.cache/medlint)")
    check.add_argument("--scheduler", metavar="ADDRESS",
                       help="run on a Dask cluster (needs the dask extra)")


def run_options(args: argparse.Namespace, where: Workspace) -> RunOptions:
    """Workers, limits, the result cache and a Dask cluster, as the options ask.

    The cache is keyed on the default rules and, per file, on the settings that apply
    to it (its configuration, selection and extra rules).
    """
    here = where.linter(where.settings_in("."))
    fingerprint = rules_fingerprint(here.pack.files, None)
    options = RunOptions(
        jobs=args.jobs or default_jobs(),
        max_size=args.max_file_size,
        timeout=args.timeout,
        stdin_filename=args.stdin_filename,
    )
    if not args.no_cache:  # a cache that cannot be used means checking without it
        folder = cache_dir(args.cache_dir)
        options.cache = Cache.open(folder, fingerprint) if folder is not None else None
    if args.scheduler:
        from ..run.distributed import DaskExecutor, DaskUnavailable

        try:
            options.executor = DaskExecutor(args.scheduler, where, fingerprint, args.timeout)
        except DaskUnavailable as error:
            raise UsageError(str(error)) from None
    return options


def report_filters(args: argparse.Namespace) -> RunFilters:
    """The baseline and changed-lines filters the options ask for."""
    if args.write_baseline and (args.baseline or args.changed_since or args.diff_file):
        raise UsageError("--write-baseline records every violation: use it alone")
    if args.diff_file == "-" and "-" in args.paths:
        raise UsageError("stdin cannot hold both the article and the diff")
    try:
        return run_filters(args.baseline, args.changed_since, args.diff_file, args.paths)
    except (BaselineError, ChangeError) as error:
        raise UsageError(str(error)) from None


def cmd_check(args: argparse.Namespace) -> int:
    if args.format not in REPORTERS:
        raise UsageError(f"unknown format {args.format!r} (choose from {', '.join(REPORTERS)})")
    if not args.paths:
        raise UsageError("no paths given (try: medlint check .)")
    if args.unsafe_fixes and not (args.fix or args.diff):
        raise UsageError("--unsafe-fixes needs --fix or --diff")
    where = workspace(args)
    where.prepare(args.paths if args.paths != ["-"] else [args.stdin_filename or "-"])
    if args.fix or args.diff:
        from .fix import run_fixes

        return run_fixes(args, where)
    here = where.linter(where.settings_in("."))  # the settings of the current folder
    filters = report_filters(args)
    options = run_options(args, where)
    out, reporter = open_report(args, rules=here.linter.rules)  # without compiling them
    summary = Summary()
    recorded = []
    checked = 0
    bar = None
    if args.paths != ["-"] and progress.wanted(args.format, out):
        bar = progress.Progress()
        options.discovered = bar.discovered  # the total, for files done of all and an ETA
    results: Iterator[FileResult] = run(where, args.paths, options)
    if bar is not None:
        results = bar.track(results)
    try:
        for result in results:
            checked += 1
            if result.error:
                file_error(result.path, result.error, None if args.write_baseline else reporter)
                summary.errors += 1
                continue
            per_article = where.selection(where.settings_for(result.path)).article_codes
            if args.write_baseline:
                recorded.extend(content_keys(result.violations, per_article))
                continue
            violations = filters.apply(result.path, result.violations, per_article)
            summary.add(violations)
            reporter.file(result.path, result.source, violations)
    finally:
        if options.cache is not None:
            options.cache.close()
    if args.write_baseline:
        try:
            count = write_baseline(args.write_baseline, recorded)
        except BaselineError as error:
            raise UsageError(str(error)) from None
        noun = "violation" if count == 1 else "violations"
        print(f"medlint: recorded {count} {noun} in {args.write_baseline}", file=sys.stderr)
    else:
        reporter.close(summary)
    close_report(out)
    if checked <= SMALL_RUN:  # the regexes of a check like the next one-file check
        regex_store.save()
        from ..rules.pack_cache import store_facts

        store_facts()
    if summary.errors:
        return EXIT_USAGE
    if args.write_baseline:
        return EXIT_OK
    return exit_policy(summary.worst, args.fail_on, args.exit_zero)


def cache_dir(given: Path | None) -> Path | None:
    """``--cache-dir``, else ``$MEDLINT_CACHE_DIR``, else the private user cache folder
    (``None`` when there is none): a run never writes into the folders it checks unless
    told to."""
    if given is not None:
        return given
    if os.environ.get("MEDLINT_CACHE_DIR"):
        return Path(os.environ["MEDLINT_CACHE_DIR"])
    from ..userdata import user_cache_dir

    folder = user_cache_dir()
    return folder / "results" if folder is not None else None
