"""A rule finds the same whether it runs alone (``--select``) or with the whole pack.

Each run is its own process: jieba's dictionary is process-wide, so only a fresh process
shows what a rule finds when it is the only one selected."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROUND = Path(__file__).parent / "data" / "rounds" / "round-8" / "articles"
CODES = ["MED401", "MED405", "MED407", "MED408", "MED409"]


def _found(tmp: Path, *selection: str) -> set[tuple[str, str, int, int]]:
    run = subprocess.run(
        [sys.executable, "-m", "medlint", "check", "--no-cache", "--format", "json",
         *selection, str(tmp)],
        capture_output=True, text=True, encoding="utf-8", check=False,
    )
    assert run.returncode in (0, 1), run.stderr
    return {
        (Path(v["path"]).name, v["rule"], v["line"], v["column"])
        for v in json.loads(run.stdout)
    }


@pytest.fixture(scope="module")
def articles(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("articles")
    # a quoted testimonial whose result jieba splits otherwise when only the
    # testimonial rule's words are known
    (folder / "quote.txt").write_text(
        "“连着泡了两个月，手脚再没冰过。”——杭州分店会员 孙姐\n", encoding="utf-8"
    )
    for path in sorted(ROUND.glob("*.md"))[:10]:
        (folder / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def whole(articles: Path) -> set[tuple[str, str, int, int]]:
    return _found(articles)


@pytest.mark.parametrize("code", CODES)
def test_a_rule_alone_finds_what_it_finds_in_the_pack(code, articles, whole):
    alone = _found(articles, "--select", code)
    assert alone == {found for found in whole if found[1] == code}
