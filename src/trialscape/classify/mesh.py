"""MeSH reading: what the registry's own index terms say a bare code is.

ClinicalTrials.gov indexes each record's interventions with MeSH terms (the
`interventionBrowseModule`, kept in the snapshot's `intervention_mesh`). A record that calls
its medicine only "GP2013" is indexed "Rituximab"; one that lists "pancrelipase with
bicarbonate" is indexed "Pancrelipase". When one intervention is left that no name, code or
title places, a term naming a medicine of one kind that no other intervention accounts for is
what that intervention is. Only medicines: terms that place the procedure-and-supplement kind
are too often a salt's or a regimen's by-product ("Calcium, Dietary" for a calcium salt,
"Immunoglobulins" for an idiotype vaccine), and only for interventions the registry types as
a medicine (a device's record is indexed with the drugs given around it).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from trialscape.classify.inputs import Intervention, Trial
from trialscape.classify.model import MEDICINE_TYPES, Field, Hit, Layer, normalise
from trialscape.classify.names import NameReader


@dataclass
class MeshReader:
    names: NameReader

    def code_kind(self, item: Intervention, trial: Trial, tested: bool,
                  is_control: Callable[[str], bool]) -> list[Hit]:
        if not trial.intervention_mesh or item.type not in MEDICINE_TYPES:
            return []
        unplaced = [i for i in trial.interventions
                    if not is_control(i.name) and self._unplaced(i)]
        if [i.idx for i in unplaced] != [item.idx]:
            return []  # several unknowns: a term could be any of them
        name = normalise(item.name)
        if any(normalise(term) in name for term in trial.intervention_mesh):
            # the indexer took the name for a substance it spells out, which reading the name
            # did not find it to be ("Angiotensin II type 1 receptor antagonists", indexed
            # "Angiotensin II" with its synonyms, names the medicines that block it)
            return []
        # kinds another intervention already is name that one ("Cyclophosphamide" in a
        # rituximab-biosimilar-plus-CHOP trial), as for titles (TitleReader.code_kind)
        others = {h.modality for i in trial.interventions if i.idx != item.idx
                  for h in self.names.match(i) if h.layer != Layer.TYPE_PRIOR}
        found: dict[str, Hit] = {}
        for term in trial.intervention_mesh:
            for h in self.names.match(Intervention(-1, None, term)):
                if (h.layer != Layer.TYPE_PRIOR and h.modality not in others
                        and not self.names.by_id[h.modality].yields_to_medicine):
                    found.setdefault(h.modality, Hit(h.modality, h.layer, Field.MESH, term,
                                                     h.matched, tested))
        return list(found.values()) if len(found) == 1 else []

    def _unplaced(self, item: Intervention) -> bool:
        return all(h.layer == Layer.TYPE_PRIOR for h in self.names.match(item))
