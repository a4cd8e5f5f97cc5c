"""Paths and URLs, from environment variables or defaults, in one place."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = Path(os.environ.get("TRIALSCAPE_DATA_DIR", PROJECT_ROOT / "data"))

DEFAULT_API_URL = "https://clinicaltrials.gov/api/v2"
USER_AGENT = "trialscape/0.1 (clinical-trial landscape dashboard; polite, <=1 req/s)"


def db_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The snapshot file: `--db`, else `TRIALSCAPE_DB`, else data/trials.duckdb."""
    if explicit:
        return Path(explicit)
    return Path(os.environ.get("TRIALSCAPE_DB", DATA_DIR / "trials.duckdb"))


def demo_db_path() -> Path:
    return DATA_DIR / "demo.duckdb"


def downloads_dir(db: Path) -> Path:
    """Where `trialscape refresh` keeps downloaded pages and its checkpoint: beside the snapshot."""
    return Path(os.environ.get("TRIALSCAPE_DOWNLOADS", db.parent / "downloads"))


def api_url(explicit: str | None = None) -> str:
    return (explicit or os.environ.get("TRIALSCAPE_API_URL") or DEFAULT_API_URL).rstrip("/")


def modalities_path() -> Path:
    return Path(os.environ.get("TRIALSCAPE_MODALITIES", DATA_DIR / "modalities.toml"))


def reference_path(name: str) -> Path:
    """Reference tables shipped with the code (country spellings, therapeutic areas)."""
    return DATA_DIR / name


def corrections_path() -> Path:
    """Editors' corrections to the rules' placements (data/corrections.csv)."""
    return Path(os.environ.get("TRIALSCAPE_CORRECTIONS", DATA_DIR / "corrections.csv"))
