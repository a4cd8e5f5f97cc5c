"""Streamlit rerunning a one-line page: the floor under every page figure. Prints: ms.

    python empty_page.py RUNS
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

with tempfile.TemporaryDirectory() as tmp:
    page = Path(tmp) / "empty.py"
    page.write_text("import streamlit as st\nst.write('x')\n")
    at = AppTest.from_file(str(page))
    at.run()
    times = []
    for _ in range(int(sys.argv[1])):
        t = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - t)
print(statistics.median(times) * 1000)
