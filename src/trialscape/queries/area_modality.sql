-- Trials per therapeutic area and main modality (a trial in two areas counts in both);
-- 'NONE' = no area found (kept, so the treemap shows what it could not place).
SELECT coalesce(a.area, 'NONE') AS area, f.primary_modality AS modality, count(*) AS trials
FROM f, unnest(CASE WHEN len(f.areas) = 0 THEN [NULL] ELSE f.areas END) AS a(area)
GROUP BY ALL ORDER BY area, trials DESC
