-- Trials per therapeutic area (a trial in two areas counts in both); 'NONE' = no area found.
SELECT coalesce(a, 'NONE') AS area, count(*) AS trials
FROM (SELECT unnest(CASE WHEN len(areas) = 0 THEN [NULL] ELSE areas END) AS a FROM f)
GROUP BY ALL ORDER BY trials DESC
