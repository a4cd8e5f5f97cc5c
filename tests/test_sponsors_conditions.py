"""Sponsors and conditions pages, and the rule that merges spellings of one organisation."""

from __future__ import annotations

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from conftest import as_shown, open_app
from trialscape.sponsors import canonical_names, sponsor_key


@pytest.mark.parametrize(("a", "b"), [
    ("Pfizer", "Pfizer Inc."), ("Pfizer", "PFIZER, INC"), ("AstraZeneca", "AstraZeneca AB"),
    ("Merck Sharp & Dohme LLC", "Merck Sharp & Dohme Corp."),
    ("Eli Lilly and Company", "Eli Lilly"), ("Bayer", "Bayer AG"),
    ("Novo Nordisk A/S", "Novo Nordisk"), ("The Cleveland Clinic", "Cleveland Clinic"),
    ("Laboratorios Silanes S.A. de C.V.", "Laboratorios Silanes S.A. de C.V"),
])
def test_spelling_variants_are_one_organisation(a, b):
    assert sponsor_key(a) == sponsor_key(b)


@pytest.mark.parametrize(("a", "b"), [
    ("Genentech, Inc.", "Hoffmann-La Roche"), ("Novartis", "Novartis Pharmaceuticals"),
    ("University of Texas", "University of Texas Southwestern Medical Center"),
])
def test_different_organisations_stay_apart(a, b):
    assert sponsor_key(a) != sponsor_key(b)


def test_the_most_frequent_spelling_names_the_group():
    names = canonical_names([("Pfizer Inc.", 3), ("Pfizer", 10), ("PFIZER INC", 1)])
    assert set(names.values()) == {"Pfizer"}


def page(monkeypatch, db, path, **params) -> AppTest:
    return open_app(monkeypatch, db, path, timeout=120, **params)


def test_leaderboard_and_a_merged_sponsor_profile(monkeypatch, ctgov_db):
    con = duckdb.connect(str(ctgov_db), read_only=True)
    top = con.execute("SELECT sponsor, count(*) FROM trials WHERE sponsor IS NOT NULL "
                      "GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1").fetchall()[0]
    merged = con.execute("SELECT sponsor, list(name ORDER BY name) FROM sponsor_aliases "
                         "GROUP BY 1 HAVING count(*) > 1 ORDER BY 1 LIMIT 1").fetchall()[0]
    expected = con.execute("SELECT count(*) FROM studies WHERE list_contains(?, lead_sponsor)",
                           [merged[1]]).fetchall()[0][0]
    con.close()
    board = page(monkeypatch, ctgov_db, "pages/sponsors.py")
    first = board.dataframe[0].value.iloc[0]
    assert (first.sponsor, int(first.trials)) == (top[0], top[1])
    profile = page(monkeypatch, ctgov_db, "pages/sponsors.py", sponsor=merged[0])
    assert as_shown(profile.title[0].value) == merged[0]
    assert profile.caption[0].value.startswith(f"{expected:,} trials")
    assert any("Counted as one organisation" in c.value for c in profile.caption)


def test_conditions_treemap_and_one_condition(monkeypatch, small_db):
    at = page(monkeypatch, small_db, "pages/conditions.py")
    assert len(at.get("plotly_chart")) == 1
    one = page(monkeypatch, small_db, "pages/conditions.py", condition="asthma")
    con = duckdb.connect(str(small_db), read_only=True)
    expected = con.execute("SELECT count(*) FROM trials WHERE contains(condition_text, 'asthma')"
                           ).fetchall()[0][0]
    con.close()
    assert one.caption[0].value.startswith(f"{expected:,} trials")
    assert as_shown(one.title[0].value) == "Condition: asthma"
