"""Whatever a scraper saved: every input gets a defined answer, nothing is lost or overwritten."""

import os
import signal
import subprocess
import sys
import time
import warnings
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newscompare as nc
from newscompare import framing, sentiment, sources
from newscompare.clean import rebuild_raw
from newscompare.errors import NewsCompareError

ROOT = Path(__file__).resolve().parents[1]
ALPHABET = st.one_of(
    st.characters(codec="utf-8", exclude_categories=("Cs",)),  # anything, control characters included
    st.sampled_from(list("“”‘’\"'.,;:!? \n\n\r\t\u00a0\u200b")
                    + ["\u0645\u0631\u062d\u0628\u0627", "😀", "Related: x\n"]),
)


def check_document(doc):
    assert rebuild_raw(doc.cleaned.text, doc.cleaned.edits) == doc.article.raw
    prev_end = 0
    for s in doc.sentences:
        assert prev_end <= s.start < s.end <= len(doc.article.raw)
        assert 0 <= s.clean_start < s.clean_end <= len(doc.text)
        prev_end = s.end


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(ALPHABET, max_size=120).map("".join))
def test_any_text_loads_cleans_and_segments_or_raises_our_error(tmp_path, text):
    path = tmp_path / "any.txt"
    path.write_bytes(text.encode("utf-8", errors="surrogatepass"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            docs = nc.prepare([path])
        except NewsCompareError as exc:
            assert str(path) in str(exc)
            return
    check_document(docs[0])


@settings(max_examples=25, deadline=None)
@given(st.lists(ALPHABET, max_size=60).map("".join))
def test_analyses_return_well_formed_tables_for_any_text(text):
    doc = nc.segment(nc.Article("t", Path("t.txt"), text or " ", "t"))
    check_document(doc)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert list(framing.find_mentions([doc]).columns) == framing.MENTION_COLUMNS
        assert list(framing.stance_markers([doc]).columns) == framing.STANCE_COLUMNS
        assert list(framing.frames_table([doc]).columns) == framing.FRAME_COLUMNS
        assert list(sources.find_sources([doc]).columns) == sources.SOURCE_COLUMNS
        assert list(sentiment.sentence_scores([doc]).columns) == sentiment.SENTENCE_SCORE_COLUMNS


@pytest.mark.parametrize("text", ["Jets.", "Rebels downed a jet", "A B C D E F G H I J"])
def test_articles_of_one_and_a_few_words_warn_and_work(text):
    doc = nc.segment(nc.Article("t", Path("t.txt"), text, "t"))
    with pytest.warns(nc.NewsCompareWarning):
        framing.check_lengths([doc])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        scores = sentiment.sentence_scores([doc])
        assert len(scores) == len(doc.sentences) >= 1
        assert len(sentiment.article_summary(scores)) == 1
        assert framing.align_content([doc]).empty


def test_long_line_without_punctuation():
    text = ("word " * 20000).strip()
    doc = nc.segment(nc.Article("t", Path("t.txt"), text, "t"))
    check_document(doc)
    assert sum(s.words for s in doc.sentences) == 20000


# ----------------------------------------------------------------------------------- the gallery
GERMAN = ("Das russische Kampfflugzeug wurde am Samstag über der Provinz Idlib abgeschossen. Der Pilot konnte "
          "sich mit dem Schleudersitz retten, wurde aber später von den Kämpfern getötet. Die Regierung in Moskau "
          "kündigte Vergeltung an und bombardierte mehrere Ziele in der Region.")
ARABIC = ("أسقطت فصائل المعارضة طائرة حربية روسية فوق محافظة إدلب يوم السبت. وقالت وزارة الدفاع الروسية إن الطيار "
          "قفز بالمظلة لكنه قتل لاحقا في اشتباك مع المسلحين على الأرض.")
ENGLISH = "The jet was shot down over Idlib on Saturday. “We will respond,” the ministry said in a statement.\n"


def gallery(folder: Path) -> dict[str, tuple[str, str]]:
    """Write the bad files; name -> (expected answer, text the message or warning must contain)."""
    files = {
        "empty.txt": (b"", "error", "empty"),
        "blank.txt": (b"  \n\t \n", "error", "whitespace"),
        "picture.txt": (b"\x89PNG\r\n\x1a\n" + os.urandom(2000), "error", "PNG image"),
        "utf16_nobom.txt": (ENGLISH.encode("utf-16-le"), "warn", "without a byte-order mark"),
        "mixed.txt": (ENGLISH.encode("utf-8") + b"The \x93rebels\x94 fled.", "warn", "mixed encodings"),
        "mojibake.txt": ("The â€œvettedâ€\x9d rebels fled the city after the attack on the base.".encode("utf-8"),
                         "warn", "mojibake"),
        "huge.txt": (b"The jet was downed. " * (50 * 1024 * 1024 // 20), "error", "larger than any article"),
        "nav.html": (b"<html><head><script>var a=1;</script></head><body><nav><a href='/'>Home</a><a href='/w'>"
                     b"World</a></nav><script>track()</script></body></html>", "error", "no article text"),
        "german.txt": (GERMAN.encode("utf-8"), "warn", "does not look like English"),
        "arabic.txt": (ARABIC.encode("utf-8"), "warn", "does not look like English"),
    }
    for name, (data, _, _) in files.items():
        (folder / name).write_bytes(data)
    return {name: (kind, text) for name, (_, kind, text) in files.items()}


def test_gallery_each_file_gets_a_defined_answer(tmp_path):
    for name, (kind, text) in gallery(tmp_path).items():
        path = tmp_path / name
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                doc = nc.prepare([path])[0]
            except NewsCompareError as exc:
                assert kind == "error", (name, exc)
                assert str(path) in str(exc) and text in str(exc), (name, exc)
                continue
        assert kind == "warn", name
        assert any(text in str(w.message) for w in caught), (name, [str(w.message) for w in caught])
        check_document(doc)


def test_mojibake_is_repaired_with_quotes_kept(tmp_path):
    gallery(tmp_path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        doc = nc.prepare([tmp_path / "mojibake.txt"])[0]
    assert "“vetted”" in doc.text and "mojibake" in set(doc.cleaned.removals().rule)


def test_non_english_is_not_scored(tmp_path):
    gallery(tmp_path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        docs = nc.prepare([tmp_path / "german.txt", tmp_path / "arabic.txt"])
        scores = sentiment.sentence_scores(docs)
    assert scores[sentiment.SCORE_COLUMNS].isna().all().all()


def test_cli_on_the_gallery_names_every_problem(tmp_path):
    expected = gallery(tmp_path)
    proc = subprocess.run([sys.executable, "-m", "newscompare", "report", str(tmp_path), "--out",
                           str(tmp_path / "out")], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    errors = [line for line in proc.stderr.splitlines() if line.startswith("newscompare: error:")]
    bad = sorted(n for n, (kind, _) in expected.items() if kind == "error")
    assert len(errors) == len(bad)
    for name, line in zip(bad, sorted(errors)):
        assert name in line and expected[name][1] in line and "(" in line  # file, reason, what to do
    assert "--skip-bad" in proc.stderr
    assert not (tmp_path / "out").exists()


def test_cli_debug_shows_the_traceback(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    proc = subprocess.run([sys.executable, "-m", "newscompare", "--debug", "report", str(tmp_path / "empty.txt")],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode != 0 and "Traceback" in proc.stderr


def test_killed_report_leaves_earlier_report_whole_and_no_complete_looking_one(tmp_path):
    earlier = tmp_path / "reports" / "seeds"
    earlier.mkdir(parents=True)
    (earlier / "index.html").write_text("earlier report", encoding="utf-8")
    before = {p: p.read_bytes() for p in (ROOT / "notebooks").glob("*.ipynb")}
    proc = subprocess.Popen([sys.executable, "-m", "newscompare", "report", str(ROOT / "seeds")], cwd=tmp_path,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    deadline = time.time() + 120
    seen = ""
    while "[2/5]" not in seen and time.time() < deadline:  # wait until the second notebook runs
        line = proc.stdout.readline()
        if not line:
            break
        seen += line
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert "[2/5]" in seen
    assert (earlier / "index.html").read_text(encoding="utf-8") == "earlier report"
    assert not (tmp_path / "reports" / "seeds-2").exists()  # nothing that looks complete
    assert list((tmp_path / "reports").glob(".seeds-2.partial-*"))
    assert {p: p.read_bytes() for p in (ROOT / "notebooks").glob("*.ipynb")} == before


NEWS_TOKENS = st.sampled_from(
    ["said", "says", "told", "according", "to", "added", "John", "Doe", "Ana", "Ruiz", "Sen.", "Mr.", "the",
     "senator", "a", "farmer", "he", "she", "they", "it", "who", "and", "of", "Party", "reckless", "plan", ",",
     ".", ":", ";", "!", "?", "“", "”", '"', "'", "‘", "’", "...", "—", "(", ")", "campaign", "manager", "in",
     "Washington", "New", "York", "Times", "Fox", "which", "was", "a", "“It", "is”", "fail", "wall!”"])


@settings(max_examples=40, deadline=None)
@given(st.lists(NEWS_TOKENS, min_size=1, max_size=80).map(" ".join))
def test_every_table_is_built_for_any_run_of_news_words(text):
    """Runs of cue verbs, names, roles and stray quotation marks, with or without closing punctuation
    (a sentence ending in "said John Doe" once indexed past its last token)."""
    doc = nc.segment(nc.Article("t", Path("t.txt"), text, "t"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        tables = nc.build_tables([doc])
    assert list(tables["sources"].columns) == sources.SOURCE_COLUMNS
    assert len(tables["sentences"]) == len(doc.sentences)


@pytest.mark.parametrize("text", ["The plan would fail said John Doe", "The plan would fail, said campaign manager "
                                  "John Doe", "“The plan would fail” told reporters Ana Ruiz"])
def test_a_cue_and_name_at_the_very_end_of_a_text_is_found(text):
    table = sources.find_sources([nc.segment(nc.Article("t", Path("t.txt"), text, "t"))])
    assert table["source"].str.contains("Doe|Ruiz").any()


def test_a_report_that_cannot_be_written_is_one_error_and_leaves_nothing(tmp_path, monkeypatch):
    import errno

    from newscompare import export
    from newscompare.report import write_report

    def fills_up(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(export, "write_tables", fills_up)
    out = tmp_path / "reports" / "full"
    with pytest.raises(nc.ReportError, match="full: cannot be written: No space left on device.*was removed"):
        write_report([ROOT / "seeds"], out, notebooks=[ROOT / "notebooks" / "01_articles.ipynb"],
                     progress=lambda _: None)
    assert list((tmp_path / "reports").iterdir()) == []  # no partial folder left on the full disk
