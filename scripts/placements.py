"""Check or rewrite the placement fingerprint of ../shared/ctgov (tests/placements.json).

    .venv/bin/python scripts/placements.py --db SNAPSHOT            # compare, exit 1 if moved
    .venv/bin/python scripts/placements.py --db SNAPSHOT --write    # after a deliberate change
    .venv/bin/python scripts/placements.py --db SNAPSHOT --rows F   # every placement, for diff

SNAPSHOT is an import of ../shared/ctgov/studies.jsonl.gz made with the rules being checked
(`./dev trialscape import ../shared/ctgov/studies.jsonl.gz --db SNAPSHOT`). Two `--rows` files
from before and after a change, compared with diff, name the trials that moved.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

import duckdb

from trialscape.classify.fingerprint import differences, fingerprint

STORED = Path(__file__).resolve().parents[1] / "tests" / "placements.json"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--write", action="store_true", help="store this snapshot's fingerprint")
    parser.add_argument("--rows", type=Path, help="write every placement as sorted CSV here")
    args = parser.parse_args()
    with duckdb.connect(str(args.db), read_only=True) as con:
        found = fingerprint(con)
        if args.rows:
            with args.rows.open("w", newline="") as fh:
                writer = csv.writer(fh)
                writer.writerows(con.execute(
                    "SELECT * FROM study_modalities ORDER BY ALL").fetchall())
    if args.write:
        STORED.write_text(json.dumps(found, indent=1, sort_keys=True) + "\n")
        print(f"wrote {STORED.name}: {found['trials']} trials, {found['placements']} placements")
        return 0
    moved = differences(json.loads(STORED.read_text()), found)
    for line in moved:
        print(line)
    print("placements unchanged" if not moved else f"{len(moved)} difference(s)")
    return 1 if moved else 0


if __name__ == "__main__":
    sys.exit(main())
