"""`trialscape refresh`: decide what to ask the API for, download it resumably, build or merge.

A full refresh rebuilds the snapshot from every served study; an incremental one asks only for
studies updated since the snapshot's newest update (less a day of overlap, because the cursor is
a date) and merges them into a copy. Either way the old file stays in place until the new one is
complete, and downloaded pages stay on disk until the snapshot that uses them is swapped in.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Literal

import duckdb

from trialscape import enums
from trialscape.ingest.api import FIELDS, MAX_PAGE_SIZE, ApiClient, ApiError
from trialscape.ingest.download import (
    Checkpoint,
    DownloadStats,
    PageStore,
    RegistryChanged,
    download,
)
from trialscape.ingest.files import FileReport, RawRecord, read_records
from trialscape.snapshot.build import (
    SCHEMA_VERSION,
    BuildResult,
    build_snapshot,
    merge_snapshot,
)
from trialscape.snapshot.info import first_row

# Studies updated on the newest day in the snapshot may have been published after it was
# built; two days also cover a registry update that lands across midnight UTC.
OVERLAP = timedelta(days=2)
DOWNLOAD_ATTEMPTS = 3  # whole downloads, when the registry's data changes under one
KEEP_DONE = 5  # finished downloads kept for re-import; older ones are deleted


class RefreshRefused(ValueError):
    """The request does not make sense for this snapshot (explained in the message)."""


@dataclass(frozen=True)
class Scope:
    """A smaller registry, expressed as real API filters (kept in the snapshot for next time)."""

    study_types: tuple[str, ...] = ()
    expression: str | None = None  # extra Essie, ANDed into filter.advanced

    def __post_init__(self) -> None:
        bad = [t for t in self.study_types if t not in enums.STUDY_TYPES]
        if bad:
            raise RefreshRefused(f"unknown study type {bad[0]!r} (want one of "
                                 f"{', '.join(t.lower() for t in enums.STUDY_TYPES)})")

    def terms(self) -> list[str]:
        out = []
        if self.study_types:
            types = [f"AREA[StudyType]{t}" for t in sorted(self.study_types)]
            out.append(types[0] if len(types) == 1 else "(" + " OR ".join(types) + ")")
        if self.expression:
            out.append(f"({self.expression})")
        return out

    def as_text(self) -> str:
        return json.dumps({"study_types": sorted(self.study_types),
                           "expression": self.expression})

    @classmethod
    def from_text(cls, text: str | None) -> Scope:
        try:
            data = json.loads(text or "{}")
            return cls(tuple(data.get("study_types") or ()), data.get("expression") or None)
        except (ValueError, AttributeError, RefreshRefused):
            return cls()

    def describe(self) -> str:
        parts = [" or ".join(enums.label(enums.STUDY_TYPES, t) for t in self.study_types)]
        if self.expression:
            parts.append(self.expression)
        return "; ".join(p for p in parts if p) or "the whole registry"


@dataclass(frozen=True)
class Plan:
    mode: Literal["full", "incremental"]
    since: date | None
    scope: Scope
    reason: str  # one line saying why this plan, for the log

    def params(self, page_size: int = MAX_PAGE_SIZE) -> dict[str, str]:
        terms = []
        if self.since:
            terms.append(f"AREA[LastUpdatePostDate]RANGE[{self.since.isoformat()},MAX]")
        terms.extend(self.scope.terms())
        params = {"format": "json", "fields": ",".join(FIELDS),
                  "pageSize": str(min(max(page_size, 1), MAX_PAGE_SIZE)), "countTotal": "true"}
        if terms:
            params["filter.advanced"] = " AND ".join(terms)
        return params


@dataclass
class Existing:
    """What the refresh needs to know about the snapshot it would replace."""

    info: dict[str, str]
    newest_update: date | None

    @property
    def is_demo(self) -> bool:
        return self.info.get("is_demo") == "true"

    @property
    def from_api(self) -> bool:
        return self.info.get("source", "").startswith("ClinicalTrials.gov API")


def read_existing(db: Path) -> Existing | None:
    if not db.exists():
        return None
    try:
        con = duckdb.connect(str(db), read_only=True)
    except duckdb.Error as err:
        raise RefreshRefused(f"{db} is not a readable snapshot ({err}); move it away or "
                             "run with --full --db to another file") from err
    try:
        info = dict(con.execute("SELECT key, value FROM snapshot_info").fetchall())
        row = first_row(con, "SELECT max(last_update_posted) FROM studies")
    except duckdb.Error as err:
        raise RefreshRefused(f"{db} is not a trialscape snapshot ({err})") from err
    finally:
        con.close()
    return Existing(info, row[0] if row else None)


def plan_refresh(existing: Existing | None, *, full: bool = False, since: date | None = None,
                 scope: Scope | None = None) -> Plan:
    """Full when asked or when there is nothing to update; else incremental from the newest
    update in the snapshot, less two days of overlap."""
    if full or existing is None:
        why = "--full" if full else "no snapshot yet"
        return Plan("full", since, scope or Scope(), f"full refresh ({why})")
    if existing.is_demo:
        raise RefreshRefused("the snapshot holds fictional demo data; refresh it with --full "
                             "(or use another --db)")
    stored = Scope.from_text(existing.info.get("scope"))
    if existing.info.get("schema_version") != SCHEMA_VERSION:
        return Plan("full", None, scope or stored, "full refresh (the snapshot was built by an "
                    "older trialscape; its tables change shape)")
    if since is None:
        if existing.newest_update is None:
            return Plan("full", None, scope or stored, "full refresh (snapshot has no dates)")
        since = existing.newest_update - OVERLAP
        why = f"studies updated since {since} (newest in the snapshot, less two days)"
    else:
        why = f"studies updated since {since} (--since)"
    return Plan("incremental", since, scope or stored, f"incremental refresh: {why}")


@dataclass
class RefreshResult:
    plan: Plan
    up_to_date: bool = False
    checkpoint: Checkpoint | None = None
    download: DownloadStats = field(default_factory=DownloadStats)
    build: BuildResult | None = None
    kept_in: Path | None = None
    seconds: float = 0.0


def download_folder(root: Path, db: Path, base_url: str, plan: Plan,
                    params: dict[str, str]) -> Path:
    """One folder per (snapshot, server, query): a rerun of the same refresh resumes in it."""
    key = json.dumps([base_url, params], sort_keys=True).encode()
    return root / f"{db.stem}-{plan.mode}-{hashlib.sha1(key).hexdigest()[:10]}"


def run_refresh(db: Path, plan: Plan, client: ApiClient, downloads: Path, *,
                existing: Existing | None, page_size: int = MAX_PAGE_SIZE,
                explicit_since: bool = False,
                progress: Callable[[Checkpoint, DownloadStats, float], None] | None = None,
                build_progress: Callable[[int], None] | None = None,
                log: Callable[[str], None] | None = None) -> RefreshResult:
    log = log or (lambda _msg: None)
    started = datetime.now(UTC)
    result = RefreshResult(plan)
    version: Mapping[str, str] = client.version()
    if not version["dataTimestamp"]:
        log("the registry's /version gave no dataTimestamp (the API allows that): going on; "
            "the data date will be the newest record's update")
    if (plan.mode == "incremental" and not explicit_since and existing is not None
            and existing.from_api and version["dataTimestamp"]
            and existing.info.get("data_timestamp") == version["dataTimestamp"]):
        result.up_to_date = True
        return result
    problem = client.unknown_fields()
    if problem:
        raise ApiError(problem)
    params = plan.params(page_size)
    store = PageStore(download_folder(downloads, db, client.base_url, plan, params))
    for attempt in range(1, DOWNLOAD_ATTEMPTS + 1):
        try:
            checkpoint, stats = download(client, store, params, version, progress, log)
            after: Mapping[str, str] = client.version()
        except RegistryChanged as moved:
            checkpoint, after = moved.checkpoint, moved.version
        if after["dataTimestamp"] == checkpoint.data_timestamp:
            break
        # The registry published new data while we paged through the old: some studies moved
        # between pages (missed or seen twice) and some were deleted. Start again.
        store.clear()
        if attempt == DOWNLOAD_ATTEMPTS:
            raise ApiError(f"the registry's data changed during the download "
                           f"({checkpoint.data_timestamp} -> {after['dataTimestamp']}) "
                           f"{attempt} times; try again later")
        log(f"the registry's data changed during the download ({checkpoint.data_timestamp} -> "
            f"{after['dataTimestamp']}); downloading again")
        version = after
    if checkpoint.total is not None and checkpoint.studies != checkpoint.total:
        store.clear()
        raise ApiError(f"the API announced {checkpoint.total:,} studies and served "
                       f"{checkpoint.studies:,}; nothing was built, try again")
    result.checkpoint, result.download = checkpoint, stats
    reports: list[FileReport] = []
    records = _all_or_nothing(read_records(store.pages(checkpoint), reports), reports)
    extra = {"scope": plan.scope.as_text(), "refresh_mode": plan.mode,
             "refresh_since": plan.since.isoformat() if plan.since else "",
             "refreshed_at": started.strftime("%Y-%m-%dT%H:%M:%SZ")}
    source = f"ClinicalTrials.gov API v2 ({client.base_url})"
    if plan.mode == "full":
        same_scope = (existing is not None and plan.since is None
                      and Scope.from_text(existing.info.get("scope")) == plan.scope)
        result.build = build_snapshot(
            db, records, reports, source=source, api_version=checkpoint.api_version,
            data_timestamp=checkpoint.data_timestamp, progress=build_progress,
            extra_info=extra, history_from=db if existing else None, removals=same_scope)
    else:
        result.build = merge_snapshot(
            db, records, reports, source=source, api_version=checkpoint.api_version,
            data_timestamp=checkpoint.data_timestamp, progress=build_progress,
            extra_info=extra)
    result.kept_in = _file_away(store.folder, downloads, started, plan.mode)
    result.seconds = (datetime.now(UTC) - started).total_seconds()
    return result


class DownloadDamaged(RuntimeError):
    """A page the refresh downloaded is missing or unreadable when the snapshot is built."""


def _all_or_nothing(records: Iterator[RawRecord], reports: list[FileReport]
                    ) -> Iterator[RawRecord]:
    """The downloaded pages' records, failing the build when a page is missing or unreadable:
    those are our own files, so damage means the download was disturbed (another process, a
    full disk), never broken input to skip. Checked before the build publishes anything."""
    yield from records
    for report in reports:
        if report.fatal:
            raise DownloadDamaged(f"downloaded page {report.path} is damaged: {report.fatal}")


def _file_away(folder: Path, downloads: Path, started: datetime, mode: str) -> Path:
    """Move a finished download out of the resume slot; keep the newest few for re-import."""
    done_root = downloads / "done"
    done_root.mkdir(parents=True, exist_ok=True)
    target = done_root / f"{started.strftime('%Y%m%dT%H%M%SZ')}-{mode}"
    folder.rename(target)
    finished = sorted(p for p in done_root.iterdir() if p.is_dir())
    for old in finished[:-KEEP_DONE]:
        shutil.rmtree(old, ignore_errors=True)
    return target
