"""Loading: files and folders in, Article objects out.

An Article keeps the text exactly as decoded (``raw``); nothing here edits it. Cleaning, with a log of
every change, is ``newscompare.clean``'s job. Input files are only ever opened for reading.
"""

from __future__ import annotations

import codecs
import csv
import errno
import io
import os
import re
import stat
import warnings
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from .errors import ArticleLoadError

TEXT_SUFFIXES = {".txt", ".md", ".text"}
HTML_SUFFIXES = {".html", ".htm"}
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES
MANIFEST_NAME = "articles.csv"
MAX_BYTES = 5 * 1024 * 1024  # ~800,000 words: no news article is this large; refuse rather than spend hours

# Magic numbers of files people save by mistake next to their articles.
_BINARY_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or .docx/.xlsx)",
    b"\x1f\x8b": "a gzip archive",
    b"\xd0\xcf\x11\xe0": "an old Microsoft Office document",
}


class NewsCompareWarning(UserWarning):
    """Something was repaired or guessed while reading an article; the result is still usable."""


class SkippedEntry(NewsCompareWarning):
    """An entry of an article folder that was not read (a sub-folder, a pipe, a device...): ``path``
    and ``reason`` say which and why."""

    def __init__(self, path: Path, reason: str):
        self.path, self.reason = Path(path), reason
        super().__init__(f"{path}: skipped: {reason}")


@dataclass
class Article:
    """One article as read from disk.

    ``raw`` is the text exactly as decoded (for HTML: the main text trafilatura extracted). ``meta``
    holds the manifest fields plus what loading found out: ``format``, ``encoding``, ``title_source``,
    ``english`` and ``warnings``.
    """

    id: str
    path: Path
    raw: str
    title: str
    meta: dict = field(default_factory=dict)

    def __repr__(self) -> str:  # keep notebook output short and stable
        return f"Article(id={self.id!r}, path={self.path.name!r}, chars={len(self.raw)})"


# --------------------------------------------------------------------------------------------- decoding
def _cp1252_fallback(err: UnicodeDecodeError):
    """Decode the bytes UTF-8 rejects as cp1252 (or latin-1 where cp1252 has a hole)."""
    bad = err.object[err.start : err.end]
    return bad.decode("cp1252", errors="replace").replace("\ufffd", "") or bad.decode("latin-1"), err.end


codecs.register_error("newscompare-cp1252", _cp1252_fallback)


def _looks_utf16_without_bom(data: bytes) -> str | None:
    """Return 'utf-16-le'/'utf-16-be' when every other byte is NUL, as in BOM-less UTF-16 text."""
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even_nul = sample[0::2].count(0) / len(sample[0::2])
    odd_nul = sample[1::2].count(0) / len(sample[1::2])
    if odd_nul > 0.4 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.4 and odd_nul < 0.05:
        return "utf-16-be"
    return None


