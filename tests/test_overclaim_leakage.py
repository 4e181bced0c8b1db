"""No memorised sentences: rules share no run of 8+ characters with the shared corpus.

A rule pattern's literal runs, a lexicon's words, a rule's examples and cases are each
compared with every line of ``../shared/corpus``; the test skips when it is absent.
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
_SYNTAX = re.compile(r"[\\.^$*+?{}\[\]|()]|\\[a-zA-Z]")
_MARK = re.compile(r"</?mark>")


def _corpus() -> Path | None:
    for base in (ROOT.parent, ROOT.parent.parent):
        if (base / "shared" / "corpus").is_dir():
            return base / "shared" / "corpus"
    return None


def _runs(corpus: Path) -> set[str]:
    """Every run of RUN characters of every line of the corpus, normalised."""
    runs: set[str] = set()
    for path in corpus.rglob("*"):
        if path.suffix not in (".md", ".txt", ".html", ".htm") or path.name in ("README.md",):
            continue
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            line = normalise(line.strip())
            runs.update(line[i : i + RUN] for i in range(len(line) - RUN + 1))
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


def test_rules_share_no_run_of_eight_characters_with_the_corpus():
    corpus = _corpus()
    if corpus is None:
        pytest.skip("../shared/corpus is not present")
    runs = _runs(corpus)
    leaks = []
    for path in sorted([*RULES.glob("overclaim/*.yaml"), *RULES.glob("lexicons/*.yaml")]):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for key, text in _strings(data):
            text = normalise(text)
            for i in range(len(text) - RUN + 1):
                if text[i : i + RUN] in runs:
                    leaks.append(f"{path.relative_to(ROOT)} {key}: {text}")
                    break
    assert not leaks, "\n".join(leaks)
