"""The modality rules engine: pure, deterministic, explainable.

One trial goes through four stages, each in its own module:
  roles.py       what each intervention is in the trial (control, ancillary, comparator,
                 tested, backbone), from its name and the record's arms;
  names.py       which modalities each intervention's own text places, layer by layer;
  titles.py      what the title says when an intervention is a bare code, or when the record
                 lists no interventions;
  mesh.py        what the registry's MeSH index terms say the one bare code left is;
  background.py  support, conditioning and settings dropped when something else is tested;
then primary.py chooses one placement per modality and the primary. The rules and word lists
live in data/modalities.toml (rules.py reads them); docs/classification.md explains each with
the record wording it came from.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from trialscape.classify.background import Background
from trialscape.classify.gates import GatedRegex
from trialscape.classify.inputs import Intervention, Trial
from trialscape.classify.mesh import MeshReader
from trialscape.classify.model import (
    Field,
    Hit,
    Layer,
    Modality,
    Placement,
    Role,
    code_words,
    title_text,
)
from trialscape.classify.names import NEVER, NameReader
from trialscape.classify.primary import Outcomes, fallback, placements, untyped_names
from trialscape.classify.roles import RoleReader
from trialscape.classify.titles import TitleReader

# Registry types that name what is done, not a medicine: their unknown names are not read as
# the medicine a title names ("Symptoms as Positive Signals Mindset" in a trial about
# "Changing Mindsets About Oral Immunotherapy" is no vaccine), unless they hold a code. A
# procedure or device may be how a product the title names is made or given ("liposuction
# for retrieval of own stem cells", "patient-specific dosimetry"): it takes only the kinds a
# procedure delivers ([background] procedure_delivers), not a medicine the participants take
# ("Venapuncture" for drug-level monitoring, "PICC" for trastuzumab); a device's code names
# the device ("PEAR-002B", a digital therapeutic "Supporting ... Buprenorphine Initiation").
_NOT_MEDICINE_TYPES = frozenset({"BEHAVIORAL", "DIAGNOSTIC_TEST", "DIETARY_SUPPLEMENT"})
_DELIVERING_TYPES = frozenset({"DEVICE", "PROCEDURE", "RADIATION"})


def _may_be_medicine(item: Intervention) -> bool:
    return item.type not in _NOT_MEDICINE_TYPES or bool(code_words(item.name))


@dataclass
class Classifier:
    version: str
    modalities: tuple[Modality, ...]
    names: NameReader
    roles: RoleReader
    titles: TitleReader
    background: Background
    outcomes: Outcomes
    drug_in_device: GatedRegex = NEVER  # "everolimus-eluting stent": the drug is the device's
    procedure_delivers: frozenset[str] = frozenset()  # kinds a procedure item may take
    by_id: dict[str, Modality] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.by_id = {m.id: m for m in self.modalities}
        self.mesh = MeshReader(self.names)
        # the kind that gives way to medicines is the procedure-and-device kind ("other")
        self.device_kind = next((m.id for m in self.modalities if m.yields_to_medicine), None)

    def clear_cache(self) -> None:
        self.names.clear_cache()
        self.roles.clear_cache()

    def is_control(self, name: str) -> bool:
        return self.roles.is_control(name)

    def match_intervention(self, item: Intervention, tested: bool = True) -> list[Hit]:
        return self.names.match(item, tested)

    def classify_all(self, trials: Iterable[Trial]) -> list[list[Placement]]:
        """Each trial's placements, with the cyclic garbage collector paused: classifying
        ../shared/ctgov makes no reference cycles (a collection after it finds none), yet
        collections walking the growing caches took 8% of the time."""
        paused = gc.isenabled()
        gc.disable()
        try:
            return [self.classify(trial) for trial in trials]
        finally:
            if paused:
                gc.enable()

    def classify(self, trial: Trial) -> list[Placement]:
        roles = self.roles.roles(trial)
        pairs: list[tuple[Hit, Intervention]] = []
        backbone: list[Hit] = []
        ancillary: list[Intervention] = []
        title_hits: dict[tuple[bool, bool], list[Hit]] = {}  # per trial, not per bare code
        lymphodepleted: set[int] | None = None  # bare codes given after lymphodepletion

        def after_lymphodepletion(item: Intervention, tested: bool) -> list[Hit]:
            # (which codes the regimen is for is read once per trial, when a code first asks)
            nonlocal lymphodepleted
            if lymphodepleted is None:
                lymphodepleted = self.background.lymphodepleted_codes(trial, [
                    i for i in trial.interventions
                    if roles[i.idx] not in (Role.CONTROL, Role.ANCILLARY)])
            return self.background.lymphodepleted(item, lymphodepleted, tested)

        for item in trial.interventions:
            role = roles[item.idx]
            if role == Role.CONTROL:
                continue
            if role == Role.ANCILLARY:
                ancillary.append(item)
                continue
            tested = role != Role.COMPARATOR
            item_hits = self._device(item, tested) or self.names.match(item, tested)
            # a name read only by its dosage form ("Camu Camu Capsules", "LP GMNL-133 capsule")
            # says no more than the DRUG type: tablets hold extracts, foods and probiotics too
            formed = self._dosage_form_only(item_hits)
            prior = self.names.type_prior_hits(item, tested) if formed else []
            if prior and prior[0].modality != item_hits[0].modality:
                # ... and one typed as no medicine is what its type says ("Sugar support
                # effervescent Tablets" typed OTHER)
                item_hits, formed = prior, False
            if ((not item_hits or item_hits[0].layer == Layer.TYPE_PRIOR or formed)
                    and _may_be_medicine(item)
                    # support is never what the title names ("Rimiducid" beside the suicide-gene
                    # T cells of "Donor T Cell Infusion")
                    and self.roles.name_role(item.name) != Role.SUPPORT):
                # A bare code ("ABC-123") says nothing; the trial's title often names the kind,
                # without what it names as the setting ("E7777 Prior to Kymriah"), unless the
                # setting is the code itself ("Follow-up of Patients Treated With CLBR001")
                own = self.titles.in_setting(item, trial)
                if (tested, own) not in title_hits:
                    title_hits[tested, own] = self.titles.hits(trial, tested, setting=own,
                                                                measure=False)
                found = (self.titles.explained_code(item, trial, tested)
                         or self._code_in_title(item, trial, tested, title_hits[tested, own])
                         # (a title calling the name recombinant outweighs the registry's
                         # index, which can err: "relaxin" indexed "Methocarbamol")
                         or self.titles.recombinant(item, trial, tested)
                         or self.mesh.code_kind(item, trial, tested, self.is_control)
                         or self.titles.abbreviated(item, trial, tested)
                         or self.titles.supplement(item, trial, tested))
                if item.type in _DELIVERING_TYPES and (
                        item.type == "DEVICE" or not code_words(item.name)):
                    found = [h for h in found if h.modality in self.procedure_delivers]
                item_hits = (found or (None if formed else after_lymphodepletion(item, tested))
                             or item_hits)
            elif self.background.coded_cells(item, item_hits):
                # a coded cell product given after lymphodepleting chemotherapy ("CT125A cells"
                # with fludarabine): the CAR or TCR cells most such products are
                item_hits = after_lymphodepletion(item, tested) or item_hits
            if role == Role.BACKBONE:
                backbone += item_hits
            else:
                pairs += [(h, item) for h in item_hits]
        if self.background.regimen_only(pairs):
            # ... then the cell or gene therapy the title names is what the regimen is for
            pairs += [(h, Intervention(-1, None, h.text)) for h in self.titles.hits(trial, True)
                      if h.modality in self.background.conditioning_with]
        pairs = self.background.drop(pairs, trial)
        placed = [h for h, _ in pairs]
        if placed and all(h.modality != self.titles.programme_kind for h in placed):
            placed += self.titles.procedure(trial)
        if not placed and backbone:
            placed = backbone  # nothing but the backbone: it is what the trial studies
        if not placed:
            placed = self.background.recast_all(self._read_title(trial, ancillary),
                                                 title_text(trial).casefold())
        if not placed:
            return [fallback(trial, ancillary, self.outcomes, self.is_control)]
        return placements(placed, pairs, self.by_id, title_text(trial))

    def _dosage_form_only(self, hits: list[Hit]) -> bool:
        """Whether a name is read only by a dosage form's words as the kind the DRUG type
        gives (not by "biosimilar", which the same list holds and reads as an antibody)."""
        drug = self.names.type_prior.get("DRUG")

        def is_form(words: str) -> bool:
            found = self.names.dosage_form.search(words)
            return found is not None and len(found.group(0)) == len(words.strip())
        return bool(hits) and all(h.layer == Layer.NAME_PATTERN and h.modality == drug
                                  and is_form(h.matched) for h in hits)

    def _code_in_title(self, item: Intervention, trial: Trial, tested: bool,
                       title_hits: list[Hit]) -> list[Hit]:
        """The kinds the title gives a bare code, else what it names beside the code alone.
        Where the title names several kinds and one of them beside the code, that one is the
        code's; the others stay counted, never primary ("the Trifunctional Antibody FBTA05 and
        Donor Lymphocyte Infusion": the antibody is tested, the infusion given with it)."""
        whole = self.titles.code_kind(title_hits, item, trial)
        kinds = {h.modality for h in whole}
        if len(kinds) == 1:
            return whole  # (most titles: one kind, and nothing beside the code to weigh)
        beside = self.titles.code_kind(self.titles.beside_code(item, trial, tested), item, trial)
        if not whole:
            return beside
        own = {b.modality for b in beside} & kinds
        return [h if not own or h.modality in own else replace(h, tested=False) for h in whole]

    def _read_title(self, trial: Trial, ancillary: list[Intervention]) -> list[Hit]:
        """What the title places when nothing listed did: for a record that lists nothing, all
        of it (an observational one by its own reading); for a flat export whose untyped names
        place nothing ("Walking School Bus", "TOGA"), all but what it names as the setting,
        since the names listed are what is given; otherwise nothing."""
        if not trial.interventions:
            return (self.titles.observational(trial) if trial.study_type == "OBSERVATIONAL"
                    else self.titles.title_only(trial))
        if not ancillary and untyped_names(trial):
            return self.titles.title_only(trial, unplaced=True)
        return []

    def _device(self, item: Intervention, tested: bool) -> list[Hit]:
        """Where a name says its drug is part of a device ("everolimus-eluting stent"), the
        device kind."""
        found = self.drug_in_device.search(" ".join((item.name, *item.other_names)))
        if found is None or self.device_kind is None:
            return []
        return [Hit(self.device_kind, Layer.NAME_PATTERN, Field.NAME, item.name, found.group(0),
                    tested)]
