"""The dashboard's pages run on a real snapshot and show what SQL on the same file says."""

from __future__ import annotations

import os

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from conftest import as_shown, open_app

ADVANCED_SQL = ("list_has_any(modalities, ['gene_editing', 'gene_therapy', "
                "'engineered_cell_therapy', 'cell_therapy', 'mrna', 'oligonucleotide'])")


@pytest.mark.parametrize("scope, where", [
    (None, ADVANCED_SQL),  # the default: what a reader of the gene-therapy explainer expects
    ("medicines", "NOT list_has_all(['other', 'unclassified'], modalities)"),
    ("all", "TRUE"),
])
def test_landscape_counts_equal_sql(monkeypatch, small_db, scope, where):
    at = open_app(monkeypatch, small_db, **({"scope": scope} if scope else {}))
    con = duckdb.connect(str(small_db), read_only=True)
    trials, recruiting, whole = con.execute(
        f"SELECT count(*) FILTER (WHERE {where}), count(*) FILTER (WHERE {where} AND "
        "overall_status = 'RECRUITING'), count(*) FROM trials").fetchone()
    con.close()
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Trials"] == f"{trials:,}"
    assert metrics["Recruiting now"] == f"{recruiting:,}"
    assert len(at.get("plotly_chart")) == 4
    assert not at.warning  # a real snapshot carries no demo banner
    said = " ".join(c.value for c in at.caption)
    assert (f"of the {whole:,} trials" in said and "Left out" in said) is (scope != "all")


def test_about_page(monkeypatch, small_db):
    at = open_app(monkeypatch, small_db, "pages/about.py")
    assert any("Data from ClinicalTrials.gov" in m.value for m in at.markdown)


def test_demo_snapshot_is_labelled(monkeypatch, tmp_path):
    from trialscape.cli import main
    db = tmp_path / "demo.duckdb"
    assert main(["demo", "--db", str(db), "--studies", "500", "--quiet"]) == 0
    at = open_app(monkeypatch, db)
    assert "Fictional demo data" in at.warning[0].value


@pytest.mark.parametrize("content", [None, b"not a database"])
def test_missing_or_unreadable_snapshot_explains_what_to_run(monkeypatch, tmp_path, content):
    db = tmp_path / "trials.duckdb"
    if content:
        db.write_bytes(content)
    at = open_app(monkeypatch, db)  # fails on any exception shown
    assert at.title[0].value == "No trial data yet"
    assert "trialscape demo" in at.code[0].value


def sql_count(db, where: str = "TRUE") -> int:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(f"SELECT count(*) FROM trials WHERE {where}").fetchall()[0][0]
    finally:
        con.close()


def rerun(at: AppTest, page: str | None = None) -> AppTest:
    """Rerun after an interaction. Streamlit 1.67's AppTest skips the script on a plain rerun of
    an st.navigation app's default page (it requests the page's own hash, which a fresh
    PagesManager does not know yet), so go back through the main script as a browser would."""
    if page:
        at.switch_page(page)
    else:
        at._finished_page_script_hash = ""
    at.run()
    assert not at.exception, at.exception
    return at


def test_filters_from_a_link_are_applied(monkeypatch, small_db):
    at = open_app(monkeypatch, small_db, modality="monoclonal_antibody", phase=["PHASE2",
                                                                                 "PHASE3"])
    expected = sql_count(small_db, "list_contains(modalities, 'monoclonal_antibody') "
                                   "AND phase IN ('PHASE2', 'PHASE3')")
    assert {m.label: m.value for m in at.metric}["Trials"] == f"{expected:,}"
    assert at.caption[0].value.startswith(f"{expected:,} trials")
    assert "Modality: Monoclonal antibodies · Phase: Phase 2, Phase 3" in as_shown(
        at.caption[0].value)
    assert at.sidebar.multiselect(key="w_phase").value == ["PHASE2", "PHASE3"]


def test_a_filter_set_in_the_sidebar_goes_to_the_url_and_follows_to_other_pages(
        monkeypatch, small_db):
    at = open_app(monkeypatch, small_db, scope="all")
    at.sidebar.multiselect(key="w_status").set_value(["RECRUITING"])
    rerun(at)
    assert at.query_params["status"] == "RECRUITING"
    recruiting = sql_count(small_db, "overall_status = 'RECRUITING'")
    assert {m.label: m.value for m in at.metric}["Trials"] == f"{recruiting:,}"
    rerun(at, "pages/trials.py")
    assert at.caption[0].value.startswith(f"{recruiting:,} trials")
    assert "Status: Recruiting" in as_shown(at.caption[0].value)


