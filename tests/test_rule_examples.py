"""Every rule tests itself: its cases (expected spans, fixed text) and old examples
run through the same code as ``medlint test-rules``; topic profiles carry examples."""

from __future__ import annotations

import json
import textwrap

import pytest

from medlint.cli import main
from medlint.rules import RulesError, default_rules_dir, load_pack
from medlint.rules.models import Case
from medlint.rules.testing import run_rule, span_of
from medlint.run.engine import Linter

PACK = load_pack([default_rules_dir()])


def _ids(items, attr):
    return [getattr(item, attr) for item in items]


def _as_article(text: str) -> tuple[str, str]:
    """Examples with a heading or front matter are Markdown articles; others plain text."""
    markdown = text.startswith(("#", "---\n"))
    return (text, "example.md") if markdown else (text, "example.txt")


@pytest.mark.parametrize("rule", PACK.rules, ids=_ids(PACK.rules, "code"))
def test_rule_cases_and_examples(rule):
    results = list(run_rule(rule, PACK))
    assert results, f"{rule.code} has no case"
    failed = [result.describe() for result in results if result.failed]
    assert not failed, "\n".join(failed)


COVERAGE = next(r.code for r in PACK.rules if r.kind == "coverage")


@pytest.mark.parametrize("topic", PACK.topics, ids=_ids(PACK.topics, "id"))
def test_topic_examples(topic):
    linter = Linter(PACK, {COVERAGE})
    for example in topic.examples.complete:
        found = linter.check_text(*_as_article(example))
        assert not found, f"{topic.id} complete example flagged: {found}"
    for example in topic.examples.incomplete:
        found = linter.check_text(*_as_article(example))
        assert found, f"{topic.id} incomplete example not flagged: {example}"


def test_topic_profiles_cover_common_treatments():
    ids = {topic.id for topic in PACK.topics}
    assert len(ids) >= 60
    for expected in ("botulinum-toxin", "hpv-vaccine", "melatonin", "gastroscopy", "acupuncture"):
        assert expected in ids
    for topic in PACK.topics:
        assert topic.items, f"{topic.id} names no key contraindication"
        assert topic.sources, topic.id


def test_marks_give_spans_in_the_plain_text():
    case = Case(text="这是<mark>神药</mark>，那是<mark>神丹</mark>。")
    assert case.plain == "这是神药，那是神丹。"
    assert case.spans == [(2, 4), (7, 9)]
    assert span_of("# 标题\n\n这是神药。", 8, 10) == (3, 3, 3, 4)
    with pytest.raises(ValueError, match="unbalanced"):
        Case(text="这是<mark>神药。")
    with pytest.raises(ValueError, match="empty"):
        Case(text="这是<mark></mark>神药。")


RULE = """\
rules:
  - code: TEAM001
    name: team-miracle
    kind: forbidden
    category: overclaim
    severity: error
    message: 神药
    patterns: ['神药|神丹']
    replacements:
      神药: 药物
    replacements_safe: true
    cases:
{cases}
"""


def _team(tmp_path, cases: str):
    folder = tmp_path / "team-rules"
    folder.mkdir(exist_ok=True)
    text = RULE.format(cases=textwrap.indent(textwrap.dedent(cases).strip("\n"), " " * 6))
    (folder / "team.yaml").write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("cases", "message"),
    [
        ('- text: "这是<mark>神药</mark>。"', "show what it leaves alone"),
        ('- text: "目前没有特效药。"', "show what it flags"),
    ],
)
def test_a_rule_must_show_both_kinds_of_case(tmp_path, cases, message):
    folder = _team(tmp_path, cases)
    with pytest.raises(RulesError, match=message):
        load_pack([default_rules_dir(), folder])


def test_test_rules_reports_every_failing_case_with_spans(tmp_path, capsys):
    folder = _team(
        tmp_path,
        """
        - text: "这是<mark>神药</mark>，那是<mark>神丹</mark>。"
          name: two-claims
        - text: "这是神药。"
          name: missed-mark
        - text: "这是<mark>神药的</mark>。"
          name: wrong-span
        - text: "# 标题\\n\\n这是<mark>神药</mark>。"
          fixed: "# 标题\\n\\n这是药物。"
        - text: "这是<mark>神药</mark>。"
          name: wrong-fix
          fixed: "这是好药。"
        - text: "目前没有特效药。"
        """,
    )
    assert main(["test-rules", str(folder)]) == 1
    out = capsys.readouterr().out
    assert "6 cases of 1 rules: 3 passed, 3 failed" in out
    assert "FAIL TEAM001 missed-mark" in out and "expected: none" in out
    assert "actual:   1:3-1:4 “神药”" in out
    assert "FAIL TEAM001 wrong-span" in out and "expected: 1:3-1:5 “神药的”" in out
    assert "expected fixed: '这是好药。'" in out and "actual fixed:   '这是药物。'" in out
    assert "two-claims" not in out and "case 4" not in out


def test_test_rules_passes_a_good_folder(tmp_path, capsys):
    folder = _team(tmp_path, '- text: "这是<mark>神药</mark>。"\n- text: "目前没有特效药。"')
    assert main(["test-rules", str(folder)]) == 0
    assert "2 cases of 1 rules: 2 passed, 0 failed" in capsys.readouterr().out


def test_test_rules_runs_old_examples(tmp_path, capsys):
    folder = tmp_path / "old"
    folder.mkdir()
    examples = (
        "    examples:\n      bad: [这是神药。, 普通药物。]\n      good: [目前没有特效药。]\n"
    )
    text = RULE.replace("    cases:\n{cases}\n", examples)
    (folder / "old.yaml").write_text(text, encoding="utf-8")
    assert main(["test-rules", str(folder)]) == 1
    out = capsys.readouterr().out
    assert "3 cases of 1 rules: 2 passed, 1 failed" in out
    assert "FAIL TEAM001 bad example 2: '普通药物。'" in out and "expected: a violation" in out


def test_rule_reference_is_up_to_date():
    """docs/rules.md is generated from the rules: regenerate it with scripts/rules_doc.py."""
    import subprocess
    import sys

    from conftest import ROOT

    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "rules_doc.py"), "--check"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_rules_and_explain_by_name_with_fix_and_json(cli):
    listed = cli("rules", "miracle-cure", "MED402", "--format", "json")
    assert listed.code == 0, listed.err
    data = json.loads(listed.out)
    assert [(r["code"], r["fix"]) for r in data] == [("MED402", None), ("MED406", "safe")]
    assert data[1]["examples"]["bad"] and data[1]["per_article"] is False
    text = cli("rules", "MED101")
    assert text.out.split() == ["MED101", "missing-disclaimer", "disclaimer", "error", "fix"]
    explained = cli("explain", "cure-guarantee")
    assert explained.code == 0 and explained.out.startswith("MED401 cure-guarantee")
    assert "修复 fix: yes (--unsafe-fixes)" in explained.out
    assert json.loads(cli("explain", "med001", "--format", "json").out)["kind"] == "built-in"
    unknown = cli("explain", "no-such-rule")
    assert unknown.code == 2 and unknown.err == "medlint: error: unknown rule: no-such-rule\n"
