"""What an advanced-therapy trial's record says beyond its modality: the vehicle, in the body or
in the lab, where it goes, inherited or acquired, the editor, the target antigen, whose cells...
Rules in data/attributes.toml; pure functions over a trial's text, with the text that matched
kept as evidence (as the modality placements keep theirs). docs/attributes.md has the rules
and how well they agree with hand labels.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from trialscape import settings
from trialscape.classify.rules import RulesError

# One value per trial for these (the first that matches, in the file's order); the others can
# hold several (a trial using AAV and a plasmid, aiming at liver and muscle).
EXCLUSIVE = frozenset({"delivery", "cell_kind", "donor", "inheritance", "follow_up"})
# Fields read, strongest first: the first field that matches is the evidence.
FIELDS = ("intervention", "description", "title", "conditions", "summary")
NOT_STATED = "Not stated in the record"
# Where an attribute is read when not everywhere: a summary names organs in passing ("can
# spread to the brain"), so where a therapy goes is read from what the record lists.
FIELDS_OF = {"follow_up": ("title", "summary"), "indication": ("conditions", "title"),
             "target": ("intervention", "description", "title", "conditions")}


@dataclass(frozen=True)
class TrialText:
    nct_id: str
    modalities: tuple[str, ...]
    intervention: str = ""  # names and other names
    description: str = ""
    title: str = ""  # brief and official
    conditions: str = ""
    summary: str = ""
    mesh_ancestors: tuple[str, ...] = ()


@dataclass(frozen=True)
class Rules:
    applies: dict[str, tuple[str, ...]]  # modality -> attributes
    labels: dict[str, str]
    values: dict[str, tuple[tuple[str, re.Pattern[str]], ...]]  # attribute -> (value, pattern)
    inherited_mesh: frozenset[str]
    monogenic: re.Pattern[str]


def load_rules(path: Path | None = None) -> Rules:
    where = path or settings.reference_path("attributes.toml")
    try:
        data = tomllib.loads(where.read_text("utf-8"))
    except tomllib.TOMLDecodeError as err:
        raise RulesError(f"{where.name}: not valid TOML: {err}") from None
    missing = {"labels", "applies", "inheritance"} - set(data)
    if missing:
        raise RulesError(f"{where.name}: missing table(s) {', '.join(sorted(missing))}")
    unlabelled = {a for attrs in data["applies"].values() for a in attrs} - set(data["labels"])
    if unlabelled:
        raise RulesError(f"{where.name}: [applies] names attribute(s) with no label: "
                         f"{', '.join(sorted(unlabelled))}")
    values: dict[str, tuple[tuple[str, re.Pattern[str]], ...]] = {}
    for attribute in data["labels"]:
        if attribute == "inheritance":
            continue
        table = data.get(attribute, {})
        try:
            values[attribute] = tuple((value, re.compile("|".join(f"(?:{p})" for p in alts),
                                                         re.IGNORECASE))
                                      for value, alts in table.items())
        except re.error as err:
            raise RulesError(f"{where.name}: [{attribute}] bad pattern: {err}") from None
    inh = data["inheritance"]
    return Rules({m: tuple(a) for m, a in data["applies"].items()}, dict(data["labels"]), values,
                 frozenset(t.casefold() for t in inh["mesh"]),
                 re.compile("|".join(f"(?:{p})" for p in inh["monogenic"]), re.IGNORECASE))


@cache
def default_rules() -> Rules:
    return load_rules()


def _snippet(text: str, match: re.Match[str]) -> str:
    start = max(0, match.start() - 30)
    end = min(len(text), match.end() + 30)
    return ("…" if start else "") + " ".join(text[start:end].split()) + (
        "…" if end < len(text) else "")


def derive(t: TrialText, rules: Rules | None = None) -> list[tuple[str, str, str]]:
    """(attribute, value, evidence) for every attribute the trial's modalities have and its
    record states."""
    rules = rules or default_rules()
    wanted: list[str] = []
    for m in t.modalities:
        wanted += [a for a in rules.applies.get(m, ()) if a not in wanted]
    out: list[tuple[str, str, str]] = []
    for attribute in wanted:
        if attribute == "inheritance":
            out += _inheritance(t, rules)
            continue
        fields = FIELDS_OF.get(attribute, FIELDS)
        for value, pattern in rules.values.get(attribute, ()):
            for field in fields:
                text = getattr(t, field)
                match = pattern.search(text) if text else None
                if match:
                    shown = _serotype(match) if attribute == "serotype" else value
                    out.append((attribute, shown,
                                f"{field} '{_snippet(text, match)}' says {match.group(0)!r}"))
                    break
            if attribute in EXCLUSIVE and out and out[-1][0] == attribute:
                break
    out = _delivery_from_vehicle(out, wanted)
    seen: set[tuple[str, str]] = set()
    unique = []
    for row in out:
        if (row[0], row[1]) not in seen:
            seen.add((row[0], row[1]))
            unique.append(row)
    return unique


def _serotype(match: re.Match[str]) -> str:
    text = match.group(0).upper().replace(" ", "").replace("-", "").replace("RAAV", "AAV")
    return text.replace("AAVRH.", "AAVrh").replace("AAVRH", "AAVrh").replace("AAVHU", "AAVhu")


def _inheritance(t: TrialText, rules: Rules) -> list[tuple[str, str, str]]:
    found = sorted(a for a in t.mesh_ancestors if a.casefold() in rules.inherited_mesh)
    if found:
        return [("inheritance", "Inherited",
                 f"the registry's MeSH tree places a condition under {found[0]!r}")]
    for field in ("conditions", "title"):
        text = getattr(t, field)
        match = rules.monogenic.search(text) if text else None
        if match:
            return [("inheritance", "Inherited",
                     f"{field} '{_snippet(text, match)}' names an inherited disease "
                     f"({match.group(0)!r})")]
    if t.conditions.strip():
        shown = " ".join(t.conditions.split())
        shown = shown if len(shown) <= 80 else shown[:79] + "…"
        return [("inheritance", "Acquired",
                 f"conditions '{shown}' name no inherited disease")]
    return []


# Vehicles that are given into the body: a trial that names one and says nothing about the
# lab is an in vivo gene therapy ("Talimogene laherparepvec", "Ad5CMV-p53").
IN_VIVO_VEHICLES = ("AAV", "Adenoviral", "Herpes simplex virus", "Other oncolytic virus",
                    "Plasmid / naked DNA", "Lipid nanoparticle")


def _delivery_from_vehicle(out: list[tuple[str, str, str]], wanted: list[str]
                           ) -> list[tuple[str, str, str]]:
    if "delivery" not in wanted or any(a == "delivery" for a, _, _ in out):
        return out
    vehicle = next((v for a, v, _ in out if a == "vector" and v in IN_VIVO_VEHICLES), None)
    if vehicle is None:
        return out
    return [*out, ("delivery", "In vivo (given into the body)",
                   f"the vehicle, {vehicle}, is given into the body")]
