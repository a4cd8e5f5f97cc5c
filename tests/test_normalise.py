from datetime import date

import pytest

from trialscape.ingest.areas import default_areas
from trialscape.ingest.countries import default_country_names, load_country_names
from trialscape.ingest.normalise import (
    STUDY_COLUMNS,
    BadRecord,
    normalise,
    normalise_phase,
    partial_date,
)

COUNTRIES = default_country_names()
AREAS = default_areas()


def study(**protocol):
    base = {"identificationModule": {"nctId": "NCT01234567", "briefTitle": "T"}}
    base.update(protocol)
    return {"protocolSection": base}


def col(rows, name):
    return rows.study[STUDY_COLUMNS.index(name)]


@pytest.mark.parametrize("phases, expected", [
    ([], None), (["NA"], "NA"), (["PHASE1"], "PHASE1"), (["PHASE1", "PHASE2"], "PHASE1_PHASE2"),
    (["PHASE2", "PHASE1"], "PHASE1_PHASE2"), (["PHASE2", "PHASE3"], "PHASE2_PHASE3"),
    (["EARLY_PHASE1"], "EARLY_PHASE1"), (["NA", "PHASE2"], "PHASE2"),
])
def test_phase_labels(phases, expected):
    assert normalise_phase(phases, "x") == expected


def test_a_phase_the_api_never_listed_keeps_the_study():
    assert normalise_phase(["PHASE5"], "x") is None
    assert normalise_phase(["PHASE5", "PHASE2"], "x") == "PHASE2"
    rows = normalise(study(designModule={"phases": ["PHASE5"]}), COUNTRIES, AREAS)
    assert col(rows, "registry_phases") == ["PHASE5"] and rows.unrecognised == ["phase: PHASE5"]


@pytest.mark.parametrize("module, value, column, noted", [
    ("statusModule", {"overallStatus": "PAUSED"}, "overall_status", "overall status: PAUSED"),
    ("designModule", {"studyType": "ANECDOTAL"}, "study_type", "study type: ANECDOTAL"),
    ("sponsorCollaboratorsModule", {"leadSponsor": {"name": "Acme Inc", "class": "GUILD"}},
     "lead_sponsor_class", "sponsor class: GUILD"),
])
def test_a_new_enum_value_keeps_the_study(module, value, column, noted):
    rows = normalise(study(**{module: value}), COUNTRIES, AREAS)
    assert col(rows, column) is None  # the typed column cannot hold it
    assert rows.unrecognised == [noted]
    if module == "statusModule":
        assert col(rows, "registry_status") == "PAUSED"  # the record's word is kept


@pytest.mark.parametrize("raw, expected", [
    ("2021", (date(2021, 1, 1), "year")), ("2021-05", (date(2021, 5, 1), "month")),
    ("2021-05-17", (date(2021, 5, 17), "day")), (None, (None, None)),
])
def test_partial_dates_keep_precision(raw, expected):
    assert partial_date(raw, "x") == expected


@pytest.mark.parametrize("raw", ["2021-13", "May 2021", "2021-02-30", ""])
def test_bad_dates_are_reported(raw):
    with pytest.raises(BadRecord, match="not a date"):
        partial_date(raw, "x")


@pytest.mark.parametrize("raw, canonical", [
    ("Korea, Republic of", "South Korea"), ("South Korea", "South Korea"),
    ("Turkey", "Turkey"), ("Türkiye", "Turkey"), ("Turkey (Türkiye)", "Turkey"),
    ("Russian Federation", "Russia"), ("Czech Republic", "Czechia"),
    ("  united states ", "United States"), ("Republic of", None), ("Research Site", None),
])
def test_one_spelling_per_country(raw, canonical):
    assert COUNTRIES.canonical(raw) == canonical


def test_country_alias_to_unknown_target_is_rejected(tmp_path):
    bad = tmp_path / "c.toml"
    bad.write_text('canonical = ["France"]\n[aliases]\n"Frankreich" = "Francia"\n')
    with pytest.raises(ValueError, match="Francia"):
        load_country_names(bad)


def test_full_record_is_normalised():
    rows = normalise(study(
        statusModule={"overallStatus": "RECRUITING", "startDateStruct": {"date": "2024-03"},
                      "lastUpdatePostDateStruct": {"date": "2025-01-02"}},
        designModule={"studyType": "INTERVENTIONAL", "phases": ["PHASE2", "PHASE3"],
                      "enrollmentInfo": {"count": 40}},
        sponsorCollaboratorsModule={"leadSponsor": {"name": "Acme", "class": "INDUSTRY"},
                                    "collaborators": [{"name": "Uni", "class": "OTHER"}]},
        conditionsModule={"conditions": ["Breast Cancer", "Breast Cancer"]},
        contactsLocationsModule={"locations": [{"country": "Korea, Republic of"},
                                               {"city": "Lyon", "country": "Gaul"},
                                               {"country": "Pfizer Investigational Site"}]},
        descriptionModule={"briefSummary": r"Dose \> 5 mg &amp; more"},
    ), COUNTRIES, AREAS)
    assert col(rows, "phase") == "PHASE2_PHASE3"
    assert col(rows, "start_date") == date(2024, 3, 1)
    assert col(rows, "start_date_precision") == "month"
    assert col(rows, "brief_summary") == r"Dose \> 5 mg &amp; more"  # kept as written
    assert col(rows, "areas") == ["cancer"]
    assert rows.conditions == [("NCT01234567", "Breast Cancer")]
    assert [s[3] for s in rows.sponsors] == ["lead", "collaborator"]
    assert [loc[4] for loc in rows.locations] == ["South Korea", None, None]
    # a lone value with no address is no country spelling to report; a place with one is
    assert rows.unrecognised == ["country: Gaul"]
    assert col(rows, "registry_status") == "RECRUITING"
    assert col(rows, "registry_phases") == ["PHASE2", "PHASE3"]
    assert col(rows, "lead_sponsor_class_inferred") is False


