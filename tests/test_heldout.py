"""Generalisation: the CLI on the frozen held-out corpora scores above their floors.

Each corpus (``tests/data/heldout`` and every ``tests/data/rounds/*``) follows the dev
corpus format: ``articles/`` and ``labels.jsonl``; per-article categories (disclaimer,
contraindication, urgent-warning) match on (file, category), overclaims on (file, line);
a label whose note starts with "borderline:" counts neither for nor against. A corpus may
carry ``floors.json`` (``{"precision": 0.9, "recall": 0.85}``, or per category) when its
floors differ from the default.

The floors are the rules' own: the learned hint (MED490), trained on these very corpora,
is left out (its figures on a batch's first run are in ``benchmarks/quality.md``).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import run_cli

DATA = Path(__file__).parent / "data"
CORPORA = [DATA / "heldout", *sorted((DATA / "rounds").glob("*/"))]
CATEGORIES = ("disclaimer", "contraindication", "urgent-warning", "overclaim")
DEFAULT_FLOORS = {"precision": 0.9, "recall": 0.85}

Key = tuple[str, object]


def _key(file: str, category: str, line: int) -> Key:
    return (file, line) if category == "overclaim" else (file, category)


def _labels(corpus: Path) -> tuple[dict[str, set[Key]], set[Key]]:
    """Scored labels per category, and the borderline keys to ignore."""
    expected: dict[str, set[Key]] = {category: set() for category in CATEGORIES}
    borderline: set[Key] = set()
    for text in (corpus / "labels.jsonl").read_text(encoding="utf-8").splitlines():
        if not text.strip():
            continue
        label = json.loads(text)
        key = _key(label["file"], label["category"], label["line"])
        if label.get("note", "").startswith("borderline:"):
            borderline.add(key)
        else:
            expected[label["category"]].add(key)
    return expected, borderline


def _floors(corpus: Path, category: str) -> tuple[float, float]:
    path = corpus / "floors.json"
    floors = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    floors = {**DEFAULT_FLOORS, **floors, **floors.get(category, {})}
    return floors["precision"], floors["recall"]


_found: dict[Path, dict[str, set[Key]]] = {}


def _reported(corpus: Path) -> dict[str, set[Key]]:
    """The CLI's violations on a corpus, keyed like the labels (one run per corpus)."""
    if corpus not in _found:
        run = run_cli("check", "--no-cache", "--format", "json", "--ignore", "MED490", ".",
                      cwd=corpus / "articles")
        assert run.code in (0, 1), run.err
        reported: dict[str, set[Key]] = {category: set() for category in CATEGORIES}
        for violation in run.json():
            if violation["category"] in reported:
                file = Path(violation["path"]).as_posix().removeprefix("./")
                reported[violation["category"]].add(
                    _key(file, violation["category"], violation["line"])
                )
        _found[corpus] = reported
    return _found[corpus]


@pytest.mark.parametrize("corpus", CORPORA, ids=lambda p: p.name)
def test_corpus_is_labelled_in_the_dev_format(corpus: Path) -> None:
    articles = {path.name for path in (corpus / "articles").iterdir()}
    expected, borderline = _labels(corpus)
    labelled = {key[0] for keys in expected.values() for key in keys} | {k[0] for k in borderline}
    assert labelled <= articles
    assert len(articles) >= 30


@pytest.mark.parametrize("category", CATEGORIES)
@pytest.mark.parametrize("corpus", CORPORA, ids=lambda p: p.name)
def test_heldout_precision_and_recall(corpus: Path, category: str) -> None:
    expected, borderline = _labels(corpus)
    got = _reported(corpus)[category] - borderline
    hits = got & expected[category]
    misses = sorted(expected[category] - got, key=str)
    false_reports = sorted(got - expected[category], key=str)
    precision = len(hits) / len(got) if got else 1.0
    recall = len(hits) / len(expected[category]) if expected[category] else 1.0
    min_precision, min_recall = _floors(corpus, category)
    assert precision >= min_precision and recall >= min_recall, (
        f"{corpus.name} {category}: precision {precision:.3f} (min {min_precision}), "
        f"recall {recall:.3f} (min {min_recall})\n"
        f"  missed: {misses}\n  false reports: {false_reports}"
    )
