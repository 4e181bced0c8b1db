"""Configuration files, their discovery, and the settings they hold, through the CLI."""

from __future__ import annotations

import subprocess

import pytest

from config_samples import CLAIMS, CLEAN, NO_DISCLAIMER, found, write

JSON = ("check", "--format", "json")


def test_pyproject_table_is_read(cli, tmp_path):
    config = '[tool.medlint]\nignore = ["MED401", "likely-claim"]\n'
    write(tmp_path, {"pyproject.toml": config, "a.md": CLAIMS})
    run = cli(*JSON, "--ignore", "MED404", "a.md", cwd=tmp_path)
    assert found(run) == [("a.md", "MED402", 5)]


@pytest.mark.parametrize("name", ["medlint.toml", ".medlint.toml"])
def test_own_config_file_is_read(cli, tmp_path, name):
    write(tmp_path, {name: 'select = ["MED402"]\n', "a.md": CLAIMS})
    assert found(cli(*JSON, "a.md", cwd=tmp_path)) == [("a.md", "MED402", 5)]


def test_dot_file_wins_over_pyproject_in_one_folder(cli, tmp_path):
    write(
        tmp_path,
        {
            ".medlint.toml": 'select = ["MED402"]\n',
            "pyproject.toml": '[tool.medlint]\nselect = ["MED404"]\n',
            "a.md": CLAIMS,
        },
    )
    assert found(cli(*JSON, "a.md", cwd=tmp_path)) == [("a.md", "MED402", 5)]


def test_closest_config_wins_per_file_in_a_folder_run(cli, tmp_path):
    write(
        tmp_path,
        {
            "medlint.toml": 'select = ["MED402"]\n',
            "a.md": CLAIMS,
            "sub/medlint.toml": 'select = ["MED404"]\n',
            "sub/b.md": CLAIMS,
            # a pyproject without [tool.medlint] is not a configuration: the parent's applies
            "other/pyproject.toml": "[project]\nname = 'x'\n",
            "other/c.md": CLAIMS,
        },
    )
    run = cli(*JSON, ".", cwd=tmp_path)
    assert found(run) == [("a.md", "MED402", 5), ("b.md", "MED404", 3), ("c.md", "MED402", 5)]


def test_config_option_overrides_discovery(cli, tmp_path):
    write(
        tmp_path,
        {
            "medlint.toml": 'select = ["MED402"]\n',
            "team.toml": 'select = ["MED404"]\n',
            "a.md": CLAIMS,
        },
    )
    run = cli(*JSON, "--config", "team.toml", "a.md", cwd=tmp_path)
    assert found(run) == [("a.md", "MED404", 3)]
    isolated = cli(*JSON, "--isolated", "a.md", cwd=tmp_path)
    # every claim at its own span: MED404 and MED401 share line 3
    assert found(isolated) == [("a.md", "MED401", 3), ("a.md", "MED402", 5), ("a.md", "MED404", 3)]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("colour = 1\n", "unknown setting 'colour'"),
        ('ignore = ["MED999"]\n', "ignore: unknown rule code or selector 'MED999'"),
        ('select = ["no-such-rule"]\n', "select: unknown rule code or selector 'no-such-rule'"),
        ('severity = { MED401 = "fatal" }\n', "severity.MED401: Input should be"),
        ('per-file-ignores = { "*.md" = ["MED9"] }\n', "unknown rule code or selector 'MED9'"),
        ("ignore = [\n", "invalid TOML"),
        ("ignore = 'MED401'\n", "ignore: Input should be a valid list"),
    ],
)
def test_bad_config_is_a_one_line_error(cli, tmp_path, text, message):
    write(tmp_path, {"medlint.toml": text, "a.md": CLEAN})
    run = cli("check", "a.md", cwd=tmp_path)
    assert run.code == 2
    assert run.out == ""
    assert run.err.count("\n") == 1
    assert run.err.startswith("medlint: error: ")
    assert message in run.err
    if "TOML" in message or "setting" in message:
        assert "medlint.toml" in run.err


