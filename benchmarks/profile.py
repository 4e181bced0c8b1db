"""Where an article's time goes: ms per article per stage, start-up costs and hotspots.

    python benchmarks/profile.py [--files 2000] [--top 15] [--sources DIR ...]

Builds N articles with ``bench.py``'s corpus builder and checks them in this process
the way ``medlint check`` does (the folder's settings, suppression, per-file ignores,
the JSON reporter), three times over the same articles:

1. plain, for the CPU time per article (``time.process_time``);
2. instrumented: every stage's function is wrapped and charged its exclusive time
   (a stage called from another is subtracted from the caller). The stage shares of
   that run, times the plain CPU per article, give the ms per article per stage: on a
   busy machine, preemption falls on stages in proportion to their time, so shares
   stay fair where raw wall times do not;
3. under cProfile, for the functions with the most own time.

Stages: reading the file, parsing to prose with the position map, normalising, finding
paragraphs and sentences, jieba segmentation, context scopes (negation, questions …),
pattern matching (the shared Aho-Corasick scan and the regexes it wakes), the logic of
each rule kind, topic presentations, suppression and ignores, building violations,
and the report. The counters say how many regexes and automaton scans ran per article.
"""
# ruff: noqa: E402

from __future__ import annotations

import sys

# this file's folder comes first on sys.path and its name is the standard library's
# ``profile``, which ``cProfile`` imports: look there only after the standard library
HERE_ = sys.path.pop(0)
import argparse
import cProfile
import io
import os
import pstats
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from functools import cached_property, wraps
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.append(HERE_)

from bench import build_corpus


class Stopwatch:
    """Exclusive wall time per label: entering a label pauses the one below it."""

    def __init__(self) -> None:
        self.spent: Counter[str] = Counter()
        self.calls: Counter[str] = Counter()
        self.stack: list[str] = ["other (engine glue)"]
        self.mark = time.perf_counter_ns()
        self.on = False

    def enter(self, label: str, call: bool = True) -> None:
        now = time.perf_counter_ns()
        self.spent[self.stack[-1]] += now - self.mark
        self.stack.append(label)
        self.calls[label] += call
        self.mark = now

    def leave(self) -> None:
        now = time.perf_counter_ns()
        self.spent[self.stack.pop()] += now - self.mark
        self.mark = now

    def restart(self) -> None:
        self.mark = time.perf_counter_ns()

    def wrap(self, label: str, function: Callable) -> Callable:
        @wraps(function)
        def timed(*args, **kwargs):
            if not self.on:
                return function(*args, **kwargs)
            self.enter(label)
            try:
                return function(*args, **kwargs)
            finally:
                self.leave()

        return timed

    def wrap_generator(self, label: str, function: Callable[..., Iterator]) -> Callable:
        """A generator's time is spent while it is iterated: charge each step."""

        @wraps(function)
        def timed(*args, **kwargs):
            if not self.on:
                yield from function(*args, **kwargs)
                return
            self.enter(label)
            try:
                iterator = function(*args, **kwargs)
            finally:
                self.leave()
            while True:
                self.enter(label, call=False)
                try:
                    value = next(iterator)
                except StopIteration:
                    return
                finally:
                    self.leave()
                yield value

        return timed

    def count(self, label: str, function: Callable) -> Callable:
        @wraps(function)
        def counted(*args, **kwargs):
            self.calls[label] += 1
            return function(*args, **kwargs)

        return counted


def instrument(watch: Stopwatch) -> None:
    """Wrap the functions of every stage (module attributes, so callers see the wrapper)."""
    from medlint.analysis import context, structure
    from medlint.checks import KINDS, patterns
    from medlint.checks.base import Article
    from medlint.documents import reader
    from medlint.filters import pipeline
    from medlint.run import engine

    for name, function in list(reader.FORMATS.items()):
        reader.FORMATS[name] = watch.wrap("parse to prose + map", function)
    structure.normalise = watch.wrap("normalise", structure.normalise)
    structure._spans = watch.wrap("paragraphs, sentences", structure._spans)
    structure.tokenize = watch.wrap("segment (jieba)", structure.tokenize)
    for name in ("negated", "hypothetical", "quoted", "question", "debunked"):
        setattr(context.Context, name, watch.wrap("context scopes", getattr(context.Context, name)))
    patterns.Patterns.finditer = watch.wrap_generator(
        "patterns (automaton + regex)", patterns.Patterns.finditer
    )
    patterns.Patterns._regex = watch.count("regex runs", patterns.Patterns._regex)
    patterns._Literals._scan = watch.count(
        "automaton calls", watch.wrap("patterns (automaton + regex)", patterns._Literals._scan)
    )
    for kind in KINDS.values():
        label = "rule: " + kind.__name__.removesuffix("Check").lower()
        kind.run = watch.wrap(label, kind.run)
    topics = Article.__dict__["presentations"]
    wrapped = cached_property(watch.wrap("topics (presentations)", topics.func))
    wrapped.__set_name__(Article, "presentations")
    Article.presentations = wrapped
    pipeline.FileFilters.apply = watch.wrap(
        "filters (severity, ignores, suppression)", pipeline.FileFilters.apply
    )
    engine.Linter._violation = watch.wrap("violations (positions)", engine.Linter._violation)


