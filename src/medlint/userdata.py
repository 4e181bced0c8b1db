"""Where medlint keeps derived data it can rebuild at any time: the SQLite copy of jieba's
dictionary and compiled rule packs. ``$XDG_CACHE_HOME/medlint`` (``~/.cache/medlint``),
or the temporary folder when that cannot be written."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def user_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    for folder in (Path(base) / "medlint", Path(tempfile.gettempdir()) / f"medlint-{os.getuid()}"):
        try:
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError:
            continue
        if os.access(folder, os.W_OK):
            return folder
    raise OSError("no writable folder for medlint's derived data")
