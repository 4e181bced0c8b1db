"""Large robustness sweeps, outside the default test run.

    python scripts/sweep.py docs 100000        # the properties of tests/test_properties.py
    python scripts/sweep.py folder 100000      # the CLI over a folder of that many files

``docs`` generates random Markdown/HTML/text documents and checks, for each, that
medlint does not raise, that spans are exact, and (for one in ``--fix-every``) that
fixing is idempotent and keeps the text. ``folder`` writes small articles into a
temporary folder, adds a few bad files, and runs ``medlint check`` over it.
"""

from __future__ import annotations

import argparse
import random
import resource
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from medlint.run.fix import Fixer  # noqa: E402
from test_properties import (  # noqa: E402
    SUFFIXES,
    check_fix,
    check_violations,
    linter,
    random_document,
)


def sweep_documents(count: int, seed: int, fix_every: int) -> int:
    rng = random.Random(seed)
    lint = linter()
    fixer = Fixer(lint, unsafe=True)
    failures = violations = 0
    started = time.perf_counter()
    for number in range(count):
        source = random_document(rng)
        path = f"doc{number}{rng.choice(SUFFIXES)}"
        try:
            found = lint.check_text(source, path)
            violations += len(found)
            check_violations(source, found)
            if number % fix_every == 0:
                assert lint.check_text(source, path) == found
                check_fix(fixer, path, source)
        except Exception:
            failures += 1
            if failures <= 5:
                print(f"FAILED on {source!r} ({path})", file=sys.stderr)
                traceback.print_exc()
        if number and number % 10000 == 0:
            print(f"  {number} documents, {failures} failures", file=sys.stderr)
    elapsed = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"documents: {count}  violations: {violations}  failures: {failures}  "
        f"fixed: {count // fix_every}  time: {elapsed:.1f} s "
        f"({count / elapsed:.0f} docs/s)  peak memory: {peak:.0f} MB"
    )
    return 1 if failures else 0


def sweep_folder(count: int, seed: int) -> int:
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory(prefix="medlint-sweep-") as folder:
        base = Path(folder)
        for number in range(count):
            sub = base / f"d{number // 1000:03d}"
            sub.mkdir(exist_ok=True)
            (sub / f"a{number}{rng.choice(SUFFIXES)}").write_text(
                random_document(rng, 12), encoding="utf-8"
            )
        (base / "bad-binary.md").write_bytes(b"\x00\x01\x02")
        (base / "bad-latin1.md").write_bytes(b"caf\xe9 \xff")
        (base / "loop.md").symlink_to(base / "loop.md")
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "medlint", "check", "--format", "json", folder],
            capture_output=True,
            text=True,
        )
        elapsed = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    errors = done.stderr.splitlines()
    print(
        f"files: {count} (+3 bad)  exit: {done.returncode}  stderr lines: {len(errors)}  "
        f"traceback: {'Traceback' in done.stderr}  time: {elapsed:.1f} s "
        f"({count / elapsed:.0f} files/s)  peak memory: {peak:.0f} MB"
    )
    for line in errors[:5]:
        print(f"  {line}")
    ok = done.returncode == 2 and len(errors) == 3 and "Traceback" not in done.stderr
    return 0 if ok else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=["docs", "folder"])
    parser.add_argument("count", type=int, nargs="?", default=10000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--fix-every", type=int, default=20, metavar="N")
    args = parser.parse_args()
    if args.mode == "docs":
        return sweep_documents(args.count, args.seed, args.fix_every)
    return sweep_folder(args.count, args.seed)


if __name__ == "__main__":
    sys.exit(main())
