-- Condition MeSH terms to offer in the filter, most frequent first.
SELECT term AS condition, count(*) AS trials FROM condition_mesh
WHERE NOT is_ancestor GROUP BY ALL ORDER BY trials DESC, condition LIMIT $n
-- count(*) counts trials: a trial lists a MeSH term once (ingest/normalise.py _mesh_rows)
