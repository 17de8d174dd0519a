"""The shape of the code, checked: small modules, no function past complexity 15 (counted as radon
counts it, boolean operators included), no module-private name used from another module (the layers
are test_layers.py's). Each fails with the offenders named."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "lib" / "newscompare"
MODULES = sorted(PACKAGE.rglob("*.py"))
MAX_LINES = 500
MAX_COMPLEXITY = 15


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imported(path: Path) -> list[tuple[str, str]]:
    """(module, name) of every ``from X import name`` inside the package, X resolved."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    here = _module_name(path).split(".")
    if path.name != "__init__.py":
        here = here[:-1]
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = here[: len(here) - node.level + 1]
            module = ".".join(base + ([node.module] if node.module else []))
            out.extend((module, a.name) for a in node.names)
    return out


def test_no_module_is_longer_than_500_lines():
    long = {str(p.relative_to(PACKAGE)): n for p in MODULES
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert not long, f"modules over {MAX_LINES} lines (split them by concern): {long}"


def test_no_function_is_more_complex_than_15():
    radon = pytest.importorskip("radon.complexity", reason="radon is in requirements.txt; install it")
    over = {}
    for p in MODULES:
        for block in radon.cc_visit(p.read_text(encoding="utf-8")):
            if block.complexity > MAX_COMPLEXITY:
                over[f"{p.relative_to(PACKAGE)}:{block.lineno} {block.name}"] = block.complexity
    assert not over, f"functions over complexity {MAX_COMPLEXITY} (radon cc): {over}"


def test_no_private_name_is_imported_from_another_module():
    private = [f"{p.relative_to(PACKAGE)}: from {m} import {name}" for p in MODULES
               for m, name in _imported(p) if name.startswith("_") and not name.startswith("__")]
    assert not private, "module-private names used across modules (make them public or move them):\n" + "\n".join(
        private)
