-- The same growth score for modality x condition (the registry's MeSH terms).
WITH cells AS (
    SELECT f.primary_modality AS modality, cm.term AS condition,
           count(DISTINCT f.nct_id) FILTER (WHERE f.start_date > $as_of::DATE - INTERVAL 12 MONTH
                                     AND f.start_date <= $as_of::DATE) AS recent,
           count(DISTINCT f.nct_id) FILTER (
               WHERE f.start_date > $as_of::DATE - INTERVAL 24 MONTH
                 AND f.start_date <= $as_of::DATE - INTERVAL 12 MONTH) AS before
    FROM f JOIN condition_mesh cm ON cm.nct_id = f.nct_id AND NOT cm.is_ancestor
    WHERE f.primary_modality NOT IN ('other', 'unclassified')
    GROUP BY ALL
)
SELECT modality, condition, recent, before,
       (recent - before) / sqrt(recent + before) AS score
FROM cells
WHERE recent >= $min_recent AND recent > before
ORDER BY score DESC, recent DESC LIMIT $n
