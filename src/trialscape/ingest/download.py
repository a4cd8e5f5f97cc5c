"""Download API pages to a folder of gzip JSON-lines files, with a checkpoint to resume from.

Each page is written as `page-00001.jsonl.gz` (one study per line; `trialscape import` reads the
folder too) before the checkpoint moves past it, and both are written to a temporary name and
renamed, so a refresh killed at any moment resumes at the first page it had not finished.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import time
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import orjson

from trialscape.ingest.api import ApiClient, ApiError

CHECKPOINT = "checkpoint.json"


@dataclass
class Checkpoint:
    params: dict[str, str]
    api_version: str
    data_timestamp: str
    started_at: str = field(default_factory=lambda: datetime.now(UTC).isoformat(
        timespec="seconds"))
    next_token: str | None = None
    pages: int = 0
    studies: int = 0
    total: int | None = None
    complete: bool = False
    tokens: list[str] = field(default_factory=list)  # every page token received, in order


class RegistryChanged(RuntimeError):
    """The registry published new data in the middle of a download (its page tokens expired
    with the old data); the caller starts again."""

    def __init__(self, checkpoint: Checkpoint, version: Mapping[str, str]) -> None:
        super().__init__(f"the registry's data changed to {version['dataTimestamp']}")
        self.checkpoint = checkpoint
        self.version = version


class PageStore:
    """A folder of downloaded pages and the checkpoint that says how far the download got."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def load(self) -> Checkpoint | None:
        try:
            data = json.loads((self.folder / CHECKPOINT).read_text("utf-8"))
            return Checkpoint(**data)
        except (OSError, ValueError, TypeError):
            return None

    def save(self, checkpoint: Checkpoint) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        _write_atomic(self.folder / CHECKPOINT,
                      json.dumps(asdict(checkpoint), indent=2).encode("utf-8"))

    def page_path(self, number: int) -> Path:
        return self.folder / f"page-{number:05d}.jsonl.gz"

    def write_page(self, number: int, studies: list[object]) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        body = b"".join(orjson.dumps(s) + b"\n" for s in studies)
        # compresslevel 1: pages are read once or twice; speed matters more than a few MB.
        _write_atomic(self.page_path(number), gzip.compress(body, compresslevel=1, mtime=0))

    def pages(self, checkpoint: Checkpoint) -> list[Path]:
        return [self.page_path(n) for n in range(1, checkpoint.pages + 1)]

    def clear(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


@dataclass
class DownloadStats:
    pages: int = 0
    studies: int = 0
    seconds: float = 0.0
    resumed_from_page: int = 0


ProgressLine = Callable[[Checkpoint, DownloadStats, float], None]


def download(client: ApiClient, store: PageStore, params: Mapping[str, str],
             version: Mapping[str, str], progress: ProgressLine | None = None,
             log: Callable[[str], None] | None = None) -> tuple[Checkpoint, DownloadStats]:
    """Fetch every page of `/studies` for `params` into `store`, resuming a matching checkpoint."""
    log = log or (lambda _msg: None)
    params = dict(params)
    checkpoint = store.load()
    if checkpoint and checkpoint.params != params:
        log(f"discarding an unfinished download for a different query in {store.folder}")
        checkpoint = None
    elif (checkpoint and not checkpoint.complete
          and checkpoint.data_timestamp != version["dataTimestamp"]):
        # The registry moved on since that download began; its page tokens describe old data.
        log("the registry's data changed since the unfinished download began; starting over")
        checkpoint = None
    if checkpoint is None:
        store.clear()
        checkpoint = Checkpoint(params=params, api_version=version["apiVersion"],
                                data_timestamp=version["dataTimestamp"])
        store.save(checkpoint)
    stats = DownloadStats(resumed_from_page=checkpoint.pages)
    if checkpoint.pages and not checkpoint.complete:
        log(f"resuming the download at page {checkpoint.pages + 1} "
            f"({checkpoint.studies:,} studies already on disk in {store.folder})")
    started = time.monotonic()
    while not checkpoint.complete:
        query = dict(params)
        if checkpoint.next_token:
            query["pageToken"] = checkpoint.next_token
        try:
            page = client.studies_page(query)
        except ApiError as err:
            if err.status == 400 and checkpoint.next_token:
                now = client.version()
                if now["dataTimestamp"] != checkpoint.data_timestamp:
                    raise RegistryChanged(checkpoint, now) from err
            if err.status == 400 and checkpoint.next_token and stats.pages == 0:
                # A token saved by an earlier run may have expired: start the query again.
                log("the saved page token was refused; starting the download over")
                store.clear()
                checkpoint = Checkpoint(params=params, api_version=version["apiVersion"],
                                        data_timestamp=version["dataTimestamp"])
                store.save(checkpoint)
                continue
            raise
        token = page.get("nextPageToken")
        studies = page["studies"]
        if isinstance(page.get("totalCount"), int):
            checkpoint.total = page["totalCount"]
        if token is not None and token in checkpoint.tokens:
            store.clear()  # a resumed run would go round the same circle
            raise ApiError(f"/studies: the API sent page token {token[:16]!r} a second time "
                           f"after {checkpoint.pages + 1} pages: its pages run in a circle. "
                           "Nothing was kept")
        if checkpoint.total is not None and checkpoint.studies + len(studies) > checkpoint.total:
            store.clear()
            raise ApiError(f"/studies: the API served more studies than the "
                           f"{checkpoint.total:,} it announced. Nothing was kept")
        store.write_page(checkpoint.pages + 1, studies)
        checkpoint.pages += 1
        checkpoint.studies += len(studies)
        checkpoint.next_token = token
        if token is not None:
            checkpoint.tokens.append(token)
        checkpoint.complete = token is None
        store.save(checkpoint)
        stats.pages += 1
        stats.studies += len(studies)
        if progress:
            progress(checkpoint, stats, time.monotonic() - started)
    stats.seconds = time.monotonic() - started
    return checkpoint, stats
