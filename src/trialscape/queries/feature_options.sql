-- Every stated feature, for the sidebar's "Feature" filter.
SELECT attribute || ':' || value AS feature, count(DISTINCT nct_id) AS trials
FROM trial_attributes GROUP BY attribute, value ORDER BY attribute, trials DESC
