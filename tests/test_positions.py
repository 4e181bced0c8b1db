"""Line and column exactness through the real CLI, in every format and line ending.

Each article places the same claim (可以根治) in one spot; the report must point at it,
counting characters, and claims outside prose (code, comments, attributes, front matter,
link targets) must not be reported.
"""

from __future__ import annotations

import pytest

CLAIM = "可以根治"


def positions(cli, tmp_path, name: str, content: str | bytes) -> list[tuple[int, int, int]]:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", newline="")
    run = cli("check", "--format", "json", "--select", "MED401", str(path))
    assert run.code in (0, 1), run.err
    return [(v["line"], v["column"], v["end_column"]) for v in run.json()]


MARKDOWN = """---
title: 可以根治
description: 可以根治
---

# 标题：真的可以根治吗？

正文第一段，这种病可以根治。

- 列表项：**据说**也可以根治
- 链接 [可以根治](https://example.com/可以根治)

> 引用：它可以根治。

| 项目 | 说明 |
| --- | --- |
| 甲 | 乙可以根治 |

```text
代码里可以根治
```

    缩进代码可以根治

行内 `可以根治` 代码。<!-- 注释可以根治 -->

![图片可以根治](a.png)
"""


def test_markdown_positions(cli, tmp_path):
    found = positions(cli, tmp_path, "a.md", MARKDOWN)
    assert (8, 10, 13) in found  # paragraph
    assert (11, 7, 10) in found  # link text, not its target
    assert (13, 7, 10) in found  # blockquote
    assert (17, 8, 11) in found  # table cell
    assert (27, 5, 8) in found  # image alt text
    lines = {line for line, _, _ in found}
    assert not lines & {2, 3, 20, 23, 25}  # front matter, code, inline code, comment
    assert 6 not in lines  # a question in the heading is not a claim


def test_front_matter_keeps_line_count(cli, tmp_path):
    found = positions(cli, tmp_path, "b.md", "---\na: 1\nb: 2\n---\n\n肉毒素可以根治多汗症。\n")
    assert found == [(6, 4, 7)]


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_line_endings_give_editor_lines(cli, tmp_path, newline):
    text = newline.join(["# 标题", "", "第一段。", "", "肉毒素可以根治多汗症。", ""])
    assert positions(cli, tmp_path, "c.md", text) == [(5, 4, 7)]
    assert positions(cli, tmp_path, "c.txt", text) == [(5, 4, 7)]


def test_mixed_line_endings_and_bom(cli, tmp_path):
    text = "\ufeff标题\r\n\n第一段。\r\r肉毒素可以根治多汗症。\n"
    assert positions(cli, tmp_path, "d.txt", text.encode("utf-8")) == [(5, 4, 7)]


def test_full_width_and_traditional_point_at_original(cli, tmp_path):
    text = "# 標題\n\n這種療法可以根治，有效率達到９８％。\n"
    path = tmp_path / "e.md"
    path.write_text(text, encoding="utf-8")
    run = cli("check", "--format", "json", "--select", "MED401,MED402", str(path))
    spans = {(v["rule"], v["line"], v["column"]) for v in run.json()}
    # every claim at its own span, at its column in the original text
    assert spans == {("MED401", 3, 5), ("MED402", 3, 10)}


HTML = """<!DOCTYPE html>
<html>
<head><title>可以根治</title><meta name="description" content="可以根治"></head>
<body>
<h1>标题</h1>
<p>第一段&amp;说明，这种病<strong>可以根治</strong>。</p>
<p data-x="可以根治">属性不算。</p>
<!-- 注释可以根治 -->
<script>var s = "可以根治";</script>
<p>多行段落，
第二行&nbsp;也可以根治。</p>
<img src="a.png" alt="图片可以根治">
</body>
</html>
"""


def test_html_positions(cli, tmp_path):
    found = positions(cli, tmp_path, "f.html", HTML)
    assert (6, 26, 29) in found  # after an entity: columns count source characters
    assert (11, 11, 14) in found
    assert (12, 25, 28) in found  # alt text
    lines = {line for line, _, _ in found}
    assert not lines & {3, 7, 8, 9}


def test_columns_count_characters_not_bytes(cli, tmp_path):
    found = positions(cli, tmp_path, "g.txt", "English text, 中文，emoji 😀 后可以根治。\n")
    line = "English text, 中文，emoji 😀 后可以根治。"
    assert found == [(1, line.index(CLAIM) + 1, line.index(CLAIM) + 4)]
