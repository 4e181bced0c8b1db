"""Acceptance: a compliant botulinum toxin page, and each fault it can have, through the CLI."""

from __future__ import annotations

import pytest

DISCLAIMER = "> 本文仅供科普参考，不作诊断依据；是否适合注射，请咨询医生。"
CONTRAINDICATIONS = (
    "孕妇及哺乳期女性、重症肌无力等神经肌肉疾病患者、对肉毒毒素或制剂成分过敏者禁用。"
)
URGENT = "若出现吞咽困难或呼吸异常，可能是毒素扩散，须立即就医。"
CLAIM = "肉毒素可以根治多汗症，效果100%。"

LINES = [
    "# 肉毒素注射：效果、禁忌与注意事项",
    "",
    "A型肉毒毒素注射可以暂时放松表情肌，常用于改善抬头纹和眉间纹，效果一般维持3～6个月。",
    "",
    "## 哪些人不适合注射",
    "",
    CONTRAINDICATIONS,
    "",
    "## 可能的风险",
    "",
    "常见的是注射点轻微红肿、淤青，一般几天内消退。",
    "",
    URGENT,
    "",
    DISCLAIMER,
]


def _lint(cli, tmp_path, lines: list[str]) -> list[dict]:
    article = tmp_path / "botox.md"
    article.write_text("\n".join(lines) + "\n", encoding="utf-8")
    run = cli("check", "--format", "json", str(article))
    assert run.code in (0, 1), run.err
    return run.json()


def test_compliant_page_has_no_violation(cli, tmp_path):
    assert _lint(cli, tmp_path, LINES) == []


@pytest.mark.parametrize(
    ("removed", "category", "line"),
    [
        (DISCLAIMER, "disclaimer", 13),  # missing: the last non-empty line
        (CONTRAINDICATIONS, "contraindication", 1),  # the treatment's first line
        (URGENT, "urgent-warning", 1),  # a serious risk never warned about
    ],
)
def test_each_removed_sentence_gives_exactly_its_violation(cli, tmp_path, removed, category, line):
    lines = [text for text in LINES if text != removed]
    found = _lint(cli, tmp_path, lines)
    assert [(v["category"], v["line"]) for v in found] == [(category, line)], found


def test_removed_contraindications_name_the_missing_items(cli, tmp_path):
    found = _lint(cli, tmp_path, [text for text in LINES if text != CONTRAINDICATIONS])
    message = found[0]["message"]
    for item in ("妊娠或哺乳期", "重症肌无力", "过敏"):
        assert item in message


def test_overclaim_is_reported_at_its_line_and_column(cli, tmp_path):
    lines = [*LINES[:11], CLAIM, *LINES[11:]]
    found = _lint(cli, tmp_path, lines)
    assert [(v["category"], v["line"], v["column"]) for v in found] == [
        ("overclaim", 12, CLAIM.index("可以根治") + 1)
    ], found
