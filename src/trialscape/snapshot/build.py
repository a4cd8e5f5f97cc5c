"""Build a snapshot file from raw records: normalise, de-duplicate, classify, swap in atomically.

The new snapshot is written to a temporary file beside the target and renamed over it only when
it is complete, so a reader never sees a half-built file and a failed or interrupted build leaves
the previous snapshot byte-for-byte intact.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

import duckdb

from trialscape.ingest.areas import TherapeuticAreas, default_areas
from trialscape.ingest.countries import CountryNames, default_country_names
from trialscape.ingest.files import FileReport, RawRecord
from trialscape.snapshot import derive
from trialscape.snapshot.changes import record_changes
from trialscape.snapshot.info import first_row
from trialscape.snapshot.staging import TABLES, stage_records

SCHEMA_VERSION = "2"


@dataclass
class BuildResult:
    path: Path
    studies: int
    records_read: int
    duplicates: int
    broken: int
    reports: list[FileReport]
    # values kept but not recognised, "country: Gaul" / "overall status: PAUSED" -> records
    unrecognised: dict[str, int] = field(default_factory=dict)

    @property
    def unknown_countries(self) -> dict[str, int]:
        return {k.removeprefix("country: "): n for k, n in self.unrecognised.items()
                if k.startswith("country: ")}
    info: dict[str, str] = field(default_factory=dict)


class NothingToImport(RuntimeError):
    """No valid study was found in the inputs."""


def schema_sql() -> str:
    return resources.files("trialscape.snapshot").joinpath("schema.sql").read_text("utf-8")


def temp_path_for(target: Path) -> Path:
    return target.with_name(f".{target.name}.building-{os.getpid()}")


def sweep_stale_builds(target: Path) -> list[Path]:
    """Remove half-built files a killed build left beside `target` (their process is gone)."""
    removed = []
    for leftover in target.parent.glob(f".{target.name}.building-*"):
        pid_text = leftover.name.rpartition("-")[2].removesuffix(".wal")
        if pid_text.isdigit() and int(pid_text) != os.getpid() and not _alive(int(pid_text)):
            leftover.unlink(missing_ok=True)
            removed.append(leftover)
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@contextlib.contextmanager
def atomic_snapshot(target: Path) -> Iterator[Path]:
    """Yield a temporary path to write; rename it over `target` only if the block succeeds."""
    target.parent.mkdir(parents=True, exist_ok=True)
    sweep_stale_builds(target)
    tmp = temp_path_for(target)
    for leftover in (tmp, tmp.with_name(tmp.name + ".wal")):
        leftover.unlink(missing_ok=True)
    try:
        yield tmp
        os.replace(tmp, target)
    finally:
        for leftover in (tmp, tmp.with_name(tmp.name + ".wal")):
            leftover.unlink(missing_ok=True)


@contextlib.contextmanager
def new_version(target: Path, from_current: bool = False
                ) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection to the next version of `target`: an empty file, or a copy of the current
    one; it is checkpointed and renamed over `target` only if the block succeeds."""
    with atomic_snapshot(target) as tmp:
        if from_current:
            shutil.copyfile(target, tmp)
        con = duckdb.connect(str(tmp))
        try:
            con.execute("SET enable_progress_bar = false")  # our own progress goes to stderr
            yield con
            con.execute("CHECKPOINT")
        finally:
            con.close()


def keep_newest(con: duckdb.DuckDBPyConnection) -> None:
    """Temp table `keep`: the staged version to keep per NCT id (newest last update wins)."""
    con.execute("""
        CREATE OR REPLACE TEMP TABLE keep AS
        SELECT nct_id, _seq FROM stage_studies
        QUALIFY row_number() OVER (PARTITION BY nct_id
                                   ORDER BY last_update_posted DESC NULLS LAST, _seq DESC) = 1
    """)


def move_staged(con: duckdb.DuckDBPyConnection) -> int:
    """Insert the kept staged rows into the contract tables; drop the stage; return trials."""
    for table, schema in TABLES.items():
        cols = ", ".join(f"s.{c}" for c in schema.names)
        order = "s.nct_id" + (", s.idx" if table == "interventions" else "")
        con.execute(f"INSERT INTO main.{table} SELECT {cols} FROM stage_{table} s "
                    f"SEMI JOIN keep k ON s.nct_id = k.nct_id AND s._seq = k._seq "
                    f"ORDER BY {order}")
        con.execute(f"DROP TABLE stage_{table}")
    count = first_row(con, "SELECT count(*) FROM keep")
    con.execute("DROP TABLE keep")
    return int(count[0]) if count else 0


def publish_staged(con: duckdb.DuckDBPyConnection) -> int:
    """Move staged rows into the contract tables, keeping the newest record per NCT id."""
    keep_newest(con)
    return move_staged(con)


