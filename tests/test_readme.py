"""The README says what the code does: its trust table is the one the report shows."""

from pathlib import Path

from newscompare.reading import trust_table

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_the_readme_trust_table_is_the_reports():
    section = README.split("## How far to trust each table", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines()
            if line.startswith("| ") and not line.startswith(("| table", "| ---"))]
    table = trust_table()
    assert len(rows) == len(table)
    for line, r in zip(rows, table.itertuples(index=False)):
        assert line.startswith(f"| {r[0]} | {r[1]} | {r[2]} | {r[3]} (`{r[4]}`)"), line


def test_every_library_table_header_has_rows():
    lines = README.splitlines()
    for i, line in enumerate(lines[:-2]):
        if line.startswith("| ") and lines[i + 1].startswith("| ---"):
            assert lines[i + 2].startswith("| "), f"README line {i + 1}: a table header with no rows"
