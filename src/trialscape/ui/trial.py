"""One trial in detail: its facts, why trialscape places it where it does, its interventions.

Registry text is shown with text elements (st.text, dataframe cells), never as markdown or
HTML; every missing value is shown in words (trialscape.words).
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from trialscape import enums, words
from trialscape.classify.attributes import default_rules
from trialscape.classify.corrections import COLUMNS, suggested
from trialscape.ingest.normalise import is_unusual_phase_list


def phase_words(t: pd.Series) -> str:
    raw = words.items(t.registry_phases)
    if words.is_missing(t.phase):
        return ("Not applicable (observational)" if t.study_type == "OBSERVATIONAL"
                else words.NOT_GIVEN)
    shown = words.enum(enums.PHASES, t.phase)
    if raw and is_unusual_phase_list(raw):
        return f"{shown} (registered as {words.phase_list(raw)})"
    return shown


def status_note(t: pd.Series) -> str | None:
    """Why the status shown differs from the record's own word, if it does."""
    if words.is_missing(t.registry_status) or t.registry_status == t.status:
        return None
    said = words.enum(enums.STATUSES, t.registry_status)
    verified = words.day(t.status_verified_date, missing="")
    return (f"The record says '{said}'" + (f", last verified {verified[:7]}" if verified else "")
            + ". ClinicalTrials.gov shows such a status as unknown once nobody has verified "
            "it for two years; so does trialscape, counted from the data date.")


def sponsor_words(t: pd.Series) -> str:
    name = words.text(t.lead_sponsor)
    if words.is_missing(t.lead_sponsor_class):
        return name
    kind = words.enum(enums.SPONSOR_CLASSES, t.lead_sponsor_class)
    inferred = not words.is_missing(t.lead_sponsor_class_inferred) and bool(
        t.lead_sponsor_class_inferred)
    return f"{name} ({kind}{', read from the name' if inferred else ''})"


def trial_detail(t: pd.Series, placements: pd.DataFrame, interventions: pd.DataFrame,
                 names: dict[str, str], kinds: dict[str, str],
                 features: pd.DataFrame | None = None) -> None:
    nct = t.nct_id
    with st.container(border=True):
        st.markdown(f"#### [{nct}](https://clinicaltrials.gov/study/{nct})")  # NCT + 8 digits
        st.text(words.cut(t.brief_title, TITLE_CHARS, "(no title)"))
        if not words.is_missing(t.official_title) and t.official_title != t.brief_title:
            st.caption("Official title")
            st.text(words.cut(t.official_title, TITLE_CHARS))
        c1, c2, c3, c4 = st.columns(4)
        c1.metric("Phase", phase_words(t))
        c2.metric("Status", words.enum(enums.STATUSES, t.status))
        c3.metric("Enrolment", words.count(t.enrollment))
        c4.metric("Start", words.day(t.start_date))
        note = status_note(t)
        if note:
            st.caption(words.literal(note))
        st.caption("Lead sponsor")
        st.text(words.cut(sponsor_words(t), TITLE_CHARS))
        if not words.is_missing(t.why_stopped):
            st.caption("Why it stopped, as the sponsor says")
            st.text(words.cut(t.why_stopped, TEXT_CHARS))
        st.caption("Conditions")
        st.text(words.cut("; ".join(words.items(t.conditions)) or words.NOT_GIVEN, TEXT_CHARS))

        st.markdown("**Why trialscape places it where it does**")
        for p in placements.itertuples(index=False):
            tag = "main modality" if p.is_primary else "also tested"
            kind = ("" if words.is_missing(p.submodality)
                    else f", {kinds.get(p.submodality, p.submodality)}")
            st.text(f"{names.get(p.modality, p.modality)} ({tag}{kind}): "
                    + words.cut(p.evidence, TEXT_CHARS, "no evidence recorded"))
        if features is not None and not features.empty:
            st.markdown("**What the record says beyond the modality**")
            labels = default_rules().labels
            for f in features.itertuples(index=False):
                st.text(f"{labels.get(f.attribute, f.attribute)}: {f.value} — "
                        + words.cut(f.evidence, TEXT_CHARS))
        if not placements.empty:
            with st.expander("This placement looks wrong?"):
                st.write("Editors correct a trial by adding one line to `data/corrections.csv`"
                         " and running `trialscape classify`. The line for this trial, with "
                         "today's placement filled in: change the modalities (separated by "
                         "';') and the main one, and say why.")
                ordered = placements.sort_values("is_primary", ascending=False)
                line = suggested(nct, list(dict.fromkeys(ordered["modality"])),
                                 str(ordered.iloc[0]["modality"])).as_line()
                st.code(f"{','.join(COLUMNS)}\n{line}", language=None)
        st.markdown("**Interventions**")
        if interventions.empty:
            st.text("The record lists no interventions.")
            return
        shown = pd.DataFrame({
            "type": [words.enum(INTERVENTION_WORDS, v) for v in interventions["type"]],
            "name": [words.cut(v, TITLE_CHARS) for v in interventions["name"]],
            "other_names": [words.cut(v, TITLE_CHARS, "") for v in interventions["other_names"]],
            "description": [words.cut(v, TEXT_CHARS, "") for v in interventions["description"]],
        })
        st.dataframe(shown, hide_index=True, width="stretch",
                     column_config={"type": "Type", "name": "Name", "other_names": "Other names",
                                    "description": st.column_config.TextColumn(
                                        "Description", width="large")})


TITLE_CHARS = 1_000  # on screen; the snapshot and exports keep every character
TEXT_CHARS = 5_000
INTERVENTION_WORDS = {t: t.replace("_", " ").capitalize() for t in enums.INTERVENTION_TYPES}
