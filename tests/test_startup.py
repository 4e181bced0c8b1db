"""A check imports only what the files it reads need."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import sys
from medlint.documents import read_document
read_document(sys.argv[1], "本品可以根治鼻炎。\\n")
print(",".join(sorted(m for m in ("markdown_it", "html.parser") if m in sys.modules)))
"""


def loaded_for(path: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, path], capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


def test_plain_text_does_not_load_the_markdown_or_html_parsers():
    assert loaded_for("a.txt") == ""


def test_markdown_loads_its_parser():
    assert "markdown_it" in loaded_for("a.md")
