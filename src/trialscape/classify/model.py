"""The classifier's vocabulary: modalities, the layers and roles its stages speak of, a hit
(one modality found in one text) and a placement (what the snapshot stores)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache

from trialscape.classify.gates import GatedRegex
from trialscape.classify.inputs import Trial


class Layer(StrEnum):
    """Where a modality was found, strongest first; the value is the rule name the evidence
    and the snapshot's `rule` column show."""
    PRODUCT = "product"            # a named product or regimen (data/modalities.toml products)
    STEM = "stem"                  # an INN word ending ("-mab", "-parvovec")
    NAME_PATTERN = "name pattern"  # context words in a name ("CAR-T", "AAV9")
    DESCRIPTION_PATTERN = "description pattern"
    TYPE_PRIOR = "type prior"      # the registry's intervention type, when nothing else speaks


# layers read from the intervention's own text, in the order they are tried
TEXT_LAYERS = (Layer.PRODUCT, Layer.STEM, Layer.NAME_PATTERN, Layer.DESCRIPTION_PATTERN)
# Layers of regular expressions (context words, not names or word endings): they can add a
# carrier beside a stronger match, and a kind they find may be recast by the title.
PATTERN_LAYERS = (Layer.NAME_PATTERN, Layer.DESCRIPTION_PATTERN)


class Scope(StrEnum):
    """Which modalities' patterns a look reads: every kind, only carriers (the cheap second
    look beside a stronger match), or only kinds a title may name (the cheap first look)."""
    ALL = "all"
    CARRIER = "carrier"
    TITLE = "title"


class Role(StrEnum):
    """What an intervention is in its trial (roles.py decides)."""
    CONTROL = "control"          # placebo, sham, standard care: places nothing
    ANCILLARY = "ancillary"      # an assessment or procedure around the treatment
    SUPPORT = "support"          # a supportive medicine, read from the name alone
    COMPARATOR = "comparator"    # only in comparator arms: counted, never primary
    TESTED = "tested"
    BACKBONE = "backbone"        # what every arm gets beside the question


class Field(StrEnum):
    """Which text of the record a hit was read from."""
    NAME = "name"
    OTHER_NAMES = "other_names"
    DESCRIPTION = "description"
    TITLE = "title"
    TITLE_ONLY = "title_only"
    TITLE_UNPLACED = "title_unplaced"
    MESH = "mesh"
    TYPE = "type"


FIELD_LABELS = {Field.NAME: "intervention name", Field.OTHER_NAMES: "other name",
                Field.DESCRIPTION: "intervention description", Field.TITLE: "trial title",
                Field.TITLE_ONLY: "trial title (the record lists no interventions)",
                Field.TITLE_UNPLACED: "trial title (the untyped names listed place nothing)",
                Field.MESH: "registry MeSH term for the interventions",
                Field.TYPE: "intervention type"}


# the patterns of a submodality that matches anything: the kind when no other is named
DEFAULT_KIND = ["."]


@dataclass(frozen=True)
class Submodality:
    id: str
    label: str
    pattern: GatedRegex  # gated: most titles and names hold none of a kind's words
    default: bool = False  # its patterns are DEFAULT_KIND
    # words that say this kind only when no kind's own words are found in the placing texts or
    # the title ("mRNA vaccine" is an infectious-disease vaccine unless the title says cancer)
    generic: GatedRegex | None = None


