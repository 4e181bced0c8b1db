"""Rule packs loaded once and kept as JSON data, keyed by medlint's version, the source of
the rule models and the bytes of every rule file, so a one-file run skips YAML parsing
and pydantic validation.

The cache holds no executable format: each entry is a JSON document written by
:func:`load_pack_cached` after a full validation, after a first line (JSON too) that
carries its key and the SHA-256 of the document, so that the document is parsed once.
It lives only in the private user cache folder (see :mod:`medlint.userdata`), never
under the folders being checked, and is read only from a regular file this user owns.
An entry that is damaged, foreign or from another key is ignored and rebuilt; a cache
folder that cannot be written means working without the cache.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import hashlib
import json
import os
import sys
from itertools import chain
from pathlib import Path
from typing import Any

from .. import regex_store
from ..analysis.likely import Weights
from ..checks import frames, patterns
from ..checks.names import Names
from ..userdata import read_keyed as _read_body
from ..userdata import user_cache_dir
from ..userdata import write_keyed as _write
from ..version import __version__
from . import RulePack, kinds, load_pack
from .loader import treatment_names

PREFIX = "pack-"
SUFFIX = ".json"
# stored beside the packs and removed with them: a pack's treatment name index, and the
# table jieba's dictionary becomes with a pack's words (analysis/segment.py)
NAMES_PREFIX, WORDS_PREFIX, FRAMES_PREFIX = "names-", "words-", "frames-"
HINT_PREFIX = "hint-"  # the word tables of the learned hint (analysis/likely.py)
WEIGHTS_PREFIX = "weights-"  # the learned hint's weights as read (checks/scorer.py)
# 2: the key and digest on a line of their own, then the body; 3: the body holds the
# rules' test cases after the pack, read when first asked for (kinds.StoredCases)
_FORMAT = 3

# what an entry holds
_SCHEMA = ("models.py", "kinds.py", "loader.py", "../analysis/context.py",
           "../analysis/context_words.py", "../checks/names.py")
_FIELDS = {"rules", "topics", "lexicon", "files", "lexicons", "names_from_lexicons", "_names",
           "names_stored", "stored_at"}
# of RulePack (``names`` is derived from the rest: stored in a file of its own, read when
# first needed; ``names_stored`` reads it)


def _key(folders: list[Path]) -> str:
    digest = hashlib.sha256(f"{__version__}\0{_FORMAT}\0".encode())
    here = Path(__file__).parent
    for source in _SCHEMA:  # a changed model must not be rebuilt from stale data
        digest.update((here / source).read_bytes() + b"\0")
    for folder in folders:
        digest.update(str(folder.resolve()).encode("utf-8", "surrogateescape") + b"\0")
        if folder.is_dir():
            rule_files = (".yaml", ".yml", ".txt", ".tsv")  # lexicon word files too
            files = (p for p in folder.rglob("*") if p.suffix in rule_files)
            for path in sorted(files):
                name = str(path).encode("utf-8", "surrogateescape")
                digest.update(name + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:32]


def _dump(pack: RulePack) -> tuple[dict[str, Any], list[list[Any] | None]]:
    """The pack's JSON data, and apart, per rule, the place of its ``cases`` among its
    fields and their dumps (``None`` for a rule without them)."""
    rules: list[dict[str, Any]] = []
    cases: list[list[Any] | None] = []
    for rule in pack.rules:
        data = kinds.dump(rule)
        if "cases" in data:
            cases.append([list(data).index("cases"), data.pop("cases")])
        else:
            cases.append(None)
        rules.append(data)
    return {
        "rules": rules,
        "topics": [kinds.dump(topic) for topic in pack.topics],
        "context": kinds.dump(pack.lexicon) if pack.lexicon else None,
        "files": [os.fsencode(path).decode("utf-8", "surrogateescape") for path in pack.files],
        "lexicons": pack.lexicons,
        "names": pack.names is not None,
    }, cases


def _restore(document: dict[str, Any]) -> RulePack:
    context = document["context"]
    if not isinstance(document["files"], list) or not all(
        isinstance(name, str) for name in document["files"]
    ):
        raise kinds.Damaged("files")
    lexicons = document["lexicons"]
    if not (
        isinstance(lexicons, dict)
        and set(map(type, lexicons.values())) <= {list}
        and set(map(type, chain.from_iterable(lexicons.values()))) <= {str}
    ):
        raise kinds.Damaged("lexicons")
    rules, topics = document["rules"], document["topics"]
    if not isinstance(rules, list) or not isinstance(topics, list):
        raise kinds.Damaged("rules")
    pack = RulePack(
        rules=[kinds.restore_rule(rule) for rule in rules],
        topics=[kinds.restore_topic(topic) for topic in topics],
        lexicon=kinds.restore_context(context) if context is not None else None,
        files=[Path(os.fsdecode(name.encode("utf-8", "surrogateescape")))
               for name in document["files"]],
        lexicons=lexicons,
    )
    # the treatment name index is read (or, without it, built) when first needed, by the
    # first linter compiled: a run whose files all come from the result cache needs none
    pack.names_from_lexicons = bool(document["names"])
    return pack


_DECODER = json.JSONDecoder()


def read_entry(target: Path, key: str) -> RulePack | None:
    """The pack stored at ``target`` for ``key``, or ``None`` if it is absent, damaged,
    stored under another key or not a regular file of this user's."""
    body = _read_body(target, key)
    if body is None:
        return None
    try:
        document, end = _DECODER.raw_decode(body)
        pack = _restore(document)
    except (ValueError, KeyError, TypeError, AttributeError):  # kinds.Damaged too
        return None
    cases = kinds.StoredCases(body[end:])  # the test cases: read when first asked for
    for number, rule in enumerate(pack.rules):
        kinds.defer_cases(rule, cases, number)
    if pack.names_from_lexicons:
        pack.names_stored = functools.partial(_stored_names, pack, target, key)
    pack.stored_at = (target, key)
    return pack


