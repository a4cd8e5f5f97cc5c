"""What a snapshot derives from its contract tables: modalities and the dashboard's wide table.

Run after an import and again by `trialscape classify`, so both paths give the same result.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import duckdb
import pyarrow as pa

from trialscape import enums
from trialscape.classify.attributes import TrialText
from trialscape.classify.attributes import default_rules as default_attribute_rules
from trialscape.classify.attributes import derive as derive_attributes
from trialscape.classify.corrections import RULE, load_corrections
from trialscape.classify.engine import Classifier
from trialscape.classify.inputs import trial_batches, trials_from_batch
from trialscape.classify.rules import load_classifier
from trialscape.snapshot.info import first_row
from trialscape.sponsors import canonical_names
from trialscape.workers import count as worker_count
from trialscape.workers import in_order
from trialscape.workers import pool as worker_pool

PARALLEL_FROM = 20_000  # trials; below this, starting worker processes costs more than it saves
BATCH_TRIALS = 10_000


def classify_into(con: duckdb.DuckDBPyConnection, classifier: Classifier,
                  only: str | None = None, workers: int | None = None) -> int:
    """Replace study_modalities with the classifier's placements; return trials classified.

    `only` names a table of nct_ids: re-place just those trials (a refresh's changed trials).
    Large snapshots are classified by worker processes (trialscape.workers), fed Arrow batches;
    the result is the same as one process's, since each trial is placed on its own.
    """
    where = f"WHERE nct_id IN (SELECT nct_id FROM {only})" if only else ""
    total = int((first_row(con, f"SELECT count(*) FROM studies {where}") or (0,))[0])
    workers = worker_count(workers if workers is not None or total >= PARALLEL_FROM else 1)
    batches = trial_batches(con, BATCH_TRIALS, only)
    if workers <= 1:
        tables = [place_batch(classifier, b) for b in batches]
    else:
        tables = list(_in_workers(classifier, batches, workers))
    placements = pa.concat_tables(tables) if tables else _placement_table([])  # noqa: F841
    if only:
        con.execute(f"DELETE FROM study_modalities WHERE nct_id IN (SELECT nct_id FROM {only})")
    else:
        con.execute("DELETE FROM study_modalities")
    con.execute("INSERT INTO study_modalities SELECT * FROM placements ORDER BY nct_id")
    apply_corrections(con, {m.id for m in classifier.modalities})
    return total


def apply_corrections(con: duckdb.DuckDBPyConnection, known: set[str]) -> int:
    """Replace the rules' placements of every trial data/corrections.csv corrects (and is in
    this snapshot); return how many trials were corrected."""
    corrections = load_corrections(known=known)
    if not corrections:
        return 0
    rows: list[tuple[str, str, str | None, bool, str, str]] = [
        (c.nct_id, m, None, m == c.primary, RULE, c.evidence)
        for c in corrections.values() for m in c.modalities]
    fixes = _placement_table(rows)  # noqa: F841
    con.execute("DELETE FROM study_modalities WHERE nct_id IN (SELECT nct_id FROM fixes) "
                "AND nct_id IN (SELECT nct_id FROM studies)")
    con.execute("INSERT INTO study_modalities SELECT f.* FROM fixes f "
                "SEMI JOIN studies s ON s.nct_id = f.nct_id")
    row = first_row(con, "SELECT count(DISTINCT nct_id) FROM study_modalities WHERE rule = ?",
                    [RULE])
    return int(row[0]) if row else 0


def _placement_table(rows: list[tuple[str, str, str | None, bool, str, str]]) -> pa.Table:
    columns: list[Any] = list(zip(*rows, strict=True)) or [[]] * 6
    return pa.table({name: pa.array(col, type=t) for name, col, t in zip(
        ("nct_id", "modality", "submodality", "is_primary", "rule", "evidence"), columns,
        (pa.string(), pa.string(), pa.string(), pa.bool_(), pa.string(), pa.string()),
        strict=True)})


def place_batch(classifier: Classifier, batch: pa.RecordBatch) -> pa.Table:
    """The placements of one Arrow batch of trials."""
    trials = list(trials_from_batch(batch))
    return _placement_table([(t.nct_id, p.modality, p.submodality, p.is_primary, p.rule,
                              p.evidence)
                             for t, placed in zip(trials, classifier.classify_all(trials),
                                                  strict=True)
                             for p in placed])


_worker_classifier: Classifier | None = None


def _init_worker(classifier: Classifier) -> None:
    global _worker_classifier
    _worker_classifier = classifier


def _place_in_worker(batch: pa.RecordBatch) -> pa.Table:
    assert _worker_classifier is not None
    return place_batch(_worker_classifier, batch)


def _in_workers(classifier: Classifier, batches: Iterator[pa.RecordBatch],
                workers: int) -> Iterator[pa.Table]:
    """Placements of each batch, in order, from `workers` worker processes; at most two
    batches per worker in flight."""
    classifier.clear_cache()  # the workers get a copy: no need to ship what is cached here
    with worker_pool(workers, _init_worker, (classifier,)) as pool:
        jobs = ((None, pool.submit(_place_in_worker, batch)) for batch in batches)
        for _, table in in_order(jobs, 2 * workers):
            yield table


# Bump when the `trials` table changes shape; the app asks for `trialscape classify` (which
# rebuilds it) when a snapshot's derived_version is older.
DERIVED_VERSION = "6"

WIDE_SQL = """
CREATE OR REPLACE TABLE trials AS
WITH mods AS (
    SELECT nct_id,
           list(DISTINCT modality ORDER BY modality) AS modalities,
           list(DISTINCT submodality ORDER BY submodality)
               FILTER (WHERE submodality IS NOT NULL) AS submodalities,
           any_value(modality) FILTER (WHERE is_primary) AS primary_modality,
           bit_or(DISTINCT m.bit) AS modality_mask
    FROM study_modalities JOIN modality_bits m USING (modality)
    GROUP BY nct_id
), conds AS (
    SELECT nct_id, list(condition ORDER BY condition) AS conditions FROM conditions
    GROUP BY nct_id
), cmesh AS (
    SELECT nct_id, string_agg(DISTINCT term, ' | ' ORDER BY term) AS mesh_text,
           bool_or(NOT is_ancestor) AS has_mesh
    FROM condition_mesh GROUP BY nct_id
), intv AS (
    SELECT nct_id, list(name ORDER BY idx) AS intervention_names,
           string_agg(name || ' ' || array_to_string(coalesce(other_names, []), ' '), ' '
                      ORDER BY idx)
               AS intervention_text
    FROM interventions GROUP BY nct_id
), ctry AS (
    SELECT nct_id, list(DISTINCT country ORDER BY country) AS countries
    FROM locations WHERE country IS NOT NULL GROUP BY nct_id
), spons AS (
    SELECT sp.nct_id, list(coalesce(a.sponsor, sp.name) ORDER BY sp.name) AS collaborators
    FROM sponsors sp LEFT JOIN sponsor_aliases a ON a.name = sp.name
    WHERE sp.role = 'collaborator'
    GROUP BY sp.nct_id
)
SELECT s.nct_id, s.brief_title, s.overall_status, s.study_type, s.phase,
       s.lead_sponsor, coalesce(sa.sponsor, s.lead_sponsor) AS sponsor, s.lead_sponsor_class,
       s.start_date, year(s.start_date) AS start_year,
       s.primary_completion_date, s.first_posted, s.last_update_posted, s.enrollment,
       s.has_results, s.areas,
       coalesce(c.conditions, []) AS conditions,
       coalesce(ct.countries, []) AS countries,
       coalesce(sp.collaborators, []) AS collaborators,
       coalesce(m.modalities, ['unclassified']) AS modalities,
       coalesce(m.submodalities, []) AS submodalities,
       coalesce(m.primary_modality, 'unclassified') AS primary_modality,
       coalesce(m.modality_mask, 0)::BIGINT AS modality_mask,
       coalesce(iv.intervention_names, []) AS intervention_names,
       s.why_stopped, coalesce(cm.has_mesh, false) AS has_mesh,
       -- lower-cased haystacks for the condition and free-text filters (filters.py)
       lower(concat_ws(' | ', array_to_string(c.conditions, ' | '), cm.mesh_text))
           AS condition_text,
       lower(concat_ws(' ', s.nct_id, s.brief_title, s.official_title, s.acronym,
                       s.lead_sponsor, iv.intervention_text,
                       array_to_string(c.conditions, ' '))) AS search_text
