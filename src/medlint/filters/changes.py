"""Changed lines: which lines of which files a unified diff adds or changes.

``--diff-file`` reads a diff (paths relative to the current folder); ``--changed-since``
asks ``git diff --unified=0 REF`` in the repository of each path checked (paths relative
to that repository's top folder). Files that git does not track yet count as entirely new.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from ..violation import Violation

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")


class ChangeError(Exception):
    """A diff or a git repository that cannot be read (one line)."""


@dataclass
class FileChange:
    """The new-side lines a diff adds or changes in one file (``whole``: every line)."""

    lines: set[int] = field(default_factory=set)
    whole: bool = False

    def touches(self, first: int, last: int) -> bool:
        return self.whole or any(line in self.lines for line in range(first, last + 1))


def _diff_path(raw: str) -> str | None:
    """The path of a ``+++`` line, without its ``b/`` prefix; None for /dev/null."""
    raw = raw.rstrip("\n").split("\t", 1)[0]
    if raw.startswith('"') and raw.endswith('"'):  # git's C-style quoting
        escaped = raw[1:-1].encode("latin-1").decode("unicode_escape")
        raw = escaped.encode("latin-1").decode("utf-8", "replace")
    if raw == "/dev/null":
        return None
    return raw[2:] if raw[:2] in ("a/", "b/") else raw


def parse_unified_diff(text: str) -> dict[str, FileChange]:
    """Map each file a unified diff changes (new-side path) to its added lines."""
    changes: dict[str, FileChange] = {}
    current: FileChange | None = None
    for line in text.splitlines():
        if line.startswith("+++ "):
            path = _diff_path(line[4:])
            current = None if path is None else changes.setdefault(path, FileChange())
        elif current is not None and (match := _HUNK.match(line)):
            start, count = int(match.group(1)), int(match.group(2) or "1")
            current.lines.update(range(start, start + count))
    return changes


class ChangedLines:
    """The changed files (by resolved path) and their changed lines."""

    def __init__(self, files: dict[Path, FileChange]) -> None:
        self.files = files

    @classmethod
    def from_diff(cls, text: str, root: Path) -> ChangedLines:
        parsed = parse_unified_diff(text)
        return cls({(root / path).resolve(): change for path, change in parsed.items()})

    @classmethod
    def from_diff_file(cls, name: str) -> ChangedLines:
        """Read a unified diff from ``name`` (``-`` for stdin); paths are relative to ``.``."""
        try:
            if name == "-":
                text = sys.stdin.read()
            else:
                text = Path(name).read_text(encoding="utf-8", errors="replace")
        except OSError as error:
            raise ChangeError(f"cannot read diff {name}: {error.strerror}") from None
        return cls.from_diff(text, Path.cwd())

    @classmethod
    def from_git(cls, ref: str, paths: list[str]) -> ChangedLines:
        """Ask git what changed since ``ref`` in the repository of each path."""
        files: dict[Path, FileChange] = {}
        roots: set[Path] = set()
        for given in paths:
            where = Path(given if given != "-" else ".")
            folder = where if where.is_dir() else where.parent
            roots.add(Path(_git(folder, "rev-parse", "--show-toplevel").strip()))
        for root in sorted(roots):
            diff = _git(root, "diff", "--unified=0", "--no-color", "--no-ext-diff", ref, "--")
            files.update(cls.from_diff(diff, root).files)
            untracked = _git(root, "ls-files", "--others", "--exclude-standard", "-z")
            for name in filter(None, untracked.split("\0")):
                files[(root / name).resolve()] = FileChange(whole=True)
        return cls(files)

    def change(self, path: str) -> FileChange | None:
        return self.files.get(Path(path).resolve())

    def filter(
        self, path: str, violations: list[Violation], per_article: frozenset[str]
    ) -> list[Violation]:
        """Keep violations on changed lines, and per-article ones if the file changed."""
        change = self.change(path)
        if change is None:
            return []
        return [
            v for v in violations if v.rule in per_article or change.touches(v.line, v.end_line)
        ]


def _git(folder: Path, *args: str) -> str:
    command = ["git", "-c", "core.quotePath=false", "-C", str(folder), *args]
    try:
        import subprocess  # only when a diff is asked for

        done = subprocess.run(command, capture_output=True, text=True, encoding="utf-8")
    except FileNotFoundError:
        raise ChangeError("--changed-since needs git, which is not installed") from None
    if done.returncode != 0:
        message = (done.stderr.strip().splitlines() or ["git failed"])[0]
        raise ChangeError(f"git {args[0]} in {folder}: {message}")
    return done.stdout
