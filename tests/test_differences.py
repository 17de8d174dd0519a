"""The report's lead: the largest differences, each with the sentences behind it, on articles written
for the test."""

import warnings

from tests.helpers import doc

import newscompare as nc
from newscompare.differences import DIFFERENCE_COLUMNS, largest_differences

A = ("Police said the march was calm. The police chief said officers made no arrests. A police spokesman "
     "said the roads reopened. Police officers said the crowd left by noon. The rebels marched to the square. "
     "The rebels sang.")
B = ("Organisers said the march was calm. The rebels marched to the square. Ana Ruiz, a teacher, said she "
     "came with her children. The thugs sang loudly. The thugs waved flags.")


def analyse(*texts):
    docs = [doc(t, f"art{i}") for i, t in enumerate(texts)]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return docs, nc.build_tables(docs)


def test_the_largest_differences_name_the_articles_and_point_at_sentences():
    docs, tables = analyse(A, B)
    found = largest_differences(docs, tables)
    assert list(found.columns) == DIFFERENCE_COLUMNS
    sources = found[found.kind == "sources"].iloc[0]
    assert sources.finding.startswith("art0 cites") and "art1" in sources.finding
    texts = {(d.id, s.sentence): s.text for d in docs for s in d.sentences}
    assert sources.evidence and all(a == "art0" and "olice" in texts[(a, s)] for a, s in sources.evidence)


def test_one_article_has_no_differences():
    docs, tables = analyse(A)
    assert largest_differences(docs, tables).empty


def test_the_report_page_leads_with_the_differences():
    docs, tables = analyse(A, B)
    page = nc.reading.index_page(docs, tables, [])
    lead = page.index("What differs most")
    assert lead < page.index("Key figures") and 'href="#art0-s' in page[lead:page.index("Key figures")]


def test_a_figure_of_intervals_says_when_nothing_differs():
    import pandas as pd

    from newscompare.differences import interval_sentence

    apart = pd.DataFrame({"article": ["a", "b"], "mean": [-0.3, 0.2], "mean_low": [-0.4, 0.1],
                          "mean_high": [-0.2, 0.3]})
    assert "a (-0.30) lies below b (+0.20)" in interval_sentence(apart)
    overlapping = apart.assign(mean_low=[-0.4, -0.3], mean_high=[0.25, 0.3])
    assert "no difference this figure can show" in interval_sentence(overlapping)
