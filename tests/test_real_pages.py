"""Every page, on a snapshot of real registry records, as a reader opens it.

The demo proves the code runs; these records carry what the registry really sends: missing
enrolment, sponsors, phases and dates, split country names, stale statuses. Each page must run
without an exception and show words, never `nan`, `None`, `NaT` or `<NA>`.
"""

from __future__ import annotations

import copy
import json
import re

import duckdb
import pandas as pd
import pytest

from conftest import build_from_studies, open_app, shared_studies
from trialscape.classify.rules import load_classifier

pytestmark = pytest.mark.shared

BAD = re.compile(r"(?<![\w-])(nan|NaN|None|NaT|<NA>)(?![\w-])")
TEXT_ELEMENTS = ("title", "header", "subheader", "markdown", "caption", "text", "info",
                 "warning", "error", "success", "exception")


def shown_text(at) -> list[str]:
    """Every piece of text the page shows outside tables and charts."""
    out: list[str] = []
    for kind in TEXT_ELEMENTS:
        out += [str(e.value) for e in getattr(at, kind)]
    for m in at.metric:
        out += [str(m.label), str(m.value)]
    for sb in at.selectbox:
        out += [str(o) for o in sb.options[:50]]  # AppTest holds them formatted
    return out


def chart_labels(at) -> list[str]:
    """The category labels and texts of every chart."""
    out: list[str] = []
    for chart in at.get("plotly_chart"):
        spec = json.loads(chart.proto.spec)
        for trace in spec["data"]:
            for key in ("x", "y", "text", "labels"):
                values = trace.get(key)
                if isinstance(values, list):
                    out += [v for v in values if isinstance(v, str)]
        title = spec.get("layout", {}).get("title", {})
        out.append(str(title.get("text", "") if isinstance(title, dict) else title))
    return out


def assert_readable(at, where: str) -> None:
    assert not at.exception, f"{where}: {at.exception}"
    for text in shown_text(at) + chart_labels(at):
        assert not BAD.search(text), f"{where}: {text[:200]!r}"
    for table in at.dataframe:
        df = table.value
        if isinstance(df, pd.DataFrame):
            for col in df.columns:
                missing = df[col].isna()
                assert not missing.any(), f"{where}: a missing cell in column {col!r}"
                words = df[col][df[col].map(lambda v: isinstance(v, str))]
                assert not words.map(lambda v: bool(BAD.fullmatch(v.strip()))).any(), (
                    f"{where}: {col!r} shows a null as text")


PAGES = ["pages/landscape.py", "pages/modality.py", "pages/trials.py", "pages/sponsors.py",
         "pages/conditions.py", "pages/editors.py", "pages/about.py"]


@pytest.mark.parametrize("page", PAGES)
def test_every_page_reads_well_on_real_records(monkeypatch, ctgov_db, page):
    at = open_app(monkeypatch, ctgov_db, page, timeout=180)
    assert_readable(at, page)


@pytest.mark.parametrize("modality", [m.id for m in load_classifier().modalities])
def test_every_modality_page_on_real_records(monkeypatch, ctgov_db, modality):
    at = open_app(monkeypatch, ctgov_db, "pages/modality.py", timeout=180, modality=modality)
    assert_readable(at, modality)
    maps = [json.loads(c.proto.spec) for c in at.get("plotly_chart")
            if '"scattergeo"' in c.proto.spec]
    con = duckdb.connect(str(ctgov_db), read_only=True)
    try:
        with_country = con.execute(
            "SELECT count(*) FROM trials WHERE list_contains(modalities, ?) "
            "AND len(countries) > 0", [modality]).fetchall()[0][0]
    finally:
        con.close()
    if with_country:  # a map with no country on it is a broken map
        assert maps and maps[0]["data"][0]["lat"], f"{modality}: the map shows no country"


def _one(con, where: str) -> str:
    row = con.execute(f"SELECT nct_id FROM studies WHERE {where} ORDER BY nct_id LIMIT 1"
                      ).fetchall()
    assert row, f"no real record where {where}"
    return row[0][0]


@pytest.mark.parametrize("missing", [
    "enrollment IS NULL", "lead_sponsor IS NULL", "phase IS NULL AND study_type = "
    "'INTERVENTIONAL'", "start_date IS NULL", "lead_sponsor_class IS NULL",
    "overall_status IS NULL", "overall_status = 'UNKNOWN' AND registry_status = "
    "'RECRUITING'", "lead_sponsor_class_inferred",
])
def test_trial_detail_of_records_missing_things(monkeypatch, ctgov_db, missing):
    con = duckdb.connect(str(ctgov_db), read_only=True)
    try:
        nct = _one(con, missing)
    finally:
        con.close()
    at = open_app(monkeypatch, ctgov_db, "pages/trials.py", timeout=180, nct=nct)
    assert_readable(at, f"{nct} ({missing})")
    assert any(nct in m.value for m in at.markdown), f"{nct} is not the trial shown"


