"""The Python API honours configuration and selection like the command line."""

from __future__ import annotations

import pytest

import medlint
from config_samples import CLAIMS, NO_DISCLAIMER, write
from medlint.config import ConfigError
from medlint.violation import Violation


def _rules(violations: list[Violation]) -> list[tuple[str, int]]:
    return sorted((v.rule, v.line) for v in violations)


def test_check_text_select_and_ignore():
    found = medlint.check_text(CLAIMS, "a.md", isolated=True, select="overclaim", ignore=["MED404"])
    assert all(isinstance(v, Violation) for v in found)
    assert _rules(found) == [("MED401", 3), ("MED402", 5)]
    assert _rules(medlint.check_text(CLAIMS, "a.md", isolated=True, select=["cure-rate"])) == [
        ("MED402", 5)
    ]


def test_check_text_with_a_mapping_config():
    config = {"select": ["MED4"], "severity": {"MED402": "info"}, "ignore": ["MED404"]}
    found = medlint.check_text(CLAIMS, "a.md", config=config, extend_select="MED101")
    assert {v.rule: v.severity.value for v in found} == {"MED401": "error", "MED402": "info"}


def test_check_text_uses_the_closest_config(tmp_path):
    write(tmp_path, {"medlint.toml": 'select = ["MED402"]\n'})
    found = medlint.check_text(CLAIMS, str(tmp_path / "a.md"))
    assert _rules(found) == [("MED402", 5)]


def test_check_paths_honours_config_files(tmp_path):
    write(
        tmp_path,
        {
            "medlint.toml": 'exclude = ["drafts/"]\nselect = ["MED101", "MED402"]\n',
            "drafts/a.md": CLAIMS,
            "b.md": CLAIMS,
            "c.md": NO_DISCLAIMER,
        },
    )
    found = medlint.check_paths([tmp_path])
    assert sorted((v.path.rsplit("/", 1)[-1], v.rule) for v in found) == [
        ("b.md", "MED402"),
        ("c.md", "MED101"),
    ]
    only = medlint.check_paths([tmp_path], ignore="MED402")
    assert [v.rule for v in only] == ["MED101"]


def test_bad_settings_raise_config_error(tmp_path):
    with pytest.raises(ConfigError, match="unknown setting 'colour'"):
        medlint.check_text(CLAIMS, "a.md", config={"colour": "red"})
    with pytest.raises(ConfigError, match="MED999"):
        medlint.check_text(CLAIMS, "a.md", isolated=True, select="MED999")