def write_entry(folder: Path, target: Path, key: str, pack: RulePack) -> None:
    """Store ``pack`` at ``target`` atomically, and its treatment name index beside it;
    give up quietly if the folder cannot take them."""
    if pack.names is not None:
        names = json.dumps(pack.names.dump(), ensure_ascii=False)
        _write(folder, _names_target(target), key, names)
    document, cases = _dump(pack)
    body = json.dumps(document, ensure_ascii=False) + "\n" + json.dumps(cases, ensure_ascii=False)
    _write(folder, target, key, body)


def _names_target(target: Path) -> Path:
    return target.with_name(NAMES_PREFIX + target.name.removeprefix(PREFIX))


def _stored_names(pack: RulePack, target: Path, key: str) -> Names:
    """The name index of the pack stored at ``target`` for ``key``: as stored beside it
    (:meth:`Names.dump`), else built from the pack's word classes and stored."""
    where = _names_target(target)
    body = _read_body(where, key)
    names = None
    if body is not None:
        with contextlib.suppress(ValueError):
            names = Names.load(json.loads(body))
    if names is None:
        names = treatment_names(pack)
        _write(target.parent, where, key, json.dumps(names.dump(), ensure_ascii=False))
    return names


# what compiled frames depend on besides the pack: the code that folds and compiles them
_FRAMES_SCHEMA = ("../checks/frames.py", "../checks/patterns.py", "../analysis/normalize.py",
                  "../data/t2s.tsv")


def _frames_entry(
    pack: RulePack, prefix: str = FRAMES_PREFIX, schema: tuple[str, ...] = _FRAMES_SCHEMA
) -> tuple[Path, str] | None:
    if pack.stored_at is None:
        return None
    target, key = pack.stored_at
    digest = _code_digest(key, schema)
    if digest is None:
        return None
    return target.with_name(prefix + target.name.removeprefix(PREFIX)), digest.hexdigest()


