"""A content-hash cache of violations, so re-auditing unchanged articles is near-instant.

An entry's key hashes the article's absolute path, text and format, the rule pack (every
rule file's bytes and the selected codes), a settings fingerprint given by the caller
(options and configuration that change results) and medlint's version. Any change to one
of them misses: two identical files never share an entry, since ``per-file-ignores`` and
the configuration that applies depend on where a file is. Entries live in one SQLite file
in the cache folder (by default ``results/`` in the user cache folder, never in the
folders being checked); only the parent process reads and writes it.

A cache is an optimisation, never a reason to stop: a folder that cannot be created or
written, a damaged database or a full disk print one warning and the run goes on without
the cache (:meth:`Cache.open`, and every read and write after it).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import sys
from pathlib import Path

from ..documents.reader import document_format
from ..version import __version__
from ..violation import Violation

_FILE = "results.sqlite"
_COMMIT_EVERY = 500


def rules_fingerprint(files: list[Path], codes: set[str] | frozenset[str] | None) -> str:
    """A digest of the rule files' contents and of the selected rule codes."""
    digest = hashlib.sha256(__version__.encode())
    for path in files:
        digest.update(str(path.name).encode() + b"\0" + path.read_bytes() + b"\0")
    digest.update(",".join(sorted(codes)).encode() if codes is not None else b"*")
    return digest.hexdigest()


def _warn(folder: Path, error: BaseException) -> None:
    reason = getattr(error, "strerror", None) or str(error) or type(error).__name__
    print(f"medlint: warning: checking without the result cache ({folder}: {reason})",
          file=sys.stderr)


class Cache:
    """Violations per (article path and text, format, rules, settings, version)."""

    def __init__(self, folder: Path, rules: str, settings: str = "") -> None:
        self.folder = folder
        self.salt = f"{__version__}\0{rules}\0{settings}\0".encode()
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        ignore = folder / ".gitignore"
        if not ignore.exists():
            ignore.write_text("*\n", encoding="utf-8")
        self.db: sqlite3.Connection | None = sqlite3.connect(folder / _FILE)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID"
        )
        self.db.execute("SELECT count(*) FROM results WHERE key = ''").fetchone()
        self.pending = 0

    @classmethod
    def open(cls, folder: Path, rules: str, settings: str = "") -> Cache | None:
        """The cache in ``folder``; a damaged database is removed and started afresh;
        ``None`` (with a warning) when the folder cannot hold one."""
        for attempt in range(2):
            try:
                return cls(folder, rules, settings)
            except sqlite3.DatabaseError as error:  # not a database, or a damaged one
                if attempt or not _remove_database(folder):
                    _warn(folder, error)
            except (OSError, sqlite3.Error) as error:
                _warn(folder, error)
                break
        return None

    def key(self, path: str, text: str, settings: str = "") -> str:
        """The cache key of ``text`` checked as ``path`` under ``settings``."""
        digest = hashlib.sha256(self.salt)
        digest.update(settings.encode() + b"\0")
        name = path if path == "-" else os.path.abspath(path)
        digest.update(name.encode("utf-8", "surrogateescape") + b"\0")
        digest.update(document_format(path).encode() + b"\0")
        digest.update(text.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def _fail(self, error: BaseException) -> None:
        """Stop using the cache for the rest of the run (a read or write failed)."""
        _warn(self.folder, error)
        db, self.db = self.db, None
        if db is not None:
            with contextlib.suppress(sqlite3.Error):
                db.close()

    def get(self, key: str, path: str) -> list[Violation] | None:
        if self.db is None:
            return None
        try:
            row = self.db.execute("SELECT value FROM results WHERE key = ?", (key,)).fetchone()
            if row is None:
                return None
            found = []
            for item in json.loads(row[0]):  # validated: a damaged entry is no result
                found.append(Violation.model_validate({**item, "path": path}))
            return found
        except (sqlite3.Error, ValueError, TypeError, KeyError) as error:
            self._fail(error)
            return None

    def put(self, key: str, violations: list[Violation]) -> None:
        if self.db is None:
            return
        value = json.dumps(
            [v.model_dump(mode="json", exclude={"path"}) for v in violations], ensure_ascii=False
        )
        try:
            self.db.execute("INSERT OR REPLACE INTO results VALUES (?, ?)", (key, value))
            self.pending += 1
            if self.pending >= _COMMIT_EVERY:
                self.db.commit()
                self.pending = 0
        except (sqlite3.Error, OSError) as error:
            self._fail(error)

    def close(self) -> None:
        if self.db is None:
            return
        try:
            self.db.commit()
            self.db.close()
        except (sqlite3.Error, OSError) as error:
            self._fail(error)
        self.db = None


def _remove_database(folder: Path) -> bool:
    """Delete a damaged database (it only holds what checking again rebuilds)."""
    try:
        for name in (_FILE, f"{_FILE}-wal", f"{_FILE}-shm"):
            if (folder / name).is_file():
                (folder / name).unlink()
    except OSError:
        return False
    return True


def clean(folder: Path) -> bool:
    """Remove the cache's files (and the folder when nothing else is in it)."""
    removed = False
    for name in (_FILE, f"{_FILE}-wal", f"{_FILE}-shm", ".gitignore"):
        target = folder / name
        if target.is_file():
            target.unlink()
            removed = True
    if folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
    return removed
