-- How many changes the snapshot's refresh history holds.
SELECT count(*) AS n FROM changes