FROM studies s
LEFT JOIN mods m USING (nct_id)
LEFT JOIN conds c USING (nct_id)
LEFT JOIN cmesh cm USING (nct_id)
LEFT JOIN intv iv USING (nct_id)
LEFT JOIN sponsor_aliases sa ON sa.name = s.lead_sponsor
LEFT JOIN ctry ct USING (nct_id)
LEFT JOIN spons sp USING (nct_id)
ORDER BY s.start_date NULLS LAST, s.nct_id
"""


ATTRIBUTE_TEXT_SQL = """
WITH wanted AS (
    SELECT nct_id, list(DISTINCT modality) AS modalities FROM study_modalities
    WHERE list_contains($modalities, modality) GROUP BY nct_id
), iv AS (
    SELECT nct_id,
           string_agg(name || ' ' || array_to_string(coalesce(other_names, []), ' '), ' | ')
               AS names,
           string_agg(description, ' | ') AS descriptions
    FROM interventions SEMI JOIN wanted USING (nct_id) GROUP BY nct_id
), cond AS (
    SELECT nct_id, string_agg(condition, ' | ') AS conditions
    FROM conditions SEMI JOIN wanted USING (nct_id) GROUP BY nct_id
), mesh AS (
    SELECT nct_id, list(DISTINCT term) AS terms FROM condition_mesh
    SEMI JOIN wanted USING (nct_id) WHERE is_ancestor GROUP BY nct_id
)
SELECT w.nct_id, w.modalities, coalesce(iv.names, ''), coalesce(iv.descriptions, ''),
       concat_ws(' | ', s.brief_title, s.official_title), coalesce(cond.conditions, ''),
       coalesce(s.brief_summary, ''), coalesce(mesh.terms, [])
