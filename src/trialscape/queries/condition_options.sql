-- Condition MeSH terms to offer in the filter, most frequent first.
SELECT term AS condition, count(DISTINCT nct_id) AS trials FROM condition_mesh
WHERE NOT is_ancestor GROUP BY ALL ORDER BY trials DESC, condition LIMIT $n
