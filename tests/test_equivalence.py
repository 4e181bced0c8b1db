"""The optimised path (literal prefilter, lazy jieba dictionary, workers, cache) reports
exactly what the straightforward path (every regex everywhere, plain jieba) reports."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import ROOT, run_in_process
from medlint.analysis import TextStructure
from medlint.analysis.segment import (
    ADDED_FREQ,
    LazyFreq,
    _tokenizer,
    prepare,
    register_words,
)
from medlint.checks.patterns import Patterns, required_literals
from medlint.config import Overrides
from medlint.documents import read_document
from medlint.documents.files import read_source
from medlint.run.engine import default_linter
from medlint.run.workspace import Workspace


def _json(*args: str, reference: bool = False, cwd=ROOT) -> str:
    """The JSON report of ``medlint check ARGS``: the straightforward path in a process of
    its own (``MEDLINT_REFERENCE`` is read at start-up), the optimised one in this one."""
    if not reference:
        run = run_in_process("check", "--format", "json", *args, cwd=cwd)
        assert run.code in (0, 1), run.err
        return run.out
    env = dict(os.environ, MEDLINT_REFERENCE="1")
    done = subprocess.run(
        [sys.executable, "-m", "medlint", "check", "--format", "json", *args],
        cwd=cwd, env=env, capture_output=True, text=True, encoding="utf-8", timeout=600,
    )
    assert done.returncode in (0, 1), done.stderr
    return done.stdout


def test_examples_same_as_reference():
    plain = _json("--no-cache", "-j", "1", "examples/", reference=True)
    assert '"rule"' in plain
    assert _json("--no-cache", "-j", "1", "examples/") == plain


def test_dev_corpus_same_as_reference(shared, tmp_path):
    corpus = str(shared / "corpus" / "dev" / "articles")
    plain = _json("--no-cache", "-j", "1", corpus, reference=True)
    assert plain.count('"rule"') > 50
    assert _json("--no-cache", "-j", "1", corpus) == plain
    assert _json("--no-cache", "-j", "2", corpus) == plain
    cache = ["--cache-dir", str(tmp_path / "cache")]
    assert _json(*cache, corpus) == plain  # cold
    assert _json(*cache, corpus) == plain  # warm


def test_test_data_and_whole_shared_corpus_same_as_reference(tmp_path):
    """Every article the tests and the shared corpus hold (not only the dev set): the
    routed, prefiltered path reports what every regex run everywhere reports."""
    folders = [str(ROOT / "tests" / "data")]
    if (ROOT.parent / "shared" / "corpus").is_dir():
        folders.append(str(ROOT.parent / "shared" / "corpus"))
    plain = _json("--no-cache", "-j", "1", *folders, reference=True)
    assert plain.count('"rule"') > 100
    assert _json("--no-cache", "-j", "1", *folders) == plain


def _sentences(paths: list[str]) -> list[str]:
    found = []
    for path in paths:
        structure = TextStructure(read_document(path, read_source(path)).prose)
        found += [structure.text[a:b] for a, b in structure.sentences]
    return found


def _articles(shared_root) -> list[str]:
    folders = [ROOT / "examples"] + ([shared_root / "corpus"] if shared_root else [])
    return list(Workspace(Overrides(isolated=True)).files([str(f) for f in folders]))


@pytest.fixture(scope="module")
def reference_jieba():
    """A plain jieba with the rule phrases added, as the straightforward path does."""
    import jieba

    default_linter()  # registers the rule phrases
    from medlint.analysis import segment

    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    tokenizer.medlint_words = set(segment._words)
    for word in sorted(tokenizer.medlint_words):
        tokenizer.add_word(word, freq=max(tokenizer.FREQ.get(word) or 0, ADDED_FREQ))
    return tokenizer


def test_lazy_dictionary_gives_jieba_tokens(reference_jieba):
    shared_root = ROOT.parent / "shared"
    sentences = _sentences(_articles(shared_root if shared_root.is_dir() else None))
    sentences += ["肉毒素可以根治多汗症。", "COVID-19疫苗3.5mg", "最近第一次", "无副作用，立竿见影"]
    lazy = _tokenizer()
    from medlint.analysis.segment import tokenize

    tokenize("预热")  # adds the registered words to the lazy table
    assert lazy.total == reference_jieba.total
    assert sentences
    for sentence in sentences:
        assert tokenize(sentence) == list(reference_jieba.tokenize(sentence)), sentence
    prepare(complete=True)  # the whole dictionary in memory, as long runs do
    assert isinstance(lazy.FREQ, dict)
    for sentence in sentences:
        assert tokenize(sentence) == list(reference_jieba.tokenize(sentence)), sentence


def test_lazy_freq_matches_add_word_semantics(reference_jieba):
    from medlint.analysis.segment import _dictionary_path, _frequencies

    freq = _frequencies(_dictionary_path())  # builds the SQLite copy on a fresh machine
    if not isinstance(freq, LazyFreq):
        pytest.skip("no private cache folder for the dictionary copy")
    for word in sorted(reference_jieba.medlint_words):
        freq.add_word(word)
    assert freq.total == reference_jieba.total
    for word in ["根治", "立竿见影", "神药", "不存在的词语组合", "治愈率"]:
        assert freq.get(word) == reference_jieba.FREQ.get(word), word


def test_register_words_then_segment_keeps_phrase():
    from medlint.analysis.segment import tokenize

    register_words(["奇效灵丹妙方"])
    assert "奇效灵丹妙方" in [w for w, _, _ in tokenize("这是奇效灵丹妙方啊")]


@pytest.mark.parametrize(
    ("pattern", "literals"),
    [
        ("可以?根治", {"根治"}),
        ("(彻底|完全)治愈", {"治愈"}),
        ("治愈率\\s*\\d+%", {"治愈率"}),
        ("FDA认证", {"fda认证"}),
        ("(根治|断根)", {"根治", "断根"}),
        ("a|b", {"a", "b"}),
        ("[^a]|b", None),
        ("(?:无效)?退款", {"退款"}),
    ],
)
def test_required_literals(pattern, literals):
    found = required_literals(pattern)
    assert (None if found is None else set(found)) == literals


def test_prefilter_finds_what_regex_finds():
    import re

    texts = [
        "可以根治，可根治，根治",
        "完全治愈与彻底治愈",
        "治愈率 95%",
        "fda认证",
        "没有",
        "哈哈哈哈哈，神药神药神药",
    ]
    sources = ["可以?根治", "(彻底|完全)治愈", "治愈率\\s*\\d+%", "FDA认证", "ok"]
    sources += ["哈哈", "神药神药"]
    patterns = Patterns(sources)
    assert any(p is not None for p in patterns.phrases)  # plain phrases skip the regex
    for text in texts:
        for start, end in [(0, len(text)), (1, len(text)), (0, 3), (2, 5), (4, 4)]:
            expected = sorted(
                {
                    (m.start(), m.end())
                    for s in sources
                    for m in re.compile(s, re.I).finditer(text, start, end)
                }
            )
            assert list(patterns.finditer(text, start, end)) == expected, (text, start, end)
            first = next(iter(expected), None)
            assert patterns.search(text, start, end) == first, (text, start, end)


def test_search_skips_empty_matches_like_finditer():
    """A pattern that can match empty: ``search`` gives the first non-empty match."""
    patterns = Patterns(["a*|根治", "x?"])
    for text in ["根治", "aa根治", "根治aa", ""]:
        assert patterns.search(text) == next(patterns.finditer(text), None), text
