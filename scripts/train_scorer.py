"""Train (and evaluate) the weights of the ``likely-claim`` hint from the frozen sets.

Examples are the prose lines of the labelled articles under tests/data/rounds/* and
tests/data/heldout that the gate opens (a claim-core word no negation, hedge, condition,
question or debunking reaches: medlint.analysis.likely). A line with an overclaim label is
positive ("borderline:" labels are left out), every other open line negative. Logistic
regression (balanced classes) over the features of medlint.analysis.likely; the threshold
is the lowest whose pooled out-of-fold precision (one fold per set) reaches ``--target``.
scikit-learn is needed here only; medlint scores with plain dict look-ups.

    .venv/bin/python scripts/train_scorer.py   # writes rules/overclaim/likely-claim.json
        # from every tests/data/rounds/* with a labels.jsonl and tests/data/heldout;
        # deterministic (the same files give a byte-identical weights file)
    .venv/bin/python scripts/train_scorer.py --evaluate round-6 [--extra DIR ...]
        # train on every other set (+ extra labelled folders), report on the held-out one
    .venv/bin/python scripts/train_scorer.py --forward 6 7 8 9 [--dump FILE]
        # forward-chained, as a first run would have seen it: for each k train on round-1..k-1
        # + heldout, choose the threshold on those sets only, score round-k; then pooled
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path

from medlint.analysis import Context, TextStructure
from medlint.analysis.likely import LineFeatures
from medlint.documents.reader import read_document
from medlint.rules.loader import default_rules_dir, load_pack

ROOT = Path(__file__).resolve().parent.parent
WEIGHTS = ROOT / "rules" / "overclaim" / "likely-claim.json"
ROUND = 4
TARGET = 0.95
MIN_LINES = 2


@dataclass
class Example:
    corpus: str
    file: str
    line: int
    text: str
    label: bool
    open: bool
    features: set[str]
    frames: bool = False


def frozen_sets() -> dict[str, Path]:
    found = {p.name: p for p in sorted((ROOT / "tests/data/rounds").iterdir())
             if (p / "labels.jsonl").is_file()}
    found["heldout"] = ROOT / "tests/data/heldout"
    return found


def load(name: str, folder: Path, features: LineFeatures, lexicon) -> list[Example]:  # type: ignore[no-untyped-def]
    labels = [json.loads(t) for t in (folder / "labels.jsonl").read_text().splitlines() if t]
    over = [x for x in labels if x["category"] == "overclaim"]
    border = {(x["file"], x["line"]) for x in over
              if str(x.get("note", "")).startswith("borderline:")}
    positive = {(x["file"], x["line"]) for x in over} - border
    articles = folder / "articles"
    examples = []
    for path in sorted(p for p in articles.rglob("*") if p.is_file()):
        relative = path.relative_to(articles).as_posix()
        doc = read_document(relative, path.read_text(encoding="utf-8"))
        line_of = [doc.location(o)[0] for o in doc.offsets]
        context = Context(TextStructure(doc.prose), lexicon)
        for item in features.lines(doc.prose, line_of, context):
            if (relative, item.line) in border:
                continue
            examples.append(Example(name, relative, item.line, item.text,
                                    (relative, item.line) in positive, item.open,
                                    item.features))
    return examples


def frames(folder: Path) -> set[tuple[str, int]]:
    medlint = ROOT / ".venv/bin/medlint"
    done = subprocess.run([str(medlint), "check", "--no-cache", "--format", "json", "."],
                          cwd=folder / "articles", capture_output=True, text=True)
    return {(str(x["path"]).removeprefix("./"), x["line"]) for x in json.loads(done.stdout)
            if x["category"] == "overclaim" and x.get("name") != "likely-claim"}


def fit(train: list[Example], c: float):  # type: ignore[no-untyped-def]
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    chosen = [x for x in train if x.open]
    vec = DictVectorizer()
    matrix = vec.fit_transform([dict.fromkeys(sorted(x.features), 1.0) for x in chosen])
    # a feature of a single line says nothing general (and slows the fit): drop it
    keep = (matrix > 0).sum(axis=0).A1 >= MIN_LINES
    vec.restrict(keep)
    matrix = matrix[:, keep]
    model = LogisticRegression(C=c, max_iter=3000, class_weight="balanced")
    model.fit(matrix, [x.label for x in chosen])
    return vec, model


def scores(model, lines: list[Example]) -> list[float]:  # type: ignore[no-untyped-def]
    vec, lr = model
    out = [0.0] * len(lines)
    index = [i for i, x in enumerate(lines) if x.open]
    if index:
        got = lr.predict_proba(vec.transform([dict.fromkeys(sorted(lines[i].features), 1.0)
                                              for i in index]))[:, 1]
        for i, s in zip(index, got, strict=True):
            out[i] = float(s)
    return out


_FOLDS: tuple[dict[str, list[Example]], list[str], float] | None = None


def _out_of_fold(held: str) -> list[tuple[float, bool]]:
    assert _FOLDS is not None
    data, groups, c = _FOLDS
    train = [x for g in groups if g != held for x in data[g]]
    return [(s, x.label) for s, x in zip(scores(fit(train, c), data[held]), data[held],
                                         strict=True) if x.open]


def threshold(data: dict[str, list[Example]], groups: list[str], target: float, c: float) -> float:
    """The lowest threshold whose pooled out-of-fold precision (one fold per set) reaches
    ``target``; the folds are fitted on two processes (same result as one, in order)."""
    global _FOLDS
    _FOLDS = (data, groups, c)
    with ProcessPoolExecutor(2, mp_context=get_context("fork")) as pool:
        pooled = [pair for fold in pool.map(_out_of_fold, groups) for pair in fold]
    for t in [i / 100 for i in range(30, 100)]:
        picked = [label for s, label in pooled if s >= t]
        if picked and sum(picked) / len(picked) >= target:
            return t
    return 0.99


def prf(lines: list[Example], predicted: list[bool]) -> tuple[float, float, int, int]:
    tp = sum(1 for x, p in zip(lines, predicted, strict=True) if p and x.label)
    fp = sum(1 for x, p in zip(lines, predicted, strict=True) if p and not x.label)
    fn = sum(1 for x, p in zip(lines, predicted, strict=True) if not p and x.label)
    return (tp / (tp + fp) if tp + fp else 1.0), (tp / (tp + fn) if tp + fn else 1.0), tp, fp


def evaluate(data: dict[str, list[Example]], held: str, target: float, c: float,
             show: bool) -> None:
    groups = [g for g in data if g != held]
    model = fit([x for g in groups for x in data[g]], c)
    t = threshold(data, groups, target, c)
    test = data[held]
    s = scores(model, test)
    negatives = sum(1 for x in test if not x.label)
    positives = sum(1 for x in test if x.label)
    opened = sum(1 for x in test if x.open and x.label)
    fp_, fr_, ftp, ffp = prf(test, [x.frames for x in test])
    print(f"== {held}: {len(test)} lines, {positives} positive ({opened} open), {negatives} "
          f"honest; threshold {t:.2f} (chosen on {', '.join(groups)})")
    print(f"frames alone P {fp_:.3f} R {fr_:.3f} (tp {ftp} fp {ffp})")
    for tt in sorted({0.5, 0.7, 0.9, t}):
        alone = [v >= tt for v in s]
        sp, sr, stp, sfp = prf(test, alone)
        up, ur, _, ufp = prf(test, [a or x.frames for a, x in zip(alone, test, strict=True)])
        mark = "*" if tt == t else " "
        print(f"t={tt:.2f}{mark} scorer P {sp:.3f} R {sr:.3f} (tp {stp} fp {sfp}) | union "
              f"P {up:.3f} R {ur:.3f} +R {ur - fr_:+.3f} | +FP {ufp - ffp} = "
              f"{100 * (ufp - ffp) / max(1, negatives):.2f}/100 honest")
    if show:
        for v, x in sorted(zip(s, test, strict=True), key=lambda p: -p[0]):
            if v >= t and not x.label:
                print(f"  FP {v:.2f} {x.file}:{x.line} {x.text[:60]}")


def forward(data: dict[str, list[Example]], rounds: list[int], target: float, c: float,
            dump: Path | None) -> None:
    """For each k: train on round-1..k-1 + heldout, threshold from those sets, score round-k."""
    total: dict[str, int] = {}
    dumped = []
    for k in rounds:
        groups = [g for g in data if g == "heldout" or (g.startswith("round-")
                                                         and int(g.split("-")[1]) < k)]
        t = threshold(data, groups, target, c)
        test = data[f"round-{k}"]
        got = scores(fit([x for g in groups for x in data[g]], c), test)
        flagged = [v >= t for v in got]
        counts = {
            "pos": sum(x.label for x in test), "honest": sum(not x.label for x in test),
            "ftp": sum(x.frames and x.label for x in test),
            "ffp": sum(x.frames and not x.label for x in test),
            "stp": sum(f and x.label for f, x in zip(flagged, test, strict=True)),
            "sfp": sum(f and not x.label for f, x in zip(flagged, test, strict=True)),
            "atp": sum(f and x.label and not x.frames for f, x in zip(flagged, test, strict=True)),
            "afp": sum(f and not x.label and not x.frames
                       for f, x in zip(flagged, test, strict=True)),
        }
        for key, value in counts.items():
            total[key] = total.get(key, 0) + value
        print(_row(f"round-{k} (t {t:.2f})", counts))
        dumped += [{"set": f"round-{k}", "file": x.file, "line": x.line, "label": x.label,
                    "frames": x.frames, "score": round(v, 4), "threshold": t}
                   for x, v in zip(test, got, strict=True)]
    print(_row("pooled", total))
    if dump:
        dump.write_text("\n".join(json.dumps(d, ensure_ascii=False) for d in dumped) + "\n")


def _row(name: str, c: dict[str, int]) -> str:
    def ratio(a: int, b: int) -> float:
        return a / b if b else 1.0
    utp = c["ftp"] + c["atp"]
    fr = ratio(c["ftp"], c["pos"])
    return (f"{name:16s} {c['pos']:3d} claims {c['honest']:4d} honest | frames "
            f"P {ratio(c['ftp'], c['ftp'] + c['ffp']):.3f} R {fr:.3f} | scorer "
            f"P {ratio(c['stp'], c['stp'] + c['sfp']):.3f} R {ratio(c['stp'], c['pos']):.3f} | "
            f"additions P {ratio(c['atp'], c['atp'] + c['afp']):.3f} ({c['atp']} tp {c['afp']} fp)"
            f" | union P {ratio(utp, utp + c['ffp'] + c['afp']):.3f} "
            f"R {ratio(utp, c['pos']):.3f} ({ratio(utp, c['pos']) - fr:+.3f}) | "
            f"{100 * c['afp'] / max(1, c['honest']):.2f} added false alarms/100 honest")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--evaluate", action="append", default=[])
    parser.add_argument("--extra", type=Path, action="append", default=[],
                        help="another labelled folder (labels.jsonl + articles/) to train on")
    parser.add_argument("--exclude", action="append", default=[], help="a set left out")
    parser.add_argument("--core-extra", action="append", default=[],
                        help="another word class that opens a line (experiments)")
    parser.add_argument("--forward", type=int, nargs="+", default=[],
                        help="forward-chained evaluation of these rounds")
    parser.add_argument("--dump", type=Path, help="--forward: write each line's score here")
    parser.add_argument("--target", type=float, default=TARGET)
    parser.add_argument("--C", type=float, default=1.0)
    parser.add_argument("--show", action="store_true")
    parser.add_argument("--out", type=Path, default=WEIGHTS)
    args = parser.parse_args()

    pack = load_pack([default_rules_dir()])
    assert pack.lexicon is not None
    features = LineFeatures(pack.lexicons, pack.lexicon, extra_cores=args.core_extra)
    sets = frozen_sets()
    for folder in args.extra:
        sets[folder.name] = folder
    for name in args.exclude:
        sets.pop(name, None)
    data: dict[str, list[Example]] = {}
    for name, folder in sets.items():
        data[name] = load(name, folder, features, pack.lexicon)
        if args.evaluate or (args.forward and name.startswith("round-")
                             and int(name.split("-")[1]) in args.forward):
            found = frames(folder)
            for x in data[name]:
                x.frames = (x.file, x.line) in found
        lines = data[name]
        print(f"{name}: {len(lines)} lines, {sum(x.label for x in lines)} positive, "
              f"{sum(x.open for x in lines)} open ({sum(x.open and x.label for x in lines)} "
              "positive)", file=sys.stderr)
    if args.evaluate:
        for held in args.evaluate:
            evaluate(data, held, args.target, args.C, args.show)
        return 0
    if args.forward:
        forward(data, args.forward, args.target, args.C, args.dump)
        return 0

    groups = list(data)
    vec, lr = fit([x for g in groups for x in data[g]], args.C)
    weights = {name: round(float(w), ROUND)
               for name, w in zip(vec.get_feature_names_out(), lr.coef_[0], strict=True)
               if abs(round(float(w), ROUND)) > 0}
    model = {
        "about": "weights of the likely-claim hint (logistic regression, balanced classes, "
                 f"C={args.C}) over medlint.analysis.likely features (seen on >= {MIN_LINES} "
                 "lines) of the open lines of "
                 f"{', '.join(groups)} (tests/data); threshold: lowest with pooled "
                 f"out-of-fold precision >= {args.target}; regenerate with "
                 "scripts/train_scorer.py",
        "sets": groups,
        "bias": round(float(lr.intercept_[0]), ROUND),
        "threshold": threshold(data, groups, args.target, args.C),
        "weights": dict(sorted(weights.items())),
    }
    args.out.write_text(json.dumps(model, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{args.out}: {len(weights)} weights, threshold {model['threshold']:.2f}")
    return 0


def union(weights_file: Path, medlint: list[str], target: str) -> int:
    """medlint's JSON findings for ``target`` plus one overclaim for every open prose line
    the weights score at or above their threshold (as a --cmd for score.py or blind.py)."""
    from medlint.analysis.likely import Weights

    weights = Weights.parse(json.loads(weights_file.read_text(encoding="utf-8")))
    done = subprocess.run([*medlint, target], capture_output=True, text=True)
    if done.returncode not in (0, 1):
        sys.stderr.write(done.stderr)
        return done.returncode
    found = json.loads(done.stdout)
    flagged = {(str(x["path"]).removeprefix("./"), x["line"]) for x in found
               if x["category"] == "overclaim"}
    pack = load_pack([default_rules_dir()])
    assert pack.lexicon is not None
    features = LineFeatures(pack.lexicons, pack.lexicon)
    root = Path(target)
    suffixes = {".md", ".markdown", ".txt", ".html", ".htm"}
    for path in sorted(p for p in root.rglob("*") if p.is_file() and p.suffix.lower() in suffixes):
        shown, relative = str(path), path.relative_to(root).as_posix()
        try:
            doc = read_document(relative, path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            continue
        line_of = [doc.location(o)[0] for o in doc.offsets]
        context = Context(TextStructure(doc.prose), pack.lexicon)
        for item in features.lines(doc.prose, line_of, context):
            if not item.open or (shown.removeprefix("./"), item.line) in flagged:
                continue
            score = weights.score(item.features)
            if score >= weights.threshold:
                found.append({"path": shown, "line": item.line, "column": 1,
                              "end_line": item.line, "end_column": 1, "rule": "likely-claim",
                              "category": "overclaim", "severity": "info",
                              "message": f"line score {score:.2f}"})
    print(json.dumps(found, ensure_ascii=False))
    return 1 if found else 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["union"]:
        sys.exit(union(Path(sys.argv[2]), sys.argv[3:-1], sys.argv[-1]))
    sys.exit(main())
