-- Trials by primary modality: sums to the total, unclassified bucket included.
SELECT primary_modality AS modality, count(*) AS trials
FROM f GROUP BY ALL
