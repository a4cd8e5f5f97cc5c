-- One trial's facts for the detail view.
SELECT s.nct_id, s.brief_title, s.official_title, s.acronym, s.overall_status::VARCHAR AS status,
       s.registry_status, s.status_verified_date, s.why_stopped,
       s.study_type::VARCHAR AS study_type, s.phase::VARCHAR AS phase, s.registry_phases,
       s.enrollment, s.start_date, s.primary_completion_date, s.completion_date,
       s.first_posted, s.last_update_posted, s.has_results, s.lead_sponsor,
       s.lead_sponsor_class::VARCHAR AS lead_sponsor_class, s.lead_sponsor_class_inferred,
       s.brief_summary, t.conditions, t.countries, t.collaborators
FROM studies s JOIN trials t USING (nct_id)
WHERE s.nct_id = $nct_id
