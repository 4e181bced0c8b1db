"""The treatment name index stored with a cached pack: read back equal to the one built
from the word classes, and built again when the stored copy is not usable."""

from __future__ import annotations

from pathlib import Path

from medlint.checks.names import Names
from medlint.rules import default_rules_dir, pack_cache
from medlint.rules.loader import treatment_names


def _cached(monkeypatch, tmp_path: Path):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("MEDLINT_CACHE_DIR", str(tmp_path / "cache"))
    pack_cache.load_pack_cached([default_rules_dir()])  # stores the entry
    return pack_cache.load_pack_cached([default_rules_dir()])  # reads it


def test_stored_names_equal_built_names(monkeypatch, tmp_path: Path) -> None:
    pack = _cached(monkeypatch, tmp_path)
    assert pack.names_stored is not None
    names = pack.names
    assert names is not None and pack.names_stored is None  # read once, then dropped
    assert names.dump() == treatment_names(pack).dump()
    assert list(names.finditer("布洛芬缓释胶囊和阿司匹林")) == list(
        treatment_names(pack).finditer("布洛芬缓释胶囊和阿司匹林")
    )


def test_unusable_stored_names_are_built(monkeypatch, tmp_path: Path) -> None:
    pack = _cached(monkeypatch, tmp_path)
    pack.names_stored = '{"labels": {}, "kind": {"阿司匹林": 3}, "index": {}, "first": ""}'
    assert pack.names is not None
    assert pack.names.dump() == treatment_names(pack).dump()
    assert Names.load([]) is None
    assert Names.load({"labels": {"x": "y"}, "kind": {}, "index": {}, "first": ""}) is None
