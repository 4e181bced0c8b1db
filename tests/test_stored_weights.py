"""The learned hint's weights kept in the user cache folder: read back equal (the same
features in the same order, the same doubles) to those parsed from their file, and
parsed again when the stored copy is not usable or the file changed."""

from __future__ import annotations

import json
from pathlib import Path

from medlint.analysis.likely import Weights
from medlint.checks import scorer
from medlint.rules import default_rules_dir, pack_cache

WEIGHTS = default_rules_dir() / "overclaim" / "likely-claim.json"


def _same(a: Weights, b: Weights) -> bool:
    return (
        (a.bias, a.threshold) == (b.bias, b.threshold)
        and list(a.weights) == list(b.weights)
        and [x.hex() for x in a.weights.values()] == [x.hex() for x in b.weights.values()]
    )


def test_stored_weights_equal_parsed_weights(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    parsed = scorer.load_weights(WEIGHTS)  # parses and stores
    (stored,) = (tmp_path / "xdg" / "medlint").glob("weights-*.json")

    def refused(_: Path) -> Weights:
        raise AssertionError("parsed again")

    monkeypatch.setattr(scorer, "_parse_weights", refused)
    assert _same(scorer.load_weights(WEIGHTS), parsed)
    monkeypatch.undo()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    stored.write_text("garbage", encoding="utf-8")  # damaged: parsed and stored again
    assert _same(scorer.load_weights(WEIGHTS), parsed)
    assert stored.read_text(encoding="utf-8").startswith('{"key"')
    assert pack_cache.clean(tmp_path / "xdg" / "medlint") == 0 and not stored.exists()


def test_changed_weights_file_is_parsed(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    data = {"bias": -1.0, "threshold": 0.5, "weights": {"a": 1, "b": 0.25}}
    path = tmp_path / "w.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    first = scorer.load_weights(path)
    assert first.weights == {"a": 1.0, "b": 0.25}
    data["weights"] = {"a": 2, "c": -0.5}
    path.write_text(json.dumps(data), encoding="utf-8")
    second = scorer.load_weights(path)
    assert list(second.weights.items()) == [("a", 2.0), ("c", -0.5)]
    assert _same(scorer.load_weights(path), second)


def test_stored_weights_of_another_shape_are_refused() -> None:
    good = Weights(0.5, 0.5, {"a": 1.0, "b": -2.0}).dump()
    assert Weights.restore(good) == Weights(0.5, 0.5, {"a": 1.0, "b": -2.0})
    assert Weights.restore([]) is None
    assert Weights.restore({**good, "threshold": 1.5}) is None
    assert Weights.restore({**good, "bias": 1}) is None
    assert Weights.restore({**good, "features": ["a"]}) is None  # one number too many
    assert Weights.restore({**good, "features": ["a", "a"]}) is None
    assert Weights.restore({**good, "features": ["a", 2]}) is None
    assert Weights.restore({**good, "weights": "AAA"}) is None
    assert Weights.restore({**good, "extra": 1}) is None