def _code_digest(seed: str, sources: tuple[str, ...]) -> hashlib._Hash | None:
    """A digest of ``seed``, the cache format and the bytes of the reading code
    ``sources`` (paths beside this module), or ``None`` when one cannot be read."""
    digest = hashlib.sha256(f"{seed}\0{_FORMAT}\0".encode())
    here = Path(__file__).parent
    try:
        for source in sources:
            digest.update((here / source).read_bytes() + b"\0")
    except OSError:
        return None
    return digest


def load_frames(pack: RulePack) -> bool:
    """Take the frames an earlier start compiled for ``pack`` (stored beside the cached
    pack by :func:`store_frames`), if this process has compiled none yet."""
    if not frames.fresh():
        return False
    stored = _read_json(_frames_entry(pack))
    if stored is None:
        return False
    return frames.restore_compiled(stored, pack.lexicons)


def store_frames(pack: RulePack, compiled: list[frames.Frames]) -> None:
    """Store ``compiled`` (the frames of ``pack``'s rules) beside the cached pack."""
    entry = _frames_entry(pack)
    if entry is not None:
        where, key = entry
        body = json.dumps(frames.dump_compiled(compiled), ensure_ascii=False)
        _write(where.parent, where, key, body)


# what the hint's word tables depend on besides the pack: the code that folds them
_HINT_SCHEMA = ("../analysis/likely.py", "../analysis/normalize.py", "../data/t2s.tsv")


def load_hint_tables(pack: RulePack) -> dict[str, Any] | None:
    """The word tables of the learned hint an earlier start stored beside the cached
    pack (:func:`store_hint_tables`), as JSON data, or ``None``."""
    stored = _read_json(_frames_entry(pack, HINT_PREFIX, _HINT_SCHEMA))
    return stored if isinstance(stored, dict) else None


def _read_json(entry: tuple[Path, str] | None) -> Any:
    """The JSON data of a stored entry (path and key), or ``None`` if it is missing,
    stale or not JSON."""
    body = _read_body(*entry) if entry is not None else None
    if body is None:
        return None
    try:
        return json.loads(body)
    except ValueError:
        return None


def store_hint_tables(pack: RulePack, tables: dict[str, Any]) -> None:
    """Store the hint's word tables of ``pack`` (plain JSON data) beside the cached pack."""
    entry = _frames_entry(pack, HINT_PREFIX, _HINT_SCHEMA)
    if entry is not None:
        where, key = entry
        _write(where.parent, where, key, json.dumps(tables, ensure_ascii=False))


# what stored weights depend on besides the bytes of their file: the code that reads them
_WEIGHTS_SCHEMA = ("../analysis/likely.py", "../checks/scorer.py")


def _weights_entry(raw: bytes) -> tuple[Path, Path, str] | None:
    """Where the weights read from a file holding ``raw`` are kept, and their key."""
    folder = user_cache_dir()
    if folder is None:
        return None
    digest = _code_digest(__version__, _WEIGHTS_SCHEMA)
    if digest is None:
        return None
    digest.update(raw)
    key = digest.hexdigest()
    return folder, folder / f"{WEIGHTS_PREFIX}{key[:32]}{SUFFIX}", key


def load_weights(raw: bytes) -> Weights | None:
    """The weights an earlier start read from a weights file holding ``raw``
    (:func:`store_weights`), or ``None``."""
    entry = _weights_entry(raw)
    if entry is None:
        return None
    _, target, key = entry
    return Weights.restore(_read_json((target, key)))


def store_weights(raw: bytes, weights: Weights) -> None:
    """Keep ``weights``, read from a weights file holding ``raw``, for the next start."""
    entry = _weights_entry(raw)
    if entry is not None:
        folder, target, key = entry
        _write(folder, target, key, json.dumps(weights.dump(), ensure_ascii=False))


