"""The dashboard's shareable figures, by id: built the same way on their page and in the
embed view (`/embed?chart=<id>&<filters>`), so an embedded chart shows the same numbers.

Each builder takes the page's query function and what the figure is about, and returns the
figure, the numbers drawn (for its CSV) and the filters a click on it narrows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from trialscape import charts
from trialscape.classify.model import Modality
from trialscape.ingest.areas import default_areas
from trialscape.ingest.countries import country_centres


@dataclass(frozen=True)
class Context:
    q: Callable[..., pd.DataFrame]  # the view's query function (ui.data.runner)
    total: int
    names: dict[str, str]
    colours: dict[str, str]
    order: list[str]
    year: int  # the data date's year
    modality: Modality | None = None  # for one modality's figures


@dataclass(frozen=True)
class Built:
    fig: go.Figure
    data: pd.DataFrame
    click: tuple[str, ...] = ()


def pipeline(c: Context) -> Built:
    by_phase = c.q("modality_by_phase")
    cover = c.q("coverage").iloc[0]
    return Built(charts.modality_phase_heatmap(
        by_phase, c.names, c.order,
        f"The pipeline: trials by main modality and phase ({c.total:,} trials, each counted "
        f"once; 'Not given': {int(cover.no_phase):,} records state no phase, "
        f"{int(cover.no_phase_interventional):,} of them interventional)"),
        by_phase, ("modality", "phase"))


def main_modality(c: Context) -> Built:
    data = c.q("by_primary_modality")
    return Built(charts.modality_bars(
        data, c.names, c.colours, c.order,
        f"Trials by main modality ({c.total:,} trials, each counted once)"), data,
        ("modality",))


def status(c: Context) -> Built:
    data = c.q("by_status")
    return Built(charts.status_bars(data, f"Status ({int(data['trials'].sum()):,} trials)"),
                 data, ("status",))


def starts(c: Context) -> Built:
    data = c.q("starts_by_year", first_year=c.year - 25, last_year=c.year + 2)
    span = f"{c.year - 25}–{c.year + 2}"
    if c.modality is not None:
        m = c.modality
        per_year = data.groupby("year", as_index=False)["trials"].sum()
        return Built(charts.starts_by_year(
            per_year.assign(modality=m.id), {m.id: m.label}, {m.id: m.colour}, [m.id],
            f"{m.label}: trial starts per year ({int(per_year['trials'].sum()):,} trials "
            f"starting {span}; the last years are planned starts)"), per_year,
            ("modality", "start_year"))
    return Built(charts.starts_small_multiples(
        data, c.names, c.colours, c.order,
        f"Trial starts per year, one panel per main modality, each on its own scale "
        f"({int(data['trials'].sum()):,} trials starting {span}; the last years are planned "
        "starts)"), data, ("modality", "start_year"))


def phases(c: Context) -> Built:
    m = _one(c)
    data = c.q("by_phase")
    return Built(charts.phase_bars(data, f"{m.label}: trials by phase ({c.total:,} trials)",
                                   m.colour), data, ("phase",))


def kinds(c: Context) -> Built:
    m = _one(c)
    names = {s.id: s.label for s in m.submodalities}
    data = c.q("by_submodality", modality=m.id)
    return Built(charts.bars(
        [names.get(s, "Not specified in the record") for s in data["submodality"]],
        data["trials"].tolist(),
        f"{m.label}: which kind ({c.total:,} trials; a trial can be of two kinds)", m.colour,
        what="Kind"), data)


def countries(c: Context) -> Built:
    m = _one(c)
    data = c.q("by_country")
    none = int(data[data["country"] == "NONE"]["trials"].sum())
    return Built(charts.country_map(
        data[data["country"] != "NONE"], country_centres(),
        f"{m.label}: trials by country (a trial counts once in each of its countries; "
        f"{none:,} trials list no site country)", m.colour), data, ("country",))


def areas(c: Context) -> Built:
    m = _one(c)
    names = {**default_areas().labels(), "NONE": "No area found"}
    data = c.q("by_area")
    return Built(charts.bars([names.get(a, a) for a in data["area"]], data["trials"].tolist(),
                             f"{m.label}: therapeutic areas (a trial can be in several)",
                             m.colour, ids=data["area"].tolist(), what="Therapeutic area"),
                 data, ("area",))


def _one(c: Context) -> Modality:
    if c.modality is None:
        raise KeyError("this figure belongs to one modality's page")
    return c.modality


# id -> (builder, needs one modality, what it shows in words)
FIGURES: dict[str, tuple[Callable[[Context], Built], bool, str]] = {
    "pipeline": (pipeline, False, "the pipeline: main modality by phase"),
    "main_modality": (main_modality, False, "trials by main modality"),
    "status": (status, False, "trials by status"),
    "starts": (starts, False, "trial starts per year"),
    "phases": (phases, True, "one modality's trials by phase"),
    "kinds": (kinds, True, "one modality's kinds"),
    "countries": (countries, True, "one modality's trials by country"),
    "areas": (areas, True, "one modality's therapeutic areas"),
}


def build(chart_id: str, c: Context) -> Built:
    builder, needs_one, _ = FIGURES[chart_id]
    if needs_one and c.modality is None:
        raise KeyError(f"{chart_id} needs one modality")
    return builder(c)


def params_for(chart_id: str, url_params: dict[str, list[str]], extra: dict[str, Any]
               ) -> dict[str, list[str]]:
    """The embed link's parameters: the chart, the page's filters, and what else it shows."""
    return {"chart": [chart_id], **url_params,
            **{k: [str(v)] for k, v in extra.items() if v}, "embed": ["true"]}
