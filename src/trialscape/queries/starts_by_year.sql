-- Trial starts per year by primary modality; future years are planned starts.
SELECT start_year AS year, primary_modality AS modality, count(*) AS trials
FROM f WHERE start_year BETWEEN $first_year AND $last_year GROUP BY ALL ORDER BY year
