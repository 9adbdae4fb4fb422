"""The package's shape: layers, no import cycles, small modules and functions."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "sphinx_comparisons"
#: The packages of features; the site model may import none of them.
FEATURES = ("page", "navigation", "addresses", "files", "shortcodes", "components")


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


MODULES = _modules()


def _runtime_nodes(tree: ast.Module) -> list[ast.AST]:
    """Every node outside ``if TYPE_CHECKING:`` blocks (imports there never run)."""
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skipped.update(id(child) for stmt in node.body for child in ast.walk(stmt))
    return [node for node in ast.walk(tree) if id(node) not in skipped]


def imports_of(name: str) -> set[str]:
    """The package's modules ``name`` imports when it runs, wherever the import statement is."""
    tree = ast.parse(MODULES[name].read_text())
    package = name if MODULES[name].name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in _runtime_nodes(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(
                    package.split(".")[: len(package.split(".")) - node.level + 1] + [base]
                )
            for alias in node.names:
                found.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base)
    return {module for module in found if module in MODULES and module != name} | _packages_run(
        name, found
    )


def _packages_run(name: str, imported: set[str]) -> set[str]:
    """Importing ``a.b.c`` runs ``a/b/__init__.py`` first, unless the importer is inside ``a.b``."""
    run = set()
    for module in imported:
        parts = module.split(".")
        for end in range(2, len(parts)):
            package = ".".join(parts[:end])
            if package in MODULES and not (name == package or name.startswith(package + ".")):
                run.add(package)
    return run


def test_no_import_cycles():
    graph = {name: imports_of(name) for name in MODULES}
    state: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for target in sorted(graph[node]):
            if state.get(target) == 1:
                cycles.append([*stack[stack.index(target) :], target])
            elif target not in state:
                visit(target)
        stack.pop()
        state[node] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name)
    assert not cycles, "\n".join(" -> ".join(cycle) for cycle in cycles)


def test_the_core_imports_no_sphinx():
    for name, path in MODULES.items():
        if name.startswith("sphinx_comparisons.hugo"):
            text = path.read_text()
            for node in ast.walk(ast.parse(text)):
                if isinstance(node, (ast.Import, ast.ImportFrom)):
                    names = (
                        [node.module or ""]
                        if isinstance(node, ast.ImportFrom)
                        else [a.name for a in node.names]
                    )
                    assert not any(
                        n.split(".")[0] in {"sphinx", "docutils", "myst_parser", "sphinx_design"}
                        for n in names
                    ), name
                    assert not any(
                        n.startswith("sphinx_comparisons.")
                        and not n.startswith("sphinx_comparisons.hugo")
                        for n in names
                    ), name


def test_the_site_model_imports_no_feature():
    model = "sphinx_comparisons.site.model"
    features = {f"sphinx_comparisons.{feature}" for feature in FEATURES}
    reached = {
        m for m in imports_of(model) if any(m == f or m.startswith(f + ".") for f in features)
    }
    assert not reached


@pytest.mark.parametrize("name", sorted(MODULES))
def test_modules_and_functions_are_small(name):
    text = MODULES[name].read_text()
    assert text.count("\n") <= 400, f"{name} has {text.count(chr(10))} lines"
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            length = node.end_lineno - node.lineno + 1
            assert length <= 60, f"{name}.{node.name} has {length} lines"
