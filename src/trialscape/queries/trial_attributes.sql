-- One trial's features beyond its modality, with the text that states each.
SELECT attribute, value, evidence FROM trial_attributes WHERE nct_id = $nct_id
ORDER BY attribute, value
