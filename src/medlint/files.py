"""Finding article files and reading them as text."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

DEFAULT_EXTENSIONS = (".md", ".markdown", ".txt", ".html", ".htm")


class InputError(Exception):
    """A file that cannot be checked; the message is one line, without the path."""


def iter_files(
    paths: Iterable[str], extensions: tuple[str, ...] = DEFAULT_EXTENSIONS
) -> Iterator[str]:
    """Files given directly, and files with a known extension below folders given."""
    for given in paths:
        if os.path.isdir(given):
            found = []
            for root, dirs, names in os.walk(given):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found.extend(
                    os.path.join(root, n)
                    for n in names
                    if n.lower().endswith(extensions) and not n.startswith(".")
                )
            yield from sorted(found)
        else:
            yield given


def decode(data: bytes) -> str:
    """Decode an article's bytes as UTF-8 (with or without BOM)."""
    if b"\x00" in data[:8192]:
        raise InputError("binary file (contains NUL bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(f"not valid UTF-8 (byte {error.start})") from None


def read_source(path: str) -> str:
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError("no such file or directory") from None
    except IsADirectoryError:
        raise InputError("is a directory") from None
    except OSError as error:
        raise InputError(error.strerror or str(error)) from None
    return decode(data)
