"""Explainer coverage: which busy topics the editors' desk lists as lacking an article."""

from __future__ import annotations

import pandas as pd

from trialscape.classify.rules import load_classifier
from trialscape.coverage import explainer_gaps


def _active(*rows: tuple[str, str | None, int]) -> pd.DataFrame:
    """active_by_modality's rows: (modality, kind or None for the modality's total, trials)."""
    return pd.DataFrame([{"modality": m, "submodality": k, "is_total": k is None,
                          "active_trials": n} for m, k, n in rows])


def test_gaps_are_busy_topics_without_their_own_article():
    mods = load_classifier().modalities
    by_id = {m.id: m for m in mods}
    assert by_id["gene_therapy"].has_article  # the one article verified so far
    assert not by_id["monoclonal_antibody"].has_article  # links only to the explainers index
    kind = by_id["gene_therapy"].submodalities[0]
    gaps = explainer_gaps(_active(
        ("gene_therapy", None, 300), ("gene_therapy", kind.id, 120),
        ("gene_therapy", "a_kind_renamed_since", 3),
        ("monoclonal_antibody", None, 900), ("small_molecule", None, 900),
        ("other", None, 5000), ("unclassified", None, 4000), ("retired_modality", None, 50),
    ), mods)
    assert list(gaps["topic"]) == [
        by_id["monoclonal_antibody"].label, by_id["small_molecule"].label,  # a tie: by name
        f"{by_id['gene_therapy'].label}: {kind.label}",
        f"{by_id['gene_therapy'].label}: another kind",
    ]
    assert list(gaps["level"]) == ["modality", "modality", "kind", "kind"]
    assert list(gaps["active_trials"]) == [900, 900, 120, 3]
    assert list(gaps["modality"]) == ["monoclonal_antibody", "small_molecule", "gene_therapy",
                                      "gene_therapy"]


def test_no_active_trials_no_gaps():
    gaps = explainer_gaps(_active(), load_classifier().modalities)
    assert gaps.empty and list(gaps.columns) == ["topic", "level", "active_trials", "explainer",
                                                 "modality"]
