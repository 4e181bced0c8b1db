"""The regexes of a one-file check, taken from the last such check instead of compiled.

Compiling a regex is mostly Python code (``re._parser`` and ``re._compiler``): about
230 regexes, 70 ms of a one-file check, a third of them at import (medlint's modules,
markdown-it's HTML patterns). The regex engine's own form of a compiled pattern is a list
of integers that ``_sre.compile`` turns into the same ``re.Pattern`` in microseconds, and
checks as a whole first (a list it cannot run is refused). :func:`prime` puts the
patterns an earlier check compiled into ``re``'s own cache of compiled patterns before
medlint's modules are imported, so that every ``re.compile`` of the same pattern and
flags, in any module, finds its pattern there; :func:`save` keeps those of this process
for the next.

Stored: JSON behind a key and SHA-256 line in the private user cache folder, as the rule
packs are (:mod:`medlint.userdata`): per pattern its text, its flags, the group table and
where its integers lie in one base64 array. The key holds Python's exact version and the
engine's magic number (the integers mean something only to the engine that made them)
and this module's source. A stored pattern is used only if it was the pattern ``re``
compiled (equal objects, integers included: checked before it is stored). Nothing is
stored or read outside CPython, or where ``re`` keeps its cache otherwise.
"""

from __future__ import annotations

import binascii
import hashlib
import importlib
import json
import re
import sys
import warnings
from array import array
from pathlib import Path
from typing import Any

from .version import __version__

PREFIX = "regex-"
LIMIT = 448  # patterns kept: fewer than ``re`` caches (512), which drops its oldest first
_FORMAT = 1

# key in re's cache -> the entry it was made of, and where its integers lie in _CODE[0]
_primed: dict[tuple[Any, ...], tuple[list[Any], int, int]] = {}
_CODE: list[bytes] = [b""]  # the stored integers, as read
_known: set[tuple[Any, ...]] = set()  # stored, and compiled before the store was read


def _engine() -> tuple[Any, Any, Any] | None:
    """``_sre``, the parser and the compiler module, or ``None`` where the cache of
    compiled patterns or the engine is not the one this module knows."""
    if sys.implementation.name != "cpython" or not isinstance(getattr(re, "_cache", None), dict):
        return None
    new = sys.version_info >= (3, 11)
    try:
        sre = importlib.import_module("_sre")
        parser = importlib.import_module("re._parser" if new else "sre_parse")
        compiler = importlib.import_module("re._compiler" if new else "sre_compile")
    except ImportError:  # pragma: no cover
        return None
    if sre.CODESIZE != 4 or array("I").itemsize != 4 or not hasattr(compiler, "_code"):
        return None  # pragma: no cover
    return sre, parser, compiler


def _key(sre: Any) -> str:
    digest = hashlib.sha256(
        f"{__version__}\0{_FORMAT}\0{sys.version}\0{sys.implementation.cache_tag}\0"
        f"{sre.MAGIC}\0{sre.CODESIZE}\0{sys.maxunicode}\0{sys.byteorder}\0".encode()
    )
    digest.update(Path(__file__).read_bytes())
    return digest.hexdigest()


def _target(sre: Any) -> tuple[Path, Path, str] | None:
    from .userdata import user_cache_dir

    folder = user_cache_dir()
    if folder is None:
        return None
    try:
        key = _key(sre)
    except OSError:
        return None
    return folder, folder / f"{PREFIX}{key[:32]}.json", key


def _pattern(sre: Any, entry: list[Any], code: list[int]) -> re.Pattern[str]:
    """The compiled pattern of a stored entry (raises on an entry not as written)."""
    text, _, flags, groups, names = entry
    if not (isinstance(text, str) and type(flags) is int and type(groups) is int
            and 0 <= flags < 1024 and 0 <= groups < min(sre.MAXGROUPS, 10_000)):
        raise ValueError("regex entry")
    index = {name: number for name, number in names}
    table: list[str | None] = [None] * (groups + 1)
    for name, number in index.items():
        if not (isinstance(name, str) and type(number) is int and 0 < number <= groups):
            raise ValueError("regex group")
        table[number] = name
    pattern: re.Pattern[str] = sre.compile(text, flags, code, groups, index, tuple(table))
    return pattern


