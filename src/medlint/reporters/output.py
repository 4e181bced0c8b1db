"""The report file of ``--output-file``: complete or not there at all.

The report is written to a temporary file beside the target and renamed over it when
the run closes it; a run that fails on the way leaves any earlier report as it was and
no partial file behind (the temporary file is removed when the process ends).
"""

from __future__ import annotations

import atexit
import contextlib
import io
import os
import tempfile
from pathlib import Path


class ReportFile(io.TextIOWrapper):
    """A text stream that becomes ``target`` on :meth:`close`."""

    def __init__(self, target: Path) -> None:
        folder = target.parent if str(target.parent) else Path(".")
        if target.is_dir():
            raise IsADirectoryError(21, "Is a directory", str(target))
        handle, self.temporary = tempfile.mkstemp(
            prefix=f".{target.name[:40]}.", suffix=".tmp", dir=folder
        )
        self.target = target
        super().__init__(
            os.fdopen(handle, "wb"), encoding="utf-8", errors="backslashreplace", newline=None
        )
        atexit.register(self.discard)

    def close(self) -> None:
        """Write out the report and put it in place."""
        if self.closed:
            return
        super().close()
        try:
            os.chmod(self.temporary, 0o666 & ~_umask())
            os.replace(self.temporary, self.target)
        finally:
            self.discard()

    def discard(self) -> None:
        """Remove the temporary file (after a failed run; no-op once put in place)."""
        if not self.closed:
            with contextlib.suppress(Exception):
                super().close()
        with contextlib.suppress(OSError):
            os.unlink(self.temporary)
        atexit.unregister(self.discard)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
