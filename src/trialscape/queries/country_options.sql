-- Countries to offer in the filter, busiest first.
SELECT c AS country, count(*) AS trials FROM (SELECT unnest(countries) AS c FROM trials)
GROUP BY ALL ORDER BY trials DESC, country
