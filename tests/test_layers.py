"""The modules are layered without cycles: load -> clean -> segment -> the analyses -> export ->
report -> cli, with errors and lexicons at the bottom. Checked on the source, imports inside
functions included."""

import ast
from pathlib import Path

import pytest

LIB = Path(__file__).resolve().parents[1] / "lib" / "newscompare"
# Each module and the layer it sits in; a module may import only from lower layers (or its own,
# for the analyses, which then must not form a cycle).
LAYERS = {
    "errors": 0, "lexicons": 1, "load": 2, "clean": 3, "segment": 4, "groups": 5, "pipeline": 5,
    "actors": 6, "targets": 6, "loaded_model": 6, "sentiment": 6, "sources": 6, "framing": 6, "wording": 6,
    "portrayal": 6,
    "plots": 7, "export": 7, "steps": 7, "differences": 7, "reading": 8,
    "report": 9, "corpus": 9, "cli": 10, "__main__": 11, "__init__": 11,
}


# The steps of each subpackage, each importing only from steps before it (its __init__ gathers them).
STEPS = {
    "sources": ["lexicon", "records", "phrases", "names", "kinds", "resolution", "cue_checks", "quote_credits",
                "extractors", "plausibility", "__init__"],
    "actors": ["words", "lexicon", "capitals", "runs", "names", "variants", "mentions", "tables", "pronouns",
               "epithets", "__init__"],
    "framing": ["common", "terms", "frames", "stance", "alignment", "__init__"],
    "corpus": ["store", "ledger", "articles", "workers", "run", "groups", "__init__"],
}


def imports_of(path: Path, level: int = 1) -> set[str]:
    """The modules of the package ``level`` dots up that ``path`` imports from."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == level:
            if node.module:
                found.add(node.module.split(".")[0])
            else:
                found.update(alias.name for alias in node.names)
    return found


def graph() -> dict[str, set[str]]:
    """newscompare's modules and what each imports; a subpackage counts as one module."""
    g = {p.stem: imports_of(p) for p in LIB.glob("*.py")}
    for package in (d for d in LIB.iterdir() if (d / "__init__.py").exists()):
        g[package.name] = set().union(*(imports_of(p, level=2) for p in package.glob("*.py")))
    return g


def test_every_module_has_a_layer():
    assert set(graph()) == set(LAYERS)


def test_imports_go_down_the_layers():
    wrong = [(m, dep) for m, deps in graph().items() for dep in deps if LAYERS[dep] > LAYERS[m]]
    assert not wrong, wrong


def test_no_import_cycle():
    g = graph()
    state: dict[str, int] = {}

    def visit(m, path):
        if state.get(m) == 1:
            raise AssertionError(f"import cycle: {' -> '.join(path + [m])}")
        if state.get(m) == 2:
            return
        state[m] = 1
        for dep in g[m]:
            visit(dep, path + [m])
        state[m] = 2

    for m in g:
        visit(m, [])


@pytest.mark.parametrize("name", sorted(STEPS))
def test_a_packages_steps_import_only_earlier_steps(name):
    package, steps = LIB / name, STEPS[name]
    assert {p.stem for p in package.glob("*.py")} == set(steps)
    wrong = [(p.stem, dep) for p in package.glob("*.py") for dep in imports_of(p)
             if steps.index(dep) >= steps.index(p.stem)]
    assert not wrong, wrong