def test_unusual_phase_list_is_visible_in_the_detail(monkeypatch, tmp_path):
    """None of ../shared's records has one; the registry does (PHASE1 + PHASE3)."""
    studies = shared_studies(limit=20, only_v2=True)
    odd = copy.deepcopy(studies[0])
    odd["protocolSection"].setdefault("designModule", {})["phases"] = ["PHASE1", "PHASE3"]
    nct = odd["protocolSection"]["identificationModule"]["nctId"]
    db = build_from_studies(tmp_path / "t.duckdb", [odd, *studies[1:]])
    at = open_app(monkeypatch, db, "pages/trials.py", timeout=180, nct=nct)
    phase = {m.label: m.value for m in at.metric}["Phase"]
    assert phase == "Phase 1 (registered as Phase 1 + Phase 3)"


def test_stale_status_says_what_the_record_said(monkeypatch, ctgov_db):
    con = duckdb.connect(str(ctgov_db), read_only=True)
    try:
        nct = _one(con, "overall_status = 'UNKNOWN' AND registry_status = 'RECRUITING'")
    finally:
        con.close()
    at = open_app(monkeypatch, ctgov_db, "pages/trials.py", timeout=180, nct=nct)
    assert {m.label: m.value for m in at.metric}["Status"].startswith("Unknown")
    assert any("The record says 'Recruiting'" in c.value for c in at.caption)


@pytest.mark.parametrize("link", [
    "[Session expired - log in again](http://evil.example/login)",
    "![x](http://evil.example/pixel.png)", "**bold** :material/warning: $x^2$",
])
def test_a_link_cannot_put_markdown_on_the_trials_page(monkeypatch, small_db, link):
    at = open_app(monkeypatch, small_db, "pages/trials.py", nct=link)
    shown = " ".join(shown_text(at))
    assert "evil.example" not in shown and "**bold**" not in shown and "$x^2$" not in shown
    assert any("not an NCT number" in w.value for w in at.warning)


HOSTILE = ["[Session expired - log in again](http://evil.example/login)",
           "![x](http://evil.example/pixel.png)", "**bold** :material/warning: $x^2$ :red[r]"]


@pytest.mark.parametrize("page, param", [("pages/sponsors.py", "sponsor"),
                                         ("pages/conditions.py", "condition"),
                                         ("pages/landscape.py", "q"),
                                         ("pages/trials.py", "country")])
@pytest.mark.parametrize("text", HOSTILE)
def test_link_text_is_shown_as_text_on_every_page(monkeypatch, small_db, page, param, text):
    """A link's filter values reach titles and captions (markdown elements): written there as
    literal text, they make no link, image, icon, format or formula."""
    at = open_app(monkeypatch, small_db, page, **{param: text})
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning"):
        for element in getattr(at, kind):
            source = str(element.value)
            assert "](" not in source and "![" not in source, (kind, source)
            assert "http://" not in source and ":material/" not in source, (kind, source)
            assert not re.search(r"(?<!\\)[$*]", source.replace("\\\\", "")), (kind, source)


def _count_axes(spec: dict) -> list[str]:
    """The axes that carry counts: the value axis of bars and of year lines."""
    out = []
    for trace in spec["data"]:
        n = (trace.get("xaxis") or "x")[1:]
        m = (trace.get("yaxis") or "y")[1:]
        if trace.get("type") == "bar":
            out.append(f"xaxis{n}" if trace.get("orientation") == "h" else f"yaxis{m}")
        elif trace.get("type") == "scatter":
            out.append(f"yaxis{m}")
    return out