def prime() -> int:
    """Put the patterns the last one-file check stored into ``re``'s cache (those it
    holds already stay); return how many."""
    engine = _engine()
    if engine is None or _primed:
        return 0
    sre = engine[0]
    where = _target(sre)
    if where is None:
        return 0
    from .userdata import read_keyed

    body = read_keyed(where[1], where[2])
    if body is None:
        return 0
    cache: dict[tuple[Any, ...], Any] = re._cache  # type: ignore[attr-defined]
    try:
        stored = json.loads(body)
        raw = binascii.a2b_base64(stored["code"].encode("ascii"))
        size = len(raw) // 4
        for entry in stored["entries"][:LIMIT]:
            start, end = entry[5], entry[6]
            if not (type(start) is int and type(end) is int and 0 <= start < end <= size):
                raise ValueError("regex code")
            key = (str, entry[0], entry[1])
            if type(entry[1]) is not int:
                raise ValueError("regex flags")
            if key in cache:  # compiled before this module was imported: stored already
                _known.add(key)
                continue
            ints = array("I", raw[4 * start : 4 * end]).tolist()
            cache[key] = _pattern(sre, entry[:5], ints)
            _primed[key] = (entry[:5], start, end)
        _CODE[0] = raw
    except (ValueError, TypeError, KeyError, IndexError, RuntimeError, OverflowError,
            AttributeError):
        for key in _primed:  # an entry not as written: none of this store is used
            cache.pop(key, None)
        _primed.clear()
        _known.clear()
        return 0
    return len(_primed)


def save() -> None:
    """Store the patterns in ``re``'s cache (the last :data:`LIMIT`) for the next start,
    if some are not stored yet; each one's integers are worked out again and kept only if
    they make the very pattern ``re`` compiled."""
    engine = _engine()
    if engine is None:
        return
    sre, parser, compiler = engine
    cache: dict[tuple[Any, ...], Any] = re._cache  # type: ignore[attr-defined]
    keys = [key for key in list(cache) if len(key) == 3 and key[0] is str
            and isinstance(key[1], str) and type(key[2]) is int]
    keys = keys[-LIMIT:]
    if all(key in _primed or key in _known for key in keys):
        return
    where = _target(sre)
    if where is None:
        return
    entries: list[list[Any]] = []
    code = array("I")
    with warnings.catch_warnings():  # each said what it had to when first compiled
        warnings.simplefilter("ignore")
        for key in keys:
            compiled = cache.get(key)
            found = None if compiled is None else _entry(sre, parser, compiler, key, compiled)
            if found is not None:
                start = len(code)
                code.frombytes(found[1])
                entries.append([*found[0], start, len(code)])
    body = json.dumps(
        {"entries": entries,
         "code": binascii.b2a_base64(code.tobytes(), newline=False).decode("ascii")},
        ensure_ascii=False,
    )
    from .userdata import write_keyed

    write_keyed(where[0], where[1], where[2], body)


def _entry(sre: Any, parser: Any, compiler: Any, key: tuple[Any, ...],
           compiled: re.Pattern[str]) -> tuple[list[Any], bytes] | None:
    """The stored entry (less where its integers lie) and the integers of the pattern
    ``compiled`` under ``key`` in ``re``'s cache; ``None`` if they would not make it."""
    if key in _primed:
        entry, first, last = _primed[key]
        return entry, _CODE[0][4 * first : 4 * last]
    text, flags = key[1], key[2]
    try:
        parsed = parser.parse(text, flags)
        ints = compiler._code(parsed, flags)
        names = sorted(parsed.state.groupdict.items(), key=lambda item: item[1])
        entry = [text, flags, flags | parsed.state.flags, parsed.state.groups - 1,
                 [list(item) for item in names]]
        if _pattern(sre, entry, ints) != compiled:
            return None
        return entry, array("I", ints).tobytes()
    except Exception:  # not stored: compiled as usual at the next start
        return None
