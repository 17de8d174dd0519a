"""Small builders for tests: a Document from a string, without files."""

from pathlib import Path

import newscompare as nc


def doc(text: str, art: str = "t"):
    return nc.segment(nc.Article(art, Path(f"{art}.txt"), text, art))
