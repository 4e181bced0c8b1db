"""No memorised sentences: rules share no long run of characters with labelled articles.

A rule pattern's literal runs, a lexicon's words, a rule's examples and cases are each
compared with every line of ``../shared/corpus`` (runs of 8 characters; skipped when it is
absent) and of the frozen evaluation sets under ``tests/data`` (runs of 12 that hold a
Chinese character and occur in one set only: those sets measure how rules generalise, so
rules, their cases and their comments are worded afresh; a run two independent sets share is
stock wording, such as a drug label's standard sentence).
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
FROZEN_RUN = 12
_SYNTAX = re.compile(r"[\\.^$*+?{}\[\]|()]|\\[a-zA-Z]")
_MARK = re.compile(r"</?mark>")
_CJK = re.compile(r"[\u4e00-\u9fff]")


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


def _own_runs(folders: list[Path]) -> set[str]:
    """Runs of FROZEN_RUN characters with a Chinese character found in exactly one folder."""
    seen: dict[str, int] = {}
    for index, folder in enumerate(folders):
        for run in _runs(folder, FROZEN_RUN):
            if _CJK.search(run):
                seen[run] = index if seen.get(run, index) == index else -1
    return {run for run, index in seen.items() if index >= 0}


def _frozen_sets() -> list[Path]:
    rounds = ROOT / "tests" / "data" / "rounds"
    return [*sorted(p for p in rounds.iterdir() if p.is_dir()), ROOT / "tests" / "data" / "heldout"]


def test_rules_share_no_run_of_twelve_characters_with_one_frozen_set():
    runs = _own_runs(_frozen_sets())
    assert runs, "the frozen sets under tests/data are missing"
    paths = sorted(RULES.rglob("*.yaml"))
    leaks = _leaks(paths, runs, FROZEN_RUN) + _comment_leaks(paths, runs, FROZEN_RUN)
    assert not leaks, "\n".join(leaks)


def _comment_leaks(paths: list[Path], runs: set[str], run: int) -> list[str]:
    """Comments that quote an article: a rule's comment names a family in its own words."""
    leaks = []
    for path in paths:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            text = line.strip()
            if not text.startswith("#"):
                continue
            text = normalise(text)
            if any(text[i : i + run] in runs for i in range(len(text) - run + 1)):
                leaks.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    return leaks


def test_a_rule_case_copied_from_one_set_is_reported_and_stock_wording_is_not(tmp_path: Path):
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir(), two.mkdir()
    (one / "a.md").write_text(
        "# 护膝\n\n这款护膝戴上三天，膝盖就再也不响了。\n\n对本品成分过敏者禁用，孕妇慎用。\n",
        encoding="utf-8",
    )
    (two / "b.md").write_text("# 药贴\n\n对本品成分过敏者禁用，孕妇慎用。\n", encoding="utf-8")
    rule = tmp_path / "rule.yaml"
    rule.write_text(
        "cases:\n  - text: \"广告说<mark>戴上三天，膝盖就再也不响了</mark>。\"\n"
        "  - text: \"对本品成分过敏者禁用，孕妇慎用。\"\n",
        encoding="utf-8",
    )
    leaks = _leaks([rule], _own_runs([one, two]), FROZEN_RUN)
    assert len(leaks) == 1 and "再也不响了" in leaks[0]
