"""Is the whole analysis per article as fast as in an older checkout? Times ``nc.analyze`` on the
articles of BASIL events (each event's three articles together, as a user compares them) in this
checkout and in another, alternated run by run in fresh processes, and prints the medians and
their ratio (this checkout over the other). For a change that should cost nothing (a refactor).

    git worktree add /tmp/old COMMIT
    python benchmarks/compare_speed.py --against /tmp/old [--events 10] [--repeat 5]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BASIL = ROOT.parent / "shared" / "data" / "basil" / "articles"

# Run in each checkout: write the events' articles, analyse each event, print the seconds.
TIMED = r"""
import json, sys, tempfile, time, warnings
from pathlib import Path
import newscompare as nc
events, basil = int(sys.argv[1]), Path(sys.argv[2])
names = sorted({p.name.rsplit("_", 1)[0] for p in basil.glob("*/*.json")})[:events]
with tempfile.TemporaryDirectory() as tmp, warnings.catch_warnings():
    warnings.simplefilter("ignore")
    folders = []
    for e in names:
        folder = Path(tmp) / e
        folder.mkdir()
        for p in sorted(basil.glob(f"*/{e}_*.json")):
            art = json.loads(p.read_text(encoding="utf-8"))
            text = art["title"] + "\n\n" + "\n\n".join(" ".join(par) for par in art["body-paragraphs"])
            (folder / f"{p.stem}.txt").write_text(text, encoding="utf-8")
        folders.append(folder)
    def analysed(folder):  # nc.analyze, or prepare and build_tables in a checkout from before it
        if hasattr(nc, "analyze"):
            return len(nc.analyze([folder], "article").docs)
        from newscompare import export
        docs = nc.prepare([folder])
        export.build_tables(docs)
        return len(docs)
    analysed(folders[0])  # warm: imports, lexicons, models
    t0 = time.process_time()
    articles = sum(analysed(f) for f in folders)
    print(json.dumps({"seconds": time.process_time() - t0, "articles": articles}))
"""


def timed(lib: Path, events: int) -> dict:
    env = {**os.environ, "PYTHONPATH": str(lib), "MPLBACKEND": "Agg"}
    out = subprocess.run([sys.executable, "-c", TIMED, str(events), str(BASIL)], env=env, capture_output=True,
                         text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--against", type=Path, required=True, help="the other checkout (its lib/ is imported)")
    parser.add_argument("--events", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    if not BASIL.exists():
        sys.exit(f"compare_speed: BASIL not found at {BASIL} (the shared data); nothing measured")
    here, there = [], []
    for k in range(args.repeat):
        for lib, runs in ((ROOT / "lib", here), (args.against.resolve() / "lib", there)):
            r = timed(lib, args.events)
            runs.append(r["seconds"] / r["articles"] * 1000)
        print(f"run {k + 1}: this {here[-1]:.0f} ms, other {there[-1]:.0f} ms per article", flush=True)
    a, b = statistics.median(here), statistics.median(there)
    print(f"CPU ms per article, medians of {args.repeat} alternated runs ({args.events} BASIL events): "
          f"this checkout {a:.0f}, {args.against} {b:.0f}; ratio {a / b:.3f}")


if __name__ == "__main__":
    main()
