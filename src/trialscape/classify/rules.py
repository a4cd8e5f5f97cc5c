"""Reading data/modalities.toml into a Classifier, with clear errors for the editors who
write it (unknown modality ids, a product listed twice, a code prefix given as a product)."""

from __future__ import annotations

import re
import tomllib
from functools import cache
from pathlib import Path
from typing import Any

from trialscape import settings
from trialscape.classify.background import Background
from trialscape.classify.engine import Classifier
from trialscape.classify.gates import GatedRegex
from trialscape.classify.model import DEFAULT_KIND, Layer, Modality, Scope, Submodality, normalise
from trialscape.classify.names import NEVER, NameReader, lowered_patterns
from trialscape.classify.primary import Outcomes
from trialscape.classify.roles import RoleReader
from trialscape.classify.titles import TitleReader


class RulesError(ValueError):
    """data/modalities.toml cannot be used; the message names the modality, key and value."""


# What each modality entry may hold, and of what type: an editor's typo ("patern") or a string
# where a list belongs must stop the load with one line, not be silently ignored.
_LIST = (list, str)
MODALITY_KEYS: dict[str, tuple[Any, ...]] = {
    "id": (str,), "label": (str,), "definition": (str,), "explainer": (str,),
    "explainer_verified": (bool,), "colour": (str,), "order": (int,), "specificity": (int,),
    "suppresses": _LIST, "submodality": (list,), "title_fallback": (bool,), "carrier": (bool,),
    "observational_title": (bool,),
    "yields_to_medicine": (bool,), "kept_beside_medicine": _LIST, "description_types": _LIST,
    "patterns_not_in_types": _LIST, "denied_by": _LIST,
    "recast_in_title": ((dict, list),), "products": _LIST, "stems": _LIST, "patterns": _LIST,
    "description_patterns": _LIST, "types": _LIST, "examples": (dict,),
}
REGEX_KEYS = ("patterns", "description_patterns", "kept_beside_medicine", "denied_by")
# [background]: lists of patterns, except the lists of modality ids and product names below
BACKGROUND_KEYS = frozenset({
    "control", "choice", "choice_filler", "ancillary", "supportive", "support_in_transplant",
    "adjuvant_with", "adjuvant_products", "support_in_title", "support_before_in_title",
    "transplant_setting",
    "graft_manipulation", "transplant_regimen", "regimen_filler",
    "conditioning", "conditioning_with", "conditioning_in_title", "toxicity_management",
    "toxicity_management_with",
    "prescribed_with",
    "generic_medicine", "generic_in_title", "procedure_delivers",
    "title_setting", "title_population", "title_measure", "title_history", "procedure_in_title",
    "title_joins", "title_programme", "comparison_in_title", "dosage_form", "drug_in_device",
    "stem_exceptions", "code_not_in_types", "cells_named",
    "transplant_given", "transplant_after", "transplant_in_title", "graft_delivers",
    "lymphodepletion", "recombinant_in_title", "supplement_in_title", "tracer_in_title",
    "immune_probe",
    "immune_probe_titled",
    "setting_in_title", "standard_care", "standard_care_named"})
NOT_PATTERNS = frozenset({"adjuvant_with", "adjuvant_products", "conditioning_with",
                          "toxicity_management_with", "procedure_delivers",
                          "code_not_in_types", "graft_delivers",
                          "stem_exceptions"})
OUTCOME_KEYS = frozenset({"no_medicine", "no_signal"})
OPTIONAL_OUTCOMES = frozenset({"pinyin_medicine", "cells_named", "lymphodepleted_code",
                               "recombinant_in_title", "supplement_in_title"})


def _where(m: dict[str, Any], key: str) -> str:
    return f"modalities.toml: modality {m.get('id', '?')!r}, key {key!r}"


