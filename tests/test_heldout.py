"""Generalisation: the CLI on the held-out corpus in tests/data/heldout scores above a floor.

The corpus follows the dev corpus format: per-article categories (disclaimer,
contraindication, urgent-warning) match on (file, category), overclaims on (file, line);
a label whose note starts with "borderline:" counts neither for nor against.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import run_cli

CORPUS = Path(__file__).parent / "data" / "heldout"
CATEGORIES = ("disclaimer", "contraindication", "urgent-warning", "overclaim")
MIN_PRECISION = 0.9
MIN_RECALL = 0.85

Key = tuple[str, object]


def _key(file: str, category: str, line: int) -> Key:
    return (file, line) if category == "overclaim" else (file, category)


def _labels() -> tuple[dict[str, set[Key]], set[Key]]:
    """Scored labels per category, and the borderline keys to ignore."""
    expected: dict[str, set[Key]] = {category: set() for category in CATEGORIES}
    borderline: set[Key] = set()
    for text in (CORPUS / "labels.jsonl").read_text(encoding="utf-8").splitlines():
        if not text.strip():
            continue
        label = json.loads(text)
        key = _key(label["file"], label["category"], label["line"])
        if label.get("note", "").startswith("borderline:"):
            borderline.add(key)
        else:
            expected[label["category"]].add(key)
    return expected, borderline


@pytest.fixture(scope="module")
def found() -> dict[str, set[Key]]:
    """The CLI's violations on the corpus, keyed like the labels (one run per module)."""
    run = run_cli("check", "--format", "json", ".", cwd=CORPUS / "articles")
    assert run.code in (0, 1), run.err
    reported: dict[str, set[Key]] = {category: set() for category in CATEGORIES}
    for violation in run.json():
        if violation["category"] in reported:
            file = Path(violation["path"]).as_posix().removeprefix("./")
            reported[violation["category"]].add(
                _key(file, violation["category"], violation["line"])
            )
    return reported


def test_corpus_is_labelled_in_the_dev_format() -> None:
    articles = {path.name for path in (CORPUS / "articles").iterdir()}
    expected, borderline = _labels()
    labelled = {key[0] for keys in expected.values() for key in keys} | {k[0] for k in borderline}
    assert labelled <= articles
    assert len(articles) >= 30 and len(articles - labelled) >= 10  # a third fully compliant


@pytest.mark.parametrize("category", CATEGORIES)
def test_heldout_precision_and_recall(category: str, found: dict[str, set[Key]]) -> None:
    expected, borderline = _labels()
    got = found[category] - borderline
    hits = got & expected[category]
    misses = sorted(expected[category] - got, key=str)
    false_reports = sorted(got - expected[category], key=str)
    precision = len(hits) / len(got) if got else 1.0
    recall = len(hits) / len(expected[category]) if expected[category] else 1.0
    assert precision >= MIN_PRECISION and recall >= MIN_RECALL, (
        f"{category}: precision {precision:.3f} (min {MIN_PRECISION}), "
        f"recall {recall:.3f} (min {MIN_RECALL})\n"
        f"  missed: {misses}\n  false reports: {false_reports}"
    )
