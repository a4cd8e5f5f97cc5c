"""Two versions of the classifier, timed in one process over the same trials, interleaved.

On a shared machine two runs made one after the other differ by 10-15% on their own, more than
most changes; here both versions classify the same 500 trials in turn (which goes first
alternates), so whatever slows the machine slows both; garbage is collected between the timed
chunks, not inside them, and re's cache of compiled patterns is emptied before each chunk.
The same code compared with itself reads 0.98-1.02.

    .venv/bin/python scripts/compare_classifiers.py OLD_TREE SNAPSHOT [--rounds N]

OLD_TREE is a checkout of the other version (`git worktree add /tmp/old COMMIT`); its package
and rules are copied under another name, so both import side by side. SNAPSHOT is an import of
../shared/ctgov (`./dev trialscape import ../shared/ctgov/studies.jsonl.gz --db SNAPSHOT`).
Each round starts both from an empty cache. Prints trials/s of each (process time) and the
ratio new/old.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import duckdb

from trialscape.classify.inputs import read_trials
from trialscape.classify.rules import build_classifier, load_config

CHUNK = 500


def import_renamed(tree: Path, workdir: Path, name: str = "trialscape_other") -> Any:
    """The tree's `trialscape` package, copied as `name` with its rules beside it."""
    target = workdir / "src" / name
    shutil.copytree(tree / "src" / "trialscape", target)
    shutil.copytree(tree / "data", workdir / "data")
    for path in target.rglob("*.py"):
        text = path.read_text("utf-8")
        path.write_text(re.sub(r"\btrialscape(?=[.\s])", name, text), "utf-8")
    sys.path.insert(0, str(workdir / "src"))
    return importlib.import_module(f"{name}.classify.rules"), importlib.import_module(
        f"{name}.classify.inputs")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old_tree", type=Path)
    parser.add_argument("snapshot")
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        old_rules, old_inputs = import_renamed(args.old_tree.resolve(), Path(tmp))
        con = duckdb.connect(args.snapshot, read_only=True)
        con.execute("SET enable_progress_bar = false")
        new_trials = list(read_trials(con))
        old_trials = list(old_inputs.read_trials(con))
        spent = {"old": 0.0, "new": 0.0}
        for _ in range(args.rounds):
            runs = {"new": (build_classifier(load_config()), new_trials),
                    "old": (old_rules.build_classifier(old_rules.load_config()), old_trials)}
            for k, start in enumerate(range(0, len(new_trials), CHUNK)):
                for label in (("old", "new") if k % 2 else ("new", "old")):
                    classifier, trials = runs[label]
                    # a full garbage collection walks both versions' caches and lands on
                    # whichever runs when it comes due, always the same one: collect between
                    # the timed chunks instead (without this, the same code compared with
                    # itself read 0.88-0.92 one way round and 1.10 the other)
                    gc.collect()
                    # re keeps the patterns it compiled in one cache for the whole process: a
                    # pattern one version compiled would cost the other nothing (and the second
                    # round nothing at all), where a fresh process pays for it
                    re.purge()
                    gc.disable()
                    t = time.process_time()
                    for trial in trials[start:start + CHUNK]:
                        classifier.classify(trial)
                    spent[label] += time.process_time() - t
                    gc.enable()
    n = len(new_trials) * args.rounds
    print(f"old {n / spent['old']:,.0f} trials/s, new {n / spent['new']:,.0f} trials/s, "
          f"new/old {spent['old'] / spent['new']:.3f}", flush=True)


if __name__ == "__main__":
    main()
