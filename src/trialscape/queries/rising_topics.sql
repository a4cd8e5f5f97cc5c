-- Modality x therapeutic area cells whose trial starts in the 12 months to $as_of outgrow the
-- 12 months before. score = (recent - before) / sqrt(recent + before): growth measured in
-- units of its own noise (a Poisson difference), so 2 -> 4 starts ranks below 40 -> 60.
WITH cells AS (
    SELECT f.primary_modality AS modality, a.area,
           count(*) FILTER (WHERE f.start_date > $as_of::DATE - INTERVAL 12 MONTH
                             AND f.start_date <= $as_of::DATE) AS recent,
           count(*) FILTER (WHERE f.start_date > $as_of::DATE - INTERVAL 24 MONTH
                             AND f.start_date <= $as_of::DATE - INTERVAL 12 MONTH) AS before
    FROM f, unnest(f.areas) AS a(area)
    WHERE f.primary_modality NOT IN ('other', 'unclassified')
    GROUP BY ALL
)
SELECT modality, area, recent, before,
       (recent - before) / sqrt(recent + before) AS score
FROM cells
WHERE recent >= $min_recent AND recent > before
ORDER BY score DESC, recent DESC LIMIT $n
