"""The modality rules engine: pure, deterministic, explainable.

Each intervention is matched layer by layer, strongest first (product dictionary, INN stems,
name patterns, description patterns, the intervention type as a weak prior); the first layer that
matches decides that intervention. Placebo, sham and standard-of-care controls place nothing;
background therapies (conditioning, lymphodepletion, premedication, supportive growth factors, a
backbone given in every arm of a placebo-controlled or add-on trial, what the title says
participants undergo) place nothing when something else is tested. The title fills gaps: a bare
code takes the kind its title names, and a record with no interventions is read from its title
part by part (setting and measure phrases blanked). The trial's primary modality is the most
specific one among the tested interventions. Every placement carries the rule and the text that
matched, so the dashboard can say why. The rules and word lists live in data/modalities.toml;
docs/classification.md explains each with the record wording it came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from trialscape.classify.gates import GatedPatterns, GatedRegex, lower_pattern
from trialscape.classify.inputs import Intervention, Trial

LAYERS = ("product", "stem", "name pattern", "description pattern")
# Layers of regular expressions (context words, not names or word endings): they can add a
# carrier beside a stronger match, and a kind they find may be recast by the title.
PATTERN_LAYERS = ("name pattern", "description pattern")
FIELD_LABELS = {"name": "intervention name", "other_names": "other name",
                "description": "intervention description", "title": "trial title",
                "title_only": "trial title (the record lists no interventions)",
                "type": "intervention type", "mesh": "intervention MeSH term"}


@dataclass(frozen=True)
class Submodality:
    id: str
    label: str
    pattern: re.Pattern[str]


@dataclass(frozen=True, kw_only=True)  # fifteen fields: named, never by position
class Modality:
    id: str
    label: str
    definition: str
    explainer_url: str | None
    colour: str
    order: int
    specificity: int
    suppresses: frozenset[str] = frozenset()
    submodalities: tuple[Submodality, ...] = ()
    title_fallback: bool = True
    carrier: bool = False  # a vector or cell that carries a payload (see Classifier._carriers)
    # gives way to a medicine found on the same intervention, unless its text matches `kept`
    yields_to_medicine: bool = False
    kept_beside_medicine: re.Pattern[str] | None = None
    description_types: frozenset[str] | None = None  # registry types its descriptions count for
    # (title pattern, modality): becomes that kind when the title matches (_recast_by_title)
    recast_in_title: tuple[re.Pattern[str], str] | None = None
    # the explainer link goes to the article itself (true) or only to the explainers index
    explainer_verified: bool = False

    @property
    def has_article(self) -> bool:
        return bool(self.explainer_url) and self.explainer_verified


@dataclass(frozen=True, slots=True)
class Placement:
    modality: str
    submodality: str | None
    is_primary: bool
    rule: str
    evidence: str


@dataclass(frozen=True, slots=True)
class _Hit:
    modality: str
    layer: str
    field: str
    text: str
    matched: str
    tested: bool


def lowered_patterns(groups: dict[str, list[str]]) -> GatedPatterns:
    """Patterns matched against lower-cased text: cheaper than re.IGNORECASE, and gateable."""
    return GatedPatterns({mid: [lower_pattern(p) for p in alts] for mid, alts in groups.items()})


NEVER = GatedRegex([])  # matches nothing: an optional rule list left unset
_WORD = re.compile(r"[A-Za-z0-9]+")
_WORDY = re.compile(r"[A-Za-z]{3}")
# where a title joins the things it tests
_TITLE_PARTS = re.compile(r"[,;:+]|\b(?:and|plus|with(?: or without)?|versus|vs|or|followed by|"
                          r"combined with|in combination with|then)\b", re.IGNORECASE)
_CODE = re.compile(r"(?=.*[a-z])(?=.*\d)[a-z0-9]{4,}")  # ft516, ly3819469; not "2mg"


def _names_more(pattern: GatedRegex, text: str) -> bool:
    """Whether text says more than the pattern: "Physician's choice (paclitaxel)" does."""
    rest = re.sub(r"\b(or|and|of|the|treatment|therapy|regimen)\b", " ", pattern.sub(" ", text),
                  flags=re.IGNORECASE)
    return re.search(r"[A-Za-z]{4,}", rest) is not None


def normalise(text: str) -> str:
    return " " + re.sub(r"[^a-z0-9]+", " ", text.lower()).strip() + " "


@dataclass
class Classifier:
    version: str
    modalities: tuple[Modality, ...]
    layers: dict[str, GatedPatterns]
    type_prior: dict[str, str]
    control: GatedRegex
    choice: GatedRegex
    ancillary: GatedRegex
    supportive: GatedRegex
    conditioning: GatedRegex
    conditioning_with: frozenset[str]
    stem_exceptions: tuple[str, ...] = ()  # word endings: "oligodeoxynucleotide" is no -tide
    setting_in_title: dict[str, GatedRegex] = field(default_factory=dict)
    # optional [background] lists: unset, they match nothing
    title_setting: GatedRegex = NEVER
    title_measure: GatedRegex = NEVER
    title_population: GatedRegex = NEVER
    comparison_in_title: GatedRegex = NEVER
    dosage_form: GatedRegex = NEVER
    drug_in_device: GatedRegex = NEVER
    support_in_transplant: GatedRegex = NEVER
    support_in_title: GatedRegex = NEVER
    adjuvant_with: frozenset[str] = frozenset()
    transplant_setting: GatedRegex = NEVER
    # normalised name -> its modalities (one, or several for a regimen such as R-CHOP)
    products: dict[str, tuple[str, ...]] = field(default_factory=dict)
    stems: tuple[tuple[str, tuple[str, ...]], ...] = ()
    by_id: dict[str, Modality] = field(default_factory=dict)
    _cache: dict[tuple[str, str], tuple[tuple[str, str], ...]] = field(default_factory=dict)
    _name_roles: dict[str, str | None] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.by_id = {m.id: m for m in self.modalities}
        # stem -> the modalities it marks ("tamab" and "mab" both end "teclistamab")
        self.stem_table: dict[str, set[str]] = {}
        for mid, stems in self.stems:
            for stem in stems:
                self.stem_table.setdefault(stem, set()).add(mid)
        self.stem_lengths = sorted({len(x) for x in self.stem_table}, reverse=True)
        self.stem_order = {mid: i for i, (mid, _) in enumerate(self.stems)}
        # first word -> the word counts of products starting with it, longest first
        lengths: dict[str, set[int]] = {}
        for name in self.products:
            words = name.split()
            lengths.setdefault(words[0], set()).add(len(words))
        self.product_lengths = {w: tuple(sorted(n, reverse=True)) for w, n in lengths.items()}
        self._gm_csf_kinds = {mid for mid, _ in self._find("product", "GM-CSF sargramostim")}
        # the kind that gives way to medicines is the procedure-and-device kind ("other")
        self.device_kind = next((m.id for m in self.modalities if m.yields_to_medicine), None)

    # -- one intervention ---------------------------------------------------------------------
    def _match_text(self, layer: str, text: str, field_name: str, tested: bool) -> list[_Hit]:
        if not text:
            return []
        key = (layer, text)
        found = self._cache.get(key)
        if found is None:
            found = self._find(layer, text)
            if len(self._cache) > 500_000:  # names repeat across trials; keep memory bounded
                self._cache.clear()
            self._cache[key] = found
        shown = layer.removeprefix("carrier ")  # a carrier look is still that layer's rule
        return [_Hit(mid, shown, field_name, text, matched, tested) for mid, matched in found]

    def _find(self, layer: str, text: str) -> tuple[tuple[str, str], ...]:
        """(modality, matched text) pairs for one layer: every named product and every INN
        word (combinations name several); the first match per modality for patterns."""
        hits: dict[str, str] = {}
        if layer == "product":
            # Longest names first, each word used once: "zanidatamab zovodotin" is one product,
            # not also "zanidatamab"; "X with Y" is two.
            tokens = normalise(text).split()
            spans: list[tuple[int, int, str]] = []  # (-words, start, name) where a product
            for i, token in enumerate(tokens):           # name's first word is
                for n in self.product_lengths.get(token, ()):
                    name = " ".join(tokens[i:i + n])
                    if name in self.products:
                        spans.append((-n, i, name))
            used = [False] * len(tokens)
            pairs: list[tuple[str, str]] = []
            for neg_n, i, name in sorted(spans):
                if not any(used[i:i - neg_n]):
                    used[i:i - neg_n] = [True] * -neg_n
                    pairs += [(mid, name) for mid in self.products[name]]
            return tuple(dict.fromkeys(pairs))
        elif layer == "stem":
            # every (modality, word): a combination name can hold two antibodies, or a product
            # beside a stem-only name (see match_intervention)
            found: list[tuple[str, str]] = []
            for word in normalise(text).split():
                if len(word) < 5 or word.endswith(self.stem_exceptions):
                    continue
                mids: set[str] = set()
                for k in self.stem_lengths:  # a few dict look-ups instead of every stem
                    mids |= self.stem_table.get(word[-k:], set())
                for mid in sorted(mids, key=self.stem_order.__getitem__):
                    if (mid, word) not in found:
                        found.append((mid, word))
            return tuple(found)
        else:
            for mid, m in self.layers[layer].find(text.lower()).items():
                hits[mid] = text[m.start():m.end()].strip()
        return tuple(hits.items())

    def _suppress(self, hits: list[_Hit], by: list[_Hit] | None = None) -> list[_Hit]:
        """Drop what the modalities found (or those of `by`) override on this intervention."""
        found = {h.modality for h in hits}
        dropped: set[str] = set()
        for mid in {h.modality for h in by} if by is not None else found:
            dropped |= self.by_id[mid].suppresses & found
        kept = [h for h in hits if h.modality not in dropped]
        medicines = {h.modality for h in kept if not self.by_id[h.modality].yields_to_medicine}
        if not medicines:
            return kept
        return [h for h in kept if not self._yields(h)]

    def _yields(self, hit: _Hit) -> bool:
        m = self.by_id[hit.modality]
        return m.yields_to_medicine and not (
            m.kept_beside_medicine is not None and m.kept_beside_medicine.search(hit.text))

    def _layer_hits(self, layer: str, item: Intervention, tested: bool) -> list[_Hit]:
        if layer.endswith("description pattern"):
            # a procedure's description names the drugs given around it (description_types)
            return [h for h in self._match_text(layer, item.description or "", "description",
                                                tested)
                    if item.type is None or _allows(self.by_id[h.modality].description_types,
                                                    item.type)]
        hits = self._match_text(layer, item.name, "name", tested)
        for other in item.other_names:
            hits += [h for h in self._match_text(layer, other, "other_names", tested)
                     if h.modality not in {x.modality for x in hits}]
        return hits

    def _beside_products(self, item: Intervention, named: set[str], tested: bool
                         ) -> list[_Hit]:
        """Name-pattern hits in an intervention's name once its named products' words are
        blanked out; the evidence still quotes the whole name."""
        rest = _WORD.sub(lambda m: " " if m.group(0).lower() in named else m.group(0),
                         item.name)
        if not _WORDY.search(rest):  # nothing but doses and punctuation left: most names
            return []
        # "Vitamin B5 Tablets": a dosage form describes the named product, names no medicine
        rest = self.dosage_form.sub(" ", rest)
        return [_Hit(h.modality, h.layer, h.field, item.name, h.matched, h.tested)
                for h in self._match_text("name pattern", rest, "name", tested)]

    def _carriers(self, hits: list[_Hit], later: list[_Hit]) -> list[_Hit]:
        """Carrier technologies a weaker layer finds beside a stronger layer's hits.

        The strongest layer can name the payload while a weaker one names what carries it:
        "AAV2/6 human factor VIII gene therapy" is a factor-VIII product match and a
        gene-therapy pattern match, and the vector is what is tested. Only modalities marked
        `carrier` in modalities.toml (vectors, engineered cells, mRNA) are added this way;
        suppression then drops the payload.
        """
        found = {h.modality for h in hits}
        return [h for h in later if h.modality not in found and self.by_id[h.modality].carrier]

    def match_intervention(self, item: Intervention, tested: bool = True) -> list[_Hit]:
        """The modalities one intervention places, from the strongest layer that matches
        (plus what a weaker layer says carries it, see _carriers)."""
        for i, layer in enumerate(LAYERS):
            hits = self._layer_hits(layer, item, tested)
            if hits:
                carriers: list[_Hit] = []
                for later in LAYERS[i + 1:]:
                    if later in PATTERN_LAYERS:
                        carriers += self._carriers(
                            hits + carriers, self._layer_hits(f"carrier {later}", item, tested))
                if layer != "product":
                    return self._suppress(hits + carriers)
                # Named products are separate medicines ("tebentafusp with pembrolizumab"):
                # none overrides another, and an INN outside them is one more medicine.
                named = {w for h in hits for w in h.matched.split()}
                extra = self._suppress([h for h in self._layer_hits("stem", item, tested)
                                        if h.matched not in named])
                # an other name describes the named product ("monomethyl auristatin E" is
                # brentuximab vedotin's payload): there, the product's kind overrides
                extra = [h for h in extra if h.field == "name"] + self._suppress(
                    [h for h in extra if h.field != "name"], by=hits)
                hits += [h for h in extra if h.modality not in {x.modality for x in hits}]
                # ... and a medicine named by its kind beside them ("paclitaxel or anti-PD-1
                # antibody"), unless a named product overrides that kind ("semaglutide tablets")
                found = {h.modality for h in hits + carriers}
                beside = [h for h in self._beside_products(item, named, tested)
                          if h.modality not in found]
                hits += self._suppress(beside, by=hits) if beside else []
                return self._suppress(hits, by=carriers) + carriers
        prior = self.type_prior.get(item.type or "")
        if prior:
            return [_Hit(prior, "type prior", "type", item.type or "", item.type or "", tested)]
        return []

    def clear_cache(self) -> None:
        self._cache.clear()
        self._name_roles.clear()

    # -- one trial ----------------------------------------------------------------------------
    def is_control(self, name: str) -> bool:
        return bool(self.control.search(name)) or (
            bool(self.choice.search(name)) and not _names_more(self.choice, name))

    def _drug_in_device(self, item: Intervention) -> re.Match[str] | None:
        """Where a name says its drug is part of a device ("everolimus-eluting stent")."""
        return self.drug_in_device.search(" ".join((item.name, *item.other_names)))

    def _name_role(self, name: str) -> str | None:
        """'control', 'ancillary', 'support' or None, from the name alone; cached, since
        names repeat across trials ("Placebo", "laboratory biomarker analysis") and the
        alternations are long."""
        if name in self._name_roles:
            return self._name_roles[name]
        role = ("control" if self.is_control(name) else "ancillary"
                if self.ancillary.search(name) else "support"
                if self.supportive.search(name) else None)
        if len(self._name_roles) > 200_000:
            self._name_roles.clear()
        self._name_roles[name] = role
        return role

    def _roles(self, trial: Trial) -> dict[int, str]:
        """idx -> 'control' | 'ancillary' | 'comparator' | 'tested' | 'backbone'."""
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
        has_placebo_arm = any(t in ("PLACEBO_COMPARATOR", "SHAM_COMPARATOR")
                              for t in arm_types.values())
        in_every_arm = {i.idx for i in trial.interventions
                        if len(arm_types) > 1 and arms_of[i.idx] >= set(arm_types)}
        roles: dict[int, str] = {}
        for item in trial.interventions:
            role = self._name_role(item.name)
            if role in ("control", "ancillary"):
                roles[item.idx] = role
        # Something active differs between the arms, so what every arm gets is the setting,
        # not the question (an add-on to standard therapy), unless the title names it.
        add_on = any(i.idx not in roles and i.idx not in in_every_arm
                     and self._name_role(i.name) != "support" for i in trial.interventions)
        for item in trial.interventions:
            if item.idx in roles:
                continue
            types = {arm_types.get(label) for label in arms_of[item.idx]}
            comparator_only = bool(types) and has_experimental and types <= {
                "ACTIVE_COMPARATOR", "PLACEBO_COMPARATOR", "SHAM_COMPARATOR", "NO_INTERVENTION"}
            if item.idx in in_every_arm and (
                    has_placebo_arm or (add_on and not self._titled(item, trial))):
                roles[item.idx] = "backbone"
            else:
                roles[item.idx] = "comparator" if comparator_only else "tested"
        return roles

    def _titled(self, item: Intervention, trial: Trial) -> bool:
        """Whether the title names this intervention, or a product of its kind ("Doxil and
        Taxotere +/- Herceptin" names the docetaxel every arm gets). Kinds whose words are
        too generic for titles ("chemotherapy": title_fallback = false) need a product."""
        # "... before surgery" names the setting, not the question (background.title_setting)
        title = self.title_setting.sub(" ", self._title_text(trial))
        folded = title.casefold()
        if item.name.casefold() in folded:
            return True
        # a development code is as good as the whole name ("IP FT516" in "FT516 and IL2 ...")
        words = set(normalise(title).split())
        if any(w in words for w in normalise(item.name).split() if _CODE.fullmatch(w)):
            return True
        named = {h.modality for layer in ("product", "stem", "name pattern")
                 for h in self._match_text(layer, title, "title", True)
                 if layer != "name pattern" or self.by_id[h.modality].title_fallback}
        return any(h.modality in named for h in self.match_intervention(item))

    def _title_text(self, trial: Trial) -> str:
        return " | ".join(t for t in (trial.brief_title, trial.official_title) if t)

    def classify(self, trial: Trial) -> list[Placement]:
        roles = self._roles(trial)
        title = self._title_text(trial).casefold()
        pairs: list[tuple[_Hit, Intervention]] = []
        backbone: list[_Hit] = []
        ancillary: list[Intervention] = []
        title_hits: dict[tuple[bool, bool], list[_Hit]] = {}  # per trial, not per bare code
        for item in trial.interventions:
            role = roles[item.idx]
            if role == "control":
                continue
            if role == "ancillary":
                ancillary.append(item)
                continue
            item_hits = self.match_intervention(item, tested=role != "comparator")
            device = self._drug_in_device(item)
            if device and self.device_kind:  # the drug is part of the device
                item_hits = [_Hit(self.device_kind, "name pattern", "name", item.name,
                                  device.group(0), role != "comparator")]
            if not item_hits or item_hits[0].layer == "type prior":
                # A bare code ("ABC-123") says nothing; the trial's title often names the kind.
                tested = role != "comparator"
                # ... without what it names as the setting ("E7777 Prior to Kymriah"), unless
                # the setting is the code itself ("Follow-up of Patients Treated With CLBR001")
                own = self._in_setting(item, trial)
                if (tested, own) not in title_hits:
                    title_hits[tested, own] = self._title_hits(trial, tested, setting=own)
                item_hits = self._code_kind(title_hits[tested, own], item, trial) or item_hits
            if role == "backbone":
                backbone += item_hits
            else:
                pairs += [(h, item) for h in item_hits]
        pairs = self._drop_background(pairs, title, trial)
        pairs = self._drop_setting(pairs, title)
        pairs = self._drop_titled_setting(pairs, trial)
        pairs = self._recast_by_title(pairs, title)
        placed = [h for h, _ in pairs]
        if not placed and backbone:
            placed = backbone  # nothing but the backbone: it is what the trial studies
        if not placed and not trial.interventions:
            placed = (self._title_hits(trial, True) if trial.study_type == "OBSERVATIONAL"
                      else self._title_only(trial))
        if not placed:
            return [self._fallback(trial, ancillary)]
        return self._placements(placed, pairs)

    def _title_hits(self, trial: Trial, tested: bool, setting: bool = True) -> list[_Hit]:
        """Advanced-modality signals in the title, for interventions that carry none; with
        setting=False, without what the title names as the setting ("... after CAR-T")."""
        text = self._title_text(trial)
        if not setting:
            text = self.title_setting.sub(" ", text)
        if not any(self.by_id[mid].title_fallback for layer in ("product", "stem",
                                                                 "title name pattern")
                   for mid, _ in self._find(layer, text)):
            return []  # most titles name no advanced kind: skip reading them part by part
        return [h for h in self._read_title(text, "title", tested)
                if self.by_id[h.modality].title_fallback]

    def _in_setting(self, item: Intervention, trial: Trial) -> bool:
        """Whether a development code of this intervention is inside a setting phrase of the
        title."""
        codes = {w for w in normalise(item.name).split() if _CODE.fullmatch(w)}
        return bool(codes) and any(
            codes & set(normalise(m.group(0)).split())
            for m in self.title_setting.finditer(self._title_text(trial)))

    def _code_kind(self, hits: list[_Hit], item: Intervention, trial: Trial) -> list[_Hit]:
        """What the title says a bare code is. A kind another listed intervention already is
        names that one ("1018 ISS, Following Rituxan": the code is no antibody), unless the
        title compares the two ("HLX02 versus Herceptin": a biosimilar is of its reference
        product's kind; `background.comparison_in_title`)."""
        if not hits or self.comparison_in_title.search(self._title_text(trial)):
            return hits
        others = {h.modality for i in trial.interventions if i.idx != item.idx
                  for h in self.match_intervention(i) if h.layer != "type prior"}
        return [h for h in hits if h.modality not in others]

    def _title_only(self, trial: Trial) -> list[_Hit]:
        """An interventional record that lists no intervention (study-level and flat exports:
        a fifth of ../shared/ctgov) is placed from its title alone, read like an intervention
        name: every named product and INN word is a medicine of its own, and the patterns of
        every kind count, since nothing else describes the trial. Setting and measure phrases
        are blanked first ("refractory to imatinib", "insulin resistance"), unless the setting
        is all the title names ("Long-term Follow-up of Participants Treated With CAR T")."""
        title = self.title_measure.sub(" ", self._title_text(trial))
        return (self._read_title(self.title_setting.sub(" ", title))
                or self._read_title(title))

    def _read_title(self, text: str, field_name: str = "title_only", tested: bool = True
                    ) -> list[_Hit]:
        # Each part of "Monoclonal Antibody and Vaccine Therapy" is read like an intervention
        # name, so one kind overrides another only within a part (a radiolabelled antibody is
        # one medicine; an antibody and a vaccine are two).
        found: dict[str, _Hit] = {}
        for part in _TITLE_PARTS.split(text):
            if _WORDY.search(part):
                item = Intervention(-1, None, part.strip())
                for h in self.match_intervention(item):
                    found.setdefault(h.modality, _Hit(h.modality, h.layer, field_name, text,
                                                      h.matched, tested))
        return list(found.values())

    def _transplant_setting(self, trial: Trial) -> bool:
        """Whether the trial lists a transplant or G-CSF (background.transplant_setting)."""
        return any(
            self.transplant_setting.search(i.name) for i in trial.interventions)

    def _drop_background(self, pairs: list[tuple[_Hit, Intervention]], title: str,
                         trial: Trial) -> list[tuple[_Hit, Intervention]]:
        """Support and conditioning give way when something else is tested, unless titled."""
        modalities = {h.modality for h, _ in pairs}
        cell_or_gene = bool(modalities & self.conditioning_with)

        def is_background(item: Intervention) -> bool:
            text = " ".join((item.name, *item.other_names, item.description or ""))
            # the name's role is looked up once per distinct name (_name_role)
            supportive = (self._name_role(item.name) == "support"
                          or self.supportive.search(item.description or ""))
            if item.name.casefold() in title and not (
                    supportive and self._called_support(item.name, title)):
                return False  # titled: the question ("... with filgrastim support" is not)
            if supportive:
                return True
            return cell_or_gene and bool(self.conditioning.search(text))

        def is_adjuvant(h: _Hit, item: Intervention) -> bool:
            """GM-CSF given with a transplant or G-CSF (support), or with a vaccine (its
            adjuvant), unless the title names it: only its own kind gives way ("DC vaccines
            with GM-CSF" stays a cell therapy)."""
            return (h.modality in self._gm_csf_kinds
                    and self.support_in_transplant.search(item.name) is not None
                    and (self._transplant_setting(trial) or bool(modalities & self.adjuvant_with))
                    and self.support_in_transplant.search(title) is None)

        kept = [(h, i) for h, i in pairs if not is_background(i) and not is_adjuvant(h, i)]
        return kept if kept else pairs

    def _drop_titled_setting(self, pairs: list[tuple[_Hit, Intervention]], trial: Trial
                             ) -> list[tuple[_Hit, Intervention]]:
        """An intervention the title names as what its participants undergo ("... in Subjects
        With Glaucoma Undergoing Trabeculectomy", `background.title_population`) is what
        everyone gets: background, when another kind is tested. Sequence words ("following
        Rituxan") are left alone: the trial may give both."""
        title = self._title_text(trial)
        settings = " | ".join(m.group(0).casefold() for m in self.title_population.finditer(title))
        if not settings:
            return pairs
        elsewhere = self.title_population.sub(" ", title).casefold()  # named as tested too?
        setting = {i.idx for _, i in pairs if len(i.name) > 3
                   and i.name.casefold().strip() in settings
                   and i.name.casefold().strip() not in elsewhere}
        if not setting:
            return pairs
        rest = {h.modality for h, i in pairs if i.idx not in setting and h.tested}
        dropped = [(h, i) for h, i in pairs if i.idx not in setting or h.modality in rest]
        return dropped if rest else pairs

    def _recast_by_title(self, pairs: list[tuple[_Hit, Intervention]], title: str
                         ) -> list[tuple[_Hit, Intervention]]:
        """A kind found only by its generic words becomes another kind when the title says
        what it is for (`recast_in_title`: "gp100 peptide" in a "Peptide Vaccine" trial is a
        vaccine antigen, LABELING.md). Named products keep their kind."""
        out = []
        for h, item in pairs:
            target = self.by_id[h.modality].recast_in_title
            if (target is not None and h.layer in PATTERN_LAYERS
                    and target[0].search(title)):
                h = _Hit(target[1], h.layer, h.field, h.text, h.matched, h.tested)
            out.append((h, item))
        return out

    def _called_support(self, name: str, title: str) -> bool:
        """Whether the title calls this intervention support: a support word within a few
        words after its name ("Topotecan With Filgrastim and Peripheral Blood Stem Cell
        Support"), not merely somewhere ("... With or Without Filgrastim")."""
        after = title.split(name.casefold(), 1)[1] if name.casefold() in title else ""
        return bool(self.support_in_title.search(" ".join(after.split()[:7])))

    def _drop_setting(self, pairs: list[tuple[_Hit, Intervention]], title: str
                      ) -> list[tuple[_Hit, Intervention]]:
        """A therapy the title names as the setting ("odronextamab before CAR-T") is standard
        care given to everyone: background, when the trial tests a medicine of another kind."""
        for mid, pattern in self.setting_in_title.items():
            if not pattern.search(title):
                continue
            others = {h.modality for h, _ in pairs if h.tested and h.modality != mid
                      and not self.by_id[h.modality].yields_to_medicine}  # a medicine
            if others:
                pairs = [(h, i) for h, i in pairs if h.modality != mid]
        return pairs

    def _placements(self, hits: list[_Hit], pairs: list[tuple[_Hit, Intervention]]
                    ) -> list[Placement]:
        best: dict[str, _Hit] = {}
        strength = {name: i for i, name in enumerate((*LAYERS, "type prior"))}
        for h in hits:
            cur = best.get(h.modality)
            if cur is None or (h.tested, -strength[h.layer]) > (cur.tested, -strength[cur.layer]):
                best[h.modality] = h
        tested = [h for h in best.values() if h.tested] or list(best.values())
        primary = min(tested, key=lambda h: self.by_id[h.modality].specificity).modality
        items_by_modality: dict[str, list[Intervention]] = {}
        for h, item in pairs:
            items_by_modality.setdefault(h.modality, []).append(item)
        out = []
        for mid in sorted(best, key=lambda m: self.by_id[m].order):
            h = best[mid]
            out.append(Placement(mid, self._submodality(mid, h, items_by_modality.get(mid, [])),
                                 mid == primary, h.layer, self._evidence(h)))
        return out

    def _submodality(self, mid: str, hit: _Hit, items: list[Intervention]) -> str | None:
        texts = [hit.text] + [" ".join((i.name, *i.other_names, i.description or ""))
                              for i in items]
        for sub in self.by_id[mid].submodalities:
            if any(sub.pattern.search(t) for t in texts):
                return sub.id
        return None

    def _evidence(self, h: _Hit) -> str:
        label = self.by_id[h.modality].label
        where = FIELD_LABELS.get(h.field, h.field)
        if h.layer == "type prior":
            return f"{where} {h.text} (no stronger signal): {label}"
        text = h.text if len(h.text) <= 120 else h.text[:117] + "..."
        return f"{where} '{text}' matches the {label} {h.layer} '{h.matched}'"

    def _fallback(self, trial: Trial, ancillary: list[Intervention]) -> Placement:
        if ancillary:
            item = ancillary[0]
            return Placement("other", None, True, "assessment only",
                             f"only assessments or procedures are listed, e.g. "
                             f"'{item.name}': other")
        if not trial.interventions and trial.study_type == "OBSERVATIONAL":
            return Placement("other", None, True, "observational",
                             "observational study with no intervention listed: other")
        if trial.interventions and all(
                self.is_control(i.name) for i in trial.interventions):
            return Placement("other", None, True, "control only",
                             "only placebo or standard care is listed: other")
        return Placement("unclassified", None, True, "no signal",
                         "no intervention name, code or description matched a rule")


def _allows(types: frozenset[str] | None, kind: str) -> bool:
    """Whether a modality's description patterns count for an intervention of this registry
    type (None: for every type)."""
    return types is None or kind in types
