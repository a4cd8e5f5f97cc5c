"""The ids of trialscape's own vocabularies that data files define: a link or a command-line
flag naming any other matches no trial, so it is refused or said to be ignored
(`Filters.from_params` and `Filters.rejected` take them as `vocabularies`)."""

from __future__ import annotations


def own_vocabularies() -> dict[str, set[str]]:
    """Filter name -> its ids: modalities (data/modalities.toml), therapeutic areas
    (data/therapeutic_areas.toml)."""
    from trialscape.classify.rules import load_classifier
    from trialscape.ingest.areas import default_areas

    return {"modality": {m.id for m in load_classifier().modalities},
            "area": set(default_areas().labels())}
