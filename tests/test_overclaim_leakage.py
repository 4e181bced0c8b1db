"""No memorised sentences: rules share no long run of characters with labelled articles.

A rule pattern's literal runs, a lexicon's words, a rule's examples and cases are each
compared with every line of ``../shared/corpus`` (runs of 8 characters; skipped when it is
absent) and of the frozen evaluation sets under ``tests/data`` (runs of 10: those sets
measure how rules generalise, so rules and their cases must be worded afresh).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from medlint.analysis.normalize import normalise

ROOT = Path(__file__).resolve().parent.parent
RULES = ROOT / "rules"
RUN = 8
FROZEN_RUN = 10
FROZEN = (ROOT / "tests" / "data" / "rounds", ROOT / "tests" / "data" / "heldout")
_SYNTAX = re.compile(r"[\\.^$*+?{}\[\]|()]|\\[a-zA-Z]")
_MARK = re.compile(r"</?mark>")


def _corpus() -> Path | None:
    for base in (ROOT.parent, ROOT.parent.parent):
        if (base / "shared" / "corpus").is_dir():
            return base / "shared" / "corpus"
    return None


def _runs(corpus: Path, run: int = RUN) -> set[str]:
    """Every run of ``run`` characters of every line of the corpus, normalised."""
    runs: set[str] = set()
    for path in corpus.rglob("*"):
        if path.suffix not in (".md", ".txt", ".html", ".htm") or path.name in ("README.md",):
            continue
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            line = normalise(line.strip())
            runs.update(line[i : i + run] for i in range(len(line) - run + 1))
    return runs


def _strings(data: object, key: str = "") -> list[tuple[str, str]]:
    """(where, text) of every pattern, word, example and case in a rule file."""
    found: list[tuple[str, str]] = []
    if isinstance(data, dict):
        for name, value in data.items():
            found += _strings(value, str(name))
    elif isinstance(data, list):
        for value in data:
            found += _strings(value, key)
    elif isinstance(data, str) and key in (
        "patterns", "frames", "exceptions", "sentence_exceptions", "words", "bad", "good",
        "text", "examples", "triggers", "complete", "incomplete",
    ):
        text = _MARK.sub("", data)
        for part in _SYNTAX.split(text):
            found.append((key, part))
    return found


def _leaks(paths: list[Path], runs: set[str], run: int) -> list[str]:
    leaks = []
    for path in paths:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for key, text in _strings(data):
            text = normalise(text)
            for i in range(len(text) - run + 1):
                if text[i : i + run] in runs:
                    where = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
                    leaks.append(f"{where} {key}: {text}")
                    break
    return leaks


def test_rules_share_no_run_of_eight_characters_with_the_corpus():
    corpus = _corpus()
    if corpus is None:
        pytest.skip("../shared/corpus is not present")
    paths = sorted([*RULES.glob("overclaim/*.yaml"), *RULES.glob("lexicons/*.yaml")])
    leaks = _leaks(paths, _runs(corpus), RUN)
    assert not leaks, "\n".join(leaks)


def test_rules_share_no_run_of_ten_characters_with_the_frozen_sets():
    runs: set[str] = set()
    for folder in FROZEN:
        runs |= _runs(folder / "articles" if (folder / "articles").is_dir() else folder, FROZEN_RUN)
    assert runs, "the frozen sets under tests/data are missing"
    leaks = _leaks(sorted(RULES.rglob("*.yaml")), runs, FROZEN_RUN)
    assert not leaks, "\n".join(leaks)


def test_a_rule_case_copied_from_an_article_is_reported(tmp_path: Path):
    article = tmp_path / "a.md"
    article.write_text("# 护膝\n\n这款护膝戴上三天，膝盖就再也不响了。\n", encoding="utf-8")
    rule = tmp_path / "rule.yaml"
    rule.write_text(
        "cases:\n  - text: \"广告说<mark>戴上三天，膝盖就再也不响了</mark>。\"\n"
        "  - text: \"护膝只能减轻负担，响声多半与软骨无关。\"\n",
        encoding="utf-8",
    )
    leaks = _leaks([rule], _runs(tmp_path, FROZEN_RUN), FROZEN_RUN)
    assert len(leaks) == 1 and "再也不响了" in leaks[0]
