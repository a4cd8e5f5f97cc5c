"""One modality: explainer, phases, status, sub-modalities, sponsors, conditions, countries."""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from trialscape import charts, words
from trialscape.ui import deepdive, figures
from trialscape.ui.data import modalities, runner
from trialscape.ui.entry import started_by_app
from trialscape.ui.layout import chart, labels, page_header, sponsor_group_charts
from trialscape.ui.quote import quote
from trialscape.ui.sidebar import ignored_from_link, set_filters
from trialscape.ui.tables import TRIAL_ENUMS, readable, trial_column, trial_links

started_by_app()
snap = st.session_state["snapshot"]
filters = st.session_state["filters"]
mods = {m.id: m for m in sorted(modalities(), key=lambda m: m.order)}
names = labels()

if len(filters.modality) != 1:
    st.title("Modality")
    for line in ignored_from_link("modality"):
        # the page a link names a modality for says so where a reader looks (the sidebar is
        # folded away on a phone)
        st.warning("This link names a modality trialscape does not know: "
                   + words.literal(line) + ". Choose one below.")
    st.write("Choose a kind of medicine to see its trials: phases, status, sponsors, conditions "
             "and countries." + (" (Several are selected in the sidebar; pick one.)"
                                  if filters.modality else ""))
    choice = st.selectbox("Modality", list(mods), index=None, placeholder="Choose a modality",
                          format_func=lambda m: mods[m].label)
    if choice:
        set_filters(replace(filters, modality=(choice,)))
        st.rerun()
    st.stop()

m = mods.get(filters.modality[0])
if m is None:
    st.title("Modality")
    st.error("This link names a modality trialscape does not know. Choose one in the sidebar.")
    st.stop()
q = runner(snap, filters)
total = int(q("count").iloc[0].trials)
page_header(m.label, snap, filters, total)
st.text(m.definition)  # plain text, never HTML
if m.has_article:
    st.link_button(f"Read the explainer: {m.label}", m.explainer_url, type="primary",
                   icon=":material/menu_book:")
elif m.explainer_url:
    st.link_button("Browse the treatment explainers", m.explainer_url,
                   icon=":material/menu_book:",
                   help="No article on this kind of medicine is confirmed yet; this opens the "
                   "explainers index.")
else:
    st.caption("No explainer article for this modality yet.")
if total == 0:
    st.info("No trial matches these filters. Remove one in the sidebar, or clear them all.")
    st.stop()

ctx = figures.Context(q, total, names, {x.id: x.colour for x in mods.values()}, list(mods),
                      snap.data_day.year if snap.data_day else 2026, m)
link = filters.to_params()


def show(chart_id: str, name: str, where=None) -> None:
    built = figures.build(chart_id, ctx)
    chart(built.fig, built.data, f"{m.id}_{name}", f"{m.id}_{chart_id}", where,
          click=built.click, embed=figures.params_for(chart_id, link, {}))


quote(m, q, total, snap, filters)
left, right = st.columns(2)
show("phases", "by_phase", left)
show("status", "by_status", right)
if m.submodalities:
    show("kinds", "by_kind")
if m.id in deepdive.SECTIONS:
    deepdive.SECTIONS[m.id](q, m, filters, total)

st.subheader("Who runs these trials")
sponsor_group_charts(q("top_sponsors", n=10), f"{m.id}_sponsors", "sp", m.colour)

st.subheader("What they treat")
left, right = st.columns(2)
conds = q("top_conditions", n=15)
with_mesh = int(q("coverage").iloc[0].with_mesh)
chart(charts.bars(conds["condition"].tolist(), conds["trials"].tolist(),
                  f"Top conditions: the registry's MeSH terms, which {with_mesh:,} of these "
                  f"{total:,} trials carry", m.colour, what="Condition (MeSH term)"),
      conds, f"{m.id}_conditions", "conds", left, click=("condition",))
show("areas", "areas", right)

st.subheader("Where")
show("countries", "countries")

left, right = st.columns(2)
show("starts", "starts", left)
with right:
    st.markdown("**Newest trials**")
    newest = q("newest_trials", n=10)
    st.dataframe(
        readable(newest.assign(
            link=trial_links(newest["nct_id"]),
        )[["link", "brief_title", "phase", "status", "lead_sponsor", "first_posted"]],
            dates=["first_posted"], enum_words=TRIAL_ENUMS),
        hide_index=True, width="stretch",
        column_config={
            "link": trial_column(),
            "brief_title": "Title", "phase": "Phase", "status": "Status",
            "lead_sponsor": "Lead sponsor", "first_posted": "First posted"})
st.page_link("pages/trials.py", label="All these trials, with export", icon=":material/table_rows:",
             query_params=filters.to_params())
