"""A full-width character in a rule pattern is literal text, as the writer sees it.

Patterns are folded like text (？ to ?, （ to (); a full-width character that folds to a
regular-expression metacharacter stays literal, so a team rule with ``(吗|？)`` neither
crashes a check nor matches something else.
"""

from __future__ import annotations

import json

from medlint.analysis.normalize import normalise
from medlint.checks.patterns import Patterns, build_literals, fold_regex
from medlint.cli.main import main

TEAM_RULE = """\
rules:
  - code: TEAM001
    name: cure-all-asked
    kind: forbidden
    category: overclaim
    severity: error
    message: 包治百病的反问
    patterns:
      - '包治百病(啦|咯|？|\\?)'
    cases:
      - text: 这种药<mark>包治百病啦</mark>，快来买
      - text: 包治百病的说法不可信
"""


def test_full_width_metacharacters_fold_to_escaped_literals() -> None:
    assert fold_regex("(吗|？)") == "(吗|\\?)"
    assert fold_regex("\\？") == "\\?"
    assert fold_regex("[。？]") == "[。\\?]"
    found = Patterns(["包治百病(吗|？)", "（特效）"])
    build_literals()
    assert found.search(normalise("包治百病？")) == (0, 5)
    assert found.search(normalise("包治百")) is None
    assert found.search(normalise("这是（特效）药")) == (2, 6)
    assert found.search(normalise("这是特效药")) is None


def test_a_team_rule_with_a_full_width_question_mark_checks(tmp_path, monkeypatch, capsys):
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "team.yaml").write_text(TEAM_RULE, encoding="utf-8")
    (tmp_path / "medlint.toml").write_text('extra-rules = ["rules"]\n', encoding="utf-8")
    (tmp_path / "a.md").write_text("# 药\n\n这药包治百病啦，快来买\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code = main(["check", "--no-cache", "--format", "json", "--select", "TEAM001", "a.md"])
    out, err = capsys.readouterr()
    assert code == 1, err
    assert [(v["rule"], v["line"], v["column"]) for v in json.loads(out)] == [("TEAM001", 3, 3)]
    assert main(["test-rules", "rules"]) == 0, capsys.readouterr()
