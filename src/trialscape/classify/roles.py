"""Roles: what each intervention is in its trial, from its name and the record's arms.

Placebo, sham and standard-of-care controls place nothing, unless the name joins a medicine to
them ("Penicillin or Placebo"; "R-CHOP + placebo" is the placebo arm's background); assessments
and procedures around the treatment are ancillary. An intervention found only in comparator
arms is counted but never primary. What every arm gets is the backbone when the trial is
placebo-controlled, or when it adds something to it and the title does not name it as the
question; so is a medicine named only by its class ("Chemotherapy") that every arm gets, when
the title does not name that class.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from trialscape.classify.gates import GatedRegex
from trialscape.classify.inputs import Intervention, Trial
from trialscape.classify.model import (
    MEDICINE_TYPES,
    PARENTHESES,
    Layer,
    Role,
    Scope,
    code_words,
    title_text,
)
from trialscape.classify.names import COMBINATION, NEVER, NameReader

COMPARATOR_ARMS = frozenset({"ACTIVE_COMPARATOR", "PLACEBO_COMPARATOR", "SHAM_COMPARATOR",
                             "NO_INTERVENTION"})
PLACEBO_ARMS = frozenset({"PLACEBO_COMPARATOR", "SHAM_COMPARATOR"})
_NAME_WORD = re.compile(r"[A-Za-z]{4,}")  # a name, not a dose or an abbreviation
# where one intervention name joins two things ("X or Placebo", "X + Placebo", "X / Placebo");
# a slash without spaces only beside a placebo ("Pirfenidone/Placebo"), since "5/10 mg" and
# "LABA/LAMA" are one thing
_JOINS = re.compile(r"\s*(?:[,;+]|\s/\s|/(?=\s*(?:matching |matched )?(?:placebo|sham|dummy)\b)"
                    r"|(?<=placebo)/|\bor\b|\band\b|\bvs\b\.?|\bversus\b|\bthen\b|\.\s)\s*",
                    re.IGNORECASE)
# the types of what is done around a medicine: a title naming one of these may name the
# medicine's setting (radiation too since 2026.12.294: a sensitiser a trial tests beside
# radiotherapy is one its title names, which `_around_titled_procedure` leaves alone)
_AROUND_TYPES = frozenset({"PROCEDURE", "DEVICE", "BEHAVIORAL", "RADIATION"})
# the type a registrant gives a test: what it measures is not given (2026.12.196)
_ASSESSMENT_TYPES = frozenset({"DIAGNOSTIC_TEST"})
_TITLE_JOINS = re.compile(r"\b(and|plus|with|combined|combination|added|addition|adding|"
                          r"adjunct\w*)\b|\+|&",
                          re.IGNORECASE)
_TRANSPLANT = re.compile(r"transplant|\b(?:hsct|bmt|sct|hct)\b")  # (case-folded)
_NOT_AROUND = re.compile(r"transplant|\b(HSCT|BMT|SCT)\b|\bblock|an(a)?esthe|analges|sedat|"
                         r"hormon|androgen deprivation|\bADT\b|steroid|antiarrhythm|thromboly|"
                         r"\bmedical|preparation",
                         re.IGNORECASE)
_VERSUS = re.compile(r"\b(?:versus|vs\.?|compared (?:to|with))\s", re.IGNORECASE)
# a first side of a comparison that names the standard the second is tested against
_STANDARD_FIRST = re.compile(r"\b(alone|only|monotherapy|standard|conventional|usual|current|"
                             r"traditional|routine|placebo)\b", re.IGNORECASE)
# a title saying its control is an active medicine ("Active-controlled Study of ...")
_ACTIVE_CONTROLLED = re.compile(r"\bactive[- ](?:controlled|comparators?|controls?)\b",
                                re.IGNORECASE)
_BOTH_TESTED = re.compile(r"\b(their|the|in) combination\b|\bcombined\b|\bboth\b", re.IGNORECASE)
# title words that may name more than one medicine as the question ("... in Combination
# Therapy", "Hormone Therapy With or Without X", "X Plus Standard Chemotherapy")
_NOT_ALONE = re.compile(r"\b(?:combinations?|combined|regimens?|plus|add(?:ed|-on|ition)|"
                        r"adjunct\w*|without|cocktail|concomitant\w*|concurrent\w*|"
                        r"simultaneous\w*|co-?administ\w*|together|versus|vs|compared|or)\b|"
                        r"therap(?:y|ies)\b|chemo|[+&/]")  # (on the case-folded title)
_PLACEBO = re.compile(r"\bplacebos?\b", re.IGNORECASE)
_SIGNIFICANT = re.compile(r"[a-z]{4,}")  # words that name something (not "of", "vs", "ESB")
_GENERIC_WORDS = frozenset({"therapy", "treatment", "group", "standard", "care", "with",
                            "control", "active", "usual", "intervention", "program",
                            "programme", "procedure", "device", "session", "sessions",
                            # how a medicine is given, which titles leave out
                            # ("Erythropoietin Injection" in "... and Erythropoietin ...")
                            "injection", "injections", "infusion", "infusions", "tablet",
                            "tablets", "capsule", "capsules", "oral", "dose", "doses",
                            "intravenous", "subcutaneous", "intramuscular"})


# the diagnostic isotopes titles write beside a tracer: mass numbers and elements (casefolded)
_MASS = r"(11|13|15|18|64|68|89|99m|111|123|124)"
_ELEMENT = r"(c|n|o|f|cu|ga|zr|tc|in|i)"

# a diagnostic isotope written just before a name ("124I-PU-AD", "[18F]XYZ", "Ga-68 ABC")
_ISOTOPE_BEFORE = re.compile(
    rf"(\[?\(?{_MASS}\)?\s?{_ELEMENT}\]?|\b{_ELEMENT}-?{_MASS})\s*-?\s*$")


# ... or just after it, in parentheses ("BAY86-9596 (18F)")
_ISOTOPE_AFTER = re.compile(
    rf"\s*\(\s*(\[?{_MASS}\]?\s?{_ELEMENT}|{_ELEMENT}-?{_MASS})\s*\)")


# ... or only its mass number, where the name begins with the element ("Ga-PSMA-11" in
# "68Ga-PSMA-11 PET")
_MASS_BEFORE = re.compile(rf"\b{_MASS}\s*-?\s*$")
_ELEMENT_FIRST = re.compile(rf"{_ELEMENT}\b")


_NAME_PARTS = re.compile(r"[-\s]+")
_SEPARATED_DIGIT = re.compile(r"[-\s]\d|\d[-\s]")


def _found(needle: str, text: str) -> Iterator[tuple[int, int]]:
    """Where `needle` is written in `text`, overlapping occurrences included."""
    at = text.find(needle)
    while at >= 0:
        yield at, at + len(needle)
        at = text.find(needle, at + 1)


def _labelled_in_title(name: str, title: str) -> bool:
    """Whether the title writes this intervention with a diagnostic isotope: a tracer (an
    assessment), however the record names it, and whether its parts are joined by a hyphen,
    a space or nothing ("MK 6240" in "[18F]MK-6240")."""
    name, title = name.strip().casefold(), title.casefold()
    if len(name) < 3:
        return False
    if name in title:
        spans = _found(name, title)
    else:
        # a code whose letters and digits the record and the title join differently: only a
        # name with a separator beside a digit (this runs for most items, most have none)
        if _SEPARATED_DIGIT.search(name) is None:
            return False
        parts = [part for part in _NAME_PARTS.split(name) if part]
        if not all(part in title for part in parts):
            return False
        spans = ((m.start(), m.end())
                 for m in re.finditer(r"[-\s]?".join(map(re.escape, parts)), title))
    element_first = _ELEMENT_FIRST.match(name) is not None
    for start, end in spans:
        before = title[max(0, start - 12):start]
        if (_ISOTOPE_BEFORE.search(before)
                or (element_first and _MASS_BEFORE.search(before))
                or _ISOTOPE_AFTER.match(title, end)):
            return True
    return False


def _joined_parts(name: str) -> list[str]:
    """The things one intervention name joins, without what it adds in parentheses
    ("Penicillin or Placebo", "Dalfampridine/Placebo")."""
    return [p for p in _JOINS.split(PARENTHESES.sub(" ", name)) if p and p.strip()]


def _named_in(name: str, title_words: set[str]) -> bool:
    """Whether the title holds most of a name's own words ("Active acupuncture" in "...
    Acupuncture Versus Sham Acupuncture"), not only its generic ones."""
    words = set(_SIGNIFICANT.findall(name.casefold())) - _GENERIC_WORDS
    # every word of a name of one or two, at least half (rounded up) of a longer one
    needed = len(words) if len(words) <= 2 else (len(words) + 1) // 2
    return bool(words) and len(words & title_words) >= needed


