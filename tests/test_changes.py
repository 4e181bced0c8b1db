"""--changed-since / --diff-file: only violations on lines a change adds, in a scratch repo."""

from __future__ import annotations

import difflib
import shutil
import subprocess

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from articles import write
from medlint.filters.changes import FileChange, parse_unified_diff

OLD = "# 颈椎保健\n\n每天坚持，颈椎病就能彻底治愈。\n\n我院使用国际顶级品牌。\n"  # no disclaimer
UNTOUCHED = "# 其他\n\n本品无副作用。\n"


def git(folder, *args: str) -> str:
    done = subprocess.run(
        ["git", *args], cwd=folder, capture_output=True, text=True, encoding="utf-8", check=True
    )
    return done.stdout


@pytest.fixture
def repo(tmp_path):
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    git(tmp_path, "init", "-q")
    git(tmp_path, "config", "user.name", "Test Writer")
    git(tmp_path, "config", "user.email", "writer@example.com")
    git(tmp_path, "config", "commit.gpgsign", "false")
    write(tmp_path, "docs/文章.md", OLD)
    write(tmp_path, "docs/untouched.md", UNTOUCHED)
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "articles")
    # a new line above the old claims, and a new claim at the end
    write(
        tmp_path,
        "docs/文章.md",
        "# 颈椎保健\n\n前言。\n" + OLD.split("\n", 1)[1] + "\n本品无副作用。\n",
    )
    return tmp_path


def found(run) -> list[tuple[str, str, int]]:
    return [(v["path"], v["rule"], v["line"]) for v in run.json()]


def test_changed_since_reports_only_new_lines(cli, repo):
    run = cli("check", "--format", "json", "--changed-since", "HEAD", "docs", cwd=repo)
    assert run.code == 1, run.err
    # the new claim, and the per-article disclaimer because the article changed;
    # the old claims moved down but did not change, and untouched.md is not reported
    assert sorted(found(run)) == [("docs/文章.md", "MED101", 9), ("docs/文章.md", "MED403", 9)]


def test_changed_since_from_a_subfolder_and_untracked_files(cli, repo):
    write(repo, "docs/new.md", UNTOUCHED)
    run = cli("check", "--format", "json", "--changed-since", "HEAD", ".", cwd=repo / "docs")
    assert sorted(found(run)) == [
        ("./new.md", "MED101", 3),
        ("./new.md", "MED403", 3),
        ("./文章.md", "MED101", 9),
        ("./文章.md", "MED403", 9),
    ]


def test_unchanged_repository_reports_nothing(cli, repo):
    git(repo, "commit", "-q", "-am", "edit")
    run = cli("check", "--format", "json", "--changed-since", "HEAD", "docs", cwd=repo)
    assert (run.code, run.json()) == (0, [])
    everything = cli("check", "--format", "json", "--changed-since", "HEAD~1", "docs", cwd=repo)
    assert len(everything.json()) == 2


def test_diff_file_and_stdin(cli, repo):
    diff = git(repo, "-c", "core.quotePath=true", "diff", "--unified=0", "HEAD")
    assert '"b/docs/\\' in diff  # git quotes the non-ASCII name
    write(repo, "change.diff", diff)
    from_file = cli("check", "--format", "json", "--diff-file", "change.diff", "docs", cwd=repo)
    from_stdin = cli("check", "--format", "json", "--diff-file", "-", "docs", cwd=repo, stdin=diff)
    expected = [("docs/文章.md", "MED101", 9), ("docs/文章.md", "MED403", 9)]
    assert sorted(found(from_file)) == expected
    assert from_stdin.out == from_file.out


def test_changed_lines_errors(cli, repo, tmp_path_factory):
    bad_ref = cli("check", "--changed-since", "no-such-ref", "docs", cwd=repo)
    assert bad_ref.code == 2 and bad_ref.err.startswith("medlint: error: git diff")
    outside = tmp_path_factory.mktemp("plain")
    write(outside, "a.md", OLD)
    not_repo = cli("check", "--changed-since", "HEAD", "a.md", cwd=outside)
    assert not_repo.code == 2 and len(not_repo.err.splitlines()) == 1
    both = cli("check", "--changed-since", "HEAD", "--diff-file", "x.diff", "docs", cwd=repo)
    assert both.code == 2
    missing = cli("check", "--diff-file", "nope.diff", "docs", cwd=repo)
    assert missing.code == 2 and "nope.diff" in missing.err


def test_parse_unified_diff_hunks():
    diff = (
        "diff --git a/x.md b/x.md\n--- a/x.md\n+++ b/x.md\n"
        "@@ -3 +3,2 @@\n-old\n+new\n+newer\n"
        "@@ -10,2 +11,0 @@\n-gone\n-gone\n"
        "@@ -20,0 +19 @@\n+added\n"
        "diff --git a/y.md b/y.md\n--- a/y.md\n+++ /dev/null\n@@ -1 +0,0 @@\n-all\n"
    )
    changes = parse_unified_diff(diff)
    assert set(changes) == {"x.md"}
    assert changes["x.md"].lines == {3, 4, 19}


lines = st.lists(st.sampled_from(["甲\n", "乙\n", "丙\n", "根治\n", "\n"]), max_size=12)


@settings(max_examples=200, deadline=None)
@given(old=lines, new=lines)
def test_parsed_lines_are_the_lines_difflib_adds(old, new):
    diff = "".join(difflib.unified_diff(old, new, "a/x.md", "b/x.md", n=0))
    expected = {
        line
        for tag, _, _, j1, j2 in difflib.SequenceMatcher(None, old, new).get_opcodes()
        if tag in ("replace", "insert")
        for line in range(j1 + 1, j2 + 1)
    }
    changes = parse_unified_diff(diff)
    assert changes.get("x.md", FileChange()).lines == expected
