"""Plain Markdown blocks read without the parser give the same prose and the same map as
markdown-it gives (``markdown.FAST`` off): documents mixing plain paragraphs, headings,
list items and bold lines with every block the parser must read (fences, HTML, quotes,
tables, rules, indented and lazy lines), over the corpora and generated ones."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from medlint.documents import markdown, read_document

ROOT = Path(__file__).resolve().parents[1]

WORDS = ["保证治好", "鼻炎", "应(yīng)该", "根\u200b治", "A", "3.5%", "：", "（注）", "x", "1"]
LINES = [
    "",
    "",
    " ",
    "\t",
    "# 标题",
    "## 小标题 ##",
    "###### 六级",
    "####### 七级",
    "#标题",
    "- 项目",
    "-  两个空格",
    "-\t制表",
    "* 星号项",
    "+ 加号项",
    "1. 第一",
    "2) 第二",
    "10. 第十",
    "1.没有空格",
    "**加粗**",
    "**问：** 回答",
    "**问：**回答",
    "**加粗** ",
    "** 不是加粗**",
    "**半个",
    "*斜体*",
    "> 引用",
    ">引用",
    "> - 引用里的项",
    "    缩进代码",
    "  两格缩进",
    "```",
    "~~~",
    "<div>",
    "</div>",
    "<!-- 注释",
    "-->",
    "---",
    "***",
    "===",
    "| 表 | 头 |",
    "| --- | --- |",
    "[链接]: http://example.com",
    "结尾有空格 ",
    "结尾两个空格  ",
    "\u3000全角空格开头",
    "全角空格结尾\u3000",
    "行内`代码`",
    "行内<b>标签</b>",
    "实体&amp;",
    "转义\\*",
    "下划线_强调_",
    "删除~~线~~",
    "方括号[1]",
    "感叹号！和!",
    "冒号: 和 #号",
    "- **要点：** 内容",
    "- [x] 任务",
    "> **加粗** 引用",
    "> ",
    "> 引用结尾空格 ",
    ">> 两层",
    "___",
    "- - -",
    "----------",
    "*斜体*：说明",
    "**加粗**：说明",
    "**加粗**\u3000后",
    "**加粗**后面",
    "*斜体*后面",
    "**A**B",
    "**a**(b)",
]


def _line() -> st.SearchStrategy[str]:
    plain = st.lists(st.sampled_from(WORDS), min_size=1, max_size=4).map("".join)
    return st.one_of(
        st.sampled_from(LINES),
        plain,
        plain.map(lambda t: "# " + t),
        plain.map(lambda t: "- " + t),
        plain.map(lambda t: "1. " + t),
        plain.map(lambda t: "**" + t + "**"),
        plain.map(lambda t: "**" + t + "** " + t),
        plain.map(lambda t: "> " + t),
        plain.map(lambda t: "*" + t + "*：" + t),
    )


def _same(source: str, path: str = "a.md") -> None:
    markdown.FAST = True
    try:
        fast = read_document(path, source)
    finally:
        markdown.FAST = False
    try:
        slow = read_document(path, source)
    finally:
        markdown.FAST = True
    assert fast.prose == slow.prose
    assert fast.offsets == slow.offsets


@settings(max_examples=800, deadline=None)
@given(lines=st.lists(_line(), max_size=14), front=st.booleans())
def test_plain_blocks_read_as_the_parser_reads_them(lines: list[str], front: bool) -> None:
    source = "\n".join(lines)
    if front:
        source = "---\ntitle: x\n---\n" + source
    _same(source)


@pytest.mark.parametrize(
    "source",
    [
        "段落一\n\n段落二\n",
        "# 标题\n正文第一行\n正文第二行\n\n- 一\n- 二\n\n结尾",
        "- 一\n\n    代码还是项目的段落\n",
        "- 一\n\n  续行\n",
        "```\n\n普通的一行\n\n```\n之后",
        "<!--\n\n普通的一行\n\n-->\n之后",
        "> 引用\n\n普通的一行\n",
        "**加粗**\n普通\n**问：** 答\n",
        "11. 1\n",
        ">" * 25 + " 很深\n\n普通\n",
    ],
)
def test_plain_blocks_beside_other_blocks(source: str) -> None:
    _same(source)


def test_the_corpora_read_the_same() -> None:
    folders = [ROOT / "examples", ROOT / "tests" / "data"]
    count = 0
    for folder in folders:
        for path in sorted(folder.rglob("*.md")) if folder.is_dir() else []:
            _same(path.read_text("utf-8"), str(path))
            count += 1
    assert count > 0
