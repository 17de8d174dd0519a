"""HTML: the side-by-side reading view and the report's index page.

The reading view renders the articles in columns, one sentence after another, with highlights for
quotations, cue verbs, actor labels, hedges, boosters, scare quotes and loaded words, and each sentence's sentiment
as a coloured bar at its left. Hovering shows the evidence (scores, the source a cue attributes to).
"""

from __future__ import annotations

import bisect
import html
from pathlib import Path

import pandas as pd

from .segment import Document

CSS = """
.nc-legend span { margin-right: .8em; padding: 0 .25em; }
.nc-columns { display: grid; grid-template-columns: repeat(var(--n), minmax(18em, 1fr)); gap: 1.5em; }
.nc-article h3 { margin: .2em 0; font-size: 1.05em; }
.nc-article .nc-meta { color: #555; font-size: .85em; margin-bottom: .6em; }
.nc-par { margin: 0 0 .8em 0; line-height: 1.5; }
.nc-sent { border-left: 5px solid var(--bar); padding-left: .3em; margin-right: .1em; }
.nc-heading { font-weight: bold; display: block; }
.quote { background: #fff3c4; }
.cue { font-weight: bold; text-decoration: underline; }
.actor { border-bottom: 2px solid #1b6ca8; }
.epithet { background: #e4eef7; border-bottom: 2px dotted #1b6ca8; }
.hedge { background: #e3d7f4; }
.booster { background: #d3efe3; }
.scare_quote { outline: 2px dashed #d1495b; }
.loaded { color: #a4161a; font-weight: 600; }
.rhetorical_question, .exclamation { background: #fde0dc; }
.nc-bar { display: inline-block; width: 2.2em; height: .8em; vertical-align: middle; }
"""

LEGEND = [("quote", "quotation"), ("cue", "cue verb (who says)"), ("actor", "actor label"),
          ("epithet", "epithet (how the article describes an actor)"), ("hedge", "hedge"),
          ("booster", "booster"), ("scare_quote", "scare quote"), ("loaded", "loaded word"),
          ("rhetorical_question", "question / exclamation")]


def sentiment_colour(value: float) -> str:
    """Red for negative, grey for neutral, blue for positive; stronger with the score (-1..1)."""
    v = max(-1.0, min(1.0, float(value))) if pd.notna(value) else 0.0
    strength = min(1.0, abs(v) / 0.4)  # +-0.4 on the combined scale is already strongly worded
    base = (209, 73, 91) if v < 0 else (27, 108, 168)
    grey = (200, 200, 200)
    r, g, b = (round(grey[i] + (base[i] - grey[i]) * strength) for i in range(3))
    return f"rgb({r},{g},{b})"


def _spans(doc: Document, tables: dict[str, pd.DataFrame]) -> list[tuple[int, int, str, str]]:
    """(clean start, end, css class, tooltip) for every highlight of one article."""
    spans = [(q.start, q.end, "quote", "quotation") for q in doc.quotes]
    m = tables["mentions"]
    for r in m[m["article"] == doc.id].itertuples():
        spans.append((r.start, r.end, "actor", f"actor: {r.actor}"))
    ep = tables.get("epithets", pd.DataFrame(columns=["article"]))
    for r in ep[ep["article"] == doc.id].itertuples():
        spans.append((r.start, r.end, "epithet", f"epithet ({r.kind}) for {r.actor}"))
    st = tables["stance"]
    for r in st[st["article"] == doc.id].itertuples():
        spans.append((r.start, r.end, r.category, f"{r.category.replace('_', ' ')}: {r.words}"))
    lw = tables.get("loaded", pd.DataFrame(columns=["article"]))
    for r in lw[lw["article"] == doc.id].itertuples():
        others = "no other article uses it" if r.others == 0 else f"{r.others} other article(s) use it too"
        voice = "in a quotation" if r.in_quote else "in the author's voice"
        spans.append((r.start, r.end, "loaded", f"loaded word ({r.kind}, an expert would mark it with probability "
                                                f"{r.score:.2f}, {voice}): {r.term}; {others}"))
    so = tables["sources"]
    for r in so[(so["article"] == doc.id) & (so["sentence"] >= 0)].itertuples():
        role = f" ({r.role})" if r.role else ""
        tip = f"{r.kind} attribution to {r.source}{role}; cue '{r.cue}', {r.cue_stance}; found by {r.confidence}"
        spans.append((r.start, r.end, "cue", tip))
    return spans


