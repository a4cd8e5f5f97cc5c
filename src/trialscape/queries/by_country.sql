-- Trials per country (a multi-country trial counts once in each); 'NONE' = trials with no site
-- country. The map places each country at its centre (data/country_centres.csv).
SELECT country, count(*) AS trials
FROM (SELECT unnest(CASE WHEN len(countries) = 0 THEN ['NONE'] ELSE countries END) AS country
      FROM f)
GROUP BY ALL ORDER BY trials DESC, country
