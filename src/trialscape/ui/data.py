"""Snapshot access for the app: one read-only connection per process, results cached.

The cache key includes the snapshot file's identity (inode and mtime), so when a refresh swaps a
new file in, the next rerun opens it and old cached results are never served for it.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import duckdb
import pandas as pd
import pyarrow as pa
import streamlit as st

from trialscape import export, queries, settings
from trialscape.classify.model import Modality
from trialscape.classify.rules import load_classifier
from trialscape.filters import Filters
from trialscape.snapshot.info import SnapshotMissing, snapshot_info


@dataclass(frozen=True)
class Snapshot:
    path: str
    version: str  # changes whenever the file is replaced
    info: dict[str, str]

    @property
    def is_demo(self) -> bool:
        return self.info.get("is_demo") == "true"

    @property
    def data_day(self) -> date | None:
        """The day the registry data is from (the API's dataTimestamp, or the newest update)."""
        try:
            return date.fromisoformat(self.info.get("data_timestamp", "")[:10])
        except ValueError:
            return None

    @property
    def data_date(self) -> str:
        return self.data_day.isoformat() if self.data_day else "unknown date"

    @property
    def data_from_registry(self) -> bool:
        """True when the data date is the registry's own (a refresh read /version); False when
        it is the newest record's last update (an import: the registry may hold newer ones)."""
        return self.info.get("data_date_basis", "registry") == "registry" and bool(
            self.info.get("api_version"))

    @property
    def data_words(self) -> str:
        """The data date in words that say what it is."""
        if self.data_from_registry:
            return f"ClinicalTrials.gov data of {self.data_date}"
        return f"ClinicalTrials.gov records updated up to {self.data_date}"

    @property
    def is_current_shape(self) -> bool:
        from trialscape.snapshot.derive import DERIVED_VERSION
        return self.info.get("derived_version") == DERIVED_VERSION

    @property
    def is_current_schema(self) -> bool:
        from trialscape.snapshot.build import SCHEMA_VERSION
        return self.info.get("schema_version") == SCHEMA_VERSION


def _version(path: str) -> str:
    st_ = os.stat(path)
    return f"{st_.st_ino}-{st_.st_mtime_ns}-{st_.st_size}"


@st.cache_resource(max_entries=2)
def _connection(path: str, version: str) -> duckdb.DuckDBPyConnection:
    """A private in-memory DuckDB with this version of the file attached read-only.

    Not duckdb.connect(path): DuckDB keeps one instance per path in a process, so after a
    refresh renames a new file over the old one, connect(path) would hand back the instance
    still reading the old (unlinked) file. ATTACH opens the path afresh; the old instance keeps
    serving queries already running on it until the cache drops it.
    """
    if not os.path.exists(path):
        raise SnapshotMissing(f"no snapshot at {path}")
    con = duckdb.connect(":memory:")
    try:
        con.execute(f"ATTACH '{path.replace(chr(39), chr(39) * 2)}' AS snap (READ_ONLY)")
    except duckdb.Error as err:
        con.close()
        raise SnapshotMissing(f"{path} is not a readable DuckDB file: {err}") from err
    return con


def _cursor(path: str, version: str) -> duckdb.DuckDBPyConnection:
    """A cursor per script run (a connection is not shared between threads)."""
    con = _connection(path, version).cursor()
    con.execute("USE snap")
    return con


def current_snapshot() -> Snapshot:
    """The snapshot to show; raises SnapshotMissing with a message a reader can act on."""
    path = str(settings.db_path())
    if not os.path.exists(path):
        raise SnapshotMissing(f"no snapshot at {path}")
    version = _version(path)
    con = _cursor(path, version)
    try:
        info = snapshot_info(con)
    finally:
        con.close()
    return Snapshot(path, version, info)


@st.cache_data(max_entries=1024, show_spinner=False)
def query(path: str, version: str, name: str, filters_key: str = "{}",
          params: tuple[tuple[str, Any], ...] = ()) -> pd.DataFrame:
    """Run a named query on the filtered trials (Filters.key()); cached per snapshot version,
    filters and parameters."""
    con = _cursor(path, version)
    try:
        return queries.run(con, name, dict(params), Filters.from_key(filters_key))
    finally:
        con.close()


def export_rows(path: str, version: str, filters: Filters) -> pa.Table:
    """The filtered trials to export, uncached (big, asked for once, on a click)."""
    con = _cursor(path, version)
    try:
        return export.export_table(con, filters)
    finally:
        con.close()


def runner(snap: Snapshot, filters: Filters) -> Callable[..., pd.DataFrame]:
    """q(name, **params): the page's query function, bound to this snapshot and filters."""
    key = filters.key()

    def q(name: str, unfiltered: bool = False, **params: Any) -> pd.DataFrame:
        return query(snap.path, snap.version, name, "{}" if unfiltered else key,
                     tuple(sorted(params.items())))
    return q


@st.cache_resource
def modalities() -> tuple[Modality, ...]:
    return load_classifier().modalities