FROM wanted w JOIN studies s USING (nct_id)
LEFT JOIN iv USING (nct_id) LEFT JOIN cond USING (nct_id) LEFT JOIN mesh USING (nct_id)
ORDER BY w.nct_id
"""


def build_attributes(con: duckdb.DuckDBPyConnection) -> int:
    """`trial_attributes`: what each advanced-therapy trial's record says beyond its modality
    (classify/attributes.py, data/attributes.toml); rebuilt whole, it is small."""
    rules = default_attribute_rules()
    rows: list[tuple[str, str, str, str]] = []
    for nct_id, mods, names, descriptions, title, conditions, summary, mesh in con.execute(
            ATTRIBUTE_TEXT_SQL, {"modalities": list(rules.applies)}).fetchall():
        text = TrialText(nct_id, tuple(mods), names, descriptions, title, conditions, summary,
                         tuple(mesh))
        rows += [(nct_id, a, v, e) for a, v, e in derive_attributes(text, rules)]
    columns: list[Any] = list(zip(*rows, strict=True)) or [[]] * 4
    found = pa.table({name: pa.array(col, type=pa.string()) for name, col in zip(  # noqa: F841
        ("nct_id", "attribute", "value", "evidence"), columns, strict=True)})
    con.execute("CREATE OR REPLACE TABLE trial_attributes AS SELECT * FROM found "
                "ORDER BY nct_id, attribute, value")
    return len(rows)


def build_wide(con: duckdb.DuckDBPyConnection, classifier: Classifier) -> None:
    """The one-row-per-trial table the dashboard filters: list columns and a modality bitmask."""
    con.execute("CREATE OR REPLACE TABLE modality_bits (modality VARCHAR, bit BIGINT, "
                "ord INTEGER)")
    con.executemany("INSERT INTO modality_bits VALUES (?, ?, ?)",
                    [(m.id, 1 << i, m.order) for i, m in enumerate(classifier.modalities)])
    build_sponsor_aliases(con)
    learn_sponsor_classes(con)
    build_attributes(con)
    con.execute(WIDE_SQL)


def build_sponsor_aliases(con: duckdb.DuckDBPyConnection) -> None:
    """`sponsor_aliases`: every organisation spelling -> one display name (sponsors.py)."""
    counts = con.execute("SELECT name, count(*) FROM sponsors GROUP BY name").fetchall()
    canonical = canonical_names(counts)
    aliases = pa.table({"name": list(canonical),  # noqa: F841
                        "sponsor": list(canonical.values())})
    con.execute("CREATE OR REPLACE TABLE sponsor_aliases AS SELECT * FROM aliases "
                "ORDER BY sponsor, name")


def data_date(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """The snapshot's data date and what it rests on: the registry's own `dataTimestamp` when a
    refresh read it from /version, else the newest record's last update (an import)."""
    current = first_row(con, "SELECT value FROM snapshot_info WHERE key = 'data_timestamp'")
    basis = first_row(con, "SELECT value FROM snapshot_info WHERE key = 'data_date_basis'")
    if current and current[0] and not (basis and basis[0] == "newest_update"):
        return {"data_timestamp": current[0], "data_date_basis": "registry"}
    newest = first_row(con, "SELECT max(last_update_posted) FROM studies")
    return {"data_timestamp": str(newest[0]) if newest and newest[0] else "",
            "data_date_basis": "newest_update"}


