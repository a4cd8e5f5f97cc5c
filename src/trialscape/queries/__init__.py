"""SQL in one place: one .sql file per query, run with bound parameters only.

Dashboard queries read the relation `f`: the `trials` table narrowed by the active Filters. The
runner defines it in front of the query, so each .sql file is plain SQL a reader can run by hand
(`WITH f AS (SELECT * FROM trials) ...`).
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import duckdb
import pandas as pd

from trialscape import enums
from trialscape.filters import Filters

SHARED_PARAMS: dict[str, Any] = {
    "active_statuses": list(enums.ACTIVE_STATUSES),  # recruiting or running
    "stopped_statuses": list(enums.STOPPED_STATUSES),
}


@cache
def sql(name: str) -> str:
    return resources.files("trialscape.queries").joinpath(f"{name}.sql").read_text("utf-8")


def compose(name: str, filters: Filters | None = None,
            params: dict[str, Any] | None = None) -> tuple[str, dict[str, Any]]:
    """The query's text with `f` defined by the filters, and all its bound parameters."""
    clause, bound = (filters or Filters()).where()
    body = "\n".join(line for line in sql(name).splitlines()
                     if not line.lstrip().startswith("--")).strip()
    head = f"WITH f AS (SELECT * FROM trials WHERE {clause})"
    text = f"{head}, {body[4:].lstrip()}" if body[:4].upper() == "WITH" else f"{head}\n{body}"
    used = {k: v for k, v in (params or {}).items() if f"${k}" in body}
    # vocabularies the queries share are bound from enums.py, never retyped in a .sql file
    shared = {k: v for k, v in SHARED_PARAMS.items() if f"${k}" in body}
    return text, {**bound, **shared, **used}


def run(con: duckdb.DuckDBPyConnection, name: str, params: dict[str, Any] | None = None,
        filters: Filters | None = None) -> pd.DataFrame:
    """Run queries/<name>.sql on the filtered trials with named parameters ($name)."""
    text, bound = compose(name, filters, params)
    return con.execute(text, bound).df()
