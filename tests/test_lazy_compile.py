"""Rules are compiled when first needed: a run the result cache answers compiles none."""

from __future__ import annotations

from conftest import run_in_process
from medlint.run import engine
from medlint.run.engine import Linter, load_linter, load_rules


def test_a_linter_compiles_on_first_use() -> None:
    linter = Linter(load_rules(()))
    assert not linter.compiled
    found = linter.check_text("# 说明\n\n本品保证根治鼻炎。\n", "a.md")
    assert linter.compiled and found
    assert [check.rule for check in linter.checks] == linter.rules


def test_a_warm_run_compiles_nothing(tmp_path, monkeypatch) -> None:
    article = tmp_path / "a.md"
    article.write_text("# 说明\n\n本品保证根治鼻炎。\n", encoding="utf-8")
    args = ("check", "--cache-dir", str(tmp_path / "cache"), "--format", "json", str(article))
    cold = run_in_process(*args)
    assert cold.code == 1 and '"rule"' in cold.out
    load_linter.cache_clear()
    compiled: list[Linter] = []
    original = Linter.compile

    def counted(self: Linter) -> Linter:
        compiled.append(self)
        return original(self)

    monkeypatch.setattr(engine.Linter, "compile", counted)
    warm = run_in_process(*args)
    assert (warm.code, warm.out) == (cold.code, cold.out)
    assert compiled == []
    load_linter.cache_clear()
