"""The lexicons are one object the analyses take: a user's edited copy is read instead of the shipped
file, and an edit is seen on the next call, with no restart and no module-level cache."""

import importlib
import os
import time

import pytest
from tests.helpers import doc

import newscompare as nc
from newscompare import actors, framing, lexicons, sources
from newscompare.errors import NewsCompareError

TEXT = "The comptrollers met at noon. Mayor Ada Quist said the comptrollers were late."


def _touch_later(path):
    """Make sure the edit shows in the file's modification time even on coarse clocks."""
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 2_000_000_000))


def test_an_edited_lexicon_is_seen_on_the_next_call(tmp_path):
    folder = nc.copy_lexicons(tmp_path / "mine", ["actors.csv"])
    lex = nc.Lexicons(folder)
    d = doc(TEXT)
    before = actors.find_mentions([d], lexicons=lex)
    assert "comptrollers" not in set(before.label)
    with open(folder / "actors.csv", "a", encoding="utf-8") as fh:
        fh.write("city auditors,comptrollers,label\n")
    _touch_later(folder / "actors.csv")
    after = actors.find_mentions([d], lexicons=lex)  # the same object: it notices the edit
    assert after[after.label == "comptrollers"].actor.tolist() == ["city auditors", "city auditors"]
    fresh = nc.analyze(docs=[d], lexicons=folder)  # what a notebook's rerun does
    assert "city auditors" in set(fresh.tables["mentions"].actor)


def test_a_folder_lacking_a_file_falls_back_to_the_shipped_one(tmp_path):
    (tmp_path / "stance.csv").write_text("marker,category,pattern\nsurely,booster,surely\n", encoding="utf-8")
    lex = nc.Lexicons(tmp_path)
    assert lex.path("stance.csv") == tmp_path / "stance.csv"
    assert lex.path("frames.csv") == lexicons.SHIPPED / "frames.csv"
    d = doc("It will surely rain. It may rain.")
    mine = framing.stance_markers([d], lex)
    assert mine.marker.tolist() == ["surely"]  # "may" is a hedge only in the shipped file
    assert "may" in set(framing.stance_markers([d]).marker)


def test_a_frame_added_to_the_file_reaches_every_table(tmp_path):
    shipped = (lexicons.SHIPPED / "frames.csv").read_text(encoding="utf-8")
    (tmp_path / "frames.csv").write_text(shipped + "weather,drizzl\\w*,Does the story dwell on the weather?\n",
                                         encoding="utf-8")
    d = doc("A drizzle fell on the parade. Nobody minded.")
    assert "weather" in framing.frame_names(tmp_path)
    table = framing.frames_table([d], lexicons=tmp_path).set_index("frame")
    assert table.loc["weather", "sentences"] == 1


def test_a_broken_lexicon_names_its_file(tmp_path):
    (tmp_path / "cues.csv").write_text('cue,stance,kind\nsaid,neutral,speech,extra\n', encoding="utf-8")
    with pytest.raises(NewsCompareError, match=r"cues\.csv: line 2 has more fields"):
        sources.find_sources([doc("He said so.")], nc.Lexicons(tmp_path))
    with pytest.raises(NewsCompareError, match="is not a folder of lexicons"):
        nc.Lexicons(tmp_path / "missing")


def test_no_module_keeps_a_cache_of_lexicons():
    # third-party data built once
    models = {"_segmenter", "vader_analyser", "pattern_sentiment", "gazetteer", "cities", "_nicknamer"}
    for name in ("lexicons", "clean", "segment", "actors", "framing", "wording", "sources", "sentiment", "export"):
        module = importlib.import_module(f"newscompare.{name}")
        cached = [attr for attr, value in vars(module).items() if hasattr(value, "cache_info") and attr not in models]
        assert not cached, f"{name}: {cached}"


def test_the_memo_is_rebuilt_only_when_a_file_changes(tmp_path):
    folder = nc.copy_lexicons(tmp_path, ["equivalents.csv"])
    lex = nc.Lexicons(folder)
    first = framing.equivalents(lex)
    assert framing.equivalents(lex) is first  # nothing changed: the same object
    time.sleep(0.01)
    (folder / "equivalents.csv").write_text("word,concept\nplane,jet\nchopper,helicopter\n", encoding="utf-8")
    _touch_later(folder / "equivalents.csv")
    assert framing.equivalents(lex) == {"plane": "jet", "chopper": "helicopter"}