@pytest.mark.parametrize("location, country, kept", [
    # older exports split "Korea, Republic of" at its comma: the head lands one field early
    ({"city": "Seoul", "state": "Korea", "country": "Republic of"}, "South Korea",
     ("Seoul", None)),
    ({"facility": "Many Locations", "city": "Korea", "country": "Republic of"}, "South Korea",
     (None, None)),
    ({"city": "Tehran", "state": "Iran", "country": "Islamic Republic of"}, "Iran",
     ("Tehran", None)),
    ({"city": "Chisinau", "state": "Moldova", "country": "Republic of"}, "Moldova",
     ("Chisinau", None)),
    ({"city": "Skopje", "state": "Macedonia", "country": "The Former Yugoslav Republic of"},
     "North Macedonia", ("Skopje", None)),
    ({"city": "Kinshasa", "state": "Congo", "country": "The Democratic Republic of the"},
     "Democratic Republic of the Congo", ("Kinshasa", None)),
    ({"city": "Tripoli", "country": "Libyan Arab Jamahiriya"}, "Libya", ("Tripoli", None)),
    # only the nearest field may hold the head: a state that is no country head stays
    ({"city": "Korea", "state": "Gyeonggi", "country": "Republic of"}, None,
     ("Korea", "Gyeonggi")),
])
def test_split_and_old_country_names_are_recovered(location, country, kept):
    rows = normalise(study(contactsLocationsModule={"locations": [location]}), COUNTRIES, AREAS)
    loc = rows.locations[0]
    assert loc[4] == country
    assert (loc[2], loc[3]) == kept
    assert loc[5] == location["country"]  # the raw spelling is kept beside it


@pytest.mark.parametrize("phases, unusual", [
    (["PHASE1", "PHASE3"], True), (["PHASE1", "PHASE2", "PHASE3"], True),
    (["PHASE1", "PHASE2"], False), (["NA", "PHASE2"], False), (["PHASE2"], False),
])
def test_unusual_phase_lists_are_told_apart(phases, unusual):
    from trialscape.ingest.normalise import is_unusual_phase_list
    assert is_unusual_phase_list(phases) is unusual
    rows = normalise(study(designModule={"phases": phases}), COUNTRIES, AREAS)
    assert col(rows, "registry_phases") == phases  # the registry's list survives


@pytest.mark.parametrize("name, given, cls, inferred", [
    ("Acme Biotherapeutics, Inc.", None, "INDUSTRY", True),
    ("University of Somewhere", None, "OTHER", True),
    ("National Cancer Institute (NCI)", None, "NIH", True),
    ("Pfizer", None, None, False),  # the name alone says nothing; the snapshot may know
    ("University of Somewhere", "INDUSTRY", "INDUSTRY", False),  # the record's word wins
])
def test_missing_sponsor_class_is_read_from_the_name(name, given, cls, inferred):
    lead = {"name": name} | ({"class": given} if given else {})
    rows = normalise(study(sponsorCollaboratorsModule={"leadSponsor": lead}), COUNTRIES, AREAS)
    assert col(rows, "lead_sponsor_class") == cls
    assert col(rows, "lead_sponsor_class_inferred") is inferred
    assert rows.sponsors[0][2] == cls and rows.sponsors[0][4] is inferred


def test_status_verified_date_is_kept():
    rows = normalise(study(statusModule={"overallStatus": "RECRUITING",
                                         "statusVerifiedDate": "2019-04"}), COUNTRIES, AREAS)
    assert col(rows, "status_verified_date") == date(2019, 4, 1)
    assert col(rows, "status_verified_date_precision") == "month"


@pytest.mark.parametrize("conditions, mesh, areas", [
    (["Adenocarcinoma of the Lung"], [], ["cancer"]),
    (["Neuroblastoma"], [], ["cancer"]),
    (["NSCLC"], [], ["cancer"]),
    (["Acute Kidney Injury"], [], ["urogenital"]),
    (["PTSD"], [], ["mental_health"]),
    (["Post-traumatic Stress Disorder"], [], ["mental_health"]),
    (["Traumatic Brain Injury"], [], ["injuries"]),
    (["Lymphoma"], ["Mycoses"], ["cancer", "infections"]),  # MeSH and text both count
])
def test_therapeutic_areas(conditions, mesh, areas):
    assert AREAS.for_trial(mesh, conditions) == areas


@pytest.mark.parametrize("record, reason", [
    ({"protocolSection": {}}, "no NCT id"),
    ({"nothing": 1}, "no protocolSection"),
    ([1, 2], "expected a study object"),
    (study(designModule={"enrollmentInfo": {"count": "12"}}), "expected int"),
    (study(designModule={"enrollmentInfo": {"count": True}}), "expected int"),
    (study(designModule={"enrollmentInfo": {"count": 2 ** 63}}), "out of range"),
    (study(conditionsModule={"conditions": "Asthma"}), "expected list"),
    ({"protocolSection": {"identificationModule": {"nctId": "ABC123"}}}, "not an NCT id"),
])
def test_broken_records_name_their_reason(record, reason):
    with pytest.raises(BadRecord, match=reason):
        normalise(record, COUNTRIES, AREAS)