def test_modality_page_from_its_link(monkeypatch, small_db):
    at = open_app(monkeypatch, small_db, "pages/modality.py", modality="monoclonal_antibody")
    expected = sql_count(small_db, "list_contains(modalities, 'monoclonal_antibody')")
    assert at.title[0].value == "Monoclonal antibodies"
    assert at.caption[0].value.startswith(f"{expected:,} trials")
    assert len(at.get("plotly_chart")) >= 8  # phases, status, kinds, sponsors, conditions...
    empty = open_app(monkeypatch, small_db, "pages/modality.py")
    assert empty.selectbox[0].label == "Modality"  # asks which one


def test_trials_page_lists_explains_and_exports(monkeypatch, small_db):
    at = open_app(monkeypatch, small_db, "pages/trials.py", q="vaccine")
    n = int(at.caption[0].value.split()[0].replace(",", ""))
    assert n > 0
    first = at.selectbox(key="trials_detail").value
    con = duckdb.connect(str(small_db), read_only=True)
    evidence = con.execute("SELECT evidence FROM study_modalities WHERE nct_id = ?",
                           [first]).fetchall()
    con.close()
    shown = [t.value for t in at.text]
    assert all(any(e in s for s in shown) for (e,) in evidence)
    labels = [b.proto.label for b in at.get("download_button")]
    assert f"{n:,} trials (CSV)" in labels


def test_stale_data_is_said_plainly(monkeypatch, small_db):
    at = open_app(monkeypatch, small_db)  # the shared records end in 2026
    assert "days ago" in at.info[0].value


def test_a_swapped_snapshot_shows_on_the_next_rerun(monkeypatch, tmp_path):
    from conftest import build_from_studies, shared_studies

    studies = shared_studies(limit=400, only_v2=True)
    db = tmp_path / "trials.duckdb"
    build_from_studies(db, studies[:150])
    at = open_app(monkeypatch, db, scope="all")
    assert {m.label: m.value for m in at.metric}["Trials"] == "150"
    build_from_studies(tmp_path / "next.duckdb", studies)
    os.replace(tmp_path / "next.duckdb", db)  # what a refresh does
    rerun(at)
    assert {m.label: m.value for m in at.metric}["Trials"] == "400"


@pytest.mark.parametrize("key, title, command, classify_exit", [
    ("derived_version", "This snapshot needs a quick update", "trialscape classify", 0),
    ("schema_version", "This snapshot needs rebuilding", "refresh --full", 1),
])
def test_an_older_snapshot_says_what_to_run(monkeypatch, tmp_path, small_db, key, title,
                                            command, classify_exit):
    """Older derived tables: `classify` rebuilds them; an older schema: a rebuild from the
    source (classify refuses it in one line)."""
    from trialscape.cli import main
    db = tmp_path / "old.duckdb"
    db.write_bytes(small_db.read_bytes())
    con = duckdb.connect(str(db))
    con.execute("UPDATE snapshot_info SET value = '1' WHERE key = ?", [key])
    con.close()
    at = open_app(monkeypatch, db)
    assert at.title[0].value == title
    assert command in at.code[0].value
    assert main(["classify", "--db", str(db)]) == classify_exit


def test_a_link_replaces_filters_even_after_a_chart_click(monkeypatch, small_db):
    from trialscape.filters import Filters

    at = open_app(monkeypatch, small_db)
    at.session_state["_undo_filters"] = Filters(status=("COMPLETED",))  # as a click leaves it
    at.query_params["phase"] = "PHASE2"  # then a link (a card, a shared URL) is followed
    rerun(at)
    assert at.session_state["filters"] == Filters(phase=("PHASE2",))
    assert "_undo_filters" not in at.session_state


