-- The registered spellings counted as one organisation.
SELECT name FROM sponsor_aliases WHERE sponsor = $sponsor ORDER BY name