def _decode_unicode_marked(data: bytes, path: Path) -> tuple[str, str, list[str]] | None:
    """Text with a byte-order mark, or UTF-16 without one; None for anything else."""
    for bom, enc in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                     (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(enc), enc, []
            except UnicodeDecodeError as exc:
                raise ArticleLoadError(path, f"starts with a {enc} byte-order mark but is not valid {enc} "
                                       f"(byte {exc.start})", "re-save the file as UTF-8") from None
    utf16 = _looks_utf16_without_bom(data)
    if utf16:
        try:
            return data.decode(utf16), utf16, [f"decoded as {utf16} without a byte-order mark"]
        except UnicodeDecodeError:
            pass
    return None


def _refuse_binary(data: bytes, path: Path) -> None:
    for magic, kind in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise ArticleLoadError(path, f"is {kind}, not a text article", "give a .txt, .md or .html file")
    if b"\x00" in data[:8000]:
        raise ArticleLoadError(path, "contains NUL bytes: a binary file, not a text article",
                               "give a .txt, .md or .html file")


def _decode_legacy(data: bytes, path: Path, first_bad: int) -> tuple[str, str, list[str]]:
    """Bytes that are not UTF-8: mixed UTF-8 and cp1252, or a legacy encoding charset-normalizer finds."""
    # Valid UTF-8 multi-byte sequences before the first bad byte suggest a mixed file.
    if re.search(rb"[\xc2-\xf4][\x80-\xbf]+", data[:first_bad]):
        text = data.decode("utf-8", errors="newscompare-cp1252")
        return text, "utf-8+cp1252", [f"mixed encodings: UTF-8 with cp1252 bytes (first at byte {first_bad})"]
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise ArticleLoadError(path, f"cannot be decoded as text (invalid UTF-8 at byte {first_bad} "
                               "and no other encoding fits)", "re-save the file as UTF-8")
    return str(best), best.encoding, [f"not UTF-8; detected legacy encoding {best.encoding}"]


def decode_bytes(data: bytes, path: Path) -> tuple[str, str, list[str]]:
    """Decode article bytes; return (text, encoding name, notes about anything guessed)."""
    marked = _decode_unicode_marked(data, path)
    if marked is not None:
        return marked
    _refuse_binary(data, path)
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError as exc:
        return _decode_legacy(data, path, exc.start)


# ------------------------------------------------------------------------------------------ language
_EN_STOP = set("the of and to a in is that for it was on with as by be are this at from he his but not "
               "have has had which an they their or were its been also who will would after said".split())


def looks_english(text: str) -> bool:
    """True when English function words make up a plausible share of the words.

    A cheap offline check (no model): English prose has 25-50% function words from this short
    list; German, Arabic or Russian text has almost none.
    """
    words = re.findall(r"[^\W\d_]+", text.lower())
    if len(words) < 8:
        return True  # too short to tell; do not cry wolf
    share = sum(w in _EN_STOP for w in words) / len(words)
    return share >= 0.12


# --------------------------------------------------------------------------------------------- files
def first_words(text: str, n: int = 8) -> str:
    words = text.split()
    title = " ".join(words[:n])
    return title + (" …" if len(words) > n else "")


class _PlainText(HTMLParser):
    """The text of a page's paragraphs, headings and list items, without scripts, styles, navigation,
    headers, footers and asides; no limit on nesting (lxml, under trafilatura, stops at 255 levels)."""

    SKIP = {"script", "style", "noscript", "nav", "header", "footer", "aside", "template", "title"}
    BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "article", "section", "blockquote",
             "tr", "pre"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.skipping, self.parts = 0, []

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skipping += 1
        elif tag in self.BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag):
        if tag in self.SKIP and self.skipping:
            self.skipping -= 1
        elif tag in self.BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)

    def text(self) -> str:
        paragraphs = (" ".join(p.split()) for p in "".join(self.parts).split("\n\n"))
        return "\n\n".join(p for p in paragraphs if p)


def _html_to_text(html: str, path: Path) -> tuple[str, str | None]:
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True)
    meta = trafilatura.extract_metadata(html)
    title = meta.title if meta is not None and meta.title else None
    if not text or len(text.split()) < 5:
        plain = _PlainText()
        plain.feed(html)
        text = plain.text()
        if len(text.split()) < 5:
            raise ArticleLoadError(path, "HTML page has no article text (only navigation, scripts or markup)",
                                   "save the article page itself, or paste its text into a .txt file")
        warnings.warn(f"{path}: the article extractor found no text (markup nested too deep?); the text of the "
                      "page's paragraphs was taken instead: check it in 01_articles", NewsCompareWarning,
                      stacklevel=3)
    return text, title


def readable(name: str | Path) -> str:
    """A file name or path as text that can be written anywhere: a name whose bytes are not UTF-8
    (Python keeps them as surrogates, "caf\\udce9.txt") is read as cp1252 ("café.txt"), the usual
    source of such names; characters even that cannot give become U+FFFD. Names that are UTF-8 are
    returned unchanged."""
    text = str(name)
    if not any("\udc80" <= c <= "\udcff" for c in text):
        return text
    raw = os.fsencode(text)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def read_manifest_csv(path: str | Path) -> dict[str, dict]:
    """Read a manifest CSV (columns: file, id, title, ...): a dict from file name to its row.

    Any encoding an article may have (UTF-8 or UTF-16 with or without a byte order mark, cp1252 and
    other legacy encodings: ``decode_bytes``). A row with more fields than the header, a row with no
    file name, or a file listed twice is an error naming the row; a short row leaves its last
    columns empty."""
    path = Path(path)
    if not path.is_file():
        raise ArticleLoadError(path, "manifest file not found", "check the path")
    try:
        text = decode_bytes(path.read_bytes(), path)[0].lstrip("\ufeff")
    except OSError as exc:
        raise ArticleLoadError(path, f"cannot read the manifest: {exc.strerror or exc}", "check the file") from None
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if reader.fieldnames is not None and "file" not in [f.strip() for f in reader.fieldnames]:
        raise ArticleLoadError(path, "manifest has no 'file' column", "add a 'file' column naming each article")
    out: dict[str, dict] = {}
    for row in reader:
        where = f"row {reader.line_num}"
        if None in row:
            raise ArticleLoadError(path, f"{where} has more fields than the header {reader.fieldnames}",
                                   "quote values that contain commas")
        clean = {k.strip(): (v or "").strip() for k, v in row.items() if k}
        name = Path(clean.get("file", "")).name
        if not name:
            if any(clean.values()):
                raise ArticleLoadError(path, f"{where} names no file", "fill in its 'file' column or remove the row")
            continue  # a blank line
        if name in out:
            raise ArticleLoadError(path, f"{where} lists {name!r} a second time",
                                   "keep one row per article file")
        out[name] = clean
    return out


