"""The website's `ctg-studies.csv` export -> API v2-shaped study objects.

The export flattens lists with '|' and names columns for people ("NCT Number", "Study Status").
Converting each row to the API's shape lets one normaliser serve every input format.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from trialscape import enums
from trialscape.ingest.countries import CountryNames

REQUIRED_COLUMNS = ("NCT Number",)
KNOWN_COLUMNS = ("NCT Number", "Study Title", "Acronym", "Study Status", "Brief Summary",
                 "Study Results", "Conditions", "Interventions", "Sponsor", "Collaborators",
                 "Phases", "Enrollment", "Funder Type", "Study Type", "Start Date",
                 "Primary Completion Date", "Completion Date", "First Posted",
                 "Results First Posted", "Last Update Posted", "Locations")

_INTERVENTION = re.compile(r"^\s*([A-Za-z _]+?)\s*:\s*(.+)$")


def enum_token(text: str) -> str:
    """'Active, not recruiting' -> 'ACTIVE_NOT_RECRUITING'; 'Phase 1' -> 'PHASE1'."""
    token = re.sub(r"[^A-Z0-9]+", "_", text.upper()).strip("_")
    token = re.sub(r"PHASE_(\d)", r"PHASE\1", token)
    return {"NOT_APPLICABLE": "NA", "N_A": "NA"}.get(token, token)


def csv_date(text: str | None) -> str | None:
    """Dates as the export writes them ('2021-05', '2021-05-17', 'May 2021', 'May 17, 2021')."""
    if not text or not text.strip():
        return None
    text = text.strip()
    if re.match(r"^\d{4}(-\d{2}){0,2}$", text):
        return text
    for fmt, out in (("%B %Y", "%Y-%m"), ("%B %d, %Y", "%Y-%m-%d"), ("%b %Y", "%Y-%m"),
                     ("%b %d, %Y", "%Y-%m-%d")):
        try:
            return datetime.strptime(text, fmt).strftime(out)
        except ValueError:
            continue
    return text  # the normaliser reports it as "not a date"


def _split(text: str | None) -> list[str]:
    return [p.strip() for p in (text or "").split("|") if p.strip()]


def _location(text: str, countries: CountryNames) -> dict[str, Any]:
    """'Facility, City, State, Zip, Country': the country may itself hold a comma."""
    parts = [p.strip() for p in text.split(",")]
    country = parts[-1] if parts else None
    rest = parts[:-1]
    if len(parts) >= 2 and countries.canonical(", ".join(parts[-2:])):
        country, rest = ", ".join(parts[-2:]), parts[:-2]
    loc: dict[str, Any] = {"country": country}
    if rest:
        loc["facility"] = rest[0]
    if len(rest) >= 2:
        loc["city"] = rest[-3] if len(rest) >= 4 else rest[1]
    if len(rest) >= 4:
        loc["state"] = rest[-2] if len(rest) >= 5 else rest[2]
    return loc


def row_to_study(row: dict[str, str | None], countries: CountryNames) -> dict[str, Any]:
    """One CSV row -> an API v2-shaped study object (only what the export carries)."""
    def get(col: str) -> str | None:
        value = row.get(col)
        return value.strip() if value and value.strip() else None

    def date_struct(col: str) -> dict[str, str] | None:
        d = csv_date(get(col))
        return {"date": d} if d else None

    interventions = []
    for item in _split(get("Interventions")):
        match = _INTERVENTION.match(item)
        if match and enum_token(match.group(1)) in enums.INTERVENTION_TYPES:
            interventions.append({"type": enum_token(match.group(1)), "name": match.group(2)})
        else:
            interventions.append({"name": item})
    funder = _split(get("Funder Type"))
    enrollment = get("Enrollment")
    status = {k: v for k, v in {
        "overallStatus": enum_token(get("Study Status") or "") or None,
        "startDateStruct": date_struct("Start Date"),
        "primaryCompletionDateStruct": date_struct("Primary Completion Date"),
        "completionDateStruct": date_struct("Completion Date"),
        "studyFirstPostDateStruct": date_struct("First Posted"),
        "resultsFirstPostDateStruct": date_struct("Results First Posted"),
        "lastUpdatePostDateStruct": date_struct("Last Update Posted"),
    }.items() if v}
    design: dict[str, Any] = {}
    if get("Study Type"):
        design["studyType"] = enum_token(get("Study Type") or "")
    if _split(get("Phases")):
        design["phases"] = [enum_token(p) for p in _split(get("Phases"))]
    if enrollment:
        design["enrollmentInfo"] = {"count": int(enrollment) if enrollment.isdigit()
                                    else enrollment}
    sponsor: dict[str, Any] = {}
    if get("Sponsor"):
        sponsor["leadSponsor"] = {"name": get("Sponsor")}
        if funder:
            sponsor["leadSponsor"]["class"] = enum_token(funder[0])
    if _split(get("Collaborators")):
        sponsor["collaborators"] = [{"name": n} for n in _split(get("Collaborators"))]
    study: dict[str, Any] = {"protocolSection": {
        "identificationModule": {k: v for k, v in {
            "nctId": get("NCT Number"), "briefTitle": get("Study Title"),
            "acronym": get("Acronym")}.items() if v},
        "statusModule": status,
        "sponsorCollaboratorsModule": sponsor,
        "descriptionModule": {"briefSummary": get("Brief Summary")} if get("Brief Summary")
        else {},
        "conditionsModule": {"conditions": _split(get("Conditions"))},
        "designModule": design,
        "armsInterventionsModule": {"interventions": interventions},
        "contactsLocationsModule": {
            "locations": [_location(x, countries) for x in _split(get("Locations"))]},
    }}
    results = get("Study Results")
    if results:
        study["hasResults"] = results.upper().startswith("YES") or results.upper() == "HAS RESULTS"
    return study