def test_unknown_cli_selector_is_a_usage_error(cli, tmp_path):
    write(tmp_path, {"a.md": CLEAN})
    run = cli("check", "--ignore", "MED999", "a.md", cwd=tmp_path)
    assert run.code == 2
    assert run.err == "medlint: error: --ignore: unknown rule code or selector 'MED999'\n"


def test_missing_config_file_is_an_error(cli, tmp_path):
    write(tmp_path, {"a.md": CLEAN})
    run = cli("check", "--config", "nope.toml", "a.md", cwd=tmp_path)
    assert run.code == 2
    assert "nope.toml: configuration file not found" in run.err


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (["--select", "MED4"], [("MED401", 3), ("MED402", 5), ("MED404", 3)]),
        (["--select", "cure-rate"], [("MED402", 5)]),
        (["--select", "overclaim", "--ignore", "MED404"], [("MED401", 3), ("MED402", 5)]),
        (["--select", "disclaimer"], []),
        # the more specific selector wins, whichever list it is in
        (["--select", "MED401", "--ignore", "overclaim"], [("MED401", 3)]),
        (["--select", "overclaim", "--ignore", "MED40,MED490"], []),
        (["--select", "MED402", "--extend-select", "MED404"], [("MED402", 5), ("MED404", 3)]),
    ],
)
def test_selectors_on_the_command_line(cli, tmp_path, options, expected):
    write(tmp_path, {"a.md": CLAIMS})
    run = cli(*JSON, *options, "a.md", cwd=tmp_path)
    assert [(rule, line) for _, rule, line in found(run)] == expected


def test_cli_select_replaces_config_select_and_ignore_adds(cli, tmp_path):
    write(tmp_path, {"medlint.toml": 'select = ["MED402"]\nignore = ["MED404"]\n', "a.md": CLAIMS})
    run = cli(*JSON, "--select", "overclaim", "a.md", cwd=tmp_path)
    assert found(run) == [("a.md", "MED401", 3), ("a.md", "MED402", 5)]
    run = cli(*JSON, "--extend-select", "MED401", "a.md", cwd=tmp_path)
    assert found(run) == [("a.md", "MED401", 3), ("a.md", "MED402", 5)]
    run = cli(*JSON, "--extend-select", "MED401", "--ignore", "MED402", "a.md", cwd=tmp_path)
    assert found(run) == [("a.md", "MED401", 3)]


def test_extend_select_in_config(cli, tmp_path):
    write(
        tmp_path,
        {
            "medlint.toml": 'select = ["MED402"]\nextend-select = ["MED101"]\n',
            "a.md": NO_DISCLAIMER,
        },
    )
    assert [r for _, r, _ in found(cli(*JSON, "a.md", cwd=tmp_path))] == ["MED101"]


def test_per_file_ignores(cli, tmp_path):
    write(
        tmp_path,
        {
            "medlint.toml": '[per-file-ignores]\n"legacy/*.md" = ["disclaimer"]\n'
            '"notes.md" = ["MED101"]\n',
            "legacy/old.md": NO_DISCLAIMER,
            "legacy/deep/old.md": NO_DISCLAIMER,
            "deep/notes.md": NO_DISCLAIMER,
            "new.md": NO_DISCLAIMER,
        },
    )
    run = cli(*JSON, ".", cwd=tmp_path)
    # anchored glob: only legacy/old.md; a glob without a slash matches at any depth
    paths = sorted(v["path"].replace("\\", "/") for v in run.json())
    assert paths == ["./legacy/deep/old.md", "./new.md"]


def test_exclude_skips_folders_and_files_even_when_named(cli, tmp_path):
    write(
        tmp_path,
        {
            "medlint.toml": 'exclude = ["drafts/", "*.draft.md"]\n',
            "drafts/a.md": CLAIMS,
            "b.draft.md": CLAIMS,
            "c.md": CLAIMS,
        },
    )
    run = cli(*JSON, "--select", "MED402", ".", cwd=tmp_path)
    assert found(run) == [("c.md", "MED402", 5)]
    named = cli(*JSON, "--select", "MED402", "b.draft.md", "drafts/a.md", cwd=tmp_path)
    assert named.code == 0 and named.json() == []


