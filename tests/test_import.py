"""The import path on hand-made fixtures: every input format, broken input, atomic swaps."""

from __future__ import annotations

import gzip
import hashlib
import json
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import duckdb
import pytest

from conftest import FIXTURES, ROOT
from trialscape.cli import main


def run_cli(*args: str) -> tuple[int, str, str]:
    proc = subprocess.run([sys.executable, "-m", "trialscape", *args], capture_output=True,
                          text=True, cwd=ROOT, timeout=300)
    return proc.returncode, proc.stdout, proc.stderr


def rows(db: Path, sql: str, params: list | None = None) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_every_format_in_one_import(tmp_path):
    inputs = tmp_path / "inputs"
    (inputs / "nested").mkdir(parents=True)
    shutil.copy(FIXTURES / "api_page.json", inputs / "page.json")
    shutil.copy(FIXTURES / "single_study.json", inputs / "nested" / "one.json")
    shutil.copy(FIXTURES / "ctg-studies.csv", inputs / "ctg-studies.csv")
    with zipfile.ZipFile(inputs / "ctg-studies.json.zip", "w") as zf:
        study = json.loads((FIXTURES / "single_study.json").read_text())
        study["protocolSection"]["identificationModule"]["nctId"] = "NCT90000501"
        zf.writestr("01/NCT90000501.json", json.dumps(study))
    with gzip.open(inputs / "lines.jsonl.gz", "wt") as fh:
        study["protocolSection"]["identificationModule"]["nctId"] = "NCT90000601"
        fh.write(json.dumps(study) + "\n")
    db = tmp_path / "t.duckdb"
    assert main(["import", str(inputs), "--db", str(db), "--quiet"]) == 0
    ids = [r[0] for r in rows(db, "SELECT nct_id FROM studies ORDER BY nct_id")]
    assert ids == ["NCT90000001", "NCT90000002", "NCT90000101", "NCT90000102", "NCT90000201",
                   "NCT90000501", "NCT90000601"]
    # CSV specifics: pipes split, enum spellings unified, comma-bearing countries kept whole.
    assert rows(db, "SELECT phase::VARCHAR, overall_status::VARCHAR, lead_sponsor_class::VARCHAR,"
                    " enrollment, start_date_precision::VARCHAR FROM studies "
                    "WHERE nct_id = 'NCT90000001'") == [
        ("PHASE2_PHASE3", "RECRUITING", "INDUSTRY", 240, "month")]
    assert rows(db, "SELECT overall_status::VARCHAR, start_date::VARCHAR, "
                    "primary_completion_date::VARCHAR FROM studies "
                    "WHERE nct_id = 'NCT90000002'") == [("COMPLETED", "2019-03-01", "2020-06-05")]
    assert sorted(rows(db, "SELECT country FROM locations WHERE nct_id LIKE 'NCT9000000%'")) == [
        ("South Korea",), ("Turkey",), ("United States",)]
    assert rows(db, "SELECT brief_summary FROM studies WHERE nct_id = 'NCT90000001'") == [
        (r"A hand-made fixture row; text with a \> escape &amp; an entity.",)]
    assert rows(db, "SELECT modality FROM study_modalities WHERE nct_id = 'NCT90000201'") == [
        ("antibody_drug_conjugate",)]
    info = dict(rows(db, "SELECT key, value FROM snapshot_info"))
    assert info["study_count"] == "7" and info["is_demo"] == "false"
    assert info["schema_version"] and info["classifier_version"]


def test_broken_lines_are_reported_and_skipped(tmp_path):
    db = tmp_path / "t.duckdb"
    code, _, err = run_cli("import", str(FIXTURES / "broken.jsonl"), "--db", str(db), "--quiet")
    assert code == 0, err
    # a status the API never listed keeps its study (stored as written, reported once)
    assert rows(db, "SELECT nct_id FROM studies ORDER BY 1") == [
        ("NCT90000301",), ("NCT90000305",), ("NCT90000308",)]
    assert rows(db, "SELECT registry_status, overall_status FROM studies WHERE nct_id = "
                    "'NCT90000305'") == [("PAUSED_FOR_LUNCH", None)]
    assert "8 records, 5 skipped" in err
    for reason in ("invalid JSON", "no NCT id", "expected int", "not a date",
                   "'overall status: PAUSED_FOR_LUNCH' x1"):
        assert reason in err
    assert "Traceback" not in err


