"""Time medlint against its floors on a generated corpus; prints a table and the ratios.

    python benchmarks/bench.py [--files 10000] [--memory-files 0]

The corpus is built from ``examples/`` and, when present, ``../shared/corpus`` plus
variants (paragraphs of different articles recombined). Measured, in one run: medlint
with 1 job and with all cores (no cache), a cold and a warm cached run, plain jieba
segmentation of the same files on one core (the naive floor), ``grep -F -f`` with the
rule phrases (the I/O floor), and a one-file check against a bare jieba start. Peak
memory is the largest resident set of any one process of a run (``wait4``).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus"
BIN = Path(sys.executable).parent
MEDLINT = [str(BIN / "medlint")]


def find_sources(folders: list[Path] | None = None) -> list[Path]:
    """The articles to build a corpus from: ``folders``, or ``examples/`` and, when
    present, ``../shared/corpus``."""
    if folders is None:
        folders = [ROOT / "examples", *([SHARED] if SHARED.is_dir() else [])]
    return [p for folder in folders for p in sorted(folder.rglob("*"))
            if p.suffix in (".md", ".txt", ".html")]


def _vary(paragraph: str, rng: random.Random, pool: str) -> str:
    """Insert one random common character into each sentence, so that no two generated
    articles share their sentences (which would flatter any per-sentence reuse)."""
    parts = re.split(r"(?<=[。！？])", paragraph)
    out = []
    for part in parts:
        if len(part) > 4:
            at = rng.randrange(1, len(part) - 1)
            part = part[:at] + rng.choice(pool) + part[at:]
        out.append(part)
    return "".join(out)


def build_corpus(
    folder: Path, count: int, seed: int = 7, sources: list[Path] | None = None
) -> int:
    """``count`` articles: the originals, then variants made of recombined paragraphs."""
    rng = random.Random(seed)
    originals = find_sources(sources)
    texts = [p.read_text("utf-8") for p in originals]
    paragraphs = [par for t, p in zip(texts, originals, strict=True) if p.suffix != ".html"
                  for par in t.split("\n\n") if par.strip()]
    pool = "".join(sorted({c for t in texts for c in t if "\u4e00" <= c <= "\u9fa5"}))
    chars = 0
    for i in range(count):
        sub = folder / f"{i // 1000:03d}"
        sub.mkdir(exist_ok=True)
        if i < len(originals):
            name, text = f"{i:06d}{originals[i].suffix}", texts[i]
        else:
            picked = [_vary(p, rng, pool) for p in rng.sample(paragraphs, k=rng.randint(6, 14))]
            name, text = f"{i:06d}.{rng.choice(['md', 'md', 'txt'])}", "\n\n".join(picked) + "\n"
        (sub / name).write_text(text, "utf-8")
        chars += len(text)
    return chars


def timed(argv: list[str], cwd: Path | None = None, env: dict | None = None) -> tuple:
    """Wall seconds, CPU seconds (all its processes) and peak RSS (MiB, largest process)."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(process.pid, 0)
    cpu = usage.ru_utime + usage.ru_stime
    return time.perf_counter() - start, cpu, usage.ru_maxrss // 1024


def median(argv: list[str], runs: int = 5, **kw) -> tuple[float, float]:
    runs_ = [timed(argv, **kw) for _ in range(runs)]
    return statistics.median(r[0] for r in runs_), statistics.median(r[1] for r in runs_)


JIEBA_FLOOR = """
import sys, jieba, pathlib
jieba.setLogLevel(60)
for p in sorted(pathlib.Path(sys.argv[1]).rglob('*.*')):
    jieba.lcut(p.read_text('utf-8'))
"""


def phrases(target: Path) -> None:
    sys.path.insert(0, str(ROOT / "src"))
    from medlint.run.engine import default_linter

    linter = default_linter()
    words = {w for check in linter.checks for w in check.words()}
    target.write_text("\n".join(sorted(words)) + "\n", "utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--memory-files", type=int, default=0,
                        help="also audit this many files (e.g. 100000) for peak memory")
    args = parser.parse_args()
    cores = len(os.sched_getaffinity(0))
    work = Path(tempfile.mkdtemp(prefix="medlint-bench-"))
    rows: list[tuple[str, float, float, int]] = []
    try:
        corpus = work / "corpus"
        corpus.mkdir()
        chars = build_corpus(corpus, args.files)
        print(f"corpus: {args.files} files, {chars / 1e6:.1f} M characters, {cores} cores")
        phrases(work / "phrases.txt")
        env = dict(os.environ, CI="1")
        check = [*MEDLINT, "check", "--format", "json", str(corpus)]

        print(f"  {'':<34} {'wall':>8}   {'cpu':>8}   {'peak RSS':>8}")

        def row(name: str, argv: list[str], **kw) -> float:
            seconds, cpu, rss = timed(argv, env=env, **kw)
            rows.append((name, seconds, cpu, rss))
            print(f"  {name:<34} {seconds:8.2f} s {cpu:8.2f} s {rss:6d} MiB", flush=True)
            return seconds

        one = row("medlint -j 1 (no cache)", [*check, "--no-cache", "-j", "1"])
        every = row(f"medlint -j {cores} (no cache)", [*check, "--no-cache", "-j", str(cores)])
        cache = ["--cache-dir", str(work / "cache")]
        cold = row("medlint cached, cold", [*check, *cache])
        warm = row("medlint cached, warm", [*check, *cache])
        jieba = row("bare jieba.lcut, 1 core", [sys.executable, "-c", JIEBA_FLOOR, str(corpus)])
        grep = row("grep -F -f phrases -r", ["grep", "-F", "-r", "-c", "-f",
                                             str(work / "phrases.txt"), str(corpus)])
        article = next(iter(sorted(corpus.rglob("*.md"))))
        single = median([*MEDLINT, "check", "--no-cache", str(article)], env=env)
        bare = median([sys.executable, "-c", "import jieba; jieba.lcut('测试')"], env=env)
        print(f"  {'one-file medlint check (median)':<34} {single[0]:8.2f} s {single[1]:8.2f} s")
        print(f"  {'bare jieba start (median)':<34} {bare[0]:8.2f} s {bare[1]:8.2f} s")
        if args.memory_files:
            big = work / "big"
            big.mkdir()
            build_corpus(big, args.memory_files)
            seconds, _, rss = timed([*MEDLINT, "check", "--format", "json", "--no-cache",
                                  str(big)], env=env)
            print(f"  {f'{args.memory_files} files, all cores':<34} {seconds:8.2f} s "
                  f"{rss:6d} MiB peak per process")
        print("\nratios (target)")
        print(f"  all cores vs bare jieba 1 core:   {jieba / every:6.1f}x faster  (>= 10x)")
        print(f"  {cores} jobs vs 1 job:                 {one / every:6.2f}x faster  (>= 1.8x)")
        print(f"  warm cache / cold:                {warm / cold:6.1%}      (<= 10%)")
        print(f"  one-file check / bare jieba:      {single[0] / bare[0]:6.2f}x       (<= 0.4x)"
              f"  cpu: {single[1] / bare[1]:.2f}x")
        print(f"  all cores vs grep -F (I/O floor): {every / grep:6.1f}x slower")
        print(f"  peak memory per process:          {max(r[3] for r in rows[:4])} MiB")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
