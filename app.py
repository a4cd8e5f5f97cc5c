"""trialscape: the clinical-trial landscape. Registers pages; draws what every page shares."""

from __future__ import annotations

import time
from datetime import UTC, datetime

import streamlit as st

from trialscape.filters import Filters
from trialscape.snapshot.info import SnapshotMissing
from trialscape.ui.data import current_snapshot
from trialscape.ui.entry import RAN
from trialscape.ui.sidebar import filter_sidebar
from trialscape.ui.timing import log_run

started = time.perf_counter()

STALE_AFTER_DAYS = 4  # the registry updates on weekdays: a weekend alone is not "stale"

st.set_page_config(page_title="trialscape: the clinical-trial landscape", page_icon="🧬",
                   layout="wide")
st.session_state[RAN] = True  # pages check it (ui/entry.py): they never run without app.py


def no_data(reason: str) -> None:
    st.title("No trial data yet")
    st.text(f"trialscape could not open its snapshot: {reason}.")
    st.write("Build one, then reload this page:")
    st.code("./dev trialscape demo            # fictional demo data, no network\n"
            "./dev trialscape import FILES... # ClinicalTrials.gov downloads\n"
            "./dev trialscape refresh         # straight from the ClinicalTrials.gov API",
            language="bash")
    st.stop()


try:
    snapshot = current_snapshot()
except SnapshotMissing as err:
    no_data(str(err))
if not snapshot.is_current_schema:
    st.title("This snapshot needs rebuilding")
    st.write("It was built by an older version of trialscape whose tables had another shape "
             "(docs/schema.md says what changed). Build it again from its source, then reload "
             "this page:")
    st.code("./dev trialscape refresh --full   # from the ClinicalTrials.gov API\n"
            "./dev trialscape import FILES...  # or from downloaded files", language="bash")
    st.stop()
if not snapshot.is_current_shape:
    st.title("This snapshot needs a quick update")
    st.write("It was built by an older version of trialscape. Rebuild its derived tables "
             "(seconds to a minute; no download), then reload this page:")
    st.code("./dev trialscape classify", language="bash")
    st.stop()

st.session_state["snapshot"] = snapshot
page = st.navigation([
    st.Page("pages/landscape.py", title="Landscape", icon=":material/public:", default=True),
    st.Page("pages/modality.py", title="Modality", icon=":material/genetics:"),
    st.Page("pages/trials.py", title="Trials", icon=":material/table_rows:"),
    st.Page("pages/sponsors.py", title="Sponsors", icon=":material/domain:"),
    st.Page("pages/conditions.py", title="Conditions", icon=":material/stethoscope:"),
    st.Page("pages/editors.py", title="Editors' desk", icon=":material/edit_note:"),
    st.Page("pages/about.py", title="About the data", icon=":material/info:"),
    # one chart alone, for an article's iframe (pages/embed.py): not in the menu
    st.Page("pages/embed.py", title="Embedded chart", url_path="embed", visibility="hidden"),
], position="hidden" if st.context.is_embedded or "chart" in st.query_params else "sidebar")
embedded = page.url_path == "embed"
if snapshot.is_demo:  # said even in an embedded chart: fictional data never passes as real
    st.warning("**Fictional demo data.** Every trial, sponsor and product on these pages is "
               "invented, to show how trialscape works. It describes no real study.",
               icon=":material/warning:")
elif snapshot.data_day and not embedded:  # an embedded chart's source line gives its date
    age = (datetime.now(UTC).date() - snapshot.data_day).days
    if age > STALE_AFTER_DAYS:
        st.info(f"These figures use {snapshot.data_words}, {age} days ago; trials registered "
                "or updated since then are not included.",
                icon=":material/schedule:")
if embedded:  # no sidebar around an embedded chart
    st.session_state["filters"] = Filters.from_params(
        {k: st.query_params.get_all(k) for k in st.query_params.keys()})  # noqa: SIM118
    try:
        page.run()
    finally:
        log_run(page.title, time.perf_counter() - started)
    st.stop()
filter_sidebar(snapshot)
st.sidebar.caption(("Fictional demo data, dated " + snapshot.data_date) if snapshot.is_demo
                   else snapshot.data_words[0].upper() + snapshot.data_words[1:])
try:
    page.run()
finally:  # st.stop() ends a page by raising; its run still counts
    log_run(page.title, time.perf_counter() - started)
