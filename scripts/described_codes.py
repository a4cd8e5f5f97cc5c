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
    shown = 0
    for d in sorted(readings.described(), key=lambda d: (-len(d.bare_in), d.code)):
        now = Counter(placed.get(i) for i in d.bare_in)
        if (d.kind in _DEFAULT_KINDS and not args.all) or set(now) == {d.kind}:
            continue
        shown += 1
        placements = ", ".join(f"{k} {n}" for k, n in now.most_common())
        print(f"{d.code}\t{d.kind}\tbare in {len(d.bare_in)} ({placements})\t"
              f"described in {d.source[0]}: {d.source[1]}")
    print(f"{shown} codes")
    if args.summaries:
        bare = readings.bare()
        said = said_in_summaries(summaries, bare, classifier)
        for code, (kind, nct_id, words) in sorted(said.items(), key=lambda kv: -len(bare[kv[0]])):
            now = Counter(placed.get(i) for i in bare[code])
            if set(now) == {kind} or (kind in _DEFAULT_KINDS and not args.all):
                continue
            placements = ", ".join(f"{k} {n}" for k, n in now.most_common())
            print(f"{code}\t{kind}\tbare in {len(bare[code])} ({placements})\t"
                  f"summary of {nct_id}: {words[:100]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
