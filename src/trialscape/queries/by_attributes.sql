-- Trials per value of each attribute (trial_attributes) in one pass, with the number of trials
-- that state the attribute at all (the page derives "not stated" from the total).
SELECT a.attribute, a.value, count(DISTINCT a.nct_id) AS trials,
       any_value(s.stated) AS stated
FROM trial_attributes a SEMI JOIN f ON f.nct_id = a.nct_id
JOIN (SELECT attribute, count(DISTINCT nct_id) AS stated FROM trial_attributes
      SEMI JOIN f USING (nct_id) GROUP BY attribute) s USING (attribute)
GROUP BY a.attribute, a.value
ORDER BY a.attribute, trials DESC, a.value
