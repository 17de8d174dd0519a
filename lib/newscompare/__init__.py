"""newscompare: compare how news articles frame the same event.

The data path: file -> Article (raw text as read) -> Cleaned (clean text + log of every edit) ->
Document (paragraphs, quotations, sentences with offsets) -> analyses (actors, framing, sentiment,
sources) whose rows carry the article id, the sentence number and the sentence text as evidence ->
an Analysis (every table, computed once) -> CSV, figures, HTML.

Importing the package changes no setting of the process (pandas, matplotlib, warnings).
"""

from . import reading
from .clean import Cleaned, clean, clean_text, rebuild_raw
from .errors import ArticleLoadError, NewsCompareError, ReportError
from .export import Analysis, analyze, build_tables, load_analysis, save_analysis
from .groups import group_key, group_map, unit_column
from .lexicons import Lexicons, copy_lexicons
from .load import Article, NewsCompareWarning, load_article, load_articles
from .pipeline import articles_table, prepare, removals_table
from .segment import Document, Sentence, segment, sentences_table

__version__ = "0.3.0"  # the one version: pyproject.toml reads it

__all__ = [
    "Analysis", "Article", "ArticleLoadError", "Cleaned", "Document", "Lexicons", "NewsCompareError",
    "NewsCompareWarning", "ReportError", "Sentence", "analyze", "articles_table", "build_tables", "clean",
    "clean_text", "copy_lexicons", "group_key", "group_map", "load_analysis", "load_article", "load_articles",
    "prepare", "rebuild_raw", "reading", "removals_table", "save_analysis", "segment", "sentences_table",
    "unit_column",
]
