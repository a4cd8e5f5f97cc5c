"""Progress lines for long work, on stderr, at most a few per second."""

from __future__ import annotations

import sys
import time


class Progress:
    def __init__(self, what: str, total: int | None = None, enabled: bool = True) -> None:
        self.what, self.total, self.enabled = what, total, enabled
        self.start = self.last = time.monotonic()

    def __call__(self, done: int) -> None:
        now = time.monotonic()
        if not self.enabled or now - self.last < 0.5:
            return
        self.last = now
        rate = done / max(now - self.start, 1e-9)
        left = ""
        if self.total:
            left = f" of {self.total:,}, about {max(self.total - done, 0) / rate:,.0f} s left"
        sys.stderr.write(f"\r{self.what}: {done:,}{left} ({rate:,.0f}/s)   ")
        sys.stderr.flush()

    def done(self, message: str) -> None:
        if self.enabled:
            sys.stderr.write("\r" + " " * 78 + "\r")
        sys.stderr.write(message + "\n")
