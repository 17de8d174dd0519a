"""Resuming a corpus run keys on each article's identity (its id and the bytes of its file), never on
how its path is spelled: nothing is counted twice, a changed file replaces its old rows, and the final
tables equal those of one clean run."""

import os
import shutil
import subprocess
import sys
import warnings
from pathlib import Path

import pandas as pd
import pytest
from tests.test_corpus import ROOT, write_corpus

from newscompare import corpus

IGNORED = ["path", "source", "sha256"]  # how the file was named, not what was found in it


def tables(out: Path) -> dict[str, pd.DataFrame]:
    found = {}
    for name in corpus.PER_ARTICLE_TABLES:
        table = corpus.sorted_for_comparison(corpus.read_table(out, name))
        found[name] = table.drop(columns=[c for c in IGNORED if c in table]).reset_index(drop=True)
    return found


def assert_same_as_clean_run(out: Path, clean: Path) -> None:
    got, want = tables(out), tables(clean)
    for name in corpus.PER_ARTICLE_TABLES:
        pd.testing.assert_frame_equal(got[name], want[name], check_dtype=False, obj=name)


def run(paths, out: Path, **kw):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        summary = corpus.analyze_corpus(paths, out, jobs=1, **kw)
    return summary, [str(w.message) for w in caught]


@pytest.fixture
def src(tmp_path):
    return write_corpus(tmp_path / "in", 6)


@pytest.fixture
def clean(src, tmp_path):
    run([src], tmp_path / "clean")
    return tmp_path / "clean"


def test_the_same_folder_spelled_relative_then_absolute(src, clean, tmp_path, monkeypatch):
    monkeypatch.chdir(src.parent)
    run([Path("in")], tmp_path / "out")
    again, _ = run([src.resolve()], tmp_path / "out")
    assert (again.articles, again.skipped) == (0, 6)
    assert len(corpus.read_table(tmp_path / "out", "articles")) == 6
    assert_same_as_clean_run(tmp_path / "out", clean)


def test_the_same_folder_through_a_symbolic_link(src, clean, tmp_path):
    link = tmp_path / "link"
    link.symlink_to(src, target_is_directory=True)
    run([src], tmp_path / "out")
    again, _ = run([link], tmp_path / "out")
    assert again.skipped == 6 and len(corpus.read_table(tmp_path / "out", "articles")) == 6
    assert_same_as_clean_run(tmp_path / "out", clean)


def test_a_copy_in_another_folder_is_not_analysed_twice_and_is_named(src, clean, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(src, copy)
    run([src], tmp_path / "out")
    again, said = run([copy], tmp_path / "out")
    assert again.skipped == 6
    assert any("was analysed from" in m and "same content" in m for m in said)
    assert_same_as_clean_run(tmp_path / "out", clean)


def test_a_changed_file_is_analysed_again_and_replaces_its_rows(src, tmp_path):
    run([src], tmp_path / "out")
    (src / "art02.txt").write_text("Floods closed the harbour road. The mayor said repairs would take weeks.\n",
                                   encoding="utf-8")
    again, said = run([src], tmp_path / "out")
    assert (again.articles, again.skipped) == (1, 5)
    assert any("'art02' changed since it was analysed" in m for m in said)
    run([src], tmp_path / "fresh")  # one clean run on the files as they are now
    assert_same_as_clean_run(tmp_path / "out", tmp_path / "fresh")
    sentences = corpus.read_table(tmp_path / "out", "sentences")
    assert sentences[sentences.article == "art02"].text.str.contains("harbour").any()


def test_a_failed_article_fixed_later_is_analysed_and_its_error_dropped(src, tmp_path):
    (src / "late.txt").write_bytes(b"")
    first, _ = run([src], tmp_path / "out")
    assert first.failed == 1
    (src / "late.txt").write_text("The bridge reopened on Friday, officials said.\n", encoding="utf-8")
    again, _ = run([src], tmp_path / "out")
    assert again.articles == 1 and corpus.read_table(tmp_path / "out", "errors").empty
    assert "late" in set(corpus.read_table(tmp_path / "out", "articles").article)


def test_cli_resume_with_the_folder_spelled_differently(src, tmp_path):
    out = tmp_path / "out"
    for spelling, cwd in (("in", src.parent), (str(src.resolve()), ROOT)):
        proc = subprocess.run([sys.executable, "-m", "newscompare", "corpus", spelling, "--out", str(out), "--jobs",
                               "1"], capture_output=True, text=True, cwd=cwd, timeout=300)
        assert proc.returncode == 0, proc.stderr
    articles = corpus.read_table(out, "articles")
    assert len(articles) == articles.article.nunique() == 6
    groups = pd.read_csv(out / "groups" / "groups.csv")
    assert groups.articles.sum() == 6  # the group comparisons count each article once
    assert os.path.realpath(src) in set(articles.source.map(os.path.dirname))


def test_a_deleted_or_renamed_file_loses_its_rows_on_a_rerun(tmp_path):
    import warnings

    import pytest

    from newscompare import NewsCompareWarning, corpus

    src = tmp_path / "in"
    src.mkdir()
    for name in ("a", "b", "c"):
        (src / f"{name}.txt").write_text(f"Article {name}: the council met and said the plan was fine.",
                                         encoding="utf-8")
    out = tmp_path / "out"
    corpus.analyze_corpus([src], out, jobs=1)
    (src / "a.txt").unlink()
    (src / "b.txt").rename(src / "b2.txt")
    with pytest.warns(NewsCompareWarning, match="is gone") as caught:
        warnings.simplefilter("always")
        again = corpus.analyze_corpus([src], out, jobs=1)
    assert sum("is gone" in str(w.message) for w in caught) == 2
    assert (again.articles, again.skipped) == (1, 1)  # b2 is new; c is done
    articles = corpus.read_table(out, "articles")
    assert sorted(articles.article) == ["b2", "c"]
    assert set(corpus.read_table(out, "sentences").article) == {"b2", "c"}


def test_a_second_run_into_the_same_out_is_refused_while_the_first_holds_it(tmp_path):
    import os
    import socket

    import pytest

    from newscompare import corpus
    from newscompare.errors import ReportError

    out = tmp_path / "out"
    out.mkdir()
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("The council met on Monday.", encoding="utf-8")
    lock = out / corpus.LOCK_NAME
    lock.write_text(f"{os.getppid()} {socket.gethostname()}\n", encoding="utf-8")  # a live process holds it
    with pytest.raises(ReportError, match="another corpus run"):
        corpus.analyze_corpus([src], out, jobs=1)
    lock.write_text(f"999999999 {socket.gethostname()}\n", encoding="utf-8")  # its process is gone
    assert corpus.analyze_corpus([src], out, jobs=1).articles == 1
    assert not lock.exists()  # released at the end
