"""``html``: one self-contained audit page (inline CSS, SVG and JS; nothing fetched).

The page shows the totals, violations per category and per rule as bar charts, the
worst articles, and every article with violations: its text with each violation's span
highlighted and numbered, and below it each violation's message, suggestion and basis.
Articles are written to a temporary file as they stream in and the page is assembled
on ``close``, so memory does not grow with the audit.
"""

from __future__ import annotations

import tempfile
from collections import Counter
from html import escape
from itertools import pairwise
from typing import Any

from .. import __version__
from ..violation import Violation
from .base import Reporter, Summary

WORST = 15  # articles in the "worst articles" table
TOP_RULES = 25  # rules in the per-rule chart

_CSS = """
body{font:15px/1.6 system-ui,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;
margin:0;color:#1f2328;background:#f6f8fa}
header{background:#0b3d5c;color:#fff;padding:18px 32px}header h1{margin:0;font-size:22px}
main{padding:16px 32px;max-width:1200px}
section{background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:16px 20px;margin:16px 0}
h2{font-size:18px;margin:0 0 12px}.totals{display:flex;gap:12px;flex-wrap:wrap}
.total{border:1px solid #d0d7de;border-radius:6px;padding:8px 16px;min-width:110px}
.total b{display:block;font-size:24px}.charts{display:flex;gap:24px;flex-wrap:wrap}
.charts>div{flex:1 1 420px}table{border-collapse:collapse;width:100%}
td,th{border-bottom:1px solid #eaeef2;padding:4px 8px;text-align:left}
.src{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:13px;background:#f6f8fa;
border-radius:6px;padding:8px;overflow-x:auto}
.ln{display:flex}.ln .no{color:#8c959f;width:3.5em;flex:none;text-align:right;padding-right:1em;
user-select:none}.ln .tx{white-space:pre-wrap;word-break:break-all}
mark{background:#ffd7d5;border-bottom:2px solid #cf222e;padding:0 1px}
mark.warning{background:#fff1c2;border-color:#bf8700}mark.info{background:#ddf4ff;
border-color:#0969da}sup{color:#cf222e;font-size:10px}
.sev{font-size:12px;border-radius:10px;padding:0 8px;color:#fff;background:#cf222e}
.sev.warning{background:#bf8700}.sev.info{background:#0969da}
ol.v li{margin:6px 0}.hint{color:#57606a}#filter{width:320px;padding:4px 8px}
"""

_JS = """
document.getElementById('filter').addEventListener('input', function (e) {
  var q = e.target.value.toLowerCase();
  document.querySelectorAll('section.article').forEach(function (s) {
    s.style.display = s.dataset.path.toLowerCase().indexOf(q) >= 0 ? '' : 'none';
  });
});
"""


