"""How the browser checks launch Debian's `chromium` (tests/test_browser.py, `./dev bench
--only load`): headless, no sandbox (CI runs as root), nothing phoning home."""

from __future__ import annotations

import shutil

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