def _spans_by_sentence(doc: Document, spans) -> dict[int, list]:
    """Each highlight under every sentence it overlaps (bisection: the cost grows with the number of
    overlaps, not with sentences x highlights)."""
    out: dict[int, list] = {}
    starts = [x.clean_start for x in doc.sentences]
    for span in spans:
        first = doc.sentence_at(span[0])
        if first < 0:  # in the gap between sentences: the next sentence is the first it can touch
            first = bisect.bisect_left(starts, span[0])
        for sent in doc.sentences[first:]:
            if sent.clean_start >= span[1]:
                break
            out.setdefault(sent.sentence, []).append(span)
    return out


def _render_sentence(doc: Document, sent, spans, score_row) -> str:
    text = doc.text
    a, b = sent.clean_start, sent.clean_end
    classes: list[dict[str, str]] = [dict() for _ in range(b - a)]
    for s, e, cls, tip in spans:
        for i in range(max(s, a), min(e, b)):
            classes[i - a][cls] = tip
    out, i = [], a
    while i < b:
        key = tuple(sorted(classes[i - a]))
        j = i
        while j < b and tuple(sorted(classes[j - a])) == key:
            j += 1
        chunk = html.escape(text[i:j])
        if key:
            tips = "; ".join(dict.fromkeys(classes[i - a][k] for k in key))
            out.append(f'<span class="{" ".join(key)}" title="{html.escape(tips)}">{chunk}</span>')
        else:
            out.append(chunk)
        i = j
    if score_row is None:
        bar, title = "#ccc", f"sentence {sent.sentence}"
    else:
        bar = sentiment_colour(score_row["combined"])
        title = (f"sentence {sent.sentence}: combined {score_row['combined']:+.2f}, VADER "
                 f"{score_row['vader_compound']:+.2f}, TextBlob {score_row['tb_polarity']:+.2f}")
    cls = "nc-sent nc-heading" if sent.heading else "nc-sent"
    anchor = f"{html.escape(doc.id)}-s{sent.sentence}"
    return f'<span class="{cls}" style="--bar:{bar}" title="{html.escape(title)}" id="{anchor}">{"".join(out)}</span> '


def reading_view(docs: list[Document], tables: dict[str, pd.DataFrame]) -> str:
    """The articles side by side as an HTML fragment (with its own <style>), with a legend."""
    scores = tables["sentences"].set_index(["article", "sentence"])
    cols = []
    for d in docs:
        spans = _spans_by_sentence(d, _spans(d, tables))
        pars: dict[int, list[str]] = {}
        for s in d.sentences:
            row = scores.loc[(d.id, s.sentence)] if (d.id, s.sentence) in scores.index else None
            pars.setdefault(s.paragraph, []).append(_render_sentence(d, s, spans.get(s.sentence, []), row))
        meta = d.article.meta
        where = ", ".join(x for x in (meta.get("dateline_place", ""), meta.get("dateline_agency", "")) if x)
        body = "".join(f'<p class="nc-par">{"".join(p)}</p>' for p in pars.values())
        cols.append(f'<div class="nc-article"><h3>{html.escape(d.id)}</h3><div class="nc-meta">'
                    f'{html.escape(d.article.title)} · {d.words} words'
                    + (f" · dateline {html.escape(where)}" if where else "")
                    + f"</div>{body}</div>")
    legend = "".join(f'<span class="{c}">{html.escape(label)}</span>' for c, label in LEGEND)
    bars = "".join(f'<span class="nc-bar" style="background:{sentiment_colour(v)}"></span> {lab} '
                   for v, lab in ((-0.4, "negative"), (0.0, "neutral"), (0.4, "positive")))
    return (f"<style>{CSS}</style><div class='nc-reading'><div class='nc-legend'>{legend}</div>"
            f"<div class='nc-legend'>Sentence bar (combined sentiment): {bars} · hover a sentence or a highlight for "
            f"its evidence</div><div class='nc-columns' style='--n:{len(docs)}'>{''.join(cols)}</div></div>")


PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 1.5rem 2rem; color: #222; max-width: 110em; }}
table {{ border-collapse: collapse; margin: .5em 0 1em; }}
td, th {{ border: 1px solid #ccc; padding: .25rem .5rem; vertical-align: top; text-align: left; }}
.nc-scroll {{ max-width: 100%; overflow-x: auto; }}
.nc-figures figure {{ margin: 0 0 2em 0; }}
.nc-figures img {{ max-width: 100%; height: auto; border: 1px solid #ddd; }}
</style></head><body>
<h1>{title}</h1>
{body}
</body></html>
"""


def _actor_grid(table: pd.DataFrame, cell, top: int) -> str:
    """Actor x article for the ``top`` actors named most, each cell ``cell(row)``, as HTML."""
    keep = table.groupby("actor")["mentions"].sum().nlargest(top).index
    mine = table[table["actor"].isin(keep)]
    cells = mine.assign(cell=[cell(r) for r in mine.itertuples()])
    grid = cells.pivot(index="actor", columns="article", values="cell").fillna("–").loc[list(keep)]
    grid.columns.name, grid.index.name = None, None  # no stray header row of the pivot's names
    return "<div class='nc-scroll'>" + grid.to_html(border=0, escape=True) + "</div>"


def _portrayal_table(tables: dict[str, pd.DataFrame], top: int = 12) -> str:
    """Actor x article: 'tone (mentions) verdict' of the portrayal table; for a bundle saved before it,
    actor_sentiment's 'mean (mentions)'."""
    table = tables.get("portrayal")
    if table is None:
        table = tables.get("actor_sentiment")
        if table is None or table.empty or "mean_target" not in table:
            return "<p>No actor is named in these articles.</p>"
        return _actor_grid(table, lambda r: f"{r.mean_target:+.2f} ({r.mentions})"
                           + (" unclear" if getattr(r, "verdict", "") == "unclear" else ""), top)
    if table.empty:
        return "<p>No actor is named in these articles.</p>"
    return _actor_grid(table, lambda r: f"{r.tone:+.2f} ({r.mentions}) {r.verdict}", top)


def differences_html(docs: list[Document], tables: dict[str, pd.DataFrame], compare_by: str = "article") -> str:
    """The report's lead: the largest differences between the articles (or groups), each a sentence
    with links to the sentences of the reading view behind it."""
    from .differences import largest_differences

    found = largest_differences(docs, tables, compare_by)
    if found.empty:
        return ("<p>No difference large enough to lead with: the sources, the loaded wording in the authors' own "
                "voice and the labels do not differ beyond their intervals or thin evidence. The tables below "
                "have the details.</p>")
    items = []
    for r in found.itertuples(index=False):
        links = ", ".join(f'<a href="#{html.escape(a)}-s{s}">{html.escape(a)} sentence {s}</a>' for a, s in r.evidence)
        items.append(f"<li><b>{html.escape(r.kind)}</b>: {html.escape(r.finding)}"
                     + (f" <span class='nc-evidence'>Evidence: {links}</span>" if links else "") + "</li>")
    return ("<p>The largest differences the tables show, each with the sentences behind it (links into the "
            "reading view below). Tone toward an actor is left out: see how far to trust each table.</p>"
            f"<ol>{''.join(items)}</ol>")


def trust_table() -> pd.DataFrame:
    """How far to trust each table: its measured accuracy on real annotated news, the corpus and the
    command that gives the figure (``data/trust.csv``, kept with benchmarks/RESULTS.md)."""
    from .lexicons import SHIPPED

    return pd.read_csv(SHIPPED / "trust.csv", dtype=str, keep_default_na=False)


def index_page(docs: list[Document], tables: dict[str, pd.DataFrame], notebooks: list[str],
               figures: list[Path] = (), key: pd.DataFrame | None = None, compare_by: str = "article") -> str:
    """The report's front page: key figures side by side, actor labels, the reading view, the
    figures (each linked to its data), the executed notebooks and the CSV tables."""
    from .export import key_figures
    from .framing import label_comparison
    from .groups import compare_by_note, group_map
    from .portrayal import trust_sentence

    key = key_figures(docs, tables) if key is None else key
    labels = label_comparison(tables["actors"])
    nb_links = "".join(f'<li><a href="notebooks/{html.escape(Path(n).with_suffix(".html").name)}">'
                       f'{html.escape(n)}</a></li>' for n in notebooks)
    tab_links = "".join(f'<li><a href="tables/{n}.csv">{n}.csv</a> ({len(t)} rows)</li>' for n, t in tables.items())
    figs = "".join(
        f'<figure><a href="figures/{f.name}"><img src="figures/{f.name}" alt="{html.escape(f.stem)}"></a>'
        f'<figcaption>{html.escape(f.stem)} (click for full size) · <a href="figures/{f.stem}.csv">data</a>'
        f'</figcaption></figure>'
        for f in figures)
    groups = group_map(docs, compare_by)
    members = "".join(f"<li>{html.escape(g)}: {html.escape(', '.join(d.id for d in docs if groups[d.id] == g))}</li>"
                      for g in dict.fromkeys(groups.values())) if compare_by != "article" else ""
    body = (
        f"<p class='nc-compared'>{html.escape(compare_by_note(compare_by))}</p>"
        + (f"<ul>{members}</ul>" if members else "")
        + "<h2>What differs most</h2>" + differences_html(docs, tables, compare_by)
        + "<h2>Key figures</h2><div class='nc-scroll'>" + key.to_html(border=0, escape=True) + "</div>"
        + "<h2>How each article labels the actors they share</h2><p>Descriptive labels (words of their own, such "
        "as \"rebels\" or \"Obama Regime\"); * marks a label only that article uses. Name variants (a surname, a "
        "name with its title) are in the last column: they are habit, not framing.</p>"
        + ("<div class='nc-scroll'>" + labels.rename_axis(index=None).to_html(border=0, escape=True) + "</div>"
           if not labels.empty
           else "<p>No actor is named by more than one article.</p>")
        + "<h2>How each article portrays the actors</h2><p>The tone toward each actor (-1 negative, +1 positive), "
        "the mentions it rests on and the verdict, from the sentences about the actor: the sentiment toward it in "
        "the author's words and in the quotations chosen, whether it speaks, loaded wording, its epithets, what "
        "only this article reports. \"unclear\": fewer than three mentions, or evidence pulling both ways. "
        "Notebook 03 lists the sentences each verdict rests on. " + html.escape(trust_sentence()) + "</p>"
        + _portrayal_table(tables)
        + "<h2>Reading view</h2>" + reading_view(docs, tables)
        + "<h2>How far to trust each table</h2><p>Each analysis measured on real news annotated by people "
        "(the development splits; the command gives the figure). A table that is right most of the time is "
        "still wrong somewhere: the evidence column of each row is there to check it.</p>"
        + "<div class='nc-scroll'>" + trust_table().to_html(border=0, escape=True, index=False) + "</div>"
        + (f"<h2>Figures</h2><div class='nc-figures'>{figs}</div>" if figs else "")
        + f"<h2>Notebooks</h2><ul>{nb_links}</ul><h2>Tables (CSV)</h2><ul>{tab_links}</ul>"
    )
    return PAGE.format(title=html.escape(f"newscompare: {', '.join(d.id for d in docs)}"), body=body)
