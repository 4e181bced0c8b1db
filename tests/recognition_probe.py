"""What the recognition probes share: their name lists and whether a sentence presents a
treatment (MED201 reports it in a one-sentence article)."""

from __future__ import annotations

from pathlib import Path

from medlint.run.engine import default_linter

DATA = Path(__file__).parent / "data" / "recognition"


def read_names(path: Path) -> list[str]:
    """The names of a probe list: one a line, ``#`` lines are comments."""
    return [
        line.strip()
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]


def presented(sentence: str) -> bool:
    text = f"# 介绍\n\n{sentence}\n"
    return any(v.rule == "MED201" for v in default_linter().check_text(text, "a.md"))


def missed(names: list[str], templates: list[str]) -> tuple[float, list[tuple[str, str]]]:
    """The share of names presented in each template, and the (name, template) missed."""
    lost = [(n, t) for n in names for t in templates if not presented(t.format(n))]
    return 1 - len(lost) / (len(names) * len(templates)), lost
