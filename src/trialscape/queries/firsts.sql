-- Firsts: a modality tried in a condition (MeSH term) for the first time, registered in the
-- $days days to $as_of.
WITH pairs AS (
    SELECT f.primary_modality AS modality, cm.term AS condition,
           min(f.first_posted) AS first_posted, arg_min(f.nct_id, f.first_posted) AS nct_id,
           count(*) AS trials
    FROM f JOIN condition_mesh cm ON cm.nct_id = f.nct_id AND NOT cm.is_ancestor
    WHERE f.primary_modality NOT IN ('other', 'unclassified', 'small_molecule')
    GROUP BY ALL
)
SELECT * FROM pairs
WHERE first_posted > $as_of::DATE - to_days($days::INTEGER) AND first_posted <= $as_of::DATE
ORDER BY first_posted DESC, modality, condition LIMIT $n
-- count(*) counts trials: a trial lists a MeSH term once (ingest/normalise.py _mesh_rows)
