"""One spelling per country, driven by data/countries.toml."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from trialscape import settings


@dataclass(frozen=True)
class CountryNames:
    lookup: dict[str, str]  # casefolded spelling -> canonical name

    def canonical(self, raw: str | None) -> str | None:
        """The canonical country for a registry spelling, or None when it names no country."""
        if raw is None:
            return None
        return self.lookup.get(raw.strip().casefold())


def load_country_names(path: Path | None = None) -> CountryNames:
    data = tomllib.loads((path or settings.reference_path("countries.toml")).read_text("utf-8"))
    lookup = {name.casefold(): name for name in data["canonical"]}
    for alias, target in data["aliases"].items():
        if target not in data["canonical"]:
            raise ValueError(f"countries.toml: alias {alias!r} points to unknown {target!r}")
        lookup[alias.strip().casefold()] = target
    return CountryNames(lookup)


@cache
def default_country_names() -> CountryNames:
    return load_country_names()