def test_gitignore_is_respected_unless_disabled(cli, tmp_path):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    write(
        tmp_path,
        {
            ".gitignore": "generated/\n",
            "site/.gitignore": "*.html\n!keep.html\n",
            "generated/a.md": CLAIMS,
            "site/page.html": "<p>颈椎病就能彻底治愈。</p>",
            "site/keep.html": "<p>颈椎病就能彻底治愈。</p>",
            "b.md": CLAIMS,
        },
    )
    run = cli(*JSON, "--select", "MED401", ".", cwd=tmp_path)
    assert sorted(name for name, _, _ in found(run)) == ["b.md", "keep.html"]
    write(tmp_path, {"medlint.toml": "respect-gitignore = false\nignore = ['MED404']\n"})
    run = cli(*JSON, "--select", "MED401", ".", cwd=tmp_path)
    assert sorted(name for name, _, _ in found(run)) == ["a.md", "b.md", "keep.html", "page.html"]


def test_severity_overrides(cli, tmp_path):
    write(
        tmp_path,
        {
            "medlint.toml": '[severity]\noverclaim = "info"\nMED402 = "warning"\n',
            "a.md": CLAIMS,
        },
    )
    run = cli(*JSON, "--ignore", "MED404", "a.md", cwd=tmp_path)
    assert {v["rule"]: v["severity"] for v in run.json()} == {"MED401": "info", "MED402": "warning"}
    assert run.code == 0  # nothing left at error severity


RULE = """\
rules:
  - code: TEAM001
    name: house-phrase
    category: house-style
    severity: error
    kind: forbidden
    message: 本站不使用“包好”一词
    patterns: ["包好"]
    examples:
      bad: ["吃了包好。"]
      good: ["按医嘱服用。"]
"""


def test_extra_rules_relative_to_the_config(cli, tmp_path):
    write(
        tmp_path,
        {
            "site/medlint.toml": 'extra-rules = ["house-rules"]\nselect = ["TEAM", "MED402"]\n',
            "site/house-rules/phrases.yaml": RULE,
            "site/a.md": CLAIMS.replace("效果最好", "效果最好，包好"),
        },
    )
    run = cli(*JSON, "site/a.md", cwd=tmp_path)
    assert found(run) == [("a.md", "MED402", 5), ("a.md", "TEAM001", 3)]
    listed = cli("rules", cwd=tmp_path / "site")
    assert "TEAM001  house-phrase" in listed.out


def test_invalid_extra_rules_fail_with_the_file(cli, tmp_path):
    write(
        tmp_path,
        {
            "medlint.toml": 'extra-rules = ["house"]\n',
            "house/bad.yaml": RULE.replace("severity: error", "severity: fatal"),
            "a.md": CLEAN,
        },
    )
    run = cli("check", "a.md", cwd=tmp_path)
    assert run.code == 2
    assert "bad.yaml" in run.err and "TEAM001" in run.err and "severity" in run.err


def test_extensions(cli, tmp_path):
    write(
        tmp_path,
        {
            "medlint.toml": 'extensions = { ".mdx" = "markdown", ".md" = "markdown" }\n',
            "a.mdx": CLAIMS + "\n```\n治愈率高达95%\n```\n",
            "b.txt": CLAIMS,
        },
    )
    run = cli(*JSON, "--select", "MED402", ".", cwd=tmp_path)
    # .txt is no longer checked; .mdx is read as Markdown, so the code block is not prose
    assert found(run) == [("a.mdx", "MED402", 5)]


