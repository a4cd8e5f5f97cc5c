"""Every page starts here, so that any URL works as the first visit of a fresh server.

Because the project has a `pages/` folder, Streamlit runs a new process's first script run as a
"v1" multipage app: a deep link such as `/trials?modality=gene_therapy` runs `pages/trials.py`
alone, without `app.py`, so the snapshot, the sidebar and the filters are missing. `app.py`
registers its pages with `st.navigation`, which switches that mode off for the process, but
only once it has run. A page that finds app.py has not run in this script run switches the
mode off itself and asks for a rerun: the rerun executes app.py, which runs the same page
(the URL still names it) with everything in place.
"""

from __future__ import annotations

import streamlit as st

RAN = "_app_run"  # set by app.py on each script run it starts


def started_by_app() -> None:
    """Stop this run and rerun through app.py unless app.py started it."""
    if st.session_state.get(RAN):
        return
    try:
        from streamlit.runtime.pages_manager import PagesManager
        PagesManager.uses_pages_directory = False  # what st.navigation itself does
    except ImportError:  # a Streamlit without v1 pages: nothing to switch off
        pass
    st.rerun()
