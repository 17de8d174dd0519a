import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from newscompare import corpus

ROOT = Path(__file__).resolve().parents[1]
SENTENCES = [
    "Turkish jets shot down a Russian bomber near the border on Tuesday.",
    "“We will not tolerate this,” President Vladimir Putin told reporters.",
    "The rebels allegedly killed the pilot as he parachuted to safety.",
    "According to the Defense Ministry, the navigator survived.",
    "Ankara claims the jet ignored ten warnings in five minutes.",
    "Analysts say the incident could clearly damage trade between the two countries.",
    "The terrorists distributed a video of the attack on their channel.",
    "Is this the end of the alliance?",
]


def write_corpus(folder: Path, n: int = 12) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    rows = ["id,file,group"]
    for i in range(n):
        text = "\n\n".join(" ".join(SENTENCES[(i + j + k) % len(SENTENCES)] for k in range(2)) for j in range(3))
        (folder / f"art{i:02d}.txt").write_text(text + "\n", encoding="utf-8")
        rows.append(f"art{i:02d},art{i:02d}.txt,outlet-{i % 2}")
    (folder / "articles.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return folder


def tables_of(out: Path) -> dict[str, pd.DataFrame]:
    return {name: corpus.sorted_for_comparison(corpus.read_table(out, name)) for name in corpus.PER_ARTICLE_TABLES}


def test_single_process_run_writes_every_table_and_groups(tmp_path):
    src = write_corpus(tmp_path / "in")
    (src / "broken.txt").write_bytes(b"")
    summary = corpus.analyze_corpus([src], tmp_path / "out", jobs=1, chunk=5)
    assert (summary.articles, summary.failed) == (12, 1)
    tables = tables_of(tmp_path / "out")
    assert set(tables["articles"].article) == {f"art{i:02d}" for i in range(12)}
    assert set(tables["sentences"].group) == {"outlet-0", "outlet-1"}
    errors = corpus.read_table(tmp_path / "out", "errors")
    assert errors.path.str.endswith("broken.txt").all() and errors.error.str.contains("empty").all()
    assert len(list((tmp_path / "out" / "parts" / "articles").glob("part-*.parquet"))) == 3  # chunks of 5
    groups = corpus.group_tables(tmp_path / "out")
    assert set(groups["sentiment"].group) == {"outlet-0", "outlet-1"}
    frames = groups["frames"]
    assert frames[frames.frame == "conflict"].sentences.sum() > 0
    assert {"group", "category", "per_1000"} <= set(groups["stance_rates"].columns)
    toward = tables["toward"]
    assert len(toward) == len(tables["mentions"]) + len(tables["pronouns"]) and toward.score.between(-1, 1).all()
    putin = groups["actor_sentiment"].query("actor == 'Vladimir Putin'")
    assert set(putin.group) == {"outlet-0", "outlet-1"}
    assert putin.mentions.sum() == (toward.actor == "Vladimir Putin").sum()
    mine = toward[toward.actor == "Vladimir Putin"]
    signs = mine.sentiment.map({"negative": -1, "neutral": 0, "positive": 1})
    assert (putin.net * putin.mentions).sum() == pytest.approx(signs.sum(), abs=1e-3)  # the net tone, as per article


def test_rerun_resumes_and_skips_done_articles(tmp_path):
    src = write_corpus(tmp_path / "in", 6)
    corpus.analyze_corpus([src], tmp_path / "out", jobs=1)
    for i in range(6, 9):
        (src / f"new{i}.txt").write_text(SENTENCES[i % len(SENTENCES)], encoding="utf-8")
    again = corpus.analyze_corpus([src], tmp_path / "out", jobs=1)
    assert (again.articles, again.skipped) == (3, 6)
    assert len(corpus.read_table(tmp_path / "out", "articles")) == 9


def test_two_processes_give_the_same_tables(tmp_path):
    src = write_corpus(tmp_path / "in")
    corpus.analyze_corpus([src], tmp_path / "one", jobs=1)
    corpus.analyze_corpus([src], tmp_path / "two", jobs=2)
    one, two = tables_of(tmp_path / "one"), tables_of(tmp_path / "two")
    for name in corpus.PER_ARTICLE_TABLES:
        pd.testing.assert_frame_equal(one[name], two[name], check_dtype=False)


def test_local_dask_cluster_gives_the_same_tables(tmp_path):
    distributed = pytest.importorskip("distributed")
    src = write_corpus(tmp_path / "in")
    corpus.analyze_corpus([src], tmp_path / "one", jobs=1)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  host="127.0.0.1") as cluster:
        corpus.analyze_corpus([src], tmp_path / "dask", scheduler=cluster.scheduler_address)
    one, dask_run = tables_of(tmp_path / "one"), tables_of(tmp_path / "dask")
    for name in corpus.PER_ARTICLE_TABLES:
        pd.testing.assert_frame_equal(one[name], dask_run[name], check_dtype=False)


