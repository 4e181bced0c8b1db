"""Leave-one-batch-out experiment: does a learned line scorer beside the frames generalise?

For every labelled corpus (tests/data/rounds/round-1..5, tests/data/heldout and, when
present, ../shared/corpus/dev) the prose of each source line becomes one example; a line
with an overclaim label is positive, every other prose line of the (fully labelled)
article negative; "borderline:" labels are left out. Features are general: character
1-3-grams of the normalised line, the presence of each word class of rules/lexicons/, scope
signals from the context lexicon and a commercial-context signal (C15). No feature is a
string of 8 or more characters.

For each batch k the scorer is trained on the other batches + heldout + dev (logistic
regression; scikit-learn, needed only here) and scored alone and OR-ed with the frames
(medlint's own overclaim findings, from ``--predictions DIR`` holding pred-<name>.json, or
run here). The threshold is chosen on the training folds only (grouped out-of-fold scores).
With ``oldpred-<name>.json`` in that folder (medlint as it was when the batch was first
scored), the union with those frames is reported too.

    .venv/bin/python scripts/scorer_experiment.py [--predictions DIR] [--pairs] [--ngrams 2,3]
    .venv/bin/python scripts/scorer_experiment.py --save-model model.json   # train on all
    # medlint's JSON plus the scorer's lines, as a --cmd for score.py or blind.py:
    .venv/bin/python scripts/scorer_experiment.py union model.json .venv/bin/medlint check \
        --no-cache --format json
"""

from __future__ import annotations

import argparse
import json
import math
import re
import subprocess
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from medlint.analysis.normalize import normalise
from medlint.documents.reader import read_document
from medlint.rules.loader import default_rules_dir, load_pack

ROOT = Path(__file__).resolve().parent.parent
BATCHES = [f"round-{k}" for k in range(1, 6)]
_PHONE_PRICE = re.compile(r"1[3-9]\d{9}|400-?\d{3}-?\d{4}|\d+(?:\.\d+)?\s*(?:元|块钱)|[¥￥]\s*\d")
_SKIP_CLASSES = ("segment-", "drug-labels", "scope-quote-pairs", "scope-sentence-ends")
_SCOPE_LISTS = (
    "negators", "conditionals", "question_words", "debunk_before", "debunk_after",
    "hearsay", "worry", "caveat_openers", "caveat_risks", "verdicts", "affirming_frames",
    "expectation_negators", "negators_after", "rhetorical", "list_intro",
)


@dataclass
class Line:
    corpus: str
    file: str
    line: int
    text: str
    label: bool
    frames: bool = False
    first: bool | None = None  # the frames as they were when the batch was first scored
    features: dict[str, float] = field(default_factory=dict)


def corpora() -> dict[str, Path]:
    found = {name: ROOT / "tests/data/rounds" / name for name in BATCHES}
    found["heldout"] = ROOT / "tests/data/heldout"
    dev = ROOT.parent.parent / "shared/corpus/dev"
    if not dev.is_dir():
        dev = Path("/work/shared/corpus/dev")
    if dev.is_dir():
        found["dev"] = dev
    return found


def prose_lines(path: Path, relative: str) -> dict[int, str]:
    """Normalised prose of each source line of one article."""
    doc = read_document(relative, path.read_text(encoding="utf-8"))
    by_line: dict[int, list[str]] = defaultdict(list)
    for char, offset in zip(doc.prose, doc.offsets, strict=True):
        if char != "\n":
            by_line[doc.location(offset)[0]].append(char)
    return {n: normalise("".join(chars)).strip() for n, chars in by_line.items()}


def load_corpus(name: str, folder: Path) -> list[Line]:
    labels = [json.loads(t) for t in (folder / "labels.jsonl").read_text().splitlines() if t]
    positive = {(x["file"], x["line"]) for x in labels if x["category"] == "overclaim"
                and not str(x.get("note", "")).startswith("borderline:")}
    border = {(x["file"], x["line"]) for x in labels if x["category"] == "overclaim"
              and str(x.get("note", "")).startswith("borderline:")}
    articles = folder / "articles"
    lines = []
    for path in sorted(p for p in articles.rglob("*") if p.is_file()):
        relative = path.relative_to(articles).as_posix()
        for number, text in sorted(prose_lines(path, relative).items()):
            if text and (relative, number) not in border:
                lines.append(Line(name, relative, number, text, (relative, number) in positive))
    return lines