def startup(folder: Path) -> list[tuple[str, float]]:
    """Milliseconds of each one-time cost, in the order a run pays them."""
    steps: list[tuple[str, float]] = []
    mark = time.process_time()

    def step(name: str) -> None:
        nonlocal mark
        now = time.process_time()
        steps.append((name, (now - mark) * 1000))
        mark = now

    import medlint.run.engine
    import medlint.run.workspace  # noqa: F401

    step("import medlint (engine, workspace)")
    from medlint.analysis import segment
    from medlint.run.engine import Linter, load_rules

    pack = load_rules()
    step("load rule pack (cached)")
    register = segment.register_words
    spent = [0.0]

    def timed_register(words):
        start = time.process_time()
        register(words)
        spent[0] += time.process_time() - start

    segment.register_words = timed_register
    import medlint.run.engine as engine

    engine.register_words = timed_register
    from medlint.rules.pack_cache import load_literals, store_literals

    load_literals()  # as load_linter does: the required literals an earlier start stored
    Linter(pack)
    store_literals()
    steps.append(("compile rules", (time.process_time() - mark - spent[0]) * 1000))
    steps.append(("register rule words with jieba", spent[0] * 1000))
    mark = time.process_time()
    engine.register_words = register
    segment.register_words = register
    segment.prepare(complete=True)
    step("load jieba's whole dictionary (long runs)")
    from medlint.run.workspace import Workspace

    space = Workspace()
    space.linter(space.settings_in(str(folder)))
    step("settings + linter for the folder")
    return steps


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--top", type=int, default=15, help="hotspots to list")
    parser.add_argument(
        "--sources",
        type=Path,
        nargs="*",
        default=None,
        help="folders of articles to build the corpus from "
        "(default: examples/ and ../shared/corpus when present)",
    )
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="medlint-profile-"))
    try:
        corpus = work / "corpus"
        corpus.mkdir()
        chars = build_corpus(corpus, args.files, sources=args.sources)
        paths = sorted(str(p) for p in corpus.rglob("*.*"))
        print(f"corpus: {len(paths)} articles, {chars / len(paths):.0f} characters each")
        os.environ.setdefault("MEDLINT_CACHE_DIR", str(work / "cache"))

        print("\none-time costs (cpu ms)")
        for name, ms in startup(corpus):
            print(f"  {name:<44} {ms:8.1f}")

        from medlint.documents.files import read_source
        from medlint.reporters.json import JsonReporter
        from medlint.run.workspace import Workspace

        space = Workspace()
        linter = space.linter(space.settings_in(str(corpus)))
        watch = Stopwatch()
        read = watch.wrap("read file (decode)", read_source)

        def check_all() -> None:
            reporter = JsonReporter(io.StringIO())
            report = watch.wrap("report (json)", reporter.file)
            for path in paths:
                text = read(path)
                violations = linter.check_text(text, path)
                report(path, text, violations)

        check_all()  # warm: regexes compiled, blocks segmented once
        start = time.process_time()
        check_all()
        cpu_ms = (time.process_time() - start) * 1000 / len(paths)

        profile = cProfile.Profile()
        profile.enable()
        check_all()
        profile.disable()
        out = io.StringIO()
        stats = pstats.Stats(profile, stream=out)
        stats.sort_stats("tottime").print_stats(args.top)
        hotspots = f"\nhotspots (cProfile, own time, {len(paths)} articles)"
        root = str(HERE.parent) + os.sep
        instrument(watch)
        watch.on = True
        watch.restart()
        check_all()
        watch.on = False
        wall = sum(watch.spent.values())
        print(
            f"\nper article: {cpu_ms:.3f} ms of CPU (plain run); stages below are shares of "
            "an instrumented run times that figure"
        )
        print(f"  {'stage':<42} {'ms/article':>10} {'share':>7} {'calls/article':>14}")
        for label, spent in watch.spent.most_common():
            share = spent / wall
            calls = watch.calls[label] / len(paths)
            shown = f"{calls:14.1f}" if label in watch.calls else f"{'':14}"
            print(f"  {label:<42} {share * cpu_ms:10.3f} {share:7.1%} {shown}")
        for counter in ("regex runs", "automaton calls"):
            print(
                f"  {counter + ' (count only)':<42} {'':10} {'':7} "
                f"{watch.calls[counter] / len(paths):14.1f}"
            )

        print(hotspots)
        lines = out.getvalue().splitlines()
        first = next(i for i, line in enumerate(lines) if line.strip().startswith("ncalls"))
        for line in lines[first:]:
            if line.strip():
                print("  " + line.replace(root, "").replace(sys.prefix + os.sep, ""))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