def test_truncated_gzip_keeps_what_was_read(tmp_path):
    src = tmp_path / "part.jsonl.gz"
    lines = [json.dumps({"protocolSection": {"identificationModule": {
        "nctId": f"NCT9{i:07d}", "briefTitle": "x" * 200}}}) for i in range(2000)]
    data = gzip.compress("\n".join(lines).encode())
    src.write_bytes(data[: len(data) // 2])
    db = tmp_path / "t.duckdb"
    code, _, err = run_cli("import", str(src), "--db", str(db), "--quiet")
    assert code == 0, err
    assert "truncated or corrupt" in err
    (count,), = rows(db, "SELECT count(*) FROM studies")
    assert 0 < count < 2000


def test_truncated_zip_is_reported(tmp_path):
    src = tmp_path / "ctg-studies.json.zip"
    with zipfile.ZipFile(src, "w") as zf:
        zf.writestr("NCT90000701.json", (FIXTURES / "single_study.json").read_text())
    src.write_bytes(src.read_bytes()[:-30])  # the central directory is at the end
    code, _, err = run_cli("import", str(src), "--db", str(tmp_path / "t.duckdb"))
    assert code == 1
    assert "not a readable zip" in err and "no valid study" in err


def test_csv_without_header_is_reported(tmp_path):
    code, _, err = run_cli("import", str(FIXTURES / "no_header.csv"), "--db",
                           str(tmp_path / "t.duckdb"))
    assert code == 1
    assert "no ctg-studies.csv header" in err
    assert err.strip().splitlines()[-1].startswith("trialscape import: no valid study")


def test_failed_import_leaves_previous_snapshot_byte_for_byte(tmp_path):
    db = tmp_path / "t.duckdb"
    assert main(["import", str(FIXTURES / "api_page.json"), "--db", str(db), "--quiet"]) == 0
    before = sha256(db)
    code, _, err = run_cli("import", str(FIXTURES / "no_header.csv"), "--db", str(db))
    assert code == 1 and "unchanged" in err
    assert sha256(db) == before
    # no temp file left behind (the lock file stays: it is how writers take turns)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".t.duckdb.lock", "t.duckdb"]


def test_interrupted_import_leaves_previous_snapshot(tmp_path):
    """Kill the process mid-build: the old file stays, readable and identical."""
    db = tmp_path / "t.duckdb"
    assert main(["import", str(FIXTURES / "api_page.json"), "--db", str(db), "--quiet"]) == 0
    before = sha256(db)
    big = tmp_path / "big.jsonl"
    study = json.loads((FIXTURES / "single_study.json").read_text())
    with open(big, "w") as fh:
        for i in range(60_000):
            study["protocolSection"]["identificationModule"]["nctId"] = f"NCT8{i:07d}"
            fh.write(json.dumps(study) + "\n")
    proc = subprocess.Popen([sys.executable, "-m", "trialscape", "import", str(big), "--db",
                             str(db)], cwd=ROOT, stderr=subprocess.PIPE, text=True)
    assert proc.stderr is not None
    proc.stderr.read(40)  # progress has started: the build is under way (in worker processes)
    # this import's own helpers, by parentage: other work on the machine (a second test run)
    # may start fork servers of its own meanwhile
    ours = _fork_servers_under(proc.pid)
    assert ours, "the import started no worker processes to check"
    proc.kill()
    proc.wait(timeout=60)
    assert sha256(db) == before
    assert rows(db, "SELECT count(*) FROM studies") == [(2,)]
    # the killed import's worker processes notice and leave (they would otherwise wait on
    # their task queue for ever, keeping their fork server alive too)
    deadline = time.monotonic() + 15
    while ours & _fork_servers() and time.monotonic() < deadline:
        time.sleep(0.5)
    assert not ours & _fork_servers()


def _parent(pid: int) -> int:
    try:  # /proc/PID/stat: "pid (comm) state ppid ...", comm may hold spaces
        return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
    except (OSError, IndexError, ValueError):
        return 0


def _fork_servers_under(root: int) -> set[int]:
    """Fork-server processes (the server and its workers) that `root` started."""
    found = set()
    for pid in _fork_servers():
        ancestor = pid
        for _ in range(3):  # the server's parent is root; a worker's is the server
            ancestor = _parent(ancestor)
            if ancestor == root:
                found.add(pid)
                break
            if ancestor <= 1:
                break
    return found


def _fork_servers() -> set[int]:
    """Processes started by multiprocessing's fork server (the server and its workers)."""
    found = set()
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            if b"multiprocessing.forkserver" in cmdline.read_bytes():
                found.add(int(cmdline.parent.name))
        except OSError:
            continue
    return found


def test_duplicate_ids_keep_newest_last_update(tmp_path):
    older = json.loads((FIXTURES / "single_study.json").read_text())
    newer = json.loads(json.dumps(older))
    newer["protocolSection"]["statusModule"]["overallStatus"] = "COMPLETED"
    newer["protocolSection"]["statusModule"]["lastUpdatePostDateStruct"]["date"] = "2024-01-01"
    src = tmp_path / "dups.jsonl"
    src.write_text("\n".join(json.dumps(s) for s in (newer, older)) + "\n")
    db = tmp_path / "t.duckdb"
    assert main(["import", str(src), "--db", str(db), "--quiet"]) == 0
    assert rows(db, "SELECT overall_status::VARCHAR, last_update_posted::VARCHAR FROM studies") \
        == [("COMPLETED", "2024-01-01")]


def test_usage_and_missing_inputs(tmp_path):
    assert run_cli("import")[0] == 2
    code, _, err = run_cli("import", str(tmp_path / "nope.json"), "--db", str(tmp_path / "x"))
    assert code == 1 and "no such file" in err
    code, _, err = run_cli("info", "--db", str(tmp_path / "absent.duckdb"))
    assert code == 1 and "trialscape demo" in err and "Traceback" not in err


def test_demo_snapshot_is_labelled_and_complete(tmp_path):
    db = tmp_path / "demo.duckdb"
    code, out, err = run_cli("demo", "--db", str(db), "--studies", "3000", "--seed", "7")
    assert code == 0, err
    code, out, _ = run_cli("info", "--db", str(db))
    facts = json.loads(out)
    assert facts["is_demo"] == "true" and facts["study_count"] == "3000"
    # Every modality the taxonomy defines shows up, placed by the same rules as real data.
    for modality in ("gene_therapy", "gene_editing", "engineered_cell_therapy", "cell_therapy",
                     "mrna", "oligonucleotide", "monoclonal_antibody", "bispecific_antibody",
                     "antibody_drug_conjugate", "radiopharmaceutical", "vaccine",
                     "small_molecule", "peptide", "protein", "other"):
        assert facts["modalities"].get(modality, 0) > 0, modality
    assert rows(db, "SELECT count(*) FROM studies WHERE brief_title NOT LIKE '[DEMO]%'") == [(0,)]
    # Nothing is posted after the demo's own data date ("what's new" never lists the future).
    assert rows(db, "SELECT count(*) FROM studies WHERE first_posted > (SELECT value::DATE "
                    "FROM snapshot_info WHERE key = 'data_timestamp')") == [(0,)]
    # Same seed, same snapshot content.
    db2 = tmp_path / "demo2.duckdb"
    assert run_cli("demo", "--db", str(db2), "--studies", "3000", "--seed", "7")[0] == 0
    q = "SELECT * FROM studies ORDER BY nct_id"
    assert rows(db, q) == rows(db2, q)


def test_a_demo_placed_by_older_rules_is_rebuilt(tmp_path):
    """`serve` rebuilds the demo when the rules changed since it was placed."""
    from trialscape.cli import _demo_is_current

    db = tmp_path / "demo.duckdb"
    assert run_cli("demo", "--db", str(db), "--studies", "300")[0] == 0
    assert _demo_is_current(db)
    con = duckdb.connect(str(db))
    con.execute("UPDATE snapshot_info SET value = 'old' WHERE key = 'classifier_version'")
    con.close()
    assert not _demo_is_current(db)


def test_classify_re_places_every_trial_in_place(tmp_path):
    db = tmp_path / "trials.duckdb"
    assert main(["import", str(FIXTURES / "api_page.json"), "--db", str(db), "--quiet"]) == 0
    con = duckdb.connect(str(db))
    placed = sorted(con.execute("SELECT * FROM study_modalities").fetchall())
    con.execute("DELETE FROM study_modalities")  # as if the rules had changed since
    con.execute("UPDATE snapshot_info SET value = 'old' WHERE key = 'classifier_version'")
    con.close()
    assert main(["classify", "--db", str(db)]) == 0
    con = duckdb.connect(str(db), read_only=True)
    assert sorted(con.execute("SELECT * FROM study_modalities").fetchall()) == placed
    assert con.execute("SELECT value FROM snapshot_info WHERE key = 'classifier_version'"
                       ).fetchall()[0][0] != "old"
    con.close()
    assert not list(tmp_path.glob(".trials.duckdb.building*"))


def test_worker_processes_import_exactly_what_one_process_does(tmp_path, monkeypatch):
    """A large import normalises and classifies in worker processes: every table, every
    report line and every broken record must be what the in-process path gives, in order."""
    from trialscape.demo import demo_studies
    from trialscape.ingest.files import read_records
    from trialscape.snapshot.build import build_snapshot
    from trialscape.snapshot.derive import PARALLEL_FROM

    studies = list(demo_studies(PARALLEL_FROM + 1_500, seed=7))
    src = tmp_path / "big.jsonl.gz"
    with gzip.open(src, "wt") as fh:
        for i, study in enumerate(studies):
            if i == 6_001:
                fh.write('{"protocolSection": {"identificationModule": \n')  # invalid JSON
            if i == 12_345:
                study["protocolSection"]["identificationModule"]["nctId"] = 12345  # wrong type
            if i == 15_000:  # a newer copy of an earlier trial: newest wins, across chunks
                study = json.loads(json.dumps(studies[100]))
                study["protocolSection"]["statusModule"]["lastUpdatePostDateStruct"] = {
                    "date": "2030-01-01", "type": "ACTUAL"}
            fh.write(json.dumps(study) + "\n")

    results = {}
    for workers in ("1", "2"):
        monkeypatch.setenv("TRIALSCAPE_WORKERS", workers)
        reports: list = []
        db = tmp_path / f"w{workers}.duckdb"
        result = build_snapshot(db, read_records([src], reports), reports, source="test")
        results[workers] = (db, [r.as_dict() for r in reports], result.unknown_countries)
    (one, reports_one, unknown_one), (two, reports_two, unknown_two) = results.values()
    assert reports_one == reports_two and unknown_one == unknown_two
    assert reports_one[0]["broken"] == 2, reports_one
    assert ":6002: invalid JSON" in reports_one[0]["reasons"][0]
    con = duckdb.connect()
    con.execute(f"ATTACH '{one}' AS a (READ_ONLY)")
    con.execute(f"ATTACH '{two}' AS b (READ_ONLY)")
    for table in ("studies", "conditions", "interventions", "arm_groups", "sponsors",
                  "locations", "condition_mesh", "study_modalities", "trials"):
        n = con.execute(f"SELECT count(*) FROM a.{table}").fetchall()[0][0]
        differ = con.execute(f"SELECT count(*) FROM (SELECT * FROM a.{table} EXCEPT ALL "
                             f"SELECT * FROM b.{table})").fetchall()[0][0]
        assert n > 0 and differ == 0, (table, n, differ)
    newest = con.execute("SELECT last_update_posted FROM b.studies WHERE nct_id = ?",
                         [studies[100]["protocolSection"]["identificationModule"]["nctId"]])
    assert str(newest.fetchall()[0][0]) == "2030-01-01"
    con.close()


def test_serve_stops_with_sigterm(tmp_path):
    """systemd, docker and `kill` send SIGTERM: the dashboard must stop, nothing left behind
    (serve execs Streamlit instead of running it as a child)."""
    import signal
    import socket
    import time

    import httpx

    db = tmp_path / "demo.duckdb"
    assert run_cli("demo", "--db", str(db), "--studies", "200", "--quiet")[0] == 0
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "trialscape", "serve", "--db", str(db),
                             "--port", str(port)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/_stcore/health"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(url, timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        else:
            pytest.fail("the dashboard did not come up")
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(20) is not None
        with pytest.raises(httpx.HTTPError):
            httpx.get(url, timeout=1)
    finally:
        if proc.poll() is None:
            proc.kill()
