SELECT primary_modality AS modality, coalesce(phase::VARCHAR, 'NOT_GIVEN') AS phase,
       count(*) AS trials
FROM f GROUP BY ALL
