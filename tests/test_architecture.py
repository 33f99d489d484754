"""The package's architecture, checked from its source: layers, cycles, hidden state,
and that every rule code leads to the file that defines it and to its fixture."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import cleantext
from cleantext.docs import code_files

PACKAGE = Path(cleantext.__file__).resolve().parent
ROOT = PACKAGE.parent

# Lower layers never import higher ones; a module may import its own layer.
LAYERS = {
    "text": 0, "version": 0, "cache": 0,
    "lang": 1, "io": 1,
    "stages": 2, "corpus": 2,  # corpus mode's site-template stage is one of the stages
    "names": 3,
    "cleaner": 4, "registry": 4,
    "docs": 5,
    "run": 6,
    "__init__": 7, "__main__": 7, "dask": 7,
    "adapters": 8, "hf": 8, "pandas": 8,  # built on the public API, never imported by the core
}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _resolve(module: str, is_package: bool, node: ast.ImportFrom) -> list[str]:
    """The modules of the package that a ``from ... import ...`` names."""
    if node.level:
        base = module.split(".") if is_package else module.split(".")[:-1]
        base = base[: len(base) - (node.level - 1)]
        target = ".".join(base + ([node.module] if node.module else []))
    else:
        target = node.module or ""
    found = []
    for alias in node.names:  # ``from . import normalize`` names a submodule
        sub = f"{target}.{alias.name}"
        if sub in MODULES:
            found.append(sub)
    if len(found) < len(node.names) and target in MODULES:
        found.append(target)
    return found


def _imports(module: str) -> set[str]:
    """Every module of the package that ``module`` imports, at the top or inside a function."""
    path = MODULES[module]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name in MODULES)
        elif isinstance(node, ast.ImportFrom):
            out.update(_resolve(module, path.name == "__init__.py", node))
    out.discard(module)
    return out


GRAPH = {m: _imports(m) for m in MODULES}


def _layer(module: str) -> int:
    parts = module.split(".")
    if len(parts) == 1:
        return LAYERS["__init__"]
    return LAYERS[parts[1]]


def test_the_walk_finds_the_package_and_its_imports():
    assert {"cleantext.cleaner", "cleantext.stages.rules", "cleantext.text.edits"} <= set(MODULES)
    assert "cleantext.stages.normalize" in GRAPH["cleantext.stages.pipeline"]  # ``from . import``
    assert "cleantext.io.html" in GRAPH["cleantext.cleaner"]  # an import inside a function


def test_every_module_has_a_layer():
    assert all(module.split(".")[1] in LAYERS for module in MODULES if "." in module)


def test_no_import_runs_upward():
    upward = sorted(f"{m} ({_layer(m)}) imports {t} ({_layer(t)})"
                    for m, targets in GRAPH.items() for t in targets if _layer(t) > _layer(m))
    assert not upward, "\n".join(upward)


def test_no_import_cycle():
    state: dict[str, int] = {}  # 1 on the current path, 2 done
    path: list[str] = []

    def visit(m: str) -> list[str] | None:
        state[m] = 1
        path.append(m)
        for t in sorted(GRAPH[m]):
            if state.get(t) == 1:
                return path[path.index(t):] + [t]
            if t not in state:
                cycle = visit(t)
                if cycle:
                    return cycle
        state[m] = 2
        path.pop()
        return None

    for m in sorted(GRAPH):
        if m not in state:
            cycle = visit(m)
            assert cycle is None, " -> ".join(cycle)


def _module_level_nodes(tree: ast.Module):
    """Nodes that run at import time (not inside a function or class body)."""
    todo = list(tree.body)
    while todo:
        node = todo.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
            continue
        yield node
        todo.extend(ast.iter_child_nodes(node))


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_module_keeps_state_for_a_document(module):
    """No ``global`` statement rebinds module state, and no thread-local holds it."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    globals_ = [n.lineno for n in ast.walk(tree) if isinstance(n, ast.Global)]
    assert not globals_, f"global statements at lines {globals_}"
    for node in _module_level_nodes(tree):
        if isinstance(node, ast.Call):
            name = ast.unparse(node.func)
            assert not name.endswith("local"), f"module-level {name}() at line {node.lineno}"


def test_every_rule_code_leads_to_its_file_and_fixture():
    files = code_files()
    assert len(files) > 100
    missing = sorted(f"{code}: {f}" for code, pair in files.items() for f in pair
                     if not (ROOT / f).is_file())
    assert not missing, "\n".join(missing)
