"""Every figure builder, on real query results, gives a figure plotly accepts when validated.

The builders skip plotly's validation for speed (charts.py); this test is where it happens."""

from __future__ import annotations

import duckdb
import plotly.graph_objects as go
import pytest

from trialscape import charts, queries
from trialscape.classify.rules import load_classifier, load_config
from trialscape.filters import Filters
from trialscape.ingest.countries import country_centres, load_country_names


@pytest.fixture(scope="module")
def q(small_db):
    con = duckdb.connect(str(small_db), read_only=True)
    yield lambda name, **p: queries.run(con, name, p, Filters())
    con.close()


def validated(fig: go.Figure) -> go.Figure:
    return go.Figure(fig.to_plotly_json())  # raises on any unknown property or bad value


def test_every_builder_makes_a_valid_figure(q):
    mods = load_classifier().modalities
    labels = {m.id: m.label for m in mods}
    colours = {m.id: m.colour for m in mods}
    order = [m.id for m in mods]
    figures = [
        charts.modality_bars(q("by_primary_modality"), labels, colours, order, "t"),
        charts.modality_by_phase(q("modality_by_phase"), labels, order, "t"),
        charts.starts_by_year(q("starts_by_year", first_year=2000, last_year=2030), labels,
                              colours, order, "t"),
        charts.status_bars(q("by_status"), "t"),
        charts.bars(["a", "b"], [3, 1], "t", ids=["x", "y"]),
        charts.phase_bars(q("by_phase"), "t"),
        charts.country_map(q("by_country"), country_centres(), "t"),
        charts.modality_phase_heatmap(q("modality_by_phase"), labels, order, "t"),
        charts.area_treemap(q("area_modality"), {}, labels, colours, "t"),
    ]
    for fig in figures:
        checked = validated(fig)
        assert checked.data, fig.layout.title.text
        assert all(t.customdata is not None for t in checked.data)  # clicks can filter
    bars = validated(figures[0]).data[0]
    counts = q("by_primary_modality")
    assert sum(bars.x) == int(counts["trials"].sum())


def test_every_canonical_country_has_a_centre_on_the_map():
    import tomllib

    from trialscape import settings
    data = tomllib.loads(settings.reference_path("countries.toml").read_text("utf-8"))
    centres = country_centres()
    assert set(data["canonical"]) == set(centres)
    assert all(-90 <= lat <= 90 and -180 <= lon <= 180 for lat, lon in centres.values())
    assert load_country_names().canonical("Korea, Republic of") in centres


def test_registry_text_in_a_label_stays_text():
    """plotly reads <a>, <b>, <br> in labels: a sponsor or condition name must not."""
    name = '<a href="http://evil.example">Click</a> & <b>bold</b>'
    fig = charts.bars([name], [3], "t")
    shown, hover = fig.data[0].y[0], fig.data[0].hovertext[0]
    assert "<" not in shown + hover and ">" not in shown + hover
    assert hover == ("&lt;a href=\"http://evil.example\"&gt;Click&lt;/a&gt; &amp; "
                     "&lt;b&gt;bold&lt;/b&gt;")  # whole in the hover, shortened on the axis
    assert shown.endswith("…")
    assert fig.data[0].customdata[0] == name  # a click still filters on the real name


def test_every_modality_and_kind_name_fits_an_axis_whole():
    """Chart axes shorten long names with an ellipsis ("Vaccine against a disease protein…"
    lost its example once): the names the rules file gives its modalities and kinds fit."""
    config = load_config()
    labels = [m["label"] for m in config["modality"]] + [
        k["label"] for m in config["modality"] for k in m.get("submodality", [])]
    assert labels
    too_long = [label for label in labels if len(label) > charts.AXIS_LABEL_CHARS]
    assert not too_long


def test_numbers_to_quote_in_words():
    from trialscape.quotes import Figures, sentences
    said = sentences(Figures("Gene therapy", "2026-11-20", True, 1200, 300, 500,
                             {"PHASE1": 600, "PHASE2": 300, "PHASE3": 50, "NA": 9},
                             ("Cancer", 700), ("United States", 640), 500, 400))
    assert said[0] == ("As of 2026-11-20, 1,200 gene therapy trials are registered on "
                       "ClinicalTrials.gov; 300 are recruiting and 500 are active in all.")
    assert said[1] == "Most are in phase 1 (600, 50%); 50 have reached phase 3 or later."
    assert "25% more than in the five years before" in said[-1]
    imported = sentences(Figures("mRNA", "2026-08-14", False, 10, 0, 0, {}, None, None, 0, 0))
    assert imported == ["In ClinicalTrials.gov records updated up to 2026-08-14, 10 mRNA "
                        "trials are registered on ClinicalTrials.gov; 0 are recruiting and 0 "
                        "are active in all."]


def test_the_source_line_is_the_subtitle_and_the_figure_grows_to_hold_it():
    import textwrap

    from trialscape import charts as ch
    fig = ch.bars(["a", "b"], [3, 4], "A title")
    before = fig.to_plotly_json()["layout"]
    source = "ClinicalTrials.gov records updated up to 2026-08-14 <b>filters</b> " * 2
    after = ch.with_source(fig, source).to_plotly_json()["layout"]
    lines = textwrap.wrap(source, 60)
    assert after["title"]["text"] == before["title"]["text"]
    assert after["title"]["subtitle"]["text"].count("<br>") == len(lines) - 1
    assert "&lt;b&gt;" in after["title"]["subtitle"]["text"]  # registry text stays text
    assert after["height"] == (before.get("height") or 380) + 13 * len(lines) + 6
    assert after["margin"]["t"] == before["margin"]["t"] + 13 * len(lines) + 6
    assert {k: v for k, v in after.items() if k not in ("title", "height", "margin")} == {
        k: v for k, v in before.items() if k not in ("title", "height", "margin")}
