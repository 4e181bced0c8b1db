"""Shared fixtures: the real CLI, run in a subprocess, and the shared corpus when present."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@dataclass
class Run:
    code: int
    out: str
    err: str

    def json(self) -> list[dict]:
        return json.loads(self.out)


def run_cli(*args: str, cwd: Path | None = None, stdin: str | None = None) -> Run:
    done = subprocess.run(
        [sys.executable, "-m", "medlint", *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
    )
    return Run(done.returncode, done.stdout, done.stderr)


@pytest.fixture
def cli():
    return run_cli


@pytest.fixture
def shared() -> Path:
    if not (SHARED / "corpus" / "dev" / "labels.jsonl").is_file():
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture(autouse=True, scope="session")
def _private_result_cache(tmp_path_factory):
    """Runs of the CLI keep their result cache in the session's temporary folder."""
    import os

    os.environ["MEDLINT_CACHE_DIR"] = str(tmp_path_factory.mktemp("medlint-cache"))
    yield
    os.environ.pop("MEDLINT_CACHE_DIR", None)


def lint_article(cli, folder: Path, text: str, name: str = "a.md") -> list[dict]:
    """Write ``text`` as ``folder/name``, check it with the CLI, return the JSON report."""
    article = folder / name
    article.write_text(text, encoding="utf-8")
    run = cli("check", "--format", "json", str(article))
    assert run.code in (0, 1), run.err
    return run.json()
