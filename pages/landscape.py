"""Landscape: how many trials, of which kind, at which phase, started when."""

from __future__ import annotations

import streamlit as st

from trialscape import charts, scope
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

# --- the pipeline: main modality x phase, counts in the cells -----------------------------
by_phase = q("modality_by_phase")
cover = q("coverage").iloc[0]
chart(charts.modality_phase_heatmap(
    by_phase, names, order,
    f"The pipeline: trials by main modality and phase ({total:,} trials, each counted once; "
    f"'Not given': {int(cover.no_phase):,} records state no phase, "
    f"{int(cover.no_phase_interventional):,} of them interventional)"),
    by_phase, "pipeline_modality_by_phase", "pipeline", click=("modality", "phase"))

left, right = st.columns(2)
by_primary = q("by_primary_modality")
chart(charts.modality_bars(by_primary, names, colours, order,
                           f"Trials by main modality ({total:,} trials, each counted once)"),
      by_primary, "trials_by_main_modality", "by_primary", left, click=("modality",))
by_status = q("by_status")
chart(charts.status_bars(by_status, f"Status ({int(by_status['trials'].sum()):,} trials)"),
      by_status, "trials_by_status", "by_status", right, click=("status",))

year = snap.data_day.year if snap.data_day else 2026
starts = q("starts_by_year", first_year=year - 25, last_year=year + 2)
chart(charts.starts_small_multiples(
    starts, names, colours, order,
    f"Trial starts per year, one panel per main modality, each on its own scale "
    f"({int(starts['trials'].sum()):,} trials starting {year - 25}–{year + 2}; the last "
    "years are planned starts)"),
    starts, "starts_per_year", "starts", click=("modality", "start_year"))
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
