"""Small layout helpers every page uses: the page header and a chart with its own data."""

from __future__ import annotations

from typing import Any

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from trialscape import charts, export, words
from trialscape.filters import Filters
from trialscape.ingest.areas import default_areas
from trialscape.ui.data import Snapshot, modalities
from trialscape.ui.sidebar import set_filters

# The groups queries/top_sponsors.sql puts lead sponsors in, in display order.
SPONSOR_GROUPS = ("Industry", "Academic and other", "Government",
                  "Network, individual or unknown")
CLICK_GEN = "_click_gen"  # bumped after each applied click: a fresh chart key clears selection
UNDO = "_undo_filters"
SHOWN = "_shown_filters"  # the filters the current page's figures count with


def labels() -> dict[str, str]:
    return {m.id: m.label for m in modalities()}


def sub_labels() -> dict[str, str]:
    """Every kind's id -> its label ("aav" -> "AAV vector"), over all modalities."""
    return {s.id: s.label for m in modalities() for s in m.submodalities}


def page_header(title: str, snap: Snapshot, filters: Filters, trials: int) -> None:
    """The page's title and what it shows; the title may hold a sponsor's or condition's name
    and the caption the filters a link set, so both are written as literal text."""
    st.session_state[SHOWN] = filters  # what the page's figures show (source_line)
    st.title(words.literal(title))
    st.caption(f"{trials:,} trials · {snap.data_words} · "
               + words.literal(filters.caption(labels(), default_areas().labels())))


def chart(fig: go.Figure, data: pd.DataFrame, name: str, key: str | None = None,
          where: st.delta_generator.DeltaGenerator | None = None,
          click: tuple[str, ...] = (), embed: dict[str, list[str]] | None = None) -> None:
    """A chart, and a button that downloads exactly the numbers drawn (CSV).

    With `click` (the filter names a point's customdata holds, in order), clicking a bar, cell
    or country narrows the filters to it; the sidebar shows the change with an undo button.
    """
    target = where or st
    config = {"displaylogo": False, **charts.MAP_CONFIG,
              "toImageButtonOptions": {"filename": f"trialscape_{name}", "scale": 2}}
    fig = charts.with_source(fig, source_line())
    if click:
        generation = st.session_state.get(CLICK_GEN, 0)
        event = target.plotly_chart(fig, width="stretch", key=f"{key or name}_{generation}",
                                    on_select="rerun", selection_mode=("points",),
                                    config=config)
        points = (event or {}).get("selection", {}).get("points", [])
        if points:
            _apply_click(points[0], click)
    else:
        target.plotly_chart(fig, width="stretch", key=key, config=config)
    row = target.container(horizontal=True) if embed else target
    row.download_button("Chart data (CSV)", export.frame_csv_bytes(data),
                        file_name=f"trialscape_{name}.csv", mime="text/csv",
                        key=f"dl_{key or name}", type="tertiary", icon=":material/download:",
                        on_click="ignore")
    if embed:
        with row.popover("Embed this chart", icon=":material/code:", type="tertiary"):
            st.caption("Paste this into an article: the chart stays live, with these filters "
                       "and its source line.")
            st.code(embed_snippet(embed, fig), language="html")


def embed_url(params: dict[str, list[str]]) -> str:
    """The address of the chrome-less view of one chart (pages/embed.py)."""
    from urllib.parse import urlencode, urlsplit

    here = urlsplit(st.context.url or "http://127.0.0.1:8501/")
    base = (st.get_option("server.baseUrlPath") or "").strip("/")
    root = f"{here.scheme}://{here.netloc}" + (f"/{base}" if base else "")
    return f"{root}/embed?{urlencode(params, doseq=True)}"


def embed_snippet(params: dict[str, list[str]], fig: go.Figure) -> str:
    from html import escape

    title = " ".join((fig.layout.title.text or "trialscape chart").split("<br>"))
    height = int(fig.layout.height or 420) + 40
    return (f'<iframe src="{escape(embed_url(params))}" title="{escape(title)}" '
            f'width="100%" height="{height}" style="border:0" loading="lazy"></iframe>')


def source_line() -> str:
    """What every figure says under it: source, data date and the filters it shows."""
    snap: Snapshot | None = st.session_state.get("snapshot")
    filters: Filters = (st.session_state.get(SHOWN) or st.session_state.get("filters")
                        or Filters())
    dated = snap.data_words if snap else "ClinicalTrials.gov"
    demo = " · FICTIONAL DEMO DATA" if snap and snap.is_demo else ""
    return (f"{dated} via trialscape{demo} · "
            + filters.caption(labels(), default_areas().labels()))


def sponsor_group_charts(sponsors: pd.DataFrame, name: str, key: str,
                         colour: str = "#0072B2", height: int = 380,
                         title: str = "{group}: top lead sponsors") -> None:
    """One clickable bar chart per sponsor group present in a top_sponsors result, side by
    side."""
    groups = [g for g in SPONSOR_GROUPS if g in set(sponsors["sponsor_group"])]
    for col, group in zip(st.columns(max(len(groups), 1)), groups, strict=False):
        part = sponsors[sponsors["sponsor_group"] == group]
        chart(charts.bars(part["sponsor"].tolist(), part["trials"].tolist(),
                          title.format(group=group), colour, height=height,
                          what="Lead sponsor"),
              part, f"{name}_{group.split()[0].lower()}", f"{key}_{group}", col,
              click=("sponsor",))


def _apply_click(point: dict[str, Any], fields: tuple[str, ...]) -> None:
    data = point.get("customdata")
    values = data if isinstance(data, list) else [data]
    current: Filters = st.session_state["filters"]
    narrowed = current
    for name, value in zip(fields, values, strict=False):
        narrowed = narrowed.narrowed(name, value)
    if narrowed == current:
        return
    st.session_state[UNDO] = current
    st.session_state[CLICK_GEN] = st.session_state.get(CLICK_GEN, 0) + 1
    set_filters(narrowed)
    st.rerun()
