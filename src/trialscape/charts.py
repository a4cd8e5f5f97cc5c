"""Pure figure builders: DataFrame in, plotly Figure out (graph_objects: 1-2 ms per chart)."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go

from trialscape import enums

LAYOUT = {"margin": {"l": 10, "r": 10, "t": 40, "b": 10}, "height": 380,
          "legend": {"orientation": "h", "y": -0.15}}


def modality_bars(df: pd.DataFrame, labels: Mapping[str, str], colours: Mapping[str, str],
                  order: list[str], title: str) -> go.Figure:
    df = df.set_index("modality").reindex([m for m in order if m in set(df["modality"])])
    fig = go.Figure(go.Bar(
        x=df["trials"], y=[labels.get(m, m) for m in df.index], orientation="h",
        customdata=list(df.index),  # the id a click filters on
        marker_color=[colours.get(m, "#999999") for m in df.index],
        hovertemplate="%{y}: %{x:,} trials<extra></extra>"))
    fig.update_layout(title=title, yaxis={"autorange": "reversed"}, **LAYOUT)
    return fig


def modality_by_phase(df: pd.DataFrame, labels: Mapping[str, str], order: list[str],
                      title: str) -> go.Figure:
    phases = [*enums.PHASES, "NOT_GIVEN"]
    names = {**enums.PHASES, "NOT_GIVEN": enums.UNKNOWN_LABEL}
    fig = go.Figure()
    present = [m for m in order if m in set(df["modality"])]
    for phase in phases:
        part = df[df["phase"] == phase].set_index("modality")["trials"]
        fig.add_bar(name=names[phase], x=[labels.get(m, m) for m in present],
                    y=[int(part.get(m, 0)) for m in present],
                    customdata=[[m, phase] for m in present],
                    hovertemplate=f"{names[phase]}: " + "%{y:,} trials<extra>%{x}</extra>")
    fig.update_layout(barmode="stack", title=title, **LAYOUT)
    return fig


def starts_by_year(df: pd.DataFrame, labels: Mapping[str, str], colours: Mapping[str, str],
                   order: list[str], title: str) -> go.Figure:
    fig = go.Figure()
    for m in [m for m in order if m in set(df["modality"])]:
        part = df[df["modality"] == m]
        fig.add_scatter(x=part["year"], y=part["trials"], name=labels.get(m, m),
                        mode="lines+markers", marker={"size": 4},
                        customdata=[[m, int(y)] for y in part["year"]],
                        line={"color": colours.get(m)},
                        hovertemplate="%{x}: %{y:,} starts<extra>" + labels.get(m, m)
                        + "</extra>")
    fig.update_layout(title=title, **LAYOUT)
    return fig


def status_bars(df: pd.DataFrame, title: str) -> go.Figure:
    names = {**enums.STATUSES, "NOT_GIVEN": enums.UNKNOWN_LABEL}
    fig = go.Figure(go.Bar(x=df["trials"], y=[names.get(s, s) for s in df["status"]],
                           orientation="h", marker_color="#0072B2",
                           customdata=list(df["status"]),
                           hovertemplate="%{y}: %{x:,} trials<extra></extra>"))
    fig.update_layout(title=title, yaxis={"autorange": "reversed"}, **LAYOUT)
    return fig


def bars(labels: list[str], values: list[int], title: str, colour: str = "#0072B2",
         colours: list[str] | None = None, unit: str = "trials",
         height: int | None = None, ids: list[str] | None = None) -> go.Figure:
    """Horizontal bars, biggest first as given; the generic chart for ranked counts. `ids` are
    what a click on a bar filters on (defaults to the labels)."""
    fig = go.Figure(go.Bar(x=values, y=labels, orientation="h", customdata=ids or labels,
                           marker_color=colours or colour,
                           hovertemplate="%{y}: %{x:,} " + unit + "<extra></extra>"))
    layout = {**LAYOUT, "height": height or max(260, 28 * len(labels) + 90)}
    fig.update_layout(title=title, yaxis={"autorange": "reversed"}, **layout)
    return fig


def phase_funnel(df: pd.DataFrame, title: str, colour: str = "#0072B2") -> go.Figure:
    """Trials at each phase, early to late, then the not-applicable and unknown buckets."""
    names = {**enums.PHASES, "NOT_GIVEN": enums.UNKNOWN_LABEL}
    counts = dict(zip(df["phase"], df["trials"], strict=True))
    order = [p for p in [*enums.PHASES, "NOT_GIVEN"] if counts.get(p)]
    fig = go.Figure(go.Funnel(
        y=[names[p] for p in order], x=[int(counts[p]) for p in order], customdata=order,
        marker={"color": colour}, textinfo="value",
        hovertemplate="%{y}: %{x:,} trials<extra></extra>"))
    fig.update_layout(title=title, **LAYOUT)
    return fig


def country_map(df: pd.DataFrame, title: str, colour: str = "#0072B2") -> go.Figure:
    """Bubbles at the mean position of each country's sites, sized by trials."""
    df = df.dropna(subset=["lat", "lon"])
    peak = max(int(df["trials"].max()) if len(df) else 1, 1)
    fig = go.Figure(go.Scattergeo(
        lat=df["lat"], lon=df["lon"], text=df["country"],
        customdata=[[c, int(n)] for c, n in zip(df["country"], df["trials"], strict=True)],
        mode="markers",
        marker={"size": [6 + 34 * (n / peak) ** 0.5 for n in df["trials"]], "color": colour,
                "opacity": 0.7, "line": {"width": 0.5, "color": "white"}},
        hovertemplate="%{text}: %{customdata[1]:,} trials<extra></extra>"))
    fig.update_layout(title=title, geo={"projection": {"type": "natural earth"},
                                        "showcountries": True, "countrycolor": "#bbbbbb",
                                        "showland": True, "landcolor": "#f4f4f4"},
                      **{**LAYOUT, "height": 420})
    return fig


