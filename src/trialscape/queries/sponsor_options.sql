-- Lead sponsors to offer in the filter, busiest first (all trials, not the filtered ones).
SELECT lead_sponsor AS sponsor, count(*) AS trials FROM trials
WHERE lead_sponsor IS NOT NULL AND lead_sponsor <> ''
GROUP BY ALL ORDER BY trials DESC, sponsor LIMIT $n
