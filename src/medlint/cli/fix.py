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
from collections.abc import Callable
from dataclasses import dataclass

from ..documents.files import Decoded, InputError, decode_bytes, read_decoded
from ..escape import printable
from ..reporters import Summary
from ..run.deadline import Timeout, deadline
from ..run.fix import Fixer, FixError, FixOutcome, write_atomic
from ..run.safe_write import write_roots
from ..run.workspace import ConfiguredLinter, Workspace

EXIT_OK, EXIT_VIOLATIONS, EXIT_INPUT = 0, 1, 2


@dataclass
class _Totals:
    fixes: int = 0
    files: int = 0
    errors: int = 0
    failed: bool = False


def run_fixes(args: argparse.Namespace, workspace: Workspace, open_report: Callable) -> int:
    """Fix (or preview fixes for) every file the arguments name; return the exit status.

    Each file is fixed with the settings that apply to it: its rules, suppression
    comments and disclaimer wording (``--disclaimer-text`` or ``disclaimer-text``).
    """
    from . import UsageError

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

    def failed(path: str, message: str) -> None:
        print(f"{printable(path)}: error: {message}", file=sys.stderr)
        summary.errors += 1
        totals.errors += 1
        if not args.diff:
            reporter.failed(path, message)

    for path in workspace.files(args.paths, on_error=failed):
        name = (args.stdin_filename or "-") if path == "-" else path
        fixer = fixer_for(workspace.linter_for(name))
        try:
            decoded = _read(path, args.max_file_size)
            with deadline(args.timeout):
                outcome = fixer.fix_text(name, decoded.text)
            if args.diff:
                sys.stdout.write(outcome.diff())
            elif path == "-":
                sys.stdout.write(outcome.fixed)
            elif outcome.changed:
                write_atomic(path, decoded, outcome.fixed, roots)
        except InputError as error:
            failed(name, str(error))
            continue
        except Timeout:
            failed(name, f"gave up after {args.timeout:g} s (see --timeout)")
            continue
        except Exception as error:  # one odd file must not stop the run
            failed(name, f"internal error: {type(error).__name__}: {error}")
            continue
        _count(outcome, totals)
        if not args.diff:
            summary.add(outcome.remaining)
            reporter.file(name, outcome.fixed, outcome.remaining)
    if not args.diff:
        reporter.close(summary)
    if out not in (sys.stdout, sys.stderr):
        out.close()
    verb = "Would fix" if args.diff else "Fixed"
    fixes = f"{totals.fixes} violation{'s' * (totals.fixes != 1)}"
    print(f"{verb} {fixes} in {totals.files} file{'s' * (totals.files != 1)}.", file=sys.stderr)
    if totals.errors:
        return EXIT_INPUT
    if args.diff:
        return EXIT_VIOLATIONS if totals.files else EXIT_OK
    return EXIT_VIOLATIONS if totals.failed else EXIT_OK


def _read(path: str, max_size: int) -> Decoded:
    if path == "-":
        return decode_bytes(sys.stdin.buffer.read())
    return read_decoded(path, max_size)


def _count(outcome: FixOutcome, totals: _Totals) -> None:
    if outcome.changed:
        totals.files += 1
        totals.fixes += len(outcome.fixed_rules)
    totals.failed = totals.failed or any(
        v.severity.value == "error" for v in outcome.remaining
    )
