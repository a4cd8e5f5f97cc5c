"""Explainer coverage for the editors' desk: busy modalities and kinds with no explainer
article yet. Pure: no streamlit, so the rule that picks a gap is tested on its own.

A modality counts as covered only when its link is the article itself (`has_article`): a link
to the explainers index is a place to start, not an article. A kind (sub-modality) never has
an article of its own here, so every busy kind is listed for an editor to weigh.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from trialscape import words
from trialscape.classify.model import Modality
from trialscape.scope import NO_PRODUCT

COLUMNS = ["topic", "level", "active_trials", "explainer", "modality"]


def explainer_gaps(active: pd.DataFrame, modalities: Iterable[Modality]) -> pd.DataFrame:
    """Topics without an article, busiest first: one row per modality (`level` "modality")
    and per kind ("kind") from `active` (the active_by_modality query's rows); trials with no
    therapeutic product are not a topic."""
    mods = {m.id: m for m in modalities}
    rows = []
    for r in active.itertuples(index=False):
        m = mods.get(r.modality)
        if m is None or r.modality in NO_PRODUCT:
            continue
        if r.is_total:
            rows.append({"topic": m.label, "level": "modality", "active_trials": r.active_trials,
                         "explainer": m.explainer_url if m.has_article else "",
                         "modality": m.id})
        elif not words.is_missing(r.submodality):
            sub = {s.id: s.label for s in m.submodalities}.get(r.submodality, "another kind")
            rows.append({"topic": f"{m.label}: {sub}", "level": "kind",
                         "active_trials": r.active_trials, "explainer": "", "modality": m.id})
    coverage = pd.DataFrame(rows, columns=COLUMNS)
    gaps = coverage[coverage["explainer"] == ""]
    return gaps.sort_values(["active_trials", "topic"], ascending=[False, True],
                            ignore_index=True)