def test_an_edit_shows_on_the_next_run_of_a_notebook_in_the_same_kernel(tmp_path):
    """As in JupyterLab: the notebook runs, the user edits a lexicon, runs all cells again in the same
    kernel (imported modules stay loaded), and the edit is in the new output."""
    import nbformat

    from newscompare.report import NOTEBOOKS_DIR, execute_notebook, shared_kernel

    folder = nc.copy_lexicons(tmp_path / "mine", ["actors.csv"])
    articles = tmp_path / "articles"
    articles.mkdir()
    for name in ("a", "b"):
        (articles / f"{name}.txt").write_text(f"{TEXT} Reporters for outlet {name} waited.", encoding="utf-8")
    params = {"ARTICLES": [str(articles)], "OUTPUT": None, "LEXICONS": str(folder)}
    nb = NOTEBOOKS_DIR / "02_framing.ipynb"

    def mentions_output(dest):
        cells = nbformat.read(dest, as_version=4).cells
        return "".join(o.get("data", {}).get("text/plain", "") for c in cells if c.cell_type == "code"
                       for o in c.outputs)

    with shared_kernel(NOTEBOOKS_DIR) as km:
        first = mentions_output(execute_notebook(nb, tmp_path / "first.ipynb", params, km))
        with open(folder / "actors.csv", "a", encoding="utf-8") as fh:
            fh.write("city auditors,comptrollers,label\n")
        _touch_later(folder / "actors.csv")
        second = mentions_output(execute_notebook(nb, tmp_path / "second.ipynb", params, km))
    assert "city auditors" not in first and "city auditors" in second


def test_one_lexicons_per_folder_for_the_process_and_an_edit_still_shows(tmp_path):
    from newscompare import lexicons as lx

    assert lx.get(None) is lx.get(None)
    copy = nc.copy_lexicons(tmp_path / "mine", ["not_actors.txt"])
    shared = lx.get(copy)
    assert shared is lx.get(str(copy)) and "Zebedee" not in shared.lines("not_actors.txt")
    with open(copy / "not_actors.txt", "a", encoding="utf-8") as fh:
        fh.write("\nZebedee\n")
    assert "Zebedee" in lx.get(copy).lines("not_actors.txt")


def test_a_word_added_to_house_style_leaves_the_distinctive_terms(tmp_path):
    folder = nc.copy_lexicons(tmp_path / "lex", ["word_lists.csv"])
    docs = [doc("The wombat council met. The wombat council voted twice.", "a"),
            doc("The mayor spoke at length. The mayor left early.", "b")]
    assert "wombat" in set(framing.term_counts(docs, folder)["term"])
    with open(folder / "word_lists.csv", "a", encoding="utf-8") as f:
        f.write("house_style,wombat,\n")
    assert "wombat" not in set(framing.term_counts(docs, folder)["term"])
    assert "wombat" not in set(framing.distinctive_terms(docs, lexicons=folder)["term"])


def test_a_word_list_missing_from_an_edited_copy_is_named(tmp_path):
    folder = tmp_path / "lex"
    folder.mkdir()
    (folder / "word_lists.csv").write_text("list,word,about\nstopwords,the,\n", encoding="utf-8")
    with pytest.raises(NewsCompareError, match="house_style"):
        framing.content_skip(folder)


def test_word_alternation_matches_what_the_flat_longest_first_alternation_matches():
    import random
    import re

    from newscompare.lexicons import word_alternation

    words = ["said", "says", "saw", "say", "s", "according to", "accord", "told", "tell", "telling", "tel", "a.m."]
    flat = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    as_trie = word_alternation(words)
    for flags in (0, re.IGNORECASE):
        trie_re = re.compile(rf"(?<![\w])(?:{as_trie})(?![\w])", flags)
        flat_re = re.compile(rf"(?<![\w])(?:{flat})(?![\w])", flags)
        rng = random.Random(7)
        for _ in range(3000):
            text = " ".join(rng.choice(words + ["Said", "sai", "tells", "accordingly", "x", "a.m"]) for _ in range(6))
            assert [m.span() for m in trie_re.finditer(text)] == [m.span() for m in flat_re.finditer(text)], text
    assert re.fullmatch(word_alternation(["ab", "abc"]), "abc") and not re.fullmatch(word_alternation(["ab"]), "a")


def test_a_steady_block_checks_the_files_once_and_the_next_call_sees_an_edit(tmp_path):
    folder = lexicons.copy_lexicons(tmp_path / "lex", ["stance.csv"])
    lex = lexicons.Lexicons(folder)
    builds = []

    def build(x):
        builds.append(1)
        return x.text("stance.csv")

    with lex.steady():
        first = lex.compiled("k", build)
        (folder / "stance.csv").write_text(first + "totally,booster\n", encoding="utf-8")
        os.utime(folder / "stance.csv", ns=(time.time_ns() + 10**9,) * 2)
        assert lex.compiled("k", build) == first  # within the block: the state taken at its start
    assert "totally" in lex.compiled("k", build)  # the next block, or call, sees the edit
    assert len(builds) == 2
