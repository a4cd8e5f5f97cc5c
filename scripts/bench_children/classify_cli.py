"""`trialscape classify` end to end (read back, place in worker processes, rebuild the wide
table, swap the file in), as an editor runs it after changing the rules. Prints: seconds,
max RSS in MB.

    python classify_cli.py SNAPSHOT
"""

from __future__ import annotations

import resource
import sys
import time

from trialscape.cli import main

t = time.perf_counter()
assert main(["classify", "--db", sys.argv[1]]) == 0
print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
      flush=True)
