"""About the data: source, date, size, how counting works, how modalities are decided."""

from __future__ import annotations

import streamlit as st

from trialscape.ui.entry import started_by_app

started_by_app()


def measured_accuracy() -> dict[str, list[str]]:
    """The recorded measurements (data/accuracy.json) as a table; none if absent."""
    import json

    from trialscape import settings

    path = settings.reference_path("accuracy.json")
    if not path.exists():
        return {}
    entries = json.loads(path.read_text("utf-8"))["entries"]
    weakest = [sorted(((v["f1"], k) for k, v in e["per_modality"].items()
                       if v["support"] >= 5))[:2] for e in entries]
    return {"Labelled trials": [e["title"] for e in entries],
            "Trials": [f"{e['trials']:,}" for e in entries],
            "Main modality matches": [f"{e['primary_match']:.1%}" for e in entries],
            "Weakest kinds (F1)": [", ".join(f"{k.replace('_', ' ')} {f:.2f}" for f, k in w)
                                   for w in weakest],
            "Rules": [f"{e['rules_version']} ({e['recorded']})" for e in entries]}

snap = st.session_state["snapshot"]
info = snap.info

st.title("About the data")
st.markdown("**Data from ClinicalTrials.gov**, the registry of clinical studies run by the U.S. "
            "National Library of Medicine.")
st.table({
    "Fact": ["Source", "Data as of", "Built", "Last refresh", "Trials", "Modality rules version",
             "Snapshot schema", "Fictional demo"],
    "Value": [info.get("source", ""),
              snap.data_date + (" (the registry's own data timestamp, read by the refresh)"
                                if snap.data_from_registry else
                                " (the newest last-update date among the imported records; the "
                                "registry may hold newer ones)"),
              info.get("built_at", ""),
              (f"{info.get('refreshed_at', '')} ({info.get('refresh_mode', '')})"
               if info.get("refreshed_at") else "none (built by an import or the demo)"),
              f"{int(info.get('study_count', '0')):,}", info.get("classifier_version", ""),
              info.get("schema_version", ""), "yes" if snap.is_demo else "no"],
})
st.subheader("How trials are counted")
st.markdown("""
- The unit is the **trial** (one NCT number).
- A trial that tests two kinds of medicine counts under **both** in modality counts; charts
  that must add up to the total use the trial's **main** (most specific) modality.
- A trial run in several countries counts once per country on a map and **once** in totals.
- Every chart says how many trials it covers and keeps the *unknown* or *not yet classified*
  bucket visible instead of dropping it.
- **Status** is the registry's, with one rule ClinicalTrials.gov applies too: a recruiting,
  not-yet-recruiting, enrolling-by-invitation or active status that nobody has verified in the
  two years before the data date is shown as *Unknown*. The record's own word is kept
  (`registry_status`) and the trial view shows both.
- **Countries**: one spelling per country; older exports that split "Korea, Republic of" at its
  comma are joined again, and old names ("Libyan Arab Jamahiriya") are read as today's.
- Lead sponsors are grouped when their names differ only in case, punctuation, "&"/"and", a
  leading "The" or a legal form at the end ("Pfizer", "Pfizer Inc." and "PFIZER, INC" are one),
  plus a reviewed list of spellings that name one organisation ("Novartis Pharmaceuticals" is
  Novartis) or two ("Merck KGaA" is not Merck & Co.). Other subsidiaries and renamed companies
  stay separate.
- **Sponsor type**: older records give none; trialscape then takes the type other records give
  the same organisation, or reads it from the name ("University", "Hospital": academic; legal
  forms and "Pharmaceuticals": industry; NIH institutes), marked as inferred in the snapshot.
- **Conditions** in charts are the registry's MeSH terms where a chart says so; many older
  records carry none, and each such chart says how many of its trials do. **Therapeutic areas**
  come from MeSH and from the condition text together; "No area found" stays visible.
- Filters combine with AND; several values within one filter combine with OR. A start-year
  range leaves out trials with no start date.
- "What's new" on the editors' desk comes from what each refresh saw change (new trials, status
  and phase changes, results posted), dated by the registry's own update dates.
""")
st.subheader("How modalities are decided")
st.markdown("""
Rules in `data/modalities.toml` read each trial's interventions: first a dictionary of product
names, brands and company codes, then the word endings of international drug names (INN stems,
e.g. *-mab* for antibodies), then keyword patterns, then descriptions; the registry's
intervention type is only a weak hint. Placebo, sham, standard of care and background
treatments (for example chemotherapy given to prepare for CAR-T cells, or the standard therapy
every arm gets while an add-on is tested) place nothing. Some records list no interventions at
all; those are placed from their title alone, and the trial's evidence says so. Every
placement keeps the rule and the text that matched.

""")
st.markdown("**How accurate is it?** Measured against trials labelled by hand "
            "(`trialscape evaluate`, kept in `data/accuracy.json`):")
accuracy = measured_accuracy()
if accuracy:
    st.table(accuracy)
    st.caption("The main modality of a trial, compared with the labeller's. The first rows "
               "are the honest figure: trials no rule was written from. Editors can correct "
               "a trial by hand; such a placement says \"editor correction\" and why.")
else:
    st.caption("No measurement is recorded for these rules yet.")
st.subheader("Not medical advice")
st.markdown("trialscape describes registered research. It is not medical advice and does not "
            "say whether any treatment works or is right for anyone.")
