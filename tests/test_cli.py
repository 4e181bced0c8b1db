"""The command line, end to end: real files in, real output and exit codes out."""

from __future__ import annotations

import pytest

from conftest import ROOT

CONTRACT = {
    "path",
    "line",
    "column",
    "end_line",
    "end_column",
    "rule",
    "category",
    "severity",
    "message",
}


def test_examples_json_contract(cli):
    run = cli("check", "--format", "json", "examples/", cwd=ROOT)
    assert run.code == 1, run.err
    found = run.json()
    assert found, "the examples contain violations"
    for item in found:
        assert item.keys() >= CONTRACT
        assert item["category"] in {"disclaimer", "contraindication", "urgent-warning", "overclaim"}
        assert item["severity"] in {"error", "warning", "info"}
        assert item["line"] <= item["end_line"]
    assert not [v for v in found if v["path"].endswith("compliant-botox.md")]


def test_clean_file_exits_zero(cli):
    run = cli("check", "examples/compliant-botox.md", cwd=ROOT)
    assert run.code == 0, run.out + run.err
    assert "All checks passed" in run.out


def test_text_format_is_path_line_col_code(cli):
    run = cli("check", "examples/overclaims.md", cwd=ROOT)
    assert run.code == 1
    assert "examples/overclaims.md:3:15: MED401 " in run.out


def test_show_source_prints_caret(cli, tmp_path):
    article = tmp_path / "a.md"
    article.write_text("# 标题\n\n肉毒素可以根治多汗症。\n", encoding="utf-8")
    run = cli("check", "--show-source", "--select", "MED401", str(article))
    lines = run.out.splitlines()
    index = next(i for i, line in enumerate(lines) if "MED401" in line)
    assert "肉毒素可以根治多汗症" in lines[index + 1]
    # the claim is 可以根治, after 肉毒素: six terminal columns, then eight carets
    assert lines[index + 2].split("| ", 1)[1] == " " * 6 + "^" * 8


def test_stdin_with_filename(cli):
    run = cli(
        "check",
        "--format",
        "json",
        "--select",
        "MED401",
        "--stdin-filename",
        "post.md",
        "-",
        stdin="# 标题\n\n可以根治。\n",
    )
    assert run.code == 1
    assert run.json()[0]["path"] == "post.md"
    assert run.json()[0]["line"] == 3


def test_rules_and_explain(cli):
    listed = cli("rules")
    assert listed.code == 0
    assert "MED401" in listed.out and "cure-guarantee" in listed.out
    explained = cli("explain", "MED401")
    assert explained.code == 0
    assert "《广告法》第十六条" in explained.out
    assert "✗" in explained.out and "✓" in explained.out


def test_usage_errors_exit_two(cli, tmp_path):
    assert cli("check", "--format", "nope", "examples").code == 2
    assert cli("check", "--select", "XYZ999", "examples", cwd=ROOT).code == 2
    assert cli("explain", "MED999").code == 2
    missing = cli("check", str(tmp_path / "missing.md"))
    assert missing.code == 2
    assert "missing.md: error:" in missing.err
    assert "Traceback" not in missing.err


def test_version(real_cli):
    """The installed entry point, in a real process: the one version of the package."""
    import medlint

    run = real_cli("--version")
    assert run.code == 0 and run.out == f"medlint {medlint.__version__}\n"
    assert run.err == ""


ARTICLE = "# 标题\n\n这套操效果最好，颈椎病就能彻底治愈。\n"


@pytest.mark.parametrize(
    ("args", "stdin"),
    [
        (("check", "examples/"), None),
        (("check", "--format", "json", "--select", "overclaim", "examples/"), None),
        (("check", "--stdin-filename", "post.md", "-"), ARTICLE),
        (("check", "--fix", "--stdin-filename", "post.md", "-"), ARTICLE),
        (("check", "--diff", "--stdin-filename", "post.md", "-"), ARTICLE),
        (("check", "--format", "nope", "examples/"), None),
        (("check", "examples/missing.md", "examples/overclaims.md"), None),
        (("rules",), None),
        (("explain", "MED401"), None),
        ((), None),
    ],
)
def test_in_process_runs_are_real_runs(cli, real_cli, args, stdin):
    """What the in-process ``cli`` fixture shows is what a real ``medlint`` process
    prints and returns (output, errors, exit status), so the tests that use it prove
    what they say about the command."""
    inside = cli(*_no_cache(args), cwd=ROOT, stdin=stdin)
    real = real_cli(*_no_cache(args), cwd=ROOT, stdin=stdin)
    assert (inside.code, inside.out, inside.err) == (real.code, real.out, real.err)


def _no_cache(args: tuple[str, ...]) -> tuple[str, ...]:
    return (*args[:1], "--no-cache", *args[1:]) if args[:1] == ("check",) else args


def test_output_file(cli, tmp_path):
    target = tmp_path / "report.json"
    run = cli("check", "--format", "json", "-o", str(target), "examples/", cwd=ROOT)
    assert run.code == 1
    assert run.out == ""
    assert '"rule": "MED401"' in target.read_text(encoding="utf-8")
