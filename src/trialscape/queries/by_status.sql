SELECT coalesce(overall_status::VARCHAR, 'NOT_GIVEN') AS status, count(*) AS trials
FROM f GROUP BY ALL ORDER BY trials DESC
