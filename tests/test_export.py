"""`trialscape export` and the dashboard's export: exactly the filtered trials, with provenance."""

from __future__ import annotations

import csv
import subprocess
import sys
import zipfile

import duckdb

from conftest import ROOT
from trialscape import export
from trialscape.filters import Filters


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "trialscape", "export", *args],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)


def sql_ids(db, where: str) -> list[str]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return sorted(r[0] for r in con.execute(f"SELECT nct_id FROM trials WHERE {where}")
                      .fetchall())
    finally:
        con.close()


def read_csv(path) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_csv_holds_exactly_the_filtered_trials(small_db, tmp_path):
    out = tmp_path / "x.csv"
    done = cli("--db", str(small_db), "--out", str(out), "--modality", "monoclonal_antibody",
               "--phase", "PHASE2", "--phase", "PHASE3")
    assert done.returncode == 0, done.stderr
    rows = read_csv(out)
    assert sorted(r["nct_id"] for r in rows) == sql_ids(
        small_db, "list_contains(modalities, 'monoclonal_antibody') AND "
                  "phase IN ('PHASE2', 'PHASE3')")
    assert rows[0]["url"] == f"https://clinicaltrials.gov/study/{rows[0]['nct_id']}"
    assert all("monoclonal_antibody" in r["modalities"].split("; ") for r in rows)
    assert f"wrote {len(rows):,} trials" in done.stderr

    # The same view from a dashboard link gives the same file.
    link = tmp_path / "link.csv"
    assert cli("--db", str(small_db), "--out", str(link), "--from-url",
               "http://localhost:8501/trials?modality=monoclonal_antibody&phase=PHASE2"
               "&phase=PHASE3").returncode == 0
    assert link.read_bytes() == out.read_bytes()


def test_every_trial_exports_from_the_whole_corpus(ctgov_db, tmp_path):
    out = tmp_path / "all.csv"
    assert cli("--db", str(ctgov_db), "--out", str(out)).returncode == 0
    rows = read_csv(out)
    assert len(rows) == len(sql_ids(ctgov_db, "TRUE"))
    assert len({r["nct_id"] for r in rows}) == len(rows)


def test_excel_has_the_trials_and_a_sheet_saying_what_they_are(small_db, tmp_path):
    out = tmp_path / "x.xlsx"
    done = cli("--db", str(small_db), "--out", str(out), "--status", "RECRUITING")
    assert done.returncode == 0, done.stderr
    with zipfile.ZipFile(out) as book:
        names = book.namelist()
        workbook = book.read("xl/workbook.xml").decode()
        text = " ".join(book.read(n).decode("utf-8", "replace") for n in names
                        if n.endswith(".xml"))
    assert 'name="Trials"' in workbook and 'name="About this export"' in workbook
    assert "Status: Recruiting" in text and "ClinicalTrials.gov" in text
    recruiting = sql_ids(small_db, "overall_status = 'RECRUITING'")
    assert f"{len(recruiting):,}" in text
    assert recruiting[0] in text


def test_names_and_bad_requests():
    f = Filters(modality=("gene_therapy",), phase=("PHASE1",))
    assert export.file_name(f, "2026-11-20", "csv") == (
        "trialscape_gene-therapy-phase1_2026-11-20.csv")
    assert f.slug() == "gene-therapy-phase1"
    bad = cli("--out", "x.pdf")
    assert bad.returncode == 1 and bad.stderr.count("\n") == 1 and ".csv or .xlsx" in bad.stderr


def test_csv_cells_never_run_as_spreadsheet_formulas(tmp_path):
    """Registry text that starts like a formula is written so a spreadsheet shows it as text."""
    import copy

    from conftest import build_from_studies, shared_studies

    hostile = {"=HYPERLINK(\"http://evil.example\",\"Click\")": "brief_title",
               "@SUM(1+1)*cmd|' /C calc'!A0": "lead_sponsor",
               "+1+1": "why_stopped", "-2+3": "conditions"}
    studies = shared_studies(limit=5, only_v2=True)
    odd = copy.deepcopy(studies[0])
    proto = odd["protocolSection"]
    proto["identificationModule"]["briefTitle"] = "=HYPERLINK(\"http://evil.example\",\"Click\")"
    proto.setdefault("sponsorCollaboratorsModule", {})["leadSponsor"] = {
        "name": "@SUM(1+1)*cmd|' /C calc'!A0", "class": "OTHER"}
    proto.setdefault("statusModule", {})["whyStopped"] = "+1+1"
    proto.setdefault("conditionsModule", {})["conditions"] = ["-2+3"]
    db = build_from_studies(tmp_path / "t.duckdb", [odd, *studies[1:]])
    out = tmp_path / "x.csv"
    done = cli("--db", str(db), "--out", str(out))
    assert done.returncode == 0, done.stderr
    row = next(r for r in read_csv(out)
               if r["nct_id"] == proto["identificationModule"]["nctId"])
    for text, column in hostile.items():
        assert row[column] == "'" + text, column
    assert row["nct_id"].startswith("NCT") and row["enrollment"][:1] != "'"
    # the dashboard's small CSVs (a chart's numbers, an editors' list) too
    import pandas as pd
    small = export.frame_csv_bytes(pd.DataFrame({"sponsor": ["=cmd()", "Acme"], "n": [-1, 2]}))
    assert small.decode().splitlines() == ['"sponsor","n"', '"\'=cmd()",-1', '"Acme",2']


def test_a_modality_or_area_id_trialscape_does_not_define_is_refused(small_db, tmp_path):
    # it would match no trial: an empty file would look like an answer
    for flag, value in (("--modality", "car_t"), ("--area", "oncology")):
        done = cli("--db", str(small_db), "--out", str(tmp_path / "x.csv"), flag, value)
        assert done.returncode == 2, done.stderr
        assert f"{flag[2:]}={value} (not one of" in done.stderr
        assert not (tmp_path / "x.csv").exists()
