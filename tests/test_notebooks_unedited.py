"""The committed notebooks keep the parameters their saved outputs came from: the nbval checks compare
those outputs, so a notebook pointed at other articles fails them. This test runs first (``make
test`` runs pytest before nbval) and names the edited notebook and the way back."""

import json
from pathlib import Path

import pytest

from newscompare.report import notebook_paths

EXPECTED = {"ARTICLES": '["../seeds"]', "OUTPUT": "None", "COMPARE_BY": "None", "LEXICONS": "None",
            "ANALYSIS": "None"}


def parameters(path: Path) -> dict[str, str]:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    cell = next(c for c in cells if "parameters" in c.get("metadata", {}).get("tags", []))
    found = {}
    for line in "".join(cell["source"]).splitlines():
        name, eq, value = line.partition("=")
        if eq and not line.startswith("#"):
            found[name.strip()] = value.strip()
    return found


@pytest.mark.parametrize("path", notebook_paths(), ids=lambda p: p.name)
def test_the_committed_notebook_keeps_its_parameters(path):
    changed = {k: v for k, v in parameters(path).items() if EXPECTED.get(k, v) != v}
    edits = ", ".join(f"{k} = {v}" for k, v in changed.items())
    assert not changed, (
        f"notebooks/{path.name}: its parameters cell was edited ({edits}),"
        f" so the nbval checks of its saved outputs will fail. Restore it with `git checkout notebooks/{path.name}`"
        f" and work on copies set to your articles: `.venv/bin/python -m newscompare notebooks PATH`.")
    assert set(parameters(path)) == set(EXPECTED)
