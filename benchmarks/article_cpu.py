"""CPU per article of the medlint on ``sys.path``, in process: best of N rounds.

    PYTHONPATH=/path/to/other/src python benchmarks/article_cpu.py CORPUS [--rounds 3]

Checks every file of CORPUS (a folder made by ``bench.py``'s builder) once to warm up,
then N times, the way ``medlint check`` does (the folder's settings, the JSON reporter),
and prints the least CPU time per article. Run it alternately against two source trees
(``PYTHONPATH``) for a paired comparison on a busy machine. ``--ignore MED490`` measures
without the learned hint.

``--long-run`` first prepares the process as a folder audit of 500 files or more does
(``medlint.run.runner._prepare(True)``, whatever that does in the tree measured: the
whole jieba dictionary, the literal automaton, the frames' word index, and in newer trees
the names' automaton and fewer garbage collections).
"""

from __future__ import annotations

import argparse
import io
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--long-run", action="store_true", help="prepare as a long run does")
    parser.add_argument("--ignore", action="append", default=[], metavar="CODE",
                        help="as the command line's --ignore (repeatable)")
    args = parser.parse_args()

    import medlint
    from medlint.config import Overrides
    from medlint.documents.files import read_source
    from medlint.reporters.json import JsonReporter
    from medlint.run.workspace import Workspace

    paths = sorted(str(p) for p in args.corpus.rglob("*") if p.is_file())
    space = Workspace(Overrides(ignore=tuple(args.ignore)))
    linter = space.linter(space.settings_in(str(args.corpus)))
    texts = [(path, read_source(path)) for path in paths]
    if args.long_run:
        from medlint.run.runner import _prepare

        _prepare(True)

    def check_all() -> None:
        reporter = JsonReporter(io.StringIO())
        for path, text in texts:
            reporter.file(path, text, linter.check_text(text, path))

    check_all()
    best = float("inf")
    for _ in range(args.rounds):
        start = time.process_time()
        check_all()
        best = min(best, time.process_time() - start)
    source = Path(medlint.__file__).parent
    print(f"{source}: {best * 1000 / len(paths):.3f} ms of CPU per article ({len(paths)} files)")


if __name__ == "__main__":
    main()
