-- Phase 2 and 3 trials still running whose primary completion falls in the $days days after
-- $as_of: results may follow.
SELECT nct_id, brief_title, primary_modality, phase::VARCHAR AS phase,
       overall_status::VARCHAR AS status, sponsor AS lead_sponsor, primary_completion_date, enrollment
FROM f
WHERE phase IN ('PHASE2', 'PHASE2_PHASE3', 'PHASE3')
  AND list_contains($active_statuses, overall_status::VARCHAR)
  AND primary_completion_date > $as_of::DATE
  AND primary_completion_date <= $as_of::DATE + to_days($days::INTEGER)
ORDER BY primary_completion_date, nct_id
