"""Exit codes (--exit-zero, --fail-on) and --statistics through the real CLI."""

from __future__ import annotations

import json

import pytest

from articles import CLEAN, INFO_ONLY, THREE_SEVERITIES, WARNING_ONLY, write


@pytest.fixture
def folder(tmp_path):
    write(tmp_path, "three.md", THREE_SEVERITIES)
    write(tmp_path, "warning.md", WARNING_ONLY)
    write(tmp_path, "info.md", INFO_ONLY)
    write(tmp_path, "clean.md", CLEAN)
    return tmp_path


@pytest.mark.parametrize(
    ("name", "fail_on", "code"),
    [
        ("three.md", None, 1),
        ("warning.md", None, 0),
        ("warning.md", "warning", 1),
        ("warning.md", "error", 0),
        ("info.md", "warning", 0),
        ("info.md", "info", 1),
        ("clean.md", "info", 0),
    ],
)
def test_fail_on(cli, folder, name, fail_on, code):
    args = ["check", "--format", "concise", name]
    if fail_on:
        args[1:1] = ["--fail-on", fail_on]
    run = cli(*args, cwd=folder)
    assert run.code == code, run.out + run.err


def test_fail_on_rejects_unknown_severity(cli, folder):
    run = cli("check", "--fail-on", "fatal", "three.md", cwd=folder)
    assert run.code == 2
    assert run.err.startswith("medlint: error:") and len(run.err.splitlines()) == 1


def test_exit_zero_still_reports(cli, folder):
    run = cli(
        "check", "--exit-zero", "--fail-on", "info", "--format", "concise", "three.md", cwd=folder
    )
    assert run.code == 0
    assert "MED401" in run.out


def test_exit_zero_keeps_usage_errors(cli, folder):
    assert cli("check", "--exit-zero", "--format", "nope", "three.md", cwd=folder).code == 2
    assert cli("check", "--exit-zero", "missing.md", cwd=folder).code == 2


def test_statistics_table(cli, folder):
    run = cli("check", "--statistics", ".", cwd=folder)
    assert run.code == 1
    assert run.out.splitlines() == [
        "2\tMED404\tsuperlative",
        "2\tMED413\tunverifiable-evidence",
        "1\tMED401\tcure-guarantee",
    ]


def test_statistics_json(cli, folder):
    run = cli(
        "check",
        "--statistics",
        "--format",
        "json",
        "--fail-on",
        "warning",
        "warning.md",
        "info.md",
        cwd=folder,
    )
    assert run.code == 1
    assert json.loads(run.out) == [
        {"code": "MED404", "name": "superlative", "count": 1},
        {"code": "MED413", "name": "unverifiable-evidence", "count": 1},
    ]


def test_statistics_clean_run_prints_nothing(cli, folder):
    run = cli("check", "--statistics", "clean.md", cwd=folder)
    assert (run.code, run.out) == (0, "")
