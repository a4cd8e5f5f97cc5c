"""Counts the dashboard shows, recomputed straight from the raw registry JSON in ../shared.

Each test reads the records without trialscape's normaliser and compares with the snapshot the
real import built, so a counting rule that drifts from what the records say fails here.
"""

from __future__ import annotations

import gzip
import re
from collections import Counter
from datetime import date

import duckdb
import orjson
import pytest

from conftest import require_shared
from trialscape.sponsors import canonical_names, load_reviewed_names, sponsor_key

pytestmark = pytest.mark.shared

ACTIVE = {"RECRUITING", "NOT_YET_RECRUITING", "ENROLLING_BY_INVITATION", "ACTIVE_NOT_RECRUITING"}


@pytest.fixture(scope="module")
def raw() -> list[dict]:
    with gzip.open(require_shared(), "rb") as fh:
        return [orjson.loads(line)["protocolSection"] for line in fh]


def scalar(db, sql: str, params: list | None = None):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def _day(text: str | None) -> date | None:
    if not text:
        return None
    parts = [int(p) for p in text.split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


@pytest.mark.parametrize("country, words", [
    ("South Korea", r"\bKorea\b(?!,? Democratic)"), ("Iran", r"\bIran\b"),
    ("Moldova", r"\bMoldova\b"), ("North Macedonia", r"\bMacedonia\b(?!.*Greece)"),
    ("Libya", r"\bLibya"), ("Turkey", r"\bT[uü]rk(ey|iye)\b"),
])
def test_country_counts_match_the_raw_records(raw, ctgov_db, country, words):
    """Older records split "Korea, Republic of" into state "Korea" + country "Republic of"; a
    trial counts in a country when any site's address names it, however it was split."""
    pattern = re.compile(words)
    expected = 0
    for p in raw:
        sites = (p.get("contactsLocationsModule") or {}).get("locations") or []
        if any(pattern.search(" | ".join(str(s.get(k) or "") for k in
                                         ("city", "state", "country"))) for s in sites):
            expected += 1
    got = scalar(ctgov_db, "SELECT count(*) FROM trials WHERE list_contains(countries, ?)",
                 [country])[0][0]
    assert got == expected


def test_no_country_is_left_unrecognised(ctgov_build, ctgov_db):
    assert ctgov_build.unknown_countries == {}  # the import reports none
    unknown = scalar(ctgov_db, "SELECT DISTINCT country_raw FROM locations WHERE country IS "
                     "NULL AND country_raw IS NOT NULL AND (city IS NOT NULL OR state IS NOT "
                     "NULL OR facility IS NOT NULL)")
    assert unknown == []


def test_statuses_follow_the_registry_rule(raw, ctgov_db):
    """A recruiting-type status not verified in the two years before the data date is shown
    as UNKNOWN, as ClinicalTrials.gov shows it; everything else as the record says."""
    updates = [_day((p.get("statusModule") or {}).get("lastUpdatePostDateStruct", {})
                    .get("date")) for p in raw]
    data_day = max(d for d in updates if d)
    cutoff = data_day.replace(year=data_day.year - 2)
    expected: Counter[str | None] = Counter()
    for p, updated in zip(raw, updates, strict=True):
        status = p.get("statusModule") or {}
        said = status.get("overallStatus")
        verified = _day(status.get("statusVerifiedDate")) or updated
        stale = said in ACTIVE and verified is not None and verified < cutoff
        expected["UNKNOWN" if stale else said] += 1
    got = Counter(dict(scalar(ctgov_db, "SELECT overall_status::VARCHAR, count(*) FROM studies "
                                        "GROUP BY 1")))
    assert got == expected
    said = Counter(dict(scalar(ctgov_db, "SELECT registry_status, count(*) FROM studies "
                                         "GROUP BY 1")))
    assert said == Counter((p.get("statusModule") or {}).get("overallStatus") for p in raw)


def test_sponsor_groups_add_up_to_the_raw_lead_sponsors(raw, ctgov_db):
    leads = Counter(((p.get("sponsorCollaboratorsModule") or {}).get("leadSponsor") or {})
                    .get("name") for p in raw)
    groups = canonical_names([(n, c) for n, c in leads.items() if n])
    per_group: Counter[str] = Counter()
    for name, n in leads.items():
        if name:
            per_group[groups[name]] += n
    got = dict(scalar(ctgov_db, "SELECT sponsor, count(*) FROM trials WHERE sponsor IS NOT NULL "
                                "GROUP BY 1 ORDER BY 2 DESC LIMIT 100"))
    for sponsor, n in got.items():
        assert per_group[sponsor] == n, sponsor


def test_top_sponsor_groups_merge_only_by_rule_or_review(ctgov_db):
    """Among the 100 busiest sponsors, spellings share a group only when the spelling rule
    gives them one key or data/sponsors.toml says they are one organisation."""
    reviewed = load_reviewed_names()
    rows = scalar(ctgov_db, """
        WITH top AS (SELECT sponsor FROM trials WHERE sponsor IS NOT NULL GROUP BY 1
                     ORDER BY count(*) DESC LIMIT 100)
        SELECT a.sponsor, list(a.name) FROM sponsor_aliases a SEMI JOIN top USING (sponsor)
        GROUP BY 1""")
    assert len(rows) == 100
    for sponsor, names in rows:
        keys = {reviewed.group_key(n) for n in names}
        assert len(keys) == 1, (sponsor, names)
        raw_keys = {sponsor_key(n) for n in names}
        assert len(raw_keys) == 1 or raw_keys <= set(reviewed.same) | {reviewed.group_key(
            sponsor)}, (sponsor, names)


@pytest.mark.parametrize("a, b, same", [
    ("Novartis", "Novartis Pharmaceuticals", True),
    ("Fred Hutchinson Cancer Center", "Fred Hutchinson Cancer Research Center", True),
    ("Pfizer", "Pfizer Inc.", True),
    ("Merck Sharp & Dohme LLC", "Merck Sharp & Dohme Corp.", True),
    ("Merck & Co., Inc.", "Merck KGaA", False),
    ("Healios K.K.", "Healios AG", False),
    ("Genentech, Inc.", "Hoffmann-La Roche", False),
])
def test_reviewed_sponsor_facts(a, b, same):
    groups = canonical_names([(a, 5), (b, 3)])
    assert (groups[a] == groups[b]) is same


def test_inferred_sponsor_classes_are_marked_and_only_where_the_record_had_none(raw, ctgov_db):
    had_none = sum(1 for p in raw if ((p.get("sponsorCollaboratorsModule") or {})
                                      .get("leadSponsor") or {}).get("name")
                   and not (p["sponsorCollaboratorsModule"]["leadSponsor"].get("class")))
    inferred, still_none = scalar(ctgov_db, """
        SELECT count(*) FILTER (WHERE lead_sponsor_class_inferred),
               count(*) FILTER (WHERE lead_sponsor_class IS NULL AND lead_sponsor IS NOT NULL)
        FROM studies""")[0]
    assert inferred + still_none == had_none
    assert inferred > 0.8 * had_none  # most classless sponsors get a type
