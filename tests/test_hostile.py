"""Nothing lost, nothing injected: import and refresh under what real users and a flaky
registry do (issue 14). Every test here failed before its fix."""

from __future__ import annotations

import copy
import gzip
import json
import os
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

import duckdb
import orjson
import pytest

from conftest import FIXTURES, ROOT, shared_studies
from testsupport.ctgov_server import Registry, serve

TRIALSCAPE = [sys.executable, "-m", "trialscape"]


def run(*args: str, env: dict | None = None, timeout: float = 300
        ) -> subprocess.CompletedProcess:
    return subprocess.run([*TRIALSCAPE, *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=timeout, env={**os.environ, **(env or {})})


def refresh(db: Path, url: str, *extra: str) -> subprocess.CompletedProcess:
    return run("refresh", "--db", str(db), "--base-url", url, "--rate", "0", "--backoff",
               "0.05", "--quiet", *extra, env={"TRIALSCAPE_DOWNLOADS": str(db.parent / "dl")})


def count(db: Path, sql: str = "SELECT count(*) FROM studies") -> int:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()[0][0]
    finally:
        con.close()


def one_line_error(done: subprocess.CompletedProcess) -> str:
    assert done.returncode == 1, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in done.stderr, done.stderr
    return lines[0]


@pytest.fixture(scope="module")
def studies() -> list[dict]:
    return shared_studies(limit=600, only_v2=True)


def write_jsonl(path: Path, records: list) -> Path:
    path.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in records))
    return path


# --- import: one bad record never costs the rest --------------------------------------------

def test_an_enrolment_that_fits_no_column_skips_only_its_record(studies, tmp_path):
    odd = copy.deepcopy(studies[0])
    odd["protocolSection"].setdefault("designModule", {})["enrollmentInfo"] = {"count": 2 ** 63}
    db = tmp_path / "t.duckdb"
    done = run("import", str(write_jsonl(tmp_path / "in.jsonl", [odd, *studies[1:50]])),
               "--db", str(db), "--quiet")
    assert done.returncode == 0, done.stderr
    assert "enrollmentInfo.count: out of range" in done.stderr
    assert count(db) == 49


def test_a_csv_saved_in_another_encoding_imports_and_says_so(tmp_path):
    text = (FIXTURES / "ctg-studies.csv").read_text("utf-8")
    lines = text.splitlines(keepends=True)
    # one title with an accent, written as Windows-1252 (not UTF-8)
    lines[1] = lines[1].replace(",", ",Étude ", 1) if "," in lines[1] else lines[1]
    (tmp_path / "x.csv").write_bytes("".join(lines).encode("cp1252", errors="replace"))
    db = tmp_path / "t.duckdb"
    done = run("import", str(tmp_path / "x.csv"), "--db", str(db), "--quiet")
    assert done.returncode == 0, done.stderr
    assert "not UTF-8" in done.stderr
    assert count(db) == len(lines) - 1


