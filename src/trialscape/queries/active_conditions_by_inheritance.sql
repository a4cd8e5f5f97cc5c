-- The conditions active trials target, ranked, for inherited and for acquired diseases
-- (trial_attributes 'inheritance'); conditions as registered, case ignored.
WITH active AS (
    SELECT f.nct_id, coalesce(a.value, 'NOT_STATED') AS inheritance
    FROM f LEFT JOIN trial_attributes a ON a.nct_id = f.nct_id AND a.attribute = 'inheritance'
    WHERE list_contains($active_statuses, f.overall_status::VARCHAR)
), counted AS (
    SELECT active.inheritance, lower(trim(c.condition)) AS k, min(c.condition) AS condition,
           count(DISTINCT c.nct_id) AS trials
    FROM conditions c JOIN active USING (nct_id)
    -- an inherited-disease trial may list other conditions too (an infection it prevents):
    -- the inherited ranking keeps the conditions on the reviewed monogenic list
    WHERE active.inheritance <> 'Inherited' OR regexp_matches(c.condition, $monogenic)
    GROUP BY 1, 2
)
SELECT inheritance, condition, trials FROM counted
QUALIFY row_number() OVER (PARTITION BY inheritance ORDER BY trials DESC, condition) <= $n
ORDER BY inheritance, trials DESC, condition
