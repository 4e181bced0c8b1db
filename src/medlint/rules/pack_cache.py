"""Rule packs loaded once and kept pickled, keyed by medlint's version, the source of the
rule models and the bytes of every rule file, so a one-file run skips YAML parsing and
pydantic validation."""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path

from .. import __version__
from ..userdata import user_cache_dir
from . import RulePack, load_pack

_SCHEMA = ("models.py", "loader.py", "../analysis/context.py")  # what the pickle holds


def _key(folders: list[Path]) -> str:
    digest = hashlib.sha256(f"{__version__}\0".encode())
    here = Path(__file__).parent
    for source in _SCHEMA:  # a changed model must not unpickle into stale objects
        digest.update((here / source).read_bytes() + b"\0")
    for folder in folders:
        digest.update(str(folder.resolve()).encode() + b"\0")
        if folder.is_dir():
            files = (p for p in folder.rglob("*") if p.suffix in (".yaml", ".yml", ".txt"))
            for path in sorted(files):
                digest.update(str(path).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:32]


def load_pack_cached(folders: list[Path]) -> RulePack:
    """``load_pack(folders)``, from the pickle when the rule files are unchanged."""
    try:
        target = user_cache_dir() / f"pack-{_key(folders)}.pickle"
        with target.open("rb") as handle:
            pack = pickle.load(handle)
        if isinstance(pack, RulePack):
            return pack
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass
    pack = load_pack(folders)  # raises RulesError for a broken pack: nothing is stored
    try:
        partial = target.with_suffix(f".{os.getpid()}.tmp")
        with partial.open("wb") as handle:
            pickle.dump(pack, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(partial, target)
    except (OSError, NameError, pickle.PicklingError):
        pass
    return pack
