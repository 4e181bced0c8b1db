"""Stored regexes: a pattern taken from the store is the pattern ``re`` compiles."""

from __future__ import annotations

import base64
import json
import re
import subprocess
import sys
import warnings
from array import array
from pathlib import Path

import pytest

from medlint import regex_store
from medlint.userdata import write_keyed

pytestmark = pytest.mark.skipif(regex_store._engine() is None, reason="no stored regexes here")

ROOT = Path(__file__).resolve().parents[1]

SAMPLES = [
    (r"(?<![骨枕])头(部)?[^,;，。]{0,6}(疼|痛)", 0),
    (r"(?P<dose>[0-9]{1,3})\s*(?:mg|毫克)", re.I),
    (r"^[\s>*_#-]*[*_【\[]*(?:经查明?|案情)[*_】\]]*[:：]?", re.M),
    (r"[\u4e00-\u9fffA-Za-z]{1,12}[,，]\s*[0-9]{1,3}(岁|歲)", 0),
    (r"(?x) a (?: b | c ) + # verbose", 0),
    (r"(?i)botox|肉毒(素|杆菌)", 0),
]
TEXTS = ["头部有点痛", "每次 20 MG", "经查明：案情", "张三，45岁", "abcbc", "BOTOX 与肉毒素"]


@pytest.fixture
def private_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(regex_store, "_primed", {})
    monkeypatch.setattr(regex_store, "_known", set())
    re.purge()
    yield tmp_path / "medlint"
    re.purge()


def _stored(folder: Path) -> tuple[Path, dict]:
    [path] = folder.glob(regex_store.PREFIX + "*.json")
    body = path.read_bytes().partition(b"\n")[2]
    return path, json.loads(body)


def test_stored_patterns_are_the_compiled_ones(private_cache):
    compiled = [re.compile(text, flags) for text, flags in SAMPLES]
    regex_store.save()
    re.purge()
    regex_store._primed.clear()
    assert regex_store.prime() >= len(SAMPLES)
    compiler = regex_store._engine()[2]
    for (text, flags), before in zip(SAMPLES, compiled, strict=True):
        primed = re._cache[str, text, flags]
        assert primed is re.compile(text, flags)  # found in re's cache, not compiled
        assert primed == compiler.compile(text, flags)  # equal code, flags and groups
        assert primed.groupindex == before.groupindex and primed.groups == before.groups
        for sample in TEXTS:
            assert [m.span() for m in primed.finditer(sample)] == [
                m.span() for m in before.finditer(sample)
            ]


def test_a_second_start_with_nothing_new_writes_nothing(private_cache):
    for text, flags in SAMPLES:
        re.compile(text, flags)
    regex_store.save()
    path, _ = _stored(private_cache)
    written = path.stat().st_mtime_ns
    re.purge()
    regex_store._primed.clear()
    regex_store.prime()
    regex_store.save()
    assert path.stat().st_mtime_ns == written


def test_a_store_the_engine_refuses_is_not_used(private_cache):
    for text, flags in SAMPLES:
        re.compile(text, flags)
    regex_store.save()
    path, stored = _stored(private_cache)
    code = array("I", base64.b64decode(stored["code"]))
    for index in range(0, len(code), 7):
        code[index] = 987_654
    stored["code"] = base64.b64encode(code.tobytes()).decode("ascii")
    key = regex_store._target(regex_store._engine()[0])[2]
    write_keyed(path.parent, path, key, json.dumps(stored, ensure_ascii=False))
    re.purge()
    regex_store._primed.clear()
    assert regex_store.prime() == 0
    assert not any(key[1] == text for key in re._cache for text, _ in SAMPLES)


