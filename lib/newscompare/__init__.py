"""newscompare: compare how news articles frame the same event.

The data path: file -> Article (raw text as read) -> Cleaned (clean text + log of every edit) ->
Document (paragraphs, quotations, sentences with offsets) -> analyses (framing, sentiment, sources)
whose rows carry the article id, the sentence number and the sentence text as evidence.
"""

from . import reading
from .clean import Cleaned, clean, clean_text, rebuild_raw
from .errors import ArticleLoadError, NewsCompareError, ReportError
from .load import Article, NewsCompareWarning, load_article, load_articles
from .pipeline import articles_table, group_key, group_map, prepare, removals_table
from .segment import Document, Sentence, segment, sentences_table

__version__ = "0.1.0"

__all__ = [
    "Article", "ArticleLoadError", "Cleaned", "Document", "NewsCompareError", "NewsCompareWarning",
    "ReportError", "Sentence", "articles_table", "group_key", "group_map", "clean", "clean_text", "load_article", "load_articles",
    "prepare", "rebuild_raw", "removals_table", "segment", "sentences_table",
]
