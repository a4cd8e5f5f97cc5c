"""Conditions: therapeutic areas by modality, and one condition's modalities, phases, sponsors."""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from trialscape import charts
from trialscape.ingest.areas import default_areas
from trialscape.ui.data import modalities, runner
from trialscape.ui.entry import started_by_app
from trialscape.ui.layout import chart, labels, page_header, sponsor_group_charts
from trialscape.ui.sidebar import set_filters

started_by_app()
snap = st.session_state["snapshot"]
filters = st.session_state["filters"]
q = runner(snap, filters)
names = labels()
mods = sorted(modalities(), key=lambda m: m.order)
colours = {m.id: m.colour for m in mods}
order = [m.id for m in mods]
area_names = {**default_areas().labels(), "NONE": "No area found"}
total = int(q("count").iloc[0].trials)

if len(filters.condition) != 1:
    page_header("Conditions", snap, filters, total)
    by_area = q("area_modality")
    chart(charts.area_treemap(by_area, area_names, names, colours,
                              "Therapeutic areas by main modality (a trial in two areas counts "
                              "in both; click a box to filter)"),
          by_area, "areas_by_modality", "treemap", click=("area", "modality"))
    st.subheader("One condition")
    options = q("condition_options", n=300)["condition"].tolist()
    choice = st.selectbox("Pick a condition (or type any text in the sidebar's Condition "
                          "filter)", options, index=None, placeholder="Choose a condition")
    if choice:
        set_filters(replace(filters, condition=(choice,)))
        st.rerun()
    st.stop()

condition = filters.condition[0]
page_header(f"Condition: {condition}", snap, filters, total)
if total == 0:
    st.info("No trial mentions this condition under the other filters.")
    st.stop()
grid = q("modality_by_phase")
chart(charts.modality_phase_heatmap(grid, names, order,
                                    f"Which modalities are tried, at which phase ({total:,} "
                                    "trials)"), grid, "condition_modality_phase", "grid",
      click=("modality", "phase"))
st.subheader("By whom")
sponsor_group_charts(q("top_sponsors", n=8), "condition_sponsors", "csp", height=340,
                     title="{group}")
st.button("All conditions", on_click=set_filters, args=(replace(filters, condition=()),),
          icon=":material/arrow_back:")
