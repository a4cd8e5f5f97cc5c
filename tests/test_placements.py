"""Every trial of ../shared/ctgov placed as the stored fingerprint says (tests/placements.json).

The safety net for reshaping the classifier: a refactor must leave every placement, its rule
and its evidence as they were. A deliberate rule change rewrites the fingerprint
(scripts/placements.py --write), so the commit shows that placements moved and by how much.
"""

from __future__ import annotations

import json
from pathlib import Path

import duckdb

from trialscape.classify.fingerprint import differences, fingerprint

STORED = Path(__file__).with_name("placements.json")


def test_corpus_placements_match_the_stored_fingerprint(ctgov_db):
    with duckdb.connect(str(ctgov_db), read_only=True) as con:
        found = fingerprint(con)
    moved = differences(json.loads(STORED.read_text()), found)
    assert not moved, ("placements on ../shared/ctgov changed; if on purpose, run "
                       "scripts/placements.py --db SNAPSHOT --write\n" + "\n".join(moved))


def test_a_moved_placement_is_named(tmp_path):
    """The comparison itself can fail: one changed evidence, one changed primary."""
    db = tmp_path / "p.duckdb"
    with duckdb.connect(str(db)) as con:
        con.execute("CREATE TABLE study_modalities (nct_id VARCHAR, modality VARCHAR, "
                    "submodality VARCHAR, is_primary BOOLEAN, rule VARCHAR, evidence VARCHAR)")
        con.execute("INSERT INTO study_modalities VALUES ('NCT1', 'vaccine', NULL, true, "
                    "'stem', 'a'), ('NCT1', 'protein', NULL, false, 'stem', 'b')")
        before = fingerprint(con)
        con.execute("UPDATE study_modalities SET evidence = 'c' WHERE modality = 'protein'")
        assert differences(before, fingerprint(con)) == [
            "same counts, but some placement's submodality, rule or evidence differs"]
        con.execute("UPDATE study_modalities SET is_primary = NOT is_primary")
        assert differences(before, fingerprint(con)) == [
            "protein: {'placed': 1, 'primary': 0} -> {'placed': 1, 'primary': 1}",
            "vaccine: {'placed': 1, 'primary': 1} -> {'placed': 1, 'primary': 0}"]
    assert differences(before, before) == []
