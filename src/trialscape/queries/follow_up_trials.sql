-- Long-term follow-up studies, and the trials they follow where the record names them.
SELECT f.nct_id, f.brief_title, f.overall_status::VARCHAR AS status, f.start_date,
       array_to_string(list_distinct(list_filter(
           regexp_extract_all(concat_ws(' ', s.official_title, s.brief_summary), 'NCT\d{8}'),
           lambda x: x <> f.nct_id)), ', ') AS follows
FROM f JOIN studies s USING (nct_id)
WHERE f.nct_id IN (SELECT nct_id FROM trial_attributes WHERE attribute = 'follow_up')
ORDER BY f.start_date DESC NULLS LAST, f.nct_id
