"""The editors' checking path (LSP and review page) against ``medlint check``, the review
page's server without a browser, and UTF-16 positions."""

from __future__ import annotations

import io
import json
import shutil
import socket
import subprocess
import sys
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from conftest import run_cli
from medlint.editors import checking, serve
from medlint.editors.edits import apply, diff_edits, preview
from medlint.editors.positions import LineIndex
from medlint.editors.serve import ReviewApp

CONFIG = """\
ignore = ["MED101"]
[per-file-ignores]
"notes/*" = ["overclaim"]
"""
ARTICLES = {
    "a.md": "# 鼻炎\n\n🎉𠀀这是治疗鼻炎的神药。\n\n我们的疗法保证治好您的鼻炎。\n",
    "b.txt": "😀这是神药。 # medlint-disable-line MED406\r\n第二行：保证治好。\r\n",
    "c.html": "<html><body><p>𠀀这是<b>神药</b>，保证治好。</p>\n<!-- medlint-disable-next-line -->"
    "\n<p>包治百病</p></body></html>\n",
    "notes/d.md": "这是神药。\n",
}


@pytest.fixture
def site(tmp_path: Path) -> Path:
    (tmp_path / ".medlint.toml").write_text(CONFIG, encoding="utf-8")
    for name, text in ARTICLES.items():
        path = tmp_path / name
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
    return tmp_path


def cli_violations(path: Path, *options: str) -> list[dict[str, Any]]:
    done = run_cli("check", "--no-cache", "--format", "json", *options, str(path), cwd=path.parent)
    assert done.code in (0, 1), done.err
    return [{**v, "path": path.name} for v in done.json()]


def call(app: ReviewApp, method: str, path: str, body: bytes = b"", **headers: str):
    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "HTTP_HOST": "127.0.0.1:8765",
        "CONTENT_LENGTH": str(len(body)),
        "wsgi.input": io.BytesIO(body),
        **{k.upper(): v for k, v in headers.items()},
    }
    status: list[str] = []
    chunks = app(environ, lambda s, h: status.append(s))
    return status[0], b"".join(chunks)


def post(app: ReviewApp, path: str, value: object, **headers: str) -> tuple[str, Any]:
    body = json.dumps(value).encode("utf-8")
    headers.setdefault("content_type", "application/json")
    status, data = call(app, "POST", path, body, **headers)
    return status, json.loads(data)


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_same_violations_as_medlint_check(site: Path, name: str, monkeypatch):
    """The review page and the language server report what ``medlint check`` reports,
    for the same text and the configuration of the file's folder."""
    path = site / name
    expected = cli_violations(path)
    text = path.read_bytes().decode("utf-8")
    workspace = checking.make_workspace()
    direct = checking.check_as(workspace, str(path), text)
    assert direct.error is None
    assert [{**v.model_dump(mode="json"), "path": path.name} for v in direct.violations] == expected
    monkeypatch.chdir(path.parent)
    app = ReviewApp(checking.make_workspace())
    status, page = post(app, "/api/check", {"text": text, "name": path.name})
    assert status == "200 OK" and page["error"] is None
    shown = [{k: v for k, v in item.items() if k not in ("start", "end")}
             for item in page["violations"]]
    assert shown == expected
    for item in page["violations"]:  # offsets in code points of the text: the exact span
        if item["line"] == item["end_line"] and item["category"] == "overclaim":
            assert text[item["start"] : item["end"]] == item["text"]


def test_config_option_applies_to_every_text(site: Path, tmp_path_factory):
    other = tmp_path_factory.mktemp("elsewhere")
    config = site / "strict.toml"
    config.write_text('select = ["MED101"]\n', encoding="utf-8")
    expected = cli_violations(site / "a.md", "--config", str(config))
    assert [v["rule"] for v in expected] == ["MED101"]
    app = ReviewApp(checking.make_workspace(config), folder=str(other))
    _, page = post(app, "/api/check", {"text": ARTICLES["a.md"], "name": "a.md"})
    assert [v["rule"] for v in page["violations"]] == ["MED101"]
    assert page["counts"] == {"disclaimer": 1}


def test_fix_matches_check_fix(site: Path):
    path = site / "a.md"
    copy = site / "copy.md"
    shutil.copy(path, copy)
    run_cli("check", "--no-cache", "--isolated", "--fix", str(copy), cwd=site)
    app = ReviewApp(checking.make_workspace(isolated=True), folder=str(site))
    status, page = post(app, "/api/fix", {"text": ARTICLES["a.md"], "name": "a.md"})
    assert status == "200 OK" and page["changed"]
    assert page["text"] == copy.read_text(encoding="utf-8")
    assert sorted(page["fixed_rules"]) == ["MED101", "MED406"]
    assert [v["rule"] for v in page["violations"]] == ["MED401"]


def test_page_and_static_files_come_from_the_package(tmp_path: Path):
    app = ReviewApp(checking.make_workspace(isolated=True), folder=str(tmp_path))
    status, body = call(app, "GET", "/")
    assert status == "200 OK" and b'src="/static/app.js"' in body and b"http" not in body
    for name in ("app.js", "style.css"):
        status, body = call(app, "GET", f"/static/{name}")
        assert status == "200 OK" and b"https://" not in body
    assert call(app, "GET", "/static/../serve.py")[0] == "404 Not Found"
    assert call(app, "GET", "/etc/passwd")[0] == "404 Not Found"


