"""Time each output format (and baseline / changed-lines filtering) over a folder.

    python benchmarks/bench_formats.py [FOLDER]   # default: ../shared/corpus/real/articles

Each figure is the best of three runs of the real CLI, process start included.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FORMATS = ["text", "concise", "json", "json-lines", "github", "sarif", "junit", "gitlab"]


def best_of(command: list[str], runs: int = 3) -> tuple[float, int]:
    times, size = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(command, capture_output=True)
        times.append(time.perf_counter() - start)
        size = len(done.stdout)
    return min(times), size


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared/corpus/real/articles"
    base = [sys.executable, "-m", "medlint", "check", str(folder)]
    print(f"{len(list(folder.rglob('*.*')))} files under {folder}")
    for name in FORMATS:
        seconds, size = best_of([*base, "--format", name])
        print(f"{name:<12} {seconds:6.2f} s  {size:>9} bytes")
    with tempfile.TemporaryDirectory() as scratch:
        baseline = Path(scratch) / "baseline.json"
        seconds, _ = best_of([*base, "--write-baseline", str(baseline)], runs=1)
        print(f"{'write-base':<12} {seconds:6.2f} s  {baseline.stat().st_size:>9} bytes")
        seconds, size = best_of([*base, "--format", "json", "--baseline", str(baseline)])
        print(f"{'baseline':<12} {seconds:6.2f} s  {size:>9} bytes")
        diff = Path(scratch) / "empty.diff"
        diff.write_text("")
        seconds, size = best_of([*base, "--format", "json", "--diff-file", str(diff)])
        print(f"{'diff-file':<12} {seconds:6.2f} s  {size:>9} bytes")


if __name__ == "__main__":
    main()
