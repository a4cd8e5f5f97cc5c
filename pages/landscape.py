"""Landscape: how many trials, of which kind, at which phase, started when."""

from __future__ import annotations

import streamlit as st

from trialscape import charts
from trialscape.ui.data import modalities, runner
from trialscape.ui.entry import started_by_app
from trialscape.ui.layout import chart, labels, page_header

started_by_app()
snap = st.session_state["snapshot"]
filters = st.session_state["filters"]
q = runner(snap, filters)
mods = sorted(modalities(), key=lambda m: m.order)
names = labels()
colours = {m.id: m.colour for m in mods}
order = [m.id for m in mods]

kpi = q("kpis", as_of=snap.data_date if snap.data_day else "2100-01-01").iloc[0]
total = int(kpi.trials)
page_header("The clinical-trial landscape", snap, filters, total)
c1, c2, c3 = st.columns(3)
c1.metric("Trials", f"{total:,}")
c2.metric("Recruiting now", f"{int(kpi.recruiting):,}",
          help="Trials whose status is 'Recruiting' and was verified in the two years before "
          "the data date. Like ClinicalTrials.gov, trialscape shows an older unverified "
          "recruiting status as 'Unknown'.")
c3.metric("New in the last 30 days", f"{int(kpi.new_30d):,}",
          help="First posted on ClinicalTrials.gov in the 30 days before the data date.")
if total == 0:
    st.info("No trial matches these filters. Remove one in the sidebar, or clear them all.")
    st.stop()

by_primary = q("by_primary_modality")
left, right = st.columns(2)
chart(charts.modality_bars(by_primary, names, colours, order,
                           f"Trials by main modality ({total:,} trials, each counted once)"),
      by_primary, "trials_by_main_modality", "by_primary", left, click=("modality",))
by_status = q("by_status")
chart(charts.status_bars(by_status, f"Status ({int(by_status['trials'].sum()):,} trials)"),
      by_status, "trials_by_status", "by_status", right, click=("status",))
by_phase = q("modality_by_phase")
cover = q("coverage").iloc[0]
chart(charts.modality_by_phase(
    by_phase, names, order,
    f"Main modality by phase ({total:,} trials; 'Not given': {int(cover.no_phase):,} records "
    f"state no phase, {int(cover.no_phase_interventional):,} of them interventional)"),
    by_phase, "main_modality_by_phase", "by_phase", click=("modality", "phase"))
year = snap.data_day.year if snap.data_day else 2026
starts = q("starts_by_year", first_year=year - 25, last_year=year + 2)
chart(charts.starts_by_year(
    starts, names, colours, order,
    f"Trial starts per year by main modality ({int(starts['trials'].sum()):,} trials with a "
    f"start date from {year - 25} to {year + 2}; later years are planned starts)"),
    starts, "starts_per_year", "starts", click=("modality", "start_year"))

st.caption("Click a bar, a cell or a point to filter on it; the sidebar can undo it.")

st.subheader("Modalities")
st.caption("Trials testing each kind of medicine (a trial testing two counts in both). "
           "Open one for its phases, sponsors, conditions and countries.")
counts = dict(q("modality_counts").itertuples(index=False))
cols = st.columns(3)
for i, m in enumerate(mods):
    with cols[i % 3].container(border=True):
        st.markdown(f"**{m.label}** · {counts.get(m.id, 0):,} trials")
        st.text(m.definition)  # text, never HTML or markdown
        a, b = st.columns(2)
        a.page_link("pages/modality.py", label="See the trials", icon=":material/arrow_forward:",
                    query_params={**filters.to_params(), "modality": [m.id]})
        if m.has_article:
            b.link_button("Explainer", m.explainer_url, icon=":material/menu_book:",
                          help=f"Read the explainer article: {m.label}")
        elif m.explainer_url:
            b.link_button("Explainers", m.explainer_url,
                          help="No article on this yet: the explainers index")
        else:
            b.caption("No explainer yet.")
