-- The most frequent condition MeSH terms (the registry's own indexing, not ancestors).
SELECT cm.term AS condition, count(*) AS trials
FROM condition_mesh cm SEMI JOIN f ON f.nct_id = cm.nct_id
WHERE NOT cm.is_ancestor
GROUP BY ALL ORDER BY trials DESC, condition LIMIT $n
-- count(*) counts trials: a trial lists a MeSH term once (ingest/normalise.py _mesh_rows)
