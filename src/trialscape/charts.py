"""Pure figure builders: DataFrame in, plotly Figure out.

Figures are assembled from plain dicts and lists and handed to plotly unvalidated
(`_validate=False`): plotly's validation walks every value, and with per-point customdata (what
a click filters on) the landscape's four figures took 80-110 ms to build against about 5 ms
unvalidated. Tests render every figure, so a misspelt property still shows up.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from trialscape import enums

LAYOUT: dict[str, Any] = {"margin": {"l": 10, "r": 10, "t": 40, "b": 10}, "height": 380,
                          "legend": {"orientation": "h", "y": -0.15}}


def _figure(traces: list[dict[str, Any]], title: str, **layout: Any) -> go.Figure:
    return go.Figure(data=traces, layout={**LAYOUT, "title": {"text": title}, **layout},
                     _validate=False)


LABEL_CHARS = 120


def _safe(label: Any) -> str:
    """Text from the registry or a URL as a plotly label. plotly reads a subset of HTML in
    labels and hover text (<a href>, <b>, <br>), so '<', '>' and '&' are written as entities,
    which it shows as the characters themselves: a sponsor named '<a href=...>' stays text."""
    text = str(label)
    if len(text) > LABEL_CHARS:  # a 10 MB sponsor name must not reach the browser whole
        text = text[:LABEL_CHARS].rstrip() + "…"
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _present(order: list[str], values: pd.Series) -> list[str]:
    """The ids of `order` that occur in `values`, in display order."""
    seen = set(values.tolist())
    return [v for v in order if v in seen]


def _hbar(labels: list[str], values: list[int], ids: list[Any], colour: Any,
          unit: str = "trials") -> dict[str, Any]:
    return {"type": "bar", "orientation": "h", "x": values, "y": [_safe(v) for v in labels],
            "customdata": ids,
            "marker": {"color": colour},
            "hovertemplate": "%{y}: %{x:,} " + unit + "<extra></extra>"}


def modality_bars(df: pd.DataFrame, labels: Mapping[str, str], colours: Mapping[str, str],
                  order: list[str], title: str) -> go.Figure:
    counts = dict(zip(df["modality"].tolist(), df["trials"].tolist(), strict=True))
    mods = _present(order, df["modality"])
    return _figure([_hbar([labels.get(m, m) for m in mods], [int(counts[m]) for m in mods],
                          mods, [colours.get(m, "#999999") for m in mods])],
                   title, yaxis={"autorange": "reversed"})


def modality_by_phase(df: pd.DataFrame, labels: Mapping[str, str], order: list[str],
                      title: str) -> go.Figure:
    names = {**enums.PHASES, "NOT_GIVEN": enums.UNKNOWN_LABEL}
    counts = {(m, p): int(n) for m, p, n in zip(df["modality"].tolist(), df["phase"].tolist(),
                                                df["trials"].tolist(), strict=True)}
    present = _present(order, df["modality"])
    traces = [{"type": "bar", "name": names[phase], "x": [labels.get(m, m) for m in present],
               "y": [counts.get((m, phase), 0) for m in present],
               "customdata": [[m, phase] for m in present],
               "hovertemplate": f"{names[phase]}: " + "%{y:,} trials<extra>%{x}</extra>"}
              for phase in [*enums.PHASES, "NOT_GIVEN"]]
    return _figure(traces, title, barmode="stack")


def starts_by_year(df: pd.DataFrame, labels: Mapping[str, str], colours: Mapping[str, str],
                   order: list[str], title: str) -> go.Figure:
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
                       "hovertemplate": "%{x}: %{y:,} starts<extra>" + name + "</extra>"})
    return _figure(traces, title)


def status_bars(df: pd.DataFrame, title: str) -> go.Figure:
    names = {**enums.STATUSES, "NOT_GIVEN": enums.UNKNOWN_LABEL}
    statuses = df["status"].tolist()
    return _figure([_hbar([names.get(s, s) for s in statuses],
                          [int(n) for n in df["trials"].tolist()], statuses, "#0072B2")],
                   title, yaxis={"autorange": "reversed"})


def bars(labels: list[str], values: list[int], title: str, colour: str = "#0072B2",
         colours: list[str] | None = None, unit: str = "trials",
         height: int | None = None, ids: list[str] | None = None) -> go.Figure:
    """Horizontal bars, biggest first as given; the generic chart for ranked counts. `ids` are
    what a click on a bar filters on (defaults to the labels)."""
    return _figure([_hbar(list(labels), [int(v) for v in values], ids or list(labels),
                          colours or colour, unit)],
                   title, yaxis={"autorange": "reversed"},
                   height=height or max(260, 28 * len(labels) + 90))


def phase_bars(df: pd.DataFrame, title: str, colour: str = "#0072B2") -> go.Figure:
    """Trials at each phase, early to late, then 'not applicable' and the unknown bucket.
    Bars, not a funnel: trials at each phase are different trials, not one cohort thinning."""
    names = {**enums.PHASES, "NOT_GIVEN": enums.UNKNOWN_LABEL}
    counts = dict(zip(df["phase"].tolist(), df["trials"].tolist(), strict=True))
    order = [p for p in [*enums.PHASES, "NOT_GIVEN"] if counts.get(p)]
    return _figure([_hbar([names[p] for p in order], [int(counts[p]) for p in order], order,
                          colour)], title, yaxis={"autorange": "reversed"})


# plotly.js fetches its world outline when it draws a map; this points it at the copy the
# dashboard serves itself (static/world_110m.json), relative to the page, so maps draw offline
# and no reader's browser calls plotly's CDN.
MAP_CONFIG = {"topojsonURL": "app/static/"}


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
    """Trials per main modality (rows) and phase (columns); a click gives both."""
    phases = _present([*enums.PHASES, "NOT_GIVEN"], df["phase"])
    mods = _present(order, df["modality"])
    counts = {(m, p): int(n) for m, p, n in zip(df["modality"].tolist(), df["phase"].tolist(),
                                                df["trials"].tolist(), strict=True)}
    names = {**enums.PHASES, "NOT_GIVEN": enums.UNKNOWN_LABEL}
    return _figure(
        [{"type": "heatmap", "z": [[counts.get((m, p), 0) for p in phases] for m in mods],
          "x": [names[p] for p in phases], "y": [labels.get(m, m) for m in mods],
          "customdata": [[[m, p] for p in phases] for m in mods], "colorscale": "Blues",
          "texttemplate": "%{z}", "showscale": False,
          "hovertemplate": "%{y}, %{x}: %{z:,} trials<extra></extra>"}],
        title, yaxis={"autorange": "reversed"}, height=max(260, 34 * len(mods) + 120))


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
