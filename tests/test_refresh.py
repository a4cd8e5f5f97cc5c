"""`trialscape refresh` against a real HTTP server on 127.0.0.1 serving real registry records."""

from __future__ import annotations

import copy
import itertools
import os
import signal
import subprocess
import sys
import time
from collections import deque
from datetime import UTC, date, datetime
from pathlib import Path

import duckdb
import httpx
import pytest

from conftest import ROOT, build_from_studies, shared_studies
from testsupport.ctgov_server import Registry, serve
from trialscape.ingest.api import ApiClient, ApiError, RetryPolicy, retry_after_seconds
from trialscape.refresh import Existing, Plan, RefreshRefused, Scope, plan_refresh
from trialscape.snapshot.build import SCHEMA_VERSION

TRIALSCAPE = [sys.executable, "-m", "trialscape"]
CONTRACT_TABLES = ("studies", "conditions", "keywords", "condition_mesh", "intervention_mesh",
                   "interventions", "arm_groups", "sponsors", "locations", "study_modalities")


def refresh(db: Path, url: str, *extra: str, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*TRIALSCAPE, "refresh", "--db", str(db), "--base-url", url, "--rate", "0",
         "--backoff", "0.05", "--quiet", *extra],
        capture_output=True, text=True, timeout=timeout, cwd=ROOT,
        env={**os.environ, "TRIALSCAPE_DOWNLOADS": str(db.parent / "downloads")})


def rows(db: Path, table: str) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return sorted(con.execute(f"SELECT * FROM {table}").fetchall(), key=repr)
    finally:
        con.close()


def scalar(db: Path, sql: str) -> object:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()[0][0]
    finally:
        con.close()


def assert_same_trials(a: Path, b: Path) -> None:
    for table in CONTRACT_TABLES:
        assert rows(a, table) == rows(b, table), f"{table} differs"


@pytest.fixture(scope="module")
def served() -> list[dict]:
    return shared_studies(limit=1500, only_v2=True)


@pytest.fixture(scope="module")
def imported(served, tmp_path_factory) -> Path:
    """The same records through `trialscape import`'s path: what a refresh must equal (at the
    registry's data date, which the unverified-status rule counts from)."""
    return build_from_studies(tmp_path_factory.mktemp("ref") / "trials.duckdb", served,
                              data_timestamp=Registry([]).data_timestamp)


def test_full_refresh_through_faults_equals_an_import(served, imported, tmp_path):
    reg = Registry(served, faults=deque(["429", None, "503", "drop", None, "truncate",
                                         "badjson", "slow:3"]))
    db = tmp_path / "trials.duckdb"
    with serve(reg) as url:
        done = refresh(db, url, "--page-size", "400", "--timeout", "1.5")
    assert done.returncode == 0, done.stderr
    assert scalar(db, "SELECT count(*) FROM studies") == len({
        s["protocolSection"]["identificationModule"]["nctId"] for s in served})
    assert scalar(db, "SELECT count(*) - count(DISTINCT nct_id) FROM studies") == 0
    assert_same_trials(db, imported)
    facts = dict(rows(db, "snapshot_info"))
    assert facts["data_timestamp"] == reg.data_timestamp
    assert facts["api_version"] == "2.0.5"
    assert facts["source"].startswith("ClinicalTrials.gov API v2")

    studies = [r for r in reg.requests if r["path"].endswith("/studies")]
    assert reg.requests[0]["path"].endswith("/version")  # read before any page
    assert all(r["user_agent"].startswith("trialscape/") for r in reg.requests)
    first = {k: v for k, v in studies[0]["params"].items()}
    for r in studies:  # every other parameter repeated exactly with each page token
        assert {k: v for k, v in r["params"].items() if k != "pageToken"} == first
    # 8 faults + 4 pages; the 429's Retry-After (1 s) was honoured before the next try.
    assert len(studies) == 4 + 8 - 2
    assert studies[1]["at"] - studies[0]["at"] >= 0.95


