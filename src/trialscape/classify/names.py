"""Name reading: which modalities one intervention's own text places, layer by layer.

Each intervention is matched layer by layer, strongest first (product dictionary, INN stems,
name patterns, description patterns, the registry's intervention type as a weak prior); the
first layer that matches decides that intervention, plus what a weaker layer says carries it
(a vector, an engineered cell, an mRNA). What a modality overrides on the same intervention is
dropped (`suppresses`), and a procedure gives way to a medicine named with it. A name that
joins several medicines ("sintilimab plus anlotinib") is also read part by part, so one
medicine's kind does not override another's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from trialscape.classify.gates import GatedPatterns, GatedRegex, lower_pattern
from trialscape.classify.inputs import Intervention
from trialscape.classify.model import (
    CODE,
    MEDICINE_TYPES,
    PATTERN_LAYERS,
    TEXT_LAYERS,
    WORD,
    WORDY,
    Field,
    Hit,
    Layer,
    Modality,
    Scope,
    normalise,
)
from trialscape.classify.pinyin import pinyin_name

NEVER = GatedRegex([])  # matches nothing: an optional rule list left unset


def lowered_patterns(groups: dict[str, list[str]]) -> GatedPatterns:
    """Patterns matched against lower-cased text: cheaper than re.IGNORECASE, and gateable."""
    return GatedPatterns({mid: [lower_pattern(p) for p in alts] for mid, alts in groups.items()})


# registry types a herbal formula named in pinyin is listed under (the others place no
# medicine by their type anyway; a title's parts, which have no type, are English)
_PINYIN_TYPES = frozenset({"DRUG", "BIOLOGICAL", "COMBINATION_PRODUCT"})
_CODE_PREFIX = re.compile(r"\b([A-Za-z]{2,5})-\d{3,}\b")
# words after a product that make it what something else was made with ("IL-2 pre-treated CD19
# cells", "IL-2 activated NK cells", "cytokine-treated veto cells")
_REAGENT_OF = frozenset({"pre", "pretreated", "treated", "cultured", "expanded", "activated",
                         "stimulated", "primed", "induced", "pulsed"})
_CELL_PRODUCT = frozenset({"therapy", "infusion", "injection", "product", "transfer",
                           "immunotherapy", "suspension", "vaccine"})


def _reagent(tokens: list[str], after: int) -> bool:
    """Whether the product that ends before `after` is what cells were made with."""
    if after >= len(tokens) or tokens[after] not in _REAGENT_OF:
        return False
    for at in range(after, min(after + 5, len(tokens))):
        # cells given, not a kind of tumour ("Denosumab-treated Giant Cell Tumor")
        if tokens[at] == "cells" or (tokens[at] == "cell" and (
                at + 1 == len(tokens) or tokens[at + 1] in _CELL_PRODUCT)):
            return True
    return False


_BLOCKING = frozenset({"antagonist", "antagonists", "blocker", "blockers", "inhibitor",
                       "inhibitors"})
# words that may stand between a product and what blocks it ("angiotensin ii type 1 receptor
# antagonists", "dipeptidyl peptidase iv inhibitors")
_RECEPTOR_WORD = re.compile(r"receptors?|type|subtype|\d+|[ivx]{1,4}|at\d")


def _blocked(tokens: list[str], after: int) -> bool:
    """Whether the product that ends before `after` is what the named medicines block
    ("Angiotensin II Receptor Blockers", "angiotensin converting enzyme inhibitor"): a class
    of other medicines, as the patterns read "IL-1 receptor antagonist", not the product."""
    for at in range(after, min(after + 5, len(tokens))):
        if tokens[at] in _BLOCKING:
            return True
        if not _RECEPTOR_WORD.fullmatch(tokens[at]):
            return False
    return False


def _made_with(tokens: list[str], at: int) -> bool:
    """Whether the product that starts at `at` is what cells named before it were made with
    ("Syngeneic Lymphocytes Cultured with OKT3 and Interleukin-2", "dendritic cells pulsed
    with gp100 peptide")."""
    for k in range(max(1, at - 8), at - 1):
        if tokens[k] not in _REAGENT_OF or tokens[k + 1] not in ("with", "in"):
            continue
        # the cells right before the verb, or before a marker ("Lymphocytes (CD4+)"); not
        # people ("... Cell Lung Cancer Patients Treated With")
        before = tokens[k - 1] if tokens[k - 1] in _CELLS or k < 2 else tokens[k - 2]
        if before in _CELLS and (before == tokens[k - 1] or _MARKER.fullmatch(tokens[k - 1])):
            return True
    return False


_CELLS = frozenset({"cells", "lymphocytes", "dcs"})
_MARKER = re.compile(r"cd\d+[a-z]?|[a-z]{1,3}\d+")  # "cd4" in "Lymphocytes (CD4+)"


# where one intervention name joins separate medicines ("X plus Y", "X + Y", "X, Y and Z");
# not "with" (what was done to a product: "cells loaded with lysate") nor "/" ("CD19/CD22")
COMBINATION = re.compile(r"\s*(?:[,;+&]|\b(?:and|plus|combined with|in combination with|"
                         r"followed by)\b)\s*", re.IGNORECASE)
# the kinds a combination name's parts may add: plain medicines, each its own (an antibody's
# kind overrides the chemical words of its own name, not the drug named beside it)
_PLAIN = frozenset({"monoclonal_antibody", "small_molecule", "protein", "peptide"})
# how a construct's name says what it carries ("IL-7 and CCL19-expressing CAR-T")
_CONSTRUCT = re.compile(r"express|encod|secret|\barm(ed|ou?red)\b|transduc|modif|engineer",
                        re.IGNORECASE)
Found = tuple[tuple[str, str], ...]  # (modality, matched text) pairs of one look


@dataclass
class NameReader:
    by_id: dict[str, Modality]
    # the patterns of each pattern layer, per scope (Scope.ALL: every modality's)
    patterns: dict[tuple[Layer, Scope], GatedPatterns]
    type_prior: dict[str, str]
    # normalised name -> its modalities (one, or several for a regimen such as R-CHOP)
    products: dict[str, tuple[str, ...]] = field(default_factory=dict)
    stems: tuple[tuple[str, tuple[str, ...]], ...] = ()
    stem_exceptions: tuple[str, ...] = ()  # word endings: "oligodeoxynucleotide" is no -tide
    dosage_form: GatedRegex = NEVER
    # registry types whose interventions a development code alone does not make a medicine
    code_not_in_types: frozenset[str] = frozenset()
    pinyin_kind: str | None = None  # the kind of a medicine named in pinyin (pinyin.py)
    # names that are the cells given ("EBVST Cells"), read when nothing else was, and their kind
    cells_named: GatedRegex = NEVER
    cells_kind: str | None = None
    _cache: dict[tuple[Layer, Scope, str], Found] = field(default_factory=dict)
    # word -> the modalities its ending marks, in stem order: words repeat far more than
    # whole names do, so this is where the stem layer's time goes
    _word_stems: dict[str, tuple[str, ...]] = field(default_factory=dict)
    _matches: dict[tuple[object, ...], tuple[Hit, ...]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # stem -> the modalities it marks ("tamab" and "mab" both end "teclistamab")
        self.stem_table: dict[str, set[str]] = {}
        for mid, stems in self.stems:
            for stem in stems:
                self.stem_table.setdefault(stem, set()).add(mid)
        self.stem_lengths = sorted({len(x) for x in self.stem_table}, reverse=True)
        self.stem_order = {mid: i for i, (mid, _) in enumerate(self.stems)}
        self.deniable = frozenset(mid for mid, m in self.by_id.items() if m.denied_by)
        # first word -> the word counts of products starting with it, longest first
        lengths: dict[str, set[int]] = {}
        for name in self.products:
            words = name.split()
            lengths.setdefault(words[0], set()).add(len(words))
        self.product_lengths = {w: tuple(sorted(n, reverse=True)) for w, n in lengths.items()}

    def clear_cache(self) -> None:
        self._cache.clear()
        self._word_stems.clear()
        self._matches.clear()

    # -- one text, one layer ------------------------------------------------------------------
    def match_text(self, layer: Layer, text: str, field_name: Field, tested: bool,
                   scope: Scope = Scope.ALL) -> list[Hit]:
        if not text:
            return []
        key = (layer, scope, text)
        found = self._cache.get(key)
        if found is None:
            found = self.find(layer, text, scope)
            if len(self._cache) > 500_000:  # names repeat across trials; keep memory bounded
                self._cache.clear()
            self._cache[key] = found
        return [Hit(mid, layer, field_name, text, matched, tested) for mid, matched in found]

    def find(self, layer: Layer, text: str, scope: Scope = Scope.ALL) -> Found:
        """(modality, matched text) pairs for one layer: every named product and every INN
        word (combinations name several); the first match per modality for patterns."""
        if layer == Layer.PRODUCT:
            return self._products(text)
        if layer == Layer.STEM:
            return self._stems(text)
        # an underscore separates words in some records ("Flu Pandemic mRNA_Dose level 1"),
        # where a regex takes it for part of a word; same length, so spans still quote `text`
        lowered = text.lower().replace("_", " ")
        return tuple((mid, text[m.start():m.end()].strip())
                     for mid, m in self.patterns[layer, scope].find(lowered).items())

    def _products(self, text: str) -> Found:
        # Longest names first, each word used once: "zanidatamab zovodotin" is one product,
        # not also "zanidatamab"; "X with Y" is two.
        tokens = normalise(text).split()
        # a short word joined to a number by a hyphen is a development code, not the
        # product that word abbreviates ("TBI-2001" is no total-body irradiation)
        codes = {m.group(1).lower() for m in _CODE_PREFIX.finditer(text)} if "-" in text else ()
        spans: list[tuple[int, int, str]] = []  # (-words, start, name) where a product
        for i, token in enumerate(tokens):           # name's first word is
            for n in self.product_lengths.get(token, ()):
                name = " ".join(tokens[i:i + n])
                # "anti-GM-CSF antibody" names its target, not the product; "IL-2 pre-treated
                # cells" the reagent the cells were made with
                if (name in self.products and not (n == 1 and name in codes)
                        and (i == 0 or tokens[i - 1] != "anti")
                        and not _reagent(tokens, i + n) and not _made_with(tokens, i)
                        and not _blocked(tokens, i + n)):
                    spans.append((-n, i, name))
        used = [False] * len(tokens)
        pairs: list[tuple[str, str]] = []
        for neg_n, i, name in sorted(spans):
            if not any(used[i:i - neg_n]):
                used[i:i - neg_n] = [True] * -neg_n
                pairs += [(mid, name) for mid in self.products[name]]
        return tuple(dict.fromkeys(pairs))

    def _stems(self, text: str) -> Found:
        # every (modality, word): a combination name can hold two antibodies, or a product
        # beside a stem-only name (see match)
        found: list[tuple[str, str]] = []
        tokens = normalise(text).split()
        for at, word in enumerate(tokens):
            if len(word) < 5:
                continue
            mids = self._word_stems.get(word)
            if mids is None:
                if len(self._word_stems) > 500_000:  # a vocabulary, but keep it bounded
                    self._word_stems.clear()
                mids = self._word_stems[word] = self._stem_modalities(word)
            if mids and (_reagent(tokens, at + 1) or _made_with(tokens, at)
                         or _blocked(tokens, at + 1)):
                # "Blinatumomab Expanded T-cells", "T cells expanded with ...", "Dipeptidyl
                # Peptidase IV inhibitors"
                continue
            for mid in mids:
                if (mid, word) not in found:
                    found.append((mid, word))
        return tuple(found)

    def _stem_modalities(self, word: str) -> tuple[str, ...]:
        if word.endswith(self.stem_exceptions):
            return ()
        mids: set[str] = set()
        for k in self.stem_lengths:  # a few dict look-ups instead of every stem
            mids |= self.stem_table.get(word[-k:], set())
        return tuple(sorted(mids, key=self.stem_order.__getitem__))

    # -- one intervention ---------------------------------------------------------------------
    def layer_hits(self, layer: Layer, item: Intervention, tested: bool,
                   scope: Scope = Scope.ALL) -> list[Hit]:
        if layer == Layer.DESCRIPTION_PATTERN:
            # a procedure's description names the drugs given around it (description_types)
            return [h for h in self.match_text(layer, item.description or "", Field.DESCRIPTION,
                                               tested, scope)
                    if self.by_id[h.modality].allows_description(item.type)]
        hits = self.match_text(layer, item.name, Field.NAME, tested, scope)
        for other in item.other_names:
            hits += [h for h in self.match_text(layer, other, Field.OTHER_NAMES, tested, scope)
                     if h.modality not in {x.modality for x in hits}]
        if layer == Layer.NAME_PATTERN and item.type:
            # "Computer Tablet" typed BEHAVIORAL, "diet, sodium-restricted": generic words of
            # a kind do not count on a type that says otherwise (patterns_not_in_types)
            hits = [h for h in hits
                    if item.type not in self.by_id[h.modality].patterns_not_in_types]
        if not hits or self.deniable.isdisjoint(h.modality for h in hits):
            return hits
        return [h for h in hits if not self._denied(h.modality, item)]

    def _denied(self, mid: str, item: Intervention) -> bool:
        denied_by = self.by_id[mid].denied_by
        return denied_by is not None and denied_by.search(item.name) is not None

    def match(self, item: Intervention, tested: bool = True) -> list[Hit]:
        """The modalities one intervention places, from the strongest layer that matches
        (plus what a weaker layer says carries it, see carriers); a name that joins several
        medicines is also read part by part (see _parts)."""
        key = (item.type, item.name, item.other_names, item.description, tested)
        known = self._matches.get(key)
        if known is not None:  # most names recur across trials ("Placebo", "Cisplatin")
            return list(known)
        hits = self._match_whole(item, tested)
        if hits and hits[0].layer != Layer.TYPE_PRIOR and COMBINATION.search(item.name):
            added = self._parts(item, hits, tested)
            if added:
                hits = self._give_way(hits + added)
        if len(self._matches) > 200_000:
            self._matches.clear()
        self._matches[key] = tuple(hits)
        return hits

    def _parts(self, item: Intervention, whole: list[Hit], tested: bool) -> list[Hit]:
        """Medicines a combination name joins are separate medicines ("sintilimab plus
        anlotinib", "Toripalimab + chemotherapy"): what one names is not overridden by the
        kind of another, as it is within one medicine's name (an antibody's kind overrides
        the chemical words of its own name). Only the medicine kinds that one part's words
        say alone are added; carriers (vectors, engineered cells, mRNA) are read from the
        whole name, where "dendritic cells ... and mRNA" is one product."""
        found = {h.modality for h in whole}
        if (any(self.by_id[m].carrier for m in found)
                and _CONSTRUCT.search(item.name)):
            return []  # "IL-7 and CCL19-expressing CAR-T" describes one construct
        # a kind the whole name found beyond the plain medicines (a vaccine, a cell) reads
        # its own name's words: only what it does not override is another medicine
        overriding = {m for m in found if m not in _PLAIN}
        added: list[Hit] = []
        for part in COMBINATION.split(item.name):
            if not part or not WORDY.search(part):
                continue
            for h in self._match_whole(Intervention(item.idx, item.type, part.strip()), tested):
                # a medicine the part names by product or INN is its own, whatever the whole
                # name's kind overrides ("CD19 CAR-T cells and pembrolizumab")
                named = h.layer in (Layer.PRODUCT, Layer.STEM)
                if (h.layer == Layer.TYPE_PRIOR or h.modality in found
                        or h.modality not in _PLAIN
                        or (not named and any(h.modality in self.by_id[m].suppresses
                                              for m in overriding))
                        or self.dosage_form.search(h.matched)):  # "Syrup Orofer"
                    continue
                found.add(h.modality)
                added.append(Hit(h.modality, h.layer, h.field, item.name, h.matched, h.tested))
        return added

    def _match_whole(self, item: Intervention, tested: bool) -> list[Hit]:
        for i, layer in enumerate(TEXT_LAYERS):
            if layer == Layer.NAME_PATTERN and self.pinyin_kind and item.type in _PINYIN_TYPES:
                # before the patterns: "Fuzheng Huayu Tablet" is a formula, not a tablet
                words = pinyin_name(item.name)
                if words:
                    return [Hit(self.pinyin_kind, Layer.NAME_PATTERN, Field.NAME, item.name,
                                f"{words} (a name in pinyin)", tested)]
            hits = self.layer_hits(layer, item, tested)
            if hits and layer == Layer.PRODUCT and item.type in self.code_not_in_types:
                # codes collide between companies: "BT-001" typed DEVICE is a program, not
                # the oncolytic virus of that code
                hits = [h for h in hits if not CODE.fullmatch(h.matched.replace(" ", ""))]
            if not hits:
                continue
            carriers: list[Hit] = []
            for later in TEXT_LAYERS[i + 1:]:
                if later in PATTERN_LAYERS:
                    carriers += self.carriers(
                        hits + carriers, self.layer_hits(later, item, tested, Scope.CARRIER))
            # a carrier the stronger layer's kind overrides belongs to it: the adenovirus of a
            # named adenovirus-vector vaccine ("Ad5-nCoV") is the vaccine's vector
            overridden = {mid for h in hits for mid in self.by_id[h.modality].suppresses}
            carriers = [c for c in carriers if c.modality not in overridden]
            if layer == Layer.PRODUCT:
                return self._beside_named(hits, carriers, item, tested)
            kept = self.suppress(hits + carriers)
            if layer == Layer.STEM:  # "pembrolizumab and tumor-infiltrating lymphocytes"
                beside = self._beside(kept, {h.matched for h in hits}, item, tested)
                kept = self._give_way(kept + beside) if beside else kept
            return kept
        return self._cells_named(item, tested) or self.type_prior_hits(item, tested)

    def type_prior_hits(self, item: Intervention, tested: bool) -> list[Hit]:
        """What the registry type alone says, the weakest reading (none for an untyped name)."""
        prior = self.type_prior.get(item.type or "")
        if not prior:
            return []
        return [Hit(prior, Layer.TYPE_PRIOR, Field.TYPE, item.type or "", item.type or "", tested)]

    def _cells_named(self, item: Intervention, tested: bool) -> list[Hit]:
        """A medicine-typed name that ends with the cells given ("Xcellerated T Cells", "EBVST
        Cells", "Lymphocytes, Activated"), where no rule read anything: a cell product, not
        the small molecule the DRUG type alone would make it (a title naming a CAR recasts it
        as any cell hit)."""
        # (a title's parts have no type: "T-cell Response to Influenza Vaccine" is no product)
        if self.cells_kind is None or item.type not in MEDICINE_TYPES:
            return []
        found = self.cells_named.search(item.name)
        if found is None or self._denied(self.cells_kind, item):
            return []
        return [Hit(self.cells_kind, Layer.NAME_PATTERN, Field.NAME, item.name,
                    found.group(0).strip(), tested)]

    def _beside_named(self, hits: list[Hit], carriers: list[Hit], item: Intervention,
                      tested: bool) -> list[Hit]:
        """Named products are separate medicines ("tebentafusp with pembrolizumab"): none
        overrides another, and an INN outside them is one more medicine."""
        named = {w for h in hits for w in h.matched.split()}
        extra = self.suppress([h for h in self.layer_hits(Layer.STEM, item, tested)
                               if h.matched not in named])
        # an other name describes the named product ("monomethyl auristatin E" is
        # brentuximab vedotin's payload): there, the product's kind overrides
        extra = [h for h in extra if h.field == Field.NAME] + self.suppress(
            [h for h in extra if h.field != Field.NAME], by=hits)
        hits += [h for h in extra if h.modality not in {x.modality for x in hits}]
        # ... and a medicine named by its kind beside them ("paclitaxel or anti-PD-1
        # antibody"), unless a named product overrides that kind ("semaglutide tablets")
        hits += self._beside(hits + carriers, named, item, tested)
        return self.suppress(hits, by=carriers) + carriers

    def _beside(self, found: list[Hit], named: set[str], item: Intervention, tested: bool
                ) -> list[Hit]:
        """What the name says by kind beside the named words, as medicines of their own,
        unless what was found already overrides that kind (the way `suppress(by=found)`
        reads); among themselves they are one medicine's words, as in a name without products
        ("TTRNA-DC vaccines with GM-CSF": the dendritic-cell product, not also a vaccine)."""
        kinds = {h.modality for h in found}
        beside = [h for h in self._beside_products(item, named, tested)
                  if h.modality not in kinds]
        return self.suppress(beside, by=found + beside) if beside else []

    def _beside_products(self, item: Intervention, named: set[str], tested: bool
                         ) -> list[Hit]:
        """Name-pattern hits in an intervention's name once its named products' words are
        blanked out; the evidence still quotes the whole name."""
        rest = WORD.sub(lambda m: " " if m.group(0).lower() in named else m.group(0), item.name)
        if not WORDY.search(rest):  # nothing but doses and punctuation left: most names
            return []
        # "Vitamin B5 Tablets": a dosage form describes the named product, names no medicine
        rest = self.dosage_form.sub(" ", rest)
        return [Hit(h.modality, h.layer, h.field, item.name, h.matched, h.tested)
                for h in self.match_text(Layer.NAME_PATTERN, rest, Field.NAME, tested)
                if item.type not in self.by_id[h.modality].patterns_not_in_types]

    def carriers(self, hits: list[Hit], later: list[Hit]) -> list[Hit]:
        """Carrier technologies a weaker layer finds beside a stronger layer's hits.

        The strongest layer can name the payload while a weaker one names what carries it:
        "AAV2/6 human factor VIII gene therapy" is a factor-VIII product match and a
        gene-therapy pattern match, and the vector is what is tested. Only modalities marked
        `carrier` in modalities.toml (vectors, engineered cells, mRNA) are added this way;
        suppression then drops the payload.
        """
        found = {h.modality for h in hits}
        return [h for h in later if h.modality not in found and self.by_id[h.modality].carrier]

    def suppress(self, hits: list[Hit], by: list[Hit] | None = None) -> list[Hit]:
        """Drop what the modalities found (or those of `by`) override on this intervention."""
        found = {h.modality for h in hits}
        dropped: set[str] = set()
        for mid in {h.modality for h in by} if by is not None else found:
            dropped |= self.by_id[mid].suppresses & found
        return self._give_way([h for h in hits if h.modality not in dropped])

    def _give_way(self, hits: list[Hit]) -> list[Hit]:
        """A procedure beside a medicine on one intervention gives way to it (unless it is
        a treatment of its own: `kept_beside_medicine`)."""
        medicines = {h.modality for h in hits if not self.by_id[h.modality].yields_to_medicine}
        if not medicines:
            return hits
        return [h for h in hits if not self._yields(h)]

    def _yields(self, hit: Hit) -> bool:
        m = self.by_id[hit.modality]
        return m.yields_to_medicine and not (
            m.kept_beside_medicine is not None and m.kept_beside_medicine.search(hit.text))

    def names_kind(self, text: str, patterns: Scope = Scope.TITLE) -> set[str]:
        """The modalities a text names by product, INN word or a pattern: by default only the
        patterns of kinds titles may name (`title_fallback`); a cheap, cached look."""
        return {h.modality for layer, scope in ((Layer.PRODUCT, Scope.ALL),
                                                (Layer.STEM, Scope.ALL),
                                                (Layer.NAME_PATTERN, patterns))
                for h in self.match_text(layer, text, Field.TITLE, True, scope)}
