"""Parallel runs, the result cache and the cluster runner, through the real CLI."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT


def _corpus(tmp_path, copies: int = 5):
    folder = tmp_path / "articles"
    folder.mkdir()
    for i in range(copies):
        for article in (ROOT / "examples").iterdir():
            shutil.copy(article, folder / f"{i:02d}-{article.name}")
    return folder


def test_jobs_give_the_same_ordered_output(cli, tmp_path):
    corpus = _corpus(tmp_path)
    one = cli("check", "--no-cache", "-j", "1", "--format", "json", str(corpus))
    two = cli("check", "--no-cache", "--jobs", "2", "--format", "json", str(corpus))
    assert one.code == two.code == 1
    assert one.out == two.out
    paths = [v["path"] for v in one.json()]
    assert paths == sorted(paths) and len(set(paths)) > 10


def test_long_run_same_as_reference(cli, tmp_path):
    """From 500 files on, the dictionary is loaded whole and workers are forked."""

    corpus = _corpus(tmp_path, copies=130)
    args = [sys.executable, "-m", "medlint", "check", "--no-cache", "--format", "json"]
    plain = subprocess.run([*args, "-j", "1", str(corpus)], capture_output=True, text=True,
                           env=dict(os.environ, MEDLINT_REFERENCE="1"), timeout=600)
    fast = cli("check", "--no-cache", "--format", "json", "-j", "2", str(corpus))
    assert len(fast.json()) > 500
    assert fast.out == plain.stdout


def test_bad_jobs_is_a_usage_error(cli):
    run = cli("check", "-j", "0", "examples")
    assert run.code == 2 and run.err.startswith("medlint: error:")


def test_cache_is_reused_and_keyed_on_content(cli, tmp_path):
    corpus = _corpus(tmp_path, copies=1)
    cache = tmp_path / "cache"
    args = ("check", "--cache-dir", str(cache), "--format", "json", str(corpus))
    cold = cli(*args)
    assert (cache / "results.sqlite").is_file()
    assert cli(*args).out == cold.out
    # an edited article is checked again, not answered from the cache
    target = corpus / "00-compliant-botox.md"
    target.write_text(target.read_text(encoding="utf-8") + "\n本品可以根治皱纹。\n", "utf-8")
    edited = cli(*args).json()
    assert any(v["path"].endswith("00-compliant-botox.md") for v in edited)
    # a different rule selection does not reuse the entries
    only = cli("check", "--cache-dir", str(cache), "--select", "MED101", "--format", "json",
               str(corpus)).json()
    assert only and {v["rule"] for v in only} == {"MED101"}


def test_no_cache_writes_nothing(cli, tmp_path):
    run = cli("check", "--no-cache", str(ROOT / "examples"), cwd=tmp_path)
    assert run.code == 1
    assert not (tmp_path / ".medlint_cache").exists()


def test_default_cache_dir_is_outside_the_checked_folders(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("MEDLINT_CACHE_DIR")
    content = tmp_path / "content"
    shutil.copytree(ROOT / "examples", content)
    before = sorted(p.name for p in content.rglob("*"))
    assert cli("check", ".", cwd=content).code == 1
    assert sorted(p.name for p in content.rglob("*")) == before  # nothing written there
    assert (tmp_path / "xdg" / "medlint" / "results" / "results.sqlite").is_file()
    cleaned = cli("clean", cwd=content)
    assert cleaned.code == 0
    assert not (tmp_path / "xdg" / "medlint" / "results" / "results.sqlite").exists()
    assert "no cache" in cli("clean", cwd=content).out


def test_clean_leaves_foreign_files(cli, tmp_path):
    (tmp_path / "keep.txt").write_text("x", "utf-8")
    cli("check", "--cache-dir", str(tmp_path), str(ROOT / "examples"))
    cli("clean", "--cache-dir", str(tmp_path))
    assert (tmp_path / "keep.txt").is_file()
    assert not (tmp_path / "results.sqlite").exists()


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("report_format", "out_is_terminal", "ci", "wanted"),
    [
        ("text", False, None, True),  # a person watches stderr, the report goes elsewhere
        ("html", False, None, True),
        ("text", True, None, False),  # the report shares the terminal
        ("json", False, None, False),  # machine formats never
        ("sarif", False, None, False),
        ("text", False, "true", False),  # CI never
    ],
)
def test_progress_bar_only_for_a_person_watching(
    monkeypatch, report_format, out_is_terminal, ci, wanted
):
    from medlint.cli import progress

    if ci is None:
        monkeypatch.delenv("CI", raising=False)
    else:
        monkeypatch.setenv("CI", ci)
    out = _Terminal() if out_is_terminal else io.StringIO()
    assert progress.wanted(report_format, out, _Terminal()) is wanted
    assert progress.wanted(report_format, out, io.StringIO()) is False  # stderr not a tty


def test_progress_bar_counts_files_and_passes_results_through(monkeypatch):
    from medlint.cli import progress
    from medlint.run.runner import FileResult

    results = [FileResult(f"{i}.md", "", []) for i in range(3)]
    quick = _Terminal()
    assert list(progress.track(iter(results), quick)) == results
    assert quick.getvalue() == ""  # a run shorter than the delay draws nothing
    monkeypatch.setattr(progress, "DELAY", 0)
    slow = _Terminal()
    assert list(progress.track(iter(results), slow)) == results
    assert "files/s" in slow.getvalue()


def test_unreadable_file_is_reported_with_jobs(cli, tmp_path):
    corpus = _corpus(tmp_path, copies=2)
    (corpus / "01-bad.md").write_bytes(b"PK\x03\x04\x00\x00binary")
    run = cli("check", "-j", "2", "--no-cache", "--format", "json", str(corpus))
    assert run.code == 2
    assert "01-bad.md: error:" in run.err
    assert json.loads(run.out)


def test_dask_local_cluster_gives_single_machine_output(tmp_path):
    distributed = pytest.importorskip("distributed")
    from medlint.cli import main

    corpus = _corpus(tmp_path, copies=2)
    single, clustered = tmp_path / "single.json", tmp_path / "cluster.json"
    base = ["check", "--no-cache", "--format", "json"]
    assert main([*base, "-j", "1", "-o", str(single), str(corpus)]) == 1
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
    ) as cluster:
        code = main([*base, "--scheduler", cluster.scheduler_address, "-o", str(clustered),
                     str(corpus)])
    assert code == 1
    assert clustered.read_text("utf-8") == single.read_text("utf-8")
    assert json.loads(single.read_text("utf-8"))


def test_unreachable_scheduler_is_a_usage_error(cli):
    """Refused at once (no waiting for the client's timeout), one line, exit 2."""
    run = cli("check", "--scheduler", "tcp://127.0.0.1:9", "examples", cwd=ROOT)
    assert run.code == 2
    assert run.err.startswith("medlint: error:") and "Traceback" not in run.err


def test_cache_is_keyed_on_each_files_configuration(cli, tmp_path):
    """A cached result is not reused once the file's configuration changes."""
    (tmp_path / "a.md").write_text("# 标题\n\n这种病可以根治。\n", encoding="utf-8")
    config = tmp_path / "medlint.toml"
    cache = tmp_path / "cache"
    args = ("check", "--format", "json", "--cache-dir", str(cache), "a.md")
    config.write_text('select = ["MED401"]\n', encoding="utf-8")
    first = cli(*args, cwd=tmp_path)
    assert [v["rule"] for v in first.json()] == ["MED401"]
    config.write_text('select = ["MED401"]\nignore = ["MED401"]\n', encoding="utf-8")
    second = cli(*args, cwd=tmp_path)
    assert second.code == 0, second.out + second.err
    assert second.json() == []


def _configured_tree(root):
    """A tree whose sub-folder configuration ignores a rule the top folder reports."""
    from config_samples import CLAIMS, write

    return write(
        root / "tree",
        {
            "medlint.toml": 'ignore = ["MED101"]\n',
            "a.md": CLAIMS,
            "sub/medlint.toml": 'ignore = ["MED101", "MED401"]\n',
            "sub/b.md": CLAIMS,
            "sub/deeper/c.md": CLAIMS,
        },
    )


def _spans(items) -> list[tuple[str, str, int, int]]:
    return sorted((Path(v["path"]).name, v["rule"], v["line"], v["column"]) for v in items)


def test_every_front_end_gives_the_same_violations_with_folder_settings(tmp_path, capsys):
    """check (-j 1 and -j 2), the Python API, Dask and --fix use each file's settings."""
    distributed = pytest.importorskip("distributed")
    import medlint
    from medlint.cli import main

    tree = _configured_tree(tmp_path)
    base = ["check", "--no-cache", "--format", "json", str(tree)]
    assert main([*base, "-j", "1"]) == 1
    single = json.loads(capsys.readouterr().out)
    assert main([*base, "-j", "2"]) == 1
    assert json.loads(capsys.readouterr().out) == single
    found = _spans(single)
    assert ("a.md", "MED401", 3, 14) in found
    assert not [f for f in found if f[0] != "a.md" and f[1] == "MED401"]  # sub/ ignores it
    assert {f[0] for f in found} == {"a.md", "b.md", "c.md"}

    api = medlint.check_paths([tree])
    assert _spans(v.model_dump() for v in api) == found and api.errors == []

    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None
    ) as cluster:
        assert main([*base, "--scheduler", cluster.scheduler_address]) == 1
    assert json.loads(capsys.readouterr().out) == single

    # --fix reports what remains with the same settings as a check of the fixed tree
    assert main(["check", "--fix", "--format", "json", str(tree)]) == 1
    fixed = json.loads(capsys.readouterr().out)
    assert main(base) == 1
    assert json.loads(capsys.readouterr().out) == fixed
    assert not [v for v in fixed if Path(v["path"]).parent.name != "tree" and v["rule"] == "MED401"]


def test_check_paths_reports_unreadable_files_and_goes_on(tmp_path):
    import medlint
    from config_samples import CLAIMS, write

    write(tmp_path, {"a.md": CLAIMS})
    (tmp_path / "b.md").write_bytes(b"PK\x03\x04\x00\x00binary")
    report = medlint.check_paths([tmp_path], select="MED401")
    assert [(Path(v.path).name, v.rule) for v in report] == [("a.md", "MED401")]
    assert [(Path(e.path).name, e.message) for e in report.errors] == [
        ("b.md", "binary file (contains NUL bytes)")
    ]
    assert str(report.errors[0]).endswith("b.md: error: binary file (contains NUL bytes)")
