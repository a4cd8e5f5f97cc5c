"""Worker processes for the import's pure-Python work (normalising, classifying).

`forkserver`, not `fork` or `spawn`: the parent holds DuckDB's threads, so a plain fork could
copy a lock one of them holds; `spawn` re-runs the parent's main script in every worker, which
breaks when that script is not importable (under Streamlit's AppTest `__main__` is the app).
The fork server starts from a clean interpreter with only the modules named here loaded, and
forks each worker from it.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
import time
import types
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from typing import Any, TypeVar

K = TypeVar("K")
R = TypeVar("R")

PRELOAD = ["trialscape.snapshot.staging", "trialscape.snapshot.derive"]


def count(override: int | None = None) -> int:
    """How many workers: `override`, else TRIALSCAPE_WORKERS, else one per core (at most 4)."""
    if override is not None:
        return override
    return int(os.environ.get("TRIALSCAPE_WORKERS", 0)) or min(os.cpu_count() or 1, 4)


@contextmanager
def pool(workers: int, initializer: Callable[..., None], initargs: tuple[Any, ...]
         ) -> Iterator[ProcessPoolExecutor]:
    """A process pool whose workers import only trialscape, whatever script is running.

    multiprocessing re-runs the parent's `__main__` file in each new worker; under Streamlit's
    AppTest that is the app itself. For the pool's life `__main__` is an empty module, so the
    workers start with nothing to re-run.
    """
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(PRELOAD)
    main = sys.modules.get("__main__")
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        with ProcessPoolExecutor(workers, mp_context=ctx, initializer=_start_worker,
                                 initargs=(os.getpid(), initializer, initargs)) as executor:
            yield executor
    finally:
        if main is not None:
            sys.modules["__main__"] = main


def in_order(jobs: Iterable[tuple[K, Future[R]]], limit: int) -> Iterator[tuple[K, R]]:
    """(key, result) of each job, in the order given, with at most `limit` jobs pending.

    `jobs` should submit lazily (a generator): the next job is asked for only when fewer
    than `limit` are pending, which keeps memory bounded at registry scale.
    """
    pending: deque[tuple[K, Future[R]]] = deque()
    for job in jobs:
        pending.append(job)
        if len(pending) >= limit:
            key, future = pending.popleft()
            yield key, future.result()
    while pending:
        key, future = pending.popleft()
        yield key, future.result()


def done(result: R) -> Future[R]:
    """A job run here, in the shape of one a worker runs."""
    future: Future[R] = Future()
    future.set_result(result)
    return future


def _start_worker(parent: int, initializer: Callable[..., None], initargs: tuple[Any, ...]
                  ) -> None:
    """In a worker: leave when the importing process is gone, then run `initializer`.

    A worker waits on its task queue for ever, and keeps the fork server alive while it does;
    if the import is killed (SIGKILL, a timeout), nothing would ever end them.
    """
    def watch() -> None:
        while True:
            time.sleep(1)
            try:
                os.kill(parent, 0)
            except ProcessLookupError:
                os._exit(1)

    threading.Thread(target=watch, daemon=True, name="parent-watch").start()
    initializer(*initargs)
