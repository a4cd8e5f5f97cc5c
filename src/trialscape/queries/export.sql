-- The analysts' export: one row per filtered trial, lists joined with '; '.
SELECT nct_id,
       'https://clinicaltrials.gov/study/' || nct_id AS url,
       brief_title,
       primary_modality,
       array_to_string(modalities, '; ') AS modalities,
       array_to_string(submodalities, '; ') AS submodalities,
       phase::VARCHAR AS phase,
       overall_status::VARCHAR AS status,
       why_stopped,
       study_type::VARCHAR AS study_type,
       lead_sponsor,
       sponsor AS sponsor_grouped,
       lead_sponsor_class::VARCHAR AS lead_sponsor_class,
       array_to_string(collaborators, '; ') AS collaborators,
       array_to_string(conditions, '; ') AS conditions,
       array_to_string(areas, '; ') AS therapeutic_areas,
       array_to_string(countries, '; ') AS countries,
       array_to_string(intervention_names, '; ') AS interventions,
       start_date, primary_completion_date, first_posted, last_update_posted,
       enrollment, has_results,
       -- what the record says beyond the modality (trial_attributes): "vector=AAV; ..."
       (SELECT string_agg(a.attribute || '=' || a.value, '; ' ORDER BY a.attribute, a.value)
        FROM trial_attributes a WHERE a.nct_id = f.nct_id) AS features
FROM f
ORDER BY start_date NULLS LAST, nct_id
