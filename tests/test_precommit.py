"""The pre-commit hook, for real: a scratch repository whose commits medlint guards.

The hook repository is a fresh git repository holding a copy of this checkout (the files
the package is built from), so the test sees the working tree, committed or not.
pre-commit builds the hook's virtual environment from it, which needs the package index.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from config_samples import CLAIMS, CLEAN, NO_DISCLAIMER
from conftest import ROOT

pytest.importorskip("pre_commit")
if shutil.which("git") is None:
    pytest.skip("git is not installed", allow_module_level=True)

PACKAGE_FILES = ["pyproject.toml", "README.md", ".pre-commit-hooks.yaml", "src", "rules"]


def _git(cwd: Path, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=True
    )


@pytest.fixture(scope="module")
def env(tmp_path_factory) -> dict[str, str]:
    """No global git configuration, no identity, a private pre-commit cache, CI=true."""
    home = tmp_path_factory.mktemp("env")
    (home / "gitconfig").write_text("")
    return {
        **os.environ,
        "CI": "true",
        "GIT_CONFIG_GLOBAL": str(home / "gitconfig"),
        "GIT_CONFIG_NOSYSTEM": "1",
        "PRE_COMMIT_HOME": str(home / "pre-commit"),
        "PRE_COMMIT_COLOR": "never",
    }


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory, env) -> tuple[Path, str]:
    """A git repository with this checkout's package files; (path, commit)."""
    repo = tmp_path_factory.mktemp("medlint-hooks")
    for name in PACKAGE_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, repo / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, repo / name)
    _git(repo, "init", "-q", env=env)
    _git(repo, "add", ".", env=env)
    _git(
        repo, "-c", "user.name=medlint", "-c", "user.email=medlint@example.org",
        "commit", "-q", "-m", "hooks", env=env,
    )
    commit = _git(repo, "rev-parse", "HEAD", env=env).stdout.strip()
    return repo, commit


def _content_repo(path: Path, hook: tuple[Path, str], hook_id: str, env) -> Path:
    repo_path, commit = hook
    _git(path, "init", "-q", env=env)
    _git(path, "config", "user.name", "Writer", env=env)
    _git(path, "config", "user.email", "writer@example.org", env=env)
    (path / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {repo_path.as_uri()}\n    rev: {commit}\n"
        f"    hooks:\n      - id: {hook_id}\n",
        encoding="utf-8",
    )
    subprocess.run(
        [sys.executable, "-m", "pre_commit", "install"], cwd=path, env=env, check=True,
        capture_output=True,
    )
    return path


def _commit(repo: Path, env, message: str) -> subprocess.CompletedProcess:
    _git(repo, "add", "-A", env=env)
    return subprocess.run(
        ["git", "commit", "-m", message], cwd=repo, env=env, capture_output=True, text=True,
        timeout=1800,
    )


def test_hook_blocks_a_violating_article_until_it_is_fixed(tmp_path, hook_repo, env):
    repo = _content_repo(tmp_path, hook_repo, "medlint", env)
    (repo / "good.md").write_text(CLEAN, encoding="utf-8")
    (repo / "bad.md").write_text(CLAIMS, encoding="utf-8")
    (repo / "notes.py").write_text("x = '颈椎病就能彻底治愈'\n", encoding="utf-8")

    blocked = _commit(repo, env, "articles")
    output = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0, output
    assert "bad.md:5:1: MED402" in output
    assert "good.md" not in output and "notes.py" not in output
    assert _git(repo, "rev-list", "--all", env=env).stdout == ""  # nothing committed

    (repo / "bad.md").write_text(CLEAN, encoding="utf-8")
    allowed = _commit(repo, env, "articles")
    assert allowed.returncode == 0, allowed.stdout + allowed.stderr
    assert "Passed" in allowed.stdout + allowed.stderr
    tracked = _git(repo, "ls-files", env=env).stdout.split()
    assert {"good.md", "bad.md", "notes.py"} <= set(tracked)


def test_fix_hook_adds_the_disclaimer_then_lets_the_commit_through(tmp_path, hook_repo, env):
    repo = _content_repo(tmp_path, hook_repo, "medlint-fix", env)
    (repo / "medlint.toml").write_text(
        'disclaimer-text = "本站内容仅供参考，不能替代医生面诊。"\n', encoding="utf-8"
    )
    (repo / "post.md").write_text(NO_DISCLAIMER, encoding="utf-8")

    first = _commit(repo, env, "post")
    assert first.returncode != 0, first.stdout + first.stderr  # the hook changed the file
    fixed = (repo / "post.md").read_text(encoding="utf-8")
    assert fixed.rstrip().endswith("本站内容仅供参考，不能替代医生面诊。")

    second = _commit(repo, env, "post")  # the fixed file, staged again
    assert second.returncode == 0, second.stdout + second.stderr
    committed = _git(repo, "show", "HEAD:post.md", env=env).stdout
    assert committed == fixed
