"""``medlint serve`` driven in a real browser: the system Chromium through Playwright.

Skips when no Chromium is installed, except in CI (``CI`` set), where it must run.
"""

from __future__ import annotations

import base64
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

IN_CI = bool(os.environ.get("CI"))


def _chromium() -> str | None:
    for name in (os.environ.get("MEDLINT_CHROMIUM"), "chromium", "chromium-browser"):
        found = shutil.which(name) if name else None
        if found:
            return found
    return None


CHROMIUM = _chromium()
if CHROMIUM is None:
    if IN_CI:
        pytest.fail("CI must run the browser test: install Debian's chromium", pytrace=False)
    pytest.skip("no chromium installed", allow_module_level=True)
if IN_CI:
    from playwright.sync_api import Page, expect, sync_playwright
else:
    playwright = pytest.importorskip("playwright.sync_api")
    Page, expect, sync_playwright = playwright.Page, playwright.expect, playwright.sync_playwright

# A file dropped on the text area, as a browser delivers it.
DROP = """([name, data]) => {
  const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
  const transfer = new DataTransfer();
  transfer.items.add(new File([bytes], name));
  const target = document.getElementById("text");
  for (const type of ["dragenter", "dragover", "drop"]) {
    target.dispatchEvent(new DragEvent(type, {dataTransfer: transfer, bubbles: true,
                                              cancelable: true}));
  }
}"""
ARTICLE = "# 鼻炎\n\n🎉𠀀这是治疗鼻炎的神药。\n\n我们的疗法保证治好您的鼻炎。\n"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``medlint serve`` on a free port, in a folder of its own; yields the page address."""
    folder = tmp_path_factory.mktemp("site")
    process = subprocess.Popen(
        [sys.executable, "-m", "medlint", "serve", "--port", "0", "--isolated"],
        cwd=folder,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        assert "http://127.0.0.1:" in line, line + (process.stderr.read() if process.stderr else "")
        yield line.split(" at ", 1)[1].split()[0]
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def browser_page(server: str) -> Iterator[Page]:
    with sync_playwright() as driver:
        browser = driver.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
        )
        context = browser.new_context(accept_downloads=True, locale="zh-CN")
        page = context.new_page()
        outside: list[str] = []
        page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(server)
                and not r.url.startswith(("blob:", "data:")) else None)
        yield page
        browser.close()
        assert outside == []  # the page fetches nothing from the network


def test_paste_check_fix_and_download(browser_page: Page, server: str, tmp_path: Path) -> None:
    page = browser_page
    page.goto(server)
    page.fill("#text", ARTICLE)
    page.click("#check")
    claim = page.locator("mark", has_text="神药")
    expect(claim).to_have_count(1)
    assert "error" in (claim.get_attribute("class") or "")
    # every violation is listed with its message, suggestion and legal basis
    items = page.locator("#list li")
    expect(items).to_have_count(3)
    overclaim = page.locator("#list li", has_text="神药")
    expect(overclaim.locator(".message")).to_contain_text("神药")
    expect(overclaim.locator(".suggestion")).not_to_be_empty()
    expect(overclaim.locator(".basis")).to_contain_text("广告法")
    expect(page.locator("#list li[data-rule='MED101'] .message")).to_contain_text("免责声明")
    expect(page.locator(".count[data-category='overclaim'] b")).to_have_text("2")
    expect(page.locator(".count[data-category='disclaimer'] b")).to_have_text("1")
    claim.click()
    expect(overclaim).to_have_class("error active")
    # the highlight sits exactly on the claim, after two astral-plane characters
    expect(claim).to_have_text("神药")
    assert page.locator("#article").inner_text() == ARTICLE
    page.screenshot(path=str(tmp_path / "before.png"))

    page.click("#fix")
    expect(page.locator("#status")).to_contain_text("已修正 2 处")
    fixed = page.input_value("#text")
    assert "神药" not in fixed and "这是治疗鼻炎的药物" in fixed and "仅供" in fixed
    expect(page.locator("#list li")).to_have_count(1)  # 保证治好 needs a person's judgement
    expect(page.locator("mark")).to_have_text("保证治好")
    expect(page.locator("#total")).to_contain_text("1")

    with page.expect_download() as download:
        page.click("#download")
    assert download.value.suggested_filename == "article.md"
    assert Path(download.value.path()).read_text(encoding="utf-8") == fixed


def test_dropped_files_are_read_like_the_cli(browser_page: Page, server: str,
                                              tmp_path: Path) -> None:
    page = browser_page
    page.goto(server)
    legacy = "这是治疗鼻炎的神药。请遵医嘱用药，孕妇禁用。".encode("gb18030")
    page.evaluate(DROP, ["旧文章.txt", base64.b64encode(legacy).decode("ascii")])
    expect(page.locator("mark", has_text="神药")).to_have_count(1)
    assert page.input_value("#format") == "txt"
    assert page.input_value("#text").startswith("这是治疗鼻炎的神药")
    with page.expect_download() as download:
        page.click("#download")
    assert download.value.suggested_filename == "旧文章.txt"
    binary = tmp_path / "image.md"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    page.set_input_files("#file", str(binary))
    expect(page.locator("#error")).to_contain_text("binary file")
    expect(page.locator("#error")).not_to_contain_text("Traceback")
