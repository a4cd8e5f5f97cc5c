"""Therapeutic areas from MeSH terms (or condition text when a record has no MeSH)."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from trialscape import settings


@dataclass(frozen=True)
class Area:
    id: str
    label: str
    mesh: frozenset[str]
    keywords: re.Pattern[str] | None


@dataclass(frozen=True)
class TherapeuticAreas:
    areas: tuple[Area, ...]

    def for_trial(self, mesh_terms: list[str], conditions: list[str]) -> list[str]:
        """Area ids, in display order: those the MeSH terms name and those the condition text
        names (older records have no MeSH; indexing can miss the main disease)."""
        terms = {t.casefold() for t in mesh_terms}
        text = " | ".join(conditions).casefold()
        return [a.id for a in self.areas
                if (terms and a.mesh & terms)
                or (text and a.keywords is not None and a.keywords.search(text))]

    def labels(self) -> dict[str, str]:
        return {a.id: a.label for a in self.areas}


def load_areas(path: Path | None = None) -> TherapeuticAreas:
    data = tomllib.loads((path or settings.reference_path("therapeutic_areas.toml"))
                        .read_text("utf-8"))
    areas = []
    for a in data["area"]:
        words = a.get("keywords") or []
        pattern = re.compile("|".join(
            f"(?:{w[1:]})" if w.startswith("~") else rf"\b(?:{w})" for w in words)
        ) if words else None
        areas.append(Area(a["id"], a["label"], frozenset(m.casefold() for m in a["mesh"]),
                          pattern))
    return TherapeuticAreas(tuple(areas))


@cache
def default_areas() -> TherapeuticAreas:
    return load_areas()