def test_script_run_times_are_logged_when_asked(monkeypatch, tmp_path, small_db):
    """TRIALSCAPE_TIMINGS: one JSON line per run of the app script, with the page and its
    server time; nothing is written without it."""
    import json

    from conftest import open_app

    log = tmp_path / "timings.jsonl"
    monkeypatch.setenv("TRIALSCAPE_TIMINGS", str(log))
    at = open_app(monkeypatch, small_db)
    rerun(at)
    runs = [json.loads(line) for line in log.read_text().splitlines()]
    assert [r["page"] for r in runs] == ["Landscape", "Landscape"]
    assert all(r["ms"] > 0 for r in runs)
    monkeypatch.delenv("TRIALSCAPE_TIMINGS")
    rerun(at)
    assert len(log.read_text().splitlines()) == 2


def test_a_link_with_values_the_app_does_not_know_says_so(monkeypatch, small_db):
    at = open_app(monkeypatch, small_db, phase=["phase1", "PHASE2"], start_from="19x")
    shown = as_shown(" ".join(w.value for w in at.sidebar.warning))
    assert "phase=phase1" in shown and "start_from=19x" in shown
    assert at.sidebar.multiselect(key="w_phase").value == ["PHASE2"]  # the good one is kept


def test_a_link_naming_an_unknown_modality_says_so_and_shows_the_rest(monkeypatch, small_db):
    # a stale or mistyped modality id would match no trial: it is reported and dropped, as a
    # closed filter's unknown value is, and the known one is kept
    at = open_app(monkeypatch, small_db, modality=["car_t", "monoclonal_antibody"])
    shown = as_shown(" ".join(w.value for w in at.sidebar.warning))
    assert "modality=car_t" in shown
    assert at.sidebar.multiselect(key="w_modality").value == ["monoclonal_antibody"]
    expected = sql_count(small_db, "list_contains(modalities, 'monoclonal_antibody')")
    assert at.caption[0].value.startswith(f"{expected:,} trials")
    assert at.query_params["modality"] == "monoclonal_antibody"  # the link is mended
    # ... and on another page the view is the known modality's
    rerun(at, "pages/editors.py")
    assert at.caption[0].value.startswith(f"{expected:,} trials")


def test_a_link_naming_an_unknown_area_says_so(monkeypatch, small_db):
    at = open_app(monkeypatch, small_db, area=["oncology", "cancer"])
    assert "area=oncology" in as_shown(" ".join(w.value for w in at.sidebar.warning))
    assert at.query_params["area"] == "cancer"


def test_the_modality_page_says_its_link_named_an_unknown_modality(monkeypatch, small_db):
    at = open_app(monkeypatch, small_db, "pages/modality.py", modality="car_t")
    assert "modality=car_t" in as_shown(" ".join(w.value for w in at.main.warning))
    assert at.selectbox[0].label == "Modality"  # ... and offers the known ones
    # once the reader sets the view (here: clears the filters), the link's warning goes
    at = open_app(monkeypatch, small_db, modality="car_t", phase="PHASE2")
    assert at.sidebar.warning
    next(b for b in at.sidebar.button if b.label == "Clear all filters").click()
    rerun(at)
    assert not at.sidebar.warning
    rerun(at, "pages/modality.py")
    assert not at.main.warning


@pytest.mark.parametrize("page, params", [
    ("pages/trials.py", {}), ("pages/modality.py", {"modality": "gene_therapy"}),
    ("pages/editors.py", {}), ("pages/sponsors.py", {"sponsor": "Pfizer"}),
])
def test_every_trial_table_links_to_the_registry_and_speaks_words(monkeypatch, small_db,
                                                                 page, params):
    import json
    import re

    from trialscape import enums

    at = open_app(monkeypatch, small_db, page, **params)
    tables = [df for df in at.dataframe if "link" in df.value.columns]
    assert tables, f"{page} shows no trial table"
    for df in tables:
        config = json.loads(df.proto.columns)["link"]
        assert config["label"] == "Trial"
        shown_as = config["type_config"]["display_text"]
        assert config["type_config"]["type"] == "link"
        for url in df.value["link"]:
            assert re.fullmatch(r"https://clinicaltrials\.gov/study/NCT\d{8}", url), url
            assert re.search(shown_as, url).group(1) == url.rsplit("/", 1)[1]
        for column, vocabulary in (("phase", enums.PHASES), ("status", enums.STATUSES)):
            if column in df.value.columns:  # in words, never the registry's code
                assert not set(df.value[column]) & set(vocabulary), (page, column)
                assert set(df.value[column]) <= {*vocabulary.values(), "Not given", ""}
