"""Pure figure builders: DataFrame in, plotly Figure out.

Figures are assembled from plain dicts and lists and handed to plotly unvalidated
(`_validate=False`): plotly's validation walks every value, and with per-point customdata (what
a click filters on) the landscape's four figures took 80-110 ms to build against about 5 ms
unvalidated. Tests render every figure, so a misspelt property still shows up.

Readability rules every builder keeps (tests/test_charts.py checks them on every figure the
pages build): both axes titled, with their unit; count axes in whole numbers (",d", and a
step of 1 when the largest count is small, so no tick reads 0.5); hover text in words; long
labels shortened on the axis with the whole label in the hover; legends above the plot, clear
of the axes; titles wrapped so they fit a phone.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Mapping
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from trialscape import enums

LAYOUT: dict[str, Any] = {
    "margin": {"l": 10, "r": 10, "t": 70, "b": 10}, "height": 380,
    "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 0, "title": {"text": ""}},
    "hoverlabel": {"align": "left"}, "font": {"size": 12},
}
LABEL_CHARS = 120  # the most of any registry text that reaches the browser in a label
AXIS_LABEL_CHARS = 34  # on the axis; the hover has the whole label
TITLE_WIDTH = 44  # characters per title line (a 390 px phone shows about this many)

# plotly.js fetches its world outline when it draws a map; this points it at the copy the
# dashboard serves itself (static/world_110m.json), relative to the page, so maps draw offline
# and no reader's browser calls plotly's CDN.
MAP_CONFIG = {"topojsonURL": "app/static/"}


def _figure(traces: list[dict[str, Any]], title: str, **layout: Any) -> go.Figure:
    wrapped = wrap_title(title)
    lines = wrapped.count("<br>") + 1
    # room for the title's lines, and for an axis drawn along the top (the pipeline's phases)
    top = 24 + 19 * lines + (34 if layout.get("xaxis", {}).get("side") == "top" else 0) + (
        24 if any(t.get("name") for t in traces) and layout.get("showlegend", True) else 0)
    margin = {**LAYOUT["margin"], "t": top, **layout.pop("margin", {})}
    return go.Figure(data=traces, layout={
        **LAYOUT, "title": {"text": wrapped, "x": 0, "xref": "container", "xanchor": "left",
                            "y": 1, "yanchor": "top", "yref": "container",
                            "pad": {"t": 10, "l": 4}},
        "margin": margin, **layout}, _validate=False)


def wrap_title(title: str) -> str:
    """A chart title in lines short enough for a phone (plotly does not wrap titles)."""
    return "<br>".join(textwrap.wrap(title, TITLE_WIDTH)) or title


def _safe(label: Any) -> str:
    """Text from the registry or a URL as a plotly label. plotly reads a subset of HTML in
    labels and hover text (<a href>, <b>, <br>), so '<', '>' and '&' are written as entities,
    which it shows as the characters themselves: a sponsor named '<a href=...>' stays text."""
    text = str(label)
    if len(text) > LABEL_CHARS:  # a 10 MB sponsor name must not reach the browser whole
        text = text[:LABEL_CHARS].rstrip() + "…"
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _short(label: Any) -> str:
    """An axis label: the start of a long name (the hover shows all of it)."""
    text = str(label)
    if len(text) > AXIS_LABEL_CHARS:
        text = text[:AXIS_LABEL_CHARS - 1].rstrip() + "…"
    return _safe(text)


def count_axis(values: list[int], title: str = "Trials") -> dict[str, Any]:
    """An axis of counts: titled, whole numbers only, from zero."""
    axis: dict[str, Any] = {"title": {"text": title}, "tickformat": ",d", "rangemode": "tozero"}
    if max(values, default=0) < 10:
        axis |= {"tickmode": "linear", "tick0": 0, "dtick": 1}
    return axis


def category_axis(title: str, reversed_: bool = False) -> dict[str, Any]:
    axis: dict[str, Any] = {"title": {"text": title}, "automargin": True}
    if reversed_:
        axis["autorange"] = "reversed"
    return axis


def _present(order: list[str], values: pd.Series) -> list[str]:
    """The ids of `order` that occur in `values`, in display order."""
    seen = set(values.tolist())
    return [v for v in order if v in seen]


def _hbar(labels: list[str], values: list[int], ids: list[Any], colour: Any,
          unit: str = "trials") -> dict[str, Any]:
    return {"type": "bar", "orientation": "h", "x": values, "y": [_short(v) for v in labels],
            "hovertext": [_safe(v) for v in labels], "customdata": ids,
            "marker": {"color": colour}, "texttemplate": "%{x:,}", "textposition": "auto",
            "textangle": 0,
            "hovertemplate": "%{hovertext}: %{x:,} " + unit + "<extra></extra>"}


def _hbars(labels: list[str], values: list[int], ids: list[Any], colour: Any, title: str,
           what: str, unit: str = "trials", height: int | None = None) -> go.Figure:
    return _figure([_hbar(labels, values, ids, colour, unit)], title,
                   xaxis=count_axis(values, unit.capitalize()),
                   yaxis=category_axis(what, reversed_=True),
                   height=height or max(260, 28 * len(labels) + 120))


def modality_bars(df: pd.DataFrame, labels: Mapping[str, str], colours: Mapping[str, str],
                  order: list[str], title: str) -> go.Figure:
    counts = dict(zip(df["modality"].tolist(), df["trials"].tolist(), strict=True))
    mods = _present(order, df["modality"])
    return _hbars([labels.get(m, m) for m in mods], [int(counts[m]) for m in mods], mods,
                  [colours.get(m, "#999999") for m in mods], title, "Main modality")


def modality_by_phase(df: pd.DataFrame, labels: Mapping[str, str], order: list[str],
                      title: str) -> go.Figure:
    """Stacked bars: trials per main modality, split by phase (kept for the sponsor view's
    callers; the landscape uses the heatmap)."""
    names = {**enums.PHASES, "NOT_GIVEN": enums.UNKNOWN_LABEL}
    counts = {(m, p): int(n) for m, p, n in zip(df["modality"].tolist(), df["phase"].tolist(),
                                                df["trials"].tolist(), strict=True)}
    present = _present(order, df["modality"])
    traces = [{"type": "bar", "name": names[phase], "y": [_short(labels.get(m, m))
                                                          for m in present],
               "x": [counts.get((m, phase), 0) for m in present], "orientation": "h",
               "customdata": [[m, phase] for m in present],
               "hovertemplate": f"{names[phase]}: " + "%{x:,} trials<extra>%{y}</extra>"}
              for phase in [*enums.PHASES, "NOT_GIVEN"]]
    totals = [sum(counts.get((m, p), 0) for p in [*enums.PHASES, "NOT_GIVEN"])
              for m in present]
    return _figure(traces, title, barmode="stack", xaxis=count_axis(totals),
                   yaxis=category_axis("Main modality", reversed_=True),
                   height=max(300, 30 * len(present) + 150))


def starts_by_year(df: pd.DataFrame, labels: Mapping[str, str], colours: Mapping[str, str],
                   order: list[str], title: str) -> go.Figure:
    """One line per modality (for a single modality's page: one line)."""
    rows: dict[str, tuple[list[int], list[int]]] = {}
    for m, year, n in zip(df["modality"].tolist(), df["year"].tolist(), df["trials"].tolist(),
                          strict=True):
        xs, ys = rows.setdefault(m, ([], []))
        xs.append(int(year))
        ys.append(int(n))
    traces = []
    for m in _present(order, df["modality"]):
        xs, ys = rows[m]
        name = labels.get(m, m)
        traces.append({"type": "scatter", "mode": "lines+markers", "name": name, "x": xs,
                       "y": ys, "line": {"color": colours.get(m)}, "marker": {"size": 4},
                       "customdata": [[m, x] for x in xs],
                       "hovertemplate": "%{x}: %{y:,} trials started<extra>" + name
                       + "</extra>"})
    every = [int(n) for n in df["trials"].tolist()]
    return _figure(traces, title, xaxis={"title": {"text": "Start year"}, "tickformat": "d"},
                   yaxis=count_axis(every, "Trials starting"), showlegend=len(traces) > 1)


def starts_small_multiples(df: pd.DataFrame, labels: Mapping[str, str],
                           colours: Mapping[str, str], order: list[str], title: str,
                           columns: int = 3) -> go.Figure:
    """Starts per year as small panels, one per modality: a shared year axis, each its own
    count axis, so a modality with 40 trials a year is as readable as one with 4,000."""
    mods = _present(order, df["modality"])
    rows_n = max(1, math.ceil(len(mods) / columns))
    gap_x, gap_y = 0.08, 0.16 / max(rows_n, 1)
    width = (1 - gap_x * (columns - 1)) / columns
    height = (1 - gap_y * (rows_n - 1)) / rows_n
    years = [int(y) for y in df["year"].tolist()]
    span = [min(years, default=2000), max(years, default=2026)]
    layout: dict[str, Any] = {"annotations": [], "showlegend": False,
                              "height": 150 + 170 * rows_n}
    traces = []
    for i, m in enumerate(mods):
        part = df[df["modality"] == m]
        xs, ys = [int(v) for v in part["year"]], [int(v) for v in part["trials"]]
        row, col = divmod(i, columns)
        n = "" if i == 0 else str(i + 1)
        x0 = round(col * (width + gap_x), 4)
        y1 = round(1 - row * (height + gap_y), 4)
        name = labels.get(m, m)
        traces.append({"type": "scatter", "mode": "lines", "x": xs, "y": ys, "name": name,
                       "xaxis": f"x{n}", "yaxis": f"y{n}", "fill": "tozeroy",
                       "line": {"color": colours.get(m, "#777777"), "width": 2},
                       "customdata": [[m, x] for x in xs],
                       "hovertemplate": f"{_safe(name)}, " + "%{x}: %{y:,} trials started"
                                        "<extra></extra>"})
        bottom = row == rows_n - 1 or i + columns >= len(mods)
        layout[f"xaxis{n}"] = {"domain": [x0, min(1.0, round(x0 + width, 4))],
                               "anchor": f"y{n}", "range": span,
                               "tickformat": "d", "nticks": 4, "matches": "x" if n else None,
                               "title": {"text": "Start year" if bottom else ""},
                               "showticklabels": bottom}
        layout[f"yaxis{n}"] = {**count_axis(ys, "Trials" if col == 0 else ""),
                               "domain": [max(0.0, round(y1 - height, 4)), y1],
                               "anchor": f"x{n}", "nticks": 4}
        layout["annotations"].append({
            "text": f"<b>{_short(name)}</b>", "x": x0, "y": y1, "xref": "paper",
            "yref": "paper", "xanchor": "left", "yanchor": "bottom", "showarrow": False,
            "font": {"size": 12}})
    for key in [k for k, v in layout.items() if k.startswith("xaxis") and v.get("matches")
                is None]:
        layout[key].pop("matches", None)
    return _figure(traces, title, **layout)


def status_bars(df: pd.DataFrame, title: str) -> go.Figure:
    names = {**enums.STATUSES, "NOT_GIVEN": enums.UNKNOWN_LABEL}
    statuses = df["status"].tolist()
    return _hbars([names.get(s, s) for s in statuses], [int(n) for n in df["trials"].tolist()],
                  statuses, "#0072B2", title, "Status")


def bars(labels: list[str], values: list[int], title: str, colour: str = "#0072B2",
         colours: list[str] | None = None, unit: str = "trials",
         height: int | None = None, ids: list[str] | None = None,
         what: str = "") -> go.Figure:
    """Horizontal bars, biggest first as given; the generic chart for ranked counts. `ids` are
    what a click on a bar filters on (defaults to the labels); `what` titles the label axis."""
    return _hbars(list(labels), [int(v) for v in values], ids or list(labels),
                  colours or colour, title, what, unit, height)


def phase_bars(df: pd.DataFrame, title: str, colour: str = "#0072B2") -> go.Figure:
    """Trials at each phase, early to late, then 'not applicable' and the unknown bucket.
    Bars, not a funnel: trials at each phase are different trials, not one cohort thinning."""
    names = {**enums.PHASES, "NOT_GIVEN": enums.UNKNOWN_LABEL}
    counts = dict(zip(df["phase"].tolist(), df["trials"].tolist(), strict=True))
    order = [p for p in [*enums.PHASES, "NOT_GIVEN"] if counts.get(p)]
    return _hbars([names[p] for p in order], [int(counts[p]) for p in order], order, colour,
                  title, "Phase")


def country_map(df: pd.DataFrame, centres: Mapping[str, tuple[float, float]], title: str,
                colour: str = "#0072B2") -> go.Figure:
    """A bubble at the centre of each country, sized by trials. Countries without a centre
    (none today: a test checks the table covers every canonical name) are left out."""
    df = df[df["country"].isin(list(centres))]
    countries = df["country"].tolist()
    trials = [int(n) for n in df["trials"].tolist()]
    peak = max(trials, default=1) or 1
    return _figure(
        [{"type": "scattergeo", "lat": [centres[c][0] for c in countries],
          "lon": [centres[c][1] for c in countries], "text": [_safe(c) for c in countries],
          "mode": "markers",
          "customdata": [[c, n] for c, n in zip(countries, trials, strict=True)],
          "marker": {"size": [6 + 34 * (n / peak) ** 0.5 for n in trials], "color": colour,
                     "opacity": 0.7, "line": {"width": 0.5, "color": "white"}},
          "hovertemplate": "%{text}: %{customdata[1]:,} trials<extra></extra>"}],
        title, height=420,
        geo={"projection": {"type": "natural earth"}, "showcountries": True,
             "countrycolor": "#bbbbbb", "showland": True, "landcolor": "#f4f4f4"})


def modality_phase_heatmap(df: pd.DataFrame, labels: Mapping[str, str], order: list[str],
                           title: str) -> go.Figure:
    """The pipeline: trials per main modality (rows) and phase (columns), the count written in
    each cell; a click gives both."""
    phases = _present([*enums.PHASES, "NOT_GIVEN"], df["phase"])
    mods = _present(order, df["modality"])
    counts = {(m, p): int(n) for m, p, n in zip(df["modality"].tolist(), df["phase"].tolist(),
                                                df["trials"].tolist(), strict=True)}
    names = {**enums.PHASES, "NOT_GIVEN": enums.UNKNOWN_LABEL}
    short = {**names, "EARLY_PHASE1": "Early 1", "PHASE1": "1", "PHASE1_PHASE2": "1/2",
             "PHASE2": "2", "PHASE2_PHASE3": "2/3", "PHASE3": "3", "PHASE4": "4", "NA": "N/A",
             "NOT_GIVEN": "Not given"}
    z = [[counts.get((m, p), 0) for p in phases] for m in mods]
    # a log colour scale keeps a 40-trial cell visible beside a 4,000-trial one
    return _figure(
        [{"type": "heatmap", "z": [[math.log1p(v) for v in row] for row in z],
          "text": [[f"{v:,}" if v else "" for v in row] for row in z],
          "x": [short[p] for p in phases], "y": [_short(labels.get(m, m)) for m in mods],
          "hovertext": [[f"{_safe(labels.get(m, m))}, {names[p]}: {counts.get((m, p), 0):,} "
                         "trials" for p in phases] for m in mods],
          "customdata": [[[m, p] for p in phases] for m in mods], "colorscale": "Blues",
          "reversescale": True, "zmin": 0,  # plotly's Blues runs dark to light: 0 is white
          "texttemplate": "%{text}", "showscale": False, "xgap": 2, "ygap": 2,
          "hovertemplate": "%{hovertext}<extra></extra>"}],
        title, xaxis={"title": {"text": "Phase"}, "side": "top", "type": "category"},
        yaxis=category_axis("Main modality", reversed_=True),
        height=max(260, 34 * len(mods) + 140))


def area_treemap(df: pd.DataFrame, area_labels: Mapping[str, str],
                 labels: Mapping[str, str], colours: Mapping[str, str],
                 title: str) -> go.Figure:
    """Therapeutic areas, each split by main modality; sizes are trials."""
    ids, parents, names, values, colour, custom = [], [], [], [], [], []
    for area, part in df.groupby("area", sort=False):
        ids.append(area)
        parents.append("")
        names.append(_safe(area_labels.get(area, area)))
        values.append(int(part["trials"].sum()))
        colour.append("#eeeeee")
        custom.append([area, ""])
        for m, n in zip(part["modality"].tolist(), part["trials"].tolist(), strict=True):
            ids.append(f"{area}/{m}")
            parents.append(area)
            names.append(_safe(labels.get(m, m)))
            values.append(int(n))
            colour.append(colours.get(m, "#999999"))
            custom.append([area, m])
    return _figure([{"type": "treemap", "ids": ids, "parents": parents, "labels": names,
                     "values": values, "branchvalues": "total", "marker": {"colors": colour},
                     "customdata": custom,
                     "hovertemplate": "%{label}: %{value:,} trials<extra></extra>"}],
                   title, height=520)


def with_source(fig: go.Figure, source: str) -> go.Figure:
    """The figure with a source line under its title (plotly's subtitle, at the figure's left
    edge, so it is never clipped by a long axis label), so a saved PNG still says what it
    shows and for which filters.

    The layout is edited as a plain dict and the figure rebuilt around the same traces,
    unvalidated like `_figure`: two update_layout calls took 2.4 ms a chart (plotly parses
    every path; 17 charts on the gene-therapy overview), this 0.5-1 ms."""
    lines = textwrap.wrap(source, 60)[:5] or [""]
    layout = fig.layout.to_plotly_json()
    title = layout.get("title") or {}
    layout["title"] = {**title, "text": title.get("text") or "", "subtitle": {
        "text": "<br>".join(_safe(line) for line in lines),
        "font": {"size": 10, "color": "#555555"}}}
    margin = dict(layout.get("margin") or {})
    extra = 13 * len(lines) + 6
    layout["margin"] = {**margin, "t": int(margin.get("t") or 40) + extra}
    layout["height"] = (layout.get("height") or 380) + extra
    return go.Figure(data=fig.data, layout=layout, _validate=False)
