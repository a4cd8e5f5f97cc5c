-- Why one trial sits in each modality: the rule and the text that matched.
SELECT modality, submodality, is_primary, rule, evidence
FROM study_modalities WHERE nct_id = $nct_id
ORDER BY is_primary DESC, modality
