"""What a snapshot derives from its contract tables: modalities and the dashboard's wide table.

Run after an import and again by `trialscape classify`, so both paths give the same result.
"""

from __future__ import annotations

import duckdb

from trialscape.classify.engine import Classifier, load_classifier
from trialscape.classify.inputs import read_trials
from trialscape.snapshot.info import first_row
from trialscape.sponsors import canonical_names


def classify_into(con: duckdb.DuckDBPyConnection, classifier: Classifier,
                  only: str | None = None) -> int:
    """Replace study_modalities with the classifier's placements; return trials classified.

    `only` names a table of nct_ids: re-place just those trials (a refresh's changed trials).
    """
    import pyarrow as pa

    nct, modality, sub, primary, rule, evidence = [], [], [], [], [], []
    count = 0
    for trial in read_trials(con, only=only):
        count += 1
        for p in classifier.classify(trial):
            nct.append(trial.nct_id)
            modality.append(p.modality)
            sub.append(p.submodality)
            primary.append(p.is_primary)
            rule.append(p.rule)
            evidence.append(p.evidence)
    placements = pa.table({"nct_id": nct, "modality": modality, "submodality": sub,  # noqa: F841
                           "is_primary": primary, "rule": rule, "evidence": evidence})
    if only:
        con.execute(f"DELETE FROM study_modalities WHERE nct_id IN (SELECT nct_id FROM {only})")
    else:
        con.execute("DELETE FROM study_modalities")
    con.execute("INSERT INTO study_modalities SELECT * FROM placements ORDER BY nct_id")
    return count


# Bump when the `trials` table changes shape; the app asks for `trialscape classify` (which
# rebuilds it) when a snapshot's derived_version is older.
DERIVED_VERSION = "3"

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
    SELECT nct_id, string_agg(DISTINCT term, ' | ' ORDER BY term) AS mesh_text FROM condition_mesh
    GROUP BY nct_id
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
       s.why_stopped,
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


def build_wide(con: duckdb.DuckDBPyConnection, classifier: Classifier) -> None:
    """The one-row-per-trial table the dashboard filters: list columns and a modality bitmask."""
    con.execute("CREATE OR REPLACE TABLE modality_bits (modality VARCHAR, bit BIGINT, "
                "ord INTEGER)")
    con.executemany("INSERT INTO modality_bits VALUES (?, ?, ?)",
                    [(m.id, 1 << i, m.order) for i, m in enumerate(classifier.modalities)])
    build_sponsor_aliases(con)
    con.execute(WIDE_SQL)


def build_sponsor_aliases(con: duckdb.DuckDBPyConnection) -> None:
    """`sponsor_aliases`: every organisation spelling -> one display name (sponsors.py)."""
    import pyarrow as pa

    counts = con.execute("SELECT name, count(*) FROM sponsors GROUP BY name").fetchall()
    canonical = canonical_names(counts)
    aliases = pa.table({"name": list(canonical),  # noqa: F841
                        "sponsor": list(canonical.values())})
    con.execute("CREATE OR REPLACE TABLE sponsor_aliases AS SELECT * FROM aliases "
                "ORDER BY sponsor, name")


def derive_all(con: duckdb.DuckDBPyConnection, classifier: Classifier | None = None,
               only: str | None = None) -> dict[str, str]:
    """Classify trials and rebuild derived tables; return snapshot_info updates.

    With `only` (a table of nct_ids) just those trials are re-placed, provided the snapshot was
    classified by the same rules version; otherwise every trial is.
    """
    classifier = classifier or load_classifier()
    placed_by = first_row(con, "SELECT value FROM snapshot_info WHERE key = 'classifier_version'")
    if not (only and placed_by and placed_by[0] == classifier.version):
        only = None
    classify_into(con, classifier, only)
    build_wide(con, classifier)
    updates = {"classifier_version": classifier.version, "derived_version": DERIVED_VERSION}
    current = first_row(con, "SELECT value FROM snapshot_info WHERE key = 'data_timestamp'")
    if not current or not current[0]:
        newest = first_row(con, "SELECT max(last_update_posted) FROM studies")
        updates["data_timestamp"] = str(newest[0]) if newest and newest[0] else ""
    con.executemany("INSERT OR REPLACE INTO snapshot_info VALUES (?, ?)", list(updates.items()))
    return updates
