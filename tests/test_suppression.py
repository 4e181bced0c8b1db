"""Inline suppression comments, through the CLI: each kind, each format, MED001."""

from __future__ import annotations

import pytest

from config_samples import DISCLAIMER, NO_DISCLAIMER, found, write

JSON = ("check", "--format", "json")
CURE = "颈椎病就能彻底治愈。"  # MED401
RATE = "治愈率高达95%。"  # MED402


def article(*lines: str) -> str:
    """A Markdown article: a title on line 1, ``lines`` from line 3, then the disclaimer."""
    return "# 颈椎保健\n\n" + "\n".join(lines) + f"\n\n{DISCLAIMER}\n"


def check(cli, tmp_path, text: str, name: str = "a.md", *options: str):
    write(tmp_path, {name: text})
    run = cli(*JSON, *options, name, cwd=tmp_path)
    assert run.code in (0, 1), run.err
    return [(rule, line) for _, rule, line in found(run)]


def test_disable_next_line_with_code_and_reason(cli, tmp_path):
    text = article("<!-- medlint-disable-next-line MED401 -- quoting an advert -->", CURE, CURE)
    assert check(cli, tmp_path, text) == [("MED401", 5)]


def test_disable_next_line_only_for_named_rules(cli, tmp_path):
    text = article("<!-- medlint-disable-next-line MED402 -->", CURE + RATE)
    assert check(cli, tmp_path, text) == [("MED401", 4)]


def test_disable_line_without_codes_covers_every_rule(cli, tmp_path):
    text = article(CURE + RATE + " <!-- medlint-disable-line -->", RATE)
    assert check(cli, tmp_path, text) == [("MED402", 4)]


def test_disable_enable_region(cli, tmp_path):
    text = article(
        "<!-- medlint-disable overclaim -->", CURE, RATE, "<!-- medlint-enable -->", CURE
    )
    assert check(cli, tmp_path, text) == [("MED401", 7)]


def test_enable_of_one_rule_inside_a_disabled_region(cli, tmp_path):
    text = article(
        "<!-- medlint-disable -->", CURE, "<!-- medlint-enable cure-guarantee -->", CURE, RATE
    )
    assert check(cli, tmp_path, text) == [("MED401", 6)]


def test_disable_file(cli, tmp_path):
    text = article(CURE, "<!-- medlint-disable-file MED401 -->", RATE, CURE)
    assert check(cli, tmp_path, text) == [("MED402", 5)]


def test_selectors_by_prefix_and_name(cli, tmp_path):
    text = article(
        "<!-- medlint-disable-next-line MED4 -->", CURE + RATE,
        "<!-- medlint-disable-next-line cure-rate, cure-guarantee -->", CURE + RATE,
    )
    assert check(cli, tmp_path, text) == []


def test_html_comments(cli, tmp_path):
    html = (
        "<html><body>\n<h1>颈椎保健</h1>\n"
        "<!-- medlint-disable-next-line MED401 -->\n"
        f"<p>{CURE}</p>\n<p>{CURE}</p>\n<p>{DISCLAIMER}</p>\n</body></html>\n"
    )
    assert check(cli, tmp_path, html, "a.html") == [("MED401", 5)]


def test_plain_text_hash_comments(cli, tmp_path):
    text = (
        "颈椎保健\n\n"
        "# medlint-disable-next-line MED401\n"
        f"{CURE}\n"
        f"{RATE}  # medlint-disable-line MED402 -- a quotation\n"
        f"{CURE}\n\n{DISCLAIMER}\n"
    )
    assert check(cli, tmp_path, text, "a.txt") == [("MED401", 6)]


def test_hash_comment_is_not_a_directive_in_markdown(cli, tmp_path):
    text = article(f"{CURE} # medlint-disable-line")
    assert check(cli, tmp_path, text) == [("MED401", 3)]


def test_suppressed_claim_does_not_hide_another_on_its_line(cli, tmp_path):
    # one overclaim is reported per line; suppressing it lets the next one show
    text = article("这套操效果最好，" + CURE + " <!-- medlint-disable-line MED404 -->")
    assert check(cli, tmp_path, text) == [("MED401", 3)]


def test_article_findings_only_by_disable_file(cli, tmp_path):
    # reported on the last line, but about the article: a line directive does not apply
    text = NO_DISCLAIMER.replace("\n\n", "\n\n<!-- medlint-disable-next-line MED101 -->\n")
    assert check(cli, tmp_path, text) == [("MED001", 3), ("MED101", 4)]
    text = "<!-- medlint-disable-file MED101 -->\n" + NO_DISCLAIMER
    assert check(cli, tmp_path, text) == []


def test_unused_suppression_is_reported(cli, tmp_path):
    write(tmp_path, {"a.md": article("<!-- medlint-disable-next-line MED402 -->", CURE)})
    run = cli(*JSON, "--ignore", "MED401", "a.md", cwd=tmp_path)
    assert run.code == 0  # a warning
    (unused,) = run.json()
    assert (unused["rule"], unused["name"], unused["category"]) == (
        "MED001", "unused-suppression", "suppression",
    )
    assert (unused["line"], unused["column"], unused["severity"]) == (3, 6, "warning")
    assert "MED402" in unused["message"]


@pytest.mark.parametrize(
    ("directive", "reported"),
    [
        ("<!-- medlint-disable -->", True),
        ("<!-- medlint-disable-file -->", True),
        ("<!-- medlint-disable-line MED999 -->", True),  # unknown rule
        ("<!-- medlint-disable-line MED404 -->", False),  # MED404 is not selected
    ],
)
def test_unused_suppression_cases(cli, tmp_path, directive, reported):
    text = article(directive, "每天活动颈部。")
    rules = check(cli, tmp_path, text, "a.md", "--select", "MED001,overclaim", "--ignore", "MED404")
    assert rules == ([("MED001", 3)] if reported else [])


def test_unused_suppression_can_be_ignored(cli, tmp_path):
    text = article("<!-- medlint-disable-next-line MED402 -->", "每天活动颈部。")
    assert check(cli, tmp_path, text, "a.md", "--ignore", "MED001") == []


def test_inline_suppression_can_be_forbidden(cli, tmp_path):
    write(tmp_path, {"medlint.toml": "allow-inline-suppression = false\n"})
    text = article("<!-- medlint-disable-next-line MED401 -->", CURE)
    write(tmp_path, {"a.md": text})
    run = cli(*JSON, "a.md", cwd=tmp_path)
    assert run.code == 1
    by_rule = {v["rule"]: v for v in run.json()}
    assert sorted(by_rule) == ["MED001", "MED401"]
    assert "allow-inline-suppression" in by_rule["MED001"]["message"]


def test_unused_suppression_is_a_listed_and_explained_rule(cli, tmp_path):
    listed = cli("rules", cwd=tmp_path)
    assert any(
        line.split()[:4] == ["MED001", "unused-suppression", "suppression", "warning"]
        for line in listed.out.splitlines()
    )
    explained = cli("explain", "med001", cwd=tmp_path)
    assert explained.code == 0
    assert explained.out.startswith("MED001 unused-suppression\n")
