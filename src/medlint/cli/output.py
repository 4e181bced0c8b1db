"""Where a report goes and how it looks; streams that never crash on odd text."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import Any, TextIO

from ..escape import printable
from ..reporters import HUMAN_FORMATS, REPORTERS, Reporter, statistics_reporter
from ..violation import Severity
from .errors import EXIT_OK, EXIT_VIOLATIONS, UsageError


def open_report(
    args: argparse.Namespace, out: TextIO | None = None, rules: Sequence[Any] = ()
) -> tuple[TextIO, Reporter]:
    """The report's stream and its reporter, as the options ask."""
    if out is None:
        out = sys.stdout
    if args.output_file is not None:
        from ..reporters.output import ReportFile

        try:
            out = ReportFile(args.output_file)  # in place only once the run completes
        except OSError as error:
            raise UsageError(f"cannot write {args.output_file}: {error.strerror}") from None
    human = args.format in HUMAN_FORMATS and not args.statistics
    tty = out.isatty() and human
    auto = args.color == "auto" and tty and "NO_COLOR" not in os.environ
    color = human and (args.color == "always" or auto)
    show_source = tty if args.show_source is None else args.show_source and human
    reporter_class = statistics_reporter(args.format) if args.statistics else REPORTERS[args.format]
    return out, reporter_class(out, color=color, show_source=show_source, rules=rules)


def close_report(out: TextIO) -> None:
    if out not in (sys.stdout, sys.stderr):
        out.close()


def exit_policy(worst: Severity | None, fail_on: str, exit_zero: bool) -> int:
    """1 when the worst violation reported is at or above ``fail_on``, unless ``exit_zero``."""
    if exit_zero or worst is None:
        return EXIT_OK
    return EXIT_VIOLATIONS if worst.rank >= Severity(fail_on).rank else EXIT_OK


def file_error(path: str, message: str, reporter: Reporter | None = None) -> None:
    """A file that could not be checked: ``path: error: message`` on stderr (the name
    made printable: it cannot forge another line), and in the report when given."""
    print(f"{printable(path)}: error: {message}", file=sys.stderr)
    if reporter is not None:
        reporter.failed(path, message)


def tolerant_streams() -> None:
    """Paths that are not valid UTF-8 are printed with escapes, never as a crash."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")


def silence_stdout() -> None:
    """After a closed pipe, stop Python from complaining while it flushes stdout."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
