"""The editable lexicons: one object that every analysis takes, read from files you can change.

``Lexicons()`` reads the files shipped in ``newscompare/data/``. ``Lexicons("my_lexicons")`` reads a
folder of your own first and falls back to the shipped file for any file that folder lacks, so you
copy only what you edit (``copy_lexicons("my_lexicons", ["actors.csv"])`` starts you off). In a
notebook, set ``LEXICONS = "my_lexicons"`` in the parameters cell.

Nothing is cached at module level: a Lexicons object remembers what it compiled only as long as the
files it read are unchanged (modification time and size), so an edited file is seen on the next call,
with no kernel restart (one analysis checks the files once, at its start: ``Lexicons.steady``). Each
file's header names its columns.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any, Callable

from .errors import NewsCompareError

SHIPPED = Path(str(resources.files("newscompare").joinpath("data")))


class Lexicons:
    """The lexicon files of one folder (``None``: the shipped ones), read and compiled on demand.

    ``table(name)`` gives a CSV's rows as dicts, ``lines(name)`` a list file's entries,
    ``word_list(name)`` one list of word_lists.csv, ``json(name)`` a JSON file, and
    ``compiled(key, build)`` anything built from them (patterns, lookups), rebuilt when a file changes.
    """

    def __init__(self, folder: str | Path | None = None):
        self.folder = None if folder is None else Path(folder)
        if self.folder is not None and not self.folder.is_dir():
            raise NewsCompareError(self.folder, "is not a folder of lexicons",
                                   "give a folder holding edited copies of files from newscompare/data/")
        self._memo: dict[str, tuple[tuple, Any]] = {}
        self._steady: tuple | None = None  # the files' stamp, taken once inside a ``steady()`` block

    def __repr__(self) -> str:
        return f"Lexicons({'shipped' if self.folder is None else str(self.folder)!r})"

    def __getstate__(self) -> dict:  # sent to worker processes without what it compiled
        return {"folder": self.folder, "_memo": {}, "_steady": None}

    def path(self, name: str) -> Path:
        """Where ``name`` is read from: the user's folder when it has the file, else the shipped one."""
        if self.folder is not None and (self.folder / name).is_file():
            return self.folder / name
        return SHIPPED / name

    def _stamp(self) -> tuple:
        """What identifies the current state of every file this object can read."""
        stamps = []
        for folder in (SHIPPED, self.folder):
            if folder is None:
                continue
            for p in sorted(folder.iterdir()):
                if p.is_file():
                    st = p.stat()
                    stamps.append((str(p), st.st_mtime_ns, st.st_size))
        return tuple(stamps)

    @contextmanager
    def steady(self):
        """A block (one analysis) within which the files are checked once, at its start, instead of at
        every use: an edit made during the block is seen by the next one."""
        outer = self._steady
        self._steady = self._stamp() if outer is None else outer
        try:
            yield self
        finally:
            self._steady = outer

    def compiled(self, key: str, build: Callable[["Lexicons"], Any]) -> Any:
        """``build(self)``, remembered until any lexicon file changes."""
        stamp = self._steady if self._steady is not None else self._stamp()
        hit = self._memo.get(key)
        if hit is not None and hit[0] == stamp:
            return hit[1]
        value = build(self)
        self._memo[key] = (stamp, value)
        return value

    def text(self, name: str) -> str:
        path = self.path(name)
        try:
            return path.read_text(encoding="utf-8")
        except OSError as exc:
            raise NewsCompareError(path, f"cannot read the lexicon: {exc.strerror or exc}",
                                   "restore the file or remove it from your lexicon folder") from None
        except UnicodeDecodeError:
            raise NewsCompareError(path, "is not UTF-8 text", "save the lexicon as UTF-8") from None

    def table(self, name: str) -> tuple[dict, ...]:
        """Rows of a CSV lexicon as dicts of strings (values as written: a space can be a value)."""
        return self.compiled(f"table:{name}", lambda lex: _parse_csv(lex.text(name), lex.path(name)))

    def lines(self, name: str) -> tuple[str, ...]:
        """Entries of a list lexicon, without comments and blank lines."""
        return self.compiled(f"lines:{name}", lambda lex: tuple(
            line.strip() for line in lex.text(name).splitlines() if line.strip() and not line.startswith("#")))

    def word_list(self, name: str) -> tuple[str, ...]:
        """The words of one list of ``word_lists.csv`` (list, word, about: the words the rules read,
        one home each), in file order. A list missing from an edited copy is an error that names it."""
        lists = self.compiled("word_lists", _word_lists)
        if name not in lists:
            raise NewsCompareError(self.path("word_lists.csv"), f"has no word list {name!r}",
                                   "restore its rows from the shipped file (copy_lexicons)")
        return lists[name]

    def json(self, name: str) -> dict:
        """A JSON data file (the sentiment calibration)."""
        def parse(lex: Lexicons) -> dict:
            try:
                return json.loads(lex.text(name))
            except json.JSONDecodeError as exc:
                raise NewsCompareError(lex.path(name), f"is not valid JSON ({exc})") from None
        return self.compiled(f"json:{name}", parse)