def test_csv_rows_short_of_cells_are_reported_and_long_fields_kept(tmp_path):
    import csv
    import io

    with open(FIXTURES / "ctg-studies.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    header, good = rows[0], rows[1:]
    long_row = list(good[0])
    long_row[header.index("NCT Number")] = "NCT09999992"
    long_row[header.index("Study Title")] = "A" * 200_000
    sink = io.StringIO()
    csv.writer(sink).writerows([header, *good, ["NCT09999991", "Too few", "cells"],
                                long_row])
    (tmp_path / "x.csv").write_text(sink.getvalue(), "utf-8")
    db = tmp_path / "t.duckdb"
    done = run("import", str(tmp_path / "x.csv"), "--db", str(db), "--quiet")
    assert done.returncode == 0, done.stderr
    assert "3 cells for" in done.stderr  # reported, not imported with NULLs
    assert "over 131,072 characters" in done.stderr
    assert count(db, "SELECT count(*) FROM studies WHERE nct_id = 'NCT09999991'") == 0
    assert count(db, "SELECT max(length(brief_title)) FROM studies") == 200_000


def _patch_member(path: Path, name: str, *, flags: int | None = None,
                  method: int | None = None) -> None:
    """Set a member's general-purpose flags or compression method in both of its headers,
    as an encrypting or exotic zip tool would write them."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(name)
    local = info.header_offset
    central = data.rfind(b"PK\x01\x02" + bytes(data[local + 4:local + 6]),
                         0)  # any central entry; find ours by name below
    central = data.find(b"PK\x01\x02")
    while central != -1:
        n = int.from_bytes(data[central + 28:central + 30], "little")
        if data[central + 46:central + 46 + n] == name.encode():
            break
        central = data.find(b"PK\x01\x02", central + 4)
    for offset, flag_at, method_at in ((local, 6, 8), (central, 8, 10)):
        if flags is not None:
            data[offset + flag_at:offset + flag_at + 2] = flags.to_bytes(2, "little")
        if method is not None:
            data[offset + method_at:offset + method_at + 2] = method.to_bytes(2, "little")
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("damage, reason", [
    ({"flags": 1}, "encrypted"), ({"method": 99}, "compression"),
])
def test_an_encrypted_or_exotic_zip_member_is_skipped(studies, tmp_path, damage, reason):
    path = tmp_path / "ctg-studies.json.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for s in studies[:20]:
            nct = s["protocolSection"]["identificationModule"]["nctId"]
            archive.writestr(f"{nct}.json", orjson.dumps(s))
    victim = studies[3]["protocolSection"]["identificationModule"]["nctId"] + ".json"
    _patch_member(path, victim, **damage)
    db = tmp_path / "t.duckdb"
    done = run("import", str(path), "--db", str(db), "--quiet")
    assert done.returncode == 0, done.stderr
    assert victim in done.stderr and reason in done.stderr.lower()
    assert count(db) == 19


def test_a_zip_member_past_the_size_limit_is_not_read(studies, tmp_path, monkeypatch):
    from trialscape.ingest import files

    monkeypatch.setattr(files, "MAX_MEMBER_BYTES", 50_000)
    path = tmp_path / "bomb.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("big.json", b" " * 5_000_000 + orjson.dumps(studies[0]))
        archive.writestr("ok.json", orjson.dumps(studies[1]))
    reports: list = []
    got = list(files.read_records([path], reports))
    assert len(got) == 1
    assert "skipped" in reports[0].reasons[0] and reports[0].broken == 1


def test_a_mistyped_path_beside_a_good_one_imports_nothing(studies, tmp_path):
    db = tmp_path / "t.duckdb"
    good = write_jsonl(tmp_path / "in.jsonl", studies[:30])
    assert run("import", str(good), "--db", str(db), "--quiet").returncode == 0
    before = db.read_bytes()
    done = run("import", str(good), str(tmp_path / "typo.jsonl"), "--db", str(db), "--quiet")
    assert "typo.jsonl: no such file" in one_line_error(done)
    assert db.read_bytes() == before


# --- refresh: two at once, a registry that moves, pages that loop ---------------------------

def test_two_writers_of_one_snapshot_never_run_at_once(studies, tmp_path):
    """A cron refresh and a person's: the second refuses in one line while the first runs,
    and the first publishes every trial."""
    reg = Registry(studies, page_delay=0.4)
    db = tmp_path / "trials.duckdb"
    with serve(reg) as url:
        first = subprocess.Popen(
            [*TRIALSCAPE, "refresh", "--db", str(db), "--base-url", url, "--rate", "0",
             "--page-size", "100", "--quiet"], cwd=ROOT, stderr=subprocess.PIPE, text=True,
            env={**os.environ, "TRIALSCAPE_DOWNLOADS": str(tmp_path / "dl")})
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not list((tmp_path / "dl").glob("*/page-*")):
            time.sleep(0.05)
        second = refresh(db, url, "--page-size", "100")
        importing = run("import", str(write_jsonl(tmp_path / "x.jsonl", studies[:5])),
                        "--db", str(db), "--quiet")
        _, err = first.communicate(timeout=300)
    assert first.returncode == 0, err
    assert "another trialscape is writing" in one_line_error(second)
    assert "a refresh" in one_line_error(importing)
    assert count(db) == len(studies)
    assert count(db, "SELECT count(*) FROM changes") == 0


def test_a_registry_update_during_the_download_starts_it_again(studies, tmp_path):
    """Fifty studies deleted and fifty added between page 2 and 3: the refresh notices the new
    dataTimestamp, downloads again and publishes exactly the new data."""
    old, added = studies[:500], studies[500:550]
    reg = Registry(copy.deepcopy(old))

    def update(r: Registry, pages: int) -> None:
        if pages == 2 and r.data_timestamp.endswith("09:00:00"):
            with r.lock:
                r.studies = r.studies[50:] + copy.deepcopy(added)
                r.tokens.clear()
                r.data_timestamp = "2026-11-21T09:00:00"

    reg.after_page = update
    db = tmp_path / "trials.duckdb"
    with serve(reg) as url:
        done = refresh(db, url, "--page-size", "100")
    assert done.returncode == 0, done.stderr
    ids = {s["protocolSection"]["identificationModule"]["nctId"] for s in reg.studies}
    con = duckdb.connect(str(db), read_only=True)
    got = {r[0] for r in con.execute("SELECT nct_id FROM studies").fetchall()}
    stamp = con.execute("SELECT value FROM snapshot_info WHERE key = 'data_timestamp'"
                        ).fetchall()[0][0]
    con.close()
    assert got == ids and stamp == "2026-11-21T09:00:00"


def test_a_registry_that_never_holds_still_fails_cleanly(studies, tmp_path):
    reg = Registry(studies[:300])
    ticks = iter(range(10, 99))

    def update(r: Registry, pages: int) -> None:
        r.data_timestamp = f"2026-11-{next(ticks)}T09:00:00"

    reg.after_page = update
    db = tmp_path / "trials.duckdb"
    with serve(reg) as url:
        done = refresh(db, url, "--page-size", "100")
    assert "changed during the download" in one_line_error(done)
    assert not db.exists()


@pytest.mark.parametrize("case, message", [
    ("cycle", "in a circle"),  # a server alternating two page tokens
    ("total", "announced 300 studies and served 250"),  # a totalCount that disagrees
])
def test_a_download_that_cannot_be_whole_builds_nothing(studies, tmp_path, case, message):
    reg = (Registry(studies, cycle=True) if case == "cycle"
           else Registry(studies[:250], total_offset=50))
    db = tmp_path / "trials.duckdb"
    with serve(reg) as url:
        done = refresh(db, url, "--page-size", "100")
    assert message in one_line_error(done)
    assert len([r for r in reg.requests if r["path"].endswith("/studies")]) <= 4
    assert not db.exists()


def test_a_field_the_registry_no_longer_knows_stops_before_downloading(studies, tmp_path):
    reg = Registry(studies[:50], unknown_fields=("LocationGeoPoint",))
    db = tmp_path / "trials.duckdb"
    with serve(reg) as url:
        done = refresh(db, url)
    assert "LocationGeoPoint" in one_line_error(done)
    assert not [r for r in reg.requests if r["path"].endswith("/studies")]


def test_403_says_what_happened_and_the_way_round(studies, tmp_path):
    reg = Registry(studies[:50], always="403")
    db = tmp_path / "trials.duckdb"
    with serve(reg) as url:
        done = refresh(db, url)
    line = one_line_error(done)
    assert "HTTP 403" in line and "ctg-studies.json.zip" in line and "import" in line
    assert len([r for r in reg.requests if r["path"].endswith("/studies")]) == 1  # no retry


def test_a_version_without_data_timestamp_is_allowed(studies, tmp_path):
    reg = Registry(studies[:80], with_timestamp=False)
    db = tmp_path / "trials.duckdb"
    with serve(reg) as url:
        done = run("refresh", "--db", str(db), "--base-url", url, "--rate", "0",
                   env={"TRIALSCAPE_DOWNLOADS": str(tmp_path / "dl")})
    assert done.returncode == 0, done.stderr
    assert "no dataTimestamp" in done.stderr
    assert count(db) == 80


def test_a_new_enum_value_keeps_the_study_and_is_reported_once(studies, tmp_path):
    new = copy.deepcopy(studies[:40])
    for s in new[:3]:
        p = s["protocolSection"]
        p["statusModule"]["overallStatus"] = "PAUSED"
        p.setdefault("designModule", {})["phases"] = ["PHASE5"]
        p.setdefault("sponsorCollaboratorsModule", {}).setdefault("leadSponsor", {
            "name": "Acme"})["class"] = "CONSORTIUM"
    reg = Registry(new)
    db = tmp_path / "trials.duckdb"
    with serve(reg) as url:
        first = refresh(db, url)
        again = refresh(db, url, "--full")
    assert first.returncode == 0, first.stderr
    assert count(db) == 40
    assert count(db, "SELECT count(*) FROM studies WHERE registry_status = 'PAUSED' AND "
                     "overall_status IS NULL AND registry_phases = ['PHASE5']") == 3
    assert count(db, "SELECT count(*) FROM changes WHERE change = 'removed'") == 0
    assert again.returncode == 0, again.stderr


def test_import_reports_new_enum_values_once_per_run(studies, tmp_path):
    new = copy.deepcopy(studies[:20])
    for s in new[:4]:
        s["protocolSection"]["statusModule"]["overallStatus"] = "PAUSED"
    db = tmp_path / "t.duckdb"
    done = run("import", str(write_jsonl(tmp_path / "x.jsonl", new)), "--db", str(db),
               "--quiet")
    assert done.returncode == 0, done.stderr
    assert done.stderr.count("overall status: PAUSED") == 1 and "x4" in done.stderr
    assert count(db) == 20


# --- downloads: what a refresh leaves behind ------------------------------------------------

def test_an_incremental_download_is_not_imported_as_a_whole_registry(studies, tmp_path):
    reg = Registry(copy.deepcopy(studies[:200]))
    db = tmp_path / "trials.duckdb"
    dl = tmp_path / "dl"
    with serve(reg) as url:
        assert refresh(db, url).returncode == 0
        for s in reg.studies[:5]:
            s["protocolSection"]["statusModule"]["lastUpdatePostDateStruct"] = {
                "date": "2026-11-19", "type": "ACTUAL"}
        reg.data_timestamp = "2026-11-21T09:00:00"
        done = refresh(db, url)
        assert done.returncode == 0, done.stderr
    runs = sorted((dl / "done").iterdir())
    full, incremental = runs[0], runs[-1]
    before = db.read_bytes()
    refused = run("import", str(incremental), "--db", str(db), "--quiet")
    assert "incremental refresh download" in one_line_error(refused)
    assert db.read_bytes() == before
    whole = run("import", str(full), "--db", str(tmp_path / "again.duckdb"), "--quiet")
    assert whole.returncode == 0, whole.stderr
    assert "checkpoint.json" not in whole.stderr  # bookkeeping, not a broken record
    assert count(tmp_path / "again.duckdb") == 200


def test_a_page_damaged_before_the_build_fails_the_refresh(studies, tmp_path, monkeypatch):
    """Pages are the refresh's own files: a missing or corrupt one means the download was
    disturbed, and must fail the refresh instead of being skipped as broken input."""
    from trialscape import refresh as refresh_mod
    from trialscape.ingest.api import ApiClient
    from trialscape.refresh import DownloadDamaged, Plan, Scope, run_refresh

    real = refresh_mod.read_records

    def damaged(pages, reports, *a, **k):
        pages[1].write_bytes(b"\x1f\x8b\x08 not gzip")
        return real(pages, reports, *a, **k)

    monkeypatch.setattr(refresh_mod, "read_records", damaged)
    reg = Registry(studies[:300])
    db = tmp_path / "trials.duckdb"
    with serve(reg) as url, ApiClient(url, rate=0) as client, pytest.raises(DownloadDamaged):
        run_refresh(db, Plan("full", None, Scope(), "test"), client, tmp_path / "dl",
                    existing=None, page_size=100)
    assert not db.exists()


def test_a_killed_build_leaves_nothing_that_lasts(studies, tmp_path):
    db = tmp_path / "trials.duckdb"
    stale = tmp_path / ".trials.duckdb.building-999999"  # a pid no process has
    stale.write_bytes(b"half a database")
    done = run("import", str(write_jsonl(tmp_path / "x.jsonl", studies[:10])), "--db", str(db),
               "--quiet")
    assert done.returncode == 0, done.stderr
    assert not stale.exists()


def test_the_lock_is_refused_in_one_line_while_held(studies, tmp_path):
    from trialscape.snapshot.lock import writing

    db = tmp_path / "trials.duckdb"
    held = threading.Event()
    release = threading.Event()

    def hold() -> None:
        with writing(db, "a test holding the lock"):
            held.set()
            release.wait(60)

    thread = threading.Thread(target=hold)
    thread.start()
    held.wait(10)
    try:
        for args in (["classify"], ["demo", "--studies", "50", "--quiet"]):
            done = run(*args, "--db", str(db))
            assert "a test holding the lock" in one_line_error(done) or \
                "no snapshot" in done.stderr
    finally:
        release.set()
        thread.join()
    assert run("demo", "--studies", "50", "--quiet", "--db", str(db)).returncode == 0


def test_gzip_and_json_helpers_are_real():  # the fixtures the tests above rely on
    assert gzip.decompress(gzip.compress(b"x")) == b"x" and json.loads("[1]") == [1]
