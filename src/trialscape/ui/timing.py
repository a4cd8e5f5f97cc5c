"""Server time per script run, for the load check and for operators.

Set TRIALSCAPE_TIMINGS to a file path and every script run appends one JSON line:
{"page": ..., "ms": ..., "at": ...}. A browser's wait is this plus the network and drawing;
the load check (`./dev bench --only load`) reports both, so a slow page can be told from a slow
browser. Unset (the default), nothing is written.
"""

from __future__ import annotations

import json
import os
import time


def log_run(page: str, seconds: float) -> None:
    path = os.environ.get("TRIALSCAPE_TIMINGS")
    if not path:
        return
    line = json.dumps({"page": page, "ms": round(seconds * 1000, 1), "at": time.time()})
    # one write of one short line in append mode: lines from concurrent sessions do not mix
    with open(path, "a", encoding="utf-8") as fh:
        fh.write(line + "\n")