def test_pacing_keeps_to_the_rate(served, tmp_path):
    reg = Registry(served[:500])
    with serve(reg) as url:
        done = subprocess.run(
            [*TRIALSCAPE, "refresh", "--db", str(tmp_path / "t.duckdb"), "--base-url", url,
             "--rate", "4", "--page-size", "100", "--quiet"],
            capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    starts = [r["at"] for r in reg.requests]
    # /version, /studies/metadata, 5 pages, /version again (did the data move meanwhile?)
    assert [r["path"].rsplit("/", 1)[-1] for r in reg.requests] == [
        "version", "metadata", *["studies"] * 5, "version"]
    # the client spaces its requests 0.25 s apart; the server sees them arrive with a few ms of
    # scheduling jitter each (a loaded CI machine: 17 ms once). The first request also opens
    # the connection, so its arrival carries the connect time and the first gap can look short
    # by that much (69 ms once, the later gaps 0.250 s each): it is held to 0.1 s; every later
    # gap holds within 50 ms and their mean within 10 ms (without pacing all are milliseconds).
    # A request that reaches the server late (a CI machine busy with other work: 0.39 s once)
    # shortens the next gap by as much (0.165 s then), as the client paced its sends, not their
    # arrivals: such a gap is held, with the long one before it, to two intervals.
    gaps = [b - a for a, b in itertools.pairwise(starts)]
    assert gaps[0] >= 0.10
    for before, gap in itertools.pairwise(gaps):
        assert gap >= 0.20 or (before >= 0.30 and before + gap >= 0.45), gaps
    assert (starts[-1] - starts[1]) / len(gaps[1:]) >= 0.24


def test_killed_refresh_resumes_where_it_stopped_and_ends_equal(served, imported, tmp_path):
    reg = Registry(served, page_delay=0.3)
    db = tmp_path / "trials.duckdb"
    downloads = tmp_path / "downloads"
    with serve(reg) as url:
        cmd = [*TRIALSCAPE, "refresh", "--db", str(db), "--base-url", url, "--rate", "0",
               "--page-size", "150", "--quiet"]
        env = {**os.environ, "TRIALSCAPE_DOWNLOADS": str(downloads)}
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and len(list(downloads.glob("*/page-*.jsonl.gz"))) < 4:
            time.sleep(0.05)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        pages_before = len(list(downloads.glob("*/page-*.jsonl.gz")))
        assert 4 <= pages_before < 10
        assert not db.exists()  # nothing half-built was swapped in
        first_run = len([r for r in reg.requests if r["path"].endswith("/studies")])
        reg.page_delay = 0
        done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True,
                              timeout=300)
    assert done.returncode == 0, done.stderr
    second = [r for r in reg.requests if r["path"].endswith("/studies")][first_run:]
    assert "pageToken" in second[0]["params"]  # resumed, not started over
    assert first_run + len(second) <= 10 + 1  # 10 pages in all, at most one fetched twice
    assert_same_trials(db, imported)
    assert list((downloads / "done").iterdir())  # the pages stay importable


def test_persistent_failure_leaves_the_snapshot_byte_for_byte(served, imported, tmp_path):
    db = tmp_path / "trials.duckdb"
    db.write_bytes(imported.read_bytes())
    before = db.read_bytes()
    reg = Registry(served, always="503")
    with serve(reg) as url:
        done = refresh(db, url, "--full", "--max-retries", "3")
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert "HTTP 503" in lines[0] and "gave up after 4 attempts" in lines[0]
    assert "unchanged" in lines[0] and "Traceback" not in done.stderr
    assert db.read_bytes() == before
    assert not list(tmp_path.glob(".trials.duckdb.building*"))


def test_an_unknown_parameter_is_refused_at_once(served):
    reg = Registry(served[:10])
    with serve(reg) as url, ApiClient(url, rate=0) as client, pytest.raises(ApiError) as err:
        client.studies_page({"filter.phase": "PHASE3"})
    assert err.value.status == 400
    assert "filter.phase is unknown parameter" in str(err.value)
    assert len(reg.requests) == 1  # a 400 is not retried


def _set_date(study: dict, key: str, value: str) -> None:
    study["protocolSection"]["statusModule"][key] = {"date": value, "type": "ACTUAL"}


