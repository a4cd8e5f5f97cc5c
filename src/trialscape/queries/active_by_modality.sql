-- Active trials (recruiting or running) per modality and per sub-modality, for coverage.
SELECT sm.modality, sm.submodality, grouping(sm.submodality) = 1 AS is_total,
       count(*) AS active_trials  -- one row per (trial, modality): no DISTINCT needed
FROM study_modalities sm JOIN f ON f.nct_id = sm.nct_id
WHERE list_contains($active_statuses, f.overall_status::VARCHAR)
GROUP BY GROUPING SETS ((sm.modality), (sm.modality, sm.submodality))
ORDER BY active_trials DESC
