"""Filters <-> URL <-> SQL, checked against independent SQL on a real snapshot."""

from __future__ import annotations

import duckdb
import pytest

from trialscape import queries
from trialscape.filters import Filters


def test_url_round_trip_and_bad_values_dropped():
    f = Filters(modality=("gene_therapy", "mrna"), phase=("PHASE1", "PHASE1_PHASE2"),
                sponsor=("Pfizer, Inc.",), start_from=2020, q="sickle cell")
    assert Filters.from_params(f.to_params()) == f
    messy = Filters.from_params({"phase": ["PHASE9", "PHASE2", "PHASE2"], "status": "nope",
                                 "start_from": "20x", "start_to": "3000", "q": "  a   b ",
                                 "unknown": "x"})
    assert messy == Filters(phase=("PHASE2",), q="a b")
    assert Filters().to_params() == {} and Filters().is_empty


def test_caption_and_slug_say_what_is_filtered():
    f = Filters(modality=("gene_therapy",), phase=("PHASE1_PHASE2",), start_from=2020)
    caption = f.caption({"gene_therapy": "Gene therapy"})
    assert caption == ("Filtered: Modality: Gene therapy · Phase: Phase 1/2 · "
                       "Start year: 2020 to any year")
    assert Filters().caption() == "All trials (no filter)"
    assert f.slug() == "gene-therapy-phase1-phase2-from2020"
    assert Filters(q="../../etc/passwd").slug() == "etc-passwd"


def count(con, f: Filters) -> int:
    return int(queries.run(con, "count", filters=f).iloc[0].trials)


@pytest.fixture(scope="module")
def con(small_db):
    c = duckdb.connect(str(small_db), read_only=True)
    yield c
    c.close()


def test_each_filter_selects_what_plain_sql_selects(con):
    def sql(where: str) -> int:
        return con.execute(f"SELECT count(*) FROM trials WHERE {where}").fetchall()[0][0]

    top_sponsor = con.execute("SELECT sponsor FROM trials WHERE sponsor IS NOT NULL "
                              "GROUP BY 1 ORDER BY count(*) DESC LIMIT 1").fetchall()[0][0]
    quoted = top_sponsor.replace("'", "''")
    cases = [
        (Filters(modality=("monoclonal_antibody",)),
         "list_contains(modalities, 'monoclonal_antibody')"),
        (Filters(phase=("PHASE2", "PHASE3")), "phase IN ('PHASE2', 'PHASE3')"),
        (Filters(status=("RECRUITING",)), "overall_status = 'RECRUITING'"),
        (Filters(sponsor_class=("INDUSTRY",)), "lead_sponsor_class = 'INDUSTRY'"),
        (Filters(sponsor=(top_sponsor,)), f"sponsor = '{quoted}'"),
        (Filters(area=("cancer",)), "list_contains(areas, 'cancer')"),
        (Filters(country=("France",)), "list_contains(countries, 'France')"),
        (Filters(start_from=2015, start_to=2020), "start_year BETWEEN 2015 AND 2020"),
        (Filters(study_type=("OBSERVATIONAL",)), "study_type = 'OBSERVATIONAL'"),
        (Filters(condition=("Breast",)),
         "nct_id IN (SELECT nct_id FROM conditions WHERE condition ILIKE '%breast%' UNION "
         "SELECT nct_id FROM condition_mesh WHERE term ILIKE '%breast%')"),
        (Filters(q="vaccine influenza"),
         "nct_id IN (SELECT nct_id FROM studies WHERE (brief_title || ' ' || "
         "coalesce(official_title, '')) ILIKE '%vaccine%' UNION SELECT nct_id FROM "
         "interventions WHERE name ILIKE '%vaccine%') AND nct_id IN (SELECT nct_id FROM studies "
         "WHERE (brief_title || ' ' || coalesce(official_title, '')) ILIKE '%influenza%' "
         "UNION SELECT nct_id FROM conditions WHERE condition ILIKE '%influenza%')"),
    ]
    for f, where in cases:
        expected = sql(where)
        assert expected > 0, f"the fixture has no trial for {f}"
        got = count(con, f)
        if f.q:  # the search also reads sponsors, acronyms and other names: a superset
            assert got >= expected
        else:
            assert got == expected, f
    both = Filters(modality=("monoclonal_antibody",), phase=("PHASE2",))
    assert count(con, both) == sql("list_contains(modalities, 'monoclonal_antibody') AND "
                                   "phase = 'PHASE2'")


