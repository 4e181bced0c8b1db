"""Where medlint keeps derived data it can rebuild at any time: the SQLite copy of jieba's
dictionary, validated rule packs (JSON) and the result cache.

The folder is ``$XDG_CACHE_HOME/medlint``, else ``~/.cache/medlint``, else
``<temporary folder>/medlint-<uid>``; only absolute locations count, so an unset ``HOME``
never puts it under the current (checked) folder. A folder is used only when it is a real
folder (not a symbolic link), owned by the current user and writable by nobody else;
the temporary fallback must also be private (mode 0700). ``None`` when no folder
qualifies: medlint then works without caches.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
import tempfile
from pathlib import Path


class UnsafeFolder(OSError):
    """A cache folder that others could write to, or that is not a plain folder."""


def _home() -> str | None:
    home = os.environ.get("HOME")
    if home and os.path.isabs(home):
        return home
    try:
        import pwd

        home = pwd.getpwuid(os.getuid()).pw_dir
    except (ImportError, KeyError):
        return None
    return home if home and os.path.isabs(home) else None


def candidate_dirs() -> list[Path]:
    """Where the cache folder may be, in order of preference (absolute paths only)."""
    found: list[Path] = []
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg and os.path.isabs(xdg):
        found.append(Path(xdg) / "medlint")
    home = _home()
    if home:
        found.append(Path(home) / ".cache" / "medlint")
    found.append(Path(tempfile.gettempdir()) / f"medlint-{_uid()}")
    return found


def _uid() -> int:
    return os.getuid() if hasattr(os, "getuid") else 0


def check_private(folder: Path, *, strict: bool = False) -> None:
    """Raise :class:`UnsafeFolder` unless ``folder`` is a real folder owned by this user
    and writable by no one else (``strict``: not readable by anyone else either)."""
    info = os.lstat(folder)
    if not stat.S_ISDIR(info.st_mode):
        raise UnsafeFolder(f"{folder} is not a folder")
    if not hasattr(os, "getuid"):
        return
    if info.st_uid != _uid():
        raise UnsafeFolder(f"{folder} belongs to another user")
    if info.st_mode & (0o077 if strict else 0o022):
        raise UnsafeFolder(f"{folder} can be written by other users")


def ensure_private(folder: Path, *, strict: bool = False) -> Path:
    """Create ``folder`` (mode 0700) if needed and check it with :func:`check_private`."""
    with contextlib.suppress(FileExistsError):
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    check_private(folder, strict=strict)
    return folder


def user_cache_dir() -> Path | None:
    """The first candidate folder that is safe to read and write, or ``None``."""
    candidates = candidate_dirs()
    for folder in candidates:
        try:
            ensure_private(folder, strict=folder == candidates[-1])
        except OSError:
            continue
        if os.access(folder, os.W_OK):
            return folder
    return None


def is_own_file(handle_fd: int) -> bool:
    """The open file is a regular file owned by this user (not planted by another)."""
    info = os.fstat(handle_fd)
    return stat.S_ISREG(info.st_mode) and (not hasattr(os, "getuid") or info.st_uid == _uid())


def read_own_file(path: Path | str) -> bytes | None:
    """The bytes of ``path`` if it is a regular file of this user's, opened without
    following a link; ``None`` if it is absent, unreadable or not one."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    try:
        with os.fdopen(fd, "rb") as handle:
            return handle.read() if is_own_file(handle.fileno()) else None
    except OSError:
        return None


def read_keyed(target: Path, key: str) -> str | None:
    """The body stored at ``target`` for ``key``, or ``None`` if it is absent, damaged,
    stored under another key or not a regular file of this user's."""
    stored = read_own_file(target)
    if stored is None:
        return None
    try:
        head, newline, data = stored.partition(b"\n")
        header = json.loads(head)
        digest = hashlib.sha256(data).hexdigest()
        if not newline or header.get("key") != key or header.get("sha256") != digest:
            return None
        return data.decode("utf-8", "surrogatepass")
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def write_keyed(folder: Path, target: Path, key: str, body: str) -> None:
    """Store ``body`` at ``target`` under ``key`` atomically (read by :func:`read_keyed`);
    give up quietly if ``folder`` cannot take it."""
    encoded = body.encode("utf-8", "surrogatepass")
    header = {"key": key, "sha256": hashlib.sha256(encoded).hexdigest()}
    write_atomic(folder, target, json.dumps(header).encode("ascii") + b"\n" + encoded)


def write_atomic(folder: Path, target: Path, data: bytes) -> None:
    """Replace ``target`` with ``data`` through a temporary file in ``folder``, so a
    reader never sees half a file; give up quietly if ``folder`` cannot take it."""
    temporary = None
    try:
        fd, temporary = tempfile.mkstemp(prefix=".pack-", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(temporary, target)
        temporary = None
    except OSError:
        pass
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