_DEV_CODE = re.compile(r"\b[A-Z]{1,6}-?\d{2,}[A-Z0-9]*\b")  # "ANG-3777", "XTMAB-16"
# a medicine given with a placebo ("R-CHOP + placebo"), not one given or a placebo
# ("X or placebo"): the first is what the placebo arm gets besides its placebo
_WITH_PLACEBO = re.compile(r"(?:\+|\bplus\b|\band\b|\bwith\b)\s*(?:matching |a )?"
                           r"(?:placebos?|sham|vehicle|dummy)\b|\b(?:placebos?|sham|vehicle|dummy)"
                           r"\b[^,;]*?(?:\+|\bplus\b|\band\b|\bwith\b)", re.IGNORECASE)
# a placebo named for what it matches or replaces
_PLACEBO_FOR = re.compile(r"^\s*(?:matching |matched |identical )?"
                          r"(?:placebos?|sham|vehicle|dummy)\b[\w ]{0,20}?"
                          r"\b(?:to match|for|of|matching|matched|to|corresponding)\b",
                          re.IGNORECASE)


# where a name says what its product came from, just before an ancillary word ("cells collected
# from apheresis products", "derived from bone marrow aspirate")
_FROM_SOURCE = re.compile(r"\b(?:(?:collected|derived|obtained|isolated|harvested|prepared|"
                          r"manufactured|expanded)\s+)?from\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


# what participants are asked, not a substance measured
_ASKED = re.compile(r"questionnaire|survey|interview", re.IGNORECASE)
# a description saying its medicine is given as the care everyone gets
_AS_CARE = re.compile(r"\b(as|per|according to|part of)( the)? (standard|usual|routine)( of)? "
                      r"(care|practice|treatment)\b", re.IGNORECASE)
# an assessment that decides the treatment ("genotyping guided therapy Ticagrelor",
# "Voriconazole preemptive genotyping strategy"): the name is the treatment it guides
_GUIDES = re.compile(r"[\s-]*(guided|directed|driven|tailored|adapted|based|strateg(y|ies))\b",
                     re.IGNORECASE)


@dataclass
class RoleReader:
    names: NameReader
    control: GatedRegex
    choice: GatedRegex
    ancillary: GatedRegex
    supportive: GatedRegex
    # words a "physician's choice" name may hold and still name no medicine
    choice_filler: GatedRegex = NEVER
    title_setting: GatedRegex = NEVER
    # what a title names as its participants' treatment ("... Treated With Glatiramer
    # Acetate"): not the question (background.title_population)
    title_population: GatedRegex = NEVER
    # a medicine named only by its class ("Chemotherapy", "Intravenous pain medication") and
    # the title words that name such a class as the question ("chemo", "analgesic")
    generic_medicine: GatedRegex = NEVER
    generic_in_title: GatedRegex = NEVER
    # a title saying the trial studies an imaging agent ("Evaluation of Two Radioactive
    # Chemicals to Image mGluR5 Receptors"), not a drug measured with one ("... Occupancy")
    tracer_in_title: GatedRegex = NEVER
    _name_roles: dict[str, Role | None] = field(default_factory=dict)

    def clear_cache(self) -> None:
        self._name_roles.clear()

    def is_control(self, name: str) -> bool:
        if not self._control_words(name):
            return False
        # a name that joins a medicine and its placebo ("Penicillin or Placebo",
        # "Ivermectin + Placebo") names the medicine too; a placebo named for what it matches
        # ("Placebo to match X and Y") does not
        if _PLACEBO_FOR.match(name):
            return True
        return not any(not self._control_words(p) and self._names_medicine(p)
                       for p in _joined_parts(name))

    def _titled_beside_placebo(self, name: str, title: str) -> bool:
        """Whether a name joins to its placebo a name no rule reads that the title names
        ("Dalfampridine/Placebo" in a crossover, "Polyphenon E and Placebo"): the medicine
        the trial tests. Not a placebo described by what it is made of ("Lactose (inactive
        placebo)"), nor words that say how or when it is given ("Placebo i.m. injection",
        "Phase 2; Placebo"), which the title does not name."""
        parts = _joined_parts(name)
        if not any(_PLACEBO.search(p) for p in parts):
            return False
        folded = title.casefold()
        for part in parts:
            if self._control_words(part) or self.names.match(
                    Intervention(-1, None, part.strip())):
                continue
            words = [w for w in _SIGNIFICANT.findall(part.casefold())
                     if w not in _GENERIC_WORDS]
            if words and all(re.search(rf"\b{re.escape(w)}\b", folded) for w in words):
                return True
        return False

    def _control_words(self, name: str) -> bool:
        return bool(self.control.search(name)) or (
            bool(self.choice.search(name)) and not self._names_more(name))

    def _names_medicine(self, part: str, codes: bool = True) -> bool:
        """Whether a part of a name says a medicine: a development code (unless not `codes`),
        or a kind the rules read from its words (not the registry type, not a procedure)."""
        if codes and (code_words(part) or _DEV_CODE.search(part)):
            return True
        return any(h.layer != Layer.TYPE_PRIOR
                   and not self.names.by_id[h.modality].yields_to_medicine
                   for h in self.names.match(Intervention(-1, None, part.strip())))

    def _names_more(self, text: str) -> bool:
        """Whether a choice names a medicine: "Physician's choice (paclitaxel)" does."""
        rest = self.choice_filler.sub(" ", self.choice.sub(" ", text))
        return _NAME_WORD.search(rest) is not None

    def _ancillary(self, name: str) -> bool:
        """Whether a name is an assessment or a procedure around the treatment; not when the
        procedure is only where a medicine the name holds came from ("natural killer cells
        collected from apheresis products"), nor when it lists a regimen beside the assessment
        (`_regimen_listed`)."""
        found = self.ancillary.search(name)
        if found is None:
            return False
        source = _FROM_SOURCE.search(name, 0, found.start())
        if source is not None and self._names_medicine(name[:source.start()]):
            return False
        # what a medicine's name adds in parentheses abbreviates it or says how its dose was
        # measured ("glecaprevir/pibrentasvir (GLE/PIB)", "ChAdOx1 nCoV-19 (qPCR)"); not what
        # a code's does ("GSK26346763: ([18F]-FBA-A20FMDV2)", a tracer's)
        opened = name.rfind("(", 0, found.start())
        if (opened > 0 and ")" not in name[opened:found.start()] and ")" in name[found.end():]
                and self._names_medicine(name[:opened], codes=False)):
            return False
        if _GUIDES.match(name, found.end()) and self._names_medicine(name):
            return False
        return not self._regimen_listed(name, found.group(0))

    def _regimen_listed(self, name: str, assessment: str) -> bool:
        """Whether a name lists a regimen beside its assessment: two or more of its other
        parts name medicines by product or INN stem ("rituximab, cyclophosphamide, etoposide,
        prednisone, vorinostat and QOL questionnaire"). Measures ("urinary NGAL, TIMP-2,
        IL-6") and a tracer's challenge drug name fewer. Beside what participants are asked
        (a questionnaire, an interview), which measures no substance, one medicine is the
        regimen ("Sildenafil and questionnaire")."""
        parts = [p for p in COMBINATION.split(name) if p and p.strip() and assessment not in p]
        enough = 1 if _ASKED.search(assessment) else 2
        if len(parts) < enough:
            return False
        named = 0
        for part in parts:
            item = Intervention(-1, None, part.strip())
            if any(self.names.layer_hits(layer, item, True)
                   for layer in (Layer.PRODUCT, Layer.STEM)):
                named += 1
                if named == enough:
                    return True
        return False

    def name_role(self, name: str) -> Role | None:
        """CONTROL, ANCILLARY, SUPPORT or None, from the name alone; cached, since names
        repeat across trials ("Placebo", "laboratory biomarker analysis") and the
        alternations are long."""
        if name in self._name_roles:
            return self._name_roles[name]
        role = (Role.CONTROL if self.is_control(name) else Role.ANCILLARY
                if self._ancillary(name) else Role.SUPPORT
                if self.supportive.search(name) else None)
        if len(self._name_roles) > 200_000:
            self._name_roles.clear()
        self._name_roles[name] = role
        return role

    def roles(self, trial: Trial) -> dict[int, Role]:
        """idx -> CONTROL | ANCILLARY | COMPARATOR | TESTED | BACKBONE."""
        if not trial.interventions:
            return {}  # (a fifth of the records list none: their title is read elsewhere)
        arm_types = {a.label: a.type for a in trial.arm_groups}
        # arms name their interventions as "Drug: name"
        arms_named: dict[str, set[str]] = {}
        for arm in trial.arm_groups:
            for ref in arm.intervention_names:
                arms_named.setdefault(ref.split(":", 1)[-1].strip().casefold(), set()).add(
                    arm.label)
        arms_of = {item.idx: set(item.arm_group_labels)
                   | arms_named.get(item.name.strip().casefold(), set())
                   for item in trial.interventions}
        has_experimental = any(t == "EXPERIMENTAL" for t in arm_types.values())
        has_placebo_arm = any(t in PLACEBO_ARMS for t in arm_types.values())
        in_every_arm = {i.idx for i in trial.interventions
                        if len(arm_types) > 1 and arms_of[i.idx] >= set(arm_types)}
        roles: dict[int, Role] = {}
        title = title_text(trial)
        # (once per trial: a gate on the title, and most titles hold none of its words)
        tracer_titled = self.tracer_in_title.search(title) is not None
        for item in trial.interventions:
            role = self.name_role(item.name)
            if role is None and item.type in _ASSESSMENT_TYPES:
                # typed as a test by its registrant: what it measures is no medicine given
                # ("Soluble Urokinase Plasminogen Activator Receptor", "COVID19 immunization
                # testing")
                role = Role.ANCILLARY
            if role is Role.CONTROL and self._titled_beside_placebo(item.name, title):
                continue  # "S-equol and Placebo" in "S-Equol in Alzheimer's Disease"
            if role in (Role.CONTROL, Role.ANCILLARY):
                roles[item.idx] = role
            elif role is None and _labelled_in_title(item.name, title):
                roles[item.idx] = Role.ANCILLARY  # "PU-AD" in "PET Imaging Using 124I-PU-AD"
            elif role is None and tracer_titled and self._unread_tracer(item, trial, title):
                roles[item.idx] = Role.ANCILLARY  # "STX107" in "... Radioactive Chemicals"
            # (the cheap test first: few names join a placebo; this runs for every item)
            elif _WITH_PLACEBO.search(item.name) and self._control_words(item.name):
                # a medicine named with a placebo ("Glatiramer or interferon-beta + Placebo")
                # is what the placebo arm gets besides its placebo: the background every arm
                # gets, counted (never as the question) only when the title names it
                # ("Enzastaurin + R-CHOP" with "R-CHOP + placebo")
                roles[item.idx] = (Role.COMPARATOR if self.titled(item, trial)
                                   else Role.BACKBONE)
        # Something active differs between the arms, so what every arm gets is the setting,
        # not the question (an add-on to standard therapy), unless the title names it.
        add_on = any(i.idx not in roles and i.idx not in in_every_arm
                     and self.name_role(i.name) != Role.SUPPORT for i in trial.interventions)
        # (with two arms, what a placebo arm shares with the other is in every arm: read above)
        beside_placebo = (self._beside_placebo(trial, roles, arm_types, arms_of, in_every_arm)
                          if has_placebo_arm and len(arm_types) > 2 else set())
        for item in trial.interventions:
            if item.idx in roles:
                continue
            types = {arm_types.get(label) for label in arms_of[item.idx]}
            comparator_only = bool(types) and has_experimental and types <= COMPARATOR_ARMS
            backbone = item.idx in beside_placebo or (item.idx in in_every_arm and (
                has_placebo_arm or (add_on and not self.titled(item, trial))))
            if backbone and has_placebo_arm and self.titled(item, trial):
                # what the placebo arm gets too, named in the title ("HLX10 and HLX04 With or
                # Without HLX53"): counted, never the question, as when named with a placebo
                roles[item.idx] = Role.COMPARATOR
            elif (backbone or self._usual_care(item, trial, arms_of[item.idx], set(arm_types))
                    or (not arm_types and self._around_titled_procedure(item, trial))):
                roles[item.idx] = Role.BACKBONE
            else:
                roles[item.idx] = Role.COMPARATOR if comparator_only else Role.TESTED
        if not arm_types:
            self._compared_with(trial, roles)
            self._double_dummy(trial, roles)
            self._titled_alone(trial, roles)
            self._active_controlled(trial, roles)
        return roles

    @staticmethod
    def _beside_placebo(trial: Trial, roles: dict[int, Role], arm_types: dict[str, str | None],
                        arms_of: dict[int, set[str]], in_every_arm: set[int]) -> set[int]:
        """What a placebo arm and an experimental arm both get, where the experimental arm
        adds something the placebo arm lacks: the backbone of that part of the trial, as
        what every arm of a placebo-controlled trial gets is ("Part A: Olomorasib +
        Pembrolizumab" beside "Part A: Placebo + Pembrolizumab", and Part B's durvalumab
        likewise: no backbone is in every arm). A crossover's placebo arm holds the tested
        medicine too, but its experimental arm adds nothing: that medicine stays tested."""
        placebo_arms = {label for label, kind in arm_types.items() if kind in PLACEBO_ARMS}
        experimental = {label for label, kind in arm_types.items() if kind == "EXPERIMENTAL"}
        active = [i for i in trial.interventions if i.idx not in roles]
        found = set()
        for item in active:
            if item.idx in in_every_arm:
                continue
            with_placebo = arms_of[item.idx] & placebo_arms
            tested_arms = arms_of[item.idx] & experimental
            if with_placebo and tested_arms and any(
                    arms_of[other.idx] & tested_arms and not arms_of[other.idx] & with_placebo
                    for other in active if other.idx != item.idx):
                found.add(item.idx)
        return found

    def _unread_tracer(self, item: Intervention, trial: Trial, title: str) -> bool:
        """Whether an intervention no rule reads (a bare code: "STX107", "ONM-100"; a name
        that says nothing: "All Subjects") is the imaging agent its trial's title says it
        studies (the caller has found `tracer_in_title` in that title): an assessment, as a
        tracer the name labels would be (LABELING.md: imaging tracers are `other`). Not when
        the record lists the tracer or another assessment by name ("[11C]AZ12807110" beside
        the drug "AZD5213")."""
        if item.type not in MEDICINE_TYPES:
            return False  # a supplement or a procedure beside a tracer is the challenge it
            # measures
        if any(i.idx != item.idx and (self.name_role(i.name) == Role.ANCILLARY
                                      or _labelled_in_title(i.name, title))
               for i in trial.interventions):
            return False
        return not any(h.layer != Layer.TYPE_PRIOR for h in self.names.match(item))

    def _double_dummy(self, trial: Trial, roles: dict[int, Role]) -> None:
        """A record without arms that lists two placebos or more gives each active medicine
        its own dummy: a double-dummy comparison ("Evobrutinib", "Avonex", "Avonex matched
        Placebo", "Evobrutinib matched Placebo"). What the title names is tested; a listed
        medicine it does not name, by name or by a product of its kind, is the comparator
        (counted, never primary), as an arm typed ACTIVE_COMPARATOR would be ("Study of
        Evobrutinib in Participants With RMS")."""
        if len(trial.interventions) < 4:
            return  # (two placebos and two medicines at least: most records list fewer)
        placebos = sum(1 for i in trial.interventions
                       if roles.get(i.idx) == Role.CONTROL and "placebo" in i.name.casefold())
        if placebos < 2:
            return
        self._unnamed_are_compared(trial, roles, trial.brief_title or "")

    def _unnamed_are_compared(self, trial: Trial, roles: dict[int, Role], title: str) -> None:
        """Where `title` names some of the tested medicines by their name or code, each tested
        medicine it names neither so nor by a product of its kind ("Adrenocorticotropin
        Hormone" for "ACTH") becomes the comparator (counted, never primary)."""
        tested = [i for i in trial.interventions if roles.get(i.idx) == Role.TESTED]
        words = set(_SIGNIFICANT.findall(title.casefold()))
        codes = code_words(title)
        named = {i.idx for i in tested
                 if _named_in(i.name, words) or code_words(i.name) & codes}
        if not named or len(named) == len(tested):
            return  # the title names none of them, or all: nothing tells them apart
        for item in tested:
            if item.idx not in named and not self.titled(item, trial):
                roles[item.idx] = Role.COMPARATOR

    def _titled_alone(self, trial: Trial, roles: dict[int, Role]) -> None:
        """A record without arms whose brief title names one listed medicine as its whole
        question ("Umifenovir in Hospitalized COVID-19 Patients", "Minocycline to Treat Branch
        Retinal Vein Occlusion") tests that one; a listed medicine the title names neither by
        name nor by a product or a word of its kind is what it is given beside or compared
        with (interferon in the first, bevacizumab in the second): counted, never primary, as
        the double-dummy records are read. The one named must be a medicine a rule knows (a
        bare code titled alone says nothing of its kind) and named by its name or its code,
        outside what the title says its participants already take ("... Treated With
        Glatiramer Acetate"). Not when the title speaks of a combination, a regimen, a
        therapy by its class or a transplant, which may be naming the rest (the labels count
        a transplant's regimen); nor for an unnamed development code, which a trial gives
        only to test it."""
        tested = [i for i in trial.interventions
                  if roles.get(i.idx) == Role.TESTED and i.type in MEDICINE_TYPES]
        if len(tested) < 2:
            return
        title = trial.brief_title or ""
        folded = title.casefold()
        if (_NOT_ALONE.search(folded) or _TRANSPLANT.search(folded)
                or self.generic_in_title.search(title)):
            return
        # (the cheap reading first, on the whole title; most records stop here)
        named = self._named_alone(tested, folded)
        if len(named) != 1:
            return  # none, or a title listing several: a regimen, whose parts it may not list
        others = [i for i in tested if i.idx not in named and not _DEV_CODE.search(i.name)]
        if not others or self._named_alone(
                tested, self.title_population.sub(" ", title).casefold()) != named:
            return
        # (by any rule of its kind, not only those titles may name; the costlier `titled`,
        # which also finds a code the title writes, last)
        kinds = self.names.names_kind(title, Scope.ALL)
        for item in others:
            if (not any(h.modality in kinds for h in self.names.match(item))
                    and not self.titled(item, trial)):
                roles[item.idx] = Role.COMPARATOR

    def _named_alone(self, items: list[Intervention], title: str) -> set[int]:
        """The items a case-folded title names by their name, by the product or INN a rule
        reads in them (not a word of their kind: "Vaccine" names every vaccine) or by their
        code, among those a rule knows beyond their registry type."""
        codes = code_words(title)
        named = set()
        for item in items:
            hits = [h for h in self.names.match(item) if h.layer != Layer.TYPE_PRIOR]
            if hits and (PARENTHESES.sub(" ", item.name).strip().casefold() in title
                         or any(h.layer in (Layer.PRODUCT, Layer.STEM) and len(h.matched) > 3
                                and h.matched.casefold() in title for h in hits)
                         or code_words(item.name) & codes):
                named.add(item.idx)
        return named

    def _compared_with(self, trial: Trial, roles: dict[int, Role]) -> None:
        """A record without arms whose title compares one listed intervention with another
        ("Microfragmented Adipose Tissue Compared to Corticosteroid Injection", "X Versus
        Y"): what only the second side names is the comparator (counted, never primary), as
        an arm typed ACTIVE_COMPARATOR would be, when the first side names another."""
        title = trial.brief_title or ""
        if not any(map(title.casefold().__contains__, ("vs", "versus", "compared"))):
            return  # (most titles compare nothing: substring tests before the regex)
        sides = _VERSUS.split(title)
        if len(sides) != 2 or _STANDARD_FIRST.search(sides[0]):
            return  # "Radiotherapy Alone Versus Concurrent Chemoradiation": the second is new
        if _BOTH_TESTED.search(sides[1]):
            return  # "CBT vs Imipramine and Their Combination": each is tested
        first, second = (set(_SIGNIFICANT.findall(side.casefold())) for side in sides)
        tested = [i for i in trial.interventions if roles.get(i.idx) == Role.TESTED]
        in_first = {i.idx for i in tested if _named_in(i.name, first)}
        in_second = {i.idx for i in tested if _named_in(i.name, second)}
        if not in_first - in_second:
            return
        for idx in in_second - in_first:
            roles[idx] = Role.COMPARATOR

    def _active_controlled(self, trial: Trial, roles: dict[int, Role]) -> None:
        """A record without arms whose title says it is active-controlled and names some of
        the listed medicines ("Active-controlled Study of Single Dose CVXGA Intranasal COVID-19
        Vaccine" listing CVXGA and COMIRNATY): a medicine the title names neither by its name
        or code nor by its kind is the active control (counted, never primary), as an arm
        typed ACTIVE_COMPARATOR would be."""
        text = title_text(trial)
        if "active" in text.casefold() and _ACTIVE_CONTROLLED.search(text):
            # (most titles do not say so: a substring test before the regex)
            self._unnamed_are_compared(trial, roles, text)

    def _usual_care(self, item: Intervention, trial: Trial, arms: set[str],
                    all_arms: set[str]) -> bool:
        """A medicine named only by its class, which every arm gets (or the record has one
        arm or none), in a trial whose title does not name that class: the usual care around
        what is tested (LABELING.md: "usual care named generically" is not counted), as the
        chemotherapy of "PCI and Brain MRI Follow-up vs Brain MRI Follow-up Alone" or the
        "Intravenous pain medication" of "RIRS Versus ESWL"."""
        described = _AS_CARE.search(item.description or "") is not None
        if not described and not self.generic_medicine.search(item.name):
            return False
        if len(all_arms) > 1 and not arms >= all_arms:
            return False  # given in some arms only: it is what differs ("Block vs Analgesics")
        if described:
            # ... or a medicine its description says is given as standard care ("Anti-VEGF:
            # Administered PRN as Standard of Care" beside episcleral brachytherapy), which the
            # title does not name
            return not self.titled(item, trial)
        return self.generic_in_title.search(title_text(trial)) is None

    def _around_titled_procedure(self, item: Intervention, trial: Trial) -> bool:
        """A record without arms whose title names a procedure, device or programme it lists
        ("Continuous Erector Spinae Block Versus Continuous Paravertebral Block", "... on
        Acupuncture Versus Sham Acupuncture") and not this medicine: the medicine is what the
        procedure gives or what everyone takes (ropivacaine, donepezil), not the question."""
        if item.type not in MEDICINE_TYPES or not any(
                i.type in _AROUND_TYPES for i in trial.interventions):
            return False  # (the cheap tests first: this runs for most items of old records)
        text = title_text(trial)
        # a title that joins things ("Exercise and Incretin Mimetic"), names a class of
        # medicine ("Chemotherapy Plus Radiation", "Immunoadsorption Versus Corticosteroids"),
        # a transplant (whose regimen the labels count) or an anaesthetic procedure (whose
        # drug the labels count: "spinal anesthesia" is its local anaesthetic) may be naming
        # the medicine too
        if (_TITLE_JOINS.search(text) or self.generic_in_title.search(text)
                or _NOT_AROUND.search(text)
                or any(_NOT_AROUND.search(i.name) for i in trial.interventions)):
            return False
        words = set(_SIGNIFICANT.findall(text.casefold()))
        if _named_in(item.name, words) or self.titled(item, trial):
            return False
        procedures = [i for i in trial.interventions
                      if i.idx != item.idx and i.type in _AROUND_TYPES]
        # every side of a comparison must name a listed procedure ("ESB Versus PVB"), not a
        # medicine ("Electroacupuncture Versus Solifenacin")
        sides = [set(_SIGNIFICANT.findall(side.casefold())) for side in _VERSUS.split(text)]
        return all(any(_named_in(p.name, side) for p in procedures) for side in sides)

    def titled(self, item: Intervention, trial: Trial) -> bool:
        """Whether the title names this intervention, or a product of its kind ("Doxil and
        Taxotere +/- Herceptin" names the docetaxel every arm gets). Kinds whose words are
        too generic for titles ("chemotherapy": title_fallback = false) need a product."""
        # "... before surgery" names the setting, not the question (background.title_setting)
        title = self.title_setting.sub(" ", title_text(trial))
        if item.name.casefold() in title.casefold():
            return True
        # a development code is as good as the whole name ("IP FT516" in "FT516 and IL2 ...")
        if code_words(item.name) & code_words(title):
            return True
        named = self.names.names_kind(title)
        return any(h.modality in named for h in self.names.match(item))

