"""A start from the pack cache uses the plain objects of ``rules/kinds.py``, the same a
start from the YAML makes, and imports no pydantic."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from medlint.rules import default_rules_dir, kinds, load_pack, pack_cache
from medlint.violation import Severity, Violation

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").iterdir())


def _fields(items: list) -> list[tuple[str, dict]]:
    return [(type(item).__name__, kinds.dump(item)) for item in items]


def test_cached_and_cold_packs_hold_the_same_plain_objects(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    cold = load_pack([default_rules_dir()])
    built = pack_cache.load_pack_cached([default_rules_dir()])  # stores the entry
    stored = pack_cache.load_pack_cached([default_rules_dir()])  # reads it
    assert stored.stored_at is not None and built is not stored
    for pack in (cold, stored):
        assert all(isinstance(rule, kinds.Plain) for rule in pack.rules)
        assert all(isinstance(topic, kinds.TopicPlain) for topic in pack.topics)
        assert isinstance(pack.lexicon, kinds.ContextPlain)
    assert _fields(stored.rules) == _fields(cold.rules)
    assert stored.rules == cold.rules and stored.topics == cold.topics
    assert stored.lexicon == cold.lexicon and stored.lexicons == cold.lexicons
    for mine, theirs in zip(stored.rules, cold.rules, strict=True):
        assert vars(mine) == vars(theirs)
        assert mine.per_article == theirs.per_article
        assert mine.bad_examples == theirs.bad_examples
        assert mine.good_examples == theirs.good_examples
        assert isinstance(mine.severity, Severity)
    assert stored.lexicon.leading == cold.lexicon.leading


def test_plain_rules_answer_as_the_models_do():
    import yaml

    from medlint.rules.models import RuleFile

    cold = load_pack([default_rules_dir()])
    compared = 0
    for path in sorted(default_rules_dir().rglob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for model in RuleFile.model_validate(data).rules:
            plain = cold.rule(model.code)
            assert plain is not None and plain.kind == model.kind
            if model.kind == "scorer":  # the loader resolves the weights file
                model.weights_path = plain.weights_path
            assert kinds.dump(plain) == model.model_dump(mode="json")
            assert plain.model_dump() == model.model_dump()
            assert plain.per_article == model.per_article
            assert plain.bad_examples == model.bad_examples
            assert plain.good_examples == model.good_examples
            if model.kind == "required":
                assert plain.missing_from("") == model.missing_from("")
            compared += 1
    assert compared == len(cold.rules)


def test_a_damaged_entry_is_not_restored():
    with pytest.raises(kinds.Damaged):
        kinds.restore_rule({"kind": "nonsense"})
    with pytest.raises(kinds.Damaged):
        kinds.restore_rule({"kind": "forbidden", "severity": "fatal"})
    with pytest.raises(kinds.Damaged):
        kinds.restore_rule({"kind": "forbidden", "severity": "error", "cases": {}})
    with pytest.raises(kinds.Damaged):
        kinds.restore_topic({"id": "x", "items": [1]})


PROBE = """
import sys
from medlint.cli.main import main
code = main(["check", "--format", "json", "--no-cache", sys.argv[1]])
print(json.dumps(sorted(m for m in ("pydantic", "yaml") if m in sys.modules)))
"""


def _check(path: Path, cache: Path) -> tuple[str, list[str]]:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    env.pop("MEDLINT_CACHE_DIR", None)
    done = subprocess.run(
        [sys.executable, "-c", "import json\n" + PROBE, str(path)],
        capture_output=True, text=True, env=env, cwd=ROOT, check=False,
    )
    assert done.returncode in (0, 1), done.stderr
    report, modules = done.stdout.rstrip("\n").rsplit("\n", 1)
    return report, json.loads(modules)


def test_a_cached_start_imports_no_pydantic_and_reports_the_same(tmp_path):
    cold = {path.name: _check(path, tmp_path) for path in EXAMPLES}
    warm = {path.name: _check(path, tmp_path) for path in EXAMPLES}
    first = next(iter(cold.values()))
    assert "pydantic" in first[1] and "yaml" in first[1]  # the pack was read from YAML
    for name, (report, modules) in warm.items():
        assert modules == [], name
        assert report == cold[name][0], name
    assert any(json.loads(report) for report, _ in warm.values())  # some report findings


def test_the_default_config_is_the_models():
    from medlint.config.schema import Config
    from medlint.config.settings import DefaultConfig

    assert vars(DefaultConfig()) == Config().model_dump()


def test_violation_reads_back_checked_and_keeps_its_fields():
    found = Violation(
        path="a.md", line=1, column=2, end_line=1, end_column=3, rule="MED001",
        name="x", category="overclaim", severity="error", message="m",
    )
    assert found.severity is Severity.error
    data = found.model_dump(mode="json")
    assert list(data) == list(Violation.model_fields)
    assert data["severity"] == "error" and data["topic"] == ""
    assert Violation.model_validate(data) == found
    assert pickle.loads(pickle.dumps(found)) == found
    assert hash(found) == hash(Violation.model_validate(data))
    assert found.model_copy(update={"line": 4}).line == 4 and found.line == 1
    assert dict(found)["rule"] == "MED001"
    with pytest.raises(AttributeError):
        found.line = 3  # type: ignore[misc]
    for bad in ({**data, "line": "1"}, {**data, "severity": "fatal"}, {**data, "extra": 1},
                {k: v for k, v in data.items() if k != "rule"}, {**data, "text": 3}):
        with pytest.raises(ValueError):
            Violation.model_validate(bad)
