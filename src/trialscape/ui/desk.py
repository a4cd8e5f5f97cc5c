"""The editors' desk, part by part: what is new, rising topics, firsts, upcoming readouts and
explainer coverage. Each part takes the page's query function and draws one section; every
list respects the sidebar filters, links onward and downloads whole as CSV."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta

import pandas as pd
import streamlit as st

from trialscape import enums, export, words
from trialscape.coverage import explainer_gaps
from trialscape.filters import Filters
from trialscape.ui.data import Snapshot, modalities
from trialscape.ui.sidebar import set_filters
from trialscape.ui.tables import TRIAL_ENUMS, readable, trial_column, trial_links

SHOWN_ROWS = 200  # a reader scans the top of a list; the CSV carries all of it
Query = Callable[..., pd.DataFrame]
# a change's before and after are a status or a phase, in the registry's words
CHANGE_ENUMS: Mapping[str, Mapping[str, str]] = {
    **TRIAL_ENUMS, "old_value": {**enums.STATUSES, **enums.PHASES},
    "new_value": {**enums.STATUSES, **enums.PHASES}}
WINDOWS = {"last": "Since the last refresh", "7": "Last 7 days", "30": "Last 30 days",
           "90": "Last 90 days"}


@dataclass(frozen=True)
class Desk:
    """What every part needs: the snapshot, its filters, its queries and the words to show."""
    snap: Snapshot
    filters: Filters
    q: Query
    as_of: date
    names: Mapping[str, str]       # modality id -> label
    area_names: Mapping[str, str]  # therapeutic area id -> label

    def label(self, modality: str) -> str:
        return self.names.get(modality, modality)

    def csv_name(self, name: str) -> str:
        return f"trialscape_{name}_{self.snap.data_date}.csv"

    def trial_table(self, df: pd.DataFrame, columns: dict[str, str], name: str) -> None:
        """A table whose NCT ids open the trial (the first SHOWN_ROWS), and the whole list
        as CSV, written only when asked for."""
        if df.empty:
            st.caption("Nothing here for these filters.")
            return
        if len(df) > SHOWN_ROWS:
            st.caption(f"Showing the first {SHOWN_ROWS:,} of {len(df):,}; the CSV has them all.")
        top = df.head(SHOWN_ROWS)
        shown = top.assign(link=trial_links(top["nct_id"]))
        if "primary_modality" in shown:
            shown["primary_modality"] = [self.label(m) for m in shown["primary_modality"]]
        dates = [c for c in columns if "date" in c or c in ("first_posted", "changed_on")]
        st.dataframe(readable(shown[["link", *columns]], dates=dates, counts=["enrollment"],
                              enum_words=CHANGE_ENUMS),
                     hide_index=True, width="stretch",
                     column_config={"link": trial_column(), **columns})
        st.download_button("This list (CSV)", lambda: export.frame_csv_bytes(df),
                           file_name=self.csv_name(name), mime="text/csv", key=f"dl_{name}",
                           type="tertiary", icon=":material/download:", on_click="ignore")

    def open_view(self, event: object, table: pd.DataFrame, page: str, **fields: str) -> None:
        """A row picked in `table` opens `page` filtered on that row (fields: filter <- column)."""
        rows = getattr(getattr(event, "selection", None), "rows", None) or []
        if not rows:
            return
        row = table.iloc[rows[0]]
        picked: dict[str, object] = {f: (str(row[c]),) for f, c in fields.items()}
        set_filters(replace(self.filters, **picked))  # type: ignore[arg-type]  # list filters
        st.switch_page(page)


def whats_new(d: Desk) -> None:
    st.header("What's new")
    window = st.segmented_control("Window", list(WINDOWS), format_func=WINDOWS.__getitem__,
                                  default="30", key="desk_window") or "30"
    since = d.as_of - timedelta(days=int(window) if window != "last" else 0)
    if int(d.q("change_count", unfiltered=True).iloc[0].n) == 0:
        st.info("No refresh history in this snapshot yet (it was built by an import or a first "
                "refresh). `trialscape refresh` records what changes from now on; meanwhile, "
                "here are the trials first registered in the window.")
        d.trial_table(d.q("new_registrations", since=since.isoformat()),
                      {"brief_title": "Title", "primary_modality": "Main modality",
                       "status": "Status", "lead_sponsor": "Lead sponsor",
                       "first_posted": "First posted"}, f"new_since_{since}")
        return
    changes = d.q("changes_window", window=window, since=since.isoformat())
    kinds = changes["change"].value_counts()
    c = st.columns(4)
    for col, (kind, label) in zip(c, (("new_trial", "New trials"),
                                      ("status_change", "Status changes"),
                                      ("phase_change", "Phase moves"),
                                      ("results_posted", "Results posted")), strict=True):
        col.metric(label, f"{int(kinds.get(kind, 0)):,}")
    new = changes[changes["change"] == "new_trial"]
    if not new.empty:
        st.subheader("New trials by modality")
        per = new["primary_modality"].map(d.label).value_counts()
        st.dataframe(per.rename_axis("Main modality").reset_index(name="New trials"),
                     hide_index=True)
    stopped = changes[(changes["change"] == "status_change")
                      & changes["new_value"].isin(enums.STOPPED_STATUSES)]
    st.subheader("Stopped: terminated, suspended or withdrawn")
    d.trial_table(stopped, {"brief_title": "Title", "primary_modality": "Main modality",
                            "old_value": "Was", "new_value": "Now",
                            "why_stopped": "Sponsor's reason", "lead_sponsor": "Lead sponsor",
                            "changed_on": "Updated"}, f"stopped_{window}")
    st.subheader("Phase moves")
    d.trial_table(changes[changes["change"] == "phase_change"],
                  {"brief_title": "Title", "primary_modality": "Main modality",
                   "old_value": "Was", "new_value": "Now", "changed_on": "Updated"},
                  f"phase_moves_{window}")
    st.subheader("Results newly posted")
    d.trial_table(changes[changes["change"] == "results_posted"],
                  {"brief_title": "Title", "primary_modality": "Main modality",
                   "lead_sponsor": "Lead sponsor", "changed_on": "Posted"},
                  f"results_{window}")
    st.download_button("Every change in the window (CSV)",
                       lambda: export.frame_csv_bytes(changes),
                       file_name=d.csv_name(f"changes_{window}"), mime="text/csv",
                       on_click="ignore", icon=":material/download:")


def rising_topics(d: Desk) -> None:
    st.header("Rising topics")
    st.caption("Trial starts in the 12 months to the data date against the 12 months before, "
               "per main modality and therapeutic area (or condition). **Score** = (recent − "
               "before) ÷ √(recent + before): growth in units of its own noise, so a jump from "
               "2 to 4 starts ranks below one from 40 to 60. Cells with fewer than 5 recent "
               "starts are left out.")
    kinds: tuple[tuple[str, str, str, Mapping[str, str]], ...] = (
             ("area", "By therapeutic area", "Area", d.area_names),
             ("condition", "By condition", "Condition (MeSH)", {}))
    for tab, (kind, _, column, topic_names) in zip(st.tabs([k[1] for k in kinds]), kinds,
                                                    strict=True):
        with tab:
            _rising(d, kind, column, topic_names)


def _rising(d: Desk, kind: str, column: str, topic_names: Mapping[str, str]) -> None:
    rising = d.q("rising", kind=kind, as_of=d.as_of.isoformat(), min_recent=5, n=20
                 ).rename(columns={"topic": kind})
    if rising.empty:
        st.caption("No cell grows with at least 5 recent starts.")
        return
    shown = rising.assign(modality=[d.label(m) for m in rising["modality"]],
                          **{kind: [topic_names.get(t, t) for t in rising[kind]]})
    st.caption("Pick a row to open its trials.")
    event = st.dataframe(shown, hide_index=True, width="stretch", on_select="rerun",
                         selection_mode="single-row", key=f"rising_{kind}", column_config={
                             "modality": "Main modality", kind: column,
                             "recent": "Starts, last 12 months", "before": "12 months before",
                             "score": st.column_config.NumberColumn("Score", format="%.1f")})
    d.open_view(event, rising, "pages/trials.py", modality="modality", **{kind: kind})
    st.download_button(f"Rising by {kind} (CSV)", export.frame_csv_bytes(rising),
                       file_name=d.csv_name(f"rising_{kind}s"), on_click="ignore",
                       type="tertiary", icon=":material/download:")
    top = rising.iloc[0]
    st.page_link("pages/trials.py", icon=":material/table_rows:",
                 label="Open the top cell's trials (" + words.literal(
                     f"{d.label(top.modality)} · {topic_names.get(top[kind], top[kind])}") + ")",
                 query_params={**d.filters.to_params(), "modality": [top.modality],
                               kind: [top[kind]], "start_from": [str(d.as_of.year - 2)]})


def firsts(d: Desk) -> None:
    st.subheader("Firsts")
    st.caption("A modality tried in a condition for the first time in this snapshot, registered "
               "in the 90 days to the data date (small molecules left out: too many to be "
               "news).")
    d.trial_table(d.q("firsts", as_of=d.as_of.isoformat(), days=90, n=50),
                  {"modality": "Main modality", "condition": "Condition (MeSH)",
                   "first_posted": "First posted"}, "firsts")


def upcoming_readouts(d: Desk) -> None:
    st.header("Upcoming readouts")
    st.caption("Phase 2 and 3 trials still running whose primary completion date falls in the "
               "next 90 days after the data date. Dates are the sponsor's estimates.")
    d.trial_table(d.q("upcoming_readouts", as_of=d.as_of.isoformat(), days=90),
                  {"brief_title": "Title", "primary_modality": "Main modality",
                   "phase": "Phase", "status": "Status", "lead_sponsor": "Lead sponsor",
                   "primary_completion_date": "Primary completion",
                   "enrollment": "Enrolment"}, "upcoming_readouts")


def explainer_coverage(d: Desk) -> None:
    st.header("Explainer coverage")
    st.caption("Busy modalities and kinds with no explainer configured in data/modalities.toml, "
               "by active trials (recruiting or running).")
    gaps = explainer_gaps(d.q("active_by_modality"), modalities())
    st.caption("Pick a row to open its modality page.")
    event = st.dataframe(gaps.drop(columns=["explainer", "modality"]), hide_index=True,
                         width="stretch", on_select="rerun", selection_mode="single-row",
                         key="explainer_gaps",
                         column_config={"topic": "Topic without an explainer", "level": "Level",
                                        "active_trials": "Active trials"})
    d.open_view(event, gaps, "pages/modality.py", modality="modality")
    st.download_button("Explainer gaps (CSV)", export.frame_csv_bytes(gaps),
                       file_name=d.csv_name("explainer_gaps"), on_click="ignore",
                       type="tertiary", icon=":material/download:")


SECTIONS = (whats_new, rising_topics, firsts, upcoming_readouts, explainer_coverage)
