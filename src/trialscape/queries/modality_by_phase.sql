SELECT primary_modality AS modality, coalesce(phase::VARCHAR, 'NOT_GIVEN') AS phase,
       count(*) AS trials
FROM trials GROUP BY ALL
