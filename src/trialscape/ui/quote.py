"""The 'Numbers to quote' block of a modality page."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from trialscape import enums, quotes
from trialscape.classify.model import Modality
from trialscape.filters import Filters
from trialscape.ingest.areas import default_areas
from trialscape.ui.data import Snapshot
from trialscape.ui.layout import embed_url


def figures_for(m: Modality, q: Callable[..., pd.DataFrame], total: int,
                snap: Snapshot) -> quotes.Figures:
    statuses = dict(q("by_status").itertuples(index=False))
    phases = dict(q("by_phase").itertuples(index=False))
    areas = q("by_area")
    areas = areas[areas["area"] != "NONE"]
    names = default_areas().labels()
    countries = q("by_country")
    countries = countries[countries["country"] != "NONE"]
    year = snap.data_day.year if snap.data_day else 2026
    starts = q("starts_by_year", first_year=year - 10, last_year=year)
    recent = int(starts[starts["year"] > year - 5]["trials"].sum())
    before = int(starts[starts["year"] <= year - 5]["trials"].sum())
    return quotes.Figures(
        m.label, snap.data_date, snap.data_from_registry, total,
        int(statuses.get("RECRUITING", 0)),
        int(sum(statuses.get(s, 0) for s in enums.ACTIVE_STATUSES)),
        {str(k): int(v) for k, v in phases.items()},
        (names.get(areas.iloc[0]["area"], areas.iloc[0]["area"]), int(areas.iloc[0]["trials"]))
        if not areas.empty else None,
        (countries.iloc[0]["country"], int(countries.iloc[0]["trials"]))
        if not countries.empty else None,
        recent, before)


def quote(m: Modality, q: Callable[..., pd.DataFrame], total: int, snap: Snapshot,
          filters: Filters) -> None:
    with st.expander("Numbers to quote", icon=":material/format_quote:"):
        text = " ".join(quotes.sentences(figures_for(m, q, total, snap)))
        st.text(text)  # plain text: copy it as it is
        link = embed_url(filters.to_params()).replace("/embed?", "/modality?")
        st.caption("Source, to link with the figures:")
        st.code(f"{text}\nSource: trialscape, {snap.data_words}: {link}",
                language=None)
