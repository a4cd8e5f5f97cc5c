"""One vocabulary: the enum values of enums.py are those of schema.sql, and every query file
runs on a real snapshot with the parameters its pages give it."""

from __future__ import annotations

import re
from importlib import resources

import duckdb
import pytest

from trialscape import enums, queries
from trialscape.filters import Filters
from trialscape.snapshot.build import schema_sql

QUERY_FILES = sorted(p.name.removesuffix(".sql")
                     for p in resources.files("trialscape.queries").iterdir()
                     if p.name.endswith(".sql"))


def _enum_type(name: str) -> list[str]:
    body = re.search(rf"CREATE TYPE {name} AS ENUM \(([^)]*)\)", schema_sql(), re.S)
    assert body, name
    return re.findall(r"'([^']+)'", body.group(1))


@pytest.mark.parametrize("sql_type, vocabulary", [
    ("overall_status_t", enums.STATUSES), ("phase_t", enums.PHASES),
    ("study_type_t", enums.STUDY_TYPES), ("sponsor_class_t", enums.SPONSOR_CLASSES),
])
def test_enums_match_the_schema(sql_type, vocabulary):
    assert _enum_type(sql_type) == list(vocabulary)


def test_shared_status_groups_are_statuses():
    assert set(enums.ACTIVE_STATUSES) <= set(enums.STATUSES)
    assert set(enums.STOPPED_STATUSES) <= set(enums.STATUSES)
    for name in QUERY_FILES:  # the groups are bound from enums.py, never retyped in SQL
        assert "'NOT_YET_RECRUITING'" not in queries.sql(name), name
    from trialscape.snapshot import derive
    assert "'NOT_YET_RECRUITING'" not in derive._STATUS_RULE


SAMPLE = {"as_of": "2026-03-01", "n": 5, "sort": "start_desc", "since": "2025-01-01",
          "nct_id": "NCT00000102", "kind": "area", "days": 90, "window": "30",
          "modality": "monoclonal_antibody", "by": "trials", "first": "lymphoma",
          "second": "asthma", "third": "diabetes", "sponsor": "Pfizer", "offset": 0,
          "monogenic": "(?i)sickle|hemophilia", "min_recent": 1, "limit": 10,
          "first_year": 2000, "last_year": 2027, "attribute": "vector"}


@pytest.mark.parametrize("name", QUERY_FILES)
def test_every_query_file_runs_on_a_real_snapshot(small_db, name):
    wanted = set(re.findall(r"\$([a-z_]+)", queries.sql(name))) - set(queries.SHARED_PARAMS)
    missing = wanted - set(SAMPLE)
    assert not missing, f"{name}.sql takes {missing}: add a sample value here"
    con = duckdb.connect(str(small_db), read_only=True)
    try:
        for filters in (Filters(), Filters(modality=("gene_therapy",), phase=("PHASE1",))):
            queries.run(con, name, {k: SAMPLE[k] for k in wanted}, filters)
    finally:
        con.close()


def test_staged_columns_are_the_contract_tables(tmp_path):
    """INSERT ... BY NAME fills a column it is not given with NULL, so a staged name that
    drifts from schema.sql would empty a column without an error: the names must agree."""
    from trialscape.snapshot.staging import TABLES

    con = duckdb.connect(str(tmp_path / "s.duckdb"))
    try:
        con.execute(schema_sql())
        for table, schema in TABLES.items():
            columns = [r[0] for r in con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ? "
                "ORDER BY ordinal_position", [table]).fetchall()]
            assert schema.names == columns, table
    finally:
        con.close()
