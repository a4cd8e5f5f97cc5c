"""Filters: one frozen value <-> URL parameters <-> SQL WHERE + bound parameters <-> caption.

Everything that slices the data goes through this object, so a chart, its cache key, the shared
link and the exported file always agree about which trials they mean (DESIGN §4).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, fields, replace
from typing import Any

from trialscape import enums

Bind = Callable[[str, Any], str]  # (parameter name, value) -> "$f_name", the value bound
MAX_VALUES = 50  # per filter: a link is a request, not a place to smuggle a table in
MAX_TEXT = 200
YEAR_RANGE = (1900, 2100)


@dataclass(frozen=True)
class ListFilter:
    """One list filter, as a row: its name (the Filters field, the URL parameter and the CLI
    flag `--name-with-dashes`), its words in captions, the SQL it adds to the WHERE clause (on
    the `trials` table, values always bound), and its vocabulary where that is closed (values
    outside it are refused from links and the command line). Several values of one filter
    combine with OR; filters combine with AND."""

    name: str
    label: str
    sql: Callable[[Bind, tuple[str, ...]], str]
    closed: Mapping[str, str] | None = None
    joiner: str = ", "
    value_words: Callable[[str], str] | None = None  # a value's words, when not a label

    def words(self, values: tuple[str, ...], labels: Mapping[str, Mapping[str, str]]) -> str:
        if self.value_words is not None:
            shown = [self.value_words(v) for v in values]
        elif self.closed is not None:
            shown = [enums.label(self.closed, v) for v in values]
        else:
            names = labels.get(self.name, {})
            shown = [names.get(v, v) for v in values]
        return f"{self.label}: " + self.joiner.join(shown)


def _as_text(name: str, column: str) -> Callable[[Bind, tuple[str, ...]], str]:
    return lambda bind, v: f"list_contains({bind(name, list(v))}, {column}::VARCHAR)"


def _any_of(name: str, column: str) -> Callable[[Bind, tuple[str, ...]], str]:
    return lambda bind, v: f"list_has_any({column}, {bind(name, list(v))})"


def _modality(bind: Bind, values: tuple[str, ...]) -> str:
    # One bit per modality (modality_bits): 3 ms at 600k trials, list_has_any 42 ms.
    return ("modality_mask & (SELECT bit_or(bit) FROM modality_bits WHERE "
            f"list_contains({bind('modality', list(values))}, modality)) <> 0")


def _condition(bind: Bind, values: tuple[str, ...]) -> str:
    # Conditions are free text: match any given phrase inside any condition or MeSH term.
    ors = [f"contains(condition_text, {bind(f'condition_{i}', c.lower())})"
           for i, c in enumerate(values)]
    return "(" + " OR ".join(ors) + ")"


def _feature(bind: Bind, values: tuple[str, ...]) -> str:
    # attribute:value of trial_attributes; several values of one attribute: any of them; of
    # different attributes: all
    by_attribute: dict[str, list[str]] = {}
    for item in values:
        by_attribute.setdefault(item.partition(":")[0], []).append(item)
    return " AND ".join(
        "nct_id IN (SELECT nct_id FROM trial_attributes WHERE list_contains("
        + bind(f"feature_{i}", items) + ", attribute || ':' || value))"
        for i, items in enumerate(by_attribute.values()))


def feature_words(item: str) -> str:
    """'vector:AAV' -> 'Vehicle: AAV' (data/attributes.toml labels)."""
    from trialscape.classify.attributes import default_rules

    attribute, _, value = item.partition(":")
    return f"{default_rules().labels.get(attribute, attribute)}: {value}"


# Every list filter, in the order captions name them. A new filter is a row here, a field of
# Filters, and a test; the WHERE clause, the captions, the URL and the CLI come from the row.
LIST_FILTERS: tuple[ListFilter, ...] = (
    ListFilter("modality", "Modality", _modality),
    ListFilter("phase", "Phase", _as_text("phase", "phase"), enums.PHASES),
    ListFilter("status", "Status", _as_text("status", "overall_status"), enums.STATUSES),
    ListFilter("sponsor_class", "Sponsor type",
               _as_text("sponsor_class", "lead_sponsor_class"), enums.SPONSOR_CLASSES),
    ListFilter("study_type", "Study type", _as_text("study_type", "study_type"),
               enums.STUDY_TYPES),
    ListFilter("sponsor", "Lead sponsor", _as_text("sponsor", "sponsor"), joiner="; "),
    # `feature` extends DESIGN §4's names: what an advanced-therapy record states
    ListFilter("feature", "Feature", _feature, joiner="; ", value_words=feature_words),
    ListFilter("condition", "Condition mentions", _condition, joiner="; "),
    ListFilter("area", "Therapeutic area", _any_of("area", "areas")),
    ListFilter("country", "Country", _any_of("country", "countries")),
)
LIST_FIELDS = tuple(f.name for f in LIST_FILTERS)
# The URL's names (DESIGN §4, in its order), then those added since.
URL_NAMES = ("modality", "phase", "status", "sponsor_class", "sponsor", "condition", "area",
             "country", "start_from", "start_to", "study_type", "q", "feature")
# Values a filter accepts, where the vocabulary is closed. Modality and area ids are
# trialscape's own too, but read from data files: from_params and rejected take them as
# `vocabularies` (trialscape.ids). Sponsors, conditions and countries are open.
CLOSED = {f.name: f.closed for f in LIST_FILTERS if f.closed is not None}


def _closed(vocabularies: Mapping[str, Collection[str]] | None
            ) -> Mapping[str, Collection[str]]:
    """The closed vocabularies, with those of data files added (sorted, as messages list
    them)."""
    if not vocabularies:
        return CLOSED
    return {**CLOSED, **{name: sorted(ids) for name, ids in vocabularies.items()}}


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
    def from_params(cls, params: Mapping[str, str | Sequence[str]],
                    vocabularies: Mapping[str, Collection[str]] | None = None) -> Filters:
        """Read URL parameters (repeated keys for several values); bad values are dropped,
        among them a value outside a closed vocabulary, or outside `vocabularies` (ids that
        data files define: modalities, therapeutic areas; see `trialscape.ids`)."""
        closed = _closed(vocabularies)

        def values(name: str) -> tuple[str, ...]:
            raw = params.get(name, ())
            items = [raw] if isinstance(raw, str) else list(raw)
            out: list[str] = []
            for item in items:
                item = " ".join(str(item).split())[:MAX_TEXT]
                if item and item not in out and (name not in closed or item in closed[name]):
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
    def rejected(params: Mapping[str, str | Sequence[str]],
                 vocabularies: Mapping[str, Collection[str]] | None = None) -> list[str]:
        """What from_params drops from these parameters, as "name=value (why)" lines: a link
        or command line should say so instead of silently showing everything (or, for an id
        no vocabulary holds, nothing)."""
        closed = _closed(vocabularies)
        out: list[str] = []
        for name in URL_NAMES:
            raw = params.get(name, ())
            items = [raw] if isinstance(raw, str) else list(raw)
            for item in items:
                text = " ".join(str(item).split())
                if not text:
                    continue
                if name in closed and text not in closed[name]:
                    allowed = ", ".join(closed[name])
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

        for spec in LIST_FILTERS:
            values = getattr(self, spec.name)
            if values:
                clauses.append(spec.sql(bind, values))
        if self.start_from is not None:
            clauses.append(f"start_year >= {bind('start_from', self.start_from)}")
        if self.start_to is not None:
            clauses.append(f"start_year <= {bind('start_to', self.start_to)}")
        for i, word in enumerate(search_words(self.q)):
            clauses.append(f"contains(search_text, {bind(f'q_{i}', word)})")
        return (" AND ".join(clauses) or "TRUE"), params

    # --- words ----------------------------------------------------------------------------

    def describe(self, modality_labels: Mapping[str, str] | None = None,
                 area_labels: Mapping[str, str] | None = None) -> list[str]:
        """One plain phrase per active filter, for captions and the export's filter sheet."""
        labels = {"modality": modality_labels or {}, "area": area_labels or {}}
        parts = [spec.words(getattr(self, spec.name), labels) for spec in LIST_FILTERS
                 if getattr(self, spec.name)]
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

