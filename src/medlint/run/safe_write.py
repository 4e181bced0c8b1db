"""Writing a fixed article back: inside the folders given, all or nothing, never past an
edit made meanwhile.

A fix is written only when every one of these holds (otherwise the file is left as it
is and the reason is reported as ``path: error: …``):

- the file's real location (symbolic links resolved) lies inside one of the *roots*: the
  folders named on the command line, or the folder holding a file named there. A link
  that leads outside them is never written through;
- it is a regular file with a single name (a file with other hard links is left alone:
  replacing it would split it from its other names), writable by its owner (a read-only
  file is left alone), and its owner and group can be kept;
- its bytes are still those that were read. They are compared again after the new
  content is on disk, just before the file is replaced, and once more through the
  original file right after: an edit that lands during the replace is put back and the
  fix is reported as not written.

The new content goes to a temporary file in the same folder (same mode, owner and group),
is flushed to disk and then renamed over the file, so a reader sees the old or the new
file, never a mix; the temporary file is removed whatever happens (full disk included).
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterable

from ..documents.files import Decoded, InputError


def write_roots(paths: Iterable[str]) -> list[str]:
    """The real folders a fix of ``paths`` (as given on the command line) may write in."""
    roots = []
    for path in paths:
        if path == "-":
            continue
        real = os.path.realpath(path if os.path.isdir(path) else os.path.dirname(path) or ".")
        roots.append(real)
    return roots


def inside(real: str, roots: Iterable[str]) -> bool:
    """``real`` (a resolved path) is one of ``roots`` or below one."""
    for root in roots:
        with contextlib.suppress(ValueError):
            if os.path.commonpath([real, root]) == root:
                return True
    return False


def _same(info: os.stat_result, other: os.stat_result) -> bool:
    return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns) == (
        other.st_dev,
        other.st_ino,
        other.st_size,
        other.st_mtime_ns,
    )


def _read_all(fd: int) -> bytes:
    os.lseek(fd, 0, os.SEEK_SET)
    parts = []
    while chunk := os.read(fd, 1 << 20):
        parts.append(chunk)
    return b"".join(parts)


def write_fix(path: str, decoded: Decoded, text: str, roots: Iterable[str] | None = None) -> None:
    """Replace the file's content by ``text``, encoded as it was read, all or nothing.

    ``roots``: the real folders the write must stay in (``None``: the folder holding
    ``path``). Raises :class:`InputError` when the fix is not written, saying why.
    """
    target = os.path.realpath(path)
    allowed = list(roots) if roots is not None else write_roots([path])
    if not inside(target, allowed):
        raise InputError("a symbolic link to a file outside the folders given; not written")
    try:
        data = decoded.encode(text)
    except UnicodeEncodeError:
        raise InputError(f"the fix cannot be written in {decoded.encoding}") from None
    try:
        _replace(target, decoded.data, data)
    except OSError as error:
        raise InputError(f"cannot write the fix: {error.strerror or error}") from None


def _replace(target: str, expected: bytes, data: bytes) -> None:
    folder = os.path.dirname(target) or "."
    fd = os.open(target, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    try:
        info = os.fstat(fd)
        _check_writable(info)
        if _read_all(fd) != expected:
            raise InputError("changed on disk while being fixed; left untouched")
        temporary: str | None = _temporary(folder, data, info)
        try:
            # the last look, as close to the replace as can be: same file, same bytes
            now = os.lstat(target)
            if not _same(now, info) or not _same(os.fstat(fd), info) or (
                _read_all(fd) != expected
            ):
                raise InputError("changed on disk while being fixed; left untouched")
            os.replace(temporary, target)  # type: ignore[arg-type]
            temporary = None
        finally:
            if temporary is not None:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)
        late = _read_all(fd)
        if late != expected or not _same(os.fstat(fd), info):  # written during the replace
            restored = _temporary(folder, late, info)
            os.replace(restored, target)
            raise InputError("changed on disk while being fixed; the edit was kept, not the fix")
    finally:
        os.close(fd)


def _check_writable(info: os.stat_result) -> None:
    if not stat.S_ISREG(info.st_mode):
        raise InputError("not a regular file; not written")
    if info.st_nlink > 1:
        raise InputError(f"has {info.st_nlink - 1} other hard link(s); not written (see --diff)")
    if not info.st_mode & stat.S_IWUSR:
        raise InputError("read-only file; not written")


def _temporary(folder: str, data: bytes, info: os.stat_result) -> str:
    """A flushed temporary file in ``folder`` holding ``data``, with ``info``'s mode,
    owner and group; removed again if any of that fails."""
    handle, temporary = tempfile.mkstemp(prefix=".medlint-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        mine = os.stat(temporary)
        if (mine.st_uid, mine.st_gid) != (info.st_uid, info.st_gid):
            try:
                os.chown(temporary, info.st_uid, info.st_gid)
            except OSError:
                raise InputError(
                    "belongs to another user or group, which a rewrite cannot keep; not written"
                ) from None
        os.chmod(temporary, stat.S_IMODE(info.st_mode))
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return temporary
