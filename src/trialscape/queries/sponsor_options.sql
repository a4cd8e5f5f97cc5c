-- Lead sponsors to offer in the filter (spelling variants grouped), busiest first.
SELECT sponsor, count(*) AS trials FROM trials
WHERE sponsor IS NOT NULL AND sponsor <> ''
GROUP BY ALL ORDER BY trials DESC, sponsor LIMIT $n
