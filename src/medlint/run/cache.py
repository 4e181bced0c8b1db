"""A content-hash cache of violations, so re-auditing unchanged articles is near-instant.

An entry's key hashes the article's text and format, the rule pack (every rule file's
bytes and the selected codes), a settings fingerprint given by the caller (options and
configuration that change results) and medlint's version. Any change to one of them
misses. Entries live in one SQLite file in the cache folder (by default ``results/`` in
the user cache folder, never in the folders being checked); only the parent process reads
and writes it.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

from ..documents.reader import document_format
from ..version import __version__
from ..violation import Severity, Violation

_FILE = "results.sqlite"
_COMMIT_EVERY = 500


def rules_fingerprint(files: list[Path], codes: set[str] | frozenset[str] | None) -> str:
    """A digest of the rule files' contents and of the selected rule codes."""
    digest = hashlib.sha256(__version__.encode())
    for path in files:
        digest.update(str(path.name).encode() + b"\0" + path.read_bytes() + b"\0")
    digest.update(",".join(sorted(codes)).encode() if codes is not None else b"*")
    return digest.hexdigest()


class Cache:
    """Violations per (article text, format, rules, settings, version)."""

    def __init__(self, folder: Path, rules: str, settings: str = "") -> None:
        self.folder = folder
        self.salt = f"{__version__}\0{rules}\0{settings}\0".encode()
        folder.mkdir(parents=True, exist_ok=True)
        ignore = folder / ".gitignore"
        if not ignore.exists():
            ignore.write_text("*\n", encoding="utf-8")
        self.db = sqlite3.connect(folder / _FILE)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID"
        )
        self.pending = 0

    def key(self, path: str, text: str, settings: str = "") -> str:
        """The cache key of ``text`` checked as ``path`` under ``settings``."""
        digest = hashlib.sha256(self.salt)
        digest.update(settings.encode() + b"\0")
        digest.update(document_format(path).encode() + b"\0")
        digest.update(text.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def get(self, key: str, path: str) -> list[Violation] | None:
        row = self.db.execute("SELECT value FROM results WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        found = []
        for item in json.loads(row[0]):  # written by put(): valid, no need to validate again
            item["severity"] = Severity(item["severity"])
            found.append(Violation.model_construct(path=path, **item))
        return found

    def put(self, key: str, violations: list[Violation]) -> None:
        value = json.dumps(
            [v.model_dump(mode="json", exclude={"path"}) for v in violations], ensure_ascii=False
        )
        self.db.execute("INSERT OR REPLACE INTO results VALUES (?, ?)", (key, value))
        self.pending += 1
        if self.pending >= _COMMIT_EVERY:
            self.db.commit()
            self.pending = 0

    def close(self) -> None:
        self.db.commit()
        self.db.close()


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