def test_bad_requests_get_one_clear_line(tmp_path: Path, monkeypatch):
    app = ReviewApp(checking.make_workspace(isolated=True), folder=str(tmp_path), max_size=1000)
    status, page = post(app, "/api/check", {"text": "神药" * 400, "name": "a.md"})
    assert status == "200 OK"
    assert page["error"] == (
        "a.md: file too large (2400 bytes; the limit is 1000, see --max-file-size)"
    )
    status, data = call(app, "POST", "/api/check", b"{not json", content_type="application/json")
    assert status.startswith("400")
    assert json.loads(data) == {"error": "the request is not valid JSON"}
    status, page = post(app, "/api/check", {"name": "a.md"})
    assert status.startswith("400") and page["error"] == "the request has no text"
    status, page = call(app, "POST", "/api/decode", b"x" * 1001)
    assert status.startswith("413") and b"file too large" in page
    status, data = call(app, "POST", "/api/decode", b"\x00\x01", http_x_filename="%E6%97%A7")
    assert json.loads(data) == {"name": "旧.md", "error": "旧.md: binary file (contains NUL bytes)"}

    def broken(*args: object, **kwargs: object) -> None:
        raise ValueError("boom\nin two lines")

    monkeypatch.setattr(serve, "check_as", broken)
    status, page = post(app, "/api/check", {"text": "x", "name": "a.md"})
    assert status.startswith("500")
    assert page == {"error": "internal error: ValueError: boom in two lines"}


def test_only_local_pages_may_ask(tmp_path: Path):
    app = ReviewApp(checking.make_workspace(isolated=True), folder=str(tmp_path))
    status, _ = call(app, "GET", "/", http_host="attacker.example:8765")
    assert status.startswith("403")  # DNS rebinding
    status, page = post(app, "/api/check", {"text": "神药"}, http_origin="https://attacker.example")
    assert status.startswith("403") and "other sites" in page["error"]
    status, page = post(app, "/api/check", {"text": "神药"}, http_origin="http://127.0.0.1:8765")
    assert status == "200 OK"
    status, _ = call(app, "POST", "/api/check", b'{"text": ""}', content_type="text/plain")
    assert status.startswith("415")  # a form on another site cannot send JSON without asking


def test_an_idle_connection_blocks_nothing(tmp_path: Path):
    """Browsers keep a spare connection open; the page must still answer."""
    process = subprocess.Popen(
        [sys.executable, "-m", "medlint", "serve", "--port", "0", "--isolated"],
        cwd=tmp_path, stdout=subprocess.PIPE, text=True, encoding="utf-8",
    )
    try:
        assert process.stdout is not None
        url = process.stdout.readline().split(" at ", 1)[1].split()[0]
        host, port = url.split("//")[1].rstrip("/").split(":")
        with socket.create_connection((host, int(port))):  # opened, never used
            request = urllib.request.Request(
                url + "api/check", json.dumps({"text": "这是神药。", "name": "a.md"}).encode(),
                {"Content-Type": "application/json"},
            )
            with urllib.request.urlopen(request, timeout=60) as answer:
                found = json.loads(answer.read())
        assert "MED406" in [v["rule"] for v in found["violations"]]
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_article_names_stay_in_the_folder():
    assert serve.article_name("../../etc/passwd") == "passwd.md"
    assert serve.article_name("C:\\docs\\稿件.HTML") == "稿件.HTML"
    assert serve.article_name("") == "article.md"


def test_serve_with_a_bad_configuration_exits_2(tmp_path: Path):
    bad = tmp_path / "bad.toml"
    bad.write_text("selct = []\n", encoding="utf-8")
    for command in ("serve", "lsp"):
        done = run_cli(command, "--config", str(bad), cwd=tmp_path)
        assert done.code == 2
        assert done.err.startswith("medlint: error:") and "selct" in done.err
        assert "Traceback" not in done.err


def test_utf16_positions():
    text = "\ufeff🎉a\r\n𠀀神药\rb\n"
    index = LineIndex(text)
    assert index.starts == [0, 5, 9, 11]
    start, end = index.span(2, 2, 2, 3)  # medlint: line 2, columns 2-3 (神药)
    assert text[start:end] == "神药"
    assert index.position(start) == (1, 2) and index.position(end) == (1, 4)
    assert index.offset(1, 2) == start and index.offset(1, 1) == index.offset(1, 0)
    assert index.from_medlint(1, 1) == 1  # the byte-order mark is not a column
    assert index.position(index.from_medlint(1, 2)) == (0, 3)
    assert LineIndex(text, "utf-8").position(end) == (1, 10)
    assert LineIndex(text, "utf-32").position(end) == (1, 3)


def test_diff_edits_are_small_and_exact():
    old = "第一行\n这是神药，神药。\n末行\n"
    new = "第一行\n这是药物，药物。\n末行\n\n本文仅供参考。\n"
    edits = diff_edits(old, new)
    assert apply(old, edits) == new
    assert [old[e.start : e.end] for e in edits] == ["神", "", "神", "", ""]
    first = old.index("神药")
    assert preview(old, first, first + 2, edits[:2]) == ("神药", "药物")
