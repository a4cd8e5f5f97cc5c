"""Primary choice: from the hits that survive, one placement per modality and one primary.

The trial's primary modality is the most specific one among the tested interventions (a
comparator's kind is counted, never primary). Every placement carries its rule and the text that
matched, so the dashboard can say why; a trial with no hit is "other" when it lists only
assessments, controls, untyped plain words (flat exports) or nothing (observational), else
unclassified.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from trialscape.classify.inputs import Intervention, Trial
from trialscape.classify.model import (
    FIELD_LABELS,
    TEXT_LAYERS,
    Hit,
    Layer,
    Modality,
    Placement,
    code_words,
)

_STRENGTH = {layer: i for i, layer in enumerate((*TEXT_LAYERS, Layer.TYPE_PRIOR))}


@dataclass(frozen=True)
class Outcomes:
    """The modality ids a trial without a hit takes (data/modalities.toml [outcomes])."""
    no_medicine: str  # only assessments, controls, or an observational record with nothing
    no_signal: str    # something is listed, and no rule reads it


def placements(hits: list[Hit], pairs: list[tuple[Hit, Intervention]],
               by_id: dict[str, Modality], title: str = "") -> list[Placement]:
    best: dict[str, Hit] = {}
    for h in hits:
        cur = best.get(h.modality)
        if cur is None or (h.tested, -_STRENGTH[h.layer]) > (cur.tested, -_STRENGTH[cur.layer]):
            best[h.modality] = h
    tested = [h for h in best.values() if h.tested] or list(best.values())
    primary = min(tested, key=lambda h: by_id[h.modality].specificity).modality
    items_by_modality: dict[str, list[Intervention]] = {}
    for h, item in pairs:
        items_by_modality.setdefault(h.modality, []).append(item)
    out = []
    for mid in sorted(best, key=lambda m: by_id[m].order):
        h = best[mid]
        kind = submodality(by_id[mid], h, items_by_modality.get(mid, []), title)
        out.append(Placement(mid, kind, mid == primary, h.layer.value, evidence(by_id[mid], h)))
    return out


def submodality(modality: Modality, hit: Hit, items: list[Intervention], title: str = ""
                ) -> str | None:
    """The kind a placing product carries (`products`: { name, kind }); else the first kind
    whose words the placing texts hold (the matched text, then each
    intervention's name, other names and description); failing them, the trial's titles,
    which often name the vector a bare code carries ("... AAV9 Gene Therapy"). A kind that
    matches anything (`Submodality.default`) is taken only when neither names another: the
    title of "CVnCoV 6 μg" says it is a COVID-19 vaccine, not an mRNA protein replacement. A
    kind's `generic` words count only after every kind's own words are missing from both: "FAP
    mRNA vaccine" in a solid-tumour trial is a cancer vaccine, though "vaccine" alone says
    infectious disease."""
    if hit.layer == Layer.PRODUCT and hit.matched in modality.product_kinds:
        return modality.product_kinds[hit.matched]  # the product says its kind
    texts = [hit.text] + [" ".join((i.name, *i.other_names, i.description or ""))
                          for i in items]
    for group in (texts, [title]):
        for sub in modality.submodalities:
            if not sub.default and any(sub.pattern.search(t) for t in group if t):
                return sub.id
    # ... then the words that say a kind only when nothing more specific is said
    for group in (texts, [title]):
        for sub in modality.submodalities:
            if sub.generic is not None and any(sub.generic.search(t) for t in group if t):
                return sub.id
    return next((sub.id for sub in modality.submodalities if sub.default), None)


def evidence(modality: Modality, h: Hit) -> str:
    where = FIELD_LABELS.get(h.field, h.field.value)
    if h.layer == Layer.TYPE_PRIOR:
        return f"{where} {h.text} (no stronger signal): {modality.label}"
    text = h.text if len(h.text) <= 120 else h.text[:117] + "..."
    return f"{where} '{text}' matches the {modality.label} {h.layer.value} '{h.matched}'"


# letters joined to two digits or more: a development code however short ("ZZSW-01")
_CODE_LIKE = re.compile(r"\b[A-Za-z]{1,6}-?\d{2,}")
# words that may name a medicine no rule knows ("Treatment of ...", "XYZ injection")
_MEDICINE_WORDS = re.compile(r"\b(treat\w*|therap\w*|drugs?|medic\w*|chemo\w*|inject\w*|"
                             r"infusions?|tablets?|capsules?|doses?|vaccin\w*|regimens?)\b",
                             re.IGNORECASE)
_LOWER_WORD = re.compile(r"[a-z]{4}")  # a word, not an acronym alone ("XQ", "FDOCT")


def _plain_words(trial: Trial) -> bool:
    """Whether a record's names are words, not codes ("AMO-01", "CCTx-001", which the strict
    reading of a code passes by, or a bare "XQ") nor words that may name a medicine."""
    names = [i.name for i in trial.interventions]
    return (not any(_CODE_LIKE.search(n) or _MEDICINE_WORDS.search(n) for n in names)
            and any(_LOWER_WORD.search(n) for n in names))


def untyped_names(trial: Trial) -> bool:
    """Whether every intervention is listed without a type and none is a development code
    (a bare code is the medicine given, whatever the title says around it)."""
    return all(i.type is None and not code_words(i.name) for i in trial.interventions)


def fallback(trial: Trial, ancillary: list[Intervention], outcomes: Outcomes,
             is_control: Callable[[str], bool]) -> Placement:
    other = outcomes.no_medicine
    if ancillary:
        item = ancillary[0]
        return Placement(other, None, True, "assessment only",
                         f"only assessments or procedures are listed, e.g. "
                         f"'{item.name}': {other}")
    if not trial.interventions and trial.study_type == "OBSERVATIONAL":
        return Placement(other, None, True, "observational",
                         f"observational study with no intervention listed: {other}")
    if trial.interventions and all(is_control(i.name) for i in trial.interventions):
        return Placement(other, None, True, "control only",
                         f"only placebo or standard care is listed: {other}")
    if trial.interventions and untyped_names(trial) and _plain_words(trial):
        # a flat export's names, plain words no rule reads as a medicine nor a code ("WhatsApp
        # group", "EndoBarrier", "A 6 microRNA stratified tool"): what the registry types
        # BEHAVIORAL, DEVICE or PROCEDURE elsewhere, and the type would have placed `other`
        item = trial.interventions[0]
        return Placement(other, None, True, "untyped names",
                         f"only untyped names no medicine rule reads are listed, e.g. "
                         f"'{item.name}': {other}")
    return Placement(outcomes.no_signal, None, True, "no signal",
                     "no intervention name, code or description matched a rule")
