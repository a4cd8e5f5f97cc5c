-- Trials first posted on or after $since (what's new when a snapshot has no refresh history).
SELECT nct_id, brief_title, primary_modality, overall_status::VARCHAR AS status, sponsor AS lead_sponsor,
       first_posted
FROM f WHERE first_posted >= $since::DATE
ORDER BY first_posted DESC, nct_id
