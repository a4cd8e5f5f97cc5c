-- What changed in a window, for the filtered trials: the last refresh ($window = 'last') or
-- changes dated on or after $since. Joined to the trial for its title, modality and reason.
SELECT c.change, c.nct_id, f.brief_title, f.primary_modality, c.old_value, c.new_value,
       c.changed_on, c.detected_at, f.why_stopped, f.sponsor AS lead_sponsor
FROM changes c JOIN f ON f.nct_id = c.nct_id
WHERE CASE WHEN $window = 'last'
           THEN c.detected_at = (SELECT max(detected_at) FROM changes)
           ELSE c.changed_on >= $since::DATE END
ORDER BY c.changed_on DESC NULLS LAST, c.nct_id
