"""medlint against the tools and floors it is measured by, in one run on one corpus.

    python benchmarks/compare.py [--files 10000] [--memory-files 0] [--no-textlint]

On the corpus ``bench.py`` builds (N articles), times in one run:

- medlint with 1 job and with every core (no cache), then a cold and a warm cached run;
- bare ``jieba.lcut`` of every file on one core, and ``rjieba.cut`` (``pip install
  '.[bench]'``; skipped when missing);
- an Aho-Corasick scan of the raw text with every literal of the rule pack
  (``ahocorasick_rs``, the automaton medlint itself builds), and ``grep -F -r -f`` with
  the same literals;
- textlint with a prh dictionary of the same literals, when ``node`` and ``npm`` are on
  the PATH: both are installed from the npm registry into a temporary folder for the
  benchmark (not counted; ``--no-textlint`` skips it). textlint reads the Markdown and
  text files; the few HTML originals are left out of its run;
- a one-file check against a bare ``import jieba; jieba.lcut`` start (medians);
- with ``--memory-files N``, a run over N more files for the peak memory per process.

Each row has wall time, CPU time (user + system of the process and the children it
waited for) and the peak resident set of its largest process (Linux counts in a child's
peak the memory of the process it was started from, this script's, about 15 MiB: rows
near that figure used less). On a busy machine wall
times stretch and a second job may find no idle core: read the CPU columns and ratios,
and the load averages printed with them.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench import JIEBA_FLOOR, ROOT, build_corpus, median, timed  # noqa: E402

BIN = Path(sys.executable).parent
MEDLINT = [str(BIN / "medlint")]
ONE_FILE = ROOT / "examples" / "compliant-botox.md"

RJIEBA = """
import sys, pathlib, rjieba
for p in sorted(pathlib.Path(sys.argv[1]).rglob('*.*')):
    rjieba.cut(p.read_text('utf-8'))
"""

AHO_CORASICK = """
import sys, pathlib
from ahocorasick_rs import AhoCorasick
words = pathlib.Path(sys.argv[2]).read_text('utf-8').split('\\n')
automaton = AhoCorasick([w for w in words if w])
hits = 0
for p in sorted(pathlib.Path(sys.argv[1]).rglob('*.*')):
    hits += len(automaton.find_matches_as_indexes(p.read_text('utf-8'), True))
print(hits)
"""

TEXTLINT = ["textlint@15", "textlint-rule-prh@5"]


LITERALS = """
import sys
from medlint.checks.patterns import _LITERALS
from medlint.run.engine import default_linter

