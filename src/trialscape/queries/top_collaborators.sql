-- Organisations that most often collaborate on the filtered trials.
SELECT c AS collaborator, count(*) AS trials
FROM (SELECT unnest(collaborators) AS c FROM f)
GROUP BY ALL ORDER BY trials DESC, collaborator LIMIT $n