def modality_phase_heatmap(df: pd.DataFrame, labels: Mapping[str, str], order: list[str],
                           title: str) -> go.Figure:
    """Trials per main modality (rows) and phase (columns); a click gives both."""
    phases = [p for p in [*enums.PHASES, "NOT_GIVEN"] if p in set(df["phase"])]
    mods = [m for m in order if m in set(df["modality"])]
    counts = {(r.modality, r.phase): int(r.trials) for r in df.itertuples(index=False)}
    names = {**enums.PHASES, "NOT_GIVEN": enums.UNKNOWN_LABEL}
    z = [[counts.get((m, p), 0) for p in phases] for m in mods]
    fig = go.Figure(go.Heatmap(
        z=z, x=[names[p] for p in phases], y=[labels.get(m, m) for m in mods],
        customdata=[[[m, p] for p in phases] for m in mods], colorscale="Blues",
        texttemplate="%{z}", hovertemplate="%{y}, %{x}: %{z:,} trials<extra></extra>",
        showscale=False))
    fig.update_layout(title=title, yaxis={"autorange": "reversed"},
                      **{**LAYOUT, "height": max(260, 34 * len(mods) + 120)})
    return fig


def area_treemap(df: pd.DataFrame, area_labels: Mapping[str, str],
                 labels: Mapping[str, str], colours: Mapping[str, str],
                 title: str) -> go.Figure:
    """Therapeutic areas, each split by main modality; sizes are trials."""
    ids, parents, names, values, colour, custom = [], [], [], [], [], []
    for area, part in df.groupby("area", sort=False):
        ids.append(area)
        parents.append("")
        names.append(area_labels.get(area, area))
        values.append(int(part["trials"].sum()))
        colour.append("#eeeeee")
        custom.append([area, ""])
        for r in part.itertuples(index=False):
            ids.append(f"{area}/{r.modality}")
            parents.append(area)
            names.append(labels.get(r.modality, r.modality))
            values.append(int(r.trials))
            colour.append(colours.get(r.modality, "#999999"))
            custom.append([area, r.modality])
    fig = go.Figure(go.Treemap(
        ids=ids, parents=parents, labels=names, values=values, branchvalues="total",
        marker={"colors": colour}, customdata=custom,
        hovertemplate="%{label}: %{value:,} trials<extra></extra>"))
    fig.update_layout(title=title, **{**LAYOUT, "height": 520})
    return fig
