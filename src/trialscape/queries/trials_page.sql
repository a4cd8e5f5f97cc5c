-- One page of the trial table. $sort picks the order from a fixed list; everything is bound.
SELECT nct_id, brief_title, primary_modality, modalities, phase::VARCHAR AS phase,
       overall_status::VARCHAR AS status, sponsor AS lead_sponsor, start_date, enrollment
FROM f
ORDER BY
    CASE WHEN $sort = 'start_desc' THEN start_date END DESC NULLS LAST,
    CASE WHEN $sort = 'start_asc' THEN start_date END ASC NULLS LAST,
    CASE WHEN $sort = 'posted_desc' THEN first_posted END DESC NULLS LAST,
    CASE WHEN $sort = 'enrollment_desc' THEN enrollment END DESC NULLS LAST,
    CASE WHEN $sort = 'title' THEN lower(brief_title) END ASC NULLS LAST,
    nct_id
LIMIT $limit OFFSET $offset
