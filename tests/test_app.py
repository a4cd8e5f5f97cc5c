"""The dashboard's pages run on a real snapshot and show what SQL on the same file says."""

from __future__ import annotations

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from conftest import ROOT

APP = str(ROOT / "app.py")


def run_page(monkeypatch, db, page: str | None = None) -> AppTest:
    monkeypatch.setenv("TRIALSCAPE_DB", str(db))
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    if page:
        at.switch_page(page)
        at.run()
    assert not at.exception, at.exception
    return at


def test_landscape_counts_equal_sql(monkeypatch, small_db):
    at = run_page(monkeypatch, small_db)
    con = duckdb.connect(str(small_db), read_only=True)
    trials, recruiting = con.execute(
        "SELECT count(*), count(*) FILTER (WHERE overall_status = 'RECRUITING') FROM trials"
    ).fetchone()
    con.close()
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Trials"] == f"{trials:,}"
    assert metrics["Recruiting now"] == f"{recruiting:,}"
    assert len(at.get("plotly_chart")) == 4
    assert not at.warning  # a real snapshot carries no demo banner


def test_about_page(monkeypatch, small_db):
    at = run_page(monkeypatch, small_db, "pages/about.py")
    assert any("Data from ClinicalTrials.gov" in m.value for m in at.markdown)


def test_demo_snapshot_is_labelled(monkeypatch, tmp_path):
    from trialscape.cli import main
    db = tmp_path / "demo.duckdb"
    assert main(["demo", "--db", str(db), "--studies", "500", "--quiet"]) == 0
    at = run_page(monkeypatch, db)
    assert "Fictional demo data" in at.warning[0].value


@pytest.mark.parametrize("content", [None, b"not a database"])
def test_missing_or_unreadable_snapshot_explains_what_to_run(monkeypatch, tmp_path, content):
    db = tmp_path / "trials.duckdb"
    if content:
        db.write_bytes(content)
    monkeypatch.setenv("TRIALSCAPE_DB", str(db))
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception
    assert at.title[0].value == "No trial data yet"
    assert "trialscape demo" in at.code[0].value
