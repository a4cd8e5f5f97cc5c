"""trialscape: the clinical-trial landscape from a DuckDB snapshot of ClinicalTrials.gov."""

__version__ = "0.1.0"
