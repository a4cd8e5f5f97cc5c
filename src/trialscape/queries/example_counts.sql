-- How many of the filtered trials name each of three conditions (the gene-therapy article's
-- examples), in one pass: each pattern is a lower-case alternation of phrases.
SELECT count(*) FILTER (WHERE regexp_matches(condition_text, $first)) AS first,
       count(*) FILTER (WHERE regexp_matches(condition_text, $second)) AS second,
       count(*) FILTER (WHERE regexp_matches(condition_text, $third)) AS third
FROM f