def _literals_key() -> str:
    """What the required literals of a pattern depend on: the parser (Python's version)
    and the code that reads them."""
    digest = hashlib.sha256(f"{__version__}\0{_FORMAT}\0{sys.version}\0".encode())
    digest.update(Path(patterns.__file__).read_bytes())
    return digest.hexdigest()[:32]


def _literals_target() -> tuple[Path, Path, str] | None:
    folder = user_cache_dir()
    if folder is None:
        return None
    key = _literals_key()
    return folder, folder / f"{PREFIX}literals-{key}{SUFFIX}", key


_literals_loaded = False  # read once per process


def load_literals() -> None:
    """Give the pattern compiler the required literals an earlier start stored (JSON:
    pattern -> list of sets, each a list of literals), so that it parses no regex it knew."""
    global _literals_loaded
    if _literals_loaded:
        return
    _literals_loaded = True
    where = _literals_target()
    if where is None:
        return
    _, target, key = where
    body = _read_body(target, key)
    if body is None:
        return
    try:
        stored = json.loads(body)
    except ValueError:
        return
    if not isinstance(stored, dict):
        return
    patterns.remember_stored(stored)  # each pattern's sets checked when first looked up
    facts = _read_json(_facts_target(where))
    if isinstance(facts, dict):
        patterns.remember_facts(facts)  # each checked when first looked up


# beside the literals, under their key: what parsing the regexes a check woke told
# (patterns.learned_facts); removed with the stored regexes
FACTS_PREFIX = f"{regex_store.PREFIX}facts-"


def _facts_target(where: tuple[Path, Path, str]) -> tuple[Path, str]:
    folder, _, key = where
    return folder / f"{FACTS_PREFIX}{key[:32]}{SUFFIX}", key


def store_facts() -> None:
    """Keep what parsing this process's woken regexes told, if some of it is new."""
    facts = patterns.learned_facts()
    where = _literals_target()
    if facts is None or where is None:
        return
    target, key = _facts_target(where)
    _write(where[0], target, key, json.dumps(facts, ensure_ascii=False))


def store_literals() -> None:
    """Keep the required literals of this start's patterns, if some were new."""
    learned = patterns.learned_literals()
    where = _literals_target()
    if learned is None or where is None:
        return
    folder, target, key = where
    stored = {p: [sorted(each) for each in sets] for p, sets in sorted(learned.items())}
    _write(folder, target, key, json.dumps(stored, ensure_ascii=False))


def load_pack_cached(folders: list[Path]) -> RulePack:
    """``load_pack(folders)``, from the JSON cache when the rule files are unchanged."""
    folder = user_cache_dir()
    if folder is None or {f.name for f in dataclasses.fields(RulePack)} != _FIELDS:
        return load_pack(folders)  # no private folder, or a pack this cache cannot hold
    key = _key(folders)
    target = folder / f"{PREFIX}{key}{SUFFIX}"
    cached = read_entry(target, key)
    if cached is not None:
        return cached
    pack = load_pack(folders)  # raises RulesError for a broken pack: nothing is stored
    write_entry(folder, target, key, pack)
    pack.stored_at = (target, key)
    return pack


def clean(folder: Path | None = None) -> int:
    """Remove every stored pack (and leftovers of interrupted writes); return how many."""
    folder = folder if folder is not None else user_cache_dir()
    if folder is None or not folder.is_dir():
        return 0
    removed = 0
    for entry in folder.iterdir():
        name = entry.name
        stored = name.startswith(PREFIX) and name.endswith((SUFFIX, ".pickle"))
        beside = name.startswith(
            (NAMES_PREFIX, WORDS_PREFIX, FRAMES_PREFIX, HINT_PREFIX, WEIGHTS_PREFIX,
             regex_store.PREFIX)
        ) and name.endswith(SUFFIX)
        if stored or beside or (name.startswith(".pack-") and name.endswith(".tmp")):
            try:
                entry.unlink()
                removed += not beside
            except OSError:
                pass
    return removed
