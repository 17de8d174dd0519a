"""Reading BASIL's articles (``../shared/data/basil/``, Fan et al. 2019; no licence: read where it
lies, never copied into the project) the one way every benchmark writes them for the analysis."""

from __future__ import annotations

import json
from pathlib import Path


def read_article(path: Path) -> dict:
    """One BASIL article's JSON: title, source, main-entities, body-paragraphs (lists of sentences)."""
    return json.loads(path.read_text(encoding="utf-8"))


def article_text(art: dict) -> str:
    """The article as a text file holds it: the title, then its paragraphs, a blank line between."""
    return art["title"] + "\n\n" + "\n\n".join(" ".join(p) for p in art["body-paragraphs"])


def write_article(path: Path, folder: Path) -> Path:
    """Write the article at ``path`` into ``folder`` as ``<stem>.txt``; return the file written."""
    out = Path(folder) / f"{path.stem}.txt"
    out.write_text(article_text(read_article(path)), encoding="utf-8")
    return out
