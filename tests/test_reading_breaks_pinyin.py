"""Reading: <br> inside an HTML paragraph, inline pinyin, and disclaimer wording with slots."""

from __future__ import annotations

import pytest

from medlint.documents import read_document
from medlint.run.engine import default_linter


def _categories(text: str, path: str) -> list[str]:
    return [v.category for v in default_linter().check_text(text, path)]


@pytest.mark.parametrize(
    "paragraph",
    [
        "<p>此文仅作参考。<br>\n无法代替医师面诊。</p>",
        "<p>此文仅作参考。<br />\n<br />\n无法代替医师面诊。</p>",
        "<p>此文仅作参考，\n无法代替医师面诊。</p>",
    ],
)
def test_a_line_break_inside_an_html_paragraph_keeps_one_paragraph(paragraph):
    page = f"<h1>睡眠</h1><p>早睡早起。</p>{paragraph}"
    assert "\n\n" not in read_document("a.html", paragraph).prose.strip()
    assert "disclaimer" not in _categories(page, "a.html")


def test_separate_html_paragraphs_still_split_a_disclaimer():
    page = "<h1>睡眠</h1><p>早睡早起。</p><p>此文仅作参考。</p><p>无法代替医师面诊。</p>"
    assert "disclaimer" in _categories(page, "a.html")


@pytest.mark.parametrize("path", ["a.md", "a.txt", "a.html"])
def test_inline_pinyin_is_not_read_but_positions_stay_exact(path):
    text = "如有不適，應(yīng)該立即就(jiù)醫(yī)。维生素(A)不算拼音。"
    source = f"<p>{text}</p>" if path.endswith("html") else text
    document = read_document(path, source)
    assert document.prose.strip() == "如有不適，應該立即就醫。维生素(A)不算拼音。"
    start = document.prose.index("醫")
    line, column, _, _ = document.span(start, start + 1)
    assert (line, source[column - 1]) == (1, "醫")


def test_pinyin_inside_a_warning_and_a_disclaimer_does_not_hide_them():
    text = (
        "# 过敏\n\n若出现呼吸困难，应(yīng)立即就(jiù)医(yī)。\n\n"
        "此文僅(jǐn)供(gòng)參考，無法代替醫師面診。\n"
    )
    assert _categories(text, "a.md") == []


@pytest.mark.parametrize(
    "disclaimer",
    [
        "此文仅供大家了解和参考，无法代替医师面诊。",
        "上述信息仅作一般健康科普参考；有症状可到医院相关科室就诊。",
        "此文并非医疗建议，眼睛有症状要及时去当地医院的眼科就诊。",
    ],
)
def test_disclaimer_elements_with_words_between(disclaimer):
    assert "disclaimer" not in _categories(f"# 护眼\n\n多看远处。\n\n{disclaimer}\n", "a.md")
