"""The report: every notebook executed on a set of articles, as HTML, plus CSV tables and an index page.

Nothing is written in place: the report is built in a temporary folder beside its destination and
moved there only when complete, so a failed or interrupted run leaves no half-report that looks whole,
and an earlier report is never overwritten (a default destination that exists gets a numbered sibling).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable

from .errors import ReportError

NOTEBOOKS_DIR = Path(__file__).resolve().parents[2] / "notebooks"


def default_out(paths: list[str | Path], root: str | Path = "reports") -> Path:
    """``reports/<name>`` for the articles given, <name> from the single path or the count of paths."""
    paths = [Path(p) for p in paths]
    name = paths[0].resolve().stem if len(paths) == 1 else f"{len(paths)}-inputs"
    return Path(root) / (name or "articles")


def free_path(path: Path) -> Path:
    """``path`` itself when free, else the first of path-2, path-3, ... that is."""
    if not path.exists():
        return path
    n = 2
    while path.with_name(f"{path.name}-{n}").exists():
        n += 1
    return path.with_name(f"{path.name}-{n}")


def notebook_paths(folder: Path = NOTEBOOKS_DIR) -> list[Path]:
    """The numbered notebooks, in order."""
    found = sorted(p for p in Path(folder).glob("[0-9][0-9]_*.ipynb"))
    if not found:
        raise ReportError(folder, "no numbered notebooks (NN_name.ipynb) found",
                          "run from a clone of the newscompare repository")
    return found


def _to_html(nb_path: Path) -> Path:
    import nbformat
    from nbconvert import HTMLExporter

    exporter = HTMLExporter()
    body, _ = exporter.from_notebook_node(nbformat.read(nb_path, as_version=4))
    out = nb_path.with_suffix(".html")
    out.write_text(body, encoding="utf-8")
    return out


@contextmanager
def _stderr_to(path: Path):
    """Send this process's stderr, and so the notebook kernels' (they inherit it), to ``path``.

    Kernels print start-up chatter and, at shutdown, sometimes pyzmq's harmless "Socket operation on
    non-socket" traceback (a known race; pyzmq issues 507 and 1848). Real failures reach us as
    PapermillExecutionError; the kernel log stays in the report for anyone who needs it.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    sys.stderr.flush()
    saved = os.dup(2)
    with open(path, "ab") as fh:
        os.dup2(fh.fileno(), 2)
        try:
            yield
        finally:
            sys.stderr.flush()
            os.dup2(saved, 2)
            os.close(saved)


def run_notebook(nb: Path, dest: Path, articles: list[str], output: Path, compare_by: str = "article") -> None:
    """Execute one notebook with papermill; raise ReportError naming the notebook and the cell that failed."""
    import papermill as pm

    try:
        pm.execute_notebook(str(nb), str(dest), cwd=str(nb.parent), kernel_name="python3", progress_bar=False,
                            parameters={"ARTICLES": articles, "OUTPUT": str(output), "COMPARE_BY": compare_by},
                            log_output=False, report_mode=False)
    except pm.PapermillExecutionError as exc:
        raise ReportError(nb, f"cell {exc.exec_count} failed: {exc.ename}: {exc.evalue}",
                          f"the partly executed copy shows the traceback: {dest}") from None


def write_report(paths: list[str | Path], out: str | Path | None = None, *,
                 notebooks: list[Path] | None = None, docs=None, compare_by: str = "article",
                 progress: Callable[[str], None] = print) -> Path:
    """Run every notebook on the articles in ``paths`` and write the report folder; return its path.

    ``docs`` are the prepared articles when the caller has them already (else they are prepared here).
    """
    import warnings

    from . import export
    from .pipeline import group_map, prepare

    paths = [Path(p).resolve() for p in paths]
    if docs is None:
        docs = prepare(paths)  # fails fast, with the file named, before any notebook runs
    group_map(docs, compare_by)  # a missing manifest column is said now, not in the middle of a notebook
    if out is None:
        out = free_path(default_out(paths))
    out = Path(out)
    if out.exists() and any(out.iterdir()):
        raise ReportError(out, "already exists and is not empty; an earlier report is never overwritten",
                          "choose another --out or remove the folder")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.partial-", dir=out.parent))
    except OSError as exc:
        raise ReportError(out, f"cannot write here: {exc.strerror}", "choose a writable --out") from None
    try:
        notebooks = notebooks or notebook_paths()
        started = time.perf_counter()
        progress(f"newscompare: {len(docs)} articles, {len(notebooks)} notebooks -> {out}")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # the notebooks show the analysis warnings where they apply
            tables = export.build_tables(docs)
        export.write_tables(tables, tmp / "tables")
        for i, nb in enumerate(notebooks, 1):
            progress(f"  [{i}/{len(notebooks)}] {nb.name} ...")
            dest = tmp / "notebooks" / nb.name
            dest.parent.mkdir(parents=True, exist_ok=True)
            with _stderr_to(tmp / "logs" / "kernels.log"):
                run_notebook(nb, dest, [str(p) for p in paths], tmp / "figures", compare_by)
            _to_html(dest)
        from .reading import index_page

        figures = sorted((tmp / "figures").glob("*.png"))
        page = index_page(docs, tables, [nb.name for nb in notebooks], figures=[f.relative_to(tmp) for f in figures])
        (tmp / "index.html").write_text(page, encoding="utf-8")
        if out.exists():
            out.rmdir()  # empty, checked above
        os.replace(tmp, out)
        progress(f"newscompare: report written in {time.perf_counter() - started:.0f} s: {out / 'index.html'}")
        return out
    except BaseException:
        if tmp.exists():
            progress(f"newscompare: report not finished; what was written is kept in {tmp}")
        raise
