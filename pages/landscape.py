"""Landscape: how many trials, of which kind, at which phase, started when."""

from __future__ import annotations

import streamlit as st

from trialscape import scope
from trialscape.ui import figures
from trialscape.ui.data import modalities, runner
from trialscape.ui.entry import started_by_app
from trialscape.ui.layout import chart, labels, page_header

started_by_app()
snap = st.session_state["snapshot"]
filters = st.session_state["filters"]
mods = sorted(modalities(), key=lambda m: m.order)
names = labels()
colours = {m.id: m.colour for m in mods}
order = [m.id for m in mods]

# --- scope: lead with the advanced therapies, say what is left out ------------------------
chosen = scope.read(st.query_params.get(scope.URL_NAME))
picked = st.segmented_control("Show", list(scope.SCOPES), default=chosen,
                              format_func=scope.SCOPES.get, key="landscape_scope",
                              help="Which kinds of medicine the landscape counts. The sidebar's "
                              "modality filter, when set, decides instead.") or chosen
if picked != scope.DEFAULT:
    st.query_params[scope.URL_NAME] = picked
elif scope.URL_NAME in st.query_params:
    del st.query_params[scope.URL_NAME]
view = scope.scoped(filters, picked, order)
q = runner(snap, view)
everything = runner(snap, filters)

kpi = q("kpis", as_of=snap.data_date if snap.data_day else "2100-01-01").iloc[0]
total = int(kpi.trials)
page_header("The clinical-trial landscape", snap, view, total)
if filters.modality:
    st.caption("Counting the modalities chosen in the sidebar.")
elif picked != "all":
    whole = int(everything("count").iloc[0].trials)
    st.caption(f"{scope.SCOPES[picked]}: {total:,} of the {whole:,} trials these filters "
               f"match. Left out: {scope.left_out(picked)}; choose 'Everything' to see them.")
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

# --- the pipeline, the kinds, the statuses, the starts: shareable figures ---------------
ctx = figures.Context(q, total, names, colours, order,
                      snap.data_day.year if snap.data_day else 2026)
link = {**view.to_params(), **({} if filters.modality else {scope.URL_NAME: [picked]})}


def show(chart_id: str, name: str, where=None) -> None:
    built = figures.build(chart_id, ctx)
    chart(built.fig, built.data, name, chart_id, where, click=built.click,
          embed=figures.params_for(chart_id, link, {}))


show("pipeline", "pipeline_modality_by_phase")
left, right = st.columns(2)
show("main_modality", "trials_by_main_modality", left)
show("status", "trials_by_status", right)
show("starts", "starts_per_year")
st.caption("Click a bar, a cell or a point to filter on it; the sidebar can undo it.")

# --- a card per modality in view ----------------------------------------------------------
st.subheader("Modalities")
st.caption("Trials testing each kind of medicine (a trial testing two counts in both).")
counts = dict(q("modality_counts").itertuples(index=False))
shown = [m for m in mods if m.id in (filters.modality or scope.modalities_in(picked, order))]
cols = st.columns(3)
for i, m in enumerate(shown):
    with cols[i % 3].container(border=True):
        st.markdown(f"**{m.label}** · {counts.get(m.id, 0):,} trials")
        st.caption(m.definition)  # our own text from modalities.toml
        a, b = st.columns(2)
        a.page_link("pages/modality.py", label="Trials", icon=":material/arrow_forward:",
                    query_params={**filters.to_params(), "modality": [m.id]})
        if m.has_article:
            b.link_button("Explainer", m.explainer_url, icon=":material/menu_book:",
                          help=f"Read the explainer article: {m.label}")
        elif m.explainer_url:
            b.link_button("Explainers", m.explainer_url,
                          help="No article on this yet: the explainers index")
        else:
            b.caption("No explainer yet.")
