"""HTML pages: the report's index with the side-by-side dashboard."""

from __future__ import annotations

import html

from .pipeline import articles_table
from .segment import Document

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 2rem; color: #222; }}
table {{ border-collapse: collapse; }} td, th {{ border: 1px solid #ccc; padding: .25rem .5rem; }}
</style></head><body>
<h1>{title}</h1>
{body}
</body></html>
"""


def index_page(docs: list[Document], notebooks: list[str]) -> str:
    """The report's front page: the articles, links to every executed notebook and to the tables."""
    from .report import link_list

    table = articles_table(docs).drop(columns=["path"]).to_html(index=False, border=0, escape=True)
    body = (f"<h2>Articles</h2>{table}<h2>Notebooks</h2>{link_list(notebooks)}"
            '<h2>Tables</h2><p>CSV files in <a href="tables/">tables/</a>.</p>')
    return PAGE.format(title=html.escape(f"newscompare report: {len(docs)} articles"), body=body)
