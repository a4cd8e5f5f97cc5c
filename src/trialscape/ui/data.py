"""Snapshot access for the app: one read-only connection per process, results cached.

The cache key includes the snapshot file's identity (inode and mtime), so when a refresh swaps a
new file in, the next rerun opens it and old cached results are never served for it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

import duckdb
import pandas as pd
import streamlit as st

from trialscape import queries, settings
from trialscape.classify.engine import Modality, load_classifier
from trialscape.snapshot.info import SnapshotMissing, open_readonly, snapshot_info


@dataclass(frozen=True)
class Snapshot:
    path: str
    version: str  # changes whenever the file is replaced
    info: dict[str, str]

    @property
    def is_demo(self) -> bool:
        return self.info.get("is_demo") == "true"

    @property
    def data_date(self) -> str:
        return self.info.get("data_timestamp", "")[:10] or "unknown date"


def _version(path: str) -> str:
    st_ = os.stat(path)
    return f"{st_.st_ino}-{st_.st_mtime_ns}-{st_.st_size}"


@st.cache_resource(max_entries=2)
def _connection(path: str, version: str) -> duckdb.DuckDBPyConnection:
    return open_readonly(settings.db_path(path))


def current_snapshot() -> Snapshot:
    """The snapshot to show; raises SnapshotMissing with a message a reader can act on."""
    path = str(settings.db_path())
    if not os.path.exists(path):
        raise SnapshotMissing(f"no snapshot at {path}")
    version = _version(path)
    con = _connection(path, version).cursor()
    try:
        info = snapshot_info(con)
    finally:
        con.close()
    return Snapshot(path, version, info)


@st.cache_data(max_entries=256, show_spinner=False)
def query(path: str, version: str, name: str, params: tuple[tuple[str, Any], ...] = ()
          ) -> pd.DataFrame:
    """Run a named query on the snapshot; cached per snapshot version and parameters."""
    con = _connection(path, version).cursor()  # a cursor per run: connections are not shared
    try:
        return queries.run(con, name, dict(params))
    finally:
        con.close()


@st.cache_resource
def modalities() -> tuple[Modality, ...]:
    return load_classifier().modalities
