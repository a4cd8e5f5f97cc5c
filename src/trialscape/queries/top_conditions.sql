-- The most frequent condition MeSH terms (the registry's own indexing, not ancestors).
SELECT cm.term AS condition, count(DISTINCT cm.nct_id) AS trials
FROM condition_mesh cm SEMI JOIN f ON f.nct_id = cm.nct_id
WHERE NOT cm.is_ancestor
GROUP BY ALL ORDER BY trials DESC, condition LIMIT $n