def validate(config: dict[str, Any]) -> list[str]:
    """Stop on what cannot work (RulesError); return warnings for what is only suspect."""
    warnings: list[str] = []
    if not isinstance(config.get("modality"), list):
        raise RulesError("modalities.toml: no [[modality]] entries")
    for m in config["modality"]:
        for key, value in m.items():
            kinds = MODALITY_KEYS.get(key)
            if kinds is None:
                raise RulesError(f"{_where(m, key)}: unknown key (known: "
                                 f"{', '.join(sorted(MODALITY_KEYS))})")
            allowed = kinds[0]
            if not isinstance(value, allowed):
                names = (allowed,) if isinstance(allowed, type) else allowed
                raise RulesError(f"{_where(m, key)}: expected a "
                                 f"{' or '.join(k.__name__ for k in names)}, got "
                                 f"{type(value).__name__} {value!r:.60}")
            if kinds == _LIST and key != "products" and not all(isinstance(v, str) for v in value):
                raise RulesError(f"{_where(m, key)}: every item must be text")
        for key in REGEX_KEYS:
            for pattern in m.get(key, []):
                _compile(pattern, _where(m, key))
        for sub in m.get("submodality", []):
            where = f"{_where(m, 'submodality')} {sub.get('id', '?')!r}"
            unknown = set(sub) - {"id", "label", "patterns", "generic"}
            if unknown or not {"id", "label", "patterns"} <= set(sub):
                raise RulesError(f"{where}: a kind has id, label, patterns and may have "
                                 f"generic (got {sorted(sub)})")
            for pattern in [*sub["patterns"], *sub.get("generic", [])]:
                _compile(pattern, where)
        _validate_products(m, m.get("products", []))  # (after its kinds: products name them)
        for recast in _recasts(m):
            if (not isinstance(recast, dict) or not {"title", "to"} <= set(recast)
                    <= {"title", "to", "named"} or not isinstance(recast["title"], list)):
                raise RulesError(f"{_where(m, 'recast_in_title')}: each recast is "
                                 "{ title = [patterns], to = \"modality id\" } (and may "
                                 "say named = false)")
            for pattern in recast["title"]:
                _compile(pattern, _where(m, "recast_in_title"))
        examples = m.get("examples", {})
        unknown = set(examples) - {"match", "no_match"}
        if unknown:
            raise RulesError(f"{_where(m, 'examples')}: unknown key(s) {sorted(unknown)} "
                             "(match, no_match)")
    for key, alternatives in config.get("background", {}).items():
        if key not in BACKGROUND_KEYS:
            raise RulesError(f"modalities.toml: [background] {key}: unknown key (known: "
                             f"{', '.join(sorted(BACKGROUND_KEYS))})")
        if key in NOT_PATTERNS:
            continue
        if key == "prescribed_with":
            _validate_pairs(alternatives)
            continue
        values = alternatives.values() if isinstance(alternatives, dict) else [alternatives]
        for group in values:
            for pattern in group if isinstance(group, list) else []:
                _compile(pattern, f"modalities.toml: [background] {key}")
    outcomes = config.get("outcomes", {})
    if (not OUTCOME_KEYS <= set(outcomes) <= OUTCOME_KEYS | OPTIONAL_OUTCOMES
            or not all(isinstance(v, str) for v in outcomes.values())):
        raise RulesError("modalities.toml: [outcomes] needs no_medicine and no_signal (and "
                         "may have pinyin_medicine, cells_named, lymphodepleted_code, "
                         "recombinant_in_title, supplement_in_title), each a "
                         f"modality id (found: {outcomes!r:.80})")
    return warnings


def _validate_products(m: dict[str, Any], products: list[Any]) -> None:
    """Each product is a name, or { name = "...", kind = "<one of its kinds>" } where the
    product also says which of the modality's kinds it is."""
    kinds = {sub.get("id") for sub in m.get("submodality", [])}
    for entry in products:
        if isinstance(entry, str):
            continue
        if (not isinstance(entry, dict) or set(entry) != {"name", "kind"}
                or not all(isinstance(v, str) for v in entry.values())):
            raise RulesError(f"{_where(m, 'products')}: each product is a name or "
                             f"{{ name = \"...\", kind = \"...\" }} (found: {entry!r:.80})")
        if entry["kind"] not in kinds:
            raise RulesError(f"{_where(m, 'products')}: product {entry['name']!r} has kind "
                             f"{entry['kind']!r}, which is none of {sorted(map(str, kinds))}")


def _product_names(m: dict[str, Any]) -> list[tuple[str, str | None]]:
    """(name, kind or None) of each product a modality lists."""
    return [(e, None) if isinstance(e, str) else (e["name"], e["kind"])
            for e in m.get("products", [])]


# where a code's letters meet its digits ("pIL12" is also written "pIL-12")
_LETTERS_DIGITS = re.compile(r"(?<=[a-z])(?=\d)|(?<=\d)(?=[a-z])")


def kind_pattern(name: str) -> str:
    """Where a text names a product, as the product layer reads it (whole words, case and
    punctuation ignored, a code with or without a hyphen: "MK-8237", "MK 8237", "MK8237"):
    a kind's pattern for it."""
    parts = _LETTERS_DIGITS.sub(" ", normalise(name)).split()
    return r"\b" + r"[^a-z0-9]*".join(map(re.escape, parts)) + r"\b"


