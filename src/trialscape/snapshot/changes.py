"""What a refresh changed: new trials, status and phase moves, results posted, trials gone.

Rows go to the `changes` table, which every refresh copies forward, so the editors' "what's
new" view can look back over weeks. Relations are compared by NCT id; `new` holds the incoming
versions and `old` the versions the snapshot had before.
"""

from __future__ import annotations

from datetime import datetime

import duckdb

from trialscape.snapshot.info import first_row

CHANGE_KINDS = ("new_trial", "status_change", "phase_change", "results_posted", "removed")

# {new} and {old} are relation names chosen by this module's callers, never user input.
_CHANGES_SQL = """
INSERT INTO main.changes
SELECT n.nct_id, 'new_trial', n.first_posted, $detected, NULL, n.registry_status
FROM {new} n ANTI JOIN {old} o USING (nct_id)
UNION ALL
SELECT n.nct_id, 'status_change', n.last_update_posted, $detected,
       {old_status}, n.registry_status
FROM {new} n JOIN {old} o USING (nct_id)
WHERE n.registry_status IS DISTINCT FROM {old_status}
UNION ALL
SELECT n.nct_id, 'phase_change', n.last_update_posted, $detected,
       o.phase::VARCHAR, n.phase::VARCHAR
FROM {new} n JOIN {old} o USING (nct_id)
WHERE n.phase::VARCHAR IS DISTINCT FROM o.phase::VARCHAR
UNION ALL
SELECT n.nct_id, 'results_posted', coalesce(n.results_first_posted, n.last_update_posted),
       $detected, NULL, NULL
FROM {new} n JOIN {old} o USING (nct_id)
WHERE n.has_results AND NOT coalesce(o.has_results, false)
"""

_REMOVED_SQL = """
INSERT INTO main.changes
SELECT o.nct_id, 'removed', NULL, $detected, {old_status}, NULL
FROM {old} o ANTI JOIN {new} n USING (nct_id)
"""


def record_changes(con: duckdb.DuckDBPyConnection, new: str, old: str, detected_at: datetime,
                   removals: bool = False) -> int:
    """Append what differs between `new` and `old` to `changes`; return rows added."""
    before = _count(con)
    # Statuses are compared as the registry gave them (registry_status), not after the
    # unverified-status rule, which moves with the data date. A snapshot from before schema 2
    # has only overall_status.
    try:
        con.execute(f"SELECT registry_status FROM {old} LIMIT 0").fetchall()
        old_status = "o.registry_status"
    except duckdb.BinderException:
        old_status = "o.overall_status::VARCHAR"
    con.execute(_CHANGES_SQL.format(new=new, old=old, old_status=old_status),
                {"detected": detected_at})
    if removals:
        con.execute(_REMOVED_SQL.format(new=new, old=old, old_status=old_status),
                    {"detected": detected_at})
    return _count(con) - before


def _count(con: duckdb.DuckDBPyConnection) -> int:
    row = first_row(con, "SELECT count(*) FROM main.changes")
    return int(row[0]) if row else 0