@pytest.mark.parametrize(
    "damage",
    [
        lambda s: s["entries"][0].__setitem__(5, -1),
        lambda s: s["entries"][0].__setitem__(6, 10**9),
        lambda s: s["entries"][0].__setitem__(3, "1"),
        lambda s: s["entries"][0].__setitem__(3, -5),
        lambda s: s["entries"][0].__setitem__(2, -1),
        lambda s: s["entries"][1].__setitem__(4, [["dose", 99]]),
        lambda s: s.__setitem__("code", "not base64!"),
        lambda s: s.pop("entries"),
    ],
)
def test_an_entry_not_as_written_means_no_store(private_cache, damage):
    for text, flags in SAMPLES:
        re.compile(text, flags)
    regex_store.save()
    path, stored = _stored(private_cache)
    damage(stored)
    key = regex_store._target(regex_store._engine()[0])[2]
    write_keyed(path.parent, path, key, json.dumps(stored, ensure_ascii=False))
    re.purge()
    regex_store._primed.clear()
    assert regex_store.prime() == 0
    assert not regex_store._primed


def test_a_store_under_another_key_is_not_read(private_cache):
    for text, flags in SAMPLES:
        re.compile(text, flags)
    regex_store.save()
    path, stored = _stored(private_cache)
    write_keyed(path.parent, path, "another key", json.dumps(stored, ensure_ascii=False))
    re.purge()
    regex_store._primed.clear()
    assert regex_store.prime() == 0


def test_a_one_file_check_reports_the_same_from_stored_regexes(tmp_path):
    env = {"XDG_CACHE_HOME": str(tmp_path), "PYTHONPATH": str(ROOT / "src"), "HOME": str(tmp_path)}
    command = [sys.executable, "-m", "medlint", "check", "--no-cache", "--format", "json",
               str(ROOT / "examples" / "overclaims.md")]
    runs = [subprocess.run(command, capture_output=True, text=True, env=env, cwd=tmp_path)
            for _ in range(3)]
    assert [run.stdout for run in runs] == [runs[0].stdout] * 3
    assert [run.returncode for run in runs] == [1] * 3 and '"MED' in runs[0].stdout
    assert list((tmp_path / "medlint").glob(regex_store.PREFIX + "*.json"))


def test_saving_warns_of_nothing_the_first_compile_warned_of(private_cache):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        re.compile(r"[[a]")  # FutureWarning: possible nested set
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        regex_store.save()
    _, stored = _stored(private_cache)
    assert any(entry[0] == r"[[a]" for entry in stored["entries"])


@pytest.fixture
def fresh_facts(monkeypatch):
    from medlint.checks import patterns

    monkeypatch.setattr(patterns, "_CASE_FREE", {})
    monkeypatch.setattr(patterns, "_REACHES", {})
    monkeypatch.setattr(patterns, "_FACTS_READ", {"case_free": {}, "reach": {}})
    monkeypatch.setattr(patterns, "_FACTS_LEARNED", [False])
    return patterns


def _facts(patterns) -> list:
    found = []
    for text, _ in SAMPLES:
        free = patterns.case_free(text)
        flags = (0 if free else re.I) | re.U
        found.append((free, patterns._reach(text, flags)))
    return found


def test_stored_parsing_facts_are_the_parsed_ones(fresh_facts, monkeypatch):
    patterns = fresh_facts
    parsed = _facts(patterns)
    stored = json.loads(json.dumps(patterns.learned_facts()))
    assert patterns.learned_facts() is None  # nothing new since
    monkeypatch.setattr(patterns, "_CASE_FREE", {})
    monkeypatch.setattr(patterns, "_REACHES", {})
    monkeypatch.setattr(patterns, "_case_free_parsed", None)  # a parse would fail
    monkeypatch.setattr(patterns, "_reach_parsed", None)
    patterns.remember_facts(stored)
    assert _facts(patterns) == parsed
    assert patterns.learned_facts() is None


@pytest.mark.parametrize("bad", [None, "yes", 1, [1, 2], [32, -1, 3], ["32", 1, 2]])
def test_a_stored_fact_not_as_written_is_worked_out_again(fresh_facts, monkeypatch, bad):
    patterns = fresh_facts
    parsed = _facts(patterns)
    stored = json.loads(json.dumps(patterns.learned_facts()))
    for kind in ("case_free", "reach"):
        for text in stored[kind]:
            stored[kind][text] = bad
    monkeypatch.setattr(patterns, "_CASE_FREE", {})
    monkeypatch.setattr(patterns, "_REACHES", {})
    patterns.remember_facts(stored)
    assert _facts(patterns) == parsed
    again = patterns.learned_facts()
    assert again is not None and json.loads(json.dumps(again)) != stored
