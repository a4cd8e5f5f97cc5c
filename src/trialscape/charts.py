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
