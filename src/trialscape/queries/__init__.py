"""SQL in one place: one .sql file per query, run with bound parameters only."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import duckdb
import pandas as pd


@cache
def sql(name: str) -> str:
    return resources.files("trialscape.queries").joinpath(f"{name}.sql").read_text("utf-8")


def run(con: duckdb.DuckDBPyConnection, name: str, params: dict[str, Any] | None = None
        ) -> pd.DataFrame:
    """Run queries/<name>.sql with named parameters ($name) and return a DataFrame."""
    return con.execute(sql(name), params or {}).df()