def _validate_pairs(pairs: Any) -> None:
    """[background] prescribed_with: a list of { given = [...], with = [...] } tables."""
    where = "modalities.toml: [background] prescribed_with"
    if not isinstance(pairs, list):
        raise RulesError(f"{where}: a list of {{ given = [...], with = [...] }} tables")
    for pair in pairs:
        if not isinstance(pair, dict) or set(pair) != {"given", "with"} or not all(
                isinstance(v, list) and v for v in pair.values()):
            raise RulesError(f"{where}: each entry needs a non-empty given and with list, "
                             f"nothing else (found: {pair!r:.80})")
        for pattern in pair["given"] + pair["with"]:
            _compile(pattern, where)


def _recasts(m: dict[str, Any]) -> list[Any]:
    """A modality's `recast_in_title`: one { title, to } table or a list of them."""
    value = m.get("recast_in_title", [])
    return value if isinstance(value, list) else [value]


def _compile(pattern: str, where: str) -> None:
    try:
        re.compile(pattern, re.IGNORECASE)
    except re.error as err:
        raise RulesError(f"{where}: bad regular expression {pattern!r}: {err}") from None


# letters, then a number of three or more characters starting with a digit: "mk 3475", not
# "il 2" or "oh 2" (the "OH2" virus must not be read in "Ca(OH)2")
_SPLIT_CODE = re.compile(r"([a-z]{1,6}) (\d[a-z0-9]{2,})")
_JOINED_CODE = re.compile(r"([a-z]{1,6})(\d[a-z0-9]{2,})")


def code_spelling(key: str) -> str | None:
    """The other spelling of a normalised development code: "mk 3475" <-> "mk3475"; None for
    a name that is no code (letters, then a number of three or more characters starting with a
    digit)."""
    split = _SPLIT_CODE.fullmatch(key)
    if split:
        return split.group(1) + split.group(2)
    joined = _JOINED_CODE.fullmatch(key)
    return f"{joined.group(1)} {joined.group(2)}" if joined else None


def load_config(path: Path | None = None) -> dict[str, Any]:
    where = path or settings.modalities_path()
    try:
        config = tomllib.loads(where.read_text("utf-8"))
    except tomllib.TOMLDecodeError as err:
        raise RulesError(f"{where.name}: not valid TOML: {err}") from None
    validate(config)
    return config


