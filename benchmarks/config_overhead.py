"""What configuration, selection and suppression cost on top of the rules.

Checks every article of a folder (default: the shared real corpus) with the bare
:class:`~medlint.run.engine.Linter` and with the :class:`~medlint.run.workspace.Workspace` that
adds per-file settings, per-file ignores and suppression; and times the command line on
one small file, the pre-commit case.

    python benchmarks/config_overhead.py [FOLDER] [--repeat N]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

from medlint.documents.files import read_source
from medlint.filters import suppression
from medlint.run.engine import default_linter
from medlint.run.workspace import Workspace

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "real" / "articles"


def _best(function, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=CORPUS)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    files = [(path, read_source(path)) for path in Workspace().files([str(args.folder)])]
    linter, workspace = default_linter(), Workspace()
    for path, text in files:  # warm up: jieba, compiled rules, settings
        linter.check_text(text, path)
        workspace.check_text(text, path)
    bare = _best(lambda: [linter.check_text(t, p) for p, t in files], args.repeat)
    full = _best(lambda: [workspace.check_text(t, p) for p, t in files], args.repeat)

    def extras() -> None:  # the added steps alone, without the rules
        for path, text in files:
            settings = workspace.settings_for(path)
            workspace.linter(settings).per_file_ignores(path)
            suppression.parse(text, "markdown")

    added = _best(extras, args.repeat)
    print(f"{len(files)} files")
    print(f"rules only (Linter):                   {bare * 1000:8.1f} ms")
    print(f"with settings and suppression:         {full * 1000:8.1f} ms")
    print(f"settings and suppression steps alone:  {added * 1000:8.1f} ms "
          f"({added / len(files) * 1e6:.0f} µs per file)")
    one = ROOT / "examples" / "compliant-botox.md"
    runs = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "medlint", "check", str(one)], capture_output=True)
        runs.append(time.perf_counter() - start)
    print(f"CLI on one file (median of {args.repeat}):  {statistics.median(runs) * 1000:8.1f} ms")


if __name__ == "__main__":
    main()
