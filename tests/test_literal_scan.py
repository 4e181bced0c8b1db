"""The rules' literals found in a text: looking every substring up (the first texts of a
process) finds exactly what the automaton finds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from medlint.analysis.normalize import normalise
from medlint.checks import patterns
from medlint.run.engine import default_linter

DATA = Path(__file__).parent / "data"


def _texts() -> list[str]:
    files = sorted(p for p in DATA.rglob("*") if p.suffix in {".md", ".txt", ".html"})
    texts = [normalise(p.read_text(encoding="utf-8")) for p in files[:80]]
    return [*texts, "", "a", "保证治好ABC根治", "ＡＢＣ能根治吗？" * 3]


@pytest.fixture(scope="module")
def literals() -> patterns._Literals:
    default_linter().compile()
    assert len(patterns._LITERALS.index) > 1000
    return patterns._LITERALS


def test_look_up_finds_what_the_automaton_finds(literals: patterns._Literals) -> None:
    literals.build()
    for scanned in _texts():
        expected: dict[int, list[int]] = {}
        for literal, start, _ in literals.automaton.find_matches_as_indexes(scanned, True):
            expected.setdefault(literal, []).append(start)
        assert literals._look_up(scanned) == expected


def test_a_process_looks_up_first_then_builds(monkeypatch: pytest.MonkeyPatch) -> None:
    default_linter().compile()
    fresh = patterns._Literals()
    fresh.index = dict(patterns._LITERALS.index)
    fresh.lengths = list(patterns._LITERALS.lengths)
    monkeypatch.setattr(patterns, "LOOKUP_SCAN", 100)
    short = "这个方子保证治好，三天根治。"
    assert fresh.present(short)
    assert fresh.automaton is None  # a short text: looked up
    long = short * 20
    found = fresh.occurrences(long)
    assert fresh.automaton is not None  # past the budget: built
    assert found == fresh._look_up(long)


def test_frame_words_indexed_lazily_as_in_bulk(monkeypatch: pytest.MonkeyPatch) -> None:
    from medlint.checks import frames

    default_linter().compile()
    bulk: dict[int, list[int]] = {}
    for number, ids in enumerate(frames._SLOT_IDS):
        for word in ids:
            bulk.setdefault(word, []).append(number)
    monkeypatch.setattr(frames, "_MEMBERS", {})
    for word in sorted(bulk)[::7]:
        assert frames._members(word) == bulk[word]
    some = frozenset(sorted(bulk)[3::5])  # a few known already, most new: in one pass
    assert frames._holding(some) == {n for word in some for n in bulk[word]}
    assert all(frames._MEMBERS[word] == bulk[word] for word in some)
    frames.index_slot_words()
    assert bulk == frames._MEMBERS


def test_stored_literals_keep_patterns_of_other_packs(tmp_path, monkeypatch):
    """Two packs sharing one cache folder: a start that parses a new pattern stores it with
    the patterns the other pack stored, so neither start parses the other's again."""
    from medlint.rules import pack_cache

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setattr(pack_cache, "_literals_loaded", False)
    for name in ("_KNOWN", "_USED", "_LEARNED", "_STORED"):
        monkeypatch.setattr(patterns, name, type(getattr(patterns, name))())
    patterns.required_sets("其他规则(根治|治愈)")  # a start of another pack
    pack_cache.store_literals()
    for name in ("_KNOWN", "_USED", "_LEARNED", "_STORED"):
        getattr(patterns, name).clear()
    pack_cache.load_literals()  # the next start, of this pack
    patterns.required_sets("保证(治好|见效)")
    pack_cache.store_literals()
    for name in ("_KNOWN", "_USED", "_LEARNED", "_STORED"):
        getattr(patterns, name).clear()
    monkeypatch.setattr(pack_cache, "_literals_loaded", False)
    pack_cache.load_literals()
    assert set(patterns._STORED) == {"其他规则(根治|治愈)", "保证(治好|见效)"}
    assert not patterns._KNOWN  # each checked and taken when first looked up
    sets = patterns.required_sets("保证(治好|见效)")
    assert frozenset({"治好", "见效"}) in sets and patterns._KNOWN["保证(治好|见效)"] == sets
    assert not patterns._LEARNED and "保证(治好|见效)" not in patterns._STORED


def test_stored_literals_not_as_written_are_parsed_again(monkeypatch):
    def parsed(pattern: str) -> tuple[frozenset[str], ...]:
        return tuple(dict.fromkeys(patterns._conjunction(patterns._parser.parse(pattern, re.I))))

    for name in ("_KNOWN", "_USED", "_LEARNED", "_STORED"):
        monkeypatch.setattr(patterns, name, type(getattr(patterns, name))())
    bad = {"保证(治好|见效)": [["治好", 3]], "可以?根治": [[]], "(彻底|完全)治愈": "治愈"}
    patterns.remember_stored({**bad, "退款": [["退款"]]})
    for pattern in bad:
        assert patterns.required_sets(pattern) == parsed(pattern)
    assert set(bad) == patterns._LEARNED
    assert patterns.required_sets("退款") == (frozenset({"退款"}),)
    assert "退款" not in patterns._LEARNED
