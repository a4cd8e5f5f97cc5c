-- Trials per country (a multi-country trial counts once in each), with the mean position of
-- that country's sites for the map; 'NONE' = trials with no site country.
WITH per AS (
    SELECT l.country, count(DISTINCT l.nct_id) AS trials, avg(l.lat) AS lat, avg(l.lon) AS lon
    FROM locations l SEMI JOIN f ON f.nct_id = l.nct_id
    WHERE l.country IS NOT NULL
    GROUP BY ALL
)
SELECT country, trials, lat, lon FROM per
UNION ALL
SELECT 'NONE', count(*), NULL, NULL FROM f WHERE len(countries) = 0
ORDER BY trials DESC