@dataclass(frozen=True, kw_only=True)  # seventeen fields: named, never by position
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
    # an observational record's title naming this kind places it ("NK cell activity in ..." is
    # biology, not a cell therapy: false for cell therapy)
    observational_title: bool = True
    carrier: bool = False  # a vector or cell that carries a payload (names.NameReader.carriers)
    # gives way to a medicine found on the same intervention, unless its text matches `kept`
    yields_to_medicine: bool = False
    kept_beside_medicine: re.Pattern[str] | None = None
    description_types: frozenset[str] | None = None  # registry types its descriptions count for
    # registry types its name patterns do not count for (a "tablet" computer, a "sodium" diet)
    patterns_not_in_types: frozenset[str] = frozenset()
    # words that say a name is not this kind however its patterns read it ("MSC-derived
    # exosomes" are no cells)
    denied_by: re.Pattern[str] | None = None
    # (title pattern, modality, named): becomes the first such kind whose pattern the title
    # matches, or (named) of which the title names a product (Background.recast)
    recast_in_title: tuple[tuple[re.Pattern[str], str, bool], ...] = ()
    # the explainer link goes to the article itself (true) or only to the explainers index
    explainer_verified: bool = False
    # normalised product name (either spelling of a code) -> the kind the product carries
    product_kinds: dict[str, str] = field(default_factory=dict, hash=False, compare=False)

    @property
    def has_article(self) -> bool:
        return bool(self.explainer_url) and self.explainer_verified

    def allows_description(self, intervention_type: str | None) -> bool:
        """Whether its description patterns count for an intervention of this registry type
        (a procedure's description names the drugs given around it)."""
        return (intervention_type is None or self.description_types is None
                or intervention_type in self.description_types)


@dataclass(frozen=True, slots=True)
class Placement:
    modality: str
    submodality: str | None
    is_primary: bool
    rule: str
    evidence: str


@dataclass(frozen=True, slots=True)
class Hit:
    """One modality found in one text: by which layer, in which field, quoting what."""
    modality: str
    layer: Layer
    field: Field
    text: str
    matched: str
    tested: bool


_NOT_WORD = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=1 << 16)
def normalise(text: str) -> str:
    """Lower-case words separated by single spaces, padded: how products and stems are read
    (cached: names repeat across trials, and each is read by several layers)."""
    return " " + _NOT_WORD.sub(" ", text.lower()).strip() + " "


# the registry's intervention types that name a medicine (the rest name what is done)
MEDICINE_TYPES = frozenset({"DRUG", "BIOLOGICAL", "GENETIC", "COMBINATION_PRODUCT"})


def title_text(trial: Trial) -> str:
    return " | ".join(t for t in (trial.brief_title, trial.official_title) if t)


WORD = re.compile(r"[A-Za-z0-9]+")
PARENTHESES = re.compile(r"\([^()]*\)")  # what a name adds in parentheses
WORDY = re.compile(r"[A-Za-z]{3}")  # a part of a text that says something


# a development code: letters and digits together, four or more (ft516, ly3819469; not "2mg")
CODE = re.compile(r"(?=.*[a-z])(?=.*\d)[a-z0-9]{4,}")


# ... or written with a hyphen or a space between its letters and digits ("MK-2214", "BI
# 3720931", "ORMD-0801"): read as one word ("mk2214"). Only capitals before three digits or
# more, so "COVID-19", "IL-2", "HLX-02" and "Type 2 Diabetes" stay what they were.
_SPLIT_CODE = re.compile(r"\b([A-Z]{2,5})[- ](\d{3,}[A-Za-z]?)\b")


# ... but not a dose, however its unit is written ("15mg", "60mcg", "120mg", "10ml", "5mgkg")
_DOSE = re.compile(r"\d+(mg|mcg|ug|µg|g|gr|kg|mgkg|ml|l|iu|u|units?|mmol|meq|mm|cm|h|hr|hrs|min|"
                   r"d|days?|wk|wks|weeks?|x|times|pct)", re.IGNORECASE)


@lru_cache(maxsize=1 << 16)
def code_words(name: str) -> frozenset[str]:
    """The development codes among a name's normalised words ("IP FT516" -> {"ft516"},
    "Cohort A: ORMD-0801" -> {"ormd0801"})."""
    return frozenset(code for code, _, _ in code_spans(name))


@lru_cache(maxsize=1 << 14)
def code_spans(text: str) -> tuple[tuple[str, int, int], ...]:
    """Each development code in a text, as code_words reads it, with where it is written
    (cached: the same names and titles are asked about once per item)."""
    found = [(word, m.start(), m.end()) for m in WORD.finditer(text)
             if CODE.fullmatch(word := m.group(0).lower()) and not _DOSE.fullmatch(word)]
    found += [((m.group(1) + m.group(2)).lower(), m.start(), m.end())
              for m in _SPLIT_CODE.finditer(text)]
    return tuple(found)
