"""One API v2 study object -> the snapshot's rows. Pure: no I/O, no database.

Registry text is kept exactly as written (CommonMark with backslash escapes, HTML entities);
the dashboard shows it as text, so nothing here unescapes or strips it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from trialscape import enums
from trialscape.ingest.areas import TherapeuticAreas
from trialscape.ingest.countries import CountryNames
from trialscape.sponsors import infer_sponsor_class

# More people than live on Earth is a broken count, and 2^63 does not fit the BIGINT column.
MAX_ENROLLMENT = 10_000_000_000
_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")

STUDY_COLUMNS = (
    "nct_id", "brief_title", "official_title", "acronym", "overall_status", "last_known_status",
    "study_type", "phase", "enrollment", "enrollment_type",
    "start_date", "start_date_precision", "start_date_type",
    "primary_completion_date", "primary_completion_date_precision",
    "primary_completion_date_type",
    "completion_date", "completion_date_precision", "completion_date_type",
    "first_posted", "first_posted_precision", "last_update_posted",
    "last_update_posted_precision", "results_first_posted", "has_results", "why_stopped",
    "lead_sponsor", "lead_sponsor_class", "primary_purpose", "allocation", "brief_summary",
    "areas", "registry_status", "status_verified_date", "status_verified_date_precision",
    "registry_phases", "lead_sponsor_class_inferred",
)


class BadRecord(ValueError):
    """A record that cannot be imported; the message says which field and why."""


@dataclass(slots=True)
class StudyRows:
    nct_id: str
    study: tuple[Any, ...]
    conditions: list[tuple[str, str]] = field(default_factory=list)
    keywords: list[tuple[str, str]] = field(default_factory=list)
    condition_mesh: list[tuple[str, str | None, str, bool]] = field(default_factory=list)
    intervention_mesh: list[tuple[str, str | None, str, bool]] = field(default_factory=list)
    interventions: list[tuple[Any, ...]] = field(default_factory=list)
    arm_groups: list[tuple[Any, ...]] = field(default_factory=list)
    sponsors: list[tuple[str, str, str | None, str, bool]] = field(default_factory=list)
    locations: list[tuple[Any, ...]] = field(default_factory=list)
    # values kept but not recognised ("country: Gaul", "overall status: PAUSED"), for the
    # import's report: the registry can add enum values, and a record is never dropped for one
    unrecognised: list[str] = field(default_factory=list)

    @property
    def last_update_posted(self) -> date | None:
        value: date | None = self.study[STUDY_COLUMNS.index("last_update_posted")]
        return value


def _get(obj: Any, path: str, kind: type | tuple[type, ...], where: str) -> Any:
    """obj[path] when present and of the right type, None when absent; BadRecord otherwise."""
    if obj is None:
        return None
    value = obj.get(path)
    if value is None or type(value) is kind:  # the common case first: the import's hot path
        return value
    # bool is an int in Python; a JSON true is never a count.
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        names = kind.__name__ if isinstance(kind, type) else "/".join(k.__name__ for k in kind)
        raise BadRecord(f"{where}.{path}: expected {names}, got {type(value).__name__}")
    return value


def _module(section: dict[str, Any] | None, name: str, where: str) -> dict[str, Any] | None:
    found: dict[str, Any] | None = _get(section, name, dict, where)
    return found


def _text(obj: Any, key: str, where: str) -> str | None:
    if obj is None:
        return None
    value = obj.get(key)
    if type(value) is not str:
        value = _get(obj, key, str, where)
    return value if value is None or value.strip() else None


def _list(obj: Any, key: str, where: str) -> list[Any]:
    return _get(obj, key, list, where) or []


def _kept_text(obj: Any, key: str, allowed: Any, where: str, what: str,
               unrecognised: list[str]) -> str | None:
    """A text value for a VARCHAR column: kept as written, noted when the API never listed it."""
    value = _text(obj, key, where)
    if value is not None and value not in allowed:
        unrecognised.append(f"{what}: {value}")
    return value


def _sponsor_class(sponsor: Any, name: str | None, where: str, unrecognised: list[str]
                   ) -> tuple[str | None, bool]:
    """A sponsor's class and whether trialscape inferred it: the record's own class when it
    gives one (an unknown word is noted, not guessed over), else one read from the name."""
    if _text(sponsor, "class", where) is None:
        inferred = infer_sponsor_class(name) if name else None
        return inferred, inferred is not None
    return _enum_kept(sponsor, "class", enums.SPONSOR_CLASSES, where, "sponsor class",
                      unrecognised), False


def _enum_kept(obj: Any, key: str, allowed: Any, where: str, what: str,
               unrecognised: list[str]) -> str | None:
    """An enum value the schema knows, or None for one it does not (noted in `unrecognised`;
    the record itself is kept)."""
    value = _text(obj, key, where)
    if value is not None and value not in allowed:
        unrecognised.append(f"{what}: {value}")
        return None
    return value


def partial_date(raw: str | None, where: str) -> tuple[date | None, str | None]:
    """'2021', '2021-05' or '2021-05-17' -> (first day of the period, 'year'|'month'|'day')."""
    if raw is None:
        return None, None
    match = _PARTIAL_DATE.match(raw.strip())
    if not match:
        raise BadRecord(f"{where}: not a date: {raw!r}")
    year, month, day = match.groups()
    try:
        value = date(int(year), int(month or 1), int(day or 1))
    except ValueError as err:
        raise BadRecord(f"{where}: not a date: {raw!r}") from err
    return value, "day" if day else "month" if month else "year"


def _date_struct(status: dict[str, Any] | None, key: str, where: str
                 ) -> tuple[date | None, str | None, str | None]:
    struct = _get(status, key, dict, where)
    if struct is None:
        return None, None, None
    value, precision = partial_date(_text(struct, "date", f"{where}.{key}"), f"{where}.{key}")
    kind = _text(struct, "type", f"{where}.{key}")  # VARCHAR: a new word is kept as written
    return value, precision, kind


def normalise_phase(phases: list[Any], where: str) -> str | None:
    """The registry's phase list -> one label; a two-phase list is a combined phase.
    Phases the API did not list (a new value) are left out; the caller reports them."""
    phases = [p for p in phases if p in enums.RAW_PHASES]
    if not phases:
        return None
    unique: list[str] = sorted(set(phases), key=enums.RAW_PHASES.index)
    if len(unique) == 1:
        return unique[0]
    if unique == ["PHASE1", "PHASE2"]:
        return "PHASE1_PHASE2"
    if unique == ["PHASE2", "PHASE3"]:
        return "PHASE2_PHASE3"
    if "NA" in unique:  # NA beside a real phase says nothing: keep the real one(s)
        return normalise_phase([p for p in unique if p != "NA"], where)
    # Anything else (PHASE1+PHASE3...) is rare registry noise: keep the earliest phase; the
    # registry's own list stays in `registry_phases` and the trial detail shows it.
    return unique[0]


def is_unusual_phase_list(phases: list[str]) -> bool:
    """A phase list no single normalised phase says fully (PHASE1 + PHASE3, three phases)."""
    real = sorted({p for p in phases if p != "NA"})
    return len(real) > 2 or (len(real) == 2 and real not in (["PHASE1", "PHASE2"],
                                                              ["PHASE2", "PHASE3"]))


def _strings(values: list[Any], where: str) -> list[str]:
    out = []
    for v in values:
        if not isinstance(v, str):
            raise BadRecord(f"{where}: expected a list of text, got {type(v).__name__}")
        if v.strip():
            out.append(v)
    return out


def _mesh_rows(nct_id: str, module: dict[str, Any] | None, where: str
               ) -> list[tuple[str, str | None, str, bool]]:
    rows = []
    seen: set[tuple[str, bool]] = set()  # a term once per trial and kind: counts need no DISTINCT
    for key, is_ancestor in (("meshes", False), ("ancestors", True)):
        for item in _list(module, key, where):
            if not isinstance(item, dict):
                raise BadRecord(f"{where}.{key}: expected objects")
            term = _text(item, "term", f"{where}.{key}")
            if term and (term, is_ancestor) not in seen:
                seen.add((term, is_ancestor))
                rows.append((nct_id, _text(item, "id", f"{where}.{key}"), term, is_ancestor))
    return rows


def normalise(record: Any, countries: CountryNames, areas: TherapeuticAreas) -> StudyRows:
    """Turn one API v2 study object into rows; raise BadRecord with a reason if it is broken."""
    if not isinstance(record, dict):
        raise BadRecord(f"expected a study object, got {type(record).__name__}")
    protocol = _get(record, "protocolSection", dict, "study")
    if protocol is None:
        raise BadRecord("no protocolSection")
    ps = "protocolSection"
    ident = _module(protocol, "identificationModule", ps) or {}
    raw_id = _get(ident, "nctId", str, f"{ps}.identificationModule")
    if not raw_id:
        raise BadRecord("no NCT id")
    nct_id = raw_id.strip().upper()
    if not enums.NCT_ID.match(nct_id):
        raise BadRecord(f"not an NCT id: {raw_id!r}")

    w = f"{nct_id}: {ps}"
    status = _module(protocol, "statusModule", w)
    sponsor_mod = _module(protocol, "sponsorCollaboratorsModule", w)
    design = _module(protocol, "designModule", w)
    description = _module(protocol, "descriptionModule", w)
    conditions_mod = _module(protocol, "conditionsModule", w)
    arms = _module(protocol, "armsInterventionsModule", w)
    contacts = _module(protocol, "contactsLocationsModule", w)
    derived = _get(record, "derivedSection", dict, nct_id) or {}
    cond_browse = _module(derived, "conditionBrowseModule", f"{nct_id}: derivedSection")
    intr_browse = _module(derived, "interventionBrowseModule", f"{nct_id}: derivedSection")

    sw = f"{w}.statusModule"
    start = _date_struct(status, "startDateStruct", sw)
    primary = _date_struct(status, "primaryCompletionDateStruct", sw)
    completion = _date_struct(status, "completionDateStruct", sw)
    first_posted = _date_struct(status, "studyFirstPostDateStruct", sw)
    last_update = _date_struct(status, "lastUpdatePostDateStruct", sw)
    results_posted = _date_struct(status, "resultsFirstPostDateStruct", sw)

    dw = f"{w}.designModule"
    enrollment_info = _get(design, "enrollmentInfo", dict, dw)
    enrollment = _get(enrollment_info, "count", int, f"{dw}.enrollmentInfo")
    if enrollment is not None and not 0 <= enrollment <= MAX_ENROLLMENT:
        raise BadRecord(f"{dw}.enrollmentInfo.count: out of range ({enrollment})")
    design_info = _get(design, "designInfo", dict, dw)

    spw = f"{w}.sponsorCollaboratorsModule"
    lead = _get(sponsor_mod, "leadSponsor", dict, spw)
    lead_name = _text(lead, "name", f"{spw}.leadSponsor")
    rows = StudyRows(nct_id=nct_id, study=())
    lead_class, lead_inferred = _sponsor_class(lead, lead_name, f"{spw}.leadSponsor",
                                               rows.unrecognised)
    has_results = _get(record, "hasResults", bool, nct_id)

    if lead_name or lead_class:
        rows.sponsors.append((nct_id, lead_name or "", lead_class, "lead", lead_inferred))
    for c in _list(sponsor_mod, "collaborators", spw):
        if not isinstance(c, dict):
            raise BadRecord(f"{spw}.collaborators: expected objects")
        name = _text(c, "name", f"{spw}.collaborators")
        if name:
            cls, inferred = _sponsor_class(c, name, f"{spw}.collaborators", rows.unrecognised)
            rows.sponsors.append((nct_id, name, cls, "collaborator", inferred))

    cw = f"{w}.conditionsModule"
    conditions = _strings(_list(conditions_mod, "conditions", cw), f"{cw}.conditions")
    rows.conditions = [(nct_id, c) for c in dict.fromkeys(conditions)]
    rows.keywords = [(nct_id, k) for k in dict.fromkeys(
        _strings(_list(conditions_mod, "keywords", cw), f"{cw}.keywords"))]
    rows.condition_mesh = _mesh_rows(nct_id, cond_browse, f"{nct_id}: conditionBrowseModule")
    rows.intervention_mesh = _mesh_rows(nct_id, intr_browse,
                                        f"{nct_id}: interventionBrowseModule")

    aw = f"{w}.armsInterventionsModule"
    for idx, item in enumerate(_list(arms, "interventions", aw)):
        if not isinstance(item, dict):
            raise BadRecord(f"{aw}.interventions: expected objects")
        iw = f"{aw}.interventions[{idx}]"
        rows.interventions.append((
            nct_id, idx, _kept_text(item, "type", enums.INTERVENTION_TYPES, iw,
                                    "intervention type", rows.unrecognised),
            _text(item, "name", iw) or "",
            _strings(_list(item, "otherNames", iw), f"{iw}.otherNames"),
            _text(item, "description", iw),
            _strings(_list(item, "armGroupLabels", iw), f"{iw}.armGroupLabels"),
        ))
    for idx, item in enumerate(_list(arms, "armGroups", aw)):
        if not isinstance(item, dict):
            raise BadRecord(f"{aw}.armGroups: expected objects")
        gw = f"{aw}.armGroups[{idx}]"
        rows.arm_groups.append((
            nct_id, _text(item, "label", gw) or "",
            _kept_text(item, "type", enums.ARM_GROUP_TYPES, gw, "arm type", rows.unrecognised),
            _text(item, "description", gw),
            _strings(_list(item, "interventionNames", gw), f"{gw}.interventionNames"),
        ))

    lw = f"{w}.contactsLocationsModule.locations"
    for item in _list(contacts, "locations", f"{w}.contactsLocationsModule"):
        if not isinstance(item, dict):
            raise BadRecord(f"{lw}: expected objects")
        raw_country = _text(item, "country", lw)
        place = countries.place(_text(item, "facility", lw), _text(item, "city", lw),
                                _text(item, "state", lw), raw_country)
        if place.unrecognised:
            rows.unrecognised.append(f"country: {place.unrecognised}")
        geo = _get(item, "geoPoint", dict, lw)
        rows.locations.append((
            nct_id, place.facility, place.city, place.state,
            place.country, raw_country, _get(geo, "lat", (int, float), f"{lw}.geoPoint"),
            _get(geo, "lon", (int, float), f"{lw}.geoPoint"), _text(item, "status", lw),
        ))

    mesh_terms = [t for _, _, t, _ in rows.condition_mesh]
    branches: list[str] = [b["name"] for b in _list(cond_browse, "browseBranches", nct_id)
                           if isinstance(b, dict) and isinstance(b.get("name"), str)]
    ident_w = f"{w}.identificationModule"
    brief_title = _text(ident, "briefTitle", ident_w)
    official_title = _text(ident, "officialTitle", ident_w)

    raw_phases = _strings(_list(design, "phases", dw), f"{dw}.phases")
    rows.unrecognised += [f"phase: {p}" for p in raw_phases if p not in enums.RAW_PHASES]
    verified = partial_date(_text(status, "statusVerifiedDate", sw), f"{sw}.statusVerifiedDate")
    overall = _text(status, "overallStatus", sw)  # kept as written (registry_status)
    if overall is not None and overall not in enums.STATUSES:
        rows.unrecognised.append(f"overall status: {overall}")
    # By name, not by position: the tuple's order comes from STUDY_COLUMNS alone.
    study: dict[str, Any] = {
        "nct_id": nct_id, "brief_title": brief_title, "official_title": official_title,
        "acronym": _text(ident, "acronym", ident_w),
        "overall_status": overall if overall in enums.STATUSES else None,
        "last_known_status": _enum_kept(status, "lastKnownStatus", enums.STATUSES, sw,
                                        "last known status", rows.unrecognised),
        "study_type": _enum_kept(design, "studyType", enums.STUDY_TYPES, dw, "study type",
                                 rows.unrecognised),
        "phase": normalise_phase(raw_phases, f"{dw}.phases"),
        "enrollment": enrollment,
        "enrollment_type": _text(enrollment_info, "type", f"{dw}.enrollmentInfo"),
        "results_first_posted": results_posted[0], "has_results": has_results,
        "why_stopped": _text(status, "whyStopped", sw),
        "lead_sponsor": lead_name, "lead_sponsor_class": lead_class,
        "primary_purpose": _text(design_info, "primaryPurpose", f"{dw}.designInfo"),
        "allocation": _text(design_info, "allocation", f"{dw}.designInfo"),
        "brief_summary": _text(description, "briefSummary", f"{w}.descriptionModule"),
        "areas": areas.for_trial(mesh_terms + branches, conditions),
        "registry_status": overall, "status_verified_date": verified[0],
        "status_verified_date_precision": verified[1],
        "registry_phases": raw_phases or None, "lead_sponsor_class_inferred": lead_inferred,
    }
    for name, (day, precision, kind) in (("start_date", start),
                                         ("primary_completion_date", primary),
                                         ("completion_date", completion)):
        study |= {name: day, f"{name}_precision": precision, f"{name}_type": kind}
    for name, (day, precision, _) in (("first_posted", first_posted),
                                      ("last_update_posted", last_update)):
        study |= {name: day, f"{name}_precision": precision}
    rows.study = tuple(study[c] for c in STUDY_COLUMNS)
    return rows
