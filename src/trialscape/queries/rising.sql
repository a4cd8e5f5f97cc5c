-- Rising topics: main modality x topic cells whose trial starts in the 12 months to $as_of
-- outgrow the 12 months before. A topic is a therapeutic area ($kind = 'area') or a condition
-- MeSH term ($kind = 'condition'). score = (recent - before) / sqrt(recent + before): growth
-- in units of its own noise (a Poisson difference), so 2 -> 4 starts ranks below 40 -> 60.
WITH t AS (
    SELECT nct_id, primary_modality AS modality, areas,
           start_date > $as_of::DATE - INTERVAL 12 MONTH AS is_recent
    FROM f
    WHERE primary_modality NOT IN ('other', 'unclassified')
      AND start_date > $as_of::DATE - INTERVAL 24 MONTH AND start_date <= $as_of::DATE
), pairs AS (
    SELECT t.nct_id, t.modality, t.is_recent, a.topic
    FROM t, unnest(t.areas) AS a(topic) WHERE $kind = 'area'
    UNION ALL
    SELECT t.nct_id, t.modality, t.is_recent, cm.term
    FROM t JOIN condition_mesh cm ON cm.nct_id = t.nct_id AND NOT cm.is_ancestor
    WHERE $kind = 'condition'
), cells AS (  -- a trial lists a term or an area once: count(*) counts trials
    SELECT modality, topic,
           count(*) FILTER (WHERE is_recent) AS recent,
           count(*) FILTER (WHERE NOT is_recent) AS before
    FROM pairs GROUP BY ALL
)
SELECT modality, topic, recent, before, (recent - before) / sqrt(recent + before) AS score
FROM cells
WHERE recent >= $min_recent AND recent > before
ORDER BY score DESC, recent DESC, modality, topic LIMIT $n
