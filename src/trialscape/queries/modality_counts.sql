-- Trials that test each modality (a trial testing two counts in both).
SELECT m AS modality, count(*) AS trials
FROM (SELECT unnest(modalities) AS m FROM f) GROUP BY ALL
