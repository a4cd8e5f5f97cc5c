-- The most recently registered trials.
SELECT nct_id, brief_title, primary_modality, phase::VARCHAR AS phase,
       overall_status::VARCHAR AS status, sponsor AS lead_sponsor, first_posted, start_date
FROM f ORDER BY first_posted DESC NULLS LAST, nct_id DESC LIMIT $n