@pytest.mark.parametrize("page, params", [
    ("pages/landscape.py", {}), ("pages/landscape.py", {"scope": "all"}),
    ("pages/modality.py", {"modality": "gene_therapy"}),
    ("pages/modality.py", {"modality": "small_molecule"}),
    ("pages/sponsors.py", {"sponsor": "Pfizer"}), ("pages/conditions.py", {}),
    ("pages/conditions.py", {"condition": "lymphoma"}),
])
def test_every_figure_is_readable(monkeypatch, ctgov_db, page, params):
    """Every chart the pages build: both axes titled, counts in whole numbers, a title, a
    source line saying where the data is from (issue 16's checks, on real records)."""
    at = open_app(monkeypatch, ctgov_db, page, timeout=180, **params)
    specs = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    assert specs
    for spec in specs:
        layout = spec["layout"]
        title = layout.get("title", {})
        assert title.get("text"), "a figure without a title"
        assert "via trialscape" in title.get("subtitle", {}).get("text", "").replace(
            "<br>", " "), title
        if not any(t.get("type") in ("bar", "scatter", "heatmap") for t in spec["data"]):
            continue  # maps and treemaps have no axes
        xs = [v for k, v in layout.items() if k.startswith("xaxis")]
        ys = [v for k, v in layout.items() if k.startswith("yaxis")]
        assert any(a.get("title", {}).get("text") for a in xs), title["text"]
        assert any(a.get("title", {}).get("text") for a in ys), title["text"]
        for name in _count_axes(spec):
            axis = layout.get(name, {})
            assert axis.get("tickformat") == ",d", (title["text"], name, axis)
            top = max((max((v for v in t.get("x" if name.startswith("x") else "y", [])
                            if isinstance(v, int | float)), default=0)
                       for t in spec["data"]), default=0)
            if top < 10:  # a small axis must not tick at 0.5
                assert axis.get("dtick") == 1, (title["text"], name)


@pytest.mark.parametrize("chart_id, page, params", [
    ("pipeline", "pages/landscape.py", {}),
    ("starts", "pages/landscape.py", {"scope": "all", "phase": "PHASE2"}),
    ("phases", "pages/modality.py", {"modality": "gene_therapy"}),
    ("countries", "pages/modality.py", {"modality": "engineered_cell_therapy"}),
])
def test_an_embedded_chart_shows_the_numbers_of_its_page(monkeypatch, ctgov_db, chart_id,
                                                          page, params):
    """The embed view (`/embed?chart=...`) draws one chart, with its source line, and the
    same numbers as the page it was taken from; the page offers the snippet."""
    full = open_app(monkeypatch, ctgov_db, page, timeout=180, **params)
    codes = [c.value for c in full.code if "<iframe" in c.value and f"chart={chart_id}" in
             c.value]
    assert codes, "the page offers no embed snippet for this chart"
    on_page = next(json.loads(c.proto.spec) for c in full.get("plotly_chart")
                   if json.loads(c.proto.spec)["layout"]["title"]["text"]
                   and _same_chart(json.loads(c.proto.spec), chart_id))
    embedded = open_app(monkeypatch, ctgov_db, "pages/embed.py", timeout=180, chart=chart_id,
                        **params)
    specs = [json.loads(c.proto.spec) for c in embedded.get("plotly_chart")]
    assert len(specs) == 1 and not embedded.sidebar.multiselect  # one chart, no sidebar
    for a, b in zip(on_page["data"], specs[0]["data"], strict=True):
        for key in ("x", "y", "z", "lat", "text"):
            assert a.get(key) == b.get(key), key
    assert "via trialscape" in specs[0]["layout"]["title"]["subtitle"]["text"].replace(
        "<br>", " ")


def _same_chart(spec: dict, chart_id: str) -> bool:
    kinds = {t.get("type") for t in spec["data"]}
    title = spec["layout"]["title"]["text"]
    return {"pipeline": "heatmap" in kinds, "starts": "per year" in title,
            "phases": "by phase" in title, "countries": "scattergeo" in kinds}[chart_id]


def test_an_embed_link_to_an_unknown_chart_says_so(monkeypatch, small_db):
    at = open_app(monkeypatch, small_db, "pages/embed.py", chart="<script>")
    assert "names no chart" in at.warning[0].value and not at.get("plotly_chart")


def test_numbers_to_quote_are_sentences_with_the_figures(monkeypatch, ctgov_db):
    at = open_app(monkeypatch, ctgov_db, "pages/modality.py", timeout=180,
                  modality="gene_therapy")
    con = duckdb.connect(str(ctgov_db), read_only=True)
    total, recruiting = con.execute(
        "SELECT count(*), count(*) FILTER (WHERE overall_status = 'RECRUITING') FROM trials "
        "WHERE list_contains(modalities, 'gene_therapy')").fetchall()[0]
    con.close()
    text = next(t.value for t in at.text if "trials are registered" in t.value)
    assert f"{total:,} gene therapy trials are registered" in text
    assert f"{recruiting:,} are recruiting" in text and "Most are in phase" in text
