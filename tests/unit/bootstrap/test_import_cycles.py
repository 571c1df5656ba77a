"""The composition root's modules import one another without a circle: a module that builds
the containers (the kill-switch lane, the metrics, the surveillance run) is given the parts it
needs, never imports the container that imports it back.

The graph is grimp's (import-linter's): every import at a module's top level, those under
`if TYPE_CHECKING:` included; an import inside a function (loaded when it runs) is not one."""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parents[3]


@cache
def _function_lines(module: str) -> frozenset[int]:
    """The lines inside the module's functions (their imports run late, when called)."""
    path = ROOT / Path(*module.split("."))
    source = (path / "__init__.py") if path.is_dir() else path.with_suffix(".py")
    lines: set[int] = set()
    for node in ast.walk(ast.parse(source.read_text())):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            lines.update(range(node.lineno, (node.end_lineno or node.lineno) + 1))
    return frozenset(lines)


def module_level_imports(graph: grimp.ImportGraph, package: str) -> dict[str, set[str]]:
    """Each module of `package` -> the modules of `package` it imports at its top level."""
    edges: dict[str, set[str]] = {module: set() for module in graph.modules}
    for importer in graph.modules:
        for imported in graph.find_modules_directly_imported_by(importer):
            details = graph.get_import_details(importer=importer, imported=imported)
            if any(d["line_number"] not in _function_lines(importer) for d in details):
                edges[importer].add(imported)
    return {
        m: {i for i in edges[m] if i.startswith(package)} for m in edges if m.startswith(package)
    }


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Each circle of imports as its modules (the strongly connected parts of the graph)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for imported in sorted(edges.get(module, ())):
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            part = [stack.pop()]
            while part[-1] != module:
                part.append(stack.pop())
            if len(part) > 1 or module in edges.get(module, ()):
                found.append(sorted(part))

    for module in sorted(edges):
        if module not in index:
            visit(module)
    return found


def test_a_circle_of_imports_is_found() -> None:
    # Arrange
    edges = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": {"e"}}

    # Act
    found = cycles(edges)

    # Assert
    assert sorted(found) == [["a", "b", "c"], ["e"]]


def test_no_module_of_the_composition_root_imports_one_that_imports_it_back() -> None:
    # Arrange
    graph = grimp.build_graph("bootstrap", include_external_packages=False, cache_dir=None)

    # Act
    edges = module_level_imports(graph, "bootstrap")

    # Assert
    assert len(edges) > 100
    assert any(edges.values())
    assert cycles(edges) == []
