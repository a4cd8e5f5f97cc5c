"""Trials: the filtered trials, a page at a time; one trial in detail; export of all of them."""

from __future__ import annotations

import streamlit as st

from trialscape import export, words
from trialscape.enums import NCT_ID
from trialscape.ingest.areas import default_areas
from trialscape.ui.data import export_rows, runner
from trialscape.ui.entry import started_by_app
from trialscape.ui.layout import labels, page_header, sub_labels
from trialscape.ui.tables import TRIAL_ENUMS, fitted_height, readable, trial_column, trial_links
from trialscape.ui.trial import trial_detail

PAGE_SIZE = 100
SORTS = {"start_desc": "Start date, newest first", "start_asc": "Start date, oldest first",
         "posted_desc": "Newest registered first", "enrollment_desc": "Largest first",
         "title": "Title, A to Z"}

started_by_app()
snap = st.session_state["snapshot"]
filters = st.session_state["filters"]
q = runner(snap, filters)
names = labels()
total = int(q("count").iloc[0].trials)
page_header("Trials", snap, filters, total)

# --- export: the work happens only when a button is clicked ------------------------------


def csv_data() -> bytes:
    return export.csv_bytes(export_rows(snap.path, snap.version, filters))


def xlsx_data() -> bytes:
    table = export_rows(snap.path, snap.version, filters)
    return export.xlsx_bytes(table, export.provenance(filters, snap.info, table.num_rows, names,
                                                      default_areas().labels()))


a, b, _ = st.columns([1, 1, 2])
a.download_button(f"{total:,} trials (CSV)", csv_data,
                  file_name=export.file_name(filters, snap.data_date, "csv"), mime="text/csv",
                  type="primary", icon=":material/download:", on_click="ignore",
                  disabled=total == 0, help="Exactly the filtered trials, one row each.")
too_big = total > export.DASHBOARD_XLSX_MAX
b.download_button("Excel (.xlsx)", xlsx_data,
                  file_name=export.file_name(filters, snap.data_date, "xlsx"),
                  mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                  icon=":material/download:", on_click="ignore",
                  disabled=total == 0 or too_big,
                  help="Trials on the first sheet; the filters and the snapshot's date and "
                  "source on the second.")
if too_big:
    st.caption(f"Excel files are built on this server, which serves other readers too, so the "
               f"dashboard makes them for up to {export.DASHBOARD_XLSX_MAX:,} trials. For more, "
               "take the CSV, or run `trialscape export --out trials.xlsx` with the same "
               "filters on your own machine.")
if total == 0:
    st.info("No trial matches these filters. Remove one in the sidebar, or clear them all.")
    st.stop()

# --- the table, a page at a time ----------------------------------------------------------
pages = (total + PAGE_SIZE - 1) // PAGE_SIZE
c1, c2 = st.columns([2, 1])
sort = c1.selectbox("Order", list(SORTS), format_func=SORTS.get, key="trials_sort")
page_no = c2.number_input(f"Page (of {pages:,})", min_value=1, max_value=pages, value=1,
                          key="trials_page")
rows = q("trials_page", sort=sort, limit=PAGE_SIZE, offset=(int(page_no) - 1) * PAGE_SIZE)
st.caption(f"Trials {(int(page_no) - 1) * PAGE_SIZE + 1:,}–"
           f"{min(int(page_no) * PAGE_SIZE, total):,} of {total:,}. The NCT number opens the "
           "trial on ClinicalTrials.gov.")
shown = rows.assign(
    link=trial_links(rows["nct_id"]),
    modality=[names.get(m, m) for m in rows["primary_modality"]],
)[["link", "brief_title", "modality", "phase", "status", "lead_sponsor", "start_date",
   "enrollment"]]
st.dataframe(readable(shown, dates=["start_date"], counts=["enrollment"],
                      enum_words=TRIAL_ENUMS), hide_index=True,
             width="stretch", height=fitted_height(len(shown)), column_config={
    "link": trial_column(),
    "brief_title": st.column_config.TextColumn("Title", width="large"),
    "modality": st.column_config.TextColumn("Main modality"),
    "phase": "Phase", "status": "Status", "lead_sponsor": "Lead sponsor",
    "start_date": "Start",
    "enrollment": st.column_config.TextColumn("Enrolment",
                                              help="Participants, actual or planned"),
})

# --- one trial in detail ------------------------------------------------------------------
st.subheader("One trial in detail")
ids = rows["nct_id"].tolist()
titles = dict(zip(rows["nct_id"], rows["brief_title"], strict=True))
linked = (st.query_params.get("nct") or "").strip().upper()
if linked and not NCT_ID.match(linked):
    # the link's own text is never shown: it could carry a message or a link of anyone's
    st.warning("The link names a trial that is not an NCT number (NCT and 8 digits); "
               "showing the first trial of the list instead.")
    linked = ""
choice = st.selectbox("Trial", ids, index=ids.index(linked) if linked in ids else 0,
                      format_func=lambda n: f"{n}: {words.text(titles.get(n), '(no title)')}",
                      key="trials_detail")
typed = st.text_input("…or type an NCT number", value=linked if linked and linked not in ids
                      else "", placeholder="NCT01234567", key="trials_nct").strip().upper()
if typed and not NCT_ID.match(typed):
    st.warning("An NCT number is NCT followed by 8 digits, e.g. NCT01234567.")
    typed = ""
nct = typed or choice
if nct and nct != ids[0]:  # a chosen trial is part of the shareable link
    st.query_params["nct"] = nct
elif "nct" in st.query_params:
    del st.query_params["nct"]
facts = q("trial", nct_id=nct)
if facts.empty:
    st.warning(f"{nct} is not in this snapshot.")  # nct is checked: NCT and 8 digits
    st.stop()
trial_detail(facts.iloc[0], q("trial_placements", nct_id=nct),
             q("trial_interventions", nct_id=nct), names, sub_labels(),
             q("trial_attributes", nct_id=nct))
