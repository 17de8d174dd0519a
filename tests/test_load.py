import codecs
import warnings

import pytest

import newscompare as nc
from newscompare.errors import ArticleLoadError, NewsCompareError

TEXT = "The minister said the talks would go on. “We are not leaving,” she told reporters on Monday.\n"


def test_seeds_load_with_manifest_ids_and_titles(seed_docs):
    assert set(seed_docs) == {"su24-2015", "su25-2018"}
    art = seed_docs["su25-2018"].article
    assert art.title.startswith("A Russian jet was shot down")
    assert art.meta["encoding"] == "utf-8" and art.meta["format"] == "text"
    assert art.raw.startswith("Damascus\u00a0(GPA–")  # raw text kept exactly as read


@pytest.mark.parametrize("encoding,prefix", [("utf-8", b""), ("utf-8", codecs.BOM_UTF8),
                                             ("utf-16-le", codecs.BOM_UTF16_LE),
                                             ("utf-16-be", codecs.BOM_UTF16_BE)])
def test_unicode_encodings_decode_to_the_same_text(write, encoding, prefix):
    path = write("a.txt", prefix + TEXT.encode(encoding))
    art = nc.load_article(path)
    assert art.raw == TEXT
    assert art.id == "a"


def test_legacy_encoding_is_detected_and_reported(write):
    text = ("Le ministre a déclaré que les négociations continueraient. « Nous ne partons pas », "
            "a-t-elle dit aux journalistes. " * 3)
    path = write("fr.txt", text.encode("cp1252"))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        art = nc.load_article(path)
    assert "négociations" in art.raw
    assert art.meta["encoding"] != "utf-8"
    assert any("legacy encoding" in str(w.message) for w in caught)


def test_utf16_without_bom_is_decoded_with_a_warning(write):
    path = write("u16.txt", TEXT.encode("utf-16-le"))
    with pytest.warns(nc.NewsCompareWarning, match="without a byte-order mark"):
        art = nc.load_article(path)
    assert art.raw == TEXT


def test_mixed_utf8_and_cp1252_bytes_decode_both(write):
    data = "Putin called it a “stab in the back”.".encode() + b" The \x93accomplices\x94 in Turkey."
    path = write("mixed.txt", data)
    with pytest.warns(nc.NewsCompareWarning, match="mixed encodings"):
        art = nc.load_article(path)
    assert "“stab in the back”" in art.raw and "“accomplices”" in art.raw


def test_crlf_text_loads_unchanged(write):
    path = write("crlf.txt", TEXT.replace("\n", "\r\n") + "Second paragraph here.\r\n")
    assert "\r\n" in nc.load_article(path).raw


def test_html_main_text_and_title_are_extracted(write):
    page = ("<html><head><title>Jet downed over Idlib</title></head><body><nav><a href='/'>Home</a>"
            "<a href='/world'>World</a></nav><article><h1>Jet downed over Idlib</h1>"
            + "".join(f"<p>{TEXT.strip()} Paragraph {i} adds detail about the talks and the region.</p>"
                      for i in range(4))
            + "</article><footer>Copyright 2018 Example News</footer><script>var x = 1;</script></body></html>")
    art = nc.load_article(write("page.html", page))
    assert art.meta["format"] == "html"
    assert art.title == "Jet downed over Idlib"
    assert "We are not leaving" in art.raw
    assert "var x" not in art.raw and "Home" not in art.raw


@pytest.mark.parametrize("name,content,reason", [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b" \n\t\n  ", "whitespace"),
    ("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "PNG image"),
    ("binary.txt", b"abc\x00\x01\x02def\x00" * 50, "binary"),
    ("nav.html", b"<html><body><nav><a href='/'>Home</a></nav><script>x()</script></body></html>",
     "no article text"),
])
def test_bad_files_raise_the_library_error_naming_file_and_problem(write, name, content, reason):
    path = write(name, content)
    with pytest.raises(ArticleLoadError) as err:
        nc.load_article(path)
    assert str(path) in str(err.value) and reason in str(err.value)
    assert isinstance(err.value, NewsCompareError)


def test_missing_path_and_empty_folder_raise(tmp_path):
    with pytest.raises(ArticleLoadError, match="no such file"):
        nc.load_articles([tmp_path / "nope.txt"])
    with pytest.raises(ArticleLoadError, match="no article files"):
        nc.load_articles([tmp_path])


def test_duplicate_ids_are_renamed_with_a_warning(tmp_path):
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "story.txt").write_text(TEXT, encoding="utf-8")
    with pytest.warns(nc.NewsCompareWarning, match="already used"):
        arts = nc.load_articles([tmp_path / "a", tmp_path / "b"])
    assert [a.id for a in arts] == ["story", "story-2"]


def test_non_english_text_is_flagged(write):
    german = ("Das russische Flugzeug wurde über der Provinz Idlib abgeschossen. Der Pilot konnte sich "
              "mit dem Schleudersitz retten, wurde aber später getötet. Die Regierung in Moskau kündigte "
              "Vergeltung an und bombardierte mehrere Ziele in der Region.")
    with pytest.warns(nc.NewsCompareWarning, match="does not look like English"):
        art = nc.load_article(write("de.txt", german))
    assert art.meta["english"] is False


def test_input_files_are_not_modified(write):
    path = write("a.txt", TEXT)
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    nc.prepare([path])
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


def _manifest_folder(tmp_path, manifest: bytes):
    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text(f"Article {name} says the council met.", encoding="utf-8")
    (tmp_path / "articles.csv").write_bytes(manifest)
    return tmp_path


@pytest.mark.parametrize("encoding", ["utf-16", "cp1252", "utf-8-sig"])
def test_a_manifest_in_any_encoding_is_read(tmp_path, encoding):
    folder = _manifest_folder(tmp_path, "file,id,title\na.txt,a,Café crème\nb.txt,b,Plain\n".encode(encoding))
    docs = nc.load_articles([folder])
    assert {d.id: d.title for d in docs}["a"] == "Café crème"


def test_a_short_manifest_row_leaves_its_last_columns_empty(tmp_path):
    folder = _manifest_folder(tmp_path, b"file,id,title,group\na.txt,a\nb.txt,b,Plain,desk\n")
    docs = {d.id: d for d in nc.load_articles([folder])}
    assert docs["a"].meta.get("group", "") == "" and docs["b"].meta["group"] == "desk"


@pytest.mark.parametrize("manifest, problem", [
    (b"file,id\na.txt,a,extra,fields\n", "row 2 has more fields"),
    (b"file,id\na.txt,a\na.txt,again\n", "row 3 lists 'a.txt' a second time"),
    (b"file,id,title\n,x,A title\n", "row 2 names no file"),
])
def test_a_bad_manifest_row_is_named(tmp_path, manifest, problem):
    folder = _manifest_folder(tmp_path, manifest)
    with pytest.raises(ArticleLoadError, match=problem):
        nc.load_articles([folder])


def test_a_file_name_that_is_not_utf8_is_read_and_reported(tmp_path):
    import os

    folder = os.fsencode(tmp_path)
    with open(os.path.join(folder, b"caf\xe9.txt"), "w", encoding="utf-8") as fh:
        fh.write("The mayor said the plan was sound.")
    docs = nc.prepare([tmp_path])
    assert [d.id for d in docs] == ["café"]
    table = nc.articles_table(docs)
    assert table.path[0].endswith("café.txt")
    table.to_csv(tmp_path / "articles-out.csv")  # no surrogate left to break UTF-8 output
