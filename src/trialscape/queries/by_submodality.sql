-- Sub-modalities of one modality ($modality) among the filtered trials; a trial counts once
-- per sub-modality it tests, 'UNSPECIFIED' when the records do not say which.
SELECT coalesce(sm.submodality, 'UNSPECIFIED') AS submodality,
       count(DISTINCT sm.nct_id) AS trials
FROM study_modalities sm SEMI JOIN f ON f.nct_id = sm.nct_id
WHERE sm.modality = $modality
GROUP BY ALL ORDER BY trials DESC
