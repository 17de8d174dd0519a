"""The report: every notebook executed on a set of articles, as HTML, plus CSV tables and an index page.

Nothing is written in place: the report is built in a temporary folder beside its destination and
moved there only when complete, so a failed or interrupted run leaves no half-report that looks whole,
and an earlier report is never overwritten (a default destination that exists gets a numbered sibling).
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable

from .errors import NewsCompareError, ReportError

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


def working_copies(paths: list[str | Path], out: str | Path | None = None, *, compare_by: str | None = None,
                   lexicons: str | Path | None = None, notebooks: list[Path] | None = None) -> Path:
    """Copies of the numbered notebooks set to the articles in ``paths``, to open and rerun in
    JupyterLab without touching the committed notebooks (which the nbval checks compare with their
    saved outputs). Each copy gets the papermill "injected-parameters" cell after its parameters cell
    and no outputs; figures go to ``<out>/figures``. ``out`` defaults to ``my-notebooks/<name>``,
    never an existing folder. Returns the folder."""
    import nbformat
    from papermill.iorw import load_notebook_node
    from papermill.parameterize import parameterize_notebook


    paths = [Path(p).resolve() for p in paths]
    for p in paths:
        if not p.exists():
            raise NewsCompareError(p, "does not exist", "give article files or folders that exist")
    out = Path(free_path(default_out(paths, "my-notebooks")) if out is None else out).resolve()
    if out.exists() and any(out.iterdir()):
        raise ReportError(out, "already exists and is not empty; working copies never overwrite a folder",
                          "choose another --out or remove the folder")
    out.mkdir(parents=True, exist_ok=True)
    parameters = {"ARTICLES": [str(p) for p in paths], "OUTPUT": str(out / "figures"), "COMPARE_BY": compare_by,
                  "LEXICONS": None if lexicons is None else str(Path(lexicons).resolve()), "ANALYSIS": None}
    for nb_path in notebooks or notebook_paths():
        nb = load_notebook_node(str(nb_path))  # nbformat's, with the cell tags papermill reads
        for cell in nb.cells:
            if cell.cell_type == "code":
                cell.outputs, cell.execution_count = [], None
        nbformat.write(parameterize_notebook(nb, parameters), out / nb_path.name)
    return out


def notebook_paths(folder: Path = NOTEBOOKS_DIR) -> list[Path]:
    """The numbered notebooks, in order."""
    found = sorted(p for p in Path(folder).glob("[0-9][0-9]_*.ipynb"))
    if not found:
        raise ReportError(folder, "no numbered notebooks (NN_name.ipynb) found",
                          "run from a clone of the newscompare repository")
    return found


# nbconvert's lab template without what it loads from the network (require.js, MathJax and mermaid
# from a CDN: the notebooks use none of them), with wide tables that scroll and text read from the left.
OFFLINE_TEMPLATE = """{%- extends 'index.html.j2' -%}
{%- block html_head_js_requirejs -%}{%- endblock html_head_js_requirejs -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{% block extra_css %}
<style>
.jp-RenderedHTMLCommon table { display: block; max-width: 100%; overflow-x: auto; }
.jp-RenderedHTMLCommon td, .jp-RenderedHTMLCommon th { text-align: left; }
</style>
{% endblock extra_css %}
"""


def _to_html(nb_path: Path) -> Path:
    """The executed notebook as a self-contained HTML page (nothing fetched when it is opened)."""
    import nbformat
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(extra_loaders=[DictLoader({"newscompare.html.j2": OFFLINE_TEMPLATE})],
                            template_file="newscompare.html.j2")
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


@contextmanager
def shared_kernel(cwd: Path):
    """One kernel for all the notebooks of a report: started once, its namespace cleared before each
    notebook (see RESET), shut down at the end. Starting a kernel and importing pandas and matplotlib
    in it was most of a report's time; the library keeps no state between calls."""
    from jupyter_client.manager import KernelManager

    km = KernelManager(kernel_name="python3")
    # The kernel imports what every notebook needs while it boots, in parallel with the analysis.
    km.start_kernel(cwd=str(cwd), extra_arguments=[f"--IPKernelApp.exec_lines={WARM_UP}"])
    try:
        yield km
    finally:
        km.shutdown_kernel(now=True)


WARM_UP = "import matplotlib.pyplot, pandas, newscompare.export, newscompare.plots, newscompare.reading"
# Run first in each notebook (and dropped from the executed copy): what the notebook before it left in
# the kernel is cleared, and its cells are numbered from 1.
RESET = ("%reset -f\nimport matplotlib.pyplot as _plt\n_plt.close('all')\ndel _plt\n"
         "get_ipython().execution_count = 1")
RESET_TAG = "newscompare-reset"


def _with_reset(nb: Path):
    import nbformat

    node = nbformat.read(nb, as_version=4)
    node.cells.insert(0, nbformat.v4.new_code_cell(RESET, metadata={"tags": [RESET_TAG]}))
    return node


def _tidy_executed(dest: Path, nb: Path, shown: dict[str, str]) -> None:
    """The executed copy as the reader should see it: without the reset cell, and with the paths of
    the finished report (``shown``: text in the injected parameters -> what to show instead) rather
    than the temporary ones the notebook ran with."""
    import nbformat

    node = nbformat.read(dest, as_version=4)
    node.cells = [c for c in node.cells if RESET_TAG not in c.get("metadata", {}).get("tags", [])]
    for cell in node.cells:
        if "injected-parameters" in cell.get("metadata", {}).get("tags", []):
            for old, new in shown.items():
                cell.source = cell.source.replace(old, new)
    if "papermill" in node.metadata:
        node.metadata.papermill["input_path"] = str(nb)
        node.metadata.papermill["output_path"] = str(dest.name)
        node.metadata.papermill["parameters"] = {}
    nbformat.write(node, dest)


def execute_notebook(nb: Path, dest: Path, parameters: dict, km=None, shown: dict[str, str] | None = None) -> Path:
    """Execute one notebook with papermill into ``dest``; raise ReportError naming the notebook and
    the cell that failed. With a kernel manager ``km`` the notebook runs in that (shared) kernel,
    after its namespace is cleared. ``shown`` rewrites paths in the executed copy (_tidy_executed)."""
    import papermill as pm

    dest.parent.mkdir(parents=True, exist_ok=True)
    tidy = km is not None or bool(shown)
    try:
        pm.execute_notebook(_with_reset(nb) if km is not None else str(nb), str(dest), cwd=str(nb.parent),
                            kernel_name="python3", progress_bar=False, parameters=parameters, log_output=False,
                            report_mode=False, km=km)
    except pm.PapermillExecutionError as exc:
        if tidy and dest.exists():
            _tidy_executed(dest, nb, shown or {})
        raise ReportError(nb, f"cell {exc.exec_count} failed: {exc.ename}: {exc.evalue}",
                          f"the partly executed copy shows the traceback: {dest}") from None
    if tidy:  # not after any other error: a copy cut short by a full disk is not a notebook to read
        _tidy_executed(dest, nb, shown or {})
    return dest


def _run_all(notebooks: list[Path], folder: Path, parameters: dict, km, progress: Callable[[str], None],
             shown: dict[str, str]) -> None:
    """Run the notebooks one after another in kernel ``km``; each executed notebook is converted to
    HTML in a thread while the kernel runs the next (the kernel is another process)."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1) as converter:
        pending = []
        for i, nb in enumerate(notebooks, 1):
            progress(f"  [{i}/{len(notebooks)}] {nb.name} ...")
            dest = execute_notebook(nb, folder / "notebooks" / nb.name, parameters, km, shown)
            pending.append(converter.submit(_to_html, dest))
        for fut in pending:
            fut.result()


def _usual_permissions(folder: Path) -> None:
    """The report folder was made private by mkdtemp (0700): give it the permissions a folder made by
    the user gets (0777 less the umask), as its files already have."""
    umask = os.umask(0)
    os.umask(umask)
    folder.chmod(0o777 & ~umask)


def _out_and_partial(paths: list[Path], out: str | Path | None) -> tuple[Path, Path]:
    """The report's folder (a free one beside the inputs when ``out`` is None; never one with
    anything in it) and the hidden partial folder it is written in first."""
    out = Path(free_path(default_out(paths)) if out is None else out).resolve()
    if out.exists() and any(out.iterdir()):
        raise ReportError(out, "already exists and is not empty; an earlier report is never overwritten",
                          "choose another --out or remove the folder")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        return out, Path(tempfile.mkdtemp(prefix=f".{out.name}.partial-", dir=out.parent))
    except OSError as exc:
        raise ReportError(out, f"cannot write here: {exc.strerror}", "choose a writable --out") from None


def _write_index(tmp: Path, docs, tables: dict, notebooks: list[Path], compare_by: str) -> None:
    """The report's first page, index.html, with the figures the notebooks saved."""
    from .reading import index_page

    figures = sorted((tmp / "figures").glob("*.png"))
    page = index_page(docs, tables, [nb.name for nb in notebooks],
                      figures=[f.relative_to(tmp) for f in figures], compare_by=compare_by)
    (tmp / "index.html").write_text(page, encoding="utf-8")


