"""Reading a snapshot's facts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb


class SnapshotMissing(RuntimeError):
    """No snapshot file, or one that cannot be read as a trialscape snapshot."""


def first_row(con: duckdb.DuckDBPyConnection, sql: str, params: object = None
              ) -> tuple[Any, ...] | None:
    """The first row of a query, or None. Fetches to the end: DuckDB 2 refuses new work on a
    connection while a result is still open."""
    rows = con.execute(sql, params).fetchall() if params is not None else con.execute(sql
                                                                                      ).fetchall()
    return rows[0] if rows else None


def open_readonly(path: Path) -> duckdb.DuckDBPyConnection:
    if not path.exists():
        raise SnapshotMissing(f"no snapshot at {path}")
    try:
        return duckdb.connect(str(path), read_only=True)
    except duckdb.Error as err:
        raise SnapshotMissing(f"{path} is not a readable DuckDB file: {err}") from err


def snapshot_info(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    try:
        rows = con.execute("SELECT key, value FROM snapshot_info ORDER BY key").fetchall()
    except duckdb.Error as err:
        raise SnapshotMissing(f"not a trialscape snapshot (no snapshot_info): {err}") from err
    return dict(rows)


def table_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    tables = ("studies", "conditions", "condition_mesh", "interventions", "sponsors", "locations",
              "study_modalities", "changes")
    out = {}
    for t in tables:
        row = first_row(con, f"SELECT count(*) FROM {t}")
        out[t] = int(row[0]) if row else 0
    return out


def modality_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    rows = con.execute("SELECT modality, count(DISTINCT nct_id) FROM study_modalities "
                       "GROUP BY modality ORDER BY 2 DESC").fetchall()
    return {m: int(n) for m, n in rows}