linter = default_linter()
words = set(_LITERALS.index) | {w for check in linter.checks for w in check.words()}
words = {w for w in words if w.strip() and "\\n" not in w}
open(sys.argv[1], "w", encoding="utf-8").write("\\n".join(sorted(words)) + "\\n")
print(len(words))
"""


def literals(target: Path) -> int:
    """Write every literal the rule pack's patterns need (the anchors of its
    Aho-Corasick prefilter), one a line; return how many. In a child process, so that
    this one stays small (a child's peak memory counts its parent's before ``exec``)."""
    done = subprocess.run(
        [sys.executable, "-c", LITERALS, str(target)], capture_output=True, text=True, check=True
    )
    return int(done.stdout.strip())


def textlint_setup(folder: Path, words: Path) -> list[str] | None:
    """textlint and prh installed under ``folder`` with a dictionary of ``words``."""
    if not (shutil.which("node") and shutil.which("npm")):
        return None
    folder.mkdir()
    install = subprocess.run(
        [
            "npm",
            "install",
            "--prefix",
            str(folder),
            "--no-audit",
            "--no-fund",
            "--silent",
            *TEXTLINT,
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    binary = folder / "node_modules" / ".bin" / "textlint"
    if install.returncode != 0 or not binary.exists():
        print(f"  (textlint skipped: npm install failed: {install.stderr.strip()[:200]})")
        return None
    rules = [
        {"expected": "〔" + word + "〕", "pattern": word}
        for word in words.read_text("utf-8").split("\n")
        if word
    ]
    dictionary = folder / "prh.yml"  # JSON is YAML
    dictionary.write_text(json.dumps({"version": 1, "rules": rules}, ensure_ascii=False))
    config = folder / "textlintrc.json"
    config.write_text(json.dumps({"rules": {"prh": {"rulePaths": [str(dictionary)]}}}))
    return [str(binary), "--config", str(config), "--format", "json"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument(
        "--memory-files", type=int, default=0, help="also audit this many files for peak memory"
    )
    parser.add_argument("--no-textlint", action="store_true", help="skip textlint + prh")
    parser.add_argument(
        "--sources",
        type=Path,
        nargs="*",
        default=None,
        help="folders of articles to build the corpus from "
        "(default: examples/ and ../shared/corpus when present)",
    )
    args = parser.parse_args()
    cores = len(os.sched_getaffinity(0))
    work = Path(tempfile.mkdtemp(prefix="medlint-compare-"))
    rows: dict[str, tuple[float, float, int]] = {}
    try:
        corpus = work / "corpus"
        corpus.mkdir()
        chars = build_corpus(corpus, args.files, sources=args.sources)
        words = work / "literals.txt"
        count = literals(words)
        print(
            f"corpus: {args.files} files, {chars / 1e6:.1f} M characters; {cores} cores; "
            f"{count} rule literals"
        )
        print("load average at start: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
        env = dict(os.environ, CI="1")
        check = [*MEDLINT, "check", "--format", "json", str(corpus)]
        per = 1000 / args.files
        print(f"\n  {'':<34} {'wall':>8}   {'cpu':>8}   {'cpu/article':>11} {'peak RSS':>9}")

        def row(name: str, argv: list[str], ok: Callable[[int], bool] | None = None) -> None:
            seconds, cpu, rss = timed(argv, env=env)
            rows[name] = (seconds, cpu, rss)
            print(
                f"  {name:<34} {seconds:8.2f} s {cpu:8.2f} s {cpu * per:8.3f} ms {rss:6d} MiB",
                flush=True,
            )

        row("medlint -j 1", [*check, "--no-cache", "-j", "1"])
        row(f"medlint -j {cores}", [*check, "--no-cache", "-j", str(cores)])
        cache = ["--cache-dir", str(work / "cache")]
        row("medlint cached, cold", [*check, *cache])
        row("medlint cached, warm", [*check, *cache])
        row("bare jieba.lcut, 1 core", [sys.executable, "-c", JIEBA_FLOOR, str(corpus)])
        if importlib.util.find_spec("rjieba") is not None:  # not imported: it loads a dictionary
            row("rjieba.cut, 1 core", [sys.executable, "-c", RJIEBA, str(corpus)])
        else:
            print("  (rjieba skipped: pip install '.[bench]')")
        row(
            "Aho-Corasick scan, 1 core",
            [sys.executable, "-c", AHO_CORASICK, str(corpus), str(words)],
        )
        row("grep -F -f literals -r", ["grep", "-F", "-r", "-c", "-f", str(words), str(corpus)])
        textlint = None if args.no_textlint else textlint_setup(work / "textlint", words)
        if textlint is not None:
            row("textlint + prh", [*textlint, str(corpus / "**" / "*.{md,txt}")])
        elif not args.no_textlint:
            print("  (textlint skipped: node and npm are not on the PATH)")

        one = median([*MEDLINT, "check", "--no-cache", str(ONE_FILE)], env=env)
        bare = median([sys.executable, "-c", "import jieba; jieba.lcut('测试')"], env=env)
        print(f"  {'one-file check (median of 5)':<34} {one[0]:8.2f} s {one[1]:8.2f} s")
        print(f"  {'bare jieba start (median of 5)':<34} {bare[0]:8.2f} s {bare[1]:8.2f} s")
        big = None
        if args.memory_files:
            folder = work / "big"
            folder.mkdir()
            build_corpus(folder, args.memory_files, sources=args.sources)
            big = timed([*MEDLINT, "check", "--format", "json", "--no-cache", str(folder)], env=env)
            print(
                f"  {f'medlint -j {cores}, {args.memory_files} files':<34} {big[0]:8.2f} s "
                f"{big[1]:8.2f} s {big[1] * 1000 / args.memory_files:8.3f} ms "
                f"{big[2]:6d} MiB"
            )
        print("load average at end:   {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
        report(rows, cores, one, bare, big, args.memory_files)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def report(rows, cores, one, bare, big, memory_files) -> None:
    """The ratios the issue's "Done when" names (targets in brackets), then the others."""
    wall = {name: r[0] for name, r in rows.items()}
    cpu = {name: r[1] for name, r in rows.items()}
    j1, jn, jieba = "medlint -j 1", f"medlint -j {cores}", "bare jieba.lcut, 1 core"

    def line(label: str, by_wall: float, by_cpu: float | None, target: str = "") -> None:
        cpu_text = f"{by_cpu:8.2f}" if by_cpu is not None else f"{'':8}"
        print(f"  {label:<46} {by_wall:8.2f} {cpu_text}   {target}")

    print(f"\nratios                                          {'wall':>8} {'cpu':>8}   target")
    line(
        f"bare jieba 1 core / medlint -j {cores}  (x faster)",
        wall[jieba] / wall[jn],
        cpu[jieba] / cpu[jn],
        ">= 5x (aim 10x), wall",
    )
    line(f"medlint -j 1 / -j {cores}  (x faster)", wall[j1] / wall[jn], None, ">= 1.8x, idle")
    line(
        "warm cache / cold",
        wall["medlint cached, warm"] / wall["medlint cached, cold"],
        cpu["medlint cached, warm"] / cpu["medlint cached, cold"],
        "<= 0.1",
    )
    line("one-file check / bare jieba start", one[0] / bare[0], one[1] / bare[1], "<= 0.4")
    peak = max(rows[name][2] for name in (j1, jn, "medlint cached, cold"))
    if big is not None:
        print(
            f"  {f'peak memory per process, {memory_files} files':<46} {big[2]:8d} MiB"
            f"{'':4}< 300 MB, flat"
        )
    print(f"  {'peak memory per process, this corpus':<46} {peak:8d} MiB")
    print("\n  other tools on one core (cpu ratios; wall in brackets)")
    for name, label in (
        (jieba, "medlint -j 1 / bare jieba"),
        ("rjieba.cut, 1 core", "bare jieba / rjieba  (x faster)"),
        ("Aho-Corasick scan, 1 core", "medlint -j 1 / Aho-Corasick scan"),
        ("grep -F -f literals -r", "medlint -j 1 / grep -F"),
        ("textlint + prh", "textlint + prh / medlint -j 1"),
    ):
        if name not in rows:
            continue
        if name == jieba:
            ratio = cpu[j1] / cpu[jieba], wall[j1] / wall[jieba]
        elif name == "rjieba.cut, 1 core":
            ratio = cpu[jieba] / cpu[name], wall[jieba] / wall[name]
        elif name == "textlint + prh":
            ratio = cpu[name] / cpu[j1], wall[name] / wall[j1]
        else:
            ratio = cpu[j1] / max(cpu[name], 0.005), wall[j1] / wall[name]
        print(f"  {label:<46} {ratio[0]:8.1f}x  ({ratio[1]:.1f}x)")
    if "textlint + prh" in rows:
        print(f"  {'textlint + prh peak memory':<46} {rows['textlint + prh'][2]:8d} MiB")


if __name__ == "__main__":
    main()