def read_manifest(folder: Path) -> dict[str, dict]:
    """The manifest ``articles.csv`` in ``folder``, or an empty dict when there is none."""
    path = Path(folder) / MANIFEST_NAME
    return read_manifest_csv(path) if path.is_file() else {}


def _too_large(path: Path, size: int) -> ArticleLoadError:
    return ArticleLoadError(path, f"is {size / 1e6:.0f} MB, larger than any article "
                            f"({MAX_BYTES // (1024 * 1024)} MiB limit)", "split it into articles")


def _read_bytes(path: Path) -> bytes:
    """The file's bytes, after checking it exists, is a regular file (not a pipe or a device, which
    could block or never end) and is not too large; at most MAX_BYTES + 1 bytes are read (read-only)."""
    problem = _entry_problem(path)
    if problem is not None:
        if problem.startswith("is a sub-folder"):
            raise ArticleLoadError(path, "is a folder; use load_articles() for folders")
        if not path.exists() and not path.is_symlink():
            raise ArticleLoadError(path, "no such file", "check the path")
        raise ArticleLoadError(path, problem, "give the article file itself")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise _too_large(path, size)
    try:
        with open(path, "rb") as fh:  # read-only: input files are never written
            data = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        raise ArticleLoadError(path, f"cannot be read: {exc.strerror or exc}", "check its permissions") from None
    if len(data) > MAX_BYTES:  # it grew while we looked, or the size said nothing (a special file)
        raise _too_large(path, len(data))
    if not data:
        raise ArticleLoadError(path, "is empty (0 bytes)", "check that the download or export worked")
    return data


def _text_and_title(text: str, path: Path, row: dict) -> tuple[str, str, str, str]:
    """(text, format, title, where the title came from): HTML's main text and title, the manifest's
    title, or the first words."""
    fmt = "html" if path.suffix.lower() in HTML_SUFFIXES else "text"
    title = row.get("title") or None
    title_source = "manifest" if title else None
    if fmt == "html":
        text, html_title = _html_to_text(text, path)
        if not title and html_title:
            title, title_source = html_title, "html"
    if not text.strip():
        raise ArticleLoadError(path, "contains only whitespace", "check that the download or export worked")
    if not title:
        title, title_source = first_words(text), "first words"
    return text, fmt, title, title_source


def load_article(path: str | Path, manifest: dict[str, dict] | None = None) -> Article:
    """Read one article file (.txt, .md, .html, .htm) into an Article.

    Raises ArticleLoadError naming the file for a missing path, an empty, binary or undecodable file,
    or an HTML page with no article text. Warns (NewsCompareWarning) where it guessed or repaired.
    """
    path = Path(path)
    data = _read_bytes(path)
    row = (read_manifest(path.parent) if manifest is None else manifest).get(path.name, {})
    text, encoding, notes = decode_bytes(data, path)
    text, fmt, title, title_source = _text_and_title(text, path, row)
    english = looks_english(text)
    if not english:
        notes.append("does not look like English; the lexicons are English-only, so scores are unreliable")
    from ftfy.badness import is_bad

    if is_bad(text):
        notes.append("contains mojibake (text decoded with the wrong encoding); cleaning repairs it")
    for note in notes:
        warnings.warn(f"{path}: {note}", NewsCompareWarning, stacklevel=2)
    meta = {k: v for k, v in row.items() if k not in {"id", "file", "title"}}
    meta.update(format=fmt, encoding=encoding, title_source=title_source, english=english,
                warnings=notes, bytes=len(data))
    return Article(id=row.get("id") or readable(path.stem), path=path, raw=text, title=title, meta=meta)


def _entry_problem(path: Path) -> str | None:
    """Why a folder entry or a named path cannot be an article file: a sub-folder, a named pipe, a
    device or socket, a broken link or a link loop; None for a regular file."""
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "is a symbolic link loop"
        if path.is_symlink():
            return "is a symbolic link to nothing (broken link)"
        return f"cannot be read: {exc.strerror or exc}"
    if stat.S_ISDIR(mode):
        return "is a sub-folder (its articles are not read; name it to include them)"
    if stat.S_ISFIFO(mode):
        return "is a named pipe, not a file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is a device, not a file"
    if stat.S_ISSOCK(mode):
        return "is a socket, not a file"
    return None


