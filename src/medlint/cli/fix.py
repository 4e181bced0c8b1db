"""``medlint check --fix`` and ``--diff``: fix each file, then report what remains.

- ``--fix`` writes each fixed file (see :mod:`medlint.run.fix`) and reports the violations
  left; a summary line goes to stderr. Exit 1 if errors remain, else 0.
- ``--diff`` prints a unified diff and writes nothing. Exit 1 if any file would change.
- Standard input (``-``) is never written anywhere but stdout: ``--fix`` prints the fixed
  text to stdout and reports what remains on stderr; ``--diff`` prints the diff.

A file that cannot be read, decoded or written is reported as ``path: error: …`` and
the run goes on with the other files; the exit status is then 2.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass

from ..documents.files import InputError
from ..reporters import Summary
from ..run.fix import Fixer, FixError, FixOutcome, write_atomic
from ..run.runner import RunOptions, run
from ..run.safe_write import write_roots
from ..run.workspace import ConfiguredLinter, Workspace
from .errors import EXIT_OK, EXIT_USAGE, EXIT_VIOLATIONS, UsageError
from .output import close_report, file_error, open_report


@dataclass
class _Totals:
    fixes: int = 0
    files: int = 0
    errors: int = 0
    failed: bool = False


def run_fixes(args: argparse.Namespace, workspace: Workspace) -> int:
    """Fix (or preview fixes for) every file the arguments name; return the exit status.

    Each file is fixed with the settings that apply to it: its rules, suppression
    comments and disclaimer wording (``--disclaimer-text`` or ``disclaimer-text``).
    """
    fixers: dict[int, Fixer] = {}

    def fixer_for(linter: ConfiguredLinter) -> Fixer:
        if id(linter) not in fixers:
            try:
                fixers[id(linter)] = Fixer(
                    linter, unsafe=args.unsafe_fixes, disclaimer_text=linter.disclaimer_text
                )
            except FixError as error:
                where = linter.settings.file.path
                raise UsageError(f"{where}: {error}" if where else str(error)) from None
        return fixers[id(linter)]

    fixer_for(workspace.linter(workspace.settings_in(".")))  # a bad wording fails at once
    from_stdin = args.paths == ["-"]
    if "-" in args.paths and not from_stdin and not args.diff:
        raise UsageError("--fix reads standard input (-) only on its own")
    out, reporter = open_report(args, sys.stderr if from_stdin and not args.diff else None)
    summary, totals = Summary(), _Totals()
    roots = write_roots(args.paths)  # a fix never writes outside the folders given
    options = RunOptions(
        max_size=args.max_file_size, timeout=args.timeout, stdin_filename=args.stdin_filename
    )
    results = run(
        workspace, args.paths, options, fixer=lambda name: fixer_for(workspace.linter_for(name))
    )
    for result in results:
        outcome = result.fix
        if result.error is None and outcome is not None:
            try:
                if args.diff:
                    sys.stdout.write(outcome.diff())
                elif from_stdin:
                    sys.stdout.write(outcome.fixed)
                elif outcome.changed and result.decoded is not None:
                    write_atomic(result.path, result.decoded, outcome.fixed, roots)
            except InputError as error:
                result.error = str(error)
            except Exception as error:  # one odd file must not stop the run
                result.error = f"internal error: {type(error).__name__}: {error}"
        if result.error is not None or outcome is None:
            file_error(result.path, result.error or "not fixed", None if args.diff else reporter)
            summary.errors += 1
            totals.errors += 1
            continue
        _count(outcome, totals)
        if not args.diff:
            summary.add(outcome.remaining)
            reporter.file(result.path, outcome.fixed, outcome.remaining)
    if not args.diff:
        reporter.close(summary)
    close_report(out)
    verb = "Would fix" if args.diff else "Fixed"
    fixes = f"{totals.fixes} violation{'s' * (totals.fixes != 1)}"
    print(f"{verb} {fixes} in {totals.files} file{'s' * (totals.files != 1)}.", file=sys.stderr)
    if totals.errors:
        return EXIT_USAGE
    if args.diff:
        return EXIT_VIOLATIONS if totals.files else EXIT_OK
    return EXIT_VIOLATIONS if totals.failed else EXIT_OK


def _count(outcome: FixOutcome, totals: _Totals) -> None:
    if outcome.changed:
        totals.files += 1
        totals.fixes += len(outcome.fixed_rules)
    totals.failed = totals.failed or any(
        v.severity.value == "error" for v in outcome.remaining
    )