def bar_chart(counts: list[tuple[str, int]], color: str = "#0b3d5c") -> str:
    """A horizontal SVG bar chart, one labelled bar per (label, count)."""
    if not counts:
        return '<p class="hint">—</p>'
    top = max(n for _, n in counts) or 1
    row, label_width, bar_width = 22, 220, 300
    parts = [
        f'<svg role="img" width="{label_width + bar_width + 60}"'
        f' height="{row * len(counts) + 4}" font-size="12">'
    ]
    for i, (label, n) in enumerate(counts):
        y = i * row + 2
        width = max(1, round(bar_width * n / top))
        parts.append(
            f'<text x="{label_width - 6}" y="{y + 15}" text-anchor="end">{escape(label)}</text>'
            f'<rect x="{label_width}" y="{y + 3}" width="{width}" height="{row - 6}"'
            f' fill="{color}"><title>{escape(label)}: {n}</title></rect>'
            f'<text x="{label_width + width + 6}" y="{y + 15}">{n}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _offsets(lines: list[str], v: Violation) -> tuple[int, int]:
    """Absolute [start, end) in the joined lines for a violation's inclusive span."""
    starts = [0]
    for text in lines:
        starts.append(starts[-1] + len(text) + 1)
    last = len(lines)
    line, end_line = min(max(v.line, 1), last), min(max(v.end_line, 1), last)
    start = starts[line - 1] + v.column - 1
    end = starts[end_line - 1] + v.end_column
    return start, max(end, start + 1)


def highlight(source: str, violations: list[Violation]) -> str:
    """The source as numbered lines with each violation's span in a ``<mark>``."""
    lines = source.replace("\r\n", "\n").replace("\r", "\n").removeprefix("\ufeff").split("\n")
    text = "\n".join(lines)
    spans = [(*_offsets(lines, v), i) for i, v in enumerate(violations, 1)]
    cuts = sorted({0, len(text), *(a for a, _, _ in spans), *(b for _, b, _ in spans)})
    pieces: list[str] = []
    for a, b in pairwise(cuts):
        if a >= len(text):
            break
        chunk = text[a:b]
        covering = [(i, violations[i - 1]) for s, e, i in spans if s <= a and b <= e]
        if not covering:
            pieces.append(escape(chunk))
            continue
        worst = max((v for _, v in covering), key=lambda v: v.severity.rank)
        title = escape("; ".join(f"{v.rule} {v.message}" for _, v in covering), quote=True)
        numbers = ",".join(str(i) for i, _ in covering if spans[i - 1][0] == a)
        sup = f"<sup>{numbers}</sup>" if numbers else ""
        # a mark never spans a line break, so each line stays one flex row
        for k, part in enumerate(chunk.split("\n")):
            if k:
                pieces.append("\n")
            if part:
                pieces.append(f'<mark class="{worst.severity.value}" title="{title}">'
                              f"{escape(part)}</mark>")
        pieces.append(sup)
    rows = "".join(pieces).split("\n")
    return "".join(
        f'<div class="ln"><span class="no">{n}</span><span class="tx">{row or " "}</span></div>'
        for n, row in enumerate(rows, 1)
    )


class HtmlReporter(Reporter):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.body = tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115
        self.categories: Counter[str] = Counter()
        self.rule_totals: Counter[str] = Counter()
        self.per_file: list[tuple[int, int, str]] = []  # (errors, violations, path)
        self.with_violations = 0
        self.anchors: dict[str, str] = {}

    def file(self, path: str, source: str | None, violations: list[Violation]) -> None:
        if not violations:
            return
        self.with_violations += 1
        errors = sum(v.severity.value == "error" for v in violations)
        self.per_file.append((errors, len(violations), path))
        self.per_file = sorted(self.per_file, key=lambda t: (-t[0], -t[1], t[2]))[:WORST]
        for v in violations:
            self.categories[v.category] += 1
            self.rule_totals[f"{v.rule} {v.name}"] += 1
        anchor = f"a{self.with_violations}"
        items = "".join(
            f'<li><span class="sev {v.severity.value}">{v.severity.value}</span> '
            f"<b>{escape(v.rule)}</b> {escape(v.name)} · {v.line}:{v.column} "
            f"{escape(v.message)}"
            + (f'<br><span class="hint">建议：</span>{escape(v.suggestion)}' * bool(v.suggestion))
            + (f'<br><span class="hint">依据：</span>{escape(v.basis)}' * bool(v.basis))
            + "</li>"
            for v in violations
        )
        text = highlight(source, violations) if source is not None else ""
        self.body.write(
            f'<section class="article" id="{anchor}" data-path="{escape(path, quote=True)}">'
            f"<h2>{escape(path)} <small>({len(violations)})</small></h2>"
            f'<div class="src">{text}</div><ol class="v">{items}</ol></section>\n'
        )
        self.anchors[path] = anchor

    def close(self, summary: Summary) -> None:
        totals = [
            ("articles", summary.files),
            ("with violations", self.with_violations),
            ("violations", summary.total),
            *summary.counts.items(),
        ]
        if summary.errors:
            totals.append(("unreadable", summary.errors))
        worst = "".join(
            f'<tr><td><a href="#{self.anchors[path]}">{escape(path)}</a></td>'
            f"<td>{errors}</td><td>{count}</td></tr>"
            for errors, count, path in self.per_file
        )
        out = self.out
        out.write(
            '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>medlint audit report</title><style>{_CSS}</style></head><body>"
            f"<header><h1>medlint 合规审核报告 · audit report</h1>"
            f"<div>medlint {escape(__version__)}</div></header><main>"
            '<section id="totals"><h2>Totals</h2><div class="totals">'
            + "".join(
                f'<div class="total" data-name="{escape(k)}"><b>{n}</b>{escape(k)}</div>'
                for k, n in totals
            )
            + '</div></section><section id="charts"><div class="charts">'
            f'<div><h2>Violations per category</h2>{bar_chart(self.categories.most_common())}'
            f'</div><div><h2>Violations per rule</h2>'
            f'{bar_chart(self.rule_totals.most_common(TOP_RULES), "#8250df")}</div></div></section>'
            '<section id="worst"><h2>Worst articles</h2><table><tr><th>article</th>'
            f"<th>errors</th><th>violations</th></tr>{worst}</table></section>"
            '<section><input id="filter" placeholder="filter articles by path"></section>'
        )
        self.body.seek(0)
        while chunk := self.body.read(1 << 16):
            out.write(chunk)
        self.body.close()
        out.write(f"</main><script>{_JS}</script></body></html>\n")
