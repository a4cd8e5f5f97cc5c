-- One trial's interventions, in registry order.
SELECT idx, type, name, array_to_string(coalesce(other_names, []), '; ') AS other_names,
       description
FROM interventions WHERE nct_id = $nct_id ORDER BY idx
