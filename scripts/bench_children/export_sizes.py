"""CSV export (query + Arrow CSV writer, in memory) for real filters of about 1,000 and
40,000 rows and for everything. Prints one JSON line per size.

    python export_sizes.py SNAPSHOT RUNS
"""

from __future__ import annotations

import io
import json
import statistics
import sys
import time

import duckdb

from trialscape import enums, export, queries
from trialscape.filters import Filters

db, runs = sys.argv[1], int(sys.argv[2])
con = duckdb.connect(db, read_only=True)
con.execute("SET enable_progress_bar = false")
def rows(f):
    text, bound = queries.compose("count", f)
    return con.execute(text, bound).fetchall()[0][0]
# Real filters an analyst would pick, the one nearest each target size.
mods = [r[0] for r in con.execute("SELECT DISTINCT primary_modality FROM trials").fetchall()]
cands = [Filters(modality=(m,)) for m in mods]
cands += [Filters(modality=(m,), phase=(p,)) for m in mods for p in enums.PHASES]
sized = [(rows(f), f) for f in cands]
for target in (1_000, 40_000, None):
    n, f = (rows(Filters()), Filters()) if target is None else min(
        sized, key=lambda nf: abs(nf[0] - target))
    times, sizes = [], []
    for _ in range(runs + 1):  # the first is a warm-up
        t = time.perf_counter()
        sink = io.BytesIO()
        export.write_csv(export.export_table(con, f), sink)
        times.append(time.perf_counter() - t)
        sizes.append(sink.tell())
    times = times[1:]
    print(json.dumps({"rows": n, "filters": "; ".join(f.describe()) if target else "none",
                      "median": statistics.median(times), "min": min(times),
                      "max": max(times), "mb": sizes[-1] / 1e6}), flush=True)
