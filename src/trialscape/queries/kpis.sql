-- Headline counts. "New" is measured back from the snapshot's data date, not today's clock,
-- so an old snapshot does not claim zero new trials.
SELECT count(*) AS trials,
       count(*) FILTER (WHERE overall_status = 'RECRUITING') AS recruiting,
       count(*) FILTER (WHERE first_posted > $as_of::DATE - INTERVAL 30 DAY) AS new_30d
FROM f
