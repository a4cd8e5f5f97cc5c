"""One spelling per country, driven by data/countries.toml."""

from __future__ import annotations

import csv
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from trialscape import settings


@dataclass(frozen=True, slots=True)
class Place:
    """A site's address parts after the country was read; `unrecognised` is a country field
    that names no country we know (reported by the import), else None."""
    facility: str | None
    city: str | None
    state: str | None
    country: str | None
    unrecognised: str | None = None


@dataclass(frozen=True)
class CountryNames:
    lookup: dict[str, str]  # casefolded spelling -> canonical name

    def canonical(self, raw: str | None) -> str | None:
        """The canonical country for a registry spelling, or None when it names no country."""
        if raw is None:
            return None
        return self.lookup.get(raw.strip().casefold())

    def place(self, facility: str | None, city: str | None, state: str | None,
              country: str | None) -> Place:
        """Read a site's country. Older exports split a name like "Korea, Republic of" at its
        comma, so the head lands in the field before (state, else city, else facility) and the
        tail in `country`; the two are joined again and the head's field is cleared."""
        if country is None:
            return Place(facility, city, state, None)
        found = self.canonical(country)
        if found is not None:
            return Place(facility, city, state, found)
        fields = [facility, city, state]
        for i in (2, 1, 0):
            if fields[i]:
                joined = self.canonical(f"{fields[i]}, {country}")
                if joined is not None:
                    fields[i] = None
                    return Place(fields[0], fields[1], fields[2], joined)
                break  # only the nearest field can hold the head of a split name
        if not any(fields):
            # A lone value with no address around it is a facility or a code typed into the
            # country box ("Pfizer Investigational Site"): no country, and no spelling to add.
            return Place(facility, city, state, None)
        return Place(facility, city, state, None, country)


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


@cache
def country_centres(path: Path | None = None) -> dict[str, tuple[float, float]]:
    """Canonical country -> (lat, lon) of its centre, for the map (data/country_centres.csv)."""
    where = path or settings.reference_path("country_centres.csv")
    with open(where, newline="", encoding="utf-8") as fh:
        lines = (line for line in fh if not line.startswith("#"))
        return {r["country"]: (float(r["lat"]), float(r["lon"])) for r in csv.DictReader(lines)}
