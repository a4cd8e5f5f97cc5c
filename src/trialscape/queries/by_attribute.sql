-- Trials per value of one attribute (trial_attributes); 'NOT_STATED' = the record does not say.
-- A trial with two values (AAV and a plasmid) counts in both.
SELECT value, trials FROM (
    SELECT coalesce(a.value, 'NOT_STATED') AS value, count(DISTINCT f.nct_id) AS trials
    FROM f LEFT JOIN trial_attributes a ON a.nct_id = f.nct_id AND a.attribute = $attribute
    GROUP BY 1
) ORDER BY value = 'NOT_STATED', trials DESC, value