def build_classifier(config: dict[str, Any]) -> Classifier:
    base = config.get("explainer_base_url", "").rstrip("/")
    modalities = []
    products: dict[str, tuple[str, ...]] = {}
    stems: list[tuple[str, tuple[str, ...]]] = []
    patterns: dict[str, list[str]] = {}
    descriptions: dict[str, list[str]] = {}
    type_prior: dict[str, str] = {}
    spellings: list[tuple[str | None, str]] = []  # (the code's other spelling, modality)
    for i, m in enumerate(config["modality"]):
        slug = m.get("explainer", "")
        url = slug if slug.startswith("http") else (f"{base}/{slug}" if slug and base else None)
        listed: dict[str, str] = {}  # normalised name -> as this modality first lists it
        # a product that carries its kind gives it when it places the trial (either spelling of
        # a code), and is one of that kind's patterns where another placing text names it
        named_kinds: dict[str, list[str]] = {}
        product_kinds: dict[str, str] = {}
        for name, kind in _product_names(m):
            key = normalise(name).strip()
            if key in listed:
                # names are read normalised, so a repeat (or a spelling that differs only in
                # case or punctuation: "ADV-TK", "AdV-tk") is a leftover that reads nothing
                raise RulesError(f"modalities.toml: product {name!r} under {m['id']} repeats "
                                 f"{listed[key]!r} (names are matched without case or "
                                 f"punctuation)")
            listed[key] = name
            if name.rstrip().endswith("-"):
                # a product is a whole name: "ION-" would read as the word "ion" (heavy ion
                # therapy); a code prefix needs a pattern such as 'ION-?\d{3}'
                raise RulesError(f"modalities.toml: product {name!r} under {m['id']} is a code "
                                 f"prefix; put it under patterns (e.g. '{name}\\d')")
            if key and key in products and products[key] != (m["id"],):
                raise RulesError(f"modalities.toml: product {name!r} is listed under both "
                                 f"{products[key][0]} and {m['id']}")
            products.setdefault(key, (m["id"],))
            other = code_spelling(key)
            spellings.append((other, m["id"]))
            if kind:
                named_kinds.setdefault(kind, []).append(kind_pattern(name))
                product_kinds[key] = kind
                product_kinds.setdefault(other or key, kind)
        subs = tuple(Submodality(s["id"], s["label"],
                                 GatedRegex(s["patterns"] + named_kinds.get(s["id"], [])),
                                 default=s["patterns"] == DEFAULT_KIND,
                                 generic=GatedRegex(s["generic"]) if s.get("generic") else None)
                     for s in m.get("submodality", []))
        modalities.append(Modality(
            id=m["id"], label=m["label"], definition=m["definition"], explainer_url=url,
            colour=m["colour"], order=m.get("order", i), specificity=m.get("specificity", 99),
            suppresses=frozenset(m.get("suppresses", [])), submodalities=subs,
            title_fallback=m.get("title_fallback", True), carrier=bool(m.get("carrier", False)),
            observational_title=bool(m.get("observational_title", True)),
            yields_to_medicine=bool(m.get("yields_to_medicine", False)),
            kept_beside_medicine=re.compile("|".join(m["kept_beside_medicine"]), re.IGNORECASE)
            if m.get("kept_beside_medicine") else None,
            description_types=frozenset(m["description_types"])
            if "description_types" in m else None,
            patterns_not_in_types=frozenset(m.get("patterns_not_in_types", [])),
            denied_by=re.compile("|".join(m["denied_by"]), re.IGNORECASE)
            if m.get("denied_by") else None,
            recast_in_title=tuple((re.compile("|".join(r["title"]), re.IGNORECASE), r["to"],
                                   bool(r.get("named", True))) for r in _recasts(m)),
            explainer_verified=bool(m.get("explainer_verified", False)),
            product_kinds=product_kinds))
        if m.get("stems"):
            stems.append((m["id"], tuple(x.lower() for x in m["stems"])))
        patterns[m["id"]] = list(m.get("patterns", []))
        descriptions[m["id"]] = list(m.get("description_patterns", []))
        for t in m.get("types", []):
            type_prior[t] = m["id"]
    # a development code is written with or without its hyphen ("MK-3475", "MK3475"): both
    # spellings name the product, unless the other spelling is a product of its own
    for other, mid in spellings:
        if other:
            products.setdefault(other, (mid,))
    ids = {m.id for m in modalities}
    for name, mids in config.get("regimens", {}).items():
        key = normalise(name).strip()
        unknown = set(mids) - ids
        if unknown or key in products:
            raise RulesError(f"modalities.toml: regimen {name!r} "
                             + (f"names unknown {sorted(unknown)}" if unknown
                                else f"is also a product of {products[key][0]}"))
        products[key] = tuple(mids)
    for m in modalities:
        for _, to, _ in m.recast_in_title:
            if to not in ids:
                raise RulesError(f"modalities.toml: {m.id} recast_in_title names unknown "
                                 f"{to!r}")
        unknown_ids = m.suppresses - ids
        if unknown_ids:
            raise RulesError(f"modalities.toml: {m.id} suppresses unknown {sorted(unknown_ids)}")
    for table in ("setting_in_title", "standard_care", "standard_care_named"):
        unknown_kinds = set(config["background"].get(table, {})) - ids
        if unknown_kinds:
            raise RulesError(f"modalities.toml: background.{table} names unknown "
                             f"{sorted(unknown_kinds)}")
    for key, mid in config["outcomes"].items():
        if mid not in ids:
            raise RulesError(f"modalities.toml: [outcomes] {key} names unknown {mid!r}")
    bg = config["background"]

    def rx(key: str) -> GatedRegex:
        return GatedRegex(bg[key]) if bg.get(key) else NEVER

    def rx_by_kind(key: str) -> dict[str, GatedRegex]:
        """A [background.key] table: modality id -> its patterns."""
        return {mid: GatedRegex(alts) for mid, alts in bg.get(key, {}).items()}

    carriers = {m.id for m in modalities if m.carrier}
    titled = {m.id for m in modalities if m.title_fallback}
    pattern_sets = {}
    for layer, groups in ((Layer.NAME_PATTERN, patterns),
                          (Layer.DESCRIPTION_PATTERN, descriptions)):
        pattern_sets[layer, Scope.ALL] = lowered_patterns(groups)
        # the same patterns of carrier modalities only: the cheap second look (carriers)
        pattern_sets[layer, Scope.CARRIER] = lowered_patterns(
            {mid: alts for mid, alts in groups.items() if mid in carriers})
    # ... and of the kinds a title may name (title_fallback): the cheap first look
    pattern_sets[Layer.NAME_PATTERN, Scope.TITLE] = lowered_patterns(
        {mid: alts for mid, alts in patterns.items() if mid in titled})
    by_id = {m.id: m for m in modalities}
    names = NameReader(
        by_id=by_id, patterns=pattern_sets, type_prior=type_prior, products=products,
        stems=tuple(stems),
        stem_exceptions=tuple(w.casefold() for w in bg.get("stem_exceptions", [])),
        dosage_form=rx("dosage_form"),
        code_not_in_types=frozenset(bg.get("code_not_in_types", [])),
        pinyin_kind=config["outcomes"].get("pinyin_medicine"),
        cells_named=rx("cells_named"), cells_kind=config["outcomes"].get("cells_named"))
    # one compiled pattern for both readers of what a title says participants already take
    title_population = rx("title_population")
    roles = RoleReader(names=names, control=rx("control"), choice=rx("choice"),
                       choice_filler=rx("choice_filler"), ancillary=rx("ancillary"),
                       supportive=rx("supportive"), title_setting=rx("title_setting"),
                       title_population=title_population,
                       generic_medicine=rx("generic_medicine"),
                       generic_in_title=rx("generic_in_title"),
                       tracer_in_title=rx("tracer_in_title"))
    adjuvant_kinds = frozenset(mid for name in bg.get("adjuvant_products", [])
                               for mid, _ in names.find(Layer.PRODUCT, name))
    titles = TitleReader(names=names, title_joins=rx("title_joins"),
                         title_setting=rx("title_setting"), title_measure=rx("title_measure"),
                         title_history=rx("title_history"),
                         comparison_in_title=rx("comparison_in_title"),
                         title_programme=rx("title_programme"),
                         procedure_in_title=rx("procedure_in_title"),
                         recombinant_in_title=rx("recombinant_in_title"),
                         recombinant_kind=config["outcomes"].get("recombinant_in_title"),
                         supplement_in_title=rx("supplement_in_title"),
                         supplement_kind=config["outcomes"].get("supplement_in_title"),
                         programme_kind=config["outcomes"]["no_medicine"])
    return Classifier(
        version=str(config["version"]),
        modalities=tuple(modalities),
        names=names,
        roles=roles,
        titles=titles,
        background=Background(
            names=names, roles=roles, supportive=rx("supportive"), unmeasured=titles.unmeasured,
            conditioning=rx("conditioning"),
            conditioning_with=frozenset(bg["conditioning_with"]),
            conditioning_in_title=rx("conditioning_in_title"),
            toxicity_management=rx("toxicity_management"),
            toxicity_management_with=frozenset(bg.get("toxicity_management_with", [])),
            prescribed_with=tuple((GatedRegex(p["given"]), GatedRegex(p["with"]))
                                  for p in bg.get("prescribed_with", [])),
            prescribed_any=GatedRegex([g for p in bg.get("prescribed_with", [])
                                       for g in p["given"]]),
            support_in_title=rx("support_in_title"),
            support_before_in_title=rx("support_before_in_title"),
            support_in_transplant=rx("support_in_transplant"),
            transplant_setting=rx("transplant_setting"),
            graft_manipulation=rx("graft_manipulation"),
            transplant_regimen=rx("transplant_regimen"),
            transplant_given=rx("transplant_given"), transplant_after=rx("transplant_after"),
            transplant_in_title=rx("transplant_in_title"),
            graft_delivers=frozenset(bg.get("graft_delivers", [])),
            lymphodepletion=rx("lymphodepletion"),
            lymphodepleted_kind=config["outcomes"].get("lymphodepleted_code"),
            regimen_filler=rx("regimen_filler"),
            adjuvant_with=frozenset(bg.get("adjuvant_with", [])),
            adjuvant_kinds=adjuvant_kinds,
            title_population=title_population,
            immune_probe=rx("immune_probe"), immune_probe_titled=rx("immune_probe_titled"),
            setting_in_title=rx_by_kind("setting_in_title"),
            standard_care=rx_by_kind("standard_care"),
            standard_care_named=rx_by_kind("standard_care_named")),
        outcomes=Outcomes(**{k: v for k, v in config["outcomes"].items() if k in OUTCOME_KEYS}),
        drug_in_device=rx("drug_in_device"),
        procedure_delivers=frozenset(bg.get("procedure_delivers", [])),
    )


def load_classifier(path: Path | None = None) -> Classifier:
    return _cached_classifier(str(path or settings.modalities_path()))


@cache
def _cached_classifier(path: str) -> Classifier:
    return build_classifier(load_config(Path(path)))
