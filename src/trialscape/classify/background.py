"""Background: what the trial gives around its question, dropped when something else is tested.

Supportive medicines, conditioning before a cell or gene therapy, GM-CSF given as a vaccine's
adjuvant or a transplant's support, a therapy the title names as the setting ("... before
CAR-T") or as what participants undergo ("... Undergoing Trabeculectomy"). Last, a kind found
only by generic words is recast by what the title says it is for (`recast_in_title`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from trialscape.classify.gates import GatedRegex
from trialscape.classify.inputs import Intervention, Trial
from trialscape.classify.model import (
    CODE,
    PARENTHESES,
    PATTERN_LAYERS,
    TEXT_LAYERS,
    WORDY,
    Field,
    Hit,
    Layer,
    Role,
    Scope,
    code_words,
    title_text,
)
from trialscape.classify.names import NEVER, NameReader
from trialscape.classify.roles import RoleReader

Pairs = list[tuple[Hit, Intervention]]


# a development code of three digits or more ("ALLO-501A", "AZD1234"; not "CD19", "U300")
_INVESTIGATIONAL = re.compile(r"\b[A-Z]{2,6}-?\d{3,}[A-Z0-9]*\b")
# what a coded cell product's name adds to its code ("CT125A cells", "TC-110 T Cells injection")
_CELL_WORDS = re.compile(r"\b(T[- ]?)?cells?\b|\b(injection|infusion|suspension)\b", re.IGNORECASE)
_CODE_ONLY = re.compile(r"[A-Za-z]{1,8}-?\d{2,}[A-Za-z0-9-]*")
# the kind cells_named and the cell patterns give a coded cell product of no known kind
_CELL_KIND = "cell_therapy"

# who a title's population phrase is said of
_PEOPLE = re.compile(r"\b(patients?|subjects?|participants?|people|persons?|adults?|children|"
                     r"adolescents?|women|men|individuals?|survivors?|recipients?)\b", re.I)
# a plural, or the "-ation" of a noun made from a verb in -nt, which a title and a name may
# say differently ("Undergoing ... Stem Cell Transplant" for "stem cell transplantation";
# not "radiation", whose "radi" would be in "radiotherapy")
_ENDING = re.compile(r"((?<=nt)ations?|s)\b")


def _stems(text: str) -> str:
    return _ENDING.sub("", text)


@dataclass
class Background:
    names: NameReader
    roles: RoleReader
    supportive: GatedRegex
    conditioning: GatedRegex
    conditioning_with: frozenset[str]  # the kinds conditioning is given for
    conditioning_in_title: GatedRegex = NEVER  # "... Using a Reduced Intensity Regimen"
    toxicity_management: GatedRegex = NEVER  # tocilizumab for the CRS a CAR-T causes
    toxicity_management_with: frozenset[str] = frozenset()  # the kinds that cause it
    # (given, with): what the label of a medicine listed beside it prescribes (obinutuzumab
    # before glofitamab, folic acid with pemetrexed)
    prescribed_with: tuple[tuple[GatedRegex, GatedRegex], ...] = ()
    prescribed_any: GatedRegex = NEVER  # every pair's `given` at once: the cheap first look
    support_in_title: GatedRegex = NEVER
    support_before_in_title: GatedRegex = NEVER  # "stem cells mobilized with": support follows
    support_in_transplant: GatedRegex = NEVER
    transplant_setting: GatedRegex = NEVER
    graft_manipulation: GatedRegex = NEVER  # a title naming T-cell depletion, CD34 selection
    transplant_regimen: GatedRegex = NEVER  # GVHD prophylaxis and irradiation around a graft
    regimen_filler: GatedRegex = NEVER  # words beside conditioning drugs in a regimen's name
    transplant_given: GatedRegex = NEVER  # an intervention that is a transplant
    transplant_after: GatedRegex = NEVER  # "... After ASCT": the transplant as the setting
    transplant_in_title: GatedRegex = NEVER  # a transplant a title names (anywhere)
    graft_delivers: frozenset[str] = frozenset()  # kinds a graft gives back (ex vivo gene therapy)
    lymphodepletion: GatedRegex = NEVER  # fludarabine: listed beside a bare code, a cell product's
    lymphodepleted_kind: str | None = None  # ... of this kind ([outcomes] lymphodepleted_code)
    adjuvant_with: frozenset[str] = frozenset()
    adjuvant_kinds: frozenset[str] = frozenset()  # the kinds of the adjuvant products (GM-CSF)
    title_population: GatedRegex = NEVER
    # a routine vaccine given to measure the immune answer ("Tetanus Toxoid Vaccine" in an
    # antiretroviral trial), and the title words that make vaccination the question
    immune_probe: GatedRegex = NEVER
    immune_probe_titled: GatedRegex = NEVER
    setting_in_title: dict[str, GatedRegex] = field(default_factory=dict)
    # a product named only by its kind ("CAR T-cell therapy"), unless the title says which
    standard_care: dict[str, GatedRegex] = field(default_factory=dict)
    standard_care_named: dict[str, GatedRegex] = field(default_factory=dict)
    # the title without what it names as measured or as the participants' history
    # (TitleReader.unmeasured): "Patients With Early CAR-T Cell Dysfunction" recasts nothing
    unmeasured: Callable[[str], str] = field(default=lambda text: text)

    def regimen_only(self, pairs: Pairs) -> bool:
        """Whether everything listed is conditioning or support: the record lists the regimen
        around a product it does not list ("PD-1 Knockout EBV-CTLs" with only fludarabine,
        cyclophosphamide and IL-2 as interventions)."""
        return bool(pairs) and all(self._regimen_name(i.name) for _, i in pairs)

    def lymphodepleted_codes(self, trial: Trial, listed: list[Intervention]) -> set[int]:
        """The bare development codes of a record that lists nothing else but lymphodepleting
        chemotherapy and support ("ADI-001", "Fludarabine", "Cyclophosphamide"), when the
        title does not name the chemotherapy as tested: the adoptive cell product the regimen
        is for. `listed`: the interventions that are neither controls nor assessments."""
        if self.lymphodepleted_kind is None or not any(
                self.lymphodepletion.search(i.name) for i in listed):
            return set()
        if self.lymphodepletion.search(title_text(trial)):
            return set()  # "LMB-2, Fludarabine and Cyclophosphamide": chemotherapy, tested
        codes = set()
        for item in listed:
            if self._regimen_name(item.name):
                continue
            # a code however written ("ADI-001", "LYL314"), and nothing a rule reads but, at
            # most, that it is cells ("CT125A cells")
            if not self.coded_cells(item):
                written = CODE.search(item.name.lower().replace("-", "").replace(" ", ""))
                if not (code_words(item.name) or written) or any(
                        h.layer != Layer.TYPE_PRIOR for h in self.names.match(item)):
                    return set()  # something else is listed: it says what the trial gives
            codes.add(item.idx)
        return codes

    def coded_cells(self, item: Intervention, hits: list[Hit] | None = None) -> bool:
        """Whether a name is a development code and the cells it is ("CT125A cells", "IM19 CAR-T
        cells" is not: it says more), which the cell-therapy patterns read as cells of no
        known kind."""
        if "cell" not in item.name.casefold():
            return False  # (the cheap test first: this runs for every item a rule reads)
        bare = _CELL_WORDS.sub(" ", item.name).strip()
        if bare == item.name.strip() or not (code_words(bare) or _CODE_ONLY.fullmatch(bare)):
            return False
        found = self.names.match(item) if hits is None else hits
        return bool(found) and all(h.modality == _CELL_KIND and h.layer in PATTERN_LAYERS
                                   for h in found)

    def lymphodepleted(self, item: Intervention, codes: set[int], tested: bool) -> list[Hit]:
        """A bare code given after lymphodepleting chemotherapy (`lymphodepleted_codes`): the
        adoptive cell product the regimen is for."""
        if self.lymphodepleted_kind is None or item.idx not in codes:
            return []
        return [Hit(self.lymphodepleted_kind, Layer.NAME_PATTERN, Field.NAME, item.name,
                    f"{item.name} (a code given after lymphodepleting chemotherapy)", tested)]

    def _regimen_name(self, name: str) -> bool:
        """A name that is all conditioning or support ("Fludarabine phosphate", "IL-2"), not one
        that mentions it ("MVA-MUC1-IL2 vaccine")."""
        if self.roles.name_role(name) == Role.SUPPORT:
            return True
        if not self.conditioning.search(name):
            return False
        rest = self.regimen_filler.sub(" ", self.conditioning.sub(" ", name))
        return WORDY.search(rest) is None

    def drop(self, pairs: Pairs, trial: Trial) -> Pairs:
        if not pairs:
            return pairs  # (a third of the trials: nothing to drop, and the title not read)
        title = title_text(trial).casefold()
        pairs = self._drop_background(pairs, title, trial)
        pairs = self._drop_immune_probes(pairs, title)
        pairs = self._drop_setting(pairs, title)
        pairs = self._drop_standard_care(pairs, title)
        pairs = self._drop_titled_setting(pairs, trial)
        hits = self.recast_all([h for h, _ in pairs], title)
        pairs = [(h, item) for h, (_, item) in zip(hits, pairs, strict=True)]
        # (after the recasting: "therapeutic autologous lymphocytes" in a "Gene Therapy" trial
        # are the modified cells the graft gives back)
        return self._drop_transplant_setting(pairs, title)

    def _drop_transplant_setting(self, pairs: Pairs, title: str) -> Pairs:
        """A transplant beside a tested medicine of another kind is background when the title
        names it only as the time after which that medicine is given ("Rituximab After
        ASCT"), or when it gives back the cells an ex vivo gene therapy modified
        (`graft_delivers`). `title` is case-folded."""
        by_id = self.names.by_id
        grafts = {i.idx for h, i in pairs if by_id[h.modality].yields_to_medicine
                  and self.transplant_given.search(i.name)}
        if not grafts:
            return pairs
        others = self._tested_medicines(pairs, grafts)
        if not others:
            return pairs
        setting = others & self.graft_delivers or (
            self.transplant_after.search(title) is not None
            and self.transplant_in_title.search(self.transplant_after.sub(" ", title)) is None)
        if not setting:
            return pairs
        return [(h, i) for h, i in pairs
                if not (i.idx in grafts and by_id[h.modality].yields_to_medicine)]

    def _drop_immune_probes(self, pairs: Pairs, title: str) -> Pairs:
        """A routine infectious-disease vaccine (tetanus toxoid, hepatitis, pneumococcal,
        Haemophilus, Lyme, influenza) listed beside a tested medicine of another kind, in a
        trial whose title names neither vaccination nor the vaccine's disease, is given to
        measure the immune system's answer to that medicine ("Effects on the Immune System of
        Anti-HIV Drugs" listing a tetanus and a hepatitis B vaccine): an assessment, as
        LABELING.md counts none. `title` is case-folded."""
        probes = {i.idx for _, i in pairs if self.immune_probe.search(i.name)}
        if not probes or self.immune_probe_titled.search(title):
            return pairs
        own = {h.modality for h, i in pairs if i.idx in probes}
        if not self._tested_medicines(pairs, probes) - own:
            return pairs
        return [(h, i) for h, i in pairs if i.idx not in probes]

    def _transplant_setting(self, trial: Trial) -> bool:
        """Whether the trial lists a transplant or G-CSF (background.transplant_setting)."""
        return any(self.transplant_setting.search(i.name) for i in trial.interventions)

    def _drop_background(self, pairs: Pairs, title: str, trial: Trial) -> Pairs:
        """Support and conditioning give way when something else is tested, unless titled."""
        modalities = {h.modality for h, _ in pairs}
        # conditioning is given for a cell or gene therapy, unless the title names it as its
        # question ("Bone Marrow Transplant Using a Reduced Intensity Regimen That is Given in
        # Two Steps", with donor lymphocytes): then the conditioning is studied too
        cell_or_gene = (bool(modalities & self.conditioning_with)
                        and self.conditioning_in_title.search(title) is None)
        # a trial of a manipulated graft ("Marrow Transplants Depleted of T-Cells by CD34+
        # Selection") studies the graft: the regimen every such transplant needs is background
        graft = self.graft_manipulation.search(title) is not None

        # a T-cell redirecting therapy's record lists what treats the cytokine release it
        # causes; only the name is read (a product's description may name its own rescue)
        redirecting = bool(modalities & self.toxicity_management_with)
        prescribed = self._prescribed(trial)

        combined = {i.idx for h, i in pairs if h.modality in self.conditioning_with}
        # one name listing several medicines of different kinds ("Azacytidine; Cytarabine;
        # ...; Granulocyte colony-stimulating factor"): each is judged by its own words too
        kinds_of: dict[int, set[str]] = {}
        for h, i in pairs:
            kinds_of.setdefault(i.idx, set()).add(h.modality)
        combined |= {idx for idx, kinds in kinds_of.items() if len(kinds) > 1}

        def is_background(h: Hit, item: Intervention) -> bool:
            text = " ".join((item.name, *item.other_names, item.description or ""))
            # the name's role is looked up once per distinct name (RoleReader.name_role)
            supportive = (self.roles.name_role(item.name) == Role.SUPPORT
                          or self.supportive.search(item.description or "") is not None)
            conditioning = (cell_or_gene or graft) and bool(self.conditioning.search(text))
            if item.name.casefold() in title and not (
                    (supportive or conditioning) and self._called_support(item.name, title)):
                return False  # titled: the question ("... with filgrastim support" is not,
                # nor conditioning "... With Fludarabine and Cyclophosphamide Lymphodepletion")
            if conditioning and self._conditioning_titled(h, title):
                return False  # ... or titled by another of its names ("Vaccine Therapy With
                # or Without Interleukin-2" listing aldesleukin)
            if item.idx in combined:
                # one name holds the product and its regimen ("Tisagenlecleucel after
                # lymphodepleting chemotherapy"): each medicine in it is judged by its own words
                if h.modality in self.conditioning_with:
                    return False
                if len(h.matched) > 3 and h.matched.casefold() in title and not (
                        self._called_support(h.matched, title)):
                    return False  # this medicine of the name is titled: the question
                text = h.matched
                supportive = bool(self.supportive.search(text))
                conditioning = (cell_or_gene or graft) and bool(self.conditioning.search(text))
            if supportive:
                # ... unless the title names this support by another of its names as what it
                # studies ("G-CSF for Granulocyte Donation" listing "Granulocyte
                # colony-stimulating factor")
                return not self._support_titled(h, title)
            if item.idx in prescribed:
                return True
            if (redirecting and h.modality not in self.toxicity_management_with
                    and self.toxicity_management.search(" ".join((item.name, *item.other_names)))):
                return True
            return conditioning or (graft and bool(self.transplant_regimen.search(text)))

        def is_adjuvant(h: Hit, item: Intervention) -> bool:
            """GM-CSF given with a transplant or G-CSF (support), or with a vaccine (its
            adjuvant), unless the title names it: only its own kind gives way ("DC vaccines
            with GM-CSF" stays a cell therapy)."""
            return (h.modality in self.adjuvant_kinds
                    and self.support_in_transplant.search(item.name) is not None
                    and (self._transplant_setting(trial) or bool(modalities & self.adjuvant_with))
                    and ((titled := self.support_in_transplant.search(title)) is None
                         or self._called_support(titled.group(0), title)))

        kept = [(h, i) for h, i in pairs if not is_background(h, i) and not is_adjuvant(h, i)]
        return kept if kept else pairs

    def _prescribed(self, trial: Trial) -> set[int]:
        """The interventions listed beside a medicine whose label prescribes them with it
        (`prescribed_with`): a pretreatment, a vitamin against its toxicity. A name holding
        both ("Pemetrexed + Folic Acid") is the regimen itself, judged as one; one given in
        some arms of that medicine and not others is what the arms compare (folic against
        folinic acid with methotrexate)."""
        found: set[int] = set()
        if len(trial.interventions) < 2 or not self.prescribed_any.search(
                "\n".join(i.name for i in trial.interventions)):
            return found  # (most trials list none of them: one look at all names at once)
        for given, with_ in self.prescribed_with:
            # (the medicine it is given with is looked for only when it is listed: few are)
            candidates = [i for i in trial.interventions
                          if given.search(i.name) and not with_.search(i.name)]
            if not candidates:
                continue
            withs = [i for i in trial.interventions if with_.search(i.name)]
            arms_with = {a for i in withs for a in i.arm_group_labels}
            found.update(i.idx for i in candidates
                         if withs and arms_with <= set(i.arm_group_labels or arms_with))
        return found

    def _conditioning_titled(self, hit: Hit, title: str) -> bool:
        """Whether the title names, not as support, a conditioning medicine of this hit's
        kind: the same medicine by another name, or one of the same kind beside it, which
        adds no kind to the trial."""
        return any(
            not self._called_support(found.group(0), title)
            and hit.modality in {h.modality for h in self.names.match(
                Intervention(-1, None, found.group(0)))}
            for found in self.conditioning.finditer(title))

    def _support_titled(self, hit: Hit, title: str) -> bool:
        """Whether the title names a support of this hit's kind, and not as support."""
        found = self.supportive.search(title)
        if found is None or self._called_support(found.group(0), title):
            return False
        return hit.modality in {h.modality for h in self.names.match(
            Intervention(-1, None, found.group(0)))}

    def _called_support(self, name: str, title: str) -> bool:
        """Whether the title calls this intervention support: a support word within a few
        words after its name ("Topotecan With Filgrastim and Peripheral Blood Stem Cell
        Support"), or what the support is for just before it ("Stem Cells Mobilized With
        Filgrastim (G-CSF) or Sargramostim"), not merely somewhere ("... With or Without
        Filgrastim")."""
        if name.casefold() not in title:
            return False
        before, after = title.split(name.casefold(), 1)
        return bool(self.support_in_title.search(" ".join(after.split()[:7]))
                    or self.support_before_in_title.search(" ".join(before.split()[-6:])))

    def _drop_setting(self, pairs: Pairs, title: str) -> Pairs:
        """A therapy the title names as the setting ("odronextamab before CAR-T", "bridging
        irradiation prior to CAR-T") is standard care given to everyone: background, when the
        trial tests something of another kind, a medicine or a procedure its record names (a
        procedure known only by its registry type says too little)."""
        for mid, pattern in self.setting_in_title.items():
            # (the cheap tests first: most trials place no such kind, or nothing else)
            if all(h.modality != mid for h, _ in pairs):
                continue
            others = {h.modality for h, _ in pairs if h.tested and h.modality != mid
                      and h.layer != Layer.TYPE_PRIOR}
            if others and pattern.search(title):
                pairs = [(h, i) for h, i in pairs if h.modality != mid]
        return pairs

    def _drop_standard_care(self, pairs: Pairs, title: str) -> Pairs:
        """A product listed and titled only by its kind ("CAR T-cell therapy") beside a named
        medicine of another kind is the approved one every participant gets while that medicine
        is tested (LABELING.md's standard care; the labels read "CAR T-cell Therapy in
        Combination With Glofitamab" so): background, unless the title says which product it
        is (a target, "CD19 CAR-T") or does not name the kind at all (a regimen "Combined With
        Venetoclax and Immunotherapy" whose parts include it), or a product of its kind is
        named too. Cells and gene therapies beside it are not such a medicine (a CAR-T given
        with dendritic cells may be the combination tested). `title` is case-folded."""
        for mid, generic in self.standard_care.items():
            if all(h.modality != mid for h, _ in pairs):
                continue  # (most trials: the cheap test first)
            named = self.standard_care_named.get(mid)
            if named is not None and named.search(title):
                continue
            if mid not in self.names.names_kind(title):
                continue  # a regimen's part the title does not name may be what it tests
            plain = {i.idx for h, i in pairs if h.modality == mid and generic.search(i.name)}
            if not plain or any(h.modality == mid and i.idx not in plain for h, i in pairs):
                continue
            if self._tested_medicines(pairs, plain) - self.conditioning_with:
                pairs = [(h, i) for h, i in pairs if i.idx not in plain]
        return pairs

    def _tested_medicines(self, pairs: Pairs, leave_out: set[int]) -> set[str]:
        """The kinds of the tested medicines outside `leave_out` that more than the registry
        type reads (procedures and devices, `yields_to_medicine`, are no medicine)."""
        by_id = self.names.by_id
        return {h.modality for h, i in pairs if h.tested and i.idx not in leave_out
                and h.layer != Layer.TYPE_PRIOR and not by_id[h.modality].yields_to_medicine}

    def _drop_titled_setting(self, pairs: Pairs, trial: Trial) -> Pairs:
        """An intervention the title names as what its participants undergo ("... in Subjects
        With Glaucoma Undergoing Trabeculectomy", `background.title_population`) is what
        everyone gets: background, when another kind is tested. Sequence words ("following
        Rituxan") are left alone: the trial may give both."""
        title = title_text(trial)
        found = list(self.title_population.finditer(title))
        if not found:
            return pairs
        settings = _stems(" | ".join(m.group(0).casefold() for m in found))
        # named as tested too?
        elsewhere = _stems(self.title_population.sub(" ", title).casefold())
        # the name as the title writes it, without what it adds in parentheses
        # ("Interferon-beta (IFN-beta)" in "... Treated With Interferon-beta")
        written = {i.idx: _stems(PARENTHESES.sub(" ", i.name).casefold().strip())
                   for _, i in pairs}
        # (not a product named by its development code: an investigational product is given
        # by the trial itself, "... Receiving ALLO-501A Allogeneic CAR T Cell Therapy")
        setting = {i.idx for h, i in pairs if len(written[i.idx]) > 3
                   and written[i.idx] in settings and written[i.idx] not in elsewhere
                   and not self._named_elsewhere(h, i, elsewhere)
                   and not _INVESTIGATIONAL.search(i.name)}
        # ... or, when the title says it of people ("Brain Tumor Patients Treated With
        # Chemoradiation"; not "Gliomas Treated With Adoptive Cellular Therapy", what the trial
        # does), named by its kind ("Radiation and chemotherapy"), a kind the rest of the title
        # does not name; a medicine listed by another name than the title's ("Rebif" for
        # "... MS Treated With Subcutaneous Interferon Beta-1a") too, but not a product of
        # `other`, whose kind is too wide to say which ("Patients Undergoing Heart Surgery"
        # names no plasma)
        by_kind: set[int] = set()
        of_people = " | ".join(m.group(0).casefold() for m in found
                               if _PEOPLE.search(title, max(0, m.start() - 80), m.start()))
        if of_people:
            kinds = (self.names.names_kind(of_people, Scope.ALL)
                     - self.names.names_kind(elsewhere, Scope.ALL))
            by_kind = {i.idx for h, i in pairs if h.modality in kinds
                       and written[i.idx] not in elsewhere
                       and (h.layer in PATTERN_LAYERS
                            or (h.layer in TEXT_LAYERS and self._medicine(h.modality)
                                and not _INVESTIGATIONAL.search(i.name)))}
            # ... and a procedure whose words the title's phrase names ("Patients Undergoing
            # Stem Cell Transplant" for "Peripheral Blood Stem Cell Transplantation"): the same
            # procedure, however fully the record names it
            said = self._words_read(of_people)
            by_kind |= {i.idx for h, i in pairs if not self._medicine(h.modality)
                        and any(mid == h.modality and len(words) > 3 and words in written[i.idx]
                                and words not in elsewhere for mid, words in said)}
        # A transplant whose conditioning the record lists is one the trial gives: the regimen
        # it tests is the transplant's own ("Alemtuzumab and Combination Chemotherapy ... in
        # Patients Who Are Undergoing Donor Stem Cell Transplant"), not an add-on to it
        if any(self.conditioning.search(i.name) for i in trial.interventions):
            given = {i.idx for _, i in pairs if self.transplant_given.search(i.name)}
            setting -= given
            by_kind -= given
        # (what is named is dropped even when what its kind reaches would leave nothing tested)
        for setting_ in (setting | by_kind, setting):
            rest = {h.modality for h, i in pairs if i.idx not in setting_ and h.tested}
            if setting_ and rest:
                return [(h, i) for h, i in pairs if i.idx not in setting_ or h.modality in rest]
        return pairs

    def _named_elsewhere(self, hit: Hit, item: Intervention, elsewhere: str) -> bool:
        """Whether the rest of the title names a procedure by the words its name is read by
        ("Combination Chemotherapy and Bone Marrow Transplantation | ... Undergoing
        Allogeneic Bone Marrow Transplantation": tested, as well as undergone)."""
        if self._medicine(hit.modality):
            return False
        return any(mid == hit.modality and len(words) > 3 and words in elsewhere
                   for mid, words in self._words_read(item.name))

    def _words_read(self, text: str) -> set[tuple[str, str]]:
        """(modality, words) a text is read by as a product or a name pattern, case-folded and
        trimmed as `_stems` compares texts (the name reader caches each reading)."""
        return {(h.modality, _stems(h.matched.casefold()))
                for layer in (Layer.PRODUCT, Layer.NAME_PATTERN)
                for h in self.names.match_text(layer, text, Field.TITLE, True)}

    def _medicine(self, modality: str) -> bool:
        """Whether a kind is a medicine's (not `other`, the kind that yields to medicines)."""
        return not self.names.by_id[modality].yields_to_medicine

    def recast_all(self, hits: list[Hit], title: str) -> list[Hit]:
        """Each hit recast by the case-folded title read without what it measures or names as
        the participants' history (`unmeasured`: "Patients With Early CAR-T Cell Dysfunction"
        recasts nothing); the blanking is skipped when no hit could be recast."""
        if not any(self._recastable(h) for h in hits):
            return hits
        unmeasured = self.unmeasured(title)
        return [self.recast(h, unmeasured) for h in hits]

    def _recastable(self, hit: Hit) -> bool:
        return bool(self.names.by_id[hit.modality].recast_in_title) and (
            hit.layer in PATTERN_LAYERS)

    def recast(self, hit: Hit, title: str) -> Hit:
        """A kind found only by its generic words becomes another kind when the title says
        what it is for (`recast_in_title`: "gp100 peptide" in a "Peptide Vaccine" trial is a
        vaccine antigen, LABELING.md), or names a product of that kind ("Infusion of ARI-0001
        Cells" listing "autologous T-cells"). Named products keep their kind. `title` is
        case-folded."""
        if not self._recastable(hit):
            return hit
        recasts = self.names.by_id[hit.modality].recast_in_title
        named: set[str] | None = None
        for pattern, to, by_product in recasts:
            if not pattern.search(title):
                if not by_product:
                    continue
                named = self._named_by_product(title) if named is None else named
                if to not in named:
                    continue
            return Hit(to, hit.layer, hit.field, hit.text, hit.matched, hit.tested)
        return hit

    def _named_by_product(self, title: str) -> set[str]:
        # not by a short abbreviation, which titles use for other things ("PCV" is a
        # pneumococcal vaccine and procarbazine-CCNU-vincristine)
        return {h.modality for h in self.names.match_text(Layer.PRODUCT, title, Field.TITLE, True)
                if len(h.matched.replace(" ", "")) >= 5 or CODE.fullmatch(h.matched)}
