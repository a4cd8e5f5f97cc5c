"""Sponsors: who runs the trials (a leaderboard), and one sponsor's profile."""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from trialscape import charts, enums, export, words
from trialscape.sponsors import LEGAL_FORMS
from trialscape.ui.data import modalities, runner
from trialscape.ui.entry import started_by_app
from trialscape.ui.layout import chart, labels, page_header
from trialscape.ui.sidebar import set_filters
from trialscape.ui.tables import TRIAL_ENUMS, readable, trial_column, trial_links

started_by_app()
snap = st.session_state["snapshot"]
filters = st.session_state["filters"]
q = runner(snap, filters)
names = labels()
order = [m.id for m in sorted(modalities(), key=lambda m: m.order)]
RULE = ("Spellings of one organisation count as one: names are compared after ignoring case, "
        "punctuation, '&' versus 'and', a leading 'The' and legal-form words at the end ("
        + ", ".join(sorted(LEGAL_FORMS)[:12]) + ", ...). Subsidiaries and renamed companies "
        "stay separate.")

if len(filters.sponsor) != 1:
    total = int(q("count").iloc[0].trials)
    page_header("Sponsors", snap, filters, total)
    st.caption(RULE)
    by = st.segmented_control("Rank by", ["trials", "active"], default="trials",
                              format_func={"trials": "All trials",
                                           "active": "Active trials"}.get,
                              key="sponsor_rank") or "trials"
    board = q("sponsor_leaderboard", by=by, n=50)
    st.caption("Lead sponsors of the filtered trials (use 'Sponsor type' in the sidebar for "
               "industry, academic or government only). Pick one for its profile.")
    event = st.dataframe(readable(board, enum_words={"sponsor_class": enums.SPONSOR_CLASSES}),
                         hide_index=True, width="stretch", on_select="rerun",
                         selection_mode="single-row", key="sponsor_board", column_config={
                             "sponsor": "Lead sponsor", "sponsor_class": "Type",
                             "trials": "Trials", "active_trials": "Active trials",
                             "spellings": st.column_config.NumberColumn(
                                 "Spellings", help="Registered spellings counted as one")})
    st.download_button("This leaderboard (CSV)", export.frame_csv_bytes(board),
                       file_name=f"trialscape_sponsors_{snap.data_date}.csv",
                       on_click="ignore", type="tertiary", icon=":material/download:")
    rows = event.selection.rows if event else []
    if rows:
        set_filters(replace(filters, sponsor=(board.iloc[rows[0]].sponsor,)))
        st.rerun()
    st.stop()

sponsor = filters.sponsor[0]
total = int(q("count").iloc[0].trials)
page_header(sponsor, snap, filters, total)
spellings = q("sponsor_spellings", unfiltered=True, sponsor=sponsor)["name"].tolist()
if len(spellings) > 1:
    st.caption("Counted as one organisation: " + " · ".join(map(words.literal, spellings)))
st.caption(RULE)
if total == 0:
    st.info("No trial of this sponsor matches the other filters.")
    st.stop()
pipeline = q("modality_by_phase")
chart(charts.modality_phase_heatmap(pipeline, names, order,
                                    f"Pipeline: main modality by phase ({total:,} trials)"),
      pipeline, "sponsor_pipeline", "pipeline", click=("modality", "phase"))
left, right = st.columns(2)
conds = q("top_conditions", n=12)
with_mesh = int(q("coverage").iloc[0].with_mesh)
chart(charts.bars(conds["condition"].tolist(), conds["trials"].tolist(),
                  f"Conditions: the registry's MeSH terms ({with_mesh:,} of {total:,} trials "
                  "carry any)", what="Condition (MeSH term)"), conds, "sponsor_conditions",
      "conds", left, click=("condition",))
collab = q("top_collaborators", n=12)
if collab.empty:
    right.caption("No collaborators listed on these trials.")
else:
    chart(charts.bars(collab["collaborator"].tolist(), collab["trials"].tolist(),
                      "Collaborators", what="Collaborator"), collab, "sponsor_collaborators",
          "collab", right)
st.markdown("**Most recent trials**")
recent = q("newest_trials", n=15)
st.dataframe(readable(recent.assign(
    link=trial_links(recent["nct_id"]),
    modality=[names.get(m, m) for m in recent["primary_modality"]])
    [["link", "brief_title", "modality", "phase", "status", "first_posted"]],
    dates=["first_posted"], enum_words=TRIAL_ENUMS),
    hide_index=True, width="stretch", column_config={
        "link": trial_column(),
        "brief_title": "Title", "modality": "Main modality", "phase": "Phase",
        "status": "Status", "first_posted": "First posted"})
st.button("Back to the leaderboard", on_click=set_filters,
          args=(replace(filters, sponsor=()),), icon=":material/arrow_back:")