def write_info(con: duckdb.DuckDBPyConnection, info: dict[str, str]) -> None:
    con.executemany("INSERT OR REPLACE INTO snapshot_info VALUES (?, ?)",
                    [(k, str(v)) for k, v in info.items()])


def build_snapshot(
    target: Path,
    records: Iterable[RawRecord],
    reports: list[FileReport],
    *,
    source: str,
    is_demo: bool = False,
    api_version: str | None = None,
    data_timestamp: str | None = None,
    progress: Callable[[int], None] | None = None,
    countries: CountryNames | None = None,
    areas: TherapeuticAreas | None = None,
    history_from: Path | None = None,
    removals: bool = False,
    extra_info: dict[str, str] | None = None,
) -> BuildResult:
    """Write a complete snapshot of `records` to `target`, atomically.

    With `history_from` (the snapshot being replaced), its `changes` are carried over and what
    differs from it is recorded; `removals` also records trials that are no longer served.
    """
    detected = datetime.now(UTC).replace(tzinfo=None)
    with new_version(target) as con:
        con.execute(schema_sql())
        read, broken, unknown = stage_records(
            con, records, countries or default_country_names(), areas or default_areas(),
            progress)
        kept = publish_staged(con)
        if kept == 0:
            raise NothingToImport("no valid study found in the input")
        info = _info(source, kept, is_demo, api_version, data_timestamp, extra_info)
        write_info(con, info)
        if history_from is not None:
            carry_history(con, history_from, detected, removals)
        info.update(derive.derive_all(con))
    return BuildResult(target, kept, sum(r.records for r in reports), read - broken - kept,
                       sum(r.broken for r in reports), reports, unknown, info)


def merge_snapshot(
    target: Path,
    records: Iterable[RawRecord],
    reports: list[FileReport],
    *,
    source: str,
    api_version: str | None = None,
    data_timestamp: str | None = None,
    progress: Callable[[int], None] | None = None,
    extra_info: dict[str, str] | None = None,
) -> BuildResult:
    """Replace the records' trials in a copy of `target` (adding new ones), record what changed,
    re-place only those trials, and swap the copy in atomically."""
    detected = datetime.now(UTC).replace(tzinfo=None)
    with new_version(target, from_current=True) as con:
        read, broken, unknown = stage_records(con, records, default_country_names(),
                                              default_areas(), progress)
        keep_newest(con)
        con.execute("CREATE TEMP TABLE incoming AS SELECT s.* EXCLUDE (_seq) "
                    "FROM stage_studies s SEMI JOIN keep k "
                    "ON s.nct_id = k.nct_id AND s._seq = k._seq")
        record_changes(con, "incoming", "main.studies", detected)
        con.execute("CREATE TEMP TABLE changed_ids AS SELECT nct_id FROM keep")
        for table in TABLES:
            con.execute(f"DELETE FROM main.{table} WHERE nct_id IN "
                        "(SELECT nct_id FROM changed_ids)")
        merged = move_staged(con)
        row = first_row(con, "SELECT count(*) FROM main.studies")
        total = int(row[0]) if row else 0
        old_demo = first_row(con, "SELECT value FROM snapshot_info WHERE key = 'is_demo'")
        info = _info(source, total, bool(old_demo and old_demo[0] == "true"), api_version,
                     data_timestamp, extra_info)
        write_info(con, info)
        info.update(derive.derive_all(con, only="changed_ids"))
    return BuildResult(target, merged, sum(r.records for r in reports), read - broken - merged,
                       sum(r.broken for r in reports), reports, unknown, info)


def carry_history(con: duckdb.DuckDBPyConnection, previous: Path, detected: datetime,
                  removals: bool) -> None:
    """Copy the replaced snapshot's `changes` forward and add how this build differs from it."""
    literal = str(previous).replace("'", "''")  # ATTACH takes no bound parameters
    try:
        con.execute(f"ATTACH '{literal}' AS previous (READ_ONLY)")
    except duckdb.Error:
        return  # nothing readable to compare with: this build starts the history afresh
    try:
        demo = first_row(con, "SELECT value FROM previous.snapshot_info WHERE key = 'is_demo'")
        if demo and demo[0] == "true":
            return  # fictional trials are no history of the real registry
        con.execute("INSERT INTO main.changes SELECT * FROM previous.changes")
        record_changes(con, "main.studies", "previous.studies", detected, removals)
    finally:
        con.execute("DETACH previous")


def _info(source: str, studies: int, is_demo: bool, api_version: str | None,
          data_timestamp: str | None, extra: dict[str, str] | None) -> dict[str, str]:
    return {
        "source": source,
        "api_version": api_version or "",
        "data_timestamp": data_timestamp or "",
        "data_date_basis": "registry" if data_timestamp else "newest_update",
        "built_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "study_count": str(studies),
        "schema_version": SCHEMA_VERSION,
        "is_demo": "true" if is_demo else "false",
        **(extra or {}),
    }
