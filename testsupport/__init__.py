"""Real parts the tests and the benchmarks share (not shipped with the package): a local
ClinicalTrials.gov API v2 server that serves real records with faults, and how Chromium is
launched for the checks a person would do by eye."""
