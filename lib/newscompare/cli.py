"""Command line: ``python -m newscompare report [PATH ...] [--out DIR]``,
``python -m newscompare notebooks PATH ... [--out DIR]`` (working copies of the notebooks) and
``python -m newscompare corpus PATH ... --out DIR [--jobs N] [--scheduler ADDRESS]``.

Problems are printed one line each (file, reason, what to do) and the exit code is non-zero;
``--debug`` (before or after the subcommand) shows the traceback instead.
"""

from __future__ import annotations

import argparse
import os
import sys
import warnings

from .errors import NewsCompareError


def _warning_line(message, category, filename, lineno, file=None, line=None):
    print(f"newscompare: warning: {message}", file=sys.stderr)


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help="show full tracebacks")
    common.add_argument("--lexicons", help="a folder of edited lexicon files (see newscompare.lexicons.copy_lexicons)")
    parser = argparse.ArgumentParser(prog="newscompare", description="Compare how news articles cover an event.")
    parser.add_argument("--debug", action="store_true", help="show full tracebacks")
    sub = parser.add_subparsers(dest="command", required=True)
    rep = sub.add_parser("report", parents=[common], help="run every notebook on the articles and write an HTML report")
    rep.add_argument("paths", nargs="*", default=["seeds"], help="article files and folders (default: seeds)")
    rep.add_argument("--out", help="report folder (default: reports/<name>, never overwritten)")
    rep.add_argument("--compare-by", default=None,
                     help="'article' for single articles, or a column of articles.csv that groups them (default: "
                          "the 'group' column when articles.csv puts the articles in two or more groups, else "
                          "'article')")
    rep.add_argument("--skip-bad", action="store_true",
                     help="leave out files that cannot be read (each is named) instead of stopping")
    nbs = sub.add_parser("notebooks", parents=[common],
                         help="write copies of the notebooks set to your articles, to open in JupyterLab")
    nbs.add_argument("paths", nargs="+", help="article files and folders")
    nbs.add_argument("--out", help="folder for the copies (default: my-notebooks/<name>, never overwritten)")
    nbs.add_argument("--compare-by", default=None, help="as for report (default: the 'group' column when it "
                                                        "names two or more groups, else 'article')")
    cor = sub.add_parser("corpus", parents=[common],
                         help="analyse many articles in parallel into Parquet tables, resumable")
    cor.add_argument("paths", nargs="+", help="article files and folders")
    cor.add_argument("--out", required=True, help="output folder (a rerun with the same folder resumes)")
    cor.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="worker processes (default: all cores)")
    cor.add_argument("--scheduler", help="address of a Dask distributed scheduler, e.g. tcp://10.0.0.5:8786")
    cor.add_argument("--compare-by", "--group-by", dest="compare_by", default="group",
                     help="manifest column that groups articles (default: group; --group-by is its old name)")
    cor.add_argument("--chunk", type=int, default=200, help="articles per Parquet chunk (default: 200)")
    cor.add_argument("--batch", type=int, default=16,
                     help="articles sent to a worker at a time, each analysed on its own (default: 16)")
    return parser


def _report(args) -> int:
    from .pipeline import prepare
    from .report import write_report

    problems: list[NewsCompareError] = []
    docs = prepare(args.paths, problems=None if args.debug else problems, lexicons=args.lexicons)
    for problem in problems:
        print(f"newscompare: error: {problem}", file=sys.stderr)
    if problems and not docs:
        return 2
    if problems and not args.skip_bad:
        print(f"newscompare: {len(problems)} input problem(s); fix them, or rerun with --skip-bad to "
              f"report on the {len(docs)} readable article(s)", file=sys.stderr)
        return 2
    write_report([d.article.path for d in docs] if problems else args.paths, args.out, docs=docs,
                 compare_by=args.compare_by, lexicons=args.lexicons)
    return 0


def _notebooks(args) -> int:
    from .report import working_copies

    out = working_copies(args.paths, args.out, compare_by=args.compare_by, lexicons=args.lexicons)
    print(f"newscompare: notebooks for your articles in {out}/; open them with: "
          f"{sys.executable} -m jupyter lab {out}  (the committed notebooks are untouched)")
    return 0


def _corpus(args) -> int:
    from .corpus import analyze_corpus, group_tables, progress_printer
    from .export import write_tables

    summary = analyze_corpus(args.paths, args.out, jobs=args.jobs, scheduler=args.scheduler,
                             compare_by=args.compare_by, chunk=args.chunk, batch=args.batch,
                             progress=progress_printer(), lexicons=args.lexicons)
    print(f"newscompare: {summary}")
    if summary.failed:
        print(f"newscompare: {summary.failed} article(s) failed; reasons in {args.out}/parts/errors/", file=sys.stderr)
    write_tables(group_tables(args.out, args.lexicons), os.path.join(args.out, "groups"))
    print(f"newscompare: group comparisons in {os.path.join(args.out, 'groups')}/")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    with warnings.catch_warnings():  # one-line warnings for this command only, restored on return
        if not args.debug:
            warnings.showwarning = _warning_line
        try:
            return {"report": _report, "notebooks": _notebooks, "corpus": _corpus}[args.command](args)
        except NewsCompareError as exc:
            if args.debug:
                raise
            print(f"newscompare: error: {exc}", file=sys.stderr)
            return 2
        except OSError as exc:  # a disk full, a permission denied: say it in one line, naming the file
            if args.debug:
                raise
            where = exc.filename or getattr(args, "out", None) or "the output folder"
            print(f"newscompare: error: {where}: {exc.strerror or exc} (check the folder and free space)",
                  file=sys.stderr)
            return 2
        except KeyboardInterrupt:
            print("newscompare: interrupted", file=sys.stderr)
            return 130
