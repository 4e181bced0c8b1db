"""How long the editor waits for diagnostics after an edit of a 20 000-character article.

Builds an article of about 20 000 characters from the examples (and the shared corpus
when present), then measures:

- in process: checking the edited text through the editors' checking path;
- over stdio: a real LSP client (pygls) talks to ``medlint lsp --debounce 0``, edits the
  open document and times each edit until the diagnostics of that version arrive.

Target: under 300 ms after an edit (the debounce delay, 250 ms by default, comes on top
and is the editor's choice).

    python benchmarks/lsp_recheck.py [--chars 20000] [--edits 20]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

from medlint.editors.checking import check_as, make_workspace

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [
    ROOT / "examples",
    ROOT.parent / "shared" / "corpus",
    ROOT.parents[1] / "shared" / "corpus",
]


def build_article(chars: int) -> str:
    """Paragraphs of the Markdown and text examples (and corpus), repeated with a section
    number, until the article has ``chars`` characters."""
    paragraphs: list[str] = []
    for folder in SOURCES:
        if folder.is_dir():
            for path in sorted(folder.rglob("*")):
                if path.suffix in (".md", ".txt"):
                    text = path.read_text(encoding="utf-8", errors="replace")
                    paragraphs += [p.strip() for p in text.split("\n\n") if p.strip()]
    parts, section = [], 0
    while sum(len(p) + 2 for p in parts) < chars:
        section += 1
        parts.append(f"## 第 {section} 节")
        parts += paragraphs
    return "\n\n".join(parts)[:chars] + "\n"


def edit(text: str, rng: random.Random) -> str:
    """The text with one character typed in the middle of a line."""
    at = rng.randrange(len(text) // 4, len(text))
    return text[:at] + rng.choice("的了和是，") + text[at:]


def in_process(text: str, edits: int, path: str) -> tuple[list[float], list[float]]:
    """Wall and CPU times of checking the text after each edit."""
    workspace = make_workspace(isolated=True)
    check_as(workspace, path, text)  # rules compiled, segmenter loaded
    rng, wall, cpu = random.Random(1), [], []
    for _ in range(edits):
        text = edit(text, rng)
        start, start_cpu = time.perf_counter(), time.process_time()
        check_as(workspace, path, text)
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return wall, cpu


async def over_stdio(text: str, edits: int, folder: Path) -> tuple[float, list[float], int]:
    client = LanguageClient("medlint-benchmark", "1")
    arrived: dict[int, float] = {}
    count = 0

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def published(params: types.PublishDiagnosticsParams) -> None:
        nonlocal count
        if params.version is not None:
            arrived[params.version] = time.perf_counter()
            count = len(params.diagnostics)

    await client.start_io(sys.executable, "-m", "medlint", "lsp", "--debounce", "0",
                          "--isolated")
    await client.initialize_async(types.InitializeParams(
        capabilities=types.ClientCapabilities(), root_uri=folder.as_uri()))
    client.initialized(types.InitializedParams())
    uri = (folder / "article.md").as_uri()

    async def until(version: int) -> float:
        while version not in arrived:
            await asyncio.sleep(0.001)
        return arrived[version]

    start = time.perf_counter()
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id="markdown", version=1,
                                             text=text)))
    first = await until(1) - start
    rng, times = random.Random(1), []
    for version in range(2, edits + 2):
        text = edit(text, rng)
        start = time.perf_counter()
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))
        times.append(await until(version) - start)
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    return first, times, count


def summary(label: str, times: list[float]) -> str:
    ms = sorted(t * 1000 for t in times)
    p90 = ms[min(len(ms) - 1, int(len(ms) * 0.9))]
    return (f"  {label:<34} median {statistics.median(ms):6.0f} ms   p90 {p90:6.0f} ms   "
            f"max {ms[-1]:6.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=20_000)
    parser.add_argument("--edits", type=int, default=20)
    args = parser.parse_args()
    load = os.getloadavg()[0]
    text = build_article(args.chars)
    with tempfile.TemporaryDirectory() as folder:
        local, local_cpu = in_process(text, args.edits, str(Path(folder) / "article.md"))
        first, remote, count = asyncio.run(over_stdio(text, args.edits, Path(folder)))
    print(f"article: {len(text)} characters, {text.count(chr(10)) + 1} lines, "
          f"{count} diagnostics; {args.edits} edits")
    print(f"load average at the start: {load:.1f} on {os.cpu_count()} cores")
    print(summary("check after an edit, in process", local))
    print(summary("  the same, CPU time", local_cpu))
    print(summary("edit -> diagnostics over stdio", remote))
    print(f"  first diagnostics after didOpen      {first * 1000:6.0f} ms (rules loaded)")
    verdict = "met" if statistics.median(remote) < 0.3 else "NOT met"
    print(f"target: under 300 ms after an edit (median over stdio): {verdict}")


if __name__ == "__main__":
    main()