def test_incremental_refresh_merges_and_records_changes(served, tmp_path):
    base = copy.deepcopy(served[:1200])
    extra = copy.deepcopy(served[1200:1204])
    reg = Registry(base)
    db = tmp_path / "trials.duckdb"
    with serve(reg) as url:
        assert refresh(db, url).returncode == 0
        assert scalar(db, "SELECT count(*) FROM changes") == 0  # a first build is a baseline
        newest = scalar(db, "SELECT max(last_update_posted) FROM studies")

        def status(s: dict) -> str:
            return s["protocolSection"].get("statusModule", {}).get("overallStatus")

        def phases(s: dict) -> list:
            return s["protocolSection"].get("designModule", {}).get("phases")

        stopped = [s for s in base if status(s) == "RECRUITING"][:3]
        for s in stopped:
            s["protocolSection"]["statusModule"]["overallStatus"] = "TERMINATED"
            s["protocolSection"]["statusModule"]["whyStopped"] = "Sponsor decision"
            _set_date(s, "lastUpdatePostDateStruct", "2026-11-19")
        moved = [s for s in base if phases(s) == ["PHASE2"] and s not in stopped][:2]
        for s in moved:
            s["protocolSection"]["designModule"]["phases"] = ["PHASE3"]
            _set_date(s, "lastUpdatePostDateStruct", "2026-11-18")
        results = [s for s in base if not s.get("hasResults") and status(s) == "COMPLETED"
                   and s not in stopped and s not in moved][:2]
        for s in results:
            s["hasResults"] = True
            _set_date(s, "resultsFirstPostDateStruct", "2026-11-17")
            _set_date(s, "lastUpdatePostDateStruct", "2026-11-17")
        for s in extra:
            _set_date(s, "lastUpdatePostDateStruct", "2026-11-19")
            _set_date(s, "studyFirstPostDateStruct", "2026-11-19")
        reg.studies = base + extra
        reg.data_timestamp = "2026-11-20T15:00:00"
        reg.requests.clear()
        done = refresh(db, url)
        assert done.returncode == 0, done.stderr
        pages = [r for r in reg.requests if r["path"].endswith("/studies")]
        since = date.fromordinal(newest.toordinal() - 2).isoformat()
        assert pages[0]["params"]["filter.advanced"] == (
            f"AREA[LastUpdatePostDate]RANGE[{since},MAX]")

        def nct(s: dict) -> str:
            return s["protocolSection"]["identificationModule"]["nctId"]

        got = {(n, c, o, v) for n, c, o, v in rows(
            db, "(SELECT nct_id, change, old_value, new_value FROM changes)")}
        expected = (
            {(nct(s), "status_change", "RECRUITING", "TERMINATED") for s in stopped}
            | {(nct(s), "phase_change", "PHASE2", "PHASE3") for s in moved}
            | {(nct(s), "results_posted", None, None) for s in results}
            | {(nct(s), "new_trial", None, status(s)) for s in extra})
        assert got == expected
        assert scalar(db, "SELECT count(*) FROM studies") == 1204
        assert scalar(db, "SELECT count(*) FROM trials") == 1204
        assert scalar(db, "SELECT count(DISTINCT nct_id) FROM study_modalities") == 1204
        assert scalar(db, f"SELECT why_stopped FROM studies WHERE nct_id = '{nct(stopped[0])}'"
                      ) == "Sponsor decision"
        assert scalar(db, f"SELECT changed_on FROM changes WHERE nct_id = '{nct(results[0])}'"
                      ) == date(2026, 11, 17)

        # Same dataTimestamp: nothing to do. A new one with the same records: no new changes.
        again = refresh(db, url)
        assert again.returncode == 0 and "up to date" in again.stderr
        reg.data_timestamp = "2026-11-21T15:00:00"
        assert refresh(db, url).returncode == 0
        assert scalar(db, "SELECT count(*) FROM changes") == len(expected)
        # A full refresh keeps the history and notices a trial that is no longer served.
        reg.studies = reg.studies[1:]
        assert refresh(db, url, "--full").returncode == 0
    assert scalar(db, "SELECT count(*) FROM changes") == len(expected) + 1
    assert scalar(db, "SELECT nct_id FROM changes WHERE change = 'removed'") == nct(base[0])


