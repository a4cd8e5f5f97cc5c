"""Benchmarks with figures in their output (budgets are reported, never asserted in tests).

  ./dev bench                 import + classify on ../shared/ctgov and on a demo file
  ./dev bench --demo 600000   ... with a registry-scale demo file (600k trials)
  ./dev bench --runs 5        more runs per figure (medians are quoted, with min and max)

Each import runs in a fresh process so peak memory (max RSS) is that import's own.
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "ctgov" / "studies.jsonl.gz"

CHILD = """
import resource, sys, time
from pathlib import Path
from trialscape.ingest.files import read_records
from trialscape.snapshot.build import build_snapshot
src, db = Path(sys.argv[1]), Path(sys.argv[2])
reports = []
t = time.perf_counter()
r = build_snapshot(db, read_records([src], reports), reports, source="bench")
print(time.perf_counter() - t, r.studies,
      resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, flush=True)
"""

CLASSIFY = """
import sys, time, duckdb
from trialscape.classify.engine import build_classifier, load_config
from trialscape.classify.inputs import read_trials
con = duckdb.connect(sys.argv[1], read_only=True)
con.execute("SET enable_progress_bar = false")
trials = list(read_trials(con))
c = build_classifier(load_config())  # a fresh, empty cache: the cold figure
t = time.perf_counter()
for trial in trials:
    c.classify(trial)
print(len(trials) / (time.perf_counter() - t), flush=True)
"""


def _stats(values: list[float]) -> str:
    return (f"median {statistics.median(values):,.1f} (min {min(values):,.1f}, "
            f"max {max(values):,.1f}, n={len(values)})")


def _last_line(code: str, *args: str) -> str:
    """Run a child Python; its last stdout line is the figure (DuckDB may print above it)."""
    out = subprocess.run([sys.executable, "-c", code, *args], check=True, capture_output=True,
                         text=True).stdout
    return out.strip().splitlines()[-1]


def bench_import(label: str, src: Path, runs: int) -> None:
    size_mb = src.stat().st_size / 1e6
    secs, rates, mbs, rss = [], [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.duckdb"
        for _ in range(runs):
            out = _last_line(CHILD, str(src), str(db)).split()
            s, n, peak = float(out[0]), int(out[1]), float(out[2])
            secs.append(s)
            rates.append(n / s)
            mbs.append(size_mb / s)
            rss.append(peak)
        cls = [float(_last_line(CLASSIFY, str(db))) for _ in range(runs)]
    print(f"\n## import: {label} ({n:,} trials, {size_mb:,.1f} MB gzip)")
    print(f"  wall time (s)          {_stats(secs)}")
    print(f"  studies/s              {_stats(rates)}")
    print(f"  MB/s (compressed)      {_stats(mbs)}")
    print(f"  peak memory (MB)       {_stats(rss)}")
    print(f"  classify, trials/s     {_stats(cls)}   (one core, cold cache; target >= 5,000)")


def write_demo(n: int, path: Path) -> None:
    sys.path.insert(0, str(ROOT / "src"))
    from trialscape.demo import demo_studies

    with gzip.open(path, "wt", compresslevel=3) as fh:
        for study in demo_studies(n, seed=42):
            fh.write(json.dumps(study) + "\n")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--demo", type=int, default=100_000,
                        help="trials in the demo file (600000 for registry scale)")
    args = parser.parse_args()
    print(f"# trialscape benchmark, {time.strftime('%Y-%m-%d %H:%M')}, "
          f"{resource.getpagesize()} B pages, python {sys.version.split()[0]}")
    if SHARED.exists():
        bench_import("../shared/ctgov/studies.jsonl.gz (real records)", SHARED, args.runs)
    else:
        print(f"\n(skipping the real-record import: {SHARED} is absent)")
    with tempfile.TemporaryDirectory() as tmp:
        demo = Path(tmp) / "demo.jsonl.gz"
        t = time.perf_counter()
        write_demo(args.demo, demo)
        print(f"\n(demo file of {args.demo:,} trials written in {time.perf_counter() - t:.1f} s)")
        bench_import(f"demo file, {args.demo:,} fictional trials", demo, args.runs)
        if args.demo >= 600_000:
            print("  budget: import of the 600k file <= 90 s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
