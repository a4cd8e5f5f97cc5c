-- Trials per therapeutic area and main modality (a trial in two areas counts in both).
SELECT a.area, f.primary_modality AS modality, count(*) AS trials
FROM f, unnest(f.areas) AS a(area)
GROUP BY ALL ORDER BY area, trials DESC
