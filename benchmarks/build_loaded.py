"""Add the emotive adjectives and adverbs of VADER's lexicon to ``loaded.csv``.

``lib/newscompare/data/loaded.csv`` holds words written by hand (kinds attack, praise, retreat,
saying, drama, extreme, label, judgement, intensity, action, phrase) and, below them, the rows this
script writes: VADER's words (Hutto & Gilbert 2014, MIT licence) with a mean valence of at least
THRESHOLD in either direction that TextBlob's bundled Brill lexicon (BSD) tags as an adjective or an
adverb, kind ``emotive``, mode ``model`` (evidence for the fitted model,
see loaded_model.py). Nouns and verbs are left out: in news they name what happened
("war", "killed"), not how it is told; so do a few adjectives (FACTUAL: "dead", "illegal", "best").
Rerun after changing the threshold; hand rows are kept.

    python benchmarks/build_loaded.py [--threshold 2.5]
"""

from __future__ import annotations

import argparse
import csv
import io
from pathlib import Path

import textblob
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

ROOT = Path(__file__).resolve().parents[1]
LOADED = ROOT / "lib" / "newscompare" / "data" / "loaded.csv"
# Words VADER scores that in news mostly report a fact or a ranking, not how it is told.
FACTUAL = frozenset("""dead fatal fatally suicidal illegal terrorist terroristic violent violently negative positive
rich poorest bankrupt successful sophisticated best worst superior great greatest""".split())
SOURCE = "VADER lexicon (Hutto & Gilbert 2014; MIT), adjectives and adverbs by TextBlob's Brill lexicon"


def brill_tags() -> dict[str, str]:
    path = Path(textblob.__file__).parent / "en" / "en-lexicon.txt"
    tags = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 2 and not line.startswith(";"):
            tags[parts[0]] = parts[1]
    return tags


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--threshold", type=float, default=2.5)
    args = ap.parse_args(argv)
    rows = [r for r in csv.DictReader(io.StringIO(LOADED.read_text(encoding="utf-8"))) if r["kind"] != "emotive"]
    have = {r["term"] for r in rows}
    tags = brill_tags()
    lexicon = SentimentIntensityAnalyzer().lexicon
    added = sorted(w for w, v in lexicon.items() if abs(v) >= args.threshold and w.isalpha() and w not in have
                   and w not in FACTUAL and tags.get(w, "").startswith(("JJ", "RB")))
    rows += [{"term": w, "kind": "emotive", "mode": "model", "source": SOURCE} for w in added]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=["term", "kind", "mode", "source"], lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    LOADED.write_text(out.getvalue(), encoding="utf-8")
    print(f"{LOADED.name}: {len(rows) - len(added)} rows by hand, {len(added)} emotive rows from VADER")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