def test_scope_is_sent_as_api_filters_and_kept(served, tmp_path):
    reg = Registry(served[:600])
    db = tmp_path / "trials.duckdb"
    with serve(reg) as url:
        assert refresh(db, url, "--study-type", "interventional").returncode == 0
        reg.data_timestamp = "2026-11-21T15:00:00"
        assert refresh(db, url).returncode == 0
    sent = [r["params"].get("filter.advanced") for r in reg.requests
            if r["path"].endswith("/studies")]
    assert sent[0] == "AREA[StudyType]INTERVENTIONAL"
    assert sent[-1].endswith(" AND AREA[StudyType]INTERVENTIONAL")
    assert scalar(db, "SELECT count(*) FROM studies WHERE study_type <> 'INTERVENTIONAL'") == 0
    assert scalar(db, "SELECT count(*) FROM studies") == sum(
        s["protocolSection"]["designModule"].get("studyType") == "INTERVENTIONAL"
        for s in served[:600] if "designModule" in s["protocolSection"])


# --- unit level: the client's retry rules, with httpx.MockTransport --------------------------

def _client(handler, sleeps: list[float], attempts: int = 4) -> ApiClient:
    return ApiClient("http://api.test/api/v2", rate=0, transport=httpx.MockTransport(handler),
                     retry=RetryPolicy(attempts=attempts, backoff=1.0, max_delay=8.0),
                     sleep=sleeps.append, seed=1)


def test_retry_after_is_honoured_and_backoff_grows_with_jitter():
    answers = iter([httpx.Response(429, headers={"Retry-After": "7"}),
                    httpx.Response(503), httpx.Response(503),
                    httpx.Response(200, json={"studies": []})])
    sleeps: list[float] = []
    with _client(lambda request: next(answers), sleeps) as client:
        assert client.studies_page({}) == {"studies": []}
    assert sleeps[0] == 7.0
    assert 1.0 <= sleeps[1] <= 2.0 and 2.0 <= sleeps[2] <= 4.0  # 2nd, 3rd try: half jittered


def test_retries_are_bounded():
    sleeps: list[float] = []
    client = _client(lambda request: httpx.Response(502), sleeps, attempts=3)
    with client, pytest.raises(ApiError, match="HTTP 502; gave up after 3 attempts"):
        client.studies_page({})
    assert len(sleeps) == 2


def test_a_page_that_is_not_a_page_is_retried_then_refused():
    sleeps: list[float] = []
    client = _client(lambda request: httpx.Response(200, json={"oops": 1}), sleeps)
    with client, pytest.raises(ApiError, match="without a studies list"):
        client.studies_page({})


def test_retry_after_as_an_http_date():
    when = datetime(2026, 10, 21, 7, 28, tzinfo=UTC).timestamp()
    assert retry_after_seconds("Wed, 21 Oct 2026 07:28:00 GMT", now=when - 10) == 10.0
    assert retry_after_seconds("soon") is None


# --- unit level: what a refresh asks for --------------------------------------------------

def test_plan_is_incremental_from_the_newest_update_less_a_day():
    info = {"source": "ClinicalTrials.gov API v2 (x)", "is_demo": "false",
            "scope": Scope(("INTERVENTIONAL",)).as_text(), "schema_version": SCHEMA_VERSION}
    existing = Existing(info, date(2026, 11, 20))
    # a snapshot whose tables have an older shape cannot take a merge: it is rebuilt
    old = plan_refresh(Existing({**info, "schema_version": "1"}, date(2026, 11, 20)))
    assert old.mode == "full" and "older trialscape" in old.reason
    plan = plan_refresh(existing)
    assert plan.mode == "incremental" and plan.since == date(2026, 11, 18)  # two days back
    assert plan.params(250)["filter.advanced"] == (
        "AREA[LastUpdatePostDate]RANGE[2026-11-18,MAX] AND AREA[StudyType]INTERVENTIONAL")
    assert plan.params(5000)["pageSize"] == "1000"
    assert plan_refresh(existing, full=True).mode == "full"
    assert plan_refresh(None) == Plan("full", None, Scope(), "full refresh (no snapshot yet)")
    with pytest.raises(RefreshRefused, match="fictional demo"):
        plan_refresh(Existing({"is_demo": "true"}, date(2026, 11, 1)))
    with pytest.raises(RefreshRefused, match="unknown study type"):
        Scope(("PHASE3",))
