"""Small layout helpers every page uses: the page header and a chart with its own data."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from trialscape.filters import Filters
from trialscape.ingest.areas import default_areas
from trialscape.ui.data import Snapshot, modalities


def labels() -> dict[str, str]:
    return {m.id: m.label for m in modalities()}


def page_header(title: str, snap: Snapshot, filters: Filters, trials: int) -> None:
    st.title(title)
    st.caption(f"{trials:,} trials · ClinicalTrials.gov data of {snap.data_date} · "
               + filters.caption(labels(), default_areas().labels()))


def chart(fig: go.Figure, data: pd.DataFrame, name: str, key: str | None = None,
          where: st.delta_generator.DeltaGenerator | None = None) -> None:
    """A chart, and a button that downloads exactly the numbers drawn (CSV)."""
    target = where or st
    target.plotly_chart(fig, width="stretch", key=key,
                        config={"displaylogo": False})
    target.download_button("Chart data (CSV)", data.to_csv(index=False).encode("utf-8"),
                           file_name=f"trialscape_{name}.csv", mime="text/csv",
                           key=f"dl_{key or name}", type="tertiary", icon=":material/download:",
                           on_click="ignore")
