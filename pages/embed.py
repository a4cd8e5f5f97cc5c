"""One chart alone, for an article's iframe: `/embed?chart=<id>&<filters>&embed=true`.

Hidden from the navigation; app.py draws no sidebar or banner around it. The figure carries
its own source line (data date and filters), and a link opens the full view.
"""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from trialscape import scope
from trialscape.ui import figures
from trialscape.ui.data import modalities, runner
from trialscape.ui.entry import started_by_app
from trialscape.ui.layout import SHOWN, chart, embed_url, labels

started_by_app()
snap = st.session_state["snapshot"]
filters = st.session_state["filters"]
chart_id = st.query_params.get("chart", "")
if chart_id not in figures.FIGURES:
    st.warning("This embed link names no chart trialscape knows. Charts: "
               + ", ".join(sorted(figures.FIGURES)) + ".")
    st.stop()
_, needs_one, what = figures.FIGURES[chart_id]
mods = sorted(modalities(), key=lambda m: m.order)
by_id = {m.id: m for m in mods}
order = [m.id for m in mods]
one = by_id.get(filters.modality[0]) if len(filters.modality) == 1 else None
if needs_one and one is None:
    st.warning(f"This chart ({what}) needs one modality in the link (modality=...).")
    st.stop()
chosen = scope.read(st.query_params.get(scope.URL_NAME))
view = filters if needs_one else scope.scoped(filters, chosen, order)
st.session_state[SHOWN] = view  # the source line under the figure
q = runner(snap, view)
total = int(q("count").iloc[0].trials)
ctx = figures.Context(q, total, labels(), {m.id: m.colour for m in mods}, order,
                      snap.data_day.year if snap.data_day else 2026, one)
built = figures.build(chart_id, ctx)
chart(built.fig, built.data, f"embed_{chart_id}", f"embed_{chart_id}")
page = "modality" if needs_one else ""
full = embed_url(replace(filters).to_params()).replace("/embed?", f"/{page}?")
st.link_button("Open in trialscape", full, icon=":material/open_in_new:", type="tertiary")
