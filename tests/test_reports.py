"""The csv and html reports, read back the way a spreadsheet and a browser would."""

from __future__ import annotations

import csv
import io
import re
from html.parser import HTMLParser

from conftest import ROOT


def test_csv_has_bom_header_and_one_row_per_violation(cli, tmp_path):
    target = tmp_path / "r.csv"
    assert cli("check", "--no-cache", "--format", "csv", "-o", str(target), "examples/",
               cwd=ROOT).code == 1
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    found = cli("check", "--no-cache", "--format", "json", "examples/", cwd=ROOT).json()
    assert len(rows) == len(found)
    assert [(r["path"], r["line"], r["rule"]) for r in rows] == [
        (v["path"], str(v["line"]), v["rule"]) for v in found
    ]
    assert any("根治" in r["text"] or "治愈" in r["text"] for r in rows)


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def _report(cli, tmp_path, *paths: str) -> tuple[_Page, str]:
    target = tmp_path / "r.html"
    run = cli("check", "--no-cache", "--format", "html", "-o", str(target), *paths, cwd=ROOT)
    assert run.code == 1, run.err
    html = target.read_text("utf-8")
    page = _Page()
    page.feed(html)
    return page, html


def test_html_totals_charts_and_explanations(cli, tmp_path):
    page, html = _report(cli, tmp_path, "examples/")
    found = cli("check", "--no-cache", "--format", "json", "examples/", cwd=ROOT).json()
    totals = re.search(r'<b>(\d+)</b>violations', html)
    assert totals and int(totals.group(1)) == len(found)
    assert html.count("<svg") == 2
    numbered = [n for sup in re.findall(r"<sup>([\d,]+)</sup>", html) for n in sup.split(",")]
    assert len(numbered) == len(found)  # every violation's span is highlighted and numbered
    sections = [a for t, a in page.tags if t == "section" and "article" in a.get("class", "")]
    assert len(sections) == len({v["path"] for v in found})
    text = "".join(page.text)
    for v in found:
        assert v["message"] in text
        assert not v["suggestion"] or v["suggestion"] in text


def test_html_is_self_contained(cli, tmp_path):
    page, html = _report(cli, tmp_path, "examples/")
    for tag, attrs in page.tags:
        for name in ("src", "href"):
            value = attrs.get(name) or ""
            assert not value or value.startswith("#"), (tag, attrs)
        assert not (tag == "link" or (tag == "script" and "src" in attrs))
    assert "http://" not in html and "https://" not in html


def test_html_escapes_article_text(cli, tmp_path):
    article = tmp_path / "x.txt"
    article.write_text("<script>alert(1)</script>本品可以根治脱发 & 无副作用。\n", "utf-8")
    page, html = _report(cli, tmp_path, str(article))
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert sum(1 for tag, _ in page.tags if tag == "script") == 1


def test_html_report_header_fonts_and_html_articles_as_prose(tmp_path, monkeypatch, capsys):
    from medlint.cli import main

    page = tmp_path / "a.html"
    page.write_text("<html><body>\n<p>肉毒素<b>可以根治</b>多汗症。</p>\n</body></html>\n",
                    encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--no-cache", "--format", "html", "-o", "r.html", "a.html"]) == 1
    report = (tmp_path / "r.html").read_text(encoding="utf-8")
    header = report[report.index("<header>") : report.index("</header>")]
    for item in ("date", "root", "medlint", "rules", "fingerprint", "configuration"):
        assert item in header
    assert str(tmp_path) in header
    assert "Microsoft YaHei" in report and "PingFang SC" in report and "Noto Sans CJK SC" in report
    article = report[report.index('<div class="src">') :]
    assert "&lt;b&gt;" not in article and "&lt;p&gt;" not in article  # prose, not tags
    assert '<mark class="error" title="MED401' in article
    assert ">可以根治</mark>" in article


def test_progress_bar_has_a_total_and_an_eta(tmp_path, monkeypatch):
    import io

    from medlint.cli import progress
    from medlint.run.runner import RunOptions, run
    from medlint.run.workspace import Workspace

    for name in "abc":
        (tmp_path / f"{name}.md").write_text("肉毒素可以根治多汗症。\n", encoding="utf-8")
    monkeypatch.setattr(progress, "DELAY", 0)
    err = io.StringIO()
    bar = progress.Progress(err)
    options = RunOptions(discovered=bar.discovered)
    done = list(bar.track(run(Workspace(), [str(tmp_path)], options)))
    assert len(done) == 3
    shown = err.getvalue()
    assert "0/3" in shown and "/3 [" in shown and "<" in shown  # of the total; time left
