"""Screenshot the review page (``medlint serve``) with an article checked, in the system
Chromium (Debian's ``chromium`` and ``fonts-noto-cjk``), through Playwright.

    .venv/bin/python scripts/screenshot_review_page.py OUT.png [ARTICLE] [--fixed OUT2.png]

The article (default: examples/overclaims.md plus a line with a safely fixable claim) is
pasted, checked and its first claim selected; with ``--fixed`` a second screenshot is
taken after "Apply safe fixes".
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("article", nargs="?", type=Path)
    parser.add_argument("--fixed", type=Path, help="also screenshot the page after the fixes")
    parser.add_argument("--width", type=int, default=1280)
    args = parser.parse_args()
    if args.article:
        text = args.article.read_text(encoding="utf-8")
    else:
        text = (ROOT / "examples" / "overclaims.md").read_text(encoding="utf-8")
        text = text.replace("\n\n本文", "\n\n这款颈椎贴是治疗颈椎病的神药。\n\n本文")
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        sys.exit("needs Debian's chromium (apt-get install chromium fonts-noto-cjk)")
    with tempfile.TemporaryDirectory() as folder:
        server = subprocess.Popen(
            [sys.executable, "-m", "medlint", "serve", "--port", "0", "--isolated"],
            cwd=folder, stdout=subprocess.PIPE, text=True,
        )
        try:
            assert server.stdout is not None
            url = server.stdout.readline().split(" at ", 1)[1].split()[0]
            with sync_playwright() as driver:
                browser = driver.chromium.launch(executable_path=chromium,
                                                 args=["--no-sandbox", "--disable-gpu"])
                page = browser.new_page(viewport={"width": args.width, "height": 900},
                                        locale="zh-CN")
                page.goto(url)
                suffix = args.article.suffix.lower() if args.article else ".md"
                page.select_option("#format", {".htm": "html", ".html": "html",
                                               ".txt": "txt"}.get(suffix, "md"))
                page.fill("#text", text)
                page.click("#check")
                page.locator("mark").first.wait_for()
                page.locator("mark").first.click()
                page.screenshot(path=str(args.out), full_page=True)
                print(f"wrote {args.out}")
                if args.fixed:
                    page.click("#fix")
                    page.locator("#status").filter(has_text="修正").wait_for()
                    page.screenshot(path=str(args.fixed), full_page=True)
                    print(f"wrote {args.fixed}")
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
