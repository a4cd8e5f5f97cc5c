"""The editors' desk on a snapshot whose history comes from real refreshes (local API server)."""

from __future__ import annotations

import copy
import os
import subprocess
import sys

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from conftest import ROOT, open_app, shared_studies
from testsupport.ctgov_server import Registry, serve


def _nct(s: dict) -> str:
    return s["protocolSection"]["identificationModule"]["nctId"]


@pytest.fixture(scope="module")
def refreshed_db(tmp_path_factory):
    """A full refresh, then an incremental one after sponsors stopped trials and posted new."""
    studies = copy.deepcopy(shared_studies(limit=1500, only_v2=True))
    base, extra = studies[:1400], studies[1400:]
    reg = Registry(base)
    db = tmp_path_factory.mktemp("desk") / "trials.duckdb"

    def refresh(*args: str) -> None:
        done = subprocess.run(
            [sys.executable, "-m", "trialscape", "refresh", "--db", str(db), "--base-url", url,
             "--rate", "0", "--quiet", *args], capture_output=True, text=True, cwd=ROOT,
            env={**os.environ, "TRIALSCAPE_DOWNLOADS": str(db.parent / "dl")}, timeout=300)
        assert done.returncode == 0, done.stderr

    with serve(reg) as url:
        refresh()
        running = [s for s in base if s["protocolSection"].get("statusModule", {})
                   .get("overallStatus") == "RECRUITING"][:4]
        for s in running:
            sm = s["protocolSection"]["statusModule"]
            sm["overallStatus"] = "TERMINATED"
            sm["whyStopped"] = "Funding withdrawn by the sponsor"
            sm["lastUpdatePostDateStruct"] = {"date": "2026-11-18", "type": "ACTUAL"}
        for s in extra:
            sm = s["protocolSection"].setdefault("statusModule", {})
            sm["lastUpdatePostDateStruct"] = {"date": "2026-11-19", "type": "ACTUAL"}
            sm["studyFirstPostDateStruct"] = {"date": "2026-11-19", "type": "ACTUAL"}
        reg.studies = base + extra
        reg.data_timestamp = "2026-11-20T15:00:00"
        refresh()
    return db, [_nct(s) for s in running], [_nct(s) for s in extra]


def desk(monkeypatch, db, **params) -> AppTest:
    return open_app(monkeypatch, db, "pages/editors.py", timeout=120, **params)


def test_whats_new_shows_what_the_refresh_recorded(monkeypatch, refreshed_db):
    db, stopped, new = refreshed_db
    at = desk(monkeypatch, db)
    metrics = {m.label: m.value for m in at.metric}
    con = duckdb.connect(str(db), read_only=True)
    counts = dict(con.execute("SELECT change, count(*) FROM changes "
                              "WHERE changed_on >= DATE '2026-10-21' GROUP BY 1").fetchall())
    con.close()
    assert metrics["New trials"] == f"{counts['new_trial']:,}" == f"{len(new):,}"
    assert metrics["Status changes"] == f"{counts['status_change']:,}" == f"{len(stopped):,}"
    tables = [df.value for df in at.dataframe]
    stopped_table = next(t for t in tables if "why_stopped" in t.columns)
    assert sorted(link.rsplit("/", 1)[1] for link in stopped_table["link"]) == sorted(stopped)
    assert set(stopped_table["why_stopped"]) == {"Funding withdrawn by the sponsor"}


def test_the_desk_respects_filters_and_explains_its_score(monkeypatch, refreshed_db):
    db, _, _ = refreshed_db
    at = desk(monkeypatch, db, status="COMPLETED")
    assert {m.label: m.value for m in at.metric}["Status changes"] == "0"  # all now TERMINATED
    assert any("√(recent + before)" in c.value for c in at.caption)
    assert any(h.value == "Explainer coverage" for h in at.header)


def test_without_history_the_desk_says_so(monkeypatch, small_db):
    at = desk(monkeypatch, small_db)
    assert "No refresh history" in at.info[-1].value


def test_long_lists_show_their_top_and_say_how_many(monkeypatch, tmp_path):
    """A demo registry of 30,000 trials registers hundreds in 90 days: the page shows the
    newest 200 and says how many there are (the CSV has them all)."""
    from trialscape.cli import main

    db = tmp_path / "demo.duckdb"
    assert main(["demo", "--db", str(db), "--studies", "30000", "--quiet"]) == 0
    at = desk(monkeypatch, db)
    at.segmented_control(key="desk_window").set_value("90").run()
    assert not at.exception, at.exception
    con = duckdb.connect(str(db), read_only=True)
    (n,) = con.execute("""
        SELECT count(*) FROM trials WHERE first_posted >= (
            SELECT CAST(value AS DATE) - 90 FROM snapshot_info WHERE key = 'data_timestamp'
        )""").fetchall()[0]
    con.close()
    assert n > 200, "the demo no longer registers a long list in 90 days"
    assert any(f"Showing the first 200 of {n:,}" in c.value for c in at.caption)
    assert len(at.dataframe[0].value) == 200
