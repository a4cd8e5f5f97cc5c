"""Editors' desk: what is new, what is rising, what reads out soon, which topics lack an
explainer. Every list respects the sidebar filters, links onward and downloads as CSV."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pandas as pd
import streamlit as st

from trialscape import enums, export, words
from trialscape.coverage import explainer_gaps
from trialscape.filters import Filters
from trialscape.ingest.areas import default_areas
from trialscape.ui.data import modalities, runner
from trialscape.ui.entry import started_by_app
from trialscape.ui.layout import labels, page_header
from trialscape.ui.sidebar import set_filters
from trialscape.ui.tables import readable, trial_column, trial_links

started_by_app()
snap = st.session_state["snapshot"]
filters: Filters = st.session_state["filters"]
q = runner(snap, filters)
names = labels()
area_names = default_areas().labels()
as_of = snap.data_day
total = int(q("count").iloc[0].trials)
page_header("Editors' desk", snap, filters, total)
if as_of is None:
    st.info("This snapshot has no data date, so nothing can be measured back from it.")
    st.stop()
st.caption(f"Windows are measured back from the data date, {as_of}, not from today.")


def open_view(event, table: pd.DataFrame, page: str, **fields: str) -> None:
    """A row picked in `table` opens `page` filtered on that row (fields: filter <- column)."""
    rows = event.selection.rows if event else []
    if not rows:
        return
    row = table.iloc[rows[0]]
    set_filters(replace(filters, **{f: (str(row[c]),) for f, c in fields.items()}))
    st.switch_page(page)


SHOWN_ROWS = 200  # a reader scans the top of a list; the CSV carries all of it


def trial_table(df: pd.DataFrame, columns: dict[str, str], name: str) -> None:
    """A table whose NCT ids open the trial (the first SHOWN_ROWS), and the whole list as CSV,
    written only when asked for."""
    if df.empty:
        st.caption("Nothing here for these filters.")
        return
    if len(df) > SHOWN_ROWS:
        st.caption(f"Showing the first {SHOWN_ROWS:,} of {len(df):,}; the CSV has them all.")
    top = df.head(SHOWN_ROWS)
    shown = top.assign(link=trial_links(top["nct_id"]))
    if "primary_modality" in shown:
        shown["primary_modality"] = [names.get(m, m) for m in shown["primary_modality"]]
    for col, mapping in (("phase", enums.PHASES), ("status", enums.STATUSES),
                         ("old_value", {**enums.STATUSES, **enums.PHASES}),
                         ("new_value", {**enums.STATUSES, **enums.PHASES})):
        if col in shown:
            shown[col] = [words.enum(mapping, v, missing="") for v in shown[col]]
    dates = [c for c in columns if "date" in c or c in ("first_posted", "changed_on")]
    st.dataframe(readable(shown[["link", *columns]], dates=dates, counts=["enrollment"]),
                 hide_index=True, width="stretch",
                 column_config={"link": trial_column(), **columns})
    st.download_button("This list (CSV)", lambda: export.frame_csv_bytes(df),
                       file_name=f"trialscape_{name}_{snap.data_date}.csv", mime="text/csv",
                       key=f"dl_{name}", type="tertiary", icon=":material/download:",
                       on_click="ignore")


# --- what's new -------------------------------------------------------------------------
st.header("What's new")
windows = {"last": "Since the last refresh", "7": "Last 7 days", "30": "Last 30 days",
           "90": "Last 90 days"}
window = st.segmented_control("Window", list(windows), format_func=windows.get,
                              default="30", key="desk_window") or "30"
since = as_of - timedelta(days=int(window) if window != "last" else 0)
changes: pd.DataFrame | None = None
if int(q("change_count", unfiltered=True).iloc[0].n) == 0:
    st.info("No refresh history in this snapshot yet (it was built by an import or a first "
            "refresh). `trialscape refresh` records what changes from now on; meanwhile, here "
            "are the trials first registered in the window.")
    new = q("new_registrations", since=since.isoformat())
    trial_table(new, {"brief_title": "Title", "primary_modality": "Main modality",
                      "status": "Status", "lead_sponsor": "Lead sponsor",
                      "first_posted": "First posted"}, f"new_since_{since}")
else:
    changes = q("changes_window", window=window, since=since.isoformat())
if changes is not None:
    kinds = changes["change"].value_counts()
    c = st.columns(4)
    c[0].metric("New trials", f"{int(kinds.get('new_trial', 0)):,}")
    c[1].metric("Status changes", f"{int(kinds.get('status_change', 0)):,}")
    c[2].metric("Phase moves", f"{int(kinds.get('phase_change', 0)):,}")
    c[3].metric("Results posted", f"{int(kinds.get('results_posted', 0)):,}")
    new = changes[changes["change"] == "new_trial"]
    if not new.empty:
        st.subheader("New trials by modality")
        per = new["primary_modality"].map(lambda m: names.get(m, m)).value_counts()
        st.dataframe(per.rename_axis("Main modality").reset_index(name="New trials"),
                     hide_index=True)
    stopped = changes[(changes["change"] == "status_change")
                      & changes["new_value"].isin(enums.STOPPED_STATUSES)]
    st.subheader("Stopped: terminated, suspended or withdrawn")
    trial_table(stopped, {"brief_title": "Title", "primary_modality": "Main modality",
                          "old_value": "Was", "new_value": "Now",
                          "why_stopped": "Sponsor's reason", "lead_sponsor": "Lead sponsor",
                          "changed_on": "Updated"}, f"stopped_{window}")
    st.subheader("Phase moves")
    trial_table(changes[changes["change"] == "phase_change"],
                {"brief_title": "Title", "primary_modality": "Main modality",
                 "old_value": "Was", "new_value": "Now", "changed_on": "Updated"},
                f"phase_moves_{window}")
    st.subheader("Results newly posted")
    trial_table(changes[changes["change"] == "results_posted"],
                {"brief_title": "Title", "primary_modality": "Main modality",
                 "lead_sponsor": "Lead sponsor", "changed_on": "Posted"},
                f"results_{window}")
    st.download_button("Every change in the window (CSV)",
                       lambda: export.frame_csv_bytes(changes),
                       file_name=f"trialscape_changes_{window}_{snap.data_date}.csv",
                       mime="text/csv", on_click="ignore", icon=":material/download:")

# --- rising topics ----------------------------------------------------------------------
st.header("Rising topics")
st.caption("Trial starts in the 12 months to the data date against the 12 months before, per "
           "main modality and therapeutic area (or condition). **Score** = (recent − before) "
           "÷ √(recent + before): growth in units of its own noise, so a jump from 2 to 4 "
           "starts ranks below one from 40 to 60. Cells with fewer than 5 recent starts are "
           "left out.")
RISING = (("area", "By therapeutic area", "Area", area_names),
          ("condition", "By condition", "Condition (MeSH)", {}))
for tab, (kind, _, column, topic_names) in zip(st.tabs([r[1] for r in RISING]), RISING,
                                                strict=True):
    with tab:
        rising = q("rising", kind=kind, as_of=as_of.isoformat(), min_recent=5, n=20
                   ).rename(columns={"topic": kind})
        if rising.empty:
            st.caption("No cell grows with at least 5 recent starts.")
            continue
        shown = rising.assign(modality=[names.get(m, m) for m in rising["modality"]],
                              **{kind: [topic_names.get(t, t) for t in rising[kind]]})
        st.caption("Pick a row to open its trials.")
        event = st.dataframe(shown, hide_index=True, width="stretch", on_select="rerun",
                             selection_mode="single-row", key=f"rising_{kind}", column_config={
                                 "modality": "Main modality", kind: column,
                                 "recent": "Starts, last 12 months",
                                 "before": "12 months before",
                                 "score": st.column_config.NumberColumn("Score",
                                                                        format="%.1f")})
        open_view(event, rising, "pages/trials.py", modality="modality", **{kind: kind})
        st.download_button(f"Rising by {kind} (CSV)", export.frame_csv_bytes(rising),
                           file_name=f"trialscape_rising_{kind}s_{snap.data_date}.csv",
                           on_click="ignore", type="tertiary", icon=":material/download:")
        top = rising.iloc[0]
        st.page_link("pages/trials.py", icon=":material/table_rows:",
                     label="Open the top cell's trials (" + words.literal(
                         f"{names.get(top.modality, top.modality)} · "
                         f"{topic_names.get(top[kind], top[kind])}") + ")",
                     query_params={**filters.to_params(), "modality": [top.modality],
                                   kind: [top[kind]], "start_from": [str(as_of.year - 2)]})

st.subheader("Firsts")
st.caption("A modality tried in a condition for the first time in this snapshot, registered in "
           "the 90 days to the data date (small molecules left out: too many to be news).")
firsts = q("firsts", as_of=as_of.isoformat(), days=90, n=50)
trial_table(firsts, {"modality": "Main modality", "condition": "Condition (MeSH)",
                     "first_posted": "First posted"}, "firsts")

# --- upcoming readouts --------------------------------------------------------------------
st.header("Upcoming readouts")
st.caption("Phase 2 and 3 trials still running whose primary completion date falls in the next "
           "90 days after the data date. Dates are the sponsor's estimates.")
readouts = q("upcoming_readouts", as_of=as_of.isoformat(), days=90)
trial_table(readouts, {"brief_title": "Title", "primary_modality": "Main modality",
                       "phase": "Phase", "status": "Status", "lead_sponsor": "Lead sponsor",
                       "primary_completion_date": "Primary completion",
                       "enrollment": "Enrolment"}, "upcoming_readouts")

# --- explainer coverage -----------------------------------------------------------------
st.header("Explainer coverage")
st.caption("Busy modalities and kinds with no explainer configured in data/modalities.toml, by "
           "active trials (recruiting or running).")
gaps = explainer_gaps(q("active_by_modality"), modalities())
st.caption("Pick a row to open its modality page.")
event = st.dataframe(gaps.drop(columns=["explainer", "modality"]), hide_index=True,
                     width="stretch", on_select="rerun", selection_mode="single-row",
                     key="explainer_gaps",
                     column_config={"topic": "Topic without an explainer", "level": "Level",
                                    "active_trials": "Active trials"})
open_view(event, gaps, "pages/modality.py", modality="modality")
st.download_button("Explainer gaps (CSV)", export.frame_csv_bytes(gaps),
                   file_name=f"trialscape_explainer_gaps_{snap.data_date}.csv",
                   on_click="ignore", type="tertiary", icon=":material/download:")
