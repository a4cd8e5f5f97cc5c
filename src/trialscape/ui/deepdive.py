"""The advanced-therapy overviews: what a reader of the gene-therapy explainer was taught to
look for (inherited or acquired, in the body or in the lab, the vehicle, where it goes, the
follow-up), and the same depth for gene editing and engineered cells.

Every bar is a value of trial_attributes (classify/attributes.py) with its "not stated in the
record" bucket kept; a click narrows to that feature (`feature=vector:AAV` in the link).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

import pandas as pd
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from trialscape import charts
from trialscape.classify.attributes import NOT_STATED, default_rules
from trialscape.classify.model import Modality
from trialscape.filters import Filters
from trialscape.ui.layout import chart
from trialscape.ui.tables import TRIAL_ENUMS, readable, trial_column, trial_links

# The article's own examples, as condition filters (a trial matches any phrase).
EXAMPLES = {
    "Haemophilia": ("hemophilia", "haemophilia", "factor viii deficiency",
                    "factor ix deficiency"),
    "Inherited blindness": ("retinal dystrophy", "retinitis pigmentosa", "leber", "rpe65",
                            "choroideremia", "achromatopsia", "retinoschisis", "stargardt",
                            "usher syndrome"),
    "Spinal muscular atrophy": ("spinal muscular atrophy",),
}


def attribute_counts(q: Callable[..., pd.DataFrame], attribute: str, total: int
                     ) -> pd.DataFrame:
    """value, trials for one attribute, "NOT_STATED" last (one query, by_attributes, serves
    every attribute of the page)."""
    every = q("by_attributes")
    part = every[every["attribute"] == attribute]
    stated = int(part["stated"].iloc[0]) if not part.empty else 0
    rows = part[["value", "trials"]]
    if total - stated > 0:
        rows = pd.concat([rows, pd.DataFrame({"value": ["NOT_STATED"],
                                              "trials": [total - stated]})])
    return rows.reset_index(drop=True)


def attribute_chart(q: Callable[..., pd.DataFrame], m: Modality, total: int, attribute: str,
                    title: str, where: DeltaGenerator | None = None) -> None:
    """One attribute's bars; `total` is the page's trial count (the rest are "not stated")."""
    data = attribute_counts(q, attribute, total)
    if data.empty:
        return
    labels = [NOT_STATED if v == "NOT_STATED" else v for v in data["value"]]
    ids = ["NOT_GIVEN" if v == "NOT_STATED" else f"{attribute}:{v}" for v in data["value"]]
    chart(charts.bars(labels, data["trials"].tolist(), title, m.colour, ids=ids,
                      what=default_rules().labels.get(attribute, attribute)),
          data, f"{m.id}_{attribute}", f"{m.id}_attr_{attribute}", where, click=("feature",))


def gene_therapy(q: Callable[..., pd.DataFrame], m: Modality, filters: Filters,
                 total: int) -> None:
    st.subheader("The article's examples")
    patterns = ["|".join(re.escape(p) for p in phrases) for phrases in EXAMPLES.values()]
    counts = q("example_counts", first=patterns[0], second=patterns[1],
               third=patterns[2]).iloc[0].tolist()
    cols = st.columns(len(EXAMPLES))
    for col, (name, phrases), n in zip(cols, EXAMPLES.items(), counts, strict=True):
        view = replace(filters, condition=phrases)  # the condition filter: any phrase
        col.metric(name, f"{int(n):,} trials")
        col.page_link("pages/trials.py", label=f"Open the {name.lower()} trials",
                      icon=":material/arrow_forward:", query_params=view.to_params())

    st.subheader("Inherited or acquired, in active studies")
    st.caption("Active = recruiting, not yet recruiting, enrolling by invitation or active. A "
               "condition is inherited when the registry's MeSH tree files it under inborn "
               "genetic or congenital, hereditary and neonatal diseases, or when it is on "
               "trialscape's reviewed list of monogenic diseases (haemophilia, SMA, Duchenne, "
               "inherited retinal dystrophies, sickle cell, beta-thalassaemia, ADA-SCID, "
               "MLD...); otherwise acquired (cancers, infections, heart failure...).")
    ranked = q("active_conditions_by_inheritance", n=12,
               monogenic="(?i)" + default_rules().monogenic.pattern)
    left, right = st.columns(2)
    for where, kind in ((left, "Inherited"), (right, "Acquired")):
        part = ranked[ranked["inheritance"] == kind]
        if part.empty:
            where.caption(f"No active {kind.lower()}-disease trial matches these filters.")
            continue
        chart(charts.bars(part["condition"].tolist(), part["trials"].tolist(),
                          f"{kind} diseases: conditions of active trials", m.colour,
                          what="Condition (as registered)"),
              part, f"{m.id}_active_{kind.lower()}", f"{m.id}_active_{kind}", where,
              click=("condition",))

    left, right = st.columns(2)
    attribute_chart(q, m, total, "delivery", f"In the body or in the lab ({total:,} trials)",
                    left)
    with right:
        st.markdown("**In the body or in the lab**")
        st.write("In vivo: the gene is given into the body, usually inside a virus (AAV for "
                 "the eye, liver, muscle or brain). Ex vivo: cells are taken out, given the "
                 "gene in the lab and returned, as for blood stem cells in sickle cell disease "
                 "or thalassaemia. CAR-T cells, the article's \"specialized version\", are "
                 "counted on their own page.")
        st.page_link("pages/modality.py", label="CAR-T and engineered cells",
                     icon=":material/arrow_forward:",
                     query_params=replace(filters, modality=("engineered_cell_therapy",),
                                          feature=()).to_params())
    left, right = st.columns(2)
    attribute_chart(q, m, total, "vector",
                    f"The vehicle ({total:,} trials; a trial can use two)", left)
    attribute_chart(q, m, total, "serotype", "AAV serotypes, where the record names one", right)
    attribute_chart(q, m, total, "target",
                    f"Where it goes ({total:,} trials; a trial can aim at two)")
    follow_up(q)


def follow_up(q: Callable[..., pd.DataFrame]) -> None:
    st.subheader("The one-shot and its follow-up")
    studies = q("follow_up_trials")
    st.caption("A gene therapy is given once, and its effects are followed for years: the "
               "regulators ask for up to 15 years after integrating vectors. "
               f"{len(studies):,} long-term follow-up studies match these filters; where the "
               "record names the trials it follows, they are listed.")
    if studies.empty:
        return
    shown = studies.assign(link=trial_links(studies["nct_id"]))
    st.dataframe(readable(shown[["link", "brief_title", "status", "start_date", "follows"]],
                          dates=["start_date"], missing="", enum_words=TRIAL_ENUMS),
                 hide_index=True, width="stretch", column_config={
                     "link": trial_column(),
                     "brief_title": "Title", "status": "Status", "start_date": "Start",
                     "follows": "Follows (NCT numbers named in the record)"})


# Sections of charts for the other advanced modalities: rows of (attribute, chart title);
# "{total}" is the modality's trial count.
GRIDS: dict[str, tuple[str, list[list[tuple[str, str]]]]] = {
    "gene_editing": ("How the gene is edited", [
        [("editor", "The editor ({total} trials)"),
         ("edit_target", "What is edited, where the record says")],
        [("delivery", "In the body or in the lab ({total} trials)"),
         ("inheritance", "Inherited or acquired")],
        [("target", "Where it goes")]]),
    "engineered_cell_therapy": ("Which cells, against what", [
        [("cell_kind", "Kind of engineered cell ({total} trials)"),
         ("donor", "Whose cells: autologous or allogeneic")],
        [("antigen", "Target antigen, where the record names it"),
         ("indication", "What it treats: blood cancers, solid tumours, autoimmune disease")]]),
}


def grid(q: Callable[..., pd.DataFrame], m: Modality, filters: Filters, total: int) -> None:
    heading, rows = GRIDS[m.id]
    st.subheader(heading)
    for row in rows:
        places = st.columns(len(row)) if len(row) > 1 else [None]
        for where, (attribute, title) in zip(places, row, strict=True):
            attribute_chart(q, m, total, attribute, title.format(total=f"{total:,}"), where)


SECTIONS = {"gene_therapy": gene_therapy, "gene_editing": grid,
            "engineered_cell_therapy": grid}
