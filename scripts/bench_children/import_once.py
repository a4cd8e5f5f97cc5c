"""One import of a registry file into a snapshot, in a fresh process so its peak memory is
its own. Prints: seconds, studies, max RSS in MB.

    python import_once.py SOURCE SNAPSHOT
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

from trialscape.ingest.files import read_records
from trialscape.snapshot.build import build_snapshot

src, db = Path(sys.argv[1]), Path(sys.argv[2])
reports = []
t = time.perf_counter()
r = build_snapshot(db, read_records([src], reports), reports, source="bench")
print(time.perf_counter() - t, r.studies,
      resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, flush=True)
