"""trialscape: the clinical-trial landscape. Registers pages; draws what every page shares."""

from __future__ import annotations

import streamlit as st

from trialscape.snapshot.info import SnapshotMissing
from trialscape.ui.data import current_snapshot

st.set_page_config(page_title="trialscape: the clinical-trial landscape", page_icon="🧬",
                   layout="wide")

try:
    snapshot = current_snapshot()
except SnapshotMissing as err:
    st.title("No trial data yet")
    st.write(f"trialscape could not open its snapshot: {err}.")
    st.write("Build one, then reload this page:")
    st.code("./dev trialscape demo            # fictional demo data, no network\n"
            "./dev trialscape import FILES... # ClinicalTrials.gov downloads\n"
            "./dev trialscape refresh         # straight from the ClinicalTrials.gov API",
            language="bash")
    st.stop()

st.session_state["snapshot"] = snapshot
if snapshot.is_demo:
    st.warning("**Fictional demo data.** Every trial, sponsor and product on these pages is "
               "invented, to show how trialscape works. It describes no real study.", icon="⚠️")

page = st.navigation([
    st.Page("pages/landscape.py", title="Landscape", icon="🗺️", default=True),
    st.Page("pages/about.py", title="About the data", icon="ℹ️"),
])
st.sidebar.caption(f"Data from ClinicalTrials.gov, snapshot of {snapshot.data_date}"
                   + (" (fictional demo)" if snapshot.is_demo else ""))
page.run()