def test_config_command_prints_resolved_settings(cli, tmp_path):
    write(
        tmp_path,
        {
            "pyproject.toml": '[tool.medlint]\nignore = ["MED404"]\n'
            'disclaimer-text = "本文仅供参考，不能替代医生诊断。"\n',
            "sub/medlint.toml": 'select = ["overclaim"]\n',
        },
    )
    run = cli("config", cwd=tmp_path)
    assert run.code == 0, run.err
    assert f"# configuration: {tmp_path / 'pyproject.toml'}" in run.out
    assert 'ignore = ["MED404"]' in run.out
    assert 'select = ["ALL"]' in run.out
    assert 'disclaimer-text = "本文仅供参考，不能替代医生诊断。"' in run.out
    sub = cli("config", "sub", "--ignore", "MED401", cwd=tmp_path)
    assert f"# configuration: {tmp_path / 'sub' / 'medlint.toml'}" in sub.out
    assert 'select = ["overclaim"]' in sub.out
    assert 'ignore = ["MED401"]' in sub.out
    bad = cli("config", "--select", "MED999", cwd=tmp_path)
    assert bad.code == 2 and "MED999" in bad.err


def test_fingerprint_is_stable_and_follows_the_config(tmp_path):
    from medlint.run.workspace import Workspace

    write(tmp_path, {"medlint.toml": 'ignore = ["MED404"]\n', "a.md": CLEAN})
    article = str(tmp_path / "a.md")
    first = Workspace().fingerprint(article)
    assert first == Workspace().fingerprint(article)
    write(tmp_path, {"medlint.toml": 'ignore = ["MED405"]\n'})
    assert Workspace().fingerprint(article) != first


def test_stdin_uses_the_config_of_its_filename(cli, tmp_path):
    write(tmp_path, {"sub/medlint.toml": 'select = ["MED402"]\n'})
    run = cli(*JSON, "--stdin-filename", "sub/a.md", "-", cwd=tmp_path, stdin=CLAIMS)
    assert found(run) == [("a.md", "MED402", 5)]


def test_fix_uses_the_configured_disclaimer_text(cli, tmp_path):
    wording = "本站内容仅供参考，不能替代医生面诊。"
    write(
        tmp_path,
        {
            "medlint.toml": f'disclaimer-text = "{wording}"\n',
            "a.md": NO_DISCLAIMER,
            "other/medlint.toml": "",
            "other/b.md": NO_DISCLAIMER,
        },
    )
    run = cli("check", "--fix", "a.md", "other/b.md", cwd=tmp_path)
    assert run.code == 0, run.out + run.err
    assert (tmp_path / "a.md").read_text(encoding="utf-8").rstrip().endswith(wording)
    # other/ has its own configuration, without the wording: the rule's own text is used
    assert wording not in (tmp_path / "other" / "b.md").read_text(encoding="utf-8")
    # the command line wins over the configuration
    write(tmp_path, {"c.md": NO_DISCLAIMER})
    own = "内容仅供参考，不能替代医生诊断，请咨询医生。"
    run = cli("check", "--fix", "--disclaimer-text", own, "c.md", cwd=tmp_path)
    assert run.code == 0, run.err
    assert (tmp_path / "c.md").read_text(encoding="utf-8").rstrip().endswith(own)


def test_configured_disclaimer_text_must_comply(cli, tmp_path):
    write(tmp_path, {"medlint.toml": 'disclaimer-text = "欢迎关注。"\n', "a.md": NO_DISCLAIMER})
    run = cli("check", "--fix", "a.md", cwd=tmp_path)
    assert run.code == 2
    assert run.err.startswith(f"medlint: error: {tmp_path / 'medlint.toml'}: ")
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == NO_DISCLAIMER


def test_fix_honours_exclude(cli, tmp_path):
    write(tmp_path, {"medlint.toml": 'exclude = ["drafts/"]\n', "drafts/a.md": NO_DISCLAIMER})
    run = cli("check", "--fix", ".", cwd=tmp_path)
    assert run.code == 0, run.err
    assert (tmp_path / "drafts" / "a.md").read_text(encoding="utf-8") == NO_DISCLAIMER
