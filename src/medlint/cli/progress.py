"""A progress bar on stderr for long runs: files done, violations so far, files per second.

Shown only to a person watching: stderr is a terminal, the ``CI`` variable is unset, the
report is not a machine format and does not share the terminal with the bar. tqdm
waits a second before drawing, so short runs never show it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from typing import TextIO

from ..run.runner import FileResult

MACHINE_FORMATS = frozenset({"json", "json-lines", "github", "sarif", "junit", "gitlab", "csv"})
DELAY = 1.0  # seconds before the bar appears


def wanted(report_format: str, out: TextIO, err: TextIO | None = None) -> bool:
    """Whether a progress bar belongs on ``err`` (standard error) for this run."""
    err = sys.stderr if err is None else err
    if report_format in MACHINE_FORMATS or os.environ.get("CI"):
        return False
    return err.isatty() and not out.isatty()


def track(results: Iterator[FileResult], err: TextIO | None = None) -> Iterator[FileResult]:
    """Pass ``results`` through, updating a bar on ``err`` (standard error) as each file
    is done."""
    from tqdm import tqdm

    err = sys.stderr if err is None else err

    found = 0
    with tqdm(unit=" files", delay=DELAY, file=err, leave=False, dynamic_ncols=True) as bar:
        for result in results:
            found += len(result.violations)
            bar.set_postfix_str(f"{found} violations", refresh=False)
            bar.update()
            yield result
