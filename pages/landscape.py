"""Landscape: how many trials, of which kind, at which phase, started when."""

from __future__ import annotations

import streamlit as st

from trialscape import charts
from trialscape.ui.data import modalities, query

snap = st.session_state["snapshot"]
mods = modalities()
labels = {m.id: m.label for m in mods}
colours = {m.id: m.colour for m in mods}
order = [m.id for m in sorted(mods, key=lambda m: m.order)]


def q(name: str, **params):
    return query(snap.path, snap.version, name, tuple(sorted(params.items())))


st.title("The clinical-trial landscape")
st.caption(f"ClinicalTrials.gov snapshot of {snap.data_date}. Counts are trials (NCT ids).")

kpi = q("kpis", as_of=snap.data_date if snap.data_date[:1].isdigit() else "2100-01-01").iloc[0]
c1, c2, c3 = st.columns(3)
c1.metric("Trials", f"{int(kpi.trials):,}")
c2.metric("Recruiting now", f"{int(kpi.recruiting):,}")
c3.metric("New in the last 30 days", f"{int(kpi.new_30d):,}",
          help="First posted in the 30 days before the snapshot's data date.")

by_primary = q("by_primary_modality")
total = int(by_primary["trials"].sum())
left, right = st.columns(2)
left.plotly_chart(charts.modality_bars(
    by_primary, labels, colours, order,
    f"Trials by main modality ({total:,} trials, each counted once)"), width="stretch")
by_status = q("by_status")
right.plotly_chart(charts.status_bars(by_status, f"Status ({int(by_status['trials'].sum()):,} "
                                      "trials)"), width="stretch")
st.plotly_chart(charts.modality_by_phase(
    q("modality_by_phase"), labels, order,
    f"Main modality by phase ({total:,} trials; 'Not given' for observational studies)"),
    width="stretch")
year = int(snap.data_date[:4]) if snap.data_date[:4].isdigit() else 2026
starts = q("starts_by_year", first_year=year - 25, last_year=year + 2)
st.plotly_chart(charts.starts_by_year(
    starts, labels, colours, order,
    f"Trial starts per year by main modality ({int(starts['trials'].sum()):,} trials with a "
    f"start date from {year - 25} to {year + 2}; later years are planned starts)"),
    width="stretch")

st.subheader("Modalities")
counts = dict(q("modality_counts").itertuples(index=False))
cols = st.columns(3)
for i, m in enumerate(m for m in sorted(mods, key=lambda m: m.order)):
    with cols[i % 3].container(border=True):
        st.markdown(f"**{m.label}** · {counts.get(m.id, 0):,} trials")
        st.text(m.definition)  # text, never HTML or markdown
        if m.explainer_url:
            st.link_button("Read the explainer", m.explainer_url)
        else:
            st.caption("No explainer yet.")