def frames_lines(
    name: str, folder: Path, predictions: Path | None, file: Path | None = None
) -> set[tuple[str, int]]:
    if file is not None:
        found = json.loads(file.read_text())
    elif predictions and (predictions / f"pred-{name}.json").is_file():
        found = json.loads((predictions / f"pred-{name}.json").read_text())
    else:
        medlint = ROOT / ".venv/bin/medlint"
        done = subprocess.run([str(medlint), "check", "--no-cache", "--format", "json", "."],
                              cwd=folder / "articles", capture_output=True, text=True)
        found = json.loads(done.stdout)
    return {(str(x["path"]).removeprefix("./"), x["line"]) for x in found
            if x["category"] == "overclaim"}


class Featurizer:
    """General features of one normalised line."""

    def __init__(self) -> None:
        pack = load_pack([default_rules_dir()])
        self.classes: dict[str, set[str]] = {}
        for name, words in pack.lexicons.items():
            if name.startswith(_SKIP_CLASSES):
                continue
            folded = {normalise(w.split("\t")[0]) for w in words if w.strip()}
            self.classes[name] = {w for w in folded if w}
        self.scopes: dict[str, set[str]] = {}
        assert pack.lexicon is not None
        for key in _SCOPE_LISTS:
            words = getattr(pack.lexicon, key)
            self.scopes[key] = {normalise(w) for w in words if w and len(w) < 12}
        self.index: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for group, table in (("lex", self.classes), ("scope", self.scopes)):
            for name, words in table.items():
                for word in words:
                    self.index[word].append((group, name))
        self.longest = max(len(w) for w in self.index)
        self.use_lexicons = True
        self.pairs = False
        self.ngrams: tuple[int, ...] = (1, 2, 3)

    def spans(self, text: str) -> set[tuple[str, str]]:
        hits: set[tuple[str, str]] = set()
        for i in range(len(text)):
            for j in range(i + 1, min(len(text), i + self.longest) + 1):
                for hit in self.index.get(text[i:j], ()):
                    hits.add(hit)
        return hits

    def __call__(self, text: str, commercial: bool) -> dict[str, float]:
        feats: dict[str, float] = {}
        padded = f"^{text}$"
        for n in self.ngrams:
            for i in range(len(padded) - n + 1):
                feats[f"c{n}:{padded[i:i + n]}"] = 1.0
        hits = sorted(self.spans(text))
        for group, name in hits:
            if group == "scope" or self.use_lexicons:
                feats[f"{group}:{name}"] = 1.0
        if self.pairs and self.use_lexicons:
            names = [f"{g[0]}:{n}" for g, n in hits]
            for i, a in enumerate(names):
                for b in names[i + 1 :]:
                    feats[f"{a}&{b}"] = 1.0
        if "?" in text:
            feats["q:mark"] = 1.0
        if any(q in text for q in "“”「」\"『』"):
            feats["quote"] = 1.0
        if commercial:
            feats["c15"] = 1.0
        feats["len:" + str(min(len(text) // 20, 5))] = 1.0
        return feats


def commercial_lines(lines: list[Line], featurizer: Featurizer) -> set[tuple[str, int]]:
    """Lines within 3 lines of a phone number, price or commercial word (C15)."""
    marks: dict[str, list[int]] = defaultdict(list)
    words = featurizer.classes.get("commercial", set())
    for item in lines:
        if _PHONE_PRICE.search(item.text) or any(w in item.text for w in words):
            marks[item.file].append(item.line)
    return {(x.file, x.line) for x in lines
            if any(abs(x.line - m) <= 3 for m in marks[x.file])}


def prf(lines: list[Line], predicted: list[bool]) -> tuple[float, float, int, int, int]:
    tp = sum(1 for x, p in zip(lines, predicted, strict=True) if p and x.label)
    fp = sum(1 for x, p in zip(lines, predicted, strict=True) if p and not x.label)
    fn = sum(1 for x, p in zip(lines, predicted, strict=True) if not p and x.label)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall, tp, fp, fn


def main() -> int:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    parser = argparse.ArgumentParser()
    parser.add_argument("--predictions", type=Path)
    parser.add_argument("--C", type=float, default=1.0)
    parser.add_argument("--target", type=float, default=0.92,
                        help="out-of-fold precision the threshold is chosen for")
    parser.add_argument("--show", action="store_true")
    parser.add_argument("--save-model", type=Path, help="train on everything, save, stop")
    parser.add_argument("--pairs", action="store_true", help="pairs of word classes")
    parser.add_argument("--ngrams", default="1,2,3")
    parser.add_argument("--only", default="")
    parser.add_argument("--no-lexicons", action="store_true")
    args = parser.parse_args()

    featurizer = Featurizer()
    featurizer.use_lexicons = not args.no_lexicons
    featurizer.pairs = args.pairs
    featurizer.ngrams = tuple(int(n) for n in args.ngrams.split(","))
    data: dict[str, list[Line]] = {}
    for name, folder in corpora().items():
        lines = load_corpus(name, folder)
        frames = frames_lines(name, folder, args.predictions)
        commerce = commercial_lines(lines, featurizer)
        old = args.predictions / f"oldpred-{name}.json" if args.predictions else None
        first = frames_lines(f"old-{name}", folder, None, old) if old and old.is_file() else None
        for item in lines:
            item.frames = (item.file, item.line) in frames
            if first is not None:
                item.first = (item.file, item.line) in first
            item.features = featurizer(item.text, (item.file, item.line) in commerce)
        data[name] = lines
        print(f"{name}: {len(lines)} lines, {sum(x.label for x in lines)} positive",
              file=sys.stderr)

    def fit(train: list[Line]):  # type: ignore[no-untyped-def]
        vec = DictVectorizer()
        x = vec.fit_transform([t.features for t in train])
        model = LogisticRegression(C=args.C, max_iter=2000, class_weight="balanced")
        model.fit(x, [t.label for t in train])
        return vec, model

    def scores(model, lines: list[Line]) -> list[float]:  # type: ignore[no-untyped-def]
        vec, lr = model
        return list(lr.predict_proba(vec.transform([t.features for t in lines]))[:, 1])

    def choose_threshold(groups: list[str]) -> float:
        """Lowest threshold whose grouped out-of-fold precision reaches the target."""
        pooled: list[tuple[float, bool]] = []
        for held in groups:
            train = [x for g in groups if g != held for x in data[g]]
            pooled += list(zip(scores(fit(train), data[held]), [x.label for x in data[held]],
                               strict=True))
        for t in [i / 100 for i in range(30, 100)]:
            picked = [lab for s, lab in pooled if s >= t]
            if picked and sum(picked) / len(picked) >= args.target:
                return t
        return 0.99

    if args.save_model:
        groups = list(data)
        vec, lr = fit([x for g in groups for x in data[g]])
        weights = {name: float(w) for name, w in zip(vec.get_feature_names_out(), lr.coef_[0],
                                                       strict=True) if abs(w) > 1e-6}
        model = {"bias": float(lr.intercept_[0]), "threshold": choose_threshold(groups),
                 "ngrams": list(featurizer.ngrams), "pairs": featurizer.pairs,
                 "lexicons": featurizer.use_lexicons, "weights": weights}
        args.save_model.write_text(json.dumps(model, ensure_ascii=False))
        print(f"saved {len(weights)} weights, threshold {model['threshold']:.2f}")
        return 0

    grid = (0.5, 0.6, 0.7, 0.8, 0.9)
    rows = []
    for k in [*BATCHES, "dev"]:
        if k not in data or (args.only and k not in args.only.split(",")):
            continue
        groups = [g for g in data if g != k]
        train = [x for g in groups for x in data[g]]
        test = data[k]
        model = fit(train)
        s = scores(model, test)
        chosen = choose_threshold(groups)
        fp_, fr_, ftp, ffp, ffn = prf(test, [x.frames for x in test])
        negatives = sum(1 for x in test if not x.label)
        positives = sum(1 for x in test if x.label)
        print(f"\n== held out {k}: {len(test)} lines, {positives} positive, "
              f"{negatives} negative; chosen threshold {chosen:.2f}")
        print(f"frames alone       P {fp_:.3f} R {fr_:.3f} (tp {ftp} fp {ffp} fn {ffn})")
        for t in sorted({*grid, chosen}):
            alone = [v >= t for v in s]
            union = [a or x.frames for a, x in zip(alone, test, strict=True)]
            sp, sr, stp, sfp, _ = prf(test, alone)
            up, ur, utp, ufp, _ = prf(test, union)
            added_fp = ufp - ffp
            mark = " *" if t == chosen else ""
            print(f"t={t:.2f}{mark:2} scorer P {sp:.3f} R {sr:.3f} (tp {stp} fp {sfp}) | "
                  f"union P {up:.3f} R {ur:.3f} | +R {ur - fr_:+.3f} (+{utp - ftp} tp) "
                  f"+FP {added_fp} = {100 * added_fp / max(1, negatives):.2f}/100 honest")
            if test[0].first is not None:
                op, or_, _, ofp, _ = prf(test, [bool(x.first) for x in test])
                first_union = [a or bool(x.first) for a, x in zip(alone, test, strict=True)]
                qp, qr, _, qfp, _ = prf(test, first_union)
                print(f"        first-run frames P {op:.3f} R {or_:.3f} -> union P {qp:.3f} "
                      f"R {qr:.3f} | +R {qr - or_:+.3f} +FP {qfp - ofp} = "
                      f"{100 * (qfp - ofp) / max(1, negatives):.2f}/100 honest")
            if t == chosen:
                rows.append((k, chosen, sp, sr, ur - fr_, 100 * added_fp / max(1, negatives)))
        if k != "dev":
            missed = [(v, x) for v, x in zip(s, test, strict=True) if x.label and not x.frames]
            false = [(v, x) for v, x in zip(s, test, strict=True) if not x.label and v >= chosen]
            print(f"  frames' misses scored >= t: {sum(v >= chosen for v, _ in missed)}"
                  f"/{len(missed)}; scorer false alarms {len(false)}")
            if args.show:
                for v, x in sorted(false, key=lambda p: -p[0]):
                    print(f"    FP {v:.2f} {x.file}:{x.line} {x.text[:70]}")
                for v, x in missed:
                    print(f"    MISS {v:.2f} {x.file}:{x.line} {x.text[:70]}")
    print("\nsummary at the threshold chosen on training folds:")
    print("batch    t     P_alone R_alone +R_union +FP/100")
    for k, t, sp, sr, add, fp100 in rows:
        print(f"{k:8} {t:.2f}  {sp:.3f}   {sr:.3f}   {add:+.3f}   {fp100:.2f}")
    batches = [r for r in rows if r[0] != "dev"]
    passed = (all(r[2] >= 0.90 for r in batches)
              and sum(r[4] for r in batches) / len(batches) >= 0.08
              and all(r[5] <= 1.0 for r in batches))
    print(f"mean +R {sum(r[4] for r in batches) / len(batches):+.3f}; "
          f"decision rule {'PASSED' if passed else 'NOT passed'}")
    return 0


def union(model_file: Path, medlint: list[str], target: str) -> int:
    """Print medlint's findings for ``target`` plus an overclaim for every prose line the
    saved model scores at or above its threshold (plain dict look-ups, no scikit-learn)."""
    model = json.loads(model_file.read_text())
    done = subprocess.run([*medlint, target], capture_output=True, text=True)
    if done.returncode not in (0, 1):
        sys.stderr.write(done.stderr)
        return done.returncode
    found = json.loads(done.stdout)
    flagged = {(str(x["path"]).removeprefix("./"), x["line"]) for x in found
               if x["category"] == "overclaim"}
    featurizer = Featurizer()
    featurizer.ngrams = tuple(model["ngrams"])
    featurizer.pairs = model["pairs"]
    featurizer.use_lexicons = model["lexicons"]
    weights, bias, threshold = model["weights"], model["bias"], model["threshold"]
    root = Path(target)
    suffixes = {".md", ".markdown", ".txt", ".html", ".htm"}
    for path in sorted(p for p in root.rglob("*") if p.is_file() and p.suffix.lower() in suffixes):
        shown, relative = str(path), path.relative_to(root).as_posix()
        try:
            texts = prose_lines(path, relative)
        except (OSError, UnicodeDecodeError):
            continue
        lines = [Line("", shown, n, t, False) for n, t in sorted(texts.items()) if t]
        commerce = commercial_lines(lines, featurizer)
        for item in lines:
            feats = featurizer(item.text, (item.file, item.line) in commerce)
            score = 1 / (1 + math.exp(-(bias + sum(weights.get(k, 0.0) for k in feats))))
            if score >= threshold and (shown.removeprefix("./"), item.line) not in flagged:
                found.append({"path": shown, "line": item.line, "column": 1,
                              "end_line": item.line, "end_column": 1, "rule": "SCORER",
                              "category": "overclaim", "severity": "warning",
                              "message": f"line scorer {score:.2f}"})
    print(json.dumps(found, ensure_ascii=False))
    return 1 if found else 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["union"]:
        sys.exit(union(Path(sys.argv[2]), sys.argv[3:-1], sys.argv[-1]))
    sys.exit(main())
