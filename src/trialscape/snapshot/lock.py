"""One writer per snapshot: import, refresh, classify and demo take a lock on the target path.

Two writers at once lose data: a second refresh found the shared download folder moved away by
the first and published half the trials, with false "removed" changes. The lock is an advisory
`flock` on a file beside the snapshot (`.trials.duckdb.lock`), so it goes with the process: a
killed writer never leaves a stale lock behind. Readers (the dashboard, export, info) take none.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path


class SnapshotBusy(RuntimeError):
    """Another trialscape process is writing this snapshot."""


def lock_path(target: Path) -> Path:
    return target.with_name(f".{target.name}.lock")


@contextlib.contextmanager
def writing(target: Path, what: str, wait: float = 0.0) -> Iterator[None]:
    """Hold the snapshot's write lock for the block; raise SnapshotBusy (naming the holder)
    when another process holds it for longer than `wait` seconds."""
    target.parent.mkdir(parents=True, exist_ok=True)
    path = lock_path(target)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise SnapshotBusy(f"another trialscape is writing {target} "
                                       f"({_holder(path)}); try again when it has "
                                       "finished") from None
                time.sleep(0.2)
        os.ftruncate(fd, 0)
        os.write(fd, json.dumps({"pid": os.getpid(), "what": what, "since": datetime.now(
            UTC).strftime("%Y-%m-%d %H:%M:%SZ")}).encode())
        yield
    finally:
        os.close(fd)  # releases the lock


def _holder(path: Path) -> str:
    try:
        info = json.loads(path.read_text("utf-8") or "{}")
        return f"{info.get('what', 'a write')}, pid {info.get('pid', '?')}, since " \
               f"{info.get('since', '?')}"
    except (OSError, ValueError):
        return "a write in progress"
