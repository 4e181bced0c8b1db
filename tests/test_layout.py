"""The package's layout: stages import downwards only, and no import cycle exists."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "src" / "medlint"

# stage -> the stages it must not import (every import, at any depth, counts)
FORBIDDEN = {
    "config": {"run", "cli", "filters", "reporters", "checks"},
    "documents": {"run", "cli", "filters", "reporters", "checks", "rules"},
    "analysis": {"run", "cli", "filters", "reporters", "checks", "rules"},
    "rules": {"run", "cli", "reporters"},  # the loader validates frames with checks/
    "checks": {"run", "cli", "filters", "reporters"},
    "filters": {"run", "cli", "reporters", "checks"},
    "reporters": {"run", "cli", "checks"},
    "run": {"cli"},
}


def _module(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """The medlint modules ``path`` imports, outside ``if TYPE_CHECKING:`` blocks."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = _module(path).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    skipped = {
        id(node)
        for block in ast.walk(tree)
        if isinstance(block, ast.If) and "TYPE_CHECKING" in ast.unparse(block.test)
        for stmt in block.body
        for node in ast.walk(stmt)
    }
    found = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            target = ".".join([*base, *(node.module.split(".") if node.module else [])])
            for alias in node.names:
                candidate = f"{target}.{alias.name}"
                found.add(candidate if _exists(candidate) else target)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name.split(".")[0] == "medlint" and _exists(name)}


def _exists(name: str) -> bool:
    path = PACKAGE.parent.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def _graph() -> dict[str, set[str]]:
    return {_module(path): _imports(path) for path in PACKAGE.rglob("*.py")}


def test_no_import_cycle():
    graph = _graph()
    state: dict[str, int] = {}
    cycles = []

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for target in sorted(graph.get(node, ())):
            if state.get(target) == 1:
                cycles.append([*trail[trail.index(target):], target] if target in trail
                              else [node, target])
            elif target not in state:
                visit(target, [*trail, target])
        state[node] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert not cycles, "import cycles: " + "; ".join(" -> ".join(c) for c in cycles)


def test_stages_import_downwards_only():
    wrong = []
    for module, targets in _graph().items():
        parts = module.split(".")
        stage = parts[1] if len(parts) > 1 else ""
        for target in targets:
            other = target.split(".")[1] if target.count(".") else ""
            if other in FORBIDDEN.get(stage, set()):
                wrong.append(f"{module} imports {target}")
    assert not wrong, "\n".join(sorted(wrong))


def test_the_graph_sees_imports():
    """The two tests above would pass on an empty graph: make sure it is not one."""
    graph = _graph()
    assert "medlint.run.runner" in graph["medlint.cli.check"]
    assert "medlint.filters.suppression" in graph["medlint.filters.pipeline"]
    assert "medlint.run.workspace" not in graph["medlint.run.fix"]  # only for type checking
