"""Command line: ``python -m newscompare report [PATH ...] [--out DIR]``.

Problems are printed one line each (file, reason, what to do) and the exit code is non-zero;
``--debug`` shows the traceback instead.
"""

from __future__ import annotations

import argparse
import sys
import warnings

from .errors import NewsCompareError


def _warning_line(message, category, filename, lineno, file=None, line=None):
    print(f"newscompare: warning: {message}", file=sys.stderr)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newscompare", description="Compare how news articles cover an event.")
    parser.add_argument("--debug", action="store_true", help="show full tracebacks")
    sub = parser.add_subparsers(dest="command", required=True)
    rep = sub.add_parser("report", help="run every notebook on the articles and write an HTML report")
    rep.add_argument("paths", nargs="*", default=["seeds"], help="article files and folders (default: seeds)")
    rep.add_argument("--out", help="report folder (default: reports/<name>, never overwritten)")
    rep.add_argument("--skip-bad", action="store_true",
                     help="leave out files that cannot be read (each is named) instead of stopping")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if not args.debug:
        warnings.showwarning = _warning_line
    try:
        if args.command == "report":
            from .pipeline import prepare
            from .report import write_report

            problems: list[NewsCompareError] = []
            docs = prepare(args.paths, problems=None if args.debug else problems)
            for problem in problems:
                print(f"newscompare: error: {problem}", file=sys.stderr)
            if problems and not docs:
                return 2
            if problems and not args.skip_bad:
                print(f"newscompare: {len(problems)} input problem(s); fix them, or rerun with --skip-bad to "
                      f"report on the {len(docs)} readable article(s)", file=sys.stderr)
                return 2
            write_report([d.article.path for d in docs] if problems else args.paths, args.out, docs=docs)
        return 0
    except NewsCompareError as exc:
        if args.debug:
            raise
        print(f"newscompare: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("newscompare: interrupted", file=sys.stderr)
        return 130
