"""The treatment names' automaton (built once a process has scanned enough text, or at
once in a long run) finds exactly what the two-character index finds."""

from __future__ import annotations

import pickle
import random

import pytest

from medlint.checks import names as names_module
from medlint.checks.names import Names
from medlint.rules import default_rules_dir
from medlint.rules.loader import load_pack, treatment_names


@pytest.fixture(scope="module")
def pack_names() -> Names:
    return treatment_names(load_pack([default_rules_dir()]))


def _copies(names: Names) -> tuple[Names, Names]:
    indexed, automaton = Names.load(names.dump()), Names.load(names.dump())
    assert indexed is not None and automaton is not None
    indexed._plain = True  # the index only
    automaton._build()
    assert automaton._automaton is not None and indexed._automaton is None
    return indexed, automaton


def _texts(words: list[str], count: int, seed: int) -> list[str]:
    """Names whole, cut at either end, run together and between other characters."""
    rnd = random.Random(seed)
    texts = []
    for _ in range(count):
        parts = []
        for _ in range(rnd.randint(1, 8)):
            word = rnd.choice(words)
            cut = rnd.random()
            if cut < 0.3:
                word = word[rnd.randint(0, len(word) - 1) :]
            elif cut < 0.5:
                word = word[: rnd.randint(1, len(word))]
            parts.append(word)
            if rnd.random() < 0.3:
                parts.append(rnd.choice(["的", "了", "，", "。", "a", "1", " ", "\n"]))
        texts.append("".join(parts))
    return texts


def test_automaton_finds_what_the_index_finds(pack_names: Names) -> None:
    indexed, automaton = _copies(pack_names)
    words = sorted(pack_names.kind)
    for text in _texts(words, 3000, seed=13):
        assert list(automaton.finditer(text)) == list(indexed.finditer(text)), text


def test_built_after_the_scan_budget(pack_names: Names, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(names_module, "NAMES_SCAN", 40)
    fresh = Names.load(pack_names.dump())
    assert fresh is not None
    text = "布洛芬缓释胶囊和阿司匹林肠溶片，连花清瘟胶囊。"
    first = list(fresh.finditer(text))
    assert fresh._automaton is None  # within the budget: the index
    assert list(fresh.finditer(text + text)) == first + [
        (a + len(text), b + len(text), w) for a, b, w in first
    ]
    assert fresh._automaton is not None  # past it: the automaton
    assert list(fresh.finditer(text)) == first
    # a pickled copy leaves the automaton behind and finds the same
    again = pickle.loads(pickle.dumps(fresh))
    assert again._automaton is None and list(again.finditer(text)) == first


def test_a_one_character_name_keeps_the_index() -> None:
    odd = Names.load({"labels": {}, "kind": {"药": "x", "布洛芬": "x"},
                      "index": {"药": [1], "布洛": [3]}, "first": "[布药]"})
    assert odd is not None
    odd._build()
    assert odd._automaton is None and odd._plain
    assert list(odd.finditer("吃布洛芬")) == [(1, 4, "布洛芬")]
