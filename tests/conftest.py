"""Shared fixtures: the command line (in this process, or in a real subprocess) and the
shared corpus when present.

``cli`` runs ``medlint.cli.main(argv)`` in this process with its own working folder,
standard input and captured output: it is what most tests use. ``real_cli`` starts
``python -m medlint`` in a subprocess, for the few tests about the process itself
(entry point, streams, environment, signals).
"""

from __future__ import annotations

import io
import json
import os
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


def run_in_process(*args: str, cwd: Path | None = None, stdin: str | None = None) -> Run:
    """``medlint ARGS`` through ``main(argv)``, as a subprocess would see it: output
    decoded as UTF-8 with universal newlines, standard input from ``stdin``."""
    from medlint.cli import main

    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="")
    err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="")
    given = io.TextIOWrapper(io.BytesIO((stdin or "").encode("utf-8")), encoding="utf-8")
    saved = sys.stdin, sys.stdout, sys.stderr, os.getcwd()
    sys.stdin, sys.stdout, sys.stderr = given, out, err
    try:
        if cwd is not None:
            os.chdir(cwd)
        code = main(list(args))
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved[:3]
        os.chdir(saved[3])
    return Run(code, _captured(out), _captured(err))


def _captured(stream: io.TextIOWrapper) -> str:
    stream.flush()
    raw = stream.buffer.getvalue().decode("utf-8", "replace")  # type: ignore[attr-defined]
    return raw.replace("\r\n", "\n").replace("\r", "\n")


def run_cli(*args: str, cwd: Path | None = None, stdin: str | None = None) -> Run:
    """``python -m medlint ARGS`` in a real subprocess."""
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
    return run_in_process


@pytest.fixture
def real_cli():
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
