"""List development codes a snapshot describes in one record and leaves bare in another.

    .venv/bin/python scripts/described_codes.py --db SNAPSHOT [--all] [--summaries]

For each code read one way only where it is described (`classify/described.py`), the list
shows how its bare records are placed now and the record that describes it, so a rules editor
can add a `[products]` entry with that record as the source. Codes read as a small molecule or
`other` where described are left out unless --all (those are the DRUG type's default), and so
are codes whose bare records are all placed as described already. With --summaries, it also
lists what records' summaries say bare codes are ("EVER001 is a ... BTK inhibitor"): the
classifier does not read summaries (one sentence in a few hundred explains a code), so these
are leads for product entries, each to be checked.
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import duckdb

from trialscape.classify.described import read_codes, said_in_summaries
from trialscape.classify.inputs import read_trials
from trialscape.classify.rules import load_classifier

_DEFAULT_KINDS = frozenset({"small_molecule", "other"})


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--all", action="store_true", help="keep small molecules and other too")
    parser.add_argument("--summaries", action="store_true",
                        help="also what records' summaries say bare codes are")
    args = parser.parse_args()
    classifier = load_classifier()
    with duckdb.connect(str(args.db), read_only=True) as con:
        readings = read_codes(read_trials(con), classifier)
        placed = dict(con.execute("SELECT nct_id, primary_modality FROM trials").fetchall())
        summaries = dict(con.execute("SELECT nct_id, brief_summary FROM studies "
                                     "WHERE brief_summary IS NOT NULL").fetchall()
                         ) if args.summaries else {}

    def line(code: str, kind: str, bare_in: Sequence[str], where: str) -> str | None:
        """One lead, or None when its kind is the DRUG default (unless --all) or every bare
        record is placed so already."""
        now = Counter(placed.get(i) for i in bare_in)
        if (kind in _DEFAULT_KINDS and not args.all) or set(now) == {kind}:
            return None
        placements = ", ".join(f"{k} {n}" for k, n in now.most_common())
        return f"{code}\t{kind}\tbare in {len(bare_in)} ({placements})\t{where}"

    shown = 0
    for d in sorted(readings.described(), key=lambda d: (-len(d.bare_in), d.code)):
        found = line(d.code, d.kind, d.bare_in, f"described in {d.source[0]}: {d.source[1]}")
        if found:
            shown += 1
            print(found)
    print(f"{shown} codes")
    if args.summaries:
        bare = readings.bare()
        said = said_in_summaries(summaries, bare, classifier)
        for code, (kind, nct_id, words) in sorted(said.items(), key=lambda kv: -len(bare[kv[0]])):
            found = line(code, kind, bare[code], f"summary of {nct_id}: {words[:100]}")
            if found:
                print(found)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
