"""Shared test fixtures: real snapshots built by the real import, and the ../shared data rule.

Tests that read ../shared skip with a clear reason when it is absent, and fail instead when
TRIALSCAPE_REQUIRE_SHARED=1 (CI sets it), so a missing data folder can never turn CI green.
"""

from __future__ import annotations

import csv
import gzip
import os
import re
from pathlib import Path

import orjson
import pytest

from trialscape.ingest.files import FileReport, RawRecord, read_records
from trialscape.snapshot.build import build_snapshot

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
SHARED = Path(os.environ.get("TRIALSCAPE_SHARED", ROOT.parent / "shared"))
CTGOV = SHARED / "ctgov" / "studies.jsonl.gz"
GOLD = SHARED / "gold" / "dev_labels.csv"


def require_shared(path: Path = CTGOV) -> Path:
    if path.exists():
        return path
    message = f"{path} is absent: tests on real registry records need ../shared"
    if os.environ.get("TRIALSCAPE_REQUIRE_SHARED") == "1":
        pytest.fail(message + " (TRIALSCAPE_REQUIRE_SHARED=1)")
    pytest.skip(message)


def v2_ids() -> set[str]:
    """NCT ids whose line is genuine API v2 output (see ../shared/ctgov/README.md)."""
    with open(require_shared(SHARED / "ctgov" / "provenance.csv"), newline="") as fh:
        return {r["nct_id"] for r in csv.DictReader(fh) if r["kind"] == "v2-json"}


def shared_studies(limit: int | None = None, only_v2: bool = False) -> list[dict]:
    ids = v2_ids() if only_v2 else None
    out = []
    with gzip.open(require_shared(), "rb") as fh:
        for line in fh:
            study = orjson.loads(line)
            if ids is None or study["protocolSection"]["identificationModule"]["nctId"] in ids:
                out.append(study)
                if limit and len(out) >= limit:
                    break
    return out


def open_app(monkeypatch: pytest.MonkeyPatch, db: Path, page: str | None = None,
             timeout: float = 60, **params: str | list[str]):
    """The dashboard under Streamlit's AppTest on snapshot `db`, opened at `page` with URL
    `params` the way a link opens it (main script first); fails on any exception shown."""
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("TRIALSCAPE_DB", str(db))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=timeout)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    if page:
        at.switch_page(page)
        at.run()
    assert not at.exception, at.exception
    return at


def as_shown(markdown: str) -> str:
    """What a reader sees of markdown that words.literal wrote (escapes and entities undone)."""
    return re.sub(r"\\(.)", r"\1", markdown).replace("&#58;", ":")


def build_from_studies(path: Path, studies: list[dict], **kwargs) -> Path:
    report = FileReport("test")
    records = (RawRecord(s, f"test#{i}", report) for i, s in enumerate(studies))
    build_snapshot(path, records, [report], source="test", **kwargs)
    return path


@pytest.fixture(scope="session")
def ctgov_build(tmp_path_factory: pytest.TempPathFactory):
    """Every shared record, imported once per test session by the real import path; the
    build's result (counts and reports)."""
    src = require_shared()
    path = tmp_path_factory.mktemp("ctgov") / "trials.duckdb"
    reports: list[FileReport] = []
    return build_snapshot(path, read_records([src], reports), reports, source="shared corpus")


@pytest.fixture(scope="session")
def ctgov_db(ctgov_build) -> Path:
    return ctgov_build.path


@pytest.fixture(scope="session")
def small_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small real snapshot (2,000 genuine API v2 records) for app and query tests."""
    path = tmp_path_factory.mktemp("small") / "trials.duckdb"
    return build_from_studies(path, shared_studies(limit=2000, only_v2=True))


# Fixtures that read ../shared, and fixtures or files that make a test slow (a real-corpus
# import, a real browser, a real HTTP server with timed faults): marked automatically, so the
# inner loop can leave them out (README: `./dev test -m "not slow"`).
SHARED_FIXTURES = {"small_db", "ctgov_db", "ctgov_build", "served", "imported", "studies"}
SLOW_FIXTURES = {"ctgov_db", "ctgov_build", "server", "browser", "served", "imported"}
SLOW_FILES = {"test_browser.py", "test_refresh.py", "test_hostile.py", "test_import_shared.py"}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        names = set(getattr(item, "fixturenames", ()))
        if names & SHARED_FIXTURES:
            item.add_marker(pytest.mark.shared)
        if names & SLOW_FIXTURES or item.path.name in SLOW_FILES:
            item.add_marker(pytest.mark.slow)
