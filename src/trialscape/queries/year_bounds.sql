-- The span of start years, for the year-range filter.
SELECT min(start_year) AS first_year, max(start_year) AS last_year FROM trials