def _folder_files(folder: Path, problems: list | None) -> list[Path]:
    """The article files of a folder, sorted. Entries that cannot be articles are named: a sub-folder
    or a special file in a warning; one that looks like an article (.txt, .md, .html) but is not a
    readable file as a problem (recorded in ``problems``, or raised without it)."""
    files = []
    for f in sorted(folder.iterdir()):
        if f.name.startswith(".") or f.name.lower() in {"readme.md", MANIFEST_NAME}:
            continue
        problem = _entry_problem(f)
        looks_article = f.suffix.lower() in ARTICLE_SUFFIXES
        if problem is None:
            if looks_article:
                files.append(f)
        elif looks_article and not problem.startswith("is a sub-folder"):
            err = ArticleLoadError(f, f"skipped: {problem}", "replace it with the article file")
            if problems is None:
                raise err
            problems.append(err)
        else:
            warnings.warn(SkippedEntry(f, problem), stacklevel=4)
    return files


def _warn_missing_manifest_files(folder: Path, manifest: dict) -> None:
    for name in manifest:
        if name and not (folder / name).exists():
            warnings.warn(f"{folder / MANIFEST_NAME}: names {name!r}, which is not in the folder; that row is "
                          "ignored", NewsCompareWarning, stacklevel=4)


def _expand(paths, manifests: dict[Path, dict] | None = None, problems: list | None = None
            ) -> list[tuple[Path, dict]]:
    """Files named directly, plus the article files in each folder (sorted), with the folder manifest.

    ``manifests`` caches each folder's manifest across calls: read once, shared by all its files.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    out: list[tuple[Path, dict]] = []
    manifests = {} if manifests is None else manifests
    for p in paths:
        p = Path(p)
        problem = None if p.is_dir() else _entry_problem(p)
        if problem is not None:
            missing = not p.exists() and not p.is_symlink()
            raise ArticleLoadError(p, "no such file or folder" if missing else problem, "check the path")
        if p.is_dir():
            if p not in manifests:
                manifests[p] = read_manifest(p)
                _warn_missing_manifest_files(p, manifests[p])
            files = _folder_files(p, problems)
            if not files:
                raise ArticleLoadError(p, "folder has no article files (.txt, .md, .html, .htm)",
                                       "put the articles in it or name the files directly")
            out.extend((f, manifests[p]) for f in files)
        else:
            if p.parent not in manifests:
                manifests[p.parent] = read_manifest(p.parent)
            out.append((p, manifests[p.parent]))
    return out


def plan_articles(paths, manifest: str | Path | None = None,
                  problems: list[ArticleLoadError] | None = None) -> list[tuple[Path, dict, str]]:
    """The article files in ``paths`` with their manifest and a unique id each, without reading them.

    Ids come from the manifest or the file name; a repeated id gets a suffix (-2, -3) and a warning.
    With a ``problems`` list, missing paths and empty folders are recorded there instead of raised.
    """
    override = read_manifest_csv(manifest) if manifest is not None else None
    expanded, manifests = [], {}
    for p in [paths] if isinstance(paths, (str, Path)) else paths:
        try:
            expanded.extend(_expand([p], manifests, problems))
        except ArticleLoadError as exc:
            if problems is None:
                raise
            problems.append(exc)
    plan, seen = [], set()
    for path, folder_manifest in expanded:
        man = override if override is not None else folder_manifest
        art_id = man.get(path.name, {}).get("id") or readable(path.stem)
        if art_id in seen:
            n = 2
            while f"{art_id}-{n}" in seen:
                n += 1
            warnings.warn(f"{path}: id {art_id!r} already used; renamed {art_id}-{n}", NewsCompareWarning,
                          stacklevel=3)
            art_id = f"{art_id}-{n}"
        seen.add(art_id)
        plan.append((path, man, art_id))
    return plan


def load_articles(paths, manifest: str | Path | None = None,
                  problems: list[ArticleLoadError] | None = None) -> list[Article]:
    """Load every article in ``paths`` (files and folders, in any mix).

    ``manifest`` names an articles.csv to use instead of the one found beside the files. Ids are made
    unique (a warning names any that had to change). With a ``problems`` list, a file that cannot be
    loaded is recorded there and the others still load; without one, the first problem is raised.
    """
    articles: list[Article] = []
    for path, man, art_id in plan_articles(paths, manifest, problems):
        try:
            art = load_article(path, man)
        except ArticleLoadError as exc:
            if problems is None:
                raise
            problems.append(exc)
            continue
        art.id = art_id
        articles.append(art)
    return articles
