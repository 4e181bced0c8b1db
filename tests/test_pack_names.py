"""The treatment name index stored beside a cached pack: read back equal to the one built
from the word classes, and built again when the stored copy is not usable."""

from __future__ import annotations

from pathlib import Path

from medlint.checks.names import Names
from medlint.rules import default_rules_dir, pack_cache
from medlint.rules.loader import treatment_names

TEXT = "布洛芬缓释胶囊和阿司匹林肠溶片，连花清瘟胶囊。"


def _cached(monkeypatch, tmp_path: Path):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    pack_cache.load_pack_cached([default_rules_dir()])  # stores the entry
    return pack_cache.load_pack_cached([default_rules_dir()])  # reads it


def test_stored_names_equal_built_names(monkeypatch, tmp_path: Path) -> None:
    pack = _cached(monkeypatch, tmp_path)
    assert pack.names_stored is not None
    assert list((tmp_path / "xdg" / "medlint").glob("names-*.json"))
    names = pack.names
    assert names is not None and pack.names_stored is None  # read once
    built = treatment_names(pack)
    assert names.dump() == built.dump()
    assert list(names.finditer(TEXT)) == list(built.finditer(TEXT))


def test_unusable_stored_names_are_built_and_stored(monkeypatch, tmp_path: Path) -> None:
    pack = _cached(monkeypatch, tmp_path)
    (stored,) = (tmp_path / "xdg" / "medlint").glob("names-*.json")
    stored.write_text("garbage", encoding="utf-8")
    assert pack.names is not None
    assert pack.names.dump() == treatment_names(pack).dump()
    assert stored.read_text(encoding="utf-8").startswith('{"key"')  # stored again
    stored.unlink()
    again = pack_cache.load_pack_cached([default_rules_dir()])
    assert again.names is not None and stored.is_file()  # a missing one too
    read = pack_cache.load_pack_cached([default_rules_dir()])
    monkeypatch.setattr(pack_cache, "treatment_names", None)  # must not be built
    assert read.names is not None and read.names.dump() == again.names.dump()
    assert Names.load([]) is None
    assert Names.load({"labels": {"x": "y"}, "kind": {}, "index": {}, "first": ""}) is None
    assert Names.load({"labels": {}, "kind": {"阿司匹林": 3}, "index": {}, "first": ""}) is None


def test_clean_removes_the_names_with_their_pack(monkeypatch, tmp_path: Path) -> None:
    _cached(monkeypatch, tmp_path)
    folder = tmp_path / "xdg" / "medlint"
    assert pack_cache.clean(folder) == 1  # one stored pack
    assert not list(folder.glob("names-*")) and not list(folder.glob("pack-*"))
