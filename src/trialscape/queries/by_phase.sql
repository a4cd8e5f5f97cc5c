-- Trials by phase (the phase funnel); 'NOT_GIVEN' is the unknown bucket.
SELECT coalesce(phase::VARCHAR, 'NOT_GIVEN') AS phase, count(*) AS trials
FROM f GROUP BY ALL