def test_values_are_bound_never_spliced(con):
    hostile = Filters(sponsor=("x' OR 1=1 --",), q="'; DROP TABLE trials; --")
    clause, params = hostile.where()
    assert "DROP" not in clause.upper() and "1=1" not in clause
    assert "drop" in params.values() and ["x' OR 1=1 --"] in params.values()
    assert count(con, hostile) == 0
    assert count(con, Filters()) > 0  # still there


def test_a_clicked_value_narrows_the_filters():
    f = Filters(phase=("PHASE2",), q="x")
    assert f.narrowed("modality", "car_t") == Filters(modality=("car_t",), phase=("PHASE2",),
                                                      q="x")
    assert f.narrowed("phase", "PHASE3").phase == ("PHASE3",)
    assert f.narrowed("start_year", 2021) == Filters(phase=("PHASE2",), q="x",
                                                     start_from=2021, start_to=2021)
    assert f.narrowed("status", "NOT_GIVEN") == f  # the unknown bucket is not a filter
    assert f.narrowed("country", "NONE") == f
    assert f.narrowed("phase", "PHASE9") == f


def test_cache_key_round_trips_and_is_stable():
    f = Filters(modality=("mrna",), sponsor=("Pfizer, Inc.",), start_to=2024, q="flu")
    assert Filters.from_key(f.key()) == f
    assert f.key() == Filters(q="flu", start_to=2024, sponsor=("Pfizer, Inc.",),
                              modality=("mrna",)).key()
    assert Filters().key() == "{}"


def test_every_filter_row_reaches_the_url_the_cli_the_sql_and_the_caption(small_db):
    """A filter is a row of filters.LIST_FILTERS: its name travels in links and the command
    line, its SQL runs, its caption names it."""
    import duckdb

    from trialscape.cli import _parser
    from trialscape.filters import LIST_FILTERS, URL_NAMES

    export = next(a for a in _parser()._subparsers._group_actions[0].choices.items()
                  if a[0] == "export")[1]
    flags = {o for action in export._actions for o in action.option_strings}
    sample = {"modality": "gene_therapy", "phase": "PHASE2", "status": "RECRUITING",
              "sponsor_class": "INDUSTRY", "study_type": "INTERVENTIONAL", "sponsor": "Pfizer",
              "feature": "vector:AAV", "condition": "lymphoma", "area": "cancer",
              "country": "France"}
    con = duckdb.connect(str(small_db), read_only=True)
    try:
        for spec in LIST_FILTERS:
            assert spec.name in URL_NAMES and f"--{spec.name.replace('_', '-')}" in flags
            f = Filters.from_params({spec.name: [sample[spec.name]]})
            assert getattr(f, spec.name) == (sample[spec.name],), spec.name
            clause, params = f.where()
            con.execute(f"SELECT count(*) FROM trials WHERE {clause}", params).fetchall()
            assert f.caption().startswith(f"Filtered: {spec.label}: "), spec.name
    finally:
        con.close()


def test_values_outside_trialscapes_own_vocabularies_are_dropped_and_said():
    f = Filters(modality=("car_t", "gene_therapy"), area=("cancer",), sponsor=("Anyone Ltd",))
    vocabularies = {"modality": {"gene_therapy", "vaccine"}, "area": {"cancer"}}
    kept = Filters.from_params(f.to_params(), vocabularies)
    said = Filters.rejected(f.to_params(), vocabularies)
    assert kept == Filters(modality=("gene_therapy",), area=("cancer",), sponsor=("Anyone Ltd",))
    assert said == ["modality=car_t (not one of gene_therapy, vaccine)"]
    # nothing unknown: the same filters
    assert Filters.from_params(f.to_params(), {"area": {"cancer"}}) == f
    assert Filters.rejected(f.to_params(), {"area": {"cancer"}}) == []