def test_cli_corpus_progress_and_summary(tmp_path):
    src = write_corpus(tmp_path / "in", 4)
    proc = subprocess.run([sys.executable, "-m", "newscompare", "corpus", str(src), "--out", str(tmp_path / "out"),
                           "--jobs", "1"], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "4/4 articles (100%)" in proc.stderr and "articles analysed" in proc.stdout
    assert (tmp_path / "out" / "groups" / "sentiment.csv").is_file()


def test_cli_corpus_bad_path(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "newscompare", "corpus", str(tmp_path / "nope"), "--out",
                           str(tmp_path / "out")], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 2 and "no such file or folder" in proc.stderr and "Traceback" not in proc.stderr


def test_an_article_that_breaks_an_analysis_fails_alone(tmp_path, monkeypatch):
    from newscompare import framing

    real = framing.stance_markers

    def fragile(docs, lexicons=None):
        if any(d.id == "art03" for d in docs):
            raise RuntimeError("stance lexicon exploded")
        return real(docs, lexicons)

    monkeypatch.setattr(framing, "stance_markers", fragile)
    src = write_corpus(tmp_path / "in", 8)
    summary = corpus.analyze_corpus([src], tmp_path / "out", jobs=1, batch=4)
    assert (summary.articles, summary.failed) == (7, 1)
    errors = corpus.read_table(tmp_path / "out", "errors")
    assert errors.article.tolist() == ["art03"] and "RuntimeError: stance lexicon exploded" in errors.error[0]
    assert sorted(corpus.read_table(tmp_path / "out", "stance").article.unique()) == [
        f"art{i:02d}" for i in range(8) if i != 3]


def test_batch_size_does_not_change_the_tables(tmp_path):
    src = write_corpus(tmp_path / "in", 7)
    corpus.analyze_corpus([src], tmp_path / "one", jobs=1, batch=1)
    corpus.analyze_corpus([src], tmp_path / "many", jobs=1, batch=5)
    one, many = tables_of(tmp_path / "one"), tables_of(tmp_path / "many")
    for name in corpus.PER_ARTICLE_TABLES:
        pd.testing.assert_frame_equal(one[name], many[name], check_dtype=False)


def _no_duplicates_and_complete(out: Path, n: int) -> None:
    tables = {name: corpus.read_table(out, name) for name in corpus.PER_ARTICLE_TABLES}
    assert len(tables["articles"]) == tables["articles"].article.nunique() == n
    per_article = tables["sentences"].groupby("article").size()
    assert (per_article == tables["articles"].set_index("article").sentences.reindex(per_article.index)).all()
    assert not tables["sentences"].duplicated(["article", "sentence"]).any()
    assert set(tables["sentences"].article) == set(tables["articles"].article)


def test_a_chunk_left_half_written_is_dropped_and_its_articles_redone(tmp_path):
    src = write_corpus(tmp_path / "in", 10)
    out = tmp_path / "out"
    corpus.analyze_corpus([src], out, jobs=1, chunk=5)
    # As if the run had been killed while writing its second chunk: the analysis tables are there,
    # the articles part (written last) is not, and a temporary file is left over.
    (out / "parts" / "articles" / "part-000002.parquet").unlink()
    (out / "parts" / "term_counts" / ".part-000002.parquet.tmp").write_bytes(b"half")
    again = corpus.analyze_corpus([src], out, jobs=1, chunk=5)
    assert (again.articles, again.skipped) == (5, 5)
    assert not list(out.glob("parts/*/.part-*"))
    _no_duplicates_and_complete(out, 10)


def test_killed_corpus_run_resumes_to_the_same_tables(tmp_path):
    import os
    import signal
    import time

    src = write_corpus(tmp_path / "in", 40)
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "newscompare", "corpus", str(src), "--out", str(out), "--jobs", "1",
                             "--chunk", "3", "--batch", "1"], cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.time() + 120
    while not list(out.glob("parts/articles/part-*.parquet")) and time.time() < deadline and proc.poll() is None:
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    done_before = len(corpus.read_table(out, "articles"))
    assert 0 < done_before < 40, "the run should have been killed midway"
    again = corpus.analyze_corpus([src], out, jobs=1, chunk=3)
    assert again.skipped == done_before and again.articles == 40 - done_before
    _no_duplicates_and_complete(out, 40)
    corpus.analyze_corpus([src], tmp_path / "clean", jobs=1)
    for name in corpus.PER_ARTICLE_TABLES:
        pd.testing.assert_frame_equal(tables_of(out)[name], tables_of(tmp_path / "clean")[name], check_dtype=False)


def test_batches_keep_order_and_shrink_at_the_end_for_several_workers():
    items = list(range(100))
    one = corpus.make_batches(items, 16, workers=1)
    assert [len(b) for b in one] == [16] * 6 + [4]
    two = corpus.make_batches(items, 16, workers=2)
    assert sum(two, []) == items and max(map(len, two)) == 16
    assert all(len(a) >= len(b) for a, b in zip(two, two[1:])) and len(two[-1]) == 1  # shrinks to 1
    assert len(two) <= len(one) + 10  # a tail of small batches, not a flood


def test_a_full_disk_is_one_clear_error_and_leaves_no_half_chunk(tmp_path, monkeypatch):
    import errno

    from newscompare.errors import ReportError

    src = write_corpus(tmp_path / "in", 10)
    out = tmp_path / "out"
    corpus.analyze_corpus([src], out, jobs=1, chunk=5)  # the first run: two whole chunks
    real = pd.DataFrame.to_parquet
    written = []

    def fills_up(self, path, *args, **kwargs):
        if len(written) >= 3:  # the disk fills in the middle of a chunk
            raise OSError(errno.ENOSPC, "No space left on device")
        written.append(path)
        return real(self, path, *args, **kwargs)

    monkeypatch.setattr(pd.DataFrame, "to_parquet", fills_up)
    write_corpus(src, 12)  # two articles more: a third chunk
    with pytest.raises(ReportError, match=r"out: cannot be written: No space left on device.*unfinished chunk"):
        corpus.analyze_corpus([src], out, jobs=1, chunk=5)
    assert not list(out.glob("parts/*/.part-*"))
    assert not list(out.glob("parts/*/part-000003.parquet"))  # the unfinished chunk: removed
    monkeypatch.setattr(pd.DataFrame, "to_parquet", real)
    again = corpus.analyze_corpus([src], out, jobs=1, chunk=5)
    assert again.articles == 2  # the two new articles, once the disk has room
    _no_duplicates_and_complete(out, 12)