def write_report(paths: list[str | Path], out: str | Path | None = None, *,
                 notebooks: list[Path] | None = None, docs=None, compare_by: str | None = None,
                 lexicons: str | Path | None = None, progress: Callable[[str], None] = print) -> Path:
    """Run every notebook on the articles in ``paths`` and write the report folder; return its path.

    The analysis is computed once (``docs`` are the prepared articles when the caller has them) and
    saved as a bundle that every notebook reads; the notebooks run one after another in one kernel.
    ``compare_by`` None compares by the ``group`` column of articles.csv when it names two or more
    groups, else single articles (groups.default_compare_by).
    """
    from . import export
    from .groups import compare_by_note, default_compare_by, group_map
    from .lexicons import get
    from .pipeline import prepare

    paths = [Path(p).resolve() for p in paths]
    lex = get(None if lexicons is None else Path(lexicons).resolve())
    if docs is None:
        docs = prepare(paths, lexicons=lex)  # fails fast, with the file named, before any notebook runs
    compare_by = default_compare_by(docs) if compare_by is None else compare_by
    group_map(docs, compare_by)  # a missing manifest column is said now, not in the middle of a notebook
    out, tmp = _out_and_partial(paths, out)
    try:
        notebooks = notebooks or notebook_paths()
        started = time.perf_counter()
        progress(f"newscompare: {len(docs)} articles, {len(notebooks)} notebooks -> {out}. "
                 f"{compare_by_note(compare_by)}")
        with (_stderr_to(tmp / "logs" / "kernels.log"), shared_kernel(notebooks[0].parent) as km,
              tempfile.TemporaryDirectory(prefix="newscompare-analysis-") as bundle):
            # The kernel starts while the analysis is computed, once, and saved for every notebook.
            analysis = export.analyze(docs=docs, compare_by=compare_by, lexicons=lex)
            export.write_tables(analysis.tables, tmp / "tables")
            export.save_analysis(analysis, bundle)
            parameters = {"ARTICLES": [str(p) for p in paths], "OUTPUT": str(tmp / "figures"),
                          "COMPARE_BY": compare_by, "LEXICONS": None if lex.folder is None else str(lex.folder),
                          "ANALYSIS": bundle}
            shown = {str(tmp): str(out),  # the report's own folder, where it is once complete
                     f'"{bundle}"': f'"{bundle}"  # the analysis computed once for this report (deleted after it)'}
            _run_all(notebooks, tmp, parameters, km, progress, shown)
        _write_index(tmp, docs, analysis.tables, notebooks, compare_by)
        if out.exists():
            out.rmdir()  # empty, checked above
        os.replace(tmp, out)
        _usual_permissions(out)
        progress(f"newscompare: report written in {time.perf_counter() - started:.0f} s: {out / 'index.html'}")
        return out
    except OSError as exc:  # a full disk, a folder made read-only: say so in one line, leave nothing behind
        shutil.rmtree(tmp, ignore_errors=True)
        raise ReportError(out, f"cannot be written: {exc.strerror or exc}",
                          "free some space or choose another --out; the unfinished report was removed") from None
    except BaseException:
        if tmp.exists():
            progress(f"newscompare: report not finished; what was written is kept in {tmp}")
        raise
