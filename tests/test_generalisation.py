"""Scope details found on unseen articles: paragraph-bound urgent actions, quotes, list names."""

from __future__ import annotations

from conftest import lint_article

DISCLAIMER = "本文仅供参考，不能替代医生诊断。"


def _codes(cli, tmp_path, text: str, name: str = "a.md") -> list[tuple[str, int]]:
    return [(v["rule"], v["line"]) for v in lint_article(cli, tmp_path, text, name)]


def test_closing_disclaimer_does_not_answer_a_sign_in_the_paragraph_before(cli, tmp_path):
    text = f"# 中暑\n\n孩子出现抽搐，先掐人中再观察。\n\n{DISCLAIMER}不适请及时就医。\n"
    assert any(code.startswith("MED3") and line == 3 for code, line in _codes(cli, tmp_path, text))


def test_a_sign_in_a_heading_is_answered_by_the_next_paragraph(cli, tmp_path):
    text = f"# 心梗\n\n## 典型信号：胸痛\n\n一旦出现要立即拨打120。\n\n{DISCLAIMER}\n"
    assert not [c for c, _ in _codes(cli, tmp_path, text) if c.startswith("MED3")]


def test_attribution_after_a_quote_ending_with_an_exclamation_is_a_testimonial(cli, tmp_path):
    text = f'# 护肝\n\n"吃了三个月，脂肪肝没了！"——来自广州的张先生\n\n{DISCLAIMER}\n'
    assert ("MED407", 3) in _codes(cli, tmp_path, text)


def test_a_list_of_options_names_no_procedure(cli, tmp_path):
    text = f"# 甲亢\n\n甲亢的治疗包括药物、放射性碘和手术，医生会依照病情选择。\n\n{DISCLAIMER}\n"
    assert not [c for c, _ in _codes(cli, tmp_path, text) if c.startswith("MED2")]
