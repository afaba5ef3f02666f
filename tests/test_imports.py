"""The package layout stays a graph without circles, and no stage depends on the evaluation."""

from __future__ import annotations

import ast
import graphlib
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "multivector"
STAGES = ("sources", "clean", "nlp", "actors", "coding", "store", "analysis", "report", "web", "scale")


def _modules() -> dict[str, Path]:
    out = {}
    for path in SRC.rglob("*.py"):
        parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def _imports() -> dict[str, set[str]]:
    """Module -> the project modules it imports anywhere (top level, in functions, for type checking).

    A submodule importing its own package's ``__init__`` is left out: that is re-export, not a circle."""
    mods = _modules()
    graph: dict[str, set[str]] = {m: set() for m in mods}
    for name, path in mods.items():
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                subs = [f"{node.module}.{a.name}" for a in node.names if f"{node.module}.{a.name}" in mods]
                targets = subs or [node.module]
            elif isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            graph[name] |= {t for t in targets if t in mods and t != name and not name.startswith(t + ".")}
    return graph


def test_no_import_circles() -> None:
    graph = _imports()
    assert len(graph) > 90  # the walk found the package
    try:
        tuple(graphlib.TopologicalSorter(graph).static_order())
    except graphlib.CycleError as exc:
        raise AssertionError(f"import circle: {' -> '.join(exc.args[1])}") from None


def test_no_stage_imports_the_evaluation() -> None:
    graph = _imports()
    bad = [
        (m, t)
        for m, targets in graph.items()
        if m.count(".") and m.split(".")[1] in STAGES
        for t in targets
        if t.startswith("multivector.evaluation")
    ]
    assert not bad