def _word_lists(lex: Lexicons) -> dict[str, tuple[str, ...]]:
    lists: dict[str, list[str]] = {}
    for row in lex.table("word_lists.csv"):
        word = row["word"].strip()
        if word:
            lists.setdefault(row["list"].strip(), []).append(word)
    return {name: tuple(words) for name, words in lists.items()}


def _parse_csv(text: str, path: Path) -> tuple[dict, ...]:
    rows = []
    reader = csv.DictReader(io.StringIO(text))
    for row in reader:
        if None in row or None in row.values():
            raise NewsCompareError(path, f"line {reader.line_num} has {'more' if None in row else 'fewer'} fields "
                                         f"than the header {reader.fieldnames}", "quote values that contain commas")
        rows.append({k.strip(): v for k, v in row.items()})
    return tuple(rows)


# One Lexicons per folder for the whole process, so that each analysis, report and corpus batch does
# not compile every lexicon and parse the fitted models anew. It is a cache, not a state: each
# compiled value is checked against the files' modification times and sizes on every use, so an
# edited file is seen on the next call, as with a Lexicons of one's own.
_SHARED: dict[Path | None, Lexicons] = {}


def get(lexicons: Lexicons | str | Path | None) -> Lexicons:
    """The Lexicons to use: the object given, or the process's one for a folder (None: the shipped
    files), built the first time and reused after (its compiled values rebuilt when a file changes)."""
    if isinstance(lexicons, Lexicons):
        return lexicons
    key = None if lexicons is None else Path(lexicons).resolve()
    shared = _SHARED.get(key)
    if shared is None or (key is not None and not key.is_dir()):
        shared = _SHARED[key] = Lexicons(key)
    return shared


def copy_lexicons(folder: str | Path, names: list[str] | None = None) -> Path:
    """Copy shipped lexicon files (all, or ``names``) into ``folder`` to edit them; existing files are
    kept. Returns the folder, ready for ``Lexicons(folder)`` or ``LEXICONS = folder``."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for src in sorted(SHIPPED.iterdir()):
        if src.is_file() and (names is None or src.name in names) and not (folder / src.name).exists():
            shutil.copyfile(src, folder / src.name)
    return folder


def word_alternation(words) -> str:
    """A regex alternation of the words (no grouping around it needed) that matches what
    ``"|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))`` matches, written as a trie
    ("said|says|saw" -> "sa(?:id|ys|w)"): Python's regex engine tries every branch of a flat alternation
    at every position, so a lexicon of hundreds of cue words cost that many tries per character. At each
    point a longer word is tried before a shorter one, as in the longest-first flat alternation. For a
    pattern matched without regard to case, give the words in lower case."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return f"(?:{_trie_pattern(trie)})"


def _trie_pattern(node: dict) -> str:
    branches = [re.escape(ch) + _trie_pattern(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body
