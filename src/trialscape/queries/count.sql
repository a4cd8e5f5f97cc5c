-- How many trials the active filters select.
SELECT count(*) AS trials FROM f
