"""The hint runs after the other rules and skips the lines where its report would be
dropped: the reports are those of running every rule and dropping afterwards."""

from __future__ import annotations

import random

from conftest import ROOT
from medlint.checks.scorer import ScorerCheck
from medlint.documents import read_document
from medlint.documents.files import read_source
from medlint.run.engine import Linter, _drop_covered_hints, default_linter
from medlint.violation import Violation

# lines made to sit next to each other: claims, scoped claims, honest lines
_LINES = [
    "这款贴片贴上三天，颈椎再也不酸了，真是神了！",
    "有人说喝这个茶能根治糖尿病，这是谣言。",
    "如果没有不良反应，可以继续服用。",
    "我用了一个月，皮肤明显白了两个度。",
    "任何药物都不能保证百分之百有效。",
    "这款药膏纯天然无副作用，孕妇小孩都能放心用。",
    "咨询热线 13800001111，今天下单立减50元。",
    "谁用过不说好？",
    "降压药要长期服用，请遵医嘱。",
    "吃一周就彻底告别失眠，效果立竿见影。",
    "",
    "## 常见问题",
]


def _reference(linter: Linter, path: str, text: str) -> list[Violation]:
    """Every selected rule run over the whole article, the hints' reports dropped after."""
    document = read_document(path, text)
    article = linter.article(document)
    violations = [
        linter._violation(document, finding)
        for index in linter.check_router.woken(article.text)
        for finding in linter.checks[index].run(article)
    ]
    return sorted(_drop_covered_hints(violations, linter.hints), key=Violation.sort_key)


def _texts() -> list[tuple[str, str]]:
    files = sorted((ROOT / "tests" / "data" / "rounds").rglob("*.md"))
    files += sorted((ROOT / "tests" / "data" / "heldout").rglob("*.md"))
    rng = random.Random(5)
    picked = [(str(p), read_source(str(p))) for p in rng.sample(files, min(60, len(files)))]
    for number in range(40):
        lines = [rng.choice(_LINES) for _ in range(rng.randint(3, 25))]
        picked.append((f"made-{number}.md", "\n".join(lines) + "\n"))
    return picked


def test_same_reports_as_running_every_rule_then_dropping():
    linter = default_linter().compile()
    assert linter.hints and any(isinstance(c, ScorerCheck) for c in linter.checks)
    hinted = covered = 0
    for path, text in _texts():
        found = linter.check_text(text, path)
        assert found == _reference(linter, path, text), path
        hinted += any(v.rule in linter.hints for v in found)
        every = _every_report(linter, path, text)
        covered += len(_drop_covered_hints(every, linter.hints)) < len(every)
    assert hinted >= 5 and covered >= 5  # both paths are taken


def _every_report(linter: Linter, path: str, text: str) -> list[Violation]:
    document = read_document(path, text)
    article = linter.article(document)
    return [linter._violation(document, f) for c in linter.checks for f in c.run(article)]
