"""Every real record in ../shared/ctgov through the real import path."""

from __future__ import annotations

import duckdb
import pytest

from conftest import build_from_studies, shared_studies


@pytest.fixture(scope="module")
def con(ctgov_db):
    c = duckdb.connect(str(ctgov_db), read_only=True)
    yield c
    c.close()


def one(con, sql, params=None):
    return con.execute(sql, params or []).fetchone()[0]


def test_every_record_imported_once(con):
    n_lines = len(shared_studies())
    assert one(con, "SELECT count(*) FROM studies") == n_lines
    assert one(con, "SELECT count(DISTINCT nct_id) FROM studies") == n_lines
    assert one(con, "SELECT value FROM snapshot_info WHERE key = 'study_count'") == str(n_lines)


def test_field_coverage_matches_the_source(con):
    studies = shared_studies()
    def has(path):
        n = 0
        for s in studies:
            node = s
            for key in path:
                node = node.get(key) if isinstance(node, dict) else None
            n += bool(node)
        return n
    ps = ("protocolSection",)
    assert one(con, "SELECT count(*) FROM studies WHERE overall_status IS NOT NULL") == \
        has((*ps, "statusModule", "overallStatus"))
    assert one(con, "SELECT count(*) FROM studies WHERE start_date IS NOT NULL") == \
        has((*ps, "statusModule", "startDateStruct", "date"))
    assert one(con, "SELECT count(*) FROM studies WHERE phase IS NOT NULL") == \
        has((*ps, "designModule", "phases"))
    assert one(con, "SELECT count(*) FROM interventions") == sum(
        len(s["protocolSection"].get("armsInterventionsModule", {}).get("interventions") or [])
        for s in studies)


def test_normalised_values(con):
    phases = {r[0] for r in con.execute("SELECT DISTINCT phase::VARCHAR FROM studies").fetchall()}
    assert phases <= {"EARLY_PHASE1", "PHASE1", "PHASE1_PHASE2", "PHASE2", "PHASE2_PHASE3",
                      "PHASE3", "PHASE4", "NA", None}
    assert "PHASE1_PHASE2" in phases
    # One spelling per country: the legacy and new spellings seen in the corpus are merged.
    countries = {r[0] for r in con.execute("SELECT DISTINCT country FROM locations").fetchall()}
    for legacy in ("Korea, Republic of", "Turkey (Türkiye)", "Russian Federation",
                   "Czech Republic", "Iran, Islamic Republic of"):
        assert legacy not in countries
    assert {"South Korea", "Turkey", "Russia", "Czechia"} <= countries
    # Partial dates: month precision is the 1st and says so.
    assert one(con, "SELECT count(*) FROM studies WHERE start_date_precision = 'month' "
                    "AND day(start_date) <> 1") == 0
    assert one(con, "SELECT count(*) FROM studies WHERE start_date_precision = 'month'") > 1000


def test_every_trial_has_a_modality_and_one_primary(con):
    assert one(con, "SELECT count(*) FROM studies WHERE nct_id NOT IN "
                    "(SELECT nct_id FROM study_modalities)") == 0
    assert one(con, "SELECT count(*) FROM (SELECT nct_id FROM study_modalities "
                    "GROUP BY nct_id HAVING count(*) FILTER (WHERE is_primary) <> 1)") == 0
    assert one(con, "SELECT count(*) FROM trials") == one(con, "SELECT count(*) FROM studies")


def test_registry_text_is_kept_as_written(con):
    # The corpus carries CommonMark escapes and HTML entities; none may be unescaped.
    assert one(con, r"SELECT count(*) FROM studies WHERE brief_summary LIKE '%\>%'") > 0
    assert one(con, "SELECT count(*) FROM studies WHERE brief_summary LIKE '%&amp;%' "
                    "OR official_title LIKE '%&amp;%' OR brief_title LIKE '%&amp;%'") > 0


def test_import_is_idempotent(tmp_path):
    studies = shared_studies(limit=3000)
    a = build_from_studies(tmp_path / "a.duckdb", studies)
    b = build_from_studies(tmp_path / "b.duckdb", studies)
    for table in ("studies", "conditions", "interventions", "sponsors", "locations",
                  "study_modalities", "trials"):
        q = f"SELECT * FROM {table} ORDER BY ALL"
        ca, cb = duckdb.connect(str(a), read_only=True), duckdb.connect(str(b), read_only=True)
        try:
            assert ca.execute(q).fetchall() == cb.execute(q).fetchall(), table
        finally:
            ca.close()
            cb.close()


def test_duplicates_in_real_records_keep_newest(tmp_path):
    studies = [s for s in shared_studies(limit=200, only_v2=True)
               if s["protocolSection"].get("statusModule", {}).get("lastUpdatePostDateStruct")][:50]
    stale = [dict(s) for s in studies[:10]]
    for s in stale:  # an older snapshot of the same trials, read after the newer one
        s["protocolSection"] = dict(s["protocolSection"])
        status = dict(s["protocolSection"].get("statusModule", {}))
        status["lastUpdatePostDateStruct"] = {"date": "2000-01-01"}
        status["overallStatus"] = "WITHDRAWN"
        s["protocolSection"]["statusModule"] = status
    db = build_from_studies(tmp_path / "d.duckdb", studies + stale)
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert one(con, "SELECT count(*) FROM studies") == 50
        assert one(con, "SELECT count(*) FROM studies WHERE last_update_posted = "
                        "DATE '2000-01-01'") == 0
    finally:
        con.close()
