"""The classifier alone on one core, cold cache, over every trial of a snapshot. Prints:
trials/s.

    python classify_once.py SNAPSHOT
"""

from __future__ import annotations

import sys
import time

import duckdb

from trialscape.classify.inputs import read_trials
from trialscape.classify.rules import build_classifier, load_config

con = duckdb.connect(sys.argv[1], read_only=True)
con.execute("SET enable_progress_bar = false")
trials = list(read_trials(con))
c = build_classifier(load_config())  # a fresh, empty cache: the cold figure
t = time.perf_counter()
c.classify_all(trials)  # as `classify` places each batch (snapshot.derive.place_batch)
print(len(trials) / (time.perf_counter() - t), flush=True)
