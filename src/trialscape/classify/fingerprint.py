"""A fingerprint of every placement in a snapshot: the safety net for changing the engine.

A refactor of the classifier must place every trial as before. Comparing whole snapshots needs
two builds; a fingerprint (counts per modality and a hash of every placement row, sorted) is
small enough to keep in the repository and cheap to check against a fresh import of
../shared/ctgov (tests/test_placements.py). A rule change that moves placements on purpose
rewrites it with `scripts/placements.py --write`, so the diff of a commit says that it did.
"""

from __future__ import annotations

import hashlib
from typing import Any

import duckdb

# every column of a placement: the evidence too, so a reworded rule shows as a change
_ROWS = """
    SELECT nct_id, modality, coalesce(submodality, ''), is_primary, rule, coalesce(evidence, '')
    FROM study_modalities ORDER BY ALL
"""
_COUNTS = """
    SELECT modality, count(*) AS placed, count(*) FILTER (WHERE is_primary) AS "primary"
    FROM study_modalities GROUP BY modality ORDER BY modality
"""


def fingerprint(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    digest = hashlib.sha256()
    rows = 0
    cursor = con.execute(_ROWS)
    while batch := cursor.fetchmany(10_000):
        for row in batch:
            digest.update("\x1f".join(map(str, row)).encode())
            digest.update(b"\x1e")
        rows += len(batch)
    trials = con.execute("SELECT count(DISTINCT nct_id) FROM study_modalities").fetchone()
    return {
        "trials": trials[0] if trials else 0,
        "placements": rows,
        "per_modality": {m: {"placed": n, "primary": p}
                         for m, n, p in con.execute(_COUNTS).fetchall()},
        "sha256": digest.hexdigest(),
    }


def differences(expected: dict[str, Any], found: dict[str, Any]) -> list[str]:
    """What moved, in words: per-modality counts first, then the hash (the evidence or a
    submodality may change with every count equal)."""
    out = [f"{key}: {expected.get(key)} -> {found.get(key)}"
           for key in ("trials", "placements") if expected.get(key) != found.get(key)]
    old, new = expected.get("per_modality", {}), found.get("per_modality", {})
    for mid in sorted(set(old) | set(new)):
        if old.get(mid) != new.get(mid):
            out.append(f"{mid}: {old.get(mid)} -> {new.get(mid)}")
    if not out and expected.get("sha256") != found.get("sha256"):
        out.append("same counts, but some placement's submodality, rule or evidence differs")
    return out
