"""Whether two source trees give byte-identical JSON reports.

    python benchmarks/same_reports.py OTHER_SRC FOLDER ... [--out DIR] [--jobs 1]

Runs ``medlint check --no-cache --format json`` of this tree and of ``OTHER_SRC`` (a
tree's ``src`` folder, with its ``rules`` beside it) over each folder, with the default
selection, ``--ignore MED490`` and ``--select MED490``, and prints for each run whether
the two reports are the same bytes. Exits 1 if any differ.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
MODES = {"default": [], "ignore-MED490": ["--ignore", "MED490"],
         "select-MED490": ["--select", "MED490"]}


def report(src: Path, folder: Path, extra: list[str], jobs: str, out: Path) -> bytes:
    env = {**os.environ, "PYTHONPATH": str(src)}
    argv = [sys.executable, "-m", "medlint", "check", "--no-cache", "--format", "json",
            "-j", jobs, *extra, str(folder)]
    done = subprocess.run(argv, env=env, capture_output=True, cwd=out)
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(argv)} failed: {done.stderr.decode()[-2000:]}")
    return done.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("other", type=Path, help="the other tree's src folder")
    parser.add_argument("folders", type=Path, nargs="+")
    parser.add_argument("--out", type=Path, default=Path("/tmp/same-reports"))
    parser.add_argument("--jobs", default="1")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    this = HERE.parent / "src"
    differ = 0
    for folder in args.folders:
        for mode, extra in MODES.items():
            ours = report(this, folder.resolve(), extra, args.jobs, args.out)
            theirs = report(args.other.resolve(), folder.resolve(), extra, args.jobs, args.out)
            same = ours == theirs
            differ += not same
            count = ours.count(b'"rule"')
            print(f"{'same' if same else 'DIFFERENT'}  {mode:14} {folder}  ({len(ours)} bytes, "
                  f"{count} reports)", flush=True)
            if not same:
                name = f"{folder.name}-{mode}"
                (args.out / f"{name}.this.json").write_bytes(ours)
                (args.out / f"{name}.other.json").write_bytes(theirs)
    raise SystemExit(1 if differ else 0)


if __name__ == "__main__":
    main()
