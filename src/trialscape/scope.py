"""The landscape's scope: which kinds of medicine it leads with. Pure: no streamlit.

Readers arrive from an explainer about gene therapy; beside 15,000 small-molecule trials and
19,000 trials with no therapeutic product, the advanced modalities are slivers. The landscape
therefore shows the advanced therapies by default and says what it leaves out; "All medicines"
and "Everything" are one click (and one URL parameter, `scope`) away.
"""

from __future__ import annotations

from dataclasses import replace

from trialscape.filters import Filters

ADVANCED = ("gene_editing", "gene_therapy", "engineered_cell_therapy", "cell_therapy", "mrna",
            "oligonucleotide")
NO_PRODUCT = ("other", "unclassified")
SCOPES = {"advanced": "Gene, cell and RNA therapies", "medicines": "All medicines",
          "all": "Everything"}
DEFAULT = "advanced"
URL_NAME = "scope"


def read(value: str | None) -> str:
    return value if value in SCOPES else DEFAULT


def modalities_in(scope: str, all_ids: list[str]) -> list[str]:
    """The modality ids a scope shows, in display order."""
    if scope == "advanced":
        return [m for m in all_ids if m in ADVANCED]
    if scope == "medicines":
        return [m for m in all_ids if m not in NO_PRODUCT]
    return list(all_ids)


def scoped(filters: Filters, scope: str, all_ids: list[str]) -> Filters:
    """The filters the landscape counts with: the sidebar's own modality choice wins; else the
    scope's modalities (a trial counts when it tests any of them)."""
    if filters.modality or scope == "all":
        return filters
    return replace(filters, modality=tuple(modalities_in(scope, all_ids)))


def left_out(scope: str) -> str:
    """What a scope leaves out, in words for the page."""
    if scope == "advanced":
        return ("antibodies, vaccines, proteins, peptides, small-molecule drugs and trials "
                "with no therapeutic product")
    if scope == "medicines":
        return ("trials with no therapeutic product (procedures, devices, behavioural care, "
                "radiotherapy...) and trials not yet classified")
    return "nothing"
