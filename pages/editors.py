"""Editors' desk: what is new, what is rising, what reads out soon, which topics lack an
explainer. The parts live in ui/desk.py; this page only composes them."""

from __future__ import annotations

import streamlit as st

from trialscape.filters import Filters
from trialscape.ingest.areas import default_areas
from trialscape.ui.data import runner
from trialscape.ui.desk import SECTIONS, Desk
from trialscape.ui.entry import started_by_app
from trialscape.ui.layout import labels, page_header

started_by_app()
snap = st.session_state["snapshot"]
filters: Filters = st.session_state["filters"]
q = runner(snap, filters)
page_header("Editors' desk", snap, filters, int(q("count").iloc[0].trials))
if snap.data_day is None:
    st.info("This snapshot has no data date, so nothing can be measured back from it.")
    st.stop()
st.caption(f"Windows are measured back from the data date, {snap.data_day}, not from today.")
desk = Desk(snap=snap, filters=filters, q=q, as_of=snap.data_day, names=labels(),
            area_names=default_areas().labels())
for section in SECTIONS:
    section(desk)
