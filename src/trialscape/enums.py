"""Registry enum values (API v2.0.5) and the plain words the dashboard shows for them."""

from __future__ import annotations

import re
from collections.abc import Mapping

NCT_ID = re.compile(r"^NCT\d{8}$")  # a registry id: NCT and eight digits

STATUSES: dict[str, str] = {
    "RECRUITING": "Recruiting",
    "NOT_YET_RECRUITING": "Not yet recruiting",
    "ENROLLING_BY_INVITATION": "Enrolling by invitation",
    "ACTIVE_NOT_RECRUITING": "Active, not recruiting",
    "COMPLETED": "Completed",
    "SUSPENDED": "Suspended",
    "TERMINATED": "Terminated",
    "WITHDRAWN": "Withdrawn",
    "UNKNOWN": "Unknown (not verified for 2+ years)",
    "AVAILABLE": "Expanded access: available",
    "NO_LONGER_AVAILABLE": "Expanded access: no longer available",
    "TEMPORARILY_NOT_AVAILABLE": "Expanded access: temporarily unavailable",
    "APPROVED_FOR_MARKETING": "Approved for marketing",
    "WITHHELD": "Withheld",
}
ACTIVE_STATUSES = ("RECRUITING", "NOT_YET_RECRUITING", "ENROLLING_BY_INVITATION",
                   "ACTIVE_NOT_RECRUITING")
STOPPED_STATUSES = ("TERMINATED", "SUSPENDED", "WITHDRAWN")

# Normalised phase: the registry gives a list; two phases become one combined label.
PHASES: dict[str, str] = {
    "EARLY_PHASE1": "Early phase 1",
    "PHASE1": "Phase 1",
    "PHASE1_PHASE2": "Phase 1/2",
    "PHASE2": "Phase 2",
    "PHASE2_PHASE3": "Phase 2/3",
    "PHASE3": "Phase 3",
    "PHASE4": "Phase 4",
    "NA": "Not applicable",
}
RAW_PHASES = ("NA", "EARLY_PHASE1", "PHASE1", "PHASE2", "PHASE3", "PHASE4")

STUDY_TYPES: dict[str, str] = {
    "INTERVENTIONAL": "Interventional",
    "OBSERVATIONAL": "Observational",
    "EXPANDED_ACCESS": "Expanded access",
}

SPONSOR_CLASSES: dict[str, str] = {
    "INDUSTRY": "Industry",
    "OTHER": "Academic and other",
    "NIH": "NIH",
    "FED": "US federal",
    "OTHER_GOV": "Other government",
    "NETWORK": "Network",
    "INDIV": "Individual",
    "AMBIG": "Ambiguous",
    "UNKNOWN": "Unknown",
}

INTERVENTION_TYPES = ("BEHAVIORAL", "BIOLOGICAL", "COMBINATION_PRODUCT", "DEVICE",
                      "DIAGNOSTIC_TEST", "DIETARY_SUPPLEMENT", "DRUG", "GENETIC", "PROCEDURE",
                      "RADIATION", "OTHER")

ARM_GROUP_TYPES = ("EXPERIMENTAL", "ACTIVE_COMPARATOR", "PLACEBO_COMPARATOR",
                   "SHAM_COMPARATOR", "NO_INTERVENTION", "OTHER")

UNKNOWN_LABEL = "Not given"


def label(mapping: Mapping[str, str], value: str | None) -> str:
    """Plain words for an enum value; the unknown bucket gets one shared name."""
    if value is None:
        return UNKNOWN_LABEL
    return mapping.get(value, value)
