-- Lead sponsors ranked by trials or by active trials ($by = 'active'); spelling variants are
-- grouped (sponsor_aliases), and `spellings` says how many were merged.
SELECT sponsor,
       mode(lead_sponsor_class)::VARCHAR AS sponsor_class,
       count(*) AS trials,
       count(*) FILTER (WHERE list_contains($active_statuses, overall_status::VARCHAR)) AS active_trials,
       count(DISTINCT lead_sponsor) AS spellings
FROM f WHERE sponsor IS NOT NULL AND sponsor <> ''
GROUP BY sponsor
ORDER BY CASE WHEN $by = 'active' THEN active_trials ELSE trials END DESC, sponsor
LIMIT $n
