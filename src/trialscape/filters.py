"""Filters: one frozen value <-> URL parameters <-> SQL WHERE + bound parameters <-> caption.

Everything that slices the data goes through this object, so a chart, its cache key, the shared
link and the exported file always agree about which trials they mean (DESIGN §4).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields, replace
from typing import Any

from trialscape import enums

LIST_FIELDS = ("modality", "phase", "status", "sponsor_class", "sponsor", "condition", "area",
               "country", "study_type", "feature")
# `feature` (attribute:value of trial_attributes, "vector:AAV") extends DESIGN §4's names; it
# narrows to trials whose record states that feature (the advanced-therapy pages' charts).
URL_NAMES = (*LIST_FIELDS[:8], "start_from", "start_to", "study_type", "q", "feature")
MAX_VALUES = 50  # per filter: a link is a request, not a place to smuggle a table in
MAX_TEXT = 200
YEAR_RANGE = (1900, 2100)

# Values a filter accepts, where the vocabulary is closed. Open ones (sponsor, condition,
# country, area, modality) are checked against the snapshot by the page that offers them.
CLOSED = {"phase": enums.PHASES, "status": enums.STATUSES,
          "sponsor_class": enums.SPONSOR_CLASSES, "study_type": enums.STUDY_TYPES}


@dataclass(frozen=True)
class Filters:
    modality: tuple[str, ...] = ()
    phase: tuple[str, ...] = ()
    status: tuple[str, ...] = ()
    sponsor_class: tuple[str, ...] = ()
    sponsor: tuple[str, ...] = ()
    condition: tuple[str, ...] = ()
    area: tuple[str, ...] = ()
    country: tuple[str, ...] = ()
    start_from: int | None = None
    start_to: int | None = None
    study_type: tuple[str, ...] = ()
    q: str = ""
    feature: tuple[str, ...] = ()

    # --- URL ------------------------------------------------------------------------------

    @classmethod
    def from_params(cls, params: Mapping[str, str | Sequence[str]]) -> Filters:
        """Read URL parameters (repeated keys for several values); bad values are dropped."""
        def values(name: str) -> tuple[str, ...]:
            raw = params.get(name, ())
            items = [raw] if isinstance(raw, str) else list(raw)
            out: list[str] = []
            for item in items:
                item = " ".join(str(item).split())[:MAX_TEXT]
                if item and item not in out and (name not in CLOSED or item in CLOSED[name]):
                    out.append(item)
            return tuple(out[:MAX_VALUES])

        def year(name: str) -> int | None:
            found = values(name)
            if found and found[0].isdigit() and YEAR_RANGE[0] <= int(found[0]) <= YEAR_RANGE[1]:
                return int(found[0])
            return None

        text = values("q")
        return cls(**{name: values(name) for name in LIST_FIELDS},
                   start_from=year("start_from"), start_to=year("start_to"),
                   q=text[0] if text else "")

    @staticmethod
    def rejected(params: Mapping[str, str | Sequence[str]]) -> list[str]:
        """What from_params drops from these parameters, as "name=value (why)" lines: a link
        or command line should say so instead of silently showing everything."""
        out: list[str] = []
        for name in URL_NAMES:
            raw = params.get(name, ())
            items = [raw] if isinstance(raw, str) else list(raw)
            for item in items:
                text = " ".join(str(item).split())
                if not text:
                    continue
                if name in CLOSED and text not in CLOSED[name]:
                    allowed = ", ".join(CLOSED[name])
                    out.append(f"{name}={text[:60]} (not one of {allowed})")
                elif name in ("start_from", "start_to") and not (
                        text.isdigit() and YEAR_RANGE[0] <= int(text) <= YEAR_RANGE[1]):
                    out.append(f"{name}={text[:60]} (a year from {YEAR_RANGE[0]} to "
                               f"{YEAR_RANGE[1]})")
                elif len(text) > MAX_TEXT:
                    out.append(f"{name}=... (longer than {MAX_TEXT} characters; cut)")
            if name in LIST_FIELDS and len(items) > MAX_VALUES:
                out.append(f"{name} (more than {MAX_VALUES} values; the rest ignored)")
        return out

    def to_params(self) -> dict[str, list[str]]:
        """URL parameters for this view: only what is set, lists as repeated keys."""
        out: dict[str, list[str]] = {}
        for name in URL_NAMES:
            value = getattr(self, name)
            if isinstance(value, tuple) and value:
                out[name] = list(value)
            elif isinstance(value, int):
                out[name] = [str(value)]
            elif isinstance(value, str) and value:
                out[name] = [value]
        return out

    def key(self) -> str:
        """A short, stable text for cache keys (hashing a string is far cheaper for Streamlit
        than hashing this object)."""
        return json.dumps(self.to_params(), sort_keys=True, separators=(",", ":"))

    @classmethod
    def from_key(cls, key: str) -> Filters:
        return cls.from_params(json.loads(key))

    @property
    def is_empty(self) -> bool:
        return self == Filters()

    def narrowed(self, name: str, value: str | int) -> Filters:
        """These filters with `name` set to the one clicked value (a chart bar, cell, country).

        A year sets both ends of the start-year range. Unknown-bucket values ("NOT_GIVEN",
        "NONE", "UNSPECIFIED") cannot be filtered on and leave the filters as they are.
        """
        if value in ("NOT_GIVEN", "NONE", "UNSPECIFIED", "", None):
            return self
        if name == "start_year":
            year = int(value)
            return replace(self, start_from=year, start_to=year)
        if name not in LIST_FIELDS:
            raise ValueError(f"not a filter: {name}")
        text = str(value)
        if name in CLOSED and text not in CLOSED[name]:
            return self
        return replace(self, **{name: (text,)})  # type: ignore[arg-type]  # a list field

    def without(self, name: str) -> Filters:
        empty = Filters()
        return replace(self, **{name: getattr(empty, name)})

    # --- SQL ------------------------------------------------------------------------------

    def where(self) -> tuple[str, dict[str, Any]]:
        """A WHERE clause on the `trials` table and its bound parameters (never inlined)."""
        clauses: list[str] = []
        params: dict[str, Any] = {}

        def bind(name: str, value: Any) -> str:
            params[f"f_{name}"] = value
            return f"$f_{name}"

        if self.modality:
            # One bit per modality (modality_bits): 3 ms at 600k trials, list_has_any 42 ms.
            clauses.append("modality_mask & (SELECT bit_or(bit) FROM modality_bits WHERE "
                           f"list_contains({bind('modality', list(self.modality))}, modality))"
                           " <> 0")
        for name, column in (("phase", "phase"), ("status", "overall_status"),
                             ("sponsor_class", "lead_sponsor_class"),
                             ("study_type", "study_type"), ("sponsor", "sponsor")):
            value = getattr(self, name)
            if value:
                clauses.append(f"list_contains({bind(name, list(value))}, {column}::VARCHAR)")
        if self.area:
            clauses.append(f"list_has_any(areas, {bind('area', list(self.area))})")
        if self.country:
            clauses.append(f"list_has_any(countries, {bind('country', list(self.country))})")
        if self.condition:
            # Conditions are free text: match any given phrase inside any condition or MeSH term.
            ors = [f"contains(condition_text, {bind(f'condition_{i}', c.lower())})"
                   for i, c in enumerate(self.condition)]
            clauses.append("(" + " OR ".join(ors) + ")")
        if self.start_from is not None:
            clauses.append(f"start_year >= {bind('start_from', self.start_from)}")
        if self.start_to is not None:
            clauses.append(f"start_year <= {bind('start_to', self.start_to)}")
        for i, word in enumerate(search_words(self.q)):
            clauses.append(f"contains(search_text, {bind(f'q_{i}', word)})")
        if self.feature:
            # several values of one attribute: any of them; of different attributes: all
            by_attribute: dict[str, list[str]] = {}
            for item in self.feature:
                by_attribute.setdefault(item.partition(":")[0], []).append(item)
            for i, items in enumerate(by_attribute.values()):
                clauses.append("nct_id IN (SELECT nct_id FROM trial_attributes WHERE "
                               "list_contains(" + bind(f"feature_{i}", items)
                               + ", attribute || ':' || value))")
        return (" AND ".join(clauses) or "TRUE"), params

    # --- words ----------------------------------------------------------------------------

    def describe(self, modality_labels: Mapping[str, str] | None = None,
                 area_labels: Mapping[str, str] | None = None) -> list[str]:
        """One plain phrase per active filter, for captions and the export's filter sheet."""
        mods = modality_labels or {}
        areas = area_labels or {}
        parts = []
        if self.modality:
            parts.append("Modality: " + ", ".join(mods.get(m, m) for m in self.modality))
        for name, title in (("phase", "Phase"), ("status", "Status"),
                            ("sponsor_class", "Sponsor type"), ("study_type", "Study type")):
            value = getattr(self, name)
            if value:
                parts.append(f"{title}: " + ", ".join(enums.label(CLOSED[name], v)
                                                      for v in value))
        if self.sponsor:
            parts.append("Lead sponsor: " + "; ".join(self.sponsor))
        if self.feature:
            parts.append("Feature: " + "; ".join(feature_words(f) for f in self.feature))
        if self.condition:
            parts.append("Condition mentions: " + "; ".join(self.condition))
        if self.area:
            parts.append("Therapeutic area: " + ", ".join(areas.get(a, a) for a in self.area))
        if self.country:
            parts.append("Country: " + ", ".join(self.country))
        if self.start_from is not None or self.start_to is not None:
            lo = self.start_from if self.start_from is not None else "any year"
            hi = self.start_to if self.start_to is not None else "any year"
            parts.append(f"Start year: {lo} to {hi}")
        if self.q:
            parts.append(f"Text: “{self.q}”")
        return parts

    def caption(self, modality_labels: Mapping[str, str] | None = None,
                area_labels: Mapping[str, str] | None = None) -> str:
        parts = self.describe(modality_labels, area_labels)
        return "All trials (no filter)" if not parts else "Filtered: " + " · ".join(parts)

    def slug(self, limit: int = 80) -> str:
        """A file-name-safe summary: trialscape_<slug>_<date>.csv."""
        bits: list[str] = []
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, tuple) and value:
                bits.append("-".join(value))
            elif isinstance(value, int):
                bits.append(f"{f.name.replace('start_', '')}{value}")
            elif isinstance(value, str) and value:
                bits.append(value)
        text = re.sub(r"[^a-z0-9]+", "-", "_".join(bits).lower()).strip("-")
        return (text[:limit].rstrip("-") or "all-trials")


def search_words(text: str) -> list[str]:
    """Lower-cased words of a free-text search; every word must appear."""
    return [w for w in re.split(r"\s+", text.lower().strip()) if w][:10]


def feature_words(item: str) -> str:
    """'vector:AAV' -> 'Vehicle: AAV' (data/attributes.toml labels)."""
    from trialscape.classify.attributes import default_rules

    attribute, _, value = item.partition(":")
    return f"{default_rules().labels.get(attribute, attribute)}: {value}"