# ClinicalTrials.gov shows a recruiting-type status (enums.ACTIVE_STATUSES) that nobody has
# verified for two years as "Unknown status"; records downloaded long ago still carry the old
# word. The rule is applied against the snapshot's data date; registry_status keeps what the
# record said.
STALE_AFTER_YEARS = 2
_STATUS_RULE = """
UPDATE studies SET
    overall_status = CASE
        WHEN list_contains($active_statuses, registry_status)
             AND coalesce(status_verified_date, last_update_posted)
                 < CAST($day AS DATE) - INTERVAL (STALE_YEARS) YEAR
        THEN 'UNKNOWN'
        ELSE try_cast(registry_status AS overall_status_t) END,
    last_known_status = CASE
        WHEN list_contains($active_statuses, registry_status)
             AND coalesce(status_verified_date, last_update_posted)
                 < CAST($day AS DATE) - INTERVAL (STALE_YEARS) YEAR
        THEN try_cast(registry_status AS overall_status_t)
        WHEN registry_status = 'UNKNOWN' THEN last_known_status END
""".replace("STALE_YEARS", str(STALE_AFTER_YEARS))


def apply_status_rule(con: duckdb.DuckDBPyConnection, data_timestamp: str) -> None:
    day = data_timestamp[:10]
    if not day:
        return
    con.execute(_STATUS_RULE, {"day": day, "active_statuses": list(enums.ACTIVE_STATUSES)})


_LEARN_CLASSES = """
CREATE OR REPLACE TEMP TABLE known_class AS
SELECT a.sponsor, mode(sp.class) AS class
FROM sponsors sp JOIN sponsor_aliases a ON a.name = sp.name
WHERE sp.class IS NOT NULL AND NOT coalesce(sp.class_inferred, false)
GROUP BY a.sponsor;
UPDATE sponsors SET class = k.class, class_inferred = true
FROM sponsor_aliases a, known_class k
WHERE (sponsors.class IS NULL OR sponsors.class_inferred)
  AND a.name = sponsors.name AND k.sponsor = a.sponsor;
UPDATE studies SET lead_sponsor_class = k.class, lead_sponsor_class_inferred = true
FROM sponsor_aliases a, known_class k
WHERE (studies.lead_sponsor_class IS NULL OR studies.lead_sponsor_class_inferred)
  AND a.name = studies.lead_sponsor AND k.sponsor = a.sponsor;
DROP TABLE known_class;
"""


def learn_sponsor_classes(con: duckdb.DuckDBPyConnection) -> None:
    """A sponsor without a class (older exports) takes the class other records of the same
    organisation give it; the name rule (sponsors.infer_sponsor_class) is the fallback. Both are
    marked as inferred."""
    con.execute(_LEARN_CLASSES)


def derive_all(con: duckdb.DuckDBPyConnection, classifier: Classifier | None = None,
               only: str | None = None) -> dict[str, str]:
    """Classify trials and rebuild derived tables; return snapshot_info updates.

    With `only` (a table of nct_ids) just those trials are re-placed, provided the snapshot was
    classified by the same rules version; otherwise every trial is.
    """
    classifier = classifier or load_classifier()
    updates = data_date(con)
    apply_status_rule(con, updates["data_timestamp"])
    placed_by = first_row(con, "SELECT value FROM snapshot_info WHERE key = 'classifier_version'")
    if not (only and placed_by and placed_by[0] == classifier.version):
        only = None
    classify_into(con, classifier, only)
    build_wide(con, classifier)
    updates.update(classifier_version=classifier.version, derived_version=DERIVED_VERSION)
    con.executemany("INSERT OR REPLACE INTO snapshot_info VALUES (?, ?)", list(updates.items()))
    return updates
