-- How much of the filtered trials a field covers, for the captions that must say so:
-- trials without a phase (and how many of those are interventional), trials with MeSH terms.
SELECT count(*) AS trials,
       count(*) FILTER (WHERE phase IS NULL) AS no_phase,
       count(*) FILTER (WHERE phase IS NULL AND study_type = 'INTERVENTIONAL')
           AS no_phase_interventional,
       count(*) FILTER (WHERE has_mesh) AS with_mesh
FROM f
