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


class Progress:
    """A bar on ``err`` (standard error): files done of the total once discovery knows
    it, with the time left (tqdm's estimate), violations so far, files per second."""

    def __init__(self, err: TextIO | None = None) -> None:
        from tqdm import tqdm

        self.bar = tqdm(unit=" files", delay=DELAY, file=sys.stderr if err is None else err,
                        leave=False, dynamic_ncols=True)
        self.found = 0

    def discovered(self, total: int) -> None:
        """Give the bar its total (and so an ETA)."""
        self.bar.total = total
        self.bar.refresh()

    def track(self, results: Iterator[FileResult]) -> Iterator[FileResult]:
        """Pass ``results`` through, updating the bar as each file is done."""
        with self.bar:
            for result in results:
                self.found += len(result.violations)
                self.bar.set_postfix_str(f"{self.found} violations", refresh=False)
                self.bar.update()
                yield result


def track(results: Iterator[FileResult], err: TextIO | None = None) -> Iterator[FileResult]:
    """Pass ``results`` through, updating a bar on ``err`` (standard error) as each file
    is done (without a total)."""
    return Progress(err).track(results)
